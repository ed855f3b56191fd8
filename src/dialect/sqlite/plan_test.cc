#include "dialect/sqlite/plan.h"

#include <gtest/gtest.h>

#include "dialect/sqlite/types.h"

namespace strata::dialect::sqlite {
namespace {

using schema::Expr;

schema::Column Col(const std::string& name, const std::string& type, bool nullable = false) {
  schema::Column c;
  c.name = name;
  c.type = SqliteTypes().ParseSQL(type);
  c.nullable = nullable;
  return c;
}

schema::Table Table(const std::string& name, std::vector<schema::Column> cols) {
  schema::Table t;
  t.name = name;
  t.schema = "main";
  t.columns = std::move(cols);
  return t;
}

schema::Index Idx(const std::string& name, const std::vector<std::string>& cols, bool unique = false) {
  schema::Index i;
  i.name = name;
  i.unique = unique;
  for (const auto& c : cols) i.parts.push_back({c, "", false, {}});
  return i;
}

plan::Plan MustPlan(const schema::ChangeList& changes, const plan::PlanOptions& opts = {}) {
  auto p = PlanChanges(changes, opts);
  EXPECT_TRUE(p.ok()) << p.status().message();
  return p.ok() ? *p : plan::Plan{};
}

std::vector<std::string> Cmds(const plan::Plan& p) {
  std::vector<std::string> out;
  for (const auto& c : p.changes) out.push_back(c.cmd);
  return out;
}

// Expected statements and comments are Atlas's (sql/sqlite/migrate.go and
// its tests), except that UNIQUE constraints (autoindexes) stay inline
// constraints instead of becoming CREATE UNIQUE INDEX statements.
TEST(PlanTest, AddTableWithIndexes) {
  schema::Table t = Table("posts", {Col("id", "integer"), Col("text", "text", true)});
  t.checks = {{"", "text <> ''", {}}, {"positive_id", "id <> 0", {}}};
  t.indexes = {Idx("posts_text", {"text"}), Idx("sqlite_autoindex_posts_1", {"id", "text"}, true)};
  t.indexes[1].implicit = true;
  plan::Plan p = MustPlan({schema::AddTable{t}});
  ASSERT_EQ(p.changes.size(), 2u);
  EXPECT_TRUE(p.transactional);
  EXPECT_TRUE(p.reversible);
  EXPECT_EQ(p.changes[0].cmd,
            "CREATE TABLE `posts` (`id` integer NOT NULL, `text` text NULL, UNIQUE (`id`, `text`), "
            "CHECK (text <> ''), CONSTRAINT `positive_id` CHECK (id <> 0))");
  EXPECT_EQ(p.changes[0].comment, "create \"posts\" table");
  EXPECT_EQ(p.changes[0].reverse, std::vector<std::string>{"DROP TABLE `posts`"});
  EXPECT_EQ(p.changes[0].source, "add_table \"posts\"");
  EXPECT_FALSE(p.changes[0].destructive);
  EXPECT_EQ(p.changes[1].cmd, "CREATE INDEX `posts_text` ON `posts` (`text`)");
  EXPECT_EQ(p.changes[1].comment, "create index \"posts_text\" to table: \"posts\"");
  EXPECT_EQ(p.changes[1].reverse, std::vector<std::string>{"DROP INDEX `posts_text`"});
  EXPECT_EQ(plan::FormatSQL(p).substr(0, 50), "-- Create \"posts\" table\nCREATE TABLE `posts` (`id`");
}

TEST(PlanTest, DropTableDisablesForeignKeys) {
  schema::Table t = Table("posts", {Col("id", "int")});
  t.indexes = {Idx("idx", {"id"})};
  plan::Plan p = MustPlan({schema::DropTable{t}});
  ASSERT_EQ(p.changes.size(), 3u);
  EXPECT_EQ(p.changes[0].cmd, "PRAGMA foreign_keys = off");
  EXPECT_EQ(p.changes[0].comment, "disable the enforcement of foreign-keys constraints");
  EXPECT_EQ(p.changes[1].cmd, "DROP TABLE `posts`");
  EXPECT_EQ(p.changes[1].comment, "drop \"posts\" table");
  EXPECT_TRUE(p.changes[1].destructive);
  EXPECT_EQ(p.changes[1].reverse, (std::vector<std::string>{"CREATE TABLE `posts` (`id` int NOT NULL)",
                                                            "CREATE INDEX `idx` ON `posts` (`id`)"}));
  EXPECT_EQ(p.changes[2].cmd, "PRAGMA foreign_keys = on");
  EXPECT_EQ(p.changes[2].comment, "enable back the enforcement of foreign-keys constraints");
  EXPECT_TRUE(p.reversible);
  EXPECT_TRUE(p.HasDestructive());
  schema::DropTable ife{t, true};
  EXPECT_EQ(MustPlan({ife}).changes[1].cmd, "DROP TABLE IF EXISTS `posts`");
}

TEST(PlanTest, InPlaceAlter) {
  schema::Table from = Table("users", {Col("id", "bigint")});
  schema::Table to = from;
  schema::Column name = Col("name", "varchar(255)");
  schema::Column nid = Col("nid", "bigint");
  nid.generated = schema::GeneratedExpr{"1", "VIRTUAL"};
  schema::Column lit = Col("rank", "int");
  lit.default_value = Expr{Expr::Kind::kLiteral, "1"};
  to.columns.push_back(name);
  to.columns.push_back(nid);
  to.columns.push_back(lit);
  schema::Index key = Idx("id_key", {"id"});
  to.indexes = {key};
  schema::ModifyTable m{
      from,
      to,
      {schema::AddColumn{name}, schema::AddColumn{nid}, schema::AddColumn{lit}, schema::AddIndex{key}}};
  plan::Plan p = MustPlan({m});
  EXPECT_EQ(Cmds(p), (std::vector<std::string>{
                         "ALTER TABLE `users` ADD COLUMN `name` varchar(255) NOT NULL",
                         "ALTER TABLE `users` ADD COLUMN `nid` bigint NOT NULL AS (1) VIRTUAL",
                         "ALTER TABLE `users` ADD COLUMN `rank` int NOT NULL DEFAULT 1",
                         "CREATE INDEX `id_key` ON `users` (`id`)",
                     }));
  EXPECT_EQ(p.changes[0].comment, "add column \"name\" to table: \"users\"");
  EXPECT_EQ(p.changes[0].reverse, std::vector<std::string>{"ALTER TABLE `users` DROP COLUMN `name`"});

  schema::ModifyTable ren{from,
                          from,
                          {schema::RenameColumn{Col("a", "int"), Col("b", "int")},
                           schema::RenameIndex{Idx("a", {"a"}), Idx("b", {"a"})}}};
  p = MustPlan({ren});
  EXPECT_EQ(Cmds(p), (std::vector<std::string>{"ALTER TABLE `users` RENAME COLUMN `a` TO `b`",
                                               "CREATE INDEX `b` ON `users` (`a`)", "DROP INDEX `a`"}));
  EXPECT_EQ(p.changes[0].comment, "rename a column from \"a\" to \"b\"");
  EXPECT_EQ(p.changes[0].reverse, std::vector<std::string>{"ALTER TABLE `users` RENAME COLUMN `b` TO `a`"});
  EXPECT_EQ(p.changes[2].comment, "drop index \"a\" from table: \"users\"");
  EXPECT_EQ(p.changes[2].reverse, std::vector<std::string>{"CREATE INDEX `a` ON `users` (`a`)"});
}

TEST(PlanTest, CopyForStoredColumn) {
  schema::Table from = Table("users", {Col("id", "bigint")});
  schema::Table to = from;
  schema::Column nid = Col("nid", "bigint");
  nid.generated = schema::GeneratedExpr{"1", "STORED"};
  to.columns.push_back(nid);
  plan::Plan p = MustPlan({schema::ModifyTable{from, to, {schema::AddColumn{nid}}}});
  EXPECT_EQ(Cmds(p),
            (std::vector<std::string>{
                "PRAGMA foreign_keys = off",
                "CREATE TABLE `new_users` (`id` bigint NOT NULL, `nid` bigint NOT NULL AS (1) STORED)",
                "INSERT INTO `new_users` (`id`) SELECT `id` FROM `users`",
                "DROP TABLE `users`",
                "ALTER TABLE `new_users` RENAME TO `users`",
                "PRAGMA foreign_keys = on",
            }));
  EXPECT_EQ(p.changes[1].comment, "create \"new_users\" table");
  EXPECT_EQ(p.changes[2].comment, "copy rows from old table \"users\" to new temporary table \"new_users\"");
  EXPECT_EQ(p.changes[3].comment, "drop \"users\" table after copying rows");
  EXPECT_EQ(p.changes[4].comment, "rename temporary table \"new_users\" to \"users\"");
  EXPECT_FALSE(p.changes[3].destructive);
  EXPECT_TRUE(p.reversible);
  // Each statement's reverse undoes exactly that statement.
  EXPECT_EQ(p.changes[1].reverse, std::vector<std::string>{"DROP TABLE `new_users`"});
  EXPECT_EQ(p.changes[2].reverse, std::vector<std::string>{"DELETE FROM `new_users`"});
  EXPECT_EQ(p.changes[3].reverse,
            (std::vector<std::string>{"CREATE TABLE `users` (`id` bigint NOT NULL)",
                                      "INSERT INTO `users` (`id`) SELECT `id` FROM `new_users`"}));
  EXPECT_EQ(p.changes[4].reverse,
            (std::vector<std::string>{
                "CREATE TABLE `new_users` (`id` bigint NOT NULL, `nid` bigint NOT NULL AS (1) STORED)",
                "INSERT INTO `new_users` (`id`) SELECT `id` FROM `users`", "DROP TABLE `users`"}));
}

TEST(PlanTest, CopyFillsColumnsBecomingNotNull) {
  schema::Table from = Table("users", {Col("id", "bigint"), Col("rank", "int", true),
                                       Col("nick", "text", true), Col("name", "varchar(255)")});
  schema::Table to = Table("users", {Col("id", "bigint"), Col("rank", "int"), Col("nick", "text")});
  to.columns[1].default_value = Expr{Expr::Kind::kLiteral, "1"};
  to.columns[2].default_value = Expr{Expr::Kind::kLiteral, "a8m"};
  to.checks = {{"", "(id <> 0)", {}}};
  uint32_t kind = schema::kChangeNull | schema::kChangeDefault;
  schema::ModifyTable m{from,
                        to,
                        {schema::ModifyColumn{from.columns[1], to.columns[1], kind},
                         schema::ModifyColumn{from.columns[2], to.columns[2], kind},
                         schema::DropColumn{from.columns[3]}, schema::AddCheck{to.checks[0]}}};
  plan::Plan p = MustPlan({m});
  EXPECT_EQ(Cmds(p),
            (std::vector<std::string>{
                "PRAGMA foreign_keys = off",
                "CREATE TABLE `new_users` (`id` bigint NOT NULL, `rank` int NOT NULL DEFAULT 1, "
                "`nick` text NOT NULL DEFAULT 'a8m', CHECK (id <> 0))",
                "INSERT INTO `new_users` (`id`, `rank`, `nick`) SELECT `id`, IFNULL(`rank`, 1) AS `rank`, "
                "IFNULL(`nick`, 'a8m') AS `nick` FROM `users`",
                "DROP TABLE `users`",
                "ALTER TABLE `new_users` RENAME TO `users`",
                "PRAGMA foreign_keys = on",
            }));
  EXPECT_TRUE(p.changes[3].destructive);  // drops column "name"
}

TEST(PlanTest, CopyWithoutRows) {
  schema::Table from = Table("users", {Col("c1", "varchar(255)")});
  schema::Table to = Table("users", {Col("c2", "bigint")});
  plan::Plan p = MustPlan({schema::ModifyTable{
      from, to, {schema::DropColumn{from.columns[0]}, schema::AddColumn{to.columns[0]}}}});
  EXPECT_EQ(Cmds(p), (std::vector<std::string>{
                         "PRAGMA foreign_keys = off", "CREATE TABLE `new_users` (`c2` bigint NOT NULL)",
                         "DROP TABLE `users`", "ALTER TABLE `new_users` RENAME TO `users`",
                         "PRAGMA foreign_keys = on"}));
  EXPECT_EQ(p.changes[2].comment, "drop \"users\" table without copying rows (no columns)");
}

TEST(PlanTest, RenameTableQualifierAndIndent) {
  plan::Plan p = MustPlan({schema::RenameTable{Table("t1", {}), Table("t2", {})}});
  EXPECT_EQ(Cmds(p), std::vector<std::string>{"ALTER TABLE `t1` RENAME TO `t2`"});
  EXPECT_EQ(p.changes[0].reverse, std::vector<std::string>{"ALTER TABLE `t2` RENAME TO `t1`"});
  EXPECT_EQ(p.changes[0].comment, "rename a table from \"t1\" to \"t2\"");
  schema::Table t = Table("t", {Col("a", "int")});
  plan::PlanOptions q;
  q.qualifier = "other";
  p = MustPlan({schema::AddTable{t}}, q);
  EXPECT_EQ(p.changes[0].cmd, "CREATE TABLE `other`.`t` (`a` int NOT NULL)");
  EXPECT_EQ(p.changes[0].reverse, std::vector<std::string>{"DROP TABLE `other`.`t`"});
  q.qualifier = "";
  q.indent = "  ";
  EXPECT_EQ(MustPlan({schema::AddTable{t}}, q).changes[0].cmd, "CREATE TABLE `t` (\n  `a` int NOT NULL\n)");
}

TEST(PlanTest, ViewsTriggersAndSchemas) {
  schema::View v{"v", "main", "SELECT 1", false, "", "", {}, {}, {}, {}};
  schema::View v2 = v;
  v2.def = "SELECT 2";
  schema::Trigger tr{"tr", "main", "t", "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END", {}, {}};
  schema::Schema main;
  main.name = "main";
  plan::Plan p = MustPlan({schema::AddSchema{main, true}, schema::AddView{v}, schema::ModifyView{v, v2},
                           schema::AddTrigger{tr}, schema::DropTrigger{tr},
                           schema::ModifySchemaAttr{"main", "comment", "", "x"}});
  EXPECT_EQ(Cmds(p), (std::vector<std::string>{"DROP TRIGGER `tr`", "CREATE VIEW `v` AS SELECT 1",
                                               "DROP VIEW `v`", "CREATE VIEW `v` AS SELECT 2",
                                               "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END"}));
  EXPECT_EQ(p.changes[0].comment, "drop trigger \"tr\"");
  EXPECT_EQ(p.changes[1].comment, "create \"v\" view");
  EXPECT_EQ(p.changes[2].comment, "drop \"v\" view");
  EXPECT_EQ(p.changes[2].reverse, std::vector<std::string>{"CREATE VIEW `v` AS SELECT 1"});
  EXPECT_EQ(p.changes[4].reverse, std::vector<std::string>{"DROP TRIGGER `tr`"});
  // Only a comment changed: SQLite does not store it.
  schema::View commented = v;
  commented.comment = "hello";
  EXPECT_TRUE(MustPlan({schema::ModifyView{v, commented}}).changes.empty());
  schema::Schema other;
  other.name = "aux";
  EXPECT_FALSE(PlanChanges({schema::AddSchema{other}}, {}).ok());
  EXPECT_FALSE(PlanChanges({schema::DropSchema{main}}, {}).ok());
}

TEST(PlanTest, ImplicitIndexChangesRebuildTheTable) {
  schema::Table from = Table("t", {Col("a", "int")});
  from.indexes = {Idx("sqlite_autoindex_t_1", {"a"}, true)};
  from.indexes[0].implicit = true;
  schema::Table to = Table("t", {Col("a", "int")});
  plan::Plan p = MustPlan({schema::ModifyTable{from, to, {schema::DropIndex{from.indexes[0]}}}});
  ASSERT_EQ(p.changes.size(), 6u);
  EXPECT_EQ(p.changes[1].cmd, "CREATE TABLE `new_t` (`a` int NOT NULL)");
  // The reverse re-creates the table with its UNIQUE constraint.
  EXPECT_EQ(p.changes[3].reverse.front(), "CREATE TABLE `t` (`a` int NOT NULL, UNIQUE (`a`))");
}

TEST(PlanTest, Errors) {
  schema::Table t = Table("t", {Col("a", "int")});
  t.indexes = {schema::Index{}};
  auto p = PlanChanges({schema::AddTable{t}}, {});
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().message(), "sqlite: an index of table \"t\" has no name");
  schema::Table two = Table("t", {Col("a", "integer"), Col("b", "int")});
  two.columns[0].options.Set("auto_increment", "true");
  two.primary_key = Idx("", {"a", "b"}, true);
  EXPECT_FALSE(PlanChanges({schema::AddTable{two}}, {}).ok());
}

}  // namespace
}  // namespace strata::dialect::sqlite
