// Format(): canonical layout of HCL source, following hclwrite.Format. The
// source is lexed (comments included) and only the whitespace between
// tokens changes:
//  - each line is split into up to three cells: "lead", "assign" (from the
//    first "=" when the rest of the line is bracket-balanced) and a trailing
//    line "comment";
//  - lines are indented by 2 spaces per open bracket level, counted per
//    line as hclwrite does;
//  - tokens inside a cell are spaced by fixed rules (no spaces inside
//    brackets, one around binary operators, ...);
//  - the "=" of consecutive lines with an assign cell are aligned, and so
//    are the trailing comments of consecutive lines that have one.
// Heredocs and block comments are copied verbatim; line comments lose
// trailing whitespace; the result ends with exactly one newline.
#include <algorithm>

#include "base/source.h"
#include "hcl/hcl.h"
#include "hcl/lexer.h"
#include "hcl/parser.h"
#include "hcl/utf8.h"

namespace strata::hcl {
namespace {

struct FTok {
  TokenType type = TokenType::kEOF;
  std::string text;
  bool verbatim = false;      // a whole heredoc
  bool spaced_colon = false;  // ":" of a conditional or a for expression
  int spaces = 0;             // spaces written before the token
};

struct FLine {
  std::vector<FTok*> lead, assign, comment;
};

int BracketChange(const FTok& t) {
  switch (t.type) {
    case TokenType::kOBrace:
    case TokenType::kOBrack:
    case TokenType::kOParen:
    case TokenType::kTemplateInterp:
    case TokenType::kTemplateControl:
      return 1;
    case TokenType::kCBrace:
    case TokenType::kCBrack:
    case TokenType::kCParen:
    case TokenType::kTemplateSeqEnd:
      return -1;
    default:
      return 0;
  }
}

bool EndsLine(const FTok& t) {
  return t.type == TokenType::kNewline ||
         (t.type == TokenType::kComment && !t.text.empty() && t.text.back() == '\n');
}

// Tokens for formatting: heredocs collapse into one verbatim token.
std::vector<FTok> FormatTokens(const std::vector<Token>& toks, const std::string& src) {
  std::vector<FTok> out;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.type == TokenType::kEOF) break;
    FTok f;
    f.type = t.type;
    f.text = t.text;
    if (t.type == TokenType::kOHeredoc) {
      size_t j = i;
      while (j + 1 < toks.size() && toks[j].type != TokenType::kCHeredoc) ++j;
      f.verbatim = true;
      f.text = src.substr(t.start.offset, toks[j].end.offset - t.start.offset);
      i = j;
    }
    out.push_back(std::move(f));
  }
  return out;
}

// Marks the ":" that belong to "? :" and to "for ... :" so they get a space
// on both sides, unlike object "key: value" separators.
void MarkColons(std::vector<FTok>* toks) {
  struct Frame {
    int questions = 0;
    bool for_intro = false;
    bool at_start = true;
  };
  std::vector<Frame> stack(1);
  for (auto& t : *toks) {
    Frame& f = stack.back();
    if (t.type == TokenType::kNewline || t.type == TokenType::kComment) continue;
    bool was_start = f.at_start;
    f.at_start = false;
    if (t.type == TokenType::kIdent && t.text == "for" && was_start && stack.size() > 1)
      f.for_intro = true;
    if (t.type == TokenType::kQuestion) ++f.questions;
    if (t.type == TokenType::kColon) {
      if (f.questions > 0) {
        --f.questions;
        t.spaced_colon = true;
      } else if (f.for_intro) {
        f.for_intro = false;
        t.spaced_colon = true;
      }
    }
    int change = BracketChange(t);
    if (change > 0) stack.push_back(Frame{});
    if (change < 0 && stack.size() > 1) stack.pop_back();
  }
}

