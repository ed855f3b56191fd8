// Template parsing: quoted strings and heredocs, interpolations, if/for
// directives, strip markers and heredoc indentation flushing.
#include <climits>

#include "hcl/parser_impl.h"
#include "hcl/utf8.h"

namespace strata::hcl {
namespace {

// One element of a template before directives are nested.
struct Piece {
  enum class Kind { kLiteral, kInterp, kIf, kElse, kEndIf, kFor, kEndFor };
  Kind kind = Kind::kLiteral;
  std::string text;  // decoded literal
  SourceRange range;
  ExprPtr expr;  // interpolation, if condition, for collection
  std::string key_var, value_var;
  bool strip_before = false;  // "~" right after the opener: trims the previous literal
  bool strip_after = false;   // "~" right before the closer: trims the next literal
};

const char* DirectiveName(Piece::Kind k) {
  switch (k) {
    case Piece::Kind::kIf:
      return "if";
    case Piece::Kind::kElse:
      return "else";
    case Piece::Kind::kEndIf:
      return "endif";
    case Piece::Kind::kFor:
      return "for";
    case Piece::Kind::kEndFor:
      return "endfor";
    default:
      return "";
  }
}

// Removes `n` leading whitespace characters (code points) from s.
std::string DropLeadingChars(const std::string& s, int n) {
  size_t i = 0;
  for (int k = 0; k < n && i < s.size(); ++k) {
    if (!IsSpaceAt(s, i)) break;
    i += Utf8Length(s, i);
  }
  return s.substr(i);
}

// "<<-" heredocs: the smallest indentation of the non-blank lines is removed
// from every line-leading literal. A line starting with an interpolation or
// directive counts as unindented.
void FlushHeredoc(std::vector<Piece>* pieces) {
  int min_spaces = INT_MAX;
  bool line_start = true;
  std::vector<Piece*> adjust;
  for (auto& p : *pieces) {
    if (line_start) {
      line_start = false;
      if (p.kind == Piece::Kind::kLiteral) {
        size_t i = 0;
        int spaces = 0;
        while (i < p.text.size() && p.text[i] != '\n' && IsSpaceAt(p.text, i)) {
          i += Utf8Length(p.text, i);
          ++spaces;
        }
        bool blank =
            i < p.text.size() ? p.text[i] == '\n' || p.text.compare(i, 2, "\r\n") == 0 : false;
        if (!blank) {
          adjust.push_back(&p);
          if (spaces < min_spaces) min_spaces = spaces;
        }
      } else {
        min_spaces = 0;
      }
    }
    if (p.kind == Piece::Kind::kLiteral && !p.text.empty() && p.text.back() == '\n')
      line_start = true;
  }
  if (min_spaces == INT_MAX || min_spaces == 0) return;
  for (Piece* p : adjust) p->text = DropLeadingChars(p->text, min_spaces);
}

void ApplyStripMarkers(std::vector<Piece>* pieces) {
  auto& ps = *pieces;
  for (size_t i = 0; i < ps.size(); ++i) {
    if (ps[i].kind == Piece::Kind::kLiteral) continue;
    if (ps[i].strip_before && i > 0 && ps[i - 1].kind == Piece::Kind::kLiteral)
      ps[i - 1].text = TrimRightSpace(ps[i - 1].text);
    if (ps[i].strip_after && i + 1 < ps.size() && ps[i + 1].kind == Piece::Kind::kLiteral)
      ps[i + 1].text = TrimLeftSpace(ps[i + 1].text);
  }
}

// Nests directives into a tree of template expressions.
class TemplateBuilder {
 public:
  TemplateBuilder(Parser* p, std::vector<Piece>* pieces) : p_(p), ps_(*pieces) {}

