#include "dialect/postgres/plan.h"

#include <gtest/gtest.h>

#include "dialect/postgres/plan_test_util.h"

namespace strata::dialect::postgres {
namespace {

using testing::Col;
using testing::Idx;
using testing::Lit;
using testing::Users;

struct Stmt {
  std::string cmd;
  std::string comment;
  std::vector<std::string> reverse;
};

std::vector<Stmt> Plan(const schema::ChangeList& changes, const plan::PlanOptions& opts = {}) {
  auto p = PlanChanges(changes, opts);
  EXPECT_TRUE(p.ok()) << p.status().message();
  std::vector<Stmt> out;
  if (!p.ok()) return out;
  EXPECT_TRUE(p->transactional);
  for (const auto& c : p->changes) out.push_back({c.cmd, c.comment, c.reverse});
  return out;
}

schema::ModifyTable Modify(schema::Table from, schema::Table to, std::vector<schema::TableChange> changes) {
  schema::ModifyTable m;
  m.from = std::move(from);
  m.to = std::move(to);
  m.changes = std::move(changes);
  return m;
}

TEST(PostgresPlan, Schemas) {
  schema::Schema s;
  s.name = "app";
  s.comment = "c";
  auto got = Plan({schema::AddSchema{s}});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].cmd, "CREATE SCHEMA \"app\"");
  EXPECT_EQ(got[0].comment, "add new schema named \"app\"");
  EXPECT_EQ(got[0].reverse, std::vector<std::string>{"DROP SCHEMA \"app\" CASCADE"});
  EXPECT_EQ(got[1].cmd, "COMMENT ON SCHEMA \"app\" IS 'c'");
  EXPECT_EQ(got[1].reverse, std::vector<std::string>{"COMMENT ON SCHEMA \"app\" IS ''"});

  schema::Schema pub;
  pub.name = "public";
  got = Plan({schema::AddSchema{pub}});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].cmd, "CREATE SCHEMA IF NOT EXISTS \"public\"");

  auto p = PlanChanges({schema::DropSchema{s}}, {});
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->changes.size(), 1u);
  EXPECT_EQ(p->changes[0].cmd, "DROP SCHEMA \"app\" CASCADE");
  EXPECT_EQ(p->changes[0].comment, "drop schema named \"app\"");
  EXPECT_TRUE(p->changes[0].destructive);
  EXPECT_FALSE(p->reversible);

  got = Plan({schema::ModifySchemaAttr{"app", "comment", "a", "b"}});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].cmd, "COMMENT ON SCHEMA \"app\" IS 'b'");
  EXPECT_EQ(got[0].comment, "set comment to schema: \"app\"");
  EXPECT_EQ(got[0].reverse, std::vector<std::string>{"COMMENT ON SCHEMA \"app\" IS 'a'"});
}

TEST(PostgresPlan, ScopedPlanRejectsSchemasAndManySchemas) {
  schema::Schema s;
  s.name = "app";
  plan::PlanOptions o;
  o.qualifier = "";
  EXPECT_EQ(PlanChanges({schema::AddSchema{s}}, o).status().message(),
            "*schema.AddSchema is not allowed when migration plan is scoped to one schema");
  EXPECT_EQ(PlanChanges({schema::DropSchema{s}}, o).status().message(),
            "*schema.DropSchema is not allowed when migration plan is scoped to one schema");
  auto p = PlanChanges({schema::AddTable{Users("b")}, schema::AddTable{Users("a")}}, o);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().message(), "found 2 schemas when migration plan is scoped to one: [\"a\" \"b\"]");
}

