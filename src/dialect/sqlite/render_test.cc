#include "dialect/sqlite/render.h"

#include <gtest/gtest.h>

#include "dialect/sqlite/types.h"

namespace strata::dialect::sqlite {
namespace {

schema::Column Col(const std::string& name, const std::string& type, bool nullable = false) {
  schema::Column c;
  c.name = name;
  c.type = SqliteTypes().ParseSQL(type);
  c.nullable = nullable;
  return c;
}

schema::Expr Lit(const std::string& s) { return {schema::Expr::Kind::kLiteral, s}; }
schema::Expr Raw(const std::string& s) { return {schema::Expr::Kind::kRaw, s}; }

// The expected strings below are Atlas's (sql/sqlite/migrate_test.go and
// internal/integration/testdata/sqlite).
TEST(RenderTest, CreateTableLikeAtlas) {
  schema::Table t;
  t.name = "posts";
  t.columns = {Col("id", "integer"), Col("text", "text", true)};
  t.checks = {{"", "text <> ''", {}}, {"positive_id", "(id <> 0)", {}}};
  EXPECT_EQ(*CreateTable(t, {}),
            "CREATE TABLE `posts` (`id` integer NOT NULL, `text` text NULL, CHECK (text <> ''), "
            "CONSTRAINT `positive_id` CHECK (id <> 0))");
  t.columns[0].options.Set("auto_increment", "true");
  EXPECT_EQ(*CreateTable(t, {}),
            "CREATE TABLE `posts` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `text` text NULL, "
            "CHECK (text <> ''), CONSTRAINT `positive_id` CHECK (id <> 0))");
  // With the primary key set on the auto-increment column, it stays inline.
  t.primary_key = schema::Index{"", true, {{"id", "", false, {}}}, "", "", {}, false};
  EXPECT_EQ(*CreateTable(t, {}),
            "CREATE TABLE `posts` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `text` text NULL, "
            "CHECK (text <> ''), CONSTRAINT `positive_id` CHECK (id <> 0))");
}

TEST(RenderTest, DefaultsAndGeneratedColumns) {
  schema::Table t;
  t.name = "new_users";
  t.columns = {Col("id", "bigint"),   Col("rank", "int"), Col("nick", "text"),   Col("nid", "bigint"),
               Col("ts", "datetime"), Col("b", "blob"),   Col("flag", "boolean")};
  t.columns[1].default_value = Lit("1");
  t.columns[2].default_value = Lit("a8m");
  t.columns[3].generated = schema::GeneratedExpr{"1", "STORED"};
  t.columns[4].default_value = Raw("CURRENT_TIMESTAMP");
  t.columns[5].default_value = Lit("x'00'");
  t.columns[6].default_value = Lit("true");
  t.checks = {{"", "(id <> 0)", {}}};
  EXPECT_EQ(*CreateTable(t, {}),
            "CREATE TABLE `new_users` (`id` bigint NOT NULL, `rank` int NOT NULL DEFAULT 1, "
            "`nick` text NOT NULL DEFAULT 'a8m', `nid` bigint NOT NULL AS (1) STORED, "
            "`ts` datetime NOT NULL DEFAULT (CURRENT_TIMESTAMP), `b` blob NOT NULL DEFAULT x'00', "
            "`flag` boolean NOT NULL DEFAULT true, CHECK (id <> 0))");
  schema::Column gen = Col("nid", "bigint");
  gen.generated = schema::GeneratedExpr{"1", ""};
  EXPECT_EQ(*ColumnDef(gen), "`nid` bigint NOT NULL AS (1)");
  gen.options.Set("auto_increment", "true");
  EXPECT_FALSE(ColumnDef(gen).ok());
  schema::Column coll = Col("name", "varchar(255)");
  coll.options.Set("collate", "NOCASE");
  EXPECT_EQ(*ColumnDef(coll), "`name` varchar(255) NOT NULL COLLATE NOCASE");
}

TEST(RenderTest, IndentedTablesAndOptions) {
  schema::Table t;
  t.name = "t1";
  t.columns = {Col("a", "int"), Col("b", "int"), Col("id", "int")};
  t.primary_key = schema::Index{"", true, {{"id", "", false, {}}}, "", "", {}, false};
  schema::ForeignKey fk;
  fk.symbol = "fk1";
  fk.columns = {"a"};
  fk.ref_table = "t2";
  fk.ref_columns = {"a"};
  t.foreign_keys = {fk};
  fk.symbol = "fk2";
  fk.on_delete = schema::ReferenceAction::kCascade;
  fk.on_update = schema::ReferenceAction::kNoAction;
  t.foreign_keys.push_back(fk);
  t.checks = {{"ck1", "a > 0", {}}};
  RenderOptions o;
  o.indent = "  ";
  EXPECT_EQ(
      *CreateTable(t, o),
      "CREATE TABLE `t1` (\n"
      "  `a` int NOT NULL,\n"
      "  `b` int NOT NULL,\n"
      "  `id` int NOT NULL,\n"
      "  PRIMARY KEY (`id`),\n"
      "  CONSTRAINT `fk1` FOREIGN KEY (`a`) REFERENCES `t2` (`a`),\n"
      "  CONSTRAINT `fk2` FOREIGN KEY (`a`) REFERENCES `t2` (`a`) ON UPDATE NO ACTION ON DELETE CASCADE,\n"
      "  CONSTRAINT `ck1` CHECK (a > 0)\n"
      ")");
  schema::Table opt;
  opt.name = "t1";
  opt.columns = {Col("id", "integer")};
  opt.primary_key = t.primary_key;
  opt.options.Set("strict", "true");
  opt.options.Set("without_rowid", "true");
  EXPECT_EQ(*CreateTable(opt, {}),
            "CREATE TABLE `t1` (`id` integer NOT NULL, PRIMARY KEY (`id`)) WITHOUT ROWID, STRICT");
  opt.options.Erase("without_rowid");
  EXPECT_EQ(*CreateTable(opt, {}, /*if_not_exists=*/true),
            "CREATE TABLE IF NOT EXISTS `t1` (`id` integer NOT NULL, PRIMARY KEY (`id`)) STRICT");
  RenderOptions q;
  q.qualifier = "other";
  EXPECT_EQ(*CreateTable(opt, q),
            "CREATE TABLE `other`.`t1` (`id` integer NOT NULL, PRIMARY KEY (`id`)) STRICT");
}

TEST(RenderTest, Indexes) {
  schema::Index expr{"full_name", false, {{"", "first_name || ' ' || last_name", false, {}}}, "", "",
                     {},          false};
  EXPECT_EQ(*CreateIndex("users", expr),
            "CREATE INDEX `full_name` ON `users` ((first_name || ' ' || last_name))");
  schema::Index partial{"users_name", false, {{"name", "", false, {}}}, "active", "", {}, false};
  EXPECT_EQ(*CreateIndex("users", partial), "CREATE INDEX `users_name` ON `users` (`name`) WHERE active");
  schema::Index multi{"i", true, {{"a", "", true, {}}, {"", "(lower(b))", true, {}}}, "", "", {}, false};
  multi.parts[0].options.Set("collate", "NOCASE");
  EXPECT_EQ(*CreateIndex("t", multi),
            "CREATE UNIQUE INDEX `i` ON `t` (`a` COLLATE NOCASE DESC, (lower(b)) DESC)");
  // UNIQUE-constraint indexes get Atlas's <table>_<columns> name.
  schema::Index autoidx{
      "sqlite_autoindex_t_1", true, {{"a", "", false, {}}, {"b", "", false, {}}}, "", "", {}, true};
  EXPECT_EQ(*IndexName("t", autoidx), "t_a_b");
  EXPECT_EQ(*CreateIndex("t", autoidx), "CREATE UNIQUE INDEX `t_a_b` ON `t` (`a`, `b`)");
  EXPECT_EQ(DropIndex("we`ird"), "DROP INDEX `we``ird`");
  schema::Index noname;
  EXPECT_FALSE(CreateIndex("t", noname).ok());
}

TEST(RenderTest, ViewsAndTriggers) {
  schema::View v;
  v.name = "v";
  v.def = "SELECT 1;";
  EXPECT_EQ(CreateView(v, {}), "CREATE VIEW `v` AS SELECT 1");
  EXPECT_EQ(DropView(v, {}), "DROP VIEW `v`");
  schema::Trigger full;
  full.name = "tr";
  full.table = "t";
  full.def = "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;";
  EXPECT_EQ(*CreateTrigger(full), "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END");
  schema::Trigger body = full;
  body.def = "INSERT INTO log VALUES (new.id);";
  body.options.Set("timing", "AFTER");
  body.options.Set("events", "UPDATE OF a, b");
  body.options.Set("for_each", "ROW");
  body.options.Set("when", "new.a > 0");
  EXPECT_EQ(*CreateTrigger(body),
            "CREATE TRIGGER `tr` AFTER UPDATE OF `a`, `b` ON `t` FOR EACH ROW WHEN new.a > 0 "
            "BEGIN INSERT INTO log VALUES (new.id); END");
  body.options.Set("events", "INSERT OR DELETE");
  EXPECT_FALSE(CreateTrigger(body).ok());
  EXPECT_EQ(DropTrigger(full), "DROP TRIGGER `tr`");
}

TEST(TypesTest, FamiliesAndFormatting) {
  auto T = [](const std::string& s) { return SqliteTypes().ParseSQL(s); };
  EXPECT_EQ(ClassOf(T("int")), ClassOf(T("INTEGER")));
  EXPECT_EQ(ClassOf(T("varchar(10)")), ClassOf(T("TEXT")));
  EXPECT_NE(ClassOf(T("text")), ClassOf(T("blob")));
  EXPECT_EQ(ClassOf(T("unsigned big int")), TypeClass::kInteger);
  EXPECT_EQ(ClassOf(ParseColumnType("")), TypeClass::kBinary);
  EXPECT_EQ(ClassOf(T("money")), TypeClass::kUserDefined);
  EXPECT_EQ(FormatType(T("VARCHAR(255)")), "varchar(255)");
  EXPECT_EQ(FormatType(T("Double Precision")), "double precision");
  EXPECT_EQ(FormatType(T("decimal(10, 2)")), "decimal(10,2)");
  EXPECT_EQ(FormatType(ParseColumnType("")), "blob");
  EXPECT_EQ(FormatType(T("MyType(3)")), "MyType(3)");
}

}  // namespace
}  // namespace strata::dialect::sqlite
