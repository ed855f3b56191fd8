#include "dialect/postgres/spec.h"

#include <gtest/gtest.h>

#include "spec/decode.h"
#include "dialect/postgres/types.h"
#include "spec/encode.h"

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

// Nested attribute blocks (AttrSpec::block) and column-reference lists
// (AttrKind::kColumnRefList), both driven by PostgresSpec() data.
constexpr char kIdentityInclude[] = R"(table "t" {
  schema = schema.public
  column "id" {
    null = false
    type = bigint
    identity {
      generated = ALWAYS
    }
  }
  column "n" {
    null = false
    type = integer
    identity {
      generated = BY_DEFAULT
      start     = 10
      increment = 5
    }
  }
  column "a" {
    null = true
    type = text
  }
  column "b" {
    null = true
    type = text
  }
  primary_key {
    columns = [column.id]
    include = [column.a]
  }
  index "t_n" {
    unique  = true
    columns = [column.n]
    include = [column.a, column.b]
  }
}
schema "public" {
}
)";

TEST(PostgresSpec, DecodesIdentityAndInclude) {
  auto r = Decode(kIdentityInclude);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const schema::Table& t = r->schemas[0].tables[0];
  EXPECT_EQ(t.columns[0].options.Get("identity"), "ALWAYS");
  EXPECT_EQ(t.columns[0].options.Find("identity_start"), nullptr);
  EXPECT_EQ(t.columns[0].options.Find("identity_increment"), nullptr);
  EXPECT_EQ(t.columns[1].options.Get("identity"), "BY DEFAULT");
  EXPECT_EQ(t.columns[1].options.Get("identity_start"), "10");
  EXPECT_EQ(t.columns[1].options.Get("identity_increment"), "5");
  EXPECT_TRUE(t.columns[2].options.empty());
  ASSERT_TRUE(t.primary_key.has_value());
  EXPECT_EQ(t.primary_key->options.Get("include"), "a");
  EXPECT_EQ(t.indexes[0].options.Get("include"), "a,b");
}

TEST(PostgresSpec, IdentityDefaultsAreNotStored) {
  auto r = Decode(R"(
schema "public" {}
table "t" {
  schema = schema.public
  column "id" {
    type = bigint
    identity {
      generated = BY_DEFAULT
      start     = 1
      increment = 1
    }
  }
}
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const auto& opts = r->schemas[0].tables[0].columns[0].options;
  EXPECT_EQ(opts.Get("identity"), "BY DEFAULT");
  EXPECT_EQ(opts.Find("identity_start"), nullptr);
  EXPECT_EQ(opts.Find("identity_increment"), nullptr);
}

TEST(PostgresSpec, EncodesIdentityAndInclude) {
  auto r = Decode(kIdentityInclude);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(spec::EncodeSchema(r->schemas[0], PostgresSpec()), kIdentityInclude);
}

TEST(PostgresSpec, EncodesIdentityFromOptions) {
  schema::Schema s;
  s.name = "public";
  schema::Table t;
  t.name = "t";
  t.schema = "public";
  schema::Column c;
  c.name = "id";
  c.type = ParseType("integer");
  c.options.Set("identity", "BY DEFAULT");
  c.options.Set("identity_start", "1");  // the default: not printed
  c.options.Set("identity_increment", "3");
  t.columns.push_back(c);
  s.tables.push_back(t);
  std::string got = spec::EncodeSchema(s, PostgresSpec());
  EXPECT_NE(got.find("    identity {\n      generated = BY_DEFAULT\n      increment = 3\n    }\n"),
            std::string::npos)
      << got;
  EXPECT_EQ(got.find("start"), std::string::npos) << got;
}

TEST(PostgresSpec, RoundTripsIdentityAndInclude) {
  auto r = Decode(kIdentityInclude);
  ASSERT_TRUE(r.ok()) << r.status().message();
  auto again = Decode(spec::EncodeRealm(*r, PostgresSpec()));
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(*again, *r);
}

TEST(PostgresSpec, RejectsBadIdentityAndInclude) {
  const char* bad[] = {
      // generated is required in the identity block
      R"(column "id" {
    type = bigint
    identity {
      start = 5
    }
  })",
      // unknown generation
      R"(column "id" {
    type = bigint
    identity {
      generated = SOMETIMES
    }
  })",
      // unknown attribute in the block
      R"(column "id" {
    type = bigint
    identity {
      generated = ALWAYS
      cycle     = true
    }
  })",
      // two identity blocks
      R"(column "id" {
    type = bigint
    identity {
      generated = ALWAYS
    }
    identity {
      generated = ALWAYS
    }
  })",
      // `generated` is only valid inside the block
      R"(column "id" {
    type      = bigint
    generated = ALWAYS
  })",
      // include must list column references
      R"(column "id" {
    type = bigint
  }
  index "i" {
    columns = [column.id]
    include = ["id"]
  })",
      R"(column "id" {
    type = bigint
  }
  index "i" {
    columns = [column.id]
    include = [schema.public]
  })",
  };
  for (const char* body : bad) {
    auto r = Decode(std::string("schema \"public\" {}\ntable \"t\" {\n  schema = schema.public\n  ") +
                    body + "\n}\n");
    EXPECT_FALSE(r.ok()) << body;
  }
}

}  // namespace
}  // namespace strata::dialect::postgres
