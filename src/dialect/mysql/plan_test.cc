// Planner unit tests for what golden HCL cases cannot express: renames,
// schema-level objects (functions, procedures, events), inspected
// CREATE TRIGGER statements, destructive flags and plan properties.
#include "dialect/mysql/plan.h"

#include <gtest/gtest.h>

#include "dialect/mysql/render.h"
#include "dialect/mysql/types.h"
#include "migrate/scanner.h"

namespace strata::dialect::mysql {
namespace {

schema::Column Col(const std::string& name, const std::string& type, bool null = false) {
  schema::Column c;
  c.name = name;
  c.type = ParseType(type);
  c.nullable = null;
  return c;
}

schema::Table Users() {
  schema::Table t;
  t.name = "users";
  t.schema = "app";
  t.columns = {Col("id", "int"), Col("name", "varchar(20)", true)};
  schema::Index pk;
  pk.parts.push_back({"id", "", false, {}});
  t.primary_key = pk;
  return t;
}

plan::Plan MustPlan(const schema::ChangeList& changes, const plan::PlanOptions& opts = {}, const Flavor& f = {}) {
  auto p = PlanChanges(changes, opts, f);
  EXPECT_TRUE(p.ok()) << p.status().message();
  return p.ok() ? *p : plan::Plan{};
}

TEST(MysqlPlan, RenamesAreAlterClauses) {
  schema::Table from = Users(), to = Users();
  to.columns[1].name = "full_name";
  schema::Index a, b;
  a.name = "n1";
  a.parts.push_back({"name", "", false, {}});
  b = a;
  b.name = "n2";
  schema::ModifyTable m{from, to, {schema::RenameColumn{from.columns[1], to.columns[1]}, schema::RenameIndex{a, b}}, {}};
  plan::Plan p = MustPlan({m});
  ASSERT_EQ(p.changes.size(), 1u);
  EXPECT_EQ(p.changes[0].cmd, "ALTER TABLE `app`.`users` RENAME COLUMN `name` TO `full_name`, RENAME INDEX `n1` TO `n2`");
  ASSERT_EQ(p.changes[0].reverse.size(), 1u);
  EXPECT_EQ(p.changes[0].reverse[0],
            "ALTER TABLE `app`.`users` RENAME INDEX `n2` TO `n1`, RENAME COLUMN `full_name` TO `name`");

  // MariaDB before 10.5.2 has no RENAME COLUMN.
  plan::Plan old = MustPlan({schema::ModifyTable{from, to, {schema::RenameColumn{from.columns[1], to.columns[1]}}, {}}},
                            {}, ParseVersion("10.4.32-MariaDB"));
  EXPECT_EQ(old.changes[0].cmd, "ALTER TABLE `app`.`users` CHANGE COLUMN `name` `full_name` varchar(20) NULL");
  EXPECT_EQ(old.changes[0].reverse[0], "ALTER TABLE `app`.`users` CHANGE COLUMN `full_name` `name` varchar(20) NULL");

  schema::Table renamed = Users();
  renamed.name = "people";
  p = MustPlan({schema::RenameTable{Users(), renamed}});
  EXPECT_EQ(p.changes[0].cmd, "RENAME TABLE `app`.`users` TO `app`.`people`");
  EXPECT_EQ(p.changes[0].reverse[0], "RENAME TABLE `app`.`people` TO `app`.`users`");
}

TEST(MysqlPlan, PrimaryKeyAndPartitionChanges) {
  schema::Table from = Users(), to = Users();
  to.primary_key->parts.push_back({"name", "", false, {}});
  to.options.Set("partition", "HASH (id) PARTITIONS 4");
  schema::ModifyTable m{from, to,
                        {schema::ModifyPrimaryKey{*from.primary_key, *to.primary_key, schema::kChangeParts},
                         schema::ModifyTableAttr{"partition", "", "HASH (id) PARTITIONS 4"}},
                        {}};
  plan::Plan p = MustPlan({m});
  ASSERT_EQ(p.changes.size(), 1u);
  EXPECT_EQ(p.changes[0].cmd,
            "ALTER TABLE `app`.`users` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`, `name`) PARTITION BY HASH (id) "
            "PARTITIONS 4");
  EXPECT_EQ(p.changes[0].reverse[0],
            "ALTER TABLE `app`.`users` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`) REMOVE PARTITIONING");
}

TEST(MysqlPlan, DestructiveAndNotTransactional) {
  schema::Table from = Users(), to = Users();
  to.columns.pop_back();
  plan::Plan p = MustPlan({schema::ModifyTable{from, to, {schema::DropColumn{from.columns[1]}}, {}}});
  EXPECT_FALSE(p.transactional);
  EXPECT_TRUE(p.HasDestructive());
  EXPECT_TRUE(p.reversible);
  EXPECT_EQ(p.changes[0].reverse[0], "ALTER TABLE `app`.`users` ADD COLUMN `name` varchar(20) NULL");
  p = MustPlan({schema::DropTable{Users()}});
  EXPECT_TRUE(p.changes[0].destructive);
  EXPECT_EQ(p.changes[0].reverse[0],
            "CREATE TABLE `app`.`users` (`id` int NOT NULL, `name` varchar(20) NULL, PRIMARY KEY (`id`))");
  EXPECT_TRUE(p.delimiter.empty());
}

TEST(MysqlPlan, DropSchemaReverseRecreatesInDependencyOrder) {
  schema::Schema s;
  s.name = "app";
  schema::Table a = Users(), b = Users();
  a.name = "a";
  b.name = "b";
  schema::ForeignKey ab{"a_b", {"id"}, "", "b", {"id"}, {}, {}, {}};
  schema::ForeignKey ba{"b_a", {"id"}, "", "a", {"id"}, {}, {}, {}};
  a.foreign_keys = {ab};
  schema::Table c = Users();
  c.name = "c";
  c.foreign_keys = {schema::ForeignKey{"c_a", {"id"}, "", "a", {"id"}, {}, {}, {}}};
  s.tables = {c, a, b};
  schema::View v;
  v.name = "v";
  v.schema = "app";
  v.def = "SELECT id FROM c";
  s.views = {v};
  plan::Plan p = MustPlan({schema::DropSchema{s}});
  ASSERT_EQ(p.changes.size(), 1u);
  EXPECT_EQ(p.changes[0].cmd, "DROP DATABASE `app`");
  EXPECT_TRUE(p.changes[0].destructive);
  std::vector<std::string> want = {
      "CREATE DATABASE `app`",
      "CREATE TABLE `app`.`b` (`id` int NOT NULL, `name` varchar(20) NULL, PRIMARY KEY (`id`))",
      "CREATE TABLE `app`.`a` (`id` int NOT NULL, `name` varchar(20) NULL, PRIMARY KEY (`id`), CONSTRAINT `a_b` "
      "FOREIGN KEY (`id`) REFERENCES `app`.`b` (`id`))",
      "CREATE TABLE `app`.`c` (`id` int NOT NULL, `name` varchar(20) NULL, PRIMARY KEY (`id`), CONSTRAINT `c_a` "
      "FOREIGN KEY (`id`) REFERENCES `app`.`a` (`id`))",
      "USE `app`",
      "CREATE VIEW `app`.`v` AS SELECT id FROM c",
  };
  EXPECT_EQ(p.changes[0].reverse, want);
  // A cycle: the waiting key is added after the tables.
  b.foreign_keys = {ba};
  s.tables = {a, b};
  s.views.clear();
  p = MustPlan({schema::DropSchema{s}});
  ASSERT_EQ(p.changes[0].reverse.size(), 4u);
  EXPECT_EQ(p.changes[0].reverse[3], "ALTER TABLE `app`.`a` ADD CONSTRAINT `a_b` FOREIGN KEY (`id`) REFERENCES `app`.`b` (`id`)");
}

TEST(MysqlPlan, IgnoredFeaturesAreErrors) {
  auto fails = [](const schema::Table& t, const Flavor& f, const std::string& want) {
    auto p = PlanChanges({schema::AddTable{t}}, {}, f);
    ASSERT_FALSE(p.ok()) << want;
    EXPECT_NE(p.status().message().find(want), std::string::npos) << p.status().message();
  };
  schema::Table t = Users();
  schema::Check ck{"c", "id > 0", {}};
  ck.options.Set("enforced", "false");
  t.checks = {ck};
  fails(t, Flavor{}, "NOT ENFORCED, which MariaDB does not support");
  EXPECT_TRUE(PlanChanges({schema::AddTable{t}}, {}, ParseVersion("8.0.36")).ok());
  t.checks = {schema::Check{"c", "id > 0", {}}};
  fails(t, ParseVersion("5.7.44"), "parses but ignores CHECK constraints");
  t.checks.clear();
  t.primary_key->options.Set("type", "HASH");
  fails(t, Flavor{}, "InnoDB builds the HASH primary key as BTREE");
  t.options.Set("engine", "MEMORY");
  EXPECT_TRUE(PlanChanges({schema::AddTable{t}}, {}, Flavor{}).ok());
  t.options.Set("engine", "MyISAM");
  t.primary_key->options.Erase("type");
  t.foreign_keys = {schema::ForeignKey{"fk", {"id"}, "", "users", {"id"}, {}, {}, {}}};
  fails(t, Flavor{}, "the MyISAM engine ignores foreign keys");
}

TEST(MysqlPlan, CheckDropsFollowTheFlavor) {
  schema::Table from = Users(), to = Users();
  schema::Check ck{"c", "id > 0", {}};
  from.checks = {ck};
  schema::ModifyTable m{from, to, {schema::DropCheck{ck}}, {}};
  EXPECT_EQ(MustPlan({m}).changes[0].cmd, "ALTER TABLE `app`.`users` DROP CONSTRAINT `c`");
  EXPECT_EQ(MustPlan({m}, {}, ParseVersion("8.0.36")).changes[0].cmd, "ALTER TABLE `app`.`users` DROP CHECK `c`");
}

TEST(MysqlPlan, ScopedPlansRejectSchemaChanges) {
  plan::PlanOptions o;
  o.qualifier = "";
  schema::Schema s;
  s.name = "app";
  auto p = PlanChanges({schema::AddSchema{s}}, o, Flavor{});
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("AddSchema is not allowed"), std::string::npos);
  schema::Table other = Users();
  other.schema = "other";
  p = PlanChanges({schema::AddTable{Users()}, schema::AddTable{other}}, o, Flavor{});
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("found 2 schemas"), std::string::npos);
}