  // Builds parts until one of `enders` (or the end); `*ender` gets the
  // terminating directive kind, kLiteral at the end.
  std::unique_ptr<TemplateExpr> Sequence(const SourceRange& range,
                                         std::initializer_list<Piece::Kind> enders,
                                         Piece::Kind* ender) {
    if (++depth_ > Parser::kMaxDepth) {
      p_->Fail(range, "Nesting too deep",
               "Template directives are nested more than " + std::to_string(Parser::kMaxDepth) +
                   " levels deep.");
    }
    struct Leave {
      int* d;
      ~Leave() { --*d; }
    } leave{&depth_};
    auto t = std::make_unique<TemplateExpr>();
    t->range = range;
    *ender = Piece::Kind::kLiteral;
    while (i_ < ps_.size()) {
      Piece& p = ps_[i_];
      for (Piece::Kind e : enders) {
        if (p.kind == e) {
          *ender = e;
          return t;
        }
      }
      ++i_;
      switch (p.kind) {
        case Piece::Kind::kLiteral: {
          if (p.text.empty()) break;
          if (!t->parts.empty() && t->parts.back()->kind == ExprKind::kLiteral) {
            auto& last = static_cast<LiteralExpr&>(*t->parts.back());
            last.value = Value::String(last.value.str() + p.text);
            last.range = Parser::Join(last.range, p.range);
            break;
          }
          auto lit = std::make_unique<LiteralExpr>();
          lit->range = p.range;
          lit->value = Value::String(p.text);
          t->parts.push_back(std::move(lit));
          break;
        }
        case Piece::Kind::kInterp:
          t->parts.push_back(std::move(p.expr));
          break;
        case Piece::Kind::kIf: {
          auto n = std::make_unique<TemplateIfExpr>();
          n->range = p.range;
          n->condition = std::move(p.expr);
          Piece::Kind end;
          n->then_part = Sequence(
              p.range, {Piece::Kind::kElse, Piece::Kind::kEndIf, Piece::Kind::kEndFor}, &end);
          if (end == Piece::Kind::kElse) {
            ++i_;
            n->else_part = Sequence(
                p.range, {Piece::Kind::kElse, Piece::Kind::kEndIf, Piece::Kind::kEndFor}, &end);
          }
          if (end != Piece::Kind::kEndIf) Unterminated(p, end, "endif");
          n->range = Parser::Join(n->range, ps_[i_].range);
          ++i_;
          t->parts.push_back(std::move(n));
          break;
        }
        case Piece::Kind::kFor: {
          auto n = std::make_unique<TemplateForExpr>();
          n->range = p.range;
          n->key_var = p.key_var;
          n->value_var = p.value_var;
          n->collection = std::move(p.expr);
          Piece::Kind end;
          n->body = Sequence(p.range,
                             {Piece::Kind::kElse, Piece::Kind::kEndIf, Piece::Kind::kEndFor}, &end);
          if (end != Piece::Kind::kEndFor) Unterminated(p, end, "endfor");
          n->range = Parser::Join(n->range, ps_[i_].range);
          ++i_;
          t->parts.push_back(std::move(n));
          break;
        }
        default:
          Unexpected(p);
      }
    }
    return t;
  }

  [[noreturn]] void Unexpected(const Piece& p) {
    std::string name = DirectiveName(p.kind);
    std::string opener = p.kind == Piece::Kind::kEndFor ? "for" : "if";
    p_->Fail(p.range, "Unexpected \"" + name + "\" directive",
             "There is no open \"" + opener + "\" directive for this \"" + name + "\" directive.");
  }

  [[noreturn]] void Unterminated(const Piece& open, Piece::Kind found, const std::string& want) {
    if (found != Piece::Kind::kLiteral) Unexpected(ps_[i_]);
    p_->Fail(open.range, "Unterminated template directive",
             "There is no \"" + want + "\" directive to close this \"" + DirectiveName(open.kind) +
                 "\" directive.");
  }

  size_t index() const { return i_; }

