#include "diff/differ.h"

#include <gtest/gtest.h>

namespace strata::diff {
namespace {

using namespace schema;  // NOLINT

Column Col(const std::string& name, const std::string& type, bool null = false) {
  Column c;
  c.name = name;
  c.type.raw = type;
  c.type.name = type;
  c.nullable = null;
  return c;
}

Table Users() {
  Table t;
  t.name = "users";
  t.schema = "main";
  t.columns = {Col("id", "int"), Col("name", "text", true)};
  Index pk;
  pk.parts.push_back(IndexPart{"id"});
  t.primary_key = pk;
  return t;
}

Schema Main(std::vector<Table> tables) {
  Schema s;
  s.name = "main";
  s.tables = std::move(tables);
  return s;
}

const DiffHooks kHooks;

TEST(CanonicalExpr, IgnoresSpacingCaseAndOuterParens) {
  EXPECT_EQ(CanonicalExpr("((a  >  0))"), CanonicalExpr("a > 0"));
  EXPECT_EQ(CanonicalExpr("lower( name )"), CanonicalExpr("LOWER(name)"));
  EXPECT_NE(CanonicalExpr("a > 0"), CanonicalExpr("a >= 0"));
  // Quoted text is kept byte for byte.
  EXPECT_NE(CanonicalExpr("x = 'A'"), CanonicalExpr("x = 'a'"));
  // "(a) + (b)" is not wrapped as a whole.
  EXPECT_EQ(CanonicalExpr("(a) + (b)"), "(A)+(B)");
}

TEST(DiffSchema, EqualSchemasGiveNoChanges) {
  auto changes = DiffSchema(Main({Users()}), Main({Users()}), kHooks);
  ASSERT_TRUE(changes.ok());
  EXPECT_TRUE(changes->empty());
}

TEST(DiffSchema, AddAndDropTables) {
  Table posts = Users();
  posts.name = "posts";
  auto changes = DiffSchema(Main({Users()}), Main({posts}), kHooks);
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->size(), 2u);
  EXPECT_TRUE(std::holds_alternative<DropTable>((*changes)[0]));
  EXPECT_TRUE(std::holds_alternative<AddTable>((*changes)[1]));
  EXPECT_TRUE(IsDestructive((*changes)[0]));
  EXPECT_FALSE(IsDestructive((*changes)[1]));
}

TEST(DiffTable, ColumnChangesCarryKinds) {
  Table from = Users(), to = Users();
  to.columns[1].nullable = false;
  to.columns[1].type = Type{"varchar(10)", "varchar", {"10"}};
  to.columns[1].default_value = Expr{Expr::Kind::kLiteral, "'x'"};
  to.columns.push_back(Col("age", "int", true));
  auto tc = DiffTable(from, to, kHooks);
  ASSERT_EQ(tc.size(), 2u);
  const auto* m = std::get_if<ModifyColumn>(&tc[0]);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->kind, kChangeNull | kChangeType | kChangeDefault);
  EXPECT_TRUE(std::holds_alternative<AddColumn>(tc[1]));
  EXPECT_TRUE(IsDestructive(tc[0]));  // a type change can lose data
}

TEST(DiffTable, DropColumnIsDestructiveUnlessVirtual) {
  Table from = Users(), to = Users();
  from.columns.push_back(Col("v", "int"));
  from.columns.back().generated = GeneratedExpr{"id * 2", "VIRTUAL"};
  from.columns.push_back(Col("s", "int"));
  auto tc = DiffTable(from, to, kHooks);
  ASSERT_EQ(tc.size(), 2u);
  EXPECT_FALSE(IsDestructive(tc[0]));
  EXPECT_TRUE(IsDestructive(tc[1]));
}

TEST(DiffTable, IndexesMatchByNameAndImplicitByShape) {
  Table from = Users(), to = Users();
  Index auto_idx;
  auto_idx.name = "sqlite_autoindex_users_1";
  auto_idx.unique = true;
  auto_idx.implicit = true;
  auto_idx.parts.push_back(IndexPart{"name"});
  from.indexes.push_back(auto_idx);
  Index named = auto_idx;
  named.name = "users_name";
  named.implicit = false;
  to.indexes.push_back(named);
  EXPECT_TRUE(DiffTable(from, to, kHooks).empty());

  to.indexes[0].where = "name <> ''";
  auto tc = DiffTable(from, to, kHooks);
  ASSERT_EQ(tc.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<DropIndex>(tc[0]));
  EXPECT_TRUE(std::holds_alternative<AddIndex>(tc[1]));
}

TEST(DiffTable, ModifyIndexKinds) {
  Table from = Users(), to = Users();
  Index i;
  i.name = "i";
  i.parts.push_back(IndexPart{"name"});
  from.indexes.push_back(i);
  i.unique = true;
  i.parts[0].desc = true;
  to.indexes.push_back(i);
  auto tc = DiffTable(from, to, kHooks);
  ASSERT_EQ(tc.size(), 1u);
  EXPECT_EQ(std::get<ModifyIndex>(tc[0]).kind, kChangeUnique | kChangeParts);
}

TEST(DiffTable, ForeignKeysNoActionEqualsNone) {
  Table from = Users(), to = Users();
  ForeignKey fk;
  fk.symbol = "fk";
  fk.columns = {"id"};
  fk.ref_table = "other";
  fk.ref_columns = {"id"};
  from.foreign_keys.push_back(fk);
  fk.on_delete = ReferenceAction::kNoAction;
  to.foreign_keys.push_back(fk);
  EXPECT_TRUE(DiffTable(from, to, kHooks).empty());
  to.foreign_keys[0].on_delete = ReferenceAction::kCascade;
  auto tc = DiffTable(from, to, kHooks);
  ASSERT_EQ(tc.size(), 1u);
  EXPECT_EQ(std::get<ModifyForeignKey>(tc[0]).kind, kChangeDeleteAction);
}