TEST(MysqlPlan, InspectedTriggerIsQualified) {
  schema::Trigger t;
  t.name = "trg";
  t.schema = "app";
  t.table = "users";
  t.def = "CREATE DEFINER=`root`@`localhost` TRIGGER `trg` BEFORE INSERT ON `users` FOR EACH ROW BEGIN\n"
          "  SET NEW.name = UPPER(NEW.name);\nEND";
  t.options.Set("timing", "BEFORE");
  t.options.Set("events", "INSERT");
  plan::Plan p = MustPlan({schema::AddTrigger{t}});
  ASSERT_EQ(p.changes.size(), 1u);
  EXPECT_EQ(p.changes[0].cmd,
            "CREATE TRIGGER `app`.`trg` BEFORE INSERT ON `users` FOR EACH ROW BEGIN\n"
            "  SET NEW.name = UPPER(NEW.name);\nEND");
  EXPECT_EQ(p.changes[0].reverse[0], "DROP TRIGGER `app`.`trg`");
  EXPECT_EQ(p.delimiter, "\n-- end");
  plan::PlanOptions scoped;
  scoped.qualifier = "";
  p = MustPlan({schema::AddTrigger{t}}, scoped);
  EXPECT_EQ(p.changes[0].cmd.substr(0, 60), "CREATE TRIGGER `trg` BEFORE INSERT ON `users` FOR EACH ROW B");
}