TEST(PostgresPlan, AddAndDropTable) {
  schema::Table t = Users();
  t.comment = "people";
  t.columns[1].comment = "full name";
  schema::Index i = Idx("users_name", {"name"});
  i.comment = "by name";
  t.indexes.push_back(i);
  auto got = Plan({schema::AddTable{t}});
  ASSERT_EQ(got.size(), 5u);
  EXPECT_EQ(got[0].cmd,
            "CREATE TABLE \"public\".\"users\" (\"id\" bigint NOT NULL, \"name\" character varying(255) NULL, "
            "PRIMARY KEY (\"id\"))");
  EXPECT_EQ(got[0].comment, "create \"users\" table");
  EXPECT_EQ(got[0].reverse, std::vector<std::string>{"DROP TABLE \"public\".\"users\""});
  EXPECT_EQ(got[1].cmd, "CREATE INDEX \"users_name\" ON \"public\".\"users\" (\"name\")");
  EXPECT_EQ(got[1].comment, "create index \"users_name\" to table: \"users\"");
  EXPECT_EQ(got[1].reverse, std::vector<std::string>{"DROP INDEX \"public\".\"users_name\""});
  EXPECT_EQ(got[2].cmd, "COMMENT ON TABLE \"public\".\"users\" IS 'people'");
  EXPECT_EQ(got[2].comment, "set comment to table: \"users\"");
  EXPECT_EQ(got[3].cmd, "COMMENT ON COLUMN \"public\".\"users\".\"name\" IS 'full name'");
  EXPECT_EQ(got[3].comment, "set comment to column: \"name\" on table: \"users\"");
  EXPECT_EQ(got[4].cmd, "COMMENT ON INDEX \"public\".\"users_name\" IS 'by name'");
  EXPECT_EQ(got[4].comment, "set comment to index: \"users_name\" on table: \"users\"");

  auto p = PlanChanges({schema::DropTable{t}}, {});
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->changes.size(), 1u);
  EXPECT_EQ(p->changes[0].cmd, "DROP TABLE \"public\".\"users\"");
  EXPECT_EQ(p->changes[0].comment, "drop \"users\" table");
  EXPECT_TRUE(p->changes[0].destructive);
  ASSERT_EQ(p->changes[0].reverse.size(), 5u);
  EXPECT_EQ(p->changes[0].reverse[1], got[1].cmd);
}

TEST(PostgresPlan, UnqualifiedPlan) {
  plan::PlanOptions o;
  o.qualifier = "";
  schema::Table t = Users();
  t.indexes.push_back(Idx("users_name", {"name"}));
  auto got = Plan({schema::AddTable{t}}, o);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].reverse, std::vector<std::string>{"DROP TABLE \"users\""});
  EXPECT_EQ(got[1].cmd, "CREATE INDEX \"users_name\" ON \"users\" (\"name\")");
  EXPECT_EQ(got[1].reverse, std::vector<std::string>{"DROP INDEX \"users_name\""});
}

TEST(PostgresPlan, ModifyColumns) {
  schema::Table from = Users(), to = Users();
  schema::Column added = Col("age", "integer", true);
  added.default_value = Lit("0");
  schema::Column name_to = to.columns[1];
  name_to.type = Col("x", "text").type;
  name_to.nullable = false;
  name_to.default_value = Lit("x");
  auto got = Plan({Modify(from, to,
                          {schema::AddColumn{added},
                           schema::ModifyColumn{from.columns[1], name_to,
                                                schema::kChangeType | schema::kChangeNull | schema::kChangeDefault},
                           schema::DropColumn{from.columns[0]}})});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].comment, "modify \"users\" table");
  EXPECT_EQ(got[0].cmd,
            "ALTER TABLE \"public\".\"users\" ADD COLUMN \"age\" integer NULL DEFAULT 0, ALTER COLUMN \"name\" "
            "TYPE text, ALTER COLUMN \"name\" SET NOT NULL, ALTER COLUMN \"name\" SET DEFAULT 'x', DROP COLUMN "
            "\"id\"");
  EXPECT_EQ(got[0].reverse,
            std::vector<std::string>{
                "ALTER TABLE \"public\".\"users\" ADD COLUMN \"id\" bigint NOT NULL, ALTER COLUMN \"name\" TYPE "
                "character varying(255), ALTER COLUMN \"name\" DROP NOT NULL, ALTER COLUMN \"name\" DROP DEFAULT, "
                "DROP COLUMN \"age\""});
  auto p = PlanChanges({Modify(from, to, {schema::DropColumn{from.columns[0]}})}, {});
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->changes[0].destructive);
}

TEST(PostgresPlan, IdentityAndGeneratedChanges) {
  schema::Table t = Users();
  schema::Column plain = Col("id", "bigint"), ident = plain;
  ident.options.Set("identity", "ALWAYS");
  auto got = Plan({Modify(t, t, {schema::ModifyColumn{plain, ident, schema::kChangeAttr}})});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].cmd, "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"id\" ADD GENERATED ALWAYS AS IDENTITY");
  EXPECT_EQ(got[0].reverse,
            std::vector<std::string>{"ALTER TABLE \"public\".\"users\" ALTER COLUMN \"id\" DROP IDENTITY"});
  schema::Column by_default = ident;
  by_default.options.Set("identity", "BY DEFAULT");
  by_default.options.Set("identity_start", "100");
  got = Plan({Modify(t, t, {schema::ModifyColumn{ident, by_default, schema::kChangeAttr}})});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].cmd,
            "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"id\" SET GENERATED BY DEFAULT SET START WITH 100 SET "
            "INCREMENT BY 1 RESTART");

  schema::Column gen = Col("x2", "integer"), stored = gen;
  gen.generated = schema::GeneratedExpr{"id * 2", "STORED"};
  auto p = PlanChanges({Modify(t, t, {schema::ModifyColumn{gen, stored, schema::kChangeGenerated}})}, {});
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->changes[0].cmd, "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"x2\" DROP EXPRESSION");
  EXPECT_TRUE(p->changes[0].reverse.empty());
  EXPECT_FALSE(p->reversible);
}