 private:
  Parser* p_;
  std::vector<Piece>& ps_;
  size_t i_ = 0;
  int depth_ = 0;
};

}  // namespace

std::string Parser::DecodeLiteral(const Token& t) {
  const std::string& s = t.text;
  bool quoted = t.type == TokenType::kQuotedLit;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if ((c == '$' || c == '%') && i + 2 < s.size() && s[i + 1] == c && s[i + 2] == '{') {
      out += c;
      out += '{';
      i += 2;
      continue;
    }
    if (!quoted || c != '\\') {
      out += c;
      continue;
    }
    SourcePos at = t.start;
    at.column += static_cast<int>(i);
    at.offset += static_cast<int>(i);
    SourcePos at_end = at;
    at_end.column += 2;
    at_end.offset += 2;
    SourceRange r = MakeRangeFor(at, at_end);
    if (i + 1 >= s.size())
      Fail(r, "Invalid escape sequence",
           "Backslash must be followed by an escape sequence selector character.");
    char sel = s[++i];
    switch (sel) {
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case 'u':
      case 'U': {
        size_t digits = sel == 'u' ? 4 : 8;
        uint32_t cp = 0;
        bool ok = true;
        for (size_t k = 1; ok && k <= digits; ++k) {
          if (i + k >= s.size()) {
            ok = false;
            break;
          }
          int h = HexDigitValue(s[i + k]);
          if (h < 0)
            ok = false;
          else
            cp = cp * 16 + static_cast<uint32_t>(h);
        }
        if (!ok)
          Fail(r, "Invalid escape sequence",
               sel == 'u'
                   ? "The \\u escape sequence must be followed by four hexadecimal digits."
                   : "The \\U escape sequence must be followed by eight hexadecimal digits.");
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          char buf[64];
          std::snprintf(buf, sizeof buf, "Cannot encode character U+%04x in UTF-8.", cp);
          Fail(r, "Invalid escape sequence", buf);
        }
        AppendUtf8(&out, cp);
        i += digits;
        break;
      }
      default:
        Fail(r, "Invalid escape sequence",
             std::string("The symbol \"") + sel + "\" is not a valid escape sequence selector.");
    }
  }
  return out;
}

SourceRange Parser::MakeRangeFor(const SourcePos& a, const SourcePos& b) const {
  SourceRange r;
  r.filename = filename_;
  r.start = a;
  r.end = b;
  return r;
}

std::string Parser::ParseQuotedStringLiteral(SourceRange* range) {
  const Token& open = Next();
  std::string out;
  while (true) {
    const Token& t = PeekRaw();
    switch (t.type) {
      case TokenType::kCQuote:
        Next();
        *range = Range(open, t);
        return out;
      case TokenType::kQuotedLit:
        Next();
        out += DecodeLiteral(t);
        break;
      case TokenType::kTemplateInterp:
      case TokenType::kTemplateControl: {
        std::string which = t.type == TokenType::kTemplateInterp ? "$" : "%";
        Fail(t, "Invalid string literal",
             "Template sequences are not allowed in this string. To include a literal \"" + which +
                 "\", double it (as \"" + which + which + "\") to escape it.");
      }
      case TokenType::kNewline:
        Fail(t, "Invalid multi-line string",
             "Quoted strings may not be split over multiple lines. To produce a multi-line string, "
             "either use the \\n escape to represent a newline character or use the \"heredoc\" "
             "multi-line template syntax.");
      case TokenType::kEOF:
        Fail(open, "Unterminated string literal",
             "Unable to find the closing quote mark before the end of the file.");
      default:
        Fail(t, "Invalid string literal", "This item is not valid in a string literal.");
    }
  }
}

