// Structural parsing: bodies, attributes, blocks, and error recovery.
#include "hcl/parser.h"

#include <algorithm>

#include "hcl/lexer.h"
#include "hcl/parser_impl.h"

namespace strata::hcl {
namespace {

constexpr const char* kUnclosedBlockDetail =
    "There is no closing brace for this block before the end of the file. This may be caused "
    "by incorrect brace nesting elsewhere in this file.";

// Comments are dropped for parsing; a line comment stands for its newline.
std::vector<Token> SignificantTokens(std::vector<Token> tokens) {
  std::vector<Token> out;
  out.reserve(tokens.size());
  for (auto& t : tokens) {
    if (t.type == TokenType::kComment) {
      if (!t.IsLineComment()) continue;
      t.type = TokenType::kNewline;
    }
    out.push_back(std::move(t));
  }
  return out;
}

TokenType CloserFor(TokenType t) {
  switch (t) {
    case TokenType::kOBrace:
      return TokenType::kCBrace;
    case TokenType::kOBrack:
      return TokenType::kCBrack;
    case TokenType::kOParen:
      return TokenType::kCParen;
    case TokenType::kTemplateInterp:
    case TokenType::kTemplateControl:
      return TokenType::kTemplateSeqEnd;
    case TokenType::kOQuote:
      return TokenType::kCQuote;
    case TokenType::kOHeredoc:
      return TokenType::kCHeredoc;
    default:
      return TokenType::kEOF;
  }
}

bool IsCloser(TokenType t) {
  return t == TokenType::kCBrace || t == TokenType::kCBrack || t == TokenType::kCParen ||
         t == TokenType::kTemplateSeqEnd || t == TokenType::kCQuote || t == TokenType::kCHeredoc;
}

}  // namespace

const AttributeNode* Body::Attr(const std::string& name) const {
  for (const auto& a : attributes)
    if (a.name == name) return &a;
  return nullptr;
}

Parser::Parser(std::string filename, std::vector<Token> tokens, Diagnostics* diags)
    : filename_(std::move(filename)), toks_(SignificantTokens(std::move(tokens))), diags_(diags) {
  newlines_.push_back(true);
}

size_t Parser::PeekIndex() const {
  size_t i = pos_;
  if (!newlines_.back()) {
    while (toks_[i].type == TokenType::kNewline) ++i;
  }
  return i;
}

const Token& Parser::Next() {
  size_t i = PeekIndex();
  if (toks_[i].type != TokenType::kEOF)
    pos_ = i + 1;
  else
    pos_ = i;
  return toks_[i];
}

SourceRange Parser::Range(const Token& t) const { return MakeRange(filename_, t.start, t.end); }

SourceRange Parser::Range(const Token& from, const Token& to) const {
  return MakeRange(filename_, from.start, to.end);
}

SourceRange Parser::Join(const SourceRange& a, const SourceRange& b) {
  SourceRange r = a;
  r.end = b.end;
  return r;
}

void Parser::Report(const SourceRange& at, const std::string& summary, const std::string& detail) {
  diags_->Error(at, summary, detail);
}

void Parser::Fail(const SourceRange& at, const std::string& summary, const std::string& detail) {
  Report(at, summary, detail);
  error_pos_ = pos_;
  throw ParseAbort{};
}

void Parser::Abort() {
  error_pos_ = pos_;
  throw ParseAbort{};
}

Parser::DepthGuard::DepthGuard(Parser* p, const Token& at) : p_(p) {
  if (++p_->depth_ > kMaxDepth)
    p_->Fail(at, "Nesting too deep",
             "This expression or block is nested more than " + std::to_string(kMaxDepth) +
                 " levels deep.");
}

void Parser::ParseBody(Body* body, const Token* open) {
  NewlineScope scope(this, true);
  DepthGuard guard(this, open != nullptr ? *open : PeekRaw());
  body->range = open != nullptr ? Range(*open) : Range(PeekRaw());
  while (true) {
    const Token& t = Peek();
    switch (t.type) {
      case TokenType::kNewline:
        Next();
        continue;
      case TokenType::kEOF:
        if (open != nullptr && !reported_unclosed_) {
          reported_unclosed_ = true;
          Report(Range(*open), "Unclosed configuration block", kUnclosedBlockDetail);
        }
        body->range = Join(body->range, Range(t));
        return;
      case TokenType::kCBrace:
        if (open != nullptr) {
          body->range = Join(body->range, Range(Next()));
          return;
        }
        Report(Range(t), "Argument or block definition required",
               "An argument or block definition is required here. This closing brace does "
               "not match any open block.");
        Next();
        continue;
      default: {
        size_t start = PeekIndex();
        try {
          ParseBodyItem(body);
        } catch (const ParseAbort&) {
          RecoverItem(start);
        }
      }
    }
  }
}

void Parser::ParseBodyItem(Body* body) {
  const Token& ident = Next();
  if (ident.type != TokenType::kIdent) {
    if (ident.type == TokenType::kInvalid) Abort();
    if (ident.type == TokenType::kOQuote)
      Fail(ident, "Invalid argument name", "Argument names must not be quoted.");
    Fail(ident, "Argument or block definition required",
         "An argument or block definition is required here.");
  }
  const Token& next = Peek();
  switch (next.type) {
    case TokenType::kEqual:
      FinishAttribute(body, ident, false);
      return;
    case TokenType::kOQuote:
    case TokenType::kOBrace:
    case TokenType::kIdent:
      FinishBlock(body, ident);
      return;
    case TokenType::kInvalid:
      Next();
      Abort();
    default:
      Fail(ident, "Argument or block definition required",
           "An argument or block definition is required here. To set an argument, use the "
           "equals sign \"=\" to introduce the argument value.");
  }
}

void Parser::AddAttribute(Body* body, AttributeNode attr) {
  if (const AttributeNode* existing = body->Attr(attr.name)) {
    Report(attr.name_range, "Attribute redefined",
           "The argument \"" + attr.name + "\" was already set at " +
               existing->name_range.ToString() + ". Each argument may be set only once.");
    return;
  }
  body->attributes.push_back(std::move(attr));
}

void Parser::FinishAttribute(Body* body, const Token& ident, bool single_line) {
  Next();  // "="
  ExprPtr expr = ParseExpression();
  AttributeNode attr;
  attr.name = ident.text;
  attr.name_range = Range(ident);
  attr.range = Join(attr.name_range, expr->range);
  attr.expr = std::move(expr);
  AddAttribute(body, std::move(attr));
  if (single_line) return;
  const Token& end = Peek();
  if (end.type == TokenType::kNewline) {
    Next();
  } else if (end.type == TokenType::kComma) {
    Fail(end, "Unexpected comma after argument",
         "Argument definitions must be separated by newlines, not commas. An argument "
         "definition must end with a newline.");
  } else if (end.type == TokenType::kInvalid) {
    Abort();
  } else if (end.type != TokenType::kEOF) {
    Fail(end, "Missing newline after argument", "An argument definition must end with a newline.");
  }
}

void Parser::FinishBlock(Body* body, const Token& ident) {
  BlockNode block;
  block.type = ident.text;
  block.type_range = Range(ident);
  block.range = block.type_range;
  const Token* open = nullptr;
  while (open == nullptr) {
    const Token& t = Peek();
    switch (t.type) {
      case TokenType::kOBrace:
        open = &Next();
        break;
      case TokenType::kOQuote: {
        SourceRange r;
        block.labels.push_back(ParseQuotedStringLiteral(&r));
        block.label_ranges.push_back(r);
        block.range = Join(block.range, r);
        break;
      }
      case TokenType::kIdent:
        block.labels.push_back(t.text);
        block.label_ranges.push_back(Range(t));
        block.range = Join(block.range, Range(t));
        Next();
        break;
      case TokenType::kInvalid:
        Next();
        Abort();
      case TokenType::kEqual:
        Fail(t, "Invalid block definition",
             "The equals sign \"=\" indicates an argument definition, and must not be used when "
             "defining a block.");
      case TokenType::kNewline:
        Fail(t, "Invalid block definition",
             "A block definition must have block content delimited by \"{\" and \"}\", starting "
             "on the same line as the block header.");
      default:
        Fail(t, "Invalid block definition",
             "Either a quoted string block label or an opening brace (\"{\") is expected here.");
    }
  }
  block.open_brace_range = Range(*open);
  block.body = std::make_unique<Body>();
  const Token& after = Peek();
  if (after.type == TokenType::kNewline || after.type == TokenType::kEOF ||
      after.type == TokenType::kCBrace) {
    ParseBody(block.body.get(), open);
    block.close_brace_range = Range(toks_[pos_ > 0 ? pos_ - 1 : 0]);
  } else {
    block.body->range = Range(after);
    ParseSingleAttributeBody(block.body.get());
    const Token& close = Peek();
    switch (close.type) {
      case TokenType::kCBrace:
        block.close_brace_range = Range(Next());
        break;
      case TokenType::kComma:
        Fail(close, "Invalid single-argument block definition",
             "Single-line block syntax can include only one argument definition. To define "
             "multiple arguments, use the multi-line block syntax with one argument definition "
             "per line.");
      case TokenType::kNewline:
        Fail(close, "Invalid single-argument block definition",
             "An argument definition on the same line as its containing block creates a "
             "single-line block definition, which must also be closed on the same line. Place "
             "the block's closing brace immediately after the argument definition.");
      case TokenType::kEOF:
        Fail(*open, "Unclosed configuration block", kUnclosedBlockDetail);
      case TokenType::kInvalid:
        Next();
        Abort();
      default:
        Fail(close, "Invalid single-argument block definition",
             "A single-line block definition must end with a closing brace immediately after "
             "its single argument definition.");
    }
    block.body->range = Join(block.body->range, block.close_brace_range);
  }
  body->blocks.push_back(std::move(block));
  const Token& eol = Peek();
  if (eol.type == TokenType::kNewline) {
    Next();
  } else if (eol.type == TokenType::kInvalid) {
    Next();
    Abort();
  } else if (eol.type != TokenType::kEOF) {
    Fail(eol, "Missing newline after block definition",
         "A block definition must end with a newline.");
  }
}

void Parser::ParseSingleAttributeBody(Body* body) {
  const Token& ident = Next();
  if (ident.type != TokenType::kIdent) {
    if (ident.type == TokenType::kInvalid) Abort();
    Fail(ident, "Argument or block definition required",
         "An argument or block definition is required here.");
  }
  const Token& next = Peek();
  switch (next.type) {
    case TokenType::kEqual:
      FinishAttribute(body, ident, true);
      return;
    case TokenType::kOQuote:
    case TokenType::kOBrace:
    case TokenType::kIdent:
      Fail(Range(ident, next), "Argument definition required",
           "A single-line block definition can contain only a single argument. If you meant to "
           "define argument \"" +
               ident.text +
               "\", use an equals sign to assign it a value. To define a nested block, place it "
               "on a line of its own within its parent block.");
    default:
      Fail(ident, "Argument or block definition required",
           "An argument or block definition is required here. To set an argument, use the "
           "equals sign \"=\" to introduce the argument value.");
  }
}

void Parser::RecoverItem(size_t start) {
  std::vector<TokenType> stack;  // expected closers
  size_t stop_from = std::max(error_pos_, start);
  for (size_t i = start; i < toks_.size(); ++i) {
    const Token& t = toks_[i];
    if (t.type == TokenType::kEOF) {
      pos_ = i;
      return;
    }
    if (t.type == TokenType::kNewline) {
      // A quoted string never spans lines, even a broken one.
      while (!stack.empty() && stack.back() == TokenType::kCQuote) stack.pop_back();
      if (stack.empty() && i >= stop_from) {
        pos_ = i + 1;
        return;
      }
      continue;
    }
    if (t.type == TokenType::kCBrace && stack.empty() && i >= stop_from) {
      pos_ = i;  // closes the enclosing block
      return;
    }
    TokenType closer = CloserFor(t.type);
    if (closer != TokenType::kEOF) {
      stack.push_back(closer);
    } else if (IsCloser(t.type)) {
      auto it = std::find(stack.rbegin(), stack.rend(), t.type);
      if (it != stack.rend()) stack.erase(std::next(it).base(), stack.end());
    }
  }
  pos_ = toks_.size() - 1;
}

ExprPtr Parser::ParseStandalone() {
  NewlineScope scope(this, false);
  ExprPtr e = ParseExpression();
  const Token& t = Peek();
  if (t.type == TokenType::kInvalid) Abort();
  if (t.type != TokenType::kEOF)
    Fail(t, "Extra characters after expression",
         "An expression was successfully parsed, but extra characters were found after it.");
  return e;
}

std::shared_ptr<File> ParseConfig(const std::string& filename, const std::string& source,
                                  Diagnostics* diags) {
  auto file = std::make_shared<File>();
  file->filename = filename;
  file->source = source;
  Parser parser(filename, Lex(source, filename, diags), diags);
  parser.ParseBody(&file->body, nullptr);
  return file;
}

ExprPtr ParseExpressionSource(const std::string& filename, const std::string& source,
                              Diagnostics* diags) {
  Parser parser(filename, Lex(source, filename, diags), diags);
  try {
    ExprPtr e = parser.ParseStandalone();
    if (diags->HasErrors()) return nullptr;
    return e;
  } catch (const ParseAbort&) {
    return nullptr;
  }
}

}  // namespace strata::hcl