schema::Object Routine(const std::string& kind, const std::string& name, const std::string& def) {
  schema::Object o;
  o.kind = kind;
  o.name = name;
  o.schema = "app";
  o.def = def;
  return o;
}

TEST(MysqlPlan, FunctionsProceduresEvents) {
  schema::Object f = Routine("function", "add1",
                             "CREATE FUNCTION `add1`(`x` int) RETURNS int DETERMINISTIC\nRETURN x + 1");
  schema::Object proc = Routine("procedure", "touch", "BEGIN\n  UPDATE users SET name = name;\nEND");
  proc.options.Set("args", "(IN `n` int)");
  proc.options.Set("security", "INVOKER");
  proc.comment = "it's";
  schema::Object ev = Routine("event", "purge", "DELETE FROM users WHERE id < 0");
  ev.options.Set("schedule", "EVERY 1 DAY");
  ev.options.Set("on_completion", "PRESERVE");
  ev.options.Set("status", "DISABLE");
  plan::Plan p = MustPlan({schema::AddObject{f}, schema::AddObject{proc}, schema::AddObject{ev}});
  ASSERT_EQ(p.changes.size(), 3u);
  EXPECT_EQ(p.changes[0].cmd, "CREATE FUNCTION `app`.`add1`(`x` int) RETURNS int DETERMINISTIC\nRETURN x + 1");
  EXPECT_EQ(p.changes[0].comment, "create function \"add1\"");
  EXPECT_EQ(p.changes[0].reverse[0], "DROP FUNCTION `app`.`add1`");
  EXPECT_EQ(p.changes[1].cmd,
            "CREATE PROCEDURE `app`.`touch`(IN `n` int) SQL SECURITY INVOKER COMMENT \"it's\"\nBEGIN\n"
            "  UPDATE users SET name = name;\nEND");
  EXPECT_EQ(p.changes[2].cmd,
            "CREATE EVENT `app`.`purge` ON SCHEDULE EVERY 1 DAY ON COMPLETION PRESERVE DISABLE DO DELETE FROM users "
            "WHERE id < 0");
  EXPECT_EQ(p.delimiter, "\n-- end");  // the procedure body holds ";"

  schema::Object f2 = f;
  f2.def = "CREATE FUNCTION `add1`(`x` int) RETURNS int DETERMINISTIC\nRETURN x + 2";
  p = MustPlan({schema::ModifyObject{f, f2}});
  ASSERT_EQ(p.changes.size(), 2u);
  EXPECT_EQ(p.changes[0].cmd, "DROP FUNCTION `app`.`add1`");
  EXPECT_EQ(p.changes[0].reverse[0], "CREATE FUNCTION `app`.`add1`(`x` int) RETURNS int DETERMINISTIC\nRETURN x + 1");
  EXPECT_EQ(p.changes[1].cmd, "CREATE FUNCTION `app`.`add1`(`x` int) RETURNS int DETERMINISTIC\nRETURN x + 2");

  schema::Object seq = Routine("sequence", "s", "");
  auto bad = PlanChanges({schema::AddObject{seq}}, {}, Flavor{});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("planning sequence \"s\" is not supported"), std::string::npos);
}

