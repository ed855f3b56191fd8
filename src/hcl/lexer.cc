#include "hcl/lexer.h"

#include "base/source.h"

namespace strata::hcl {
namespace {

bool IsIdentStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool IsIdentContinue(unsigned char c) {
  return IsIdentStart(c) || (c >= '0' && c <= '9') || c == '-';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The lexer is a small state machine over a stack of modes: plain
// expression syntax, quoted templates, and heredoc templates. Template
// interpolations and directives push a nested expression mode that ends
// at the matching "}".
class Lexer {
 public:
  Lexer(std::string_view src, const std::string& filename, Diagnostics* diags)
      : src_(src), filename_(filename), diags_(diags) {}

  std::vector<Token> Run() {
    if (src_.substr(0, 3) == "\xEF\xBB\xBF") Advance(3);  // UTF-8 byte order mark
    modes_.push_back(Mode{});
    while (pos_.offset < static_cast<int>(src_.size())) {
      switch (modes_.back().kind) {
        case Kind::kNormal:
          LexNormal();
          break;
        case Kind::kQuoted:
          LexQuoted();
          break;
        case Kind::kHeredoc:
          LexHeredoc();
          break;
      }
    }
    Token eof;
    eof.type = TokenType::kEOF;
    eof.start = eof.end = pos_;
    tokens_.push_back(eof);
    return std::move(tokens_);
  }

 private:
  enum class Kind { kNormal, kQuoted, kHeredoc };
  struct Mode {
    Kind kind = Kind::kNormal;
    bool in_template = false;  // a kNormal mode nested in a template sequence
    int depth = 0;             // open braces inside that sequence
    std::string marker;        // heredoc marker
    bool line_start = true;    // heredoc: at the beginning of a line
  };

  static Mode MakeMode(Kind k) {
    Mode m;
    m.kind = k;
    return m;
  }

  char At(size_t i) const {
    size_t o = static_cast<size_t>(pos_.offset) + i;
    return o < src_.size() ? src_[o] : '\0';
  }
  bool AtEnd(size_t i = 0) const { return static_cast<size_t>(pos_.offset) + i >= src_.size(); }
  bool LooksAt(std::string_view s) const { return src_.substr(pos_.offset, s.size()) == s; }

  void Advance(size_t n) {
    for (size_t i = 0; i < n && pos_.offset < static_cast<int>(src_.size()); ++i) {
      if (src_[pos_.offset] == '\n') {
        ++pos_.line;
        pos_.column = 1;
      } else {
        ++pos_.column;
      }
      ++pos_.offset;
    }
  }

  void Emit(TokenType type, size_t n) {
    Token t;
    t.type = type;
    t.start = pos_;
    t.text = std::string(src_.substr(pos_.offset, n));
    Advance(n);
    t.end = pos_;
    tokens_.push_back(std::move(t));
  }

  void Error(const SourcePos& start, const SourcePos& end, const std::string& summary,
             const std::string& detail) {
    if (diags_ != nullptr) diags_->Error(MakeRange(filename_, start, end), summary, detail);
  }

  size_t NewlineLen(size_t i) const {
    if (At(i) == '\n') return 1;
    if (At(i) == '\r' && At(i + 1) == '\n') return 2;
    return 0;
  }

  void LexNormal() {
    Mode& mode = modes_.back();
    char c = At(0);
    switch (c) {
      case ' ':
      case '\t':
      case '\f':
      case '\v':
        Advance(1);
        return;
      case '\r':
        if (At(1) == '\n') {
          Emit(TokenType::kNewline, 2);
        } else {
          Advance(1);
        }
        return;
      case '\n':
        Emit(TokenType::kNewline, 1);
        return;
      case '#':
        LineComment();
        return;
      case '/':
        if (At(1) == '/') {
          LineComment();
        } else if (At(1) == '*') {
          BlockComment();
        } else {
          Emit(TokenType::kSlash, 1);
        }
        return;
      case '"':
        Emit(TokenType::kOQuote, 1);
        modes_.push_back(MakeMode(Kind::kQuoted));
        return;
      case '{':
        if (mode.in_template) ++mode.depth;
        Emit(TokenType::kOBrace, 1);
        return;
      case '}':
        if (mode.in_template && mode.depth == 0) {
          Emit(TokenType::kTemplateSeqEnd, 1);
          modes_.pop_back();
          return;
        }
        if (mode.in_template) --mode.depth;
        Emit(TokenType::kCBrace, 1);
        return;
      case '~':
        if (mode.in_template && mode.depth == 0 && At(1) == '}') {
          Emit(TokenType::kTemplateSeqEnd, 2);
          modes_.pop_back();
          return;
        }
        break;
      case '[':
        Emit(TokenType::kOBrack, 1);
        return;
      case ']':
        Emit(TokenType::kCBrack, 1);
        return;
      case '(':
        Emit(TokenType::kOParen, 1);
        return;
      case ')':
        Emit(TokenType::kCParen, 1);
        return;
      case ',':
        Emit(TokenType::kComma, 1);
        return;
      case '?':
        Emit(TokenType::kQuestion, 1);
        return;
      case ':':
        Emit(TokenType::kColon, 1);
        return;
      case '+':
        Emit(TokenType::kPlus, 1);
        return;
      case '-':
        Emit(TokenType::kMinus, 1);
        return;
      case '*':
        Emit(TokenType::kStar, 1);
        return;
      case '%':
        Emit(TokenType::kPercent, 1);
        return;
      case '.':
        if (At(1) == '.' && At(2) == '.') {
          Emit(TokenType::kEllipsis, 3);
        } else {
          Emit(TokenType::kDot, 1);
        }
        return;
      case '=':
        if (At(1) == '=') {
          Emit(TokenType::kEqualOp, 2);
        } else if (At(1) == '>') {
          Emit(TokenType::kFatArrow, 2);
        } else {
          Emit(TokenType::kEqual, 1);
        }
        return;
      case '!':
        if (At(1) == '=') {
          Emit(TokenType::kNotEqual, 2);
        } else {
          Emit(TokenType::kBang, 1);
        }
        return;
      case '<':
        if (At(1) == '<' && TryHeredoc()) return;
        if (At(1) == '=') {
          Emit(TokenType::kLessEq, 2);
        } else {
          Emit(TokenType::kLess, 1);
        }
        return;
      case '>':
        if (At(1) == '=') {
          Emit(TokenType::kGreaterEq, 2);
        } else {
          Emit(TokenType::kGreater, 1);
        }
        return;
      case '&':
        if (At(1) == '&') {
          Emit(TokenType::kAnd, 2);
          return;
        }
        Invalid(1,
                "Bitwise operators are not supported. To combine boolean expressions, use \"&&\".");
        return;
      case '|':
        if (At(1) == '|') {
          Emit(TokenType::kOr, 2);
          return;
        }
        Invalid(1,
                "Bitwise operators are not supported. To combine boolean expressions, use \"||\".");
        return;
      default:
        break;
    }
    if (IsDigit(c)) {
      Number();
      return;
    }
    if (IsIdentStart(static_cast<unsigned char>(c))) {
      size_t n = 1;
      while (!AtEnd(n) && IsIdentContinue(static_cast<unsigned char>(At(n)))) ++n;
      Emit(TokenType::kIdent, n);
      return;
    }
    if (c == '\'') {
      Invalid(1, "Single quotes are not valid. Use double quotes (\") to enclose strings.");
    } else if (c == '`') {
      Invalid(1,
              "The \"`\" character is not valid. To create a multi-line string, use the "
              "\"heredoc\" syntax, like \"<<EOT\".");
    } else {
      Invalid(1, "This character is not used within the language.");
    }
  }

  void Invalid(size_t n, const std::string& detail) {
    SourcePos start = pos_;
    Emit(TokenType::kInvalid, n);
    Error(start, pos_, "Invalid character", detail);
  }

  void Number() {
    size_t n = 0;
    while (IsDigit(At(n))) ++n;
    if (At(n) == '.' && IsDigit(At(n + 1))) {
      ++n;
      while (IsDigit(At(n))) ++n;
    }
    if (At(n) == 'e' || At(n) == 'E') {
      size_t m = n + 1;
      if (At(m) == '+' || At(m) == '-') ++m;
      if (IsDigit(At(m))) {
        while (IsDigit(At(m))) ++m;
        n = m;
      }
    }
    Emit(TokenType::kNumber, n);
  }

  void LineComment() {
    size_t n = 0;
    while (!AtEnd(n) && At(n) != '\n') ++n;
    if (At(n) == '\n') ++n;  // the comment stands for the newline too
    Emit(TokenType::kComment, n);
  }

  void BlockComment() {
    size_t n = 2;
    while (!AtEnd(n) && !(At(n) == '*' && At(n + 1) == '/')) ++n;
    if (AtEnd(n)) {
      SourcePos start = pos_;
      Emit(TokenType::kInvalid, n);
      Error(start, pos_, "Unterminated comment", "There is no closing \"*/\" for this comment.");
      return;
    }
    Emit(TokenType::kComment, n + 2);
  }

  // "<<EOT\n" or "<<-EOT\n" starts a heredoc; anything else is two "<".
  bool TryHeredoc() {
    size_t n = 2;
    if (At(n) == '-') ++n;
    if (!IsIdentStart(static_cast<unsigned char>(At(n)))) return false;
    size_t name_start = n;
    while (!AtEnd(n) && IsIdentContinue(static_cast<unsigned char>(At(n)))) ++n;
    std::string marker(src_.substr(pos_.offset + name_start, n - name_start));
    size_t nl = NewlineLen(n);
    if (nl == 0) return false;
    Emit(TokenType::kOHeredoc, n + nl);
    Mode m = MakeMode(Kind::kHeredoc);
    m.marker = std::move(marker);
    modes_.push_back(std::move(m));
    return true;
  }

  // Emits the literal text from `start` to the current position.
  void EmitLiteral(TokenType type, const SourcePos& start) {
    if (pos_.offset == start.offset) return;
    Token t;
    t.type = type;
    t.start = start;
    t.end = pos_;
    t.text = std::string(src_.substr(start.offset, pos_.offset - start.offset));
    tokens_.push_back(std::move(t));
  }

  // Starts "${" / "%{" (with an optional "~") at the current position.
  void OpenSequence() {
    TokenType type = At(0) == '$' ? TokenType::kTemplateInterp : TokenType::kTemplateControl;
    Emit(type, At(2) == '~' ? 3 : 2);
    Mode m;
    m.in_template = true;
    modes_.push_back(m);
  }

  void LexQuoted() {
    SourcePos start = pos_;
    while (!AtEnd()) {
      char c = At(0);
      if (c == '"') {
        EmitLiteral(TokenType::kQuotedLit, start);
        Emit(TokenType::kCQuote, 1);
        modes_.pop_back();
        return;
      }
      if (c == '\\' && !AtEnd(1) && NewlineLen(1) == 0) {
        Advance(2);
        continue;
      }
      if ((c == '$' || c == '%') && At(1) == c && At(2) == '{') {
        Advance(3);
        continue;
      }
      if ((c == '$' || c == '%') && At(1) == '{') {
        EmitLiteral(TokenType::kQuotedLit, start);
        OpenSequence();
        return;
      }
      if (NewlineLen(0) > 0) {
        // Quoted strings cannot span lines; the parser reports the newline.
        EmitLiteral(TokenType::kQuotedLit, start);
        modes_.pop_back();
        return;
      }
      Advance(1);
    }
    EmitLiteral(TokenType::kQuotedLit, start);
    modes_.pop_back();
  }

  void LexHeredoc() {
    Mode& mode = modes_.back();
    if (mode.line_start) {
      size_t n = 0;
      while (At(n) == ' ' || At(n) == '\t') ++n;
      if (src_.substr(pos_.offset + n, mode.marker.size()) == mode.marker) {
        size_t end = n + mode.marker.size();
        if (AtEnd(end) || NewlineLen(end) > 0) {
          Emit(TokenType::kCHeredoc, end);
          modes_.pop_back();
          return;
        }
      }
      mode.line_start = false;
    }
    SourcePos start = pos_;
    while (!AtEnd()) {
      char c = At(0);
      if ((c == '$' || c == '%') && At(1) == c && At(2) == '{') {
        Advance(3);
        continue;
      }
      if ((c == '$' || c == '%') && At(1) == '{') {
        EmitLiteral(TokenType::kStringLit, start);
        OpenSequence();
        return;
      }
      size_t nl = NewlineLen(0);
      if (nl > 0) {
        Advance(nl);
        EmitLiteral(TokenType::kStringLit, start);
        mode.line_start = true;
        return;
      }
      Advance(1);
    }
    EmitLiteral(TokenType::kStringLit, start);
    modes_.pop_back();  // unterminated; the parser reports it
  }

  std::string_view src_;
  const std::string& filename_;
  Diagnostics* diags_;
  SourcePos pos_;
  std::vector<Mode> modes_;
  std::vector<Token> tokens_;
};

}  // namespace

SourceRange MakeRange(const std::string& filename, const SourcePos& start, const SourcePos& end) {
  SourceRange r;
  r.filename = filename;
  r.start = start;
  r.end = end;
  return r;
}

std::vector<Token> Lex(std::string_view source, const std::string& filename, Diagnostics* diags) {
  return Lexer(source, filename, diags).Run();
}

const char* TokenTypeName(TokenType t) {
  switch (t) {
    case TokenType::kEOF:
      return "end of file";
    case TokenType::kNewline:
      return "newline";
    case TokenType::kComment:
      return "comment";
    case TokenType::kIdent:
      return "identifier";
    case TokenType::kNumber:
      return "number";
    case TokenType::kOQuote:
      return "\"\\\"\"";
    case TokenType::kCQuote:
      return "\"\\\"\"";
    case TokenType::kQuotedLit:
      return "string";
    case TokenType::kOHeredoc:
      return "heredoc";
    case TokenType::kCHeredoc:
      return "heredoc end";
    case TokenType::kStringLit:
      return "string";
    case TokenType::kTemplateInterp:
      return "\"${\"";
    case TokenType::kTemplateControl:
      return "\"%{\"";
    case TokenType::kTemplateSeqEnd:
      return "\"}\"";
    case TokenType::kOBrace:
      return "\"{\"";
    case TokenType::kCBrace:
      return "\"}\"";
    case TokenType::kOBrack:
      return "\"[\"";
    case TokenType::kCBrack:
      return "\"]\"";
    case TokenType::kOParen:
      return "\"(\"";
    case TokenType::kCParen:
      return "\")\"";
    case TokenType::kEqual:
      return "\"=\"";
    case TokenType::kEqualOp:
      return "\"==\"";
    case TokenType::kNotEqual:
      return "\"!=\"";
    case TokenType::kLess:
      return "\"<\"";
    case TokenType::kLessEq:
      return "\"<=\"";
    case TokenType::kGreater:
      return "\">\"";
    case TokenType::kGreaterEq:
      return "\">=\"";
    case TokenType::kPlus:
      return "\"+\"";
    case TokenType::kMinus:
      return "\"-\"";
    case TokenType::kStar:
      return "\"*\"";
    case TokenType::kSlash:
      return "\"/\"";
    case TokenType::kPercent:
      return "\"%\"";
    case TokenType::kAnd:
      return "\"&&\"";
    case TokenType::kOr:
      return "\"||\"";
    case TokenType::kBang:
      return "\"!\"";
    case TokenType::kDot:
      return "\".\"";
    case TokenType::kComma:
      return "\",\"";
    case TokenType::kEllipsis:
      return "\"...\"";
    case TokenType::kFatArrow:
      return "\"=>\"";
    case TokenType::kQuestion:
      return "\"?\"";
    case TokenType::kColon:
      return "\":\"";
    case TokenType::kInvalid:
      return "invalid character";
  }
  return "token";
}

}  // namespace strata::hcl
