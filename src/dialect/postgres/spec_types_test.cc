// The generic object codec (spec/decode_object.cc, spec/encode_object.cc)
// with PostgreSQL's object blocks (spec_types.cc).
#include "dialect/postgres/spec_types.h"

#include <gtest/gtest.h>

#include "dialect/postgres/spec.h"
#include "spec/decode.h"
#include "spec/encode.h"

namespace strata::dialect::postgres {
namespace {

Result<schema::Realm> Decode(const std::string& src) {
  return spec::DecodeSources({{"schema.pg.hcl", src}}, {}, PostgresSpec());
}

const char* const kTypes = R"hcl(table "users" {
  schema = schema.app
  column "status" {
    null    = false
    type    = enum.status
    default = "active"
  }
  column "tags" {
    null = true
    type = sql("status[]")
  }
  column "qty" {
    null = false
    type = domain.posint
  }
  column "addr" {
    null = true
    type = composite.address
  }
  column "n" {
    null    = false
    type    = bigint
    default = sql("nextval('counter'::regclass)")
  }
}
extension "hstore" {
  schema  = schema.app
  version = "1.8"
}
enum "status" {
  schema  = schema.app
  values  = ["active", "disabled"]
  comment = "user status"
}
domain "posint" {
  schema  = schema.app
  type    = integer
  null    = false
  default = 1
  check "positive" {
    expr = "VALUE > 0"
  }
}
composite "address" {
  schema = schema.app
  field "street" {
    type = text
  }
  field "zip" {
    type    = character_varying(10)
    collate = "C"
  }
  field "st" {
    type = enum.status
  }
}
sequence "counter" {
  schema    = schema.app
  start     = 100
  increment = 5
  cache     = 10
  cycle     = true
  owner     = table.users.column.n
}
schema "app" {
}
)hcl";

TEST(PostgresObjectSpec, DecodesObjects) {
  auto r = Decode(kTypes);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const schema::Schema& s = r->schemas[0];
  ASSERT_EQ(s.objects.size(), 5u);
  const schema::Object* en = s.FindObject("enum status");
  ASSERT_NE(en, nullptr);
  EXPECT_EQ(en->values, (std::vector<std::string>{"active", "disabled"}));
  EXPECT_EQ(en->comment, "user status");
  EXPECT_EQ(en->schema, "app");
  const schema::Object* d = s.FindObject("domain posint");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->def, "integer");
  EXPECT_EQ(d->options.Get("null"), "false");
  EXPECT_EQ(d->options.Get("default"), "1");
  EXPECT_EQ(d->options.Get("check.positive.expr"), "VALUE > 0");
  const schema::Object* c = s.FindObject("composite address");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->values, (std::vector<std::string>{"street", "zip", "st"}));
  EXPECT_EQ(c->options.Get("field.zip.type"), "varchar(10)");
  EXPECT_EQ(c->options.Get("field.zip.collate"), "C");
  EXPECT_EQ(c->options.Get("field.st.type"), "status");
  EXPECT_EQ(c->depends_on, (std::vector<std::string>{"enum.app.status"}));
  const schema::Object* q = s.FindObject("sequence counter");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->options.Get("owned_by"), "users.n");
  EXPECT_EQ(q->options.Get("start"), "100");
  EXPECT_FALSE(q->options.Has("type"));  // bigint is the default
  const schema::Table* t = s.FindTable("users");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->columns[0].type.raw, "status");
  EXPECT_EQ(t->columns[0].type.schema, "app");
  EXPECT_EQ(t->columns[1].type.raw, "status[]");
  EXPECT_EQ(t->columns[1].type.schema, "app");
  EXPECT_EQ(t->columns[2].type.raw, "posint");
  EXPECT_EQ(t->columns[3].type.raw, "address");
}

TEST(PostgresObjectSpec, EncodesDeterministically) {
  auto r = Decode(kTypes);
  ASSERT_TRUE(r.ok()) << r.status().message();
  // Objects in reverse order encode the same: sorted by kind, then name.
  schema::Realm rev = *r;
  std::reverse(rev.schemas[0].objects.begin(), rev.schemas[0].objects.end());
  std::string out = spec::EncodeRealm(*r, PostgresSpec());
  EXPECT_EQ(out, spec::EncodeRealm(rev, PostgresSpec()));
  // Round trip: the golden above is the canonical form (except the default
  // literal's spelling of the zip type).
  std::string want = kTypes;
  EXPECT_EQ(out, want.replace(want.find("character_varying(10)"), 21, "varchar(10)"));
}

TEST(PostgresObjectSpec, QualifiedReferences) {
  auto r = Decode(R"hcl(
schema "a" {}
schema "b" {}
enum "s" {
  schema = schema.a
  values = ["x"]
}
enum "s" {
  schema = schema.b
  values = ["y"]
}
table "t" {
  schema = schema.a
  column "c1" {
    type = enum.s
  }
  column "c2" {
    type = enum.b.s
  }
  column "c3" {
    type = sql("b.s[]")
  }
}
)hcl");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const schema::Table* t = r->schemas[0].FindTable("t");
  EXPECT_EQ(t->columns[0].type.schema, "a");  // the table's schema first
  EXPECT_EQ(t->columns[1].type.schema, "b");
  EXPECT_EQ(t->columns[2].type.schema, "b");
  EXPECT_EQ(t->columns[2].type.raw, "s[]");
  std::string out = spec::EncodeRealm(*r, PostgresSpec());
  EXPECT_NE(out.find("type = enum.a.s"), std::string::npos) << out;
  EXPECT_NE(out.find("type = enum.b.s"), std::string::npos) << out;
  EXPECT_NE(out.find("type = sql(\"b.s[]\")"), std::string::npos) << out;
  auto again = Decode(out);
  ASSERT_TRUE(again.ok()) << again.status().message() << "\n" << out;
  EXPECT_EQ(*again, *r);
}

TEST(PostgresObjectSpec, Errors) {
  auto r = Decode(R"hcl(
schema "a" {}
enum "e" {
  schema = schema.a
  values = ["x", "x"]
  bogus  = 1
}
domain "d" {
  schema = schema.a
}
sequence "s" {
  schema = schema.a
  owner  = table.nope.column.c
}
table "t" {
  schema = schema.a
  column "c" {
    type = enum.missing
  }
}
)hcl");
  ASSERT_FALSE(r.ok());
  const std::string m = r.status().message();
  EXPECT_NE(m.find("value \"x\" is listed more than once"), std::string::npos) << m;
  EXPECT_NE(m.find("unknown attribute \"bogus\""), std::string::npos) << m;
  EXPECT_NE(m.find("missing required attribute \"type\" in domain \"d\""), std::string::npos) << m;
  EXPECT_NE(m.find("column \"nope.c\" was not found"), std::string::npos) << m;
  EXPECT_NE(m.find("enum \"missing\" was not found"), std::string::npos) << m;
}

}  // namespace
}  // namespace strata::dialect::postgres
