// Planning and rendering of enums, domains, composites, sequences and
// extensions (plan_types.cc, render_types.cc), and their diff hooks.
#include "dialect/postgres/plan_types.h"

#include <gtest/gtest.h>

#include "dialect/postgres/diff_hooks.h"
#include "dialect/postgres/plan.h"
#include "dialect/postgres/plan_test_util.h"
#include "dialect/postgres/render_types.h"

namespace strata::dialect::postgres {
namespace {

using testing::Col;
using testing::Users;

schema::Object Obj(const std::string& kind, const std::string& name, const std::string& schema = "app") {
  schema::Object o;
  o.kind = kind;
  o.name = name;
  o.schema = schema;
  return o;
}

std::vector<plan::PlannedChange> Plan(const schema::ChangeList& changes, plan::PlanOptions opts = {}) {
  auto p = PlanChanges(changes, opts);
  EXPECT_TRUE(p.ok()) << p.status().message();
  return p.ok() ? p->changes : std::vector<plan::PlannedChange>{};
}

std::vector<std::string> Cmds(const std::vector<plan::PlannedChange>& cs) {
  std::vector<std::string> out;
  for (const auto& c : cs) out.push_back(c.cmd);
  return out;
}

TEST(PostgresTypesPlan, CreateAndDropEveryKind) {
  schema::Object en = Obj("enum", "status");
  en.values = {"a", "it's"};
  en.comment = "c";
  schema::Object dom = Obj("domain", "posint");
  dom.def = "integer";
  dom.options.Set("null", "false");
  dom.options.Set("default", "1");
  dom.options.Set("collate", "C");
  dom.options.Set("check.positive.expr", "VALUE > 0");
  schema::Object comp = Obj("composite", "address");
  comp.values = {"street", "st"};
  comp.options.Set("field.street.type", "text");
  comp.options.Set("field.street.collate", "C");
  comp.options.Set("field.st.type", "status");
  comp.depends_on = {"enum.app.status"};
  schema::Object seq = Obj("sequence", "counter");
  seq.options.Set("type", "integer");
  seq.options.Set("increment", "-1");
  seq.options.Set("cycle", "true");
  schema::Object ext = Obj("extension", "hstore");
  ext.options.Set("version", "1.8");
  auto got = Plan({schema::AddObject{comp}, schema::AddObject{dom}, schema::AddObject{en},
                   schema::AddObject{seq}, schema::AddObject{ext}});
  EXPECT_EQ(Cmds(got), (std::vector<std::string>{
                           "CREATE DOMAIN \"app\".\"posint\" AS integer COLLATE \"C\" DEFAULT 1 NOT NULL "
                           "CONSTRAINT \"positive\" CHECK (VALUE > 0)",
                           "CREATE TYPE \"app\".\"status\" AS ENUM ('a', 'it''s')",
                           "COMMENT ON TYPE \"app\".\"status\" IS 'c'",
                           "CREATE TYPE \"app\".\"address\" AS (\"street\" text COLLATE \"C\", \"st\" \"app\".status)",
                           "CREATE SEQUENCE \"app\".\"counter\" AS integer INCREMENT BY -1 CYCLE",
                           "CREATE EXTENSION \"hstore\" WITH SCHEMA \"app\" VERSION '1.8'",
                       }));
  EXPECT_EQ(got[1].reverse, std::vector<std::string>{"DROP TYPE \"app\".\"status\""});
  EXPECT_EQ(got[2].reverse, std::vector<std::string>{"COMMENT ON TYPE \"app\".\"status\" IS NULL"});
  // Schema scope: nothing qualified, the extension goes to the bound schema.
  plan::PlanOptions scoped;
  scoped.qualifier = "";
  got = Plan({schema::AddObject{comp}, schema::AddObject{en}, schema::AddObject{ext}}, scoped);
  EXPECT_EQ(Cmds(got), (std::vector<std::string>{
                           "CREATE TYPE \"status\" AS ENUM ('a', 'it''s')",
                           "COMMENT ON TYPE \"status\" IS 'c'",
                           "CREATE TYPE \"address\" AS (\"street\" text COLLATE \"C\", \"st\" status)",
                           "CREATE EXTENSION \"hstore\" VERSION '1.8'",
                       }));
  // Drops: reversed to their creation.
  got = Plan({schema::DropObject{en}, schema::DropObject{seq}});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].cmd, "DROP TYPE \"app\".\"status\"");
  EXPECT_EQ(got[0].reverse, (std::vector<std::string>{"CREATE TYPE \"app\".\"status\" AS ENUM ('a', 'it''s')",
                                                      "COMMENT ON TYPE \"app\".\"status\" IS 'c'"}));
  EXPECT_EQ(got[1].cmd, "DROP SEQUENCE \"app\".\"counter\"");
  EXPECT_TRUE(got[1].destructive);
}