// A migration file written with the plan's delimiter (Atlas's
// `-- atlas:delimiter` header) scans back into exactly the planned
// statements, BEGIN ... END bodies included.
TEST(MysqlPlan, DelimiterFileScansBack) {
  schema::Trigger t;
  t.name = "trg";
  t.schema = "app";
  t.table = "users";
  t.def = "BEGIN\n  SET NEW.name = 'a;b';\n  SET NEW.id = NEW.id + 1;\nEND";
  t.options.Set("timing", "BEFORE");
  t.options.Set("events", "UPDATE");
  schema::Object f = Routine("function", "f", "BEGIN\n  DECLARE x int;\n  SET x = 1;\n  RETURN x;\nEND");
  f.options.Set("returns", "int");
  plan::Plan p = MustPlan({schema::AddTable{Users()}, schema::AddTrigger{t}, schema::AddObject{f}});
  ASSERT_EQ(p.delimiter, "\n-- end");
  std::string file = "-- atlas:delimiter \\n-- end\n\n" + plan::FormatSQL(p);
  auto stmts = migrate::ScanStmtTexts(file, migrate::ScannerOptionsFor(migrate::ScanDialect::kMySQL));
  ASSERT_TRUE(stmts.ok()) << stmts.status().message();
  ASSERT_EQ(stmts->size(), p.changes.size()) << file;
  for (size_t i = 0; i < p.changes.size(); ++i) EXPECT_EQ((*stmts)[i], p.changes[i].cmd) << i;
}