TEST(PostgresPlan, SerialToInteger) {
  schema::Table t = Users();
  schema::Column serial = Col("id", "serial"), integer = Col("id", "integer");
  auto got = Plan({Modify(t, t, {schema::ModifyColumn{serial, integer, schema::kChangeType}})});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].cmd, "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"id\" DROP DEFAULT");
  EXPECT_EQ(got[1].cmd, "DROP SEQUENCE IF EXISTS \"public\".\"users_id_seq\"");
  EXPECT_EQ(got[1].comment, "drop sequence used by serial column \"id\"");
  EXPECT_EQ(got[1].reverse,
            std::vector<std::string>{
                "CREATE SEQUENCE IF NOT EXISTS \"public\".\"users_id_seq\" OWNED BY \"public\".\"users\".\"id\""});
}

TEST(PostgresPlan, IndexesAndConstraints) {
  schema::Table from = Users(), to = Users();
  schema::Index old_idx = Idx("users_name", {"name"}), new_idx = Idx("users_name", {"name", "id"});
  schema::Index uniq = Idx("users_name_key", {"name"}, true);
  uniq.options.Set("constraint", "true");
  schema::ForeignKey fk;
  fk.symbol = "fk";
  fk.columns = {"id"};
  fk.ref_table = "parents";
  fk.ref_columns = {"id"};
  schema::Check ck{"c", "id > 0", {}};
  auto got = Plan({Modify(from, to,
                          {schema::ModifyIndex{old_idx, new_idx, schema::kChangeParts},
                           schema::AddIndex{uniq}, schema::AddForeignKey{fk}, schema::DropCheck{ck},
                           schema::AddIndex{Idx("users_id", {"id"})}})});
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0].cmd, "DROP INDEX \"public\".\"users_name\"");
  EXPECT_EQ(got[0].comment, "drop index \"users_name\" from table: \"users\"");
  EXPECT_EQ(got[0].reverse,
            std::vector<std::string>{"CREATE INDEX \"users_name\" ON \"public\".\"users\" (\"name\")"});
  EXPECT_EQ(got[1].cmd,
            "ALTER TABLE \"public\".\"users\" DROP CONSTRAINT \"c\", ADD CONSTRAINT \"users_name_key\" UNIQUE "
            "(\"name\"), ADD CONSTRAINT \"fk\" FOREIGN KEY (\"id\") REFERENCES \"public\".\"parents\" (\"id\")");
  EXPECT_EQ(got[1].reverse,
            std::vector<std::string>{"ALTER TABLE \"public\".\"users\" DROP CONSTRAINT \"fk\", DROP CONSTRAINT "
                                     "\"users_name_key\", ADD CONSTRAINT \"c\" CHECK (id > 0)"});
  EXPECT_EQ(got[2].cmd, "CREATE INDEX \"users_name\" ON \"public\".\"users\" (\"name\", \"id\")");
  EXPECT_EQ(got[3].cmd, "CREATE INDEX \"users_id\" ON \"public\".\"users\" (\"id\")");
}

