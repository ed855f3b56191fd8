#include "dialect/postgres/diff_hooks.h"

#include <gtest/gtest.h>

#include "dialect/postgres/normalize.h"
#include "dialect/postgres/types.h"

namespace strata::dialect::postgres {
namespace {

schema::Expr Lit(const std::string& s) { return {schema::Expr::Kind::kLiteral, s}; }
schema::Expr Raw(const std::string& s) { return {schema::Expr::Kind::kRaw, s}; }

TEST(PostgresDiffHooks, TypesCompareCanonically) {
  PostgresDiffHooks h;
  EXPECT_TRUE(h.TypesEqual(ParseType("character varying(255)"), PostgresTypes().ParseSQL("varchar(255)")));
  EXPECT_TRUE(h.TypesEqual(ParseType("integer"), PostgresTypes().ParseSQL("int4")));
  EXPECT_TRUE(h.TypesEqual(ParseType("timestamp(6) without time zone"), PostgresTypes().ParseSQL("timestamp")));
  EXPECT_TRUE(h.TypesEqual(ParseType("integer"), PostgresTypes().ParseSQL("serial")));
  EXPECT_TRUE(h.TypesEqual(ParseType("text[]"), schema::Type{"TEXT[]", "text[]", {}, false, true}));
  EXPECT_FALSE(h.TypesEqual(ParseType("varchar(10)"), ParseType("varchar(20)")));
  EXPECT_FALSE(h.TypesEqual(ParseType("timestamp"), ParseType("timestamptz")));
}

TEST(PostgresDiffHooks, DefaultsIgnoreLiteralCasts) {
  PostgresDiffHooks h;
  EXPECT_TRUE(h.DefaultsEqual(Raw("'x'::text"), Lit("'x'")));
  EXPECT_TRUE(h.DefaultsEqual(Raw("('x'::character varying)"), Lit("'x'")));
  EXPECT_TRUE(h.DefaultsEqual(Lit("'1'"), Lit("1")));
  EXPECT_TRUE(h.DefaultsEqual(Raw("now()"), Raw("NOW()")));
  EXPECT_FALSE(h.DefaultsEqual(Lit("'x'"), Lit("'y'")));
  EXPECT_FALSE(h.DefaultsEqual(Lit("'x'"), std::nullopt));
}

TEST(PostgresDiffHooks, ExpressionsIgnoreLiteralCasts) {
  PostgresDiffHooks h;
  EXPECT_TRUE(h.ExprEqual("(status = 'active'::text)", "status = 'active'"));
  EXPECT_TRUE(h.ExprEqual("price > 0", "(price > 0)"));
  EXPECT_FALSE(h.ExprEqual("price > 0", "price > 1"));
}

TEST(PostgresDiffHooks, IndexTypeBtreeIsTheDefault) {
  PostgresDiffHooks h;
  schema::Index a, b;
  a.options.Set("type", "btree");
  EXPECT_TRUE(h.IndexOptionsEqual(a, b));
  b.options.Set("type", "GIN");
  EXPECT_FALSE(h.IndexOptionsEqual(a, b));
  schema::Index c;
  c.options.Set("type", "gin");
  EXPECT_TRUE(h.IndexOptionsEqual(b, c));
}

TEST(Normalize, StripLiteralCast) {
  EXPECT_EQ(StripLiteralCast("'x'::text"), "'x'");
  EXPECT_EQ(StripLiteralCast("('{}'::jsonb)"), "'{}'");
  EXPECT_EQ(StripLiteralCast("'a'::text || 'b'::text"), "'a'::text || 'b'::text");
  EXPECT_EQ(StripLiteralCast("now()"), "now()");
}

TEST(Normalize, TableSpellings) {
  schema::Table t;
  schema::Column c;
  c.name = "a";
  c.type = PostgresTypes().ParseSQL("character varying(5)");
  c.options.Set("identity", "by_default");
  t.columns.push_back(c);
  schema::Index i;
  i.options.Set("type", "BTREE");
  i.options.Set("nulls_distinct", "true");
  t.indexes.push_back(i);
  NormalizeTable(t);
  EXPECT_EQ(t.columns[0].type.name, "varchar");
  EXPECT_EQ(t.columns[0].options.Get("identity"), "BY DEFAULT");
  EXPECT_TRUE(t.indexes[0].options.empty());
}

}  // namespace
}  // namespace strata::dialect::postgres