TEST(DiffTable, ChecksMatchByNameOrExpression) {
  Table from = Users(), to = Users();
  from.checks.push_back(Check{"", "(id > 0)"});
  to.checks.push_back(Check{"", "id > 0"});
  EXPECT_TRUE(DiffTable(from, to, kHooks).empty());
  to.checks[0].expr = "id > 1";
  auto tc = DiffTable(from, to, kHooks);
  ASSERT_EQ(tc.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<DropCheck>(tc[0]));
  EXPECT_TRUE(std::holds_alternative<AddCheck>(tc[1]));
}

TEST(DiffTable, TableOptions) {
  Table from = Users(), to = Users();
  to.options.Set("strict", "true");
  auto tc = DiffTable(from, to, kHooks);
  ASSERT_EQ(tc.size(), 1u);
  const auto& a = std::get<ModifyTableAttr>(tc[0]);
  EXPECT_EQ(a.key, "strict");
  EXPECT_EQ(a.to, "true");
}

TEST(DiffRealm, SkipPolicyRemovesChanges) {
  Realm from, to;
  from.schemas.push_back(Main({Users()}));
  to.schemas.push_back(Main({}));
  DiffOptions opts;
  opts.skip = {"drop_table"};
  auto changes = DiffRealm(from, to, kHooks, opts);
  ASSERT_TRUE(changes.ok());
  EXPECT_TRUE(changes->empty());
  auto all = DiffRealm(from, to, kHooks);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 1u);
}

TEST(DiffRealm, NewSchemaBringsItsTables) {
  Realm from, to;
  to.schemas.push_back(Main({Users()}));
  auto changes = DiffRealm(from, to, kHooks);
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->size(), 2u);
  EXPECT_TRUE(std::holds_alternative<AddSchema>((*changes)[0]));
  EXPECT_TRUE(std::holds_alternative<AddTable>((*changes)[1]));
}

TEST(DiffSchema, ViewsAndTriggers) {
  Schema from = Main({Users()}), to = Main({Users()});
  View v;
  v.name = "v";
  v.schema = "main";
  v.def = "SELECT id FROM users";
  from.views.push_back(v);
  v.def = "select   id from users;";
  to.views.push_back(v);
  auto same = DiffSchema(from, to, kHooks);
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->empty());
  to.views[0].def = "SELECT id, name FROM users";
  auto changed = DiffSchema(from, to, kHooks);
  ASSERT_TRUE(changed.ok());
  ASSERT_EQ(changed->size(), 1u);
  EXPECT_TRUE(std::holds_alternative<ModifyView>((*changed)[0]));
}

// A column type change re-creates the policies and triggers that name the
// column (and leaves the others alone) when the hooks ask for it.
TEST(DiffSchema, RecreatesTableBoundObjectsAroundTypeChanges) {
  struct Hooks : DiffHooks {
    bool RecreateDependentViews() const override { return true; }
  } hooks;
  Schema from = Main({Users()});
  Object uses, other;
  uses.kind = other.kind = "policy";
  uses.schema = other.schema = "main";
  uses.name = "by_name";
  uses.options.Set("table", "users");
  uses.options.Set("using", "name <> ''");
  other = uses;
  other.name = "by_id";
  other.options.Set("using", "id > 0");
  from.objects = {uses, other};
  Trigger tr;
  tr.schema = "main";
  tr.table = "users";
  tr.name = "tr";
  tr.def = "EXECUTE FUNCTION f()";
  tr.options.Set("events", "UPDATE OF name");
  from.triggers = {tr};
  Schema to = from;
  to.tables[0].columns[1].type.raw = to.tables[0].columns[1].type.name = "varchar";
  auto changes = DiffSchema(from, to, hooks);
  ASSERT_TRUE(changes.ok());
  std::vector<std::string> kinds;
  for (const auto& c : *changes) {
    if (const auto* d = std::get_if<DropObject>(&c)) kinds.push_back("drop " + d->o.name);
    if (const auto* a = std::get_if<AddObject>(&c)) kinds.push_back("add " + a->o.name);
    if (const auto* d = std::get_if<DropTrigger>(&c)) kinds.push_back("drop trigger " + d->t.name);
    if (const auto* a = std::get_if<AddTrigger>(&c)) kinds.push_back("add trigger " + a->t.name);
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"drop by_name", "add by_name", "drop trigger tr", "add trigger tr"}));
  // Without the hook, only the table changes.
  auto plain = DiffSchema(from, to, kHooks);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->size(), 1u);
}

// Trigger names are per table: the same name on two tables is two triggers.
TEST(DiffSchema, TriggersMatchByTableAndName) {
  Table a = Users(), b = Users();
  b.name = "admins";
  Schema from = Main({a, b});
  Trigger ta, tb;
  ta.schema = tb.schema = "main";
  ta.name = tb.name = "touch";
  ta.table = "users";
  tb.table = "admins";
  ta.def = "EXECUTE FUNCTION f()";
  tb.def = "EXECUTE FUNCTION g()";
  from.triggers = {ta, tb};
  Schema to = from;
  std::swap(to.triggers[0], to.triggers[1]);
  auto same = DiffSchema(from, to, kHooks);
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->empty());
  to.triggers[0].def = "EXECUTE FUNCTION h()";  // admins' trigger
  auto changed = DiffSchema(from, to, kHooks);
  ASSERT_TRUE(changed.ok());
  ASSERT_EQ(changed->size(), 1u);
  const auto* m = std::get_if<ModifyTrigger>(&(*changed)[0]);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->from.table, "admins");
}

}  // namespace
}  // namespace strata::diff