TEST(PostgresPlan, PrimaryKeyForeignKeyAndCheckChanges) {
  schema::Table t = Users();
  schema::Index pk_from = Idx("", {"id"}), pk_to = Idx("", {"id", "name"});
  schema::ForeignKey a;
  a.symbol = "fk";
  a.columns = {"id"};
  a.ref_table = "p";
  a.ref_columns = {"id"};
  schema::ForeignKey b = a;
  b.on_delete = schema::ReferenceAction::kCascade;
  schema::Check c1{"c", "id > 0", {}}, c2{"c", "id > 1", {}};
  auto got = Plan({Modify(t, t,
                          {schema::ModifyPrimaryKey{pk_from, pk_to, schema::kChangeParts},
                           schema::ModifyForeignKey{a, b, schema::kChangeDeleteAction},
                           schema::ModifyCheck{c1, c2}})});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].cmd,
            "ALTER TABLE \"public\".\"users\" DROP CONSTRAINT \"users_pkey\", DROP CONSTRAINT \"fk\", ADD PRIMARY "
            "KEY (\"id\", \"name\"), ADD CONSTRAINT \"fk\" FOREIGN KEY (\"id\") REFERENCES \"public\".\"p\" "
            "(\"id\") ON DELETE CASCADE, DROP CONSTRAINT \"c\", ADD CONSTRAINT \"c\" CHECK (id > 1)");
  EXPECT_EQ(got[0].reverse,
            std::vector<std::string>{
                "ALTER TABLE \"public\".\"users\" DROP CONSTRAINT \"c\", ADD CONSTRAINT \"c\" CHECK (id > 0), DROP "
                "CONSTRAINT \"fk\", DROP CONSTRAINT \"users_pkey\", ADD CONSTRAINT \"fk\" FOREIGN KEY (\"id\") "
                "REFERENCES \"public\".\"p\" (\"id\"), ADD PRIMARY KEY (\"id\")"});
  // An unnamed check cannot be dropped by the reverse.
  auto p = PlanChanges({Modify(t, t, {schema::AddCheck{schema::Check{"", "id > 0", {}}}})}, {});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->changes[0].cmd, "ALTER TABLE \"public\".\"users\" ADD CHECK (id > 0)");
  EXPECT_TRUE(p->changes[0].reverse.empty());
}

TEST(PostgresPlan, SkipsDropsOfDroppedColumns) {
  schema::Table t = Users();
  schema::ForeignKey fk;
  fk.symbol = "fk";
  fk.columns = {"name"};
  auto got = Plan({Modify(t, t,
                          {schema::DropIndex{Idx("users_name", {"name"})}, schema::DropForeignKey{fk},
                           schema::DropColumn{t.columns[1]}})});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].cmd, "ALTER TABLE \"public\".\"users\" DROP COLUMN \"name\"");
}

TEST(PostgresPlan, CommentsAndRenames) {
  schema::Table from = Users(), to = Users();
  schema::Column c_to = to.columns[1];
  c_to.comment = "n";
  schema::Index i_from = Idx("i", {"name"}), i_to = i_from;
  i_to.comment = "ic";
  auto got = Plan({Modify(from, to,
                          {schema::ModifyTableAttr{"comment", "", "t"},
                           schema::ModifyColumn{from.columns[1], c_to, schema::kChangeComment},
                           schema::ModifyIndex{i_from, i_to, schema::kChangeComment},
                           schema::RenameColumn{from.columns[0], Col("uid", "bigint")},
                           schema::RenameIndex{Idx("a", {"id"}), Idx("b", {"id"})}})});
  ASSERT_EQ(got.size(), 5u);
  EXPECT_EQ(got[0].cmd, "COMMENT ON TABLE \"public\".\"users\" IS 't'");
  EXPECT_EQ(got[0].reverse, std::vector<std::string>{"COMMENT ON TABLE \"public\".\"users\" IS ''"});
  EXPECT_EQ(got[1].cmd, "COMMENT ON COLUMN \"public\".\"users\".\"name\" IS 'n'");
  EXPECT_EQ(got[2].cmd, "COMMENT ON INDEX \"public\".\"i\" IS 'ic'");
  EXPECT_EQ(got[3].cmd, "ALTER TABLE \"public\".\"users\" RENAME COLUMN \"id\" TO \"uid\"");
  EXPECT_EQ(got[3].comment, "rename a column from \"id\" to \"uid\"");
  EXPECT_EQ(got[3].reverse,
            std::vector<std::string>{"ALTER TABLE \"public\".\"users\" RENAME COLUMN \"uid\" TO \"id\""});
  EXPECT_EQ(got[4].cmd, "ALTER INDEX \"public\".\"a\" RENAME TO \"b\"");
  EXPECT_EQ(got[4].comment, "rename an index from \"a\" to \"b\"");
  EXPECT_FALSE(PlanChanges({Modify(from, to, {schema::ModifyTableAttr{"unlogged", "", "true"}})}, {}).ok());
}

TEST(PostgresPlan, RenameTable) {
  schema::Table a = Users(), b = Users();
  b.name = "people";
  auto got = Plan({schema::RenameTable{a, b}});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].cmd, "ALTER TABLE \"public\".\"users\" RENAME TO \"people\"");
  EXPECT_EQ(got[0].reverse, std::vector<std::string>{"ALTER TABLE \"public\".\"people\" RENAME TO \"users\""});
}

