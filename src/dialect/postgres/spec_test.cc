#include "dialect/postgres/spec.h"

#include <gtest/gtest.h>

#include "spec/decode.h"

namespace strata::dialect::postgres {
namespace {

Result<schema::Realm> Decode(const std::string& src) {
  return spec::DecodeSources({{"schema.pg.hcl", src}}, {}, PostgresSpec());
}

TEST(PostgresSpec, DecodesPostgresAttributes) {
  auto r = Decode(R"(
schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = integer
  }
  column "b" {
    type = integer
    as   = "a * 2"
  }
  column "name" {
    type    = text
    collate = "C"
  }
  index "t_a" {
    type           = BRIN
    columns        = [column.a]
    page_per_range = 16
  }
  index "t_name" {
    unique         = true
    nulls_distinct = false
    on {
      column     = column.name
      ops        = text_pattern_ops
      desc       = true
      nulls_last = true
    }
    where = "a > 0"
  }
  foreign_key "t_self" {
    columns     = [column.b]
    ref_columns = [column.a]
    deferrable  = true
  }
  check "c" {
    expr       = "a > 0"
    no_inherit = true
  }
}
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const schema::Table* t = r->schemas[0].FindTable("t");
  ASSERT_NE(t, nullptr);
  ASSERT_TRUE(t->columns[1].generated.has_value());
  EXPECT_EQ(t->columns[1].generated->type, "STORED");
  EXPECT_EQ(t->columns[2].options.Get("collate"), "C");
  const schema::Index* brin = t->FindIndex("t_a");
  ASSERT_NE(brin, nullptr);
  EXPECT_EQ(brin->options.Get("type"), "BRIN");
  EXPECT_EQ(brin->options.Get("page_per_range"), "16");
  const schema::Index* name = t->FindIndex("t_name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->options.Get("nulls_distinct"), "false");
  EXPECT_EQ(name->where, "a > 0");
  EXPECT_EQ(name->parts[0].options.Get("ops"), "text_pattern_ops");
  EXPECT_TRUE(name->parts[0].options.Flag("nulls_last"));
  EXPECT_TRUE(t->foreign_keys[0].options.Flag("deferrable"));
  EXPECT_TRUE(t->checks[0].options.Flag("no_inherit"));
}

TEST(PostgresSpec, DefaultsAreNotStored) {
  auto r = Decode(R"(
schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = integer
  }
  index "t_a" {
    type           = BTREE
    columns        = [column.a]
    nulls_distinct = true
  }
}
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->schemas[0].tables[0].indexes[0].options.empty());
}

TEST(PostgresSpec, RejectsVirtualGeneratedColumns) {
  auto r = Decode(R"(
schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = integer
  }
  column "b" {
    type = integer
    as {
      expr = "a"
      type = VIRTUAL
    }
  }
}
)");
  EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace strata::dialect::postgres
