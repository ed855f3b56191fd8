// HCL partition blocks and partition_of/partition_bound on PostgreSQL.
#include <gtest/gtest.h>

#include "dialect/postgres/spec.h"
#include "spec/decode.h"
#include "spec/encode.h"

namespace strata::dialect::postgres {
namespace {

Result<schema::Realm> Decode(const std::string& src) {
  return spec::DecodeSources({{"schema.pg.hcl", src}}, {}, PostgresSpec());
}

const char* const kParentAndChildren = R"HCL(table "m" {
  schema = schema.public
  column "at" {
    null = false
    type = date
  }
  column "region" {
    null = true
    type = text
  }
  index "m_region" {
    columns = [column.region]
  }
  partition {
    type    = RANGE
    columns = [column.at]
  }
}
table "m_2024" {
  schema          = schema.public
  partition_of    = table.m
  partition_bound = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"
  index "m_2024_lower" {
    on {
      expr = "lower(region)"
    }
  }
  partition {
    type = LIST
    by {
      column = column.region
    }
    by {
      expr = "upper(region)"
    }
  }
}
table "m_other" {
  schema       = schema.public
  partition_of = table.m
}
schema "public" {
}
)HCL";

TEST(PostgresSpecPartitions, DecodesParentAndPartitions) {
  auto r = Decode(kParentAndChildren);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const schema::Schema& s = r->schemas[0];
  EXPECT_EQ(s.FindTable("m")->options.Get("partition"), "RANGE (\"at\")");
  const schema::Table* c = s.FindTable("m_2024");
  EXPECT_EQ(c->options.Get("partition_of"), "m");
  EXPECT_FALSE(c->options.Has("partition_of_schema"));
  EXPECT_EQ(c->options.Get("partition_bound"), "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
  EXPECT_EQ(c->options.Get("partition"), "LIST (\"region\", (upper(region)))");
  EXPECT_TRUE(c->columns.empty());
  ASSERT_EQ(c->indexes.size(), 1u);
  EXPECT_FALSE(s.FindTable("m_other")->options.Has("partition_bound"));
}

TEST(PostgresSpecPartitions, EncodesInspectedForms) {
  schema::Realm realm;
  schema::Schema s;
  s.name = "public";
  schema::Table m;
  m.name = "m";
  m.schema = "public";
  schema::Column at;
  at.name = "at";
  at.type = PostgresSpec().types->ParseSQL("date");
  m.columns = {at};
  m.options.Set("partition", "LIST (lower(b), at)");
  schema::Table c;
  c.name = "c";
  c.schema = "public";
  c.options.Set("partition_of", "m");
  c.options.Set("partition_of_schema", "other");
  c.options.Set("partition_bound", "DEFAULT");
  s.tables = {m, c};
  realm.schemas = {s};
  std::string hcl = spec::EncodeRealm(realm, PostgresSpec());
  EXPECT_NE(hcl.find("  partition {\n    type = LIST\n    by {\n      expr = \"lower(b)\"\n    }\n    by {\n"
                     "      column = column.at\n    }\n  }\n"),
            std::string::npos)
      << hcl;
  EXPECT_NE(hcl.find("  partition_of    = table.other.m\n  partition_bound = \"DEFAULT\"\n"), std::string::npos)
      << hcl;
}

TEST(PostgresSpecPartitions, Errors) {
  auto no_key = Decode(R"HCL(schema "public" {}
table "m" {
  schema = schema.public
  column "a" {
    type = integer
  }
  partition {
    type = RANGE
  }
})HCL");
  ASSERT_FALSE(no_key.ok());
  EXPECT_NE(no_key.status().message().find("missing columns or by blocks"), std::string::npos)
      << no_key.status().message();
  auto bad_col = Decode(R"HCL(schema "public" {}
table "m" {
  schema = schema.public
  column "a" {
    type = integer
  }
  partition {
    type    = HASH
    columns = [column.b]
  }
})HCL");
  ASSERT_FALSE(bad_col.ok());
  EXPECT_NE(bad_col.status().message().find("column \"b\" was not found"), std::string::npos)
      << bad_col.status().message();
  auto bad_parent = Decode(R"HCL(schema "public" {}
table "c" {
  schema       = schema.public
  partition_of = 42
})HCL");
  ASSERT_FALSE(bad_parent.ok());
  EXPECT_NE(bad_parent.status().message().find("partition_of"), std::string::npos) << bad_parent.status().message();
}

}  // namespace
}  // namespace strata::dialect::postgres