bool IsOperatorLike(TokenType t) {
  switch (t) {
    case TokenType::kPlus:
    case TokenType::kStar:
    case TokenType::kSlash:
    case TokenType::kPercent:
    case TokenType::kMinus:
    case TokenType::kEqualOp:
    case TokenType::kNotEqual:
    case TokenType::kGreater:
    case TokenType::kGreaterEq:
    case TokenType::kLess:
    case TokenType::kLessEq:
    case TokenType::kAnd:
    case TokenType::kOr:
    case TokenType::kBang:
    case TokenType::kOParen:
    case TokenType::kOBrace:
    case TokenType::kOBrack:
    case TokenType::kEqual:
    case TokenType::kColon:
    case TokenType::kComma:
    case TokenType::kQuestion:
    case TokenType::kFatArrow:
    case TokenType::kTemplateInterp:
    case TokenType::kTemplateControl:
      return true;
    default:
      return false;
  }
}

// Whether `subject` is followed by a space, given its neighbours (before
// may be null at the start of a cell).
bool SpaceAfter(const FTok& subject, const FTok* before, const FTok& after) {
  TokenType s = subject.type, a = after.type;
  if (a == TokenType::kNewline) return false;
  if (s == TokenType::kIdent && a == TokenType::kOParen) return false;
  if (s == TokenType::kDot || a == TokenType::kDot) return false;
  if (a == TokenType::kComma || a == TokenType::kEllipsis) return false;
  if (s == TokenType::kComma) return true;
  if (s == TokenType::kQuotedLit || s == TokenType::kStringLit || s == TokenType::kOQuote ||
      a == TokenType::kQuotedLit || a == TokenType::kStringLit || a == TokenType::kCQuote)
    return false;
  if (s == TokenType::kIdent && subject.text == "in" && before != nullptr &&
      before->type == TokenType::kIdent)
    return true;
  if (a == TokenType::kOBrack && (s == TokenType::kIdent || s == TokenType::kNumber ||
                                  s == TokenType::kCQuote || BracketChange(subject) < 0))
    return false;
  if (s == TokenType::kMinus) {
    // A minus after something that cannot end an operand is a negation.
    if (before == nullptr || IsOperatorLike(before->type)) return false;
    return !(before->type == TokenType::kIdent && (before->text == "if" || before->text == "in"));
  }
  if (s == TokenType::kBang) return false;
  if (s == TokenType::kOBrace || a == TokenType::kCBrace)
    return !(s == TokenType::kOBrace && a == TokenType::kCBrace);
  if ((s == TokenType::kTemplateInterp || s == TokenType::kTemplateControl) &&
      a == TokenType::kOBrace)
    return true;
  if (s == TokenType::kCBrace && a == TokenType::kTemplateSeqEnd) return true;
  if (s == TokenType::kTemplateSeqEnd &&
      (a == TokenType::kTemplateInterp || a == TokenType::kTemplateControl))
    return false;
  if (a == TokenType::kColon) return after.spaced_colon;
  if (BracketChange(subject) > 0) return false;
  if (BracketChange(after) < 0) return false;
  return true;
}

// Display width of a cell; for tokens spanning lines (heredocs, block
// comments) only their last line counts.
int Columns(const std::vector<FTok*>& cell) {
  int n = 0;
  for (const FTok* t : cell) {
    if (t->type == TokenType::kNewline) continue;
    size_t nl = t->text.rfind('\n');
    if (nl != std::string::npos) {
      n = static_cast<int>(Utf8Count(std::string_view(t->text).substr(nl + 1)));
      continue;
    }
    n += t->spaces + static_cast<int>(Utf8Count(t->text));
  }
  return n;
}

std::vector<FLine> SplitLines(std::vector<FTok>* toks) {
  std::vector<FLine> lines(1);
  for (auto& t : *toks) {
    lines.back().lead.push_back(&t);
    if (EndsLine(t)) lines.emplace_back();
  }
  if (lines.back().lead.empty()) lines.pop_back();
  for (auto& line : lines) {
    auto& lead = line.lead;
    if (lead.size() > 1 && lead.back()->type == TokenType::kComment) {
      line.comment.push_back(lead.back());
      lead.pop_back();
    }
    for (size_t i = 1; i < lead.size(); ++i) {
      if (lead[i]->type != TokenType::kEqual) continue;
      int net = 0;
      for (size_t k = i; k < lead.size(); ++k) net += BracketChange(*lead[k]);
      if (net == 0) {
        line.assign.assign(lead.begin() + static_cast<long>(i), lead.end());
        lead.resize(i);
      }
      break;
    }
  }
  return lines;
}