TEST(PostgresPlan, ViewsAndTriggers) {
  schema::View v;
  v.name = "v";
  v.schema = "public";
  v.def = "SELECT 1";
  v.comment = "vc";
  auto got = Plan({schema::AddView{v}});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].cmd, "CREATE VIEW \"public\".\"v\" AS SELECT 1");
  EXPECT_EQ(got[0].comment, "create \"v\" view");
  EXPECT_EQ(got[0].reverse, std::vector<std::string>{"DROP VIEW \"public\".\"v\""});
  EXPECT_EQ(got[1].cmd, "COMMENT ON VIEW \"public\".\"v\" IS 'vc'");
  schema::View v2 = v;
  v2.def = "SELECT 2";
  v2.comment = v.comment;
  // Columns unknown: the view is re-created.
  got = Plan({schema::ModifyView{v, v2}});
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].cmd, "DROP VIEW \"public\".\"v\"");
  EXPECT_EQ(got[0].reverse, (std::vector<std::string>{"CREATE VIEW \"public\".\"v\" AS SELECT 1",
                                                      "COMMENT ON VIEW \"public\".\"v\" IS 'vc'"}));
  EXPECT_EQ(got[1].cmd, "CREATE VIEW \"public\".\"v\" AS SELECT 2");
  EXPECT_EQ(got[2].cmd, "COMMENT ON VIEW \"public\".\"v\" IS 'vc'");
  // Same columns: replaced in place, both ways.
  schema::ViewColumn one{"one", Col("x", "integer").type};
  v.columns = v2.columns = {one};
  got = Plan({schema::ModifyView{v, v2}});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].cmd, "CREATE OR REPLACE VIEW \"public\".\"v\" AS SELECT 2");
  EXPECT_EQ(got[0].comment, "modify \"v\" view");
  EXPECT_EQ(got[0].reverse, std::vector<std::string>{"CREATE OR REPLACE VIEW \"public\".\"v\" AS SELECT 1"});
  // An appended column: replaced going up, re-created going down.
  v2.columns.push_back({"two", Col("x", "text").type});
  got = Plan({schema::ModifyView{v, v2}});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].reverse, (std::vector<std::string>{"DROP VIEW \"public\".\"v\"",
                                                      "CREATE VIEW \"public\".\"v\" AS SELECT 1"}));
  v.materialized = v2.materialized = true;
  v.comment = v2.comment = "";
  got = Plan({schema::ModifyView{v, v2}});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].cmd, "DROP MATERIALIZED VIEW \"public\".\"v\"");
  EXPECT_EQ(got[1].cmd, "CREATE MATERIALIZED VIEW \"public\".\"v\" AS SELECT 2");

  schema::Trigger t;
  t.name = "tr";
  t.schema = "public";
  t.table = "users";
  t.def = "CREATE TRIGGER tr AFTER INSERT ON public.users FOR EACH ROW EXECUTE FUNCTION f()";
  got = Plan({schema::AddTrigger{t}});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].cmd, t.def);
  EXPECT_EQ(got[0].comment, "create trigger \"tr\"");
  EXPECT_EQ(got[0].reverse, std::vector<std::string>{"DROP TRIGGER \"tr\" ON \"public\".\"users\""});
  schema::Trigger t2 = t;
  t2.def = "CREATE TRIGGER tr BEFORE INSERT ON public.users FOR EACH ROW EXECUTE FUNCTION f()";
  got = Plan({schema::ModifyTrigger{t, t2}});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].cmd, "DROP TRIGGER \"tr\" ON \"public\".\"users\"");
  EXPECT_EQ(got[1].cmd, t2.def);
}

TEST(PostgresPlan, OrdersReferencedTablesFirst) {
  schema::Table parent = Users(), child;
  parent.name = "parents";
  child.name = "children";
  child.schema = "public";
  child.columns = {Col("pid", "bigint")};
  schema::ForeignKey fk;
  fk.symbol = "fk";
  fk.columns = {"pid"};
  fk.ref_table = "parents";
  fk.ref_columns = {"id"};
  child.foreign_keys.push_back(fk);
  auto got = Plan({schema::AddTable{child}, schema::AddTable{parent}});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].comment, "create \"parents\" table");
  EXPECT_EQ(got[1].comment, "create \"children\" table");
}

}  // namespace
}  // namespace strata::dialect::postgres