TEST(PostgresTypesPlan, EnumValues) {
  schema::Object from = Obj("enum", "e"), to = from;
  from.values = {"b", "d"};
  to.values = {"a", "b", "c", "d", "e"};
  auto p = PlanChanges({schema::ModifyObject{from, to}}, {});
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(Cmds(p->changes), (std::vector<std::string>{
                                  "ALTER TYPE \"app\".\"e\" ADD VALUE 'a' BEFORE 'b'",
                                  "ALTER TYPE \"app\".\"e\" ADD VALUE 'c' AFTER 'b'",
                                  "ALTER TYPE \"app\".\"e\" ADD VALUE 'e'",
                              }));
  for (const auto& c : p->changes) EXPECT_TRUE(c.reverse.empty());
  EXPECT_FALSE(p->reversible);
  to.values = {"d", "b"};
  p = PlanChanges({schema::ModifyObject{from, to}}, {});
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().message(), "reordering enum \"e\" value \"d\" is not supported");
  to.values = {"b"};
  p = PlanChanges({schema::ModifyObject{from, to}}, {});
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().message(), "dropping enum \"e\" value \"d\" is not supported");
}

TEST(PostgresTypesPlan, ModifyDomainCompositeSequenceExtension) {
  schema::Object d1 = Obj("domain", "d");
  d1.def = "integer";
  d1.options.Set("check.a.expr", "VALUE > 0");
  schema::Object d2 = d1;
  d2.options.Set("default", "0");
  d2.options.Set("null", "false");
  d2.options.Set("check.a.expr", "VALUE > 1");
  auto got = Plan({schema::ModifyObject{d1, d2}});
  EXPECT_EQ(Cmds(got), (std::vector<std::string>{
                           "ALTER DOMAIN \"app\".\"d\" SET DEFAULT 0",
                           "ALTER DOMAIN \"app\".\"d\" SET NOT NULL",
                           "ALTER DOMAIN \"app\".\"d\" DROP CONSTRAINT \"a\"",
                           "ALTER DOMAIN \"app\".\"d\" ADD CONSTRAINT \"a\" CHECK (VALUE > 1)",
                       }));
  EXPECT_EQ(got[0].reverse, std::vector<std::string>{"ALTER DOMAIN \"app\".\"d\" DROP DEFAULT"});
  EXPECT_EQ(got[2].reverse,
            std::vector<std::string>{"ALTER DOMAIN \"app\".\"d\" ADD CONSTRAINT \"a\" CHECK (VALUE > 0)"});
  d2.def = "bigint";
  EXPECT_FALSE(PlanChanges({schema::ModifyObject{d1, d2}}, {}).ok());

  schema::Object c1 = Obj("composite", "c");
  c1.values = {"a", "b"};
  c1.options.Set("field.a.type", "text");
  c1.options.Set("field.b.type", "integer");
  schema::Object c2 = Obj("composite", "c");
  c2.values = {"a", "n"};
  c2.options.Set("field.a.type", "varchar(5)");
  c2.options.Set("field.n.type", "date");
  got = Plan({schema::ModifyObject{c1, c2}});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].cmd, "ALTER TYPE \"app\".\"c\" DROP ATTRIBUTE \"b\", ALTER ATTRIBUTE \"a\" TYPE varchar(5), "
                        "ADD ATTRIBUTE \"n\" date");
  EXPECT_EQ(got[0].reverse, std::vector<std::string>{"ALTER TYPE \"app\".\"c\" DROP ATTRIBUTE \"n\", ALTER ATTRIBUTE "
                                                     "\"a\" TYPE text, ADD ATTRIBUTE \"b\" integer"});
  c2.values = {"n", "a"};
  EXPECT_FALSE(PlanChanges({schema::ModifyObject{c1, c2}}, {}).ok());

  schema::Object s1 = Obj("sequence", "s"), s2 = s1;
  s2.options.Set("increment", "2");
  s2.options.Set("owned_by", "users.id");
  got = Plan({schema::ModifyObject{s1, s2}});
  EXPECT_EQ(Cmds(got), (std::vector<std::string>{
                           "ALTER SEQUENCE \"app\".\"s\" AS bigint INCREMENT BY 2 NO MINVALUE NO MAXVALUE CACHE 1 "
                           "NO CYCLE",
                           "ALTER SEQUENCE \"app\".\"s\" OWNED BY \"app\".\"users\".\"id\"",
                       }));
  EXPECT_EQ(got[1].reverse, std::vector<std::string>{"ALTER SEQUENCE \"app\".\"s\" OWNED BY NONE"});

  schema::Object e1 = Obj("extension", "x"), e2 = e1;
  e1.options.Set("version", "1.0");
  e2.options.Set("version", "1.1");
  got = Plan({schema::ModifyObject{e1, e2}});
  EXPECT_EQ(Cmds(got), std::vector<std::string>{"ALTER EXTENSION \"x\" UPDATE TO '1.1'"});
}

