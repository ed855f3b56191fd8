#include "dialect/sqlite/literal.h"

#include <gtest/gtest.h>

namespace strata::dialect::sqlite {
namespace {

TEST(LiteralTest, DefaultExprFollowsAtlas) {
  using K = schema::Expr::Kind;
  struct Case {
    std::string in;
    K kind;
  } cases[] = {
      {"1", K::kLiteral},
      {"-1.5", K::kLiteral},
      {"1e10", K::kLiteral},
      {"0x1F", K::kLiteral},
      {"true", K::kLiteral},
      {"FALSE", K::kLiteral},
      {"'a''b'", K::kLiteral},
      {"\"dq\"", K::kLiteral},
      {"x'00ff'", K::kLiteral},
      {"NULL", K::kRaw},
      {"CURRENT_TIMESTAMP", K::kRaw},
      {"1+2", K::kRaw},
      {"'a' || 'b'", K::kRaw},
      {"x''", K::kRaw},
      {"abs(-1)", K::kRaw},
  };
  for (const auto& c : cases) {
    schema::Expr e = DefaultExpr(c.in);
    EXPECT_EQ(e.kind, c.kind) << c.in;
    EXPECT_EQ(e.text, c.in);
  }
}

TEST(LiteralTest, Numbers) {
  for (auto s : {"0", "+3", "-0.5", ".5", "5.", "1E-3", "inf", "-Infinity", "NaN", "0xFFFFFFFFFFFFFFFF"})
    EXPECT_TRUE(IsLiteralNumber(s)) << s;
  for (auto s : {"", "-", ".", "1e", "1.2.3", "0x", "0x1FFFFFFFFFFFFFFFF", "12a", "1_000"})
    EXPECT_FALSE(IsLiteralNumber(s)) << s;
}

TEST(LiteralTest, Quoting) {
  EXPECT_TRUE(IsQuoted("'a''b'", '\''));
  EXPECT_FALSE(IsQuoted("'a'b'", '\''));
  EXPECT_TRUE(IsQuoted("\"a\\\"b\"", '"'));
  EXPECT_EQ(*SingleQuote("a8m"), "'a8m'");
  EXPECT_EQ(*SingleQuote("'kept'"), "'kept'");
  EXPECT_EQ(*SingleQuote("it's"), "'it''s'");
  EXPECT_EQ(*SingleQuote("\"dq\""), "'dq'");
  EXPECT_EQ(*SingleQuote("\"a\\tb\""), "'a\tb'");
  EXPECT_EQ(*SingleQuote("\"a\"\"b\""), "'a\"b'");
  EXPECT_EQ(*Unquote("'it''s'"), "it's");
  EXPECT_EQ(*Unquote("\"x\""), "x");
  EXPECT_EQ(*Unquote("1"), "1");
}

TEST(LiteralTest, MayWrap) {
  EXPECT_EQ(MayWrap("1"), "(1)");
  EXPECT_EQ(MayWrap("(1)"), "(1)");
  EXPECT_EQ(MayWrap("(a) > (b)"), "((a) > (b))");
  EXPECT_EQ(MayWrap("(a), (b)"), "((a), (b))");
  EXPECT_EQ(MayWrap("(')')"), "(')')");
  EXPECT_EQ(MayWrap("lower(x)"), "(lower(x))");
}

}  // namespace
}  // namespace strata::dialect::sqlite