TEST(MysqlRender, QualifyCreate) {
  RenderOptions o;
  EXPECT_EQ(QualifyCreate("CREATE PROCEDURE p() SELECT 1", "s", "p", o), "CREATE PROCEDURE `s`.`p`() SELECT 1");
  EXPECT_EQ(QualifyCreate("create or replace event `e` on schedule every 1 hour do select 1", "s", "e", o),
            "CREATE EVENT `s`.`e` on schedule every 1 hour do select 1");
  EXPECT_EQ(QualifyCreate("CREATE DEFINER='a'@'%' FUNCTION `old`.`f`() RETURNS int RETURN 1", "s", "f", o),
            "CREATE FUNCTION `s`.`f`() RETURNS int RETURN 1");
  o.qualifier = "";
  EXPECT_EQ(QualifyCreate("CREATE TRIGGER `s`.`t` AFTER DELETE ON x FOR EACH ROW DELETE FROM y", "s", "t", o),
            "CREATE TRIGGER `t` AFTER DELETE ON x FOR EACH ROW DELETE FROM y");
  EXPECT_EQ(QualifyCreate("SELECT 1", "s", "t", o), "SELECT 1");
}

TEST(MysqlRender, ColumnsAndDefaults) {
  schema::Column c = Col("s", "varchar(10)");
  c.default_value = schema::Expr{schema::Expr::Kind::kRaw, "uuid()"};
  EXPECT_EQ(DefaultValue(c), "'uuid()'");  // Atlas quotes bare raw defaults of string columns
  c.default_value = schema::Expr{schema::Expr::Kind::kRaw, "(uuid())"};
  EXPECT_EQ(DefaultValue(c), "(uuid())");
  c.default_value = schema::Expr{schema::Expr::Kind::kLiteral, "a\\b'c"};
  EXPECT_EQ(DefaultValue(c), "'a\\\\b''c'");
  schema::Column g = Col("g", "int");
  g.generated = schema::GeneratedExpr{"a + 1", ""};
  EXPECT_EQ(*ColumnDef(g, nullptr, Flavor{}), "`g` int AS (a + 1) VIRTUAL");
  EXPECT_EQ(*ColumnDef(g, nullptr, ParseVersion("8.0.36")), "`g` int AS (a + 1) VIRTUAL NOT NULL");
  schema::Column inv = Col("i", "int unsigned", true);
  inv.options.Set("invisible", "true");
  inv.options.Set("charset", "utf8mb4");
  schema::Table t;
  t.options.Set("charset", "utf8mb4");
  EXPECT_EQ(*ColumnDef(inv, &t, Flavor{}), "`i` int unsigned NULL INVISIBLE");
  EXPECT_EQ(Quote("a`b"), "`a``b`");
  schema::Column txt = Col("t", "text");
  txt.default_value = schema::Expr{schema::Expr::Kind::kLiteral, "'x'"};
  EXPECT_EQ(*ColumnDef(txt, nullptr, Flavor{}), "`t` text NOT NULL DEFAULT 'x'");
  EXPECT_EQ(*ColumnDef(txt, nullptr, ParseVersion("8.0.36")), "`t` text NOT NULL DEFAULT ('x')");
}

}  // namespace
}  // namespace strata::dialect::mysql
