// Pieces of inspection that need no server (the rest is in
// inspect_integration_test.cc).
#include "dialect/postgres/inspect.h"

#include <gtest/gtest.h>

namespace strata::dialect::postgres {
namespace {

TEST(ParseTextArray, QuotesEscapesAndNulls) {
  EXPECT_EQ(ParseTextArray("{}"), std::vector<std::string>{});
  EXPECT_EQ(ParseTextArray("{a,b}"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(ParseTextArray(R"({"a b","c,d","e\"f",NULL,"NULL"})"),
            (std::vector<std::string>{"a b", "c,d", "e\"f", "", "NULL"}));
}

TEST(TextArrayLiteral, QuotesEveryElement) {
  EXPECT_EQ(TextArrayLiteral({}), "{}");
  EXPECT_EQ(TextArrayLiteral({"a", "b\"c", "d\\e"}), R"({"a","b\"c","d\\e"})");
  EXPECT_EQ(ParseTextArray(TextArrayLiteral({"x,y", "z"})), (std::vector<std::string>{"x,y", "z"}));
}

TEST(ParseDefault, LiteralsAndExpressions) {
  using K = schema::Expr::Kind;
  struct Case {
    const char* in;
    K kind;
    const char* text;
  } cases[] = {
      {"'x'::text", K::kLiteral, "'x'"},
      {"'it''s'::character varying", K::kLiteral, "'it''s'"},
      {"42", K::kLiteral, "42"},
      {"'-1'::integer", K::kLiteral, "-1"},
      {"1.5", K::kLiteral, "1.5"},
      {"true", K::kLiteral, "true"},
      {"'{}'::jsonb", K::kLiteral, "'{}'"},
      {"'{a,b}'::text[]", K::kLiteral, "'{a,b}'"},
      {"now()", K::kRaw, "now()"},
      {"CURRENT_TIMESTAMP", K::kRaw, "CURRENT_TIMESTAMP"},
      {"('a'::text || 'b'::text)", K::kRaw, "('a'::text || 'b'::text)"},
      {"nextval('t_id_seq'::regclass)", K::kRaw, "nextval('t_id_seq'::regclass)"},
  };
  for (const auto& c : cases) {
    schema::Expr e = ParseDefault(c.in);
    EXPECT_EQ(e.kind, c.kind) << c.in;
    EXPECT_EQ(e.text, c.text) << c.in;
  }
}

}  // namespace
}  // namespace strata::dialect::postgres
