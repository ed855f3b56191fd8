// Internal: the Parser class shared by parser.cc (structure),
// parser_expr.cc (expressions) and parser_template.cc (templates).
#pragma once

#include <string>
#include <vector>

#include "base/source.h"
#include "hcl/ast.h"
#include "hcl/token.h"

namespace strata::hcl {

// Thrown after an error has been recorded; caught at the body-item level,
// which then skips to the next item. Never escapes the parser.
struct ParseAbort {};

class Parser {
 public:
  Parser(std::string filename, std::vector<Token> tokens, Diagnostics* diags);

  // Parses body items until the end of the file (open == nullptr) or the
  // "}" matching `open`.
  void ParseBody(Body* body, const Token* open);
  // An expression followed only by newlines and the end of the input.
  ExprPtr ParseStandalone();

  // ---- Token access ----
  // The index of the next significant token: newlines are skipped unless
  // the innermost context includes them.
  size_t PeekIndex() const;
  const Token& Peek() const { return toks_[PeekIndex()]; }
  const Token& PeekRaw() const { return toks_[pos_]; }
  const Token& Next();
  void PushNewlines(bool include) { newlines_.push_back(include); }
  void PopNewlines() { newlines_.pop_back(); }
  class NewlineScope {
   public:
    NewlineScope(Parser* p, bool include) : p_(p) { p_->PushNewlines(include); }
    ~NewlineScope() { p_->PopNewlines(); }
    NewlineScope(const NewlineScope&) = delete;
    NewlineScope& operator=(const NewlineScope&) = delete;

   private:
    Parser* p_;
  };

  // Bounds recursion on deeply nested input.
  static constexpr int kMaxDepth = 256;
  class DepthGuard {
   public:
    DepthGuard(Parser* p, const Token& at);
    ~DepthGuard() { --p_->depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    Parser* p_;
  };

  SourceRange Range(const Token& t) const;
  SourceRange Range(const Token& from, const Token& to) const;
  static SourceRange Join(const SourceRange& a, const SourceRange& b);

  // Records an error and aborts the current body item.
  [[noreturn]] void Fail(const SourceRange& at, const std::string& summary,
                         const std::string& detail);
  [[noreturn]] void Fail(const Token& at, const std::string& summary, const std::string& detail) {
    Fail(Range(at), summary, detail);
  }
  // Aborts the current item without a new error (the lexer reported it).
  [[noreturn]] void Abort();
  // Records an error without aborting.
  void Report(const SourceRange& at, const std::string& summary, const std::string& detail);

  // ---- Structure (parser.cc) ----
  void ParseBodyItem(Body* body);
  void FinishAttribute(Body* body, const Token& ident, bool single_line);
  void FinishBlock(Body* body, const Token& ident);
  void ParseSingleAttributeBody(Body* body);
  void AddAttribute(Body* body, AttributeNode attr);
  // Skips the rest of a broken item that started at token `start`.
  void RecoverItem(size_t start);

  // ---- Expressions (parser_expr.cc) ----
  ExprPtr ParseExpression();
  ExprPtr ParseTernary();
  ExprPtr ParseBinary(int level);
  ExprPtr ParseWithTraversals();
  ExprPtr ParseTraversals(ExprPtr from);
  ExprPtr ParseTerm();
  ExprPtr FinishCall(const Token& name);
  ExprPtr ParseTuple();
  ExprPtr ParseObject();
  ExprPtr FinishFor(const Token& open);
  ExprPtr MakeNumber(const Token& t);

  // ---- Templates (parser_template.cc) ----
  ExprPtr ParseTemplate();
  // A quoted string without interpolations (block labels).
  std::string ParseQuotedStringLiteral(SourceRange* range);
  // Decodes a kQuotedLit (escapes) or kStringLit token.
  std::string DecodeLiteral(const Token& t);

  const std::string& filename() const { return filename_; }
  SourceRange MakeRangeFor(const SourcePos& a, const SourcePos& b) const;

 private:
  std::string filename_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
  std::vector<bool> newlines_;
  Diagnostics* diags_;
  size_t error_pos_ = 0;  // token index where the last error was found
  bool reported_unclosed_ = false;
  int depth_ = 0;  // nesting of bodies and expressions, bounded by kMaxDepth
};

}  // namespace strata::hcl
