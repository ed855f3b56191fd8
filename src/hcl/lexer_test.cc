#include "hcl/lexer.h"

#include <gtest/gtest.h>

#include "base/source.h"

namespace strata::hcl {
namespace {

// "type:text" for every token but EOF, joined by spaces.
std::string Describe(const std::string& src, Diagnostics* diags = nullptr) {
  Diagnostics local;
  std::vector<Token> toks = Lex(src, "t.hcl", diags != nullptr ? diags : &local);
  std::string out;
  for (const auto& t : toks) {
    if (t.type == TokenType::kEOF) break;
    if (!out.empty()) out += " ";
    std::string text = t.text;
    for (size_t i = 0; (i = text.find('\n', i)) != std::string::npos;) text.replace(i, 1, "\\n");
    out += std::to_string(static_cast<int>(t.type)) + ":" + text;
  }
  return out;
}

std::string T(TokenType t, const std::string& text) {
  return std::to_string(static_cast<int>(t)) + ":" + text;
}

TEST(LexerTest, OperatorsAndPunctuation) {
  std::vector<std::pair<std::string, TokenType>> cases = {
      {"==", TokenType::kEqualOp},   {"!=", TokenType::kNotEqual},  {"<=", TokenType::kLessEq},
      {">=", TokenType::kGreaterEq}, {"&&", TokenType::kAnd},       {"||", TokenType::kOr},
      {"=>", TokenType::kFatArrow},  {"...", TokenType::kEllipsis}, {"?", TokenType::kQuestion},
      {":", TokenType::kColon},      {"%", TokenType::kPercent},    {"!", TokenType::kBang},
  };
  for (const auto& [src, type] : cases) EXPECT_EQ(Describe(src), T(type, src)) << src;
}

TEST(LexerTest, NumbersIncludingExponents) {
  EXPECT_EQ(Describe("12"), T(TokenType::kNumber, "12"));
  EXPECT_EQ(Describe("1.5e-3"), T(TokenType::kNumber, "1.5e-3"));
  EXPECT_EQ(Describe("2E10"), T(TokenType::kNumber, "2E10"));
  // "1." is a number followed by a dot (legacy index a.1.b).
  EXPECT_EQ(Describe("1.b"), T(TokenType::kNumber, "1") + " " + T(TokenType::kDot, ".") + " " +
                                 T(TokenType::kIdent, "b"));
}

TEST(LexerTest, IdentifiersMayContainDashes) {
  EXPECT_EQ(Describe("foo-bar_1"), T(TokenType::kIdent, "foo-bar_1"));
}

TEST(LexerTest, CommentsKeepTheirNewline) {
  EXPECT_EQ(Describe("# a\nb // c\n/* d */"),
            T(TokenType::kComment, "# a\\n") + " " + T(TokenType::kIdent, "b") + " " +
                T(TokenType::kComment, "// c\\n") + " " + T(TokenType::kComment, "/* d */"));
}

TEST(LexerTest, QuotedTemplateWithInterpolationAndStrip) {
  EXPECT_EQ(Describe(R"~("a ${~ b ~} %{if c}")~"),
            T(TokenType::kOQuote, "\"") + " " + T(TokenType::kQuotedLit, "a ") + " " +
                T(TokenType::kTemplateInterp, "${~") + " " + T(TokenType::kIdent, "b") + " " +
                T(TokenType::kTemplateSeqEnd, "~}") + " " + T(TokenType::kQuotedLit, " ") + " " +
                T(TokenType::kTemplateControl, "%{") + " " + T(TokenType::kIdent, "if") + " " +
                T(TokenType::kIdent, "c") + " " + T(TokenType::kTemplateSeqEnd, "}") + " " +
                T(TokenType::kCQuote, "\""));
}

TEST(LexerTest, EscapedSequencesStayLiteral) {
  EXPECT_EQ(Describe(R"~("$${x} %%{y} \" q")~"),
            T(TokenType::kOQuote, "\"") + " " + T(TokenType::kQuotedLit, R"~($${x} %%{y} \" q)~") +
                " " + T(TokenType::kCQuote, "\""));
}

TEST(LexerTest, NestedBracesInsideInterpolation) {
  EXPECT_EQ(Describe(R"~("${ {a=1}.a }")~"),
            T(TokenType::kOQuote, "\"") + " " + T(TokenType::kTemplateInterp, "${") + " " +
                T(TokenType::kOBrace, "{") + " " + T(TokenType::kIdent, "a") + " " +
                T(TokenType::kEqual, "=") + " " + T(TokenType::kNumber, "1") + " " +
                T(TokenType::kCBrace, "}") + " " + T(TokenType::kDot, ".") + " " +
                T(TokenType::kIdent, "a") + " " + T(TokenType::kTemplateSeqEnd, "}") + " " +
                T(TokenType::kCQuote, "\""));
}

TEST(LexerTest, HeredocLinesAndMarker) {
  EXPECT_EQ(Describe("<<-EOT\n  a ${b}\n  EOT\n"),
            T(TokenType::kOHeredoc, "<<-EOT\\n") + " " + T(TokenType::kStringLit, "  a ") + " " +
                T(TokenType::kTemplateInterp, "${") + " " + T(TokenType::kIdent, "b") + " " +
                T(TokenType::kTemplateSeqEnd, "}") + " " + T(TokenType::kStringLit, "\\n") + " " +
                T(TokenType::kCHeredoc, "  EOT") + " " + T(TokenType::kNewline, "\\n"));
}

TEST(LexerTest, HeredocMarkerMustBeAloneOnItsLine) {
  std::string d = Describe("<<EOT\nNOT EOT\nEOT");
  EXPECT_NE(d.find(T(TokenType::kStringLit, "NOT EOT\\n")), std::string::npos) << d;
  EXPECT_NE(d.find(T(TokenType::kCHeredoc, "EOT")), std::string::npos) << d;
}

TEST(LexerTest, LessThanLessThanWithoutHeredocIsTwoOperators) {
  EXPECT_EQ(Describe("a << b"), T(TokenType::kIdent, "a") + " " + T(TokenType::kLess, "<") + " " +
                                    T(TokenType::kLess, "<") + " " + T(TokenType::kIdent, "b"));
}

TEST(LexerTest, InvalidCharactersAreReportedWithHints) {
  Diagnostics d;
  Describe("a = 'x' & `", &d);
  ASSERT_EQ(d.items().size(), 4u);  // ' x ' & `  (the x between quotes is an identifier)
  EXPECT_EQ(d.items()[0].ToString(),
            "t.hcl:1:5: Invalid character: Single quotes are not valid. Use double quotes (\") to "
            "enclose strings.");
  EXPECT_NE(d.items()[2].detail.find("&&"), std::string::npos);
  EXPECT_NE(d.items()[3].detail.find("heredoc"), std::string::npos);
}

TEST(LexerTest, PositionsAreOneBasedLineAndByteColumn) {
  Diagnostics d;
  std::vector<Token> toks = Lex("a\n  bé = 1", "t.hcl", &d);
  ASSERT_GE(toks.size(), 4u);
  EXPECT_EQ(toks[2].text, "bé");
  EXPECT_EQ(toks[2].start.line, 2);
  EXPECT_EQ(toks[2].start.column, 3);
  EXPECT_EQ(toks[2].start.offset, 4);
  EXPECT_EQ(toks[3].start.column, 7);  // "é" is two bytes
}

TEST(LexerTest, CrlfNewlines) {
  EXPECT_EQ(Describe("a\r\nb"), T(TokenType::kIdent, "a") + " " + T(TokenType::kNewline, "\r\\n") +
                                    " " + T(TokenType::kIdent, "b"));
  // A heredoc marker line may end with CRLF too.
  std::string d = Describe("<<EOT\r\nx\r\nEOT\r\n");
  EXPECT_NE(d.find(T(TokenType::kCHeredoc, "EOT")), std::string::npos) << d;
}

TEST(LexerTest, UnterminatedBlockComment) {
  Diagnostics d;
  Describe("a = 1 /* never", &d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].summary, "Unterminated comment");
}

}  // namespace
}  // namespace strata::hcl
