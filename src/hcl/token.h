// Tokens of the HCL native syntax, as produced by the lexer. Every byte of
// the source belongs to exactly one token, except spaces and tabs between
// tokens outside templates; the formatter relies on that.
#pragma once

#include <cstdint>
#include <string>

#include "base/source.h"

namespace strata::hcl {

enum class TokenType : uint8_t {
  kEOF,
  kNewline,  // "\n" or "\r\n"
  kComment,  // "# ..\n", "// ..\n" (newline included when present) or "/* .. */"
  kIdent,
  kNumber,

  // Templates.
  kOQuote,           // "
  kCQuote,           // "
  kQuotedLit,        // raw literal text inside a quoted template (escapes not decoded)
  kOHeredoc,         // "<<EOT\n" or "<<-EOT\n"
  kCHeredoc,         // the closing marker line, leading whitespace included
  kStringLit,        // raw literal text inside a heredoc
  kTemplateInterp,   // "${" or "${~"
  kTemplateControl,  // "%{" or "%{~"
  kTemplateSeqEnd,   // "}" or "~}" closing an interpolation or directive

  // Brackets.
  kOBrace,
  kCBrace,
  kOBrack,
  kCBrack,
  kOParen,
  kCParen,

  // Operators and punctuation.
  kEqual,      // =
  kEqualOp,    // ==
  kNotEqual,   // !=
  kLess,       // <
  kLessEq,     // <=
  kGreater,    // >
  kGreaterEq,  // >=
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kPercent,
  kAnd,  // &&
  kOr,   // ||
  kBang,
  kDot,
  kComma,
  kEllipsis,  // ...
  kFatArrow,  // =>
  kQuestion,
  kColon,

  kInvalid,  // a character the language does not use; already reported
};

struct Token {
  TokenType type = TokenType::kEOF;
  std::string text;  // the exact source bytes
  SourcePos start;
  SourcePos end;

  bool Is(TokenType t) const { return type == t; }
  bool IsKeyword(const char* word) const { return type == TokenType::kIdent && text == word; }
  // A "#" or "//" comment (it stands for a newline).
  bool IsLineComment() const {
    return type == TokenType::kComment && text.compare(0, 2, "/*") != 0;
  }
};

// Human-readable token description for error messages ("identifier", "\"{\"").
const char* TokenTypeName(TokenType t);

}  // namespace strata::hcl
