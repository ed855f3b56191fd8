// Properties checked on real databases:
//   apply(desired) on an empty database, then inspect, gives no diff;
//   a plan followed by its reverse returns to the start state, rows included.
#include <gtest/gtest.h>

#include "dialect/sqlite/apply.h"
#include "dialect/sqlite/diff_hooks.h"
#include "dialect/sqlite/inspect.h"
#include "dialect/sqlite/plan.h"
#include "dialect/sqlite/test_util.h"
#include "dialect/sqlite/types.h"
#include "diff/differ.h"

namespace strata::dialect::sqlite {
namespace {

using schema::Expr;
using testing::MemoryConn;
using testing::MustExec;
using testing::Scalar;

const SqliteDiffHooks kHooks;

schema::Column Col(const std::string& name, const std::string& type, bool nullable = false) {
  schema::Column c;
  c.name = name;
  c.type = SqliteTypes().ParseSQL(type);
  c.nullable = nullable;
  return c;
}

schema::IndexPart Part(const std::string& col, bool desc = false) { return {col, "", desc, {}}; }
schema::IndexPart ExprPart(const std::string& expr, bool desc = false) { return {"", expr, desc, {}}; }

schema::ForeignKey FK(const std::string& sym, const std::string& col, const std::string& ref) {
  schema::ForeignKey fk;
  fk.symbol = sym;
  fk.columns = {col};
  fk.ref_table = ref;
  fk.ref_columns = {"id"};
  return fk;
}

// A desired state as the HCL decoder produces it: every feature at once.
schema::Schema RichDesired() {
  schema::Schema s;
  s.name = "main";
  schema::Table users;
  users.name = "users";
  users.schema = "main";
  users.columns = {Col("id", "integer"),
                   Col("email", "text"),
                   Col("name", "varchar(255)", true),
                   Col("age", "int"),
                   Col("score", "real"),
                   Col("created", "datetime"),
                   Col("upper_name", "text", true),
                   Col("lower_name", "text", true),
                   Col("data", "blob", true)};
  users.columns[0].options.Set("auto_increment", "true");
  users.columns[1].options.Set("collate", "nocase");
  users.columns[2].default_value = Expr{Expr::Kind::kLiteral, "'anon'"};
  users.columns[3].default_value = Expr{Expr::Kind::kLiteral, "18"};
  users.columns[4].default_value = Expr{Expr::Kind::kLiteral, "-1.5"};
  users.columns[5].default_value = Expr{Expr::Kind::kRaw, "CURRENT_TIMESTAMP"};
  users.columns[6].generated = schema::GeneratedExpr{"upper(name)", "STORED"};
  users.columns[7].generated = schema::GeneratedExpr{"lower(name)", ""};
  users.columns[8].default_value = Expr{Expr::Kind::kLiteral, "x'00'"};
  users.primary_key = schema::Index{"", true, {Part("id")}, "", "", {}, false};
  users.checks = {{"", "age >= 0", {}}, {"adult", "(age < 200)", {}}};
  users.indexes = {
      schema::Index{"users_email", true, {Part("email")}, "", "", {}, false},
      schema::Index{"users_name", false, {Part("name", true), Part("age")}, "age > 0", "", {}, false},
      schema::Index{
          "users_expr", false, {ExprPart("lower(email)"), ExprPart("(age + 1)", true)}, "", "", {}, false}};
  users.indexes[1].parts[0].options.Set("collate", "RTRIM");
  s.tables.push_back(users);

  schema::Table posts;
  posts.name = "posts";
  posts.schema = "main";
  posts.columns = {Col("id", "int"), Col("author", "int", true), Col("editor", "int", true),
                   Col("title", "text")};
  posts.primary_key = schema::Index{"", true, {Part("id"), Part("title")}, "", "", {}, false};
  posts.foreign_keys = {FK("posts_author", "author", "users"), FK("posts_editor", "editor", "users")};
  posts.foreign_keys[0].on_delete = schema::ReferenceAction::kCascade;
  posts.foreign_keys[1].on_update = schema::ReferenceAction::kSetNull;
  posts.foreign_keys[1].options.Set("deferrable", "true");
  posts.foreign_keys[1].options.Set("initially_deferred", "true");
  posts.options.Set("without_rowid", "true");
  s.tables.push_back(posts);

  schema::Table tags;
  tags.name = "tags";
  tags.schema = "main";
  tags.columns = {Col("k", "text"), Col("v", "integer", true)};
  tags.primary_key = schema::Index{"", true, {Part("k")}, "", "", {}, false};
  tags.options.Set("strict", "true");
  s.tables.push_back(tags);

  schema::View v;
  v.name = "recent";
  v.schema = "main";
  v.def = "SELECT p.id, u.email FROM posts p JOIN users u ON u.id = p.author";
  s.views.push_back(v);
  schema::Trigger tr;
  tr.name = "users_touch";
  tr.schema = "main";
  tr.table = "users";
  tr.def =
      "CREATE TRIGGER users_touch AFTER UPDATE OF name ON users BEGIN UPDATE users SET age = 0 WHERE id = "
      "new.id; END";
  s.triggers.push_back(tr);
  return s;
}

schema::ChangeList Diff(const schema::Schema& from, const schema::Schema& to) {
  auto changes = diff::DiffSchema(from, to, kHooks);
  EXPECT_TRUE(changes.ok()) << changes.status().message();
  return changes.ok() ? *changes : schema::ChangeList{};
}

schema::Schema Inspect(db::Conn& conn) {
  auto s = InspectMain(conn);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? *s : schema::Schema{};
}

// Plans and applies the way from the database's state to `desired`.
plan::Plan Migrate(db::Conn& conn, const schema::Schema& desired, const plan::PlanOptions& opts = {}) {
  auto p = PlanChanges(Diff(Inspect(conn), desired), opts);
  EXPECT_TRUE(p.ok()) << p.status().message();
  if (!p.ok()) return {};
  Status st = ApplyPlan(conn, *p, {}, nullptr);
  EXPECT_TRUE(st.ok()) << st.message() << "\n" << plan::FormatSQL(*p);
  return *p;
}

std::string Describe(const schema::ChangeList& changes) {
  std::string out;
  for (const auto& c : changes) out += schema::SkipKey(c) + "\n";
  return out;
}

TEST(PropertyTest, ApplyThenInspectGivesNoDiff) {
  for (const char* indent : {"", "  "}) {
    auto conn = MemoryConn();
    schema::Schema desired = RichDesired();
    plan::PlanOptions opts;
    opts.indent = indent;
    Migrate(*conn, desired, opts);
    schema::ChangeList rest = Diff(Inspect(*conn), desired);
    EXPECT_TRUE(rest.empty()) << Describe(rest);
  }
}

TEST(PropertyTest, InspectedStatesRoundTrip) {
  // A state read back from SQL written by hand (unnamed foreign keys,
  // UNIQUE constraints, untyped columns) applies to an empty database
  // and reads back the same.
  auto source = MemoryConn();
  MustExec(*source, R"(
    CREATE TABLE a (id INTEGER PRIMARY KEY, code TEXT UNIQUE, n, x NUMERIC DEFAULT (1 + 2) NOT NULL);
    CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INT REFERENCES a, other INT REFERENCES b (id) ON DELETE SET NULL,
                    UNIQUE (id, a_id), CHECK (id <> a_id));
    CREATE INDEX b_partial ON b (other) WHERE other IS NOT NULL;
    CREATE VIEW both_v AS SELECT a.id FROM a JOIN b ON b.a_id = a.id;
  )");
  schema::Schema desired = Inspect(*source);
  auto conn = MemoryConn();
  Migrate(*conn, desired);
  schema::ChangeList rest = Diff(Inspect(*conn), desired);
  EXPECT_TRUE(rest.empty()) << Describe(rest);
  // And the other way around: nothing to do either.
  rest = Diff(desired, Inspect(*conn));
  EXPECT_TRUE(rest.empty()) << Describe(rest);
}

TEST(PropertyTest, PlanThenReverseReturnsToStart) {
  auto conn = MemoryConn();
  Migrate(*conn, RichDesired());
  MustExec(*conn,
           "INSERT INTO users (email, name, age) VALUES ('a@x', 'ann', 30), ('b@x', NULL, 40);"
           "INSERT INTO posts VALUES (1, 1, NULL, 'hello'), (2, 2, 1, 'world');"
           "INSERT INTO tags VALUES ('k1', 1);"
           "CREATE TABLE extra (id INT, note TEXT); INSERT INTO extra VALUES (1, 'x');");
  schema::Schema start = Inspect(*conn);
  std::string users_before =
      Scalar(*conn, "SELECT group_concat(id || ':' || email || ':' || age, ',') FROM users");
  std::string posts_before = Scalar(*conn, "SELECT group_concat(id || ':' || title, ',') FROM posts");

  schema::Schema next = start;
  schema::Table& users = *next.FindTable("users");
  users.columns.push_back(Col("nick", "text"));  // in place: constant default
  users.columns.back().default_value = Expr{Expr::Kind::kLiteral, "'none'"};
  users.indexes.erase(users.indexes.begin());  // drop users_expr
  users.indexes.push_back(schema::Index{"users_age", false, {Part("age")}, "", "", {}, false});
  schema::Table& posts = *next.FindTable("posts");
  posts.columns[1].nullable = false;  // author becomes NOT NULL with a default: copy + IFNULL
  posts.columns[1].default_value = Expr{Expr::Kind::kLiteral, "1"};
  posts.columns.erase(posts.columns.begin() + 2);  // drop editor (and its foreign key)
  std::erase_if(posts.foreign_keys, [](const schema::ForeignKey& fk) { return fk.symbol == "posts_editor"; });
  posts.checks.push_back({"title_set", "title <> ''", {}});
  next.FindTable("tags")->options.Erase("strict");
  next.tables.erase(next.tables.begin() + 3);  // drop "extra"
  schema::Table added;
  added.name = "added";
  added.schema = "main";
  added.columns = {Col("id", "integer")};
  added.primary_key = schema::Index{"", true, {Part("id")}, "", "", {}, false};
  next.tables.push_back(added);
  next.views[0].def = "SELECT p.id FROM posts p";
  next.triggers.clear();

  plan::Plan forward = Migrate(*conn, next);
  EXPECT_TRUE(forward.reversible);
  EXPECT_TRUE(forward.HasDestructive());
  schema::ChangeList rest = Diff(Inspect(*conn), next);
  EXPECT_TRUE(rest.empty()) << Describe(rest);
  // The table copies kept every row.
  EXPECT_EQ(Scalar(*conn, "SELECT group_concat(id || ':' || title, ',') FROM posts"), posts_before);
  EXPECT_EQ(Scalar(*conn, "SELECT group_concat(nick, ',') FROM users"), "none,none");

  Status st = ApplyPlan(*conn, testing::ReversePlan(forward), {}, nullptr);
  ASSERT_TRUE(st.ok()) << st.message() << "\n" << plan::FormatSQL(testing::ReversePlan(forward));
  rest = Diff(Inspect(*conn), start);
  EXPECT_TRUE(rest.empty()) << Describe(rest);
  EXPECT_EQ(Scalar(*conn, "SELECT group_concat(id || ':' || email || ':' || age, ',') FROM users"),
            users_before);
  EXPECT_EQ(Scalar(*conn, "SELECT group_concat(id || ':' || title, ',') FROM posts"), posts_before);
  EXPECT_EQ(Scalar(*conn, "SELECT count(*) FROM tags"), "1");
  EXPECT_EQ(Scalar(*conn, "PRAGMA foreign_keys"), "1");
}

TEST(PropertyTest, FailedPlanLeavesTheDatabaseUnchanged) {
  auto conn = MemoryConn();
  Migrate(*conn, RichDesired());
  MustExec(*conn, "INSERT INTO posts VALUES (1, NULL, NULL, 'hello')");
  schema::Schema start = Inspect(*conn);
  schema::Schema next = start;
  // NOT NULL without a default: the row copy fails half way through a copy.
  next.FindTable("posts")->columns[1].nullable = false;
  next.FindTable("tags")->columns.push_back(Col("extra", "int", true));
  auto p = PlanChanges(Diff(start, next), {});
  ASSERT_TRUE(p.ok());
  ApplyReport report;
  Status st = ApplyPlan(*conn, *p, {}, &report);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("NOT NULL constraint failed: new_posts.author"), std::string::npos)
      << st.message();
  EXPECT_EQ(Inspect(*conn), start);
  EXPECT_EQ(Scalar(*conn, "SELECT count(*) FROM posts"), "1");
  EXPECT_EQ(Scalar(*conn, "PRAGMA foreign_keys"), "1");
}

}  // namespace
}  // namespace strata::dialect::sqlite