void Indent(std::vector<FLine>* lines) {
  std::vector<int> indents;
  for (auto& line : *lines) {
    if (line.lead.empty()) continue;
    if (line.lead[0]->type == TokenType::kNewline) {
      line.lead[0]->spaces = 0;
      continue;
    }
    int net = 0;
    for (const FTok* t : line.lead) net += BracketChange(*t);
    for (const FTok* t : line.assign) net += BracketChange(*t);
    if (net < 0) {
      int closed = -net;
      while (closed > 0 && !indents.empty()) {
        if (closed >= indents.back()) {
          closed -= indents.back();
          indents.pop_back();
        } else {
          indents.back() -= closed;
          closed = 0;
        }
      }
    }
    line.lead[0]->spaces = 2 * static_cast<int>(indents.size());
    if (net > 0) indents.push_back(net);
  }
}

void SpaceCell(std::vector<FTok*>& cell) {
  for (size_t i = 0; i + 1 < cell.size(); ++i) {
    const FTok* before = i > 0 ? cell[i - 1] : nullptr;
    cell[i + 1]->spaces = SpaceAfter(*cell[i], before, *cell[i + 1]) ? 1 : 0;
  }
}

template <typename Cell, typename Width>
void Align(std::vector<FLine>* lines, Cell cell, Width width) {
  size_t start = 0;
  int max_cols = 0;
  bool open = false;
  auto close = [&](size_t end) {
    for (size_t k = start; k < end; ++k) {
      FLine& l = (*lines)[k];
      cell(l)[0]->spaces = max_cols - width(l) + 1;
    }
    open = false;
    max_cols = 0;
  };
  for (size_t i = 0; i < lines->size(); ++i) {
    FLine& l = (*lines)[i];
    if (cell(l).empty()) {
      if (open) close(i);
      continue;
    }
    if (!open) {
      open = true;
      start = i;
    }
    max_cols = std::max(max_cols, width(l));
  }
  if (open) close(lines->size());
}

std::string TokenText(const FTok& t) {
  if (t.type == TokenType::kNewline) return "\n";
  if (t.type == TokenType::kComment && t.text.compare(0, 2, "/*") != 0) {
    std::string s = t.text;
    while (!s.empty() &&
           (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
      s.pop_back();
    return s + "\n";
  }
  return t.text;
}

}  // namespace

Result<std::string> Format(const std::string& filename, const std::string& source) {
  Diagnostics diags;
  ParseConfig(filename, source, &diags);
  if (diags.HasErrors()) return diags.ToStatus();
  Diagnostics ignored;
  std::vector<FTok> toks = FormatTokens(Lex(source, filename, &ignored), source);
  MarkColons(&toks);
  std::vector<FLine> lines = SplitLines(&toks);
  Indent(&lines);
  for (auto& line : lines) {
    SpaceCell(line.lead);
    SpaceCell(line.assign);
    if (!line.assign.empty()) line.assign[0]->spaces = 1;
    if (!line.comment.empty()) line.comment[0]->spaces = 1;
  }
  Align(
      &lines, [](FLine& l) -> std::vector<FTok*>& { return l.assign; },
      [](FLine& l) { return Columns(l.lead); });
  Align(
      &lines, [](FLine& l) -> std::vector<FTok*>& { return l.comment; },
      [](FLine& l) { return Columns(l.lead) + Columns(l.assign); });
  std::string out;
  for (auto& line : lines) {
    for (auto* cell : {&line.lead, &line.assign, &line.comment}) {
      for (const FTok* t : *cell) {
        if (t->type != TokenType::kNewline) out.append(static_cast<size_t>(t->spaces), ' ');
        out += TokenText(*t);
      }
    }
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  if (!out.empty()) out += '\n';
  return out;
}

}  // namespace strata::hcl