TEST(PostgresTypesPlan, OwnedSequenceAroundItsTable) {
  // The table's default calls the sequence: sequence, table, then OWNED BY.
  schema::Object seq = Obj("sequence", "ticket", "public");
  seq.options.Set("owned_by", "users.n");
  schema::Table t = Users();
  schema::Column n = Col("n", "bigint");
  n.default_value = schema::Expr{schema::Expr::Kind::kRaw, "nextval('ticket'::regclass)"};
  t.columns.push_back(n);
  auto got = Plan({schema::AddTable{t}, schema::AddObject{seq}});
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].cmd, "CREATE SEQUENCE \"public\".\"ticket\"");
  EXPECT_EQ(got[1].comment, "create \"users\" table");
  EXPECT_EQ(got[2].cmd, "ALTER SEQUENCE \"public\".\"ticket\" OWNED BY \"public\".\"users\".\"n\"");
  // Dropped together: the table first, then the sequence if it is still there.
  got = Plan({schema::DropObject{seq}, schema::DropTable{t}});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].comment, "drop \"users\" table");
  EXPECT_EQ(got[1].cmd, "DROP SEQUENCE IF EXISTS \"public\".\"ticket\"");
}

TEST(PostgresTypesPlan, ColumnTypesNamingObjects) {
  schema::Object en = Obj("enum", "status");
  en.values = {"a"};
  schema::Table t = Users("app");
  schema::Column c = Col("s", "status");
  c.type.schema = "app";
  c.type.raw = "status[]";
  t.columns.push_back(c);
  auto got = Plan({schema::AddTable{t}, schema::AddObject{en}});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].cmd, "CREATE TYPE \"app\".\"status\" AS ENUM ('a')");
  EXPECT_NE(got[1].cmd.find("\"s\" \"app\".status[] NOT NULL"), std::string::npos) << got[1].cmd;
  plan::PlanOptions scoped;
  scoped.qualifier = "";
  got = Plan({schema::AddTable{t}}, scoped);
  EXPECT_NE(got[0].cmd.find("\"s\" status[] NOT NULL"), std::string::npos) << got[0].cmd;
  // The drop order is the reverse.
  got = Plan({schema::DropObject{en}, schema::DropTable{t}});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].cmd, "DROP TYPE \"app\".\"status\"");
}

TEST(PostgresTypesDiff, CanonicalComparison) {
  PostgresDiffHooks h;
  schema::Object a = Obj("sequence", "s"), b = a;
  b.options.Set("type", "bigint");
  b.options.Set("start", "1");
  b.options.Set("max_value", "9223372036854775807");
  EXPECT_TRUE(h.ObjectEqual(a, b));
  b.options.Set("cache", "2");
  EXPECT_FALSE(h.ObjectEqual(a, b));
  schema::Object x = Obj("extension", "e"), y = x;
  y.options.Set("version", "1.2");
  EXPECT_TRUE(h.ObjectEqual(x, y));
  x.options.Set("version", "1.1");
  EXPECT_FALSE(h.ObjectEqual(x, y));
  schema::Object d = Obj("domain", "d"), e = d;
  d.def = "character varying(5)";
  e.def = "varchar(5)";
  d.options.Set("default", "'x'::text");
  e.options.Set("default", "'x'");
  d.options.Set("check.c.expr", "(VALUE > 0)");
  e.options.Set("check.c.expr", "VALUE > 0");
  EXPECT_TRUE(h.ObjectEqual(d, e));
  e.options.Set("check.c.expr", "VALUE > 1");
  EXPECT_FALSE(h.ObjectEqual(d, e));
}

}  // namespace
}  // namespace strata::dialect::postgres

namespace strata::dialect::postgres {
namespace {

TEST(PostgresTypesPlan, NewEnumValueUsedInTheSamePlanIsNotTransactional) {
  schema::Object from = Obj("enum", "e"), to = from;
  from.values = {"a"};
  to.values = {"a", "it's"};
  schema::Table t = testing::Users("app");
  schema::Table t2 = t;
  t2.columns[1].default_value = schema::Expr{schema::Expr::Kind::kLiteral, "it's"};
  schema::ModifyTable mt{t, t2, {schema::ModifyColumn{t.columns[1], t2.columns[1], schema::kChangeDefault}}};
  auto p = PlanChanges({schema::ModifyObject{from, to}, mt}, {});
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_FALSE(p->transactional);
  p = PlanChanges({schema::ModifyObject{from, to}}, {});
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->transactional);
}

}  // namespace
}  // namespace strata::dialect::postgres