ExprPtr Parser::ParseTemplate() {
  const Token& open = Next();
  bool heredoc = open.type == TokenType::kOHeredoc;
  bool flush = heredoc && open.text.compare(0, 3, "<<-") == 0;
  TokenType closer = heredoc ? TokenType::kCHeredoc : TokenType::kCQuote;
  NewlineScope scope(this, true);
  std::vector<Piece> pieces;
  const Token* close = nullptr;
  while (close == nullptr) {
    const Token& t = PeekRaw();
    if (t.type == closer) {
      close = &Next();
      break;
    }
    switch (t.type) {
      case TokenType::kQuotedLit:
      case TokenType::kStringLit: {
        Next();
        Piece p;
        p.range = Range(t);
        p.text = DecodeLiteral(t);
        pieces.push_back(std::move(p));
        break;
      }
      case TokenType::kTemplateInterp: {
        const Token& seq = Next();
        Piece p;
        p.kind = Piece::Kind::kInterp;
        p.strip_before = seq.text.size() == 3;
        {
          NewlineScope inner(this, false);
          p.expr = ParseExpression();
          const Token& end = Next();
          if (end.type == TokenType::kInvalid) Abort();
          if (end.type != TokenType::kTemplateSeqEnd)
            Fail(end, "Extra characters after interpolation expression",
                 "Expected a closing brace to end the interpolation expression, but found extra "
                 "characters.");
          p.strip_after = end.text.size() == 2;
          p.range = Range(seq, end);
        }
        pieces.push_back(std::move(p));
        break;
      }
      case TokenType::kTemplateControl: {
        const Token& seq = Next();
        Piece p;
        p.strip_before = seq.text.size() == 3;
        NewlineScope inner(this, false);
        const Token& kw = Next();
        const std::string word = kw.type == TokenType::kIdent ? kw.text : "";
        if (word == "if") {
          p.kind = Piece::Kind::kIf;
          p.expr = ParseExpression();
        } else if (word == "else") {
          p.kind = Piece::Kind::kElse;
        } else if (word == "endif") {
          p.kind = Piece::Kind::kEndIf;
        } else if (word == "endfor") {
          p.kind = Piece::Kind::kEndFor;
        } else if (word == "for") {
          p.kind = Piece::Kind::kFor;
          auto fail = [&](const char* detail) {
            Fail(Peek(), "Invalid template directive", detail);
          };
          if (Peek().type != TokenType::kIdent)
            fail("For directive requires variable name after 'for'.");
          p.value_var = Next().text;
          if (Peek().type == TokenType::kComma) {
            Next();
            p.key_var = p.value_var;
            if (Peek().type != TokenType::kIdent)
              fail("For directive requires value variable name after comma.");
            p.value_var = Next().text;
          }
          if (!Peek().IsKeyword("in"))
            fail("For directive requires the 'in' keyword after its name declarations.");
          Next();
          p.expr = ParseExpression();
        } else {
          if (kw.type == TokenType::kInvalid) Abort();
          Fail(kw, "Invalid template directive",
               "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning "
               "of a %{ sequence.");
        }
        const Token& end = Next();
        if (end.type == TokenType::kInvalid) Abort();
        if (end.type != TokenType::kTemplateSeqEnd)
          Fail(end, "Extra characters in " + word + " marker",
               "Expected a closing brace to end the sequence, but found extra characters.");
        p.strip_after = end.text.size() == 2;
        p.range = Range(seq, end);
        pieces.push_back(std::move(p));
        break;
      }
      case TokenType::kNewline:
        Fail(t, "Invalid multi-line string",
             "Quoted strings may not be split over multiple lines. To produce a multi-line string, "
             "either use the \\n escape to represent a newline character or use the \"heredoc\" "
             "multi-line template syntax.");
      case TokenType::kInvalid:
        Next();
        Abort();
      case TokenType::kEOF:
        if (heredoc) {
          std::string marker = open.text.substr(open.text[2] == '-' ? 3 : 2);
          while (!marker.empty() && (marker.back() == '\n' || marker.back() == '\r'))
            marker.pop_back();
          Fail(open, "Unterminated template string",
               "No closing marker was found for the heredoc; expected a line containing only \"" +
                   marker + "\".");
        }
        Fail(open, "Unterminated template string", "No closing marker was found for the string.");
      default:
        Fail(t, "Invalid template", "This item is not valid in a template.");
    }
  }
  SourceRange range = Range(open, *close);
  // A lone interpolation ("${x}") yields its value unchanged.
  if (!heredoc && pieces.size() == 1 && pieces[0].kind == Piece::Kind::kInterp) {
    auto w = std::make_unique<TemplateWrapExpr>();
    w->range = range;
    w->wrapped = std::move(pieces[0].expr);
    return w;
  }
  if (flush) FlushHeredoc(&pieces);
  ApplyStripMarkers(&pieces);
  TemplateBuilder builder(this, &pieces);
  Piece::Kind end;
  std::unique_ptr<TemplateExpr> t = builder.Sequence(
      range, {Piece::Kind::kElse, Piece::Kind::kEndIf, Piece::Kind::kEndFor}, &end);
  if (end != Piece::Kind::kLiteral) builder.Unexpected(pieces[builder.index()]);
  t->range = range;
  t->heredoc = heredoc;
  return t;
}

}  // namespace strata::hcl
