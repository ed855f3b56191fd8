#include "dialect/mysql/driver.h"

#include <gtest/gtest.h>

#include "dialect/mysql/inspect.h"
#include "migrate/scanner.h"

namespace strata::dialect::mysql {
namespace {

std::vector<std::string> Split(const std::string& sql) {
  auto stmts = migrate::ScanStmtTexts(sql, migrate::ScannerOptionsFor(migrate::ScanDialect::kMySQL));
  EXPECT_TRUE(stmts.ok()) << stmts.status().message();
  return stmts.ok() ? *stmts : std::vector<std::string>{};
}

TEST(MysqlScanner, BeginEndBodiesStayWhole) {
  auto s = Split(
      "CREATE TABLE t (id int);\n"
      "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n  IF NEW.id < 0 THEN SET NEW.id = 0; END IF;\n"
      "  SET @x = 1;\nEND;\n"
      "INSERT INTO t VALUES (1);\n");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[1],
            "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n  IF NEW.id < 0 THEN SET NEW.id = 0; END IF;\n"
            "  SET @x = 1;\nEND;");
}

TEST(MysqlScanner, DelimiterDirectives) {
  auto s = Split(
      "DELIMITER $$\n"
      "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND$$\n"
      "CREATE FUNCTION f() RETURNS int DETERMINISTIC RETURN 1$$\n"
      "DELIMITER ;\n"
      "CALL p();\n");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND");  // custom delimiter stripped
  EXPECT_EQ(s[1], "CREATE FUNCTION f() RETURNS int DETERMINISTIC RETURN 1");
  EXPECT_EQ(s[2], "CALL p();");
}

TEST(MysqlScanner, QuotesEscapesAndHashComments) {
  auto s = Split("# header\nINSERT INTO t VALUES ('a;\\'b', \"c;d\", `e;f`);\n-- x;\nSELECT 1;");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "INSERT INTO t VALUES ('a;\\'b', \"c;d\", `e;f`);");
  EXPECT_EQ(s[1], "SELECT 1;");
}

TEST(MysqlInspectParse, DefaultsInOneFormForBothServers) {
  Flavor maria;  // defaults: MariaDB 10.11
  Flavor mysql8{false, 8, 0, 36};
  using Kind = schema::Expr::Kind;
  auto def = [](const char* v, const char* type, const char* extra, const Flavor& f) {
    return ParseDefault(v == nullptr ? std::nullopt : std::optional<std::string>(v), type, extra, f);
  };
  // String literal: quoted by MariaDB, bare on MySQL.
  EXPECT_EQ(def("'it''s'", "varchar(10)", "", maria), (schema::Expr{Kind::kLiteral, "'it''s'"}));
  EXPECT_EQ(def("it's", "varchar(10)", "", mysql8), (schema::Expr{Kind::kLiteral, "'it''s'"}));
  EXPECT_EQ(def("0", "varchar(3)", "", mysql8), (schema::Expr{Kind::kLiteral, "'0'"}));
  // Numbers.
  EXPECT_EQ(def("0", "int(11)", "", maria), (schema::Expr{Kind::kLiteral, "0"}));
  EXPECT_EQ(def("1.50", "decimal(5,2)", "", mysql8), (schema::Expr{Kind::kLiteral, "1.50"}));
  // NULL.
  EXPECT_FALSE(def("NULL", "int(11)", "", maria).has_value());
  EXPECT_FALSE(def(nullptr, "int", "", mysql8).has_value());
  // CURRENT_TIMESTAMP spellings.
  EXPECT_EQ(def("current_timestamp()", "timestamp", "", maria), (schema::Expr{Kind::kRaw, "CURRENT_TIMESTAMP"}));
  EXPECT_EQ(def("current_timestamp(3)", "timestamp(3)", "", maria), (schema::Expr{Kind::kRaw, "CURRENT_TIMESTAMP(3)"}));
  EXPECT_EQ(def("CURRENT_TIMESTAMP", "timestamp", "DEFAULT_GENERATED", mysql8),
            (schema::Expr{Kind::kRaw, "CURRENT_TIMESTAMP"}));
  // Expressions.
  EXPECT_EQ(def("(1 + 2)", "int(11)", "", maria), (schema::Expr{Kind::kRaw, "1 + 2"}));
  EXPECT_EQ(def("(rand())", "double", "DEFAULT_GENERATED", mysql8), (schema::Expr{Kind::kRaw, "rand()"}));
  EXPECT_EQ(def("b'101'", "bit(3)", "", maria), (schema::Expr{Kind::kLiteral, "b'101'"}));
}

TEST(MysqlInspectParse, OnUpdateAndUnqualify) {
  EXPECT_EQ(OnUpdate("on update current_timestamp(3)"), "CURRENT_TIMESTAMP(3)");
  EXPECT_EQ(OnUpdate("DEFAULT_GENERATED on update CURRENT_TIMESTAMP"), "CURRENT_TIMESTAMP");
  EXPECT_EQ(OnUpdate("auto_increment"), "");
  EXPECT_EQ(Unqualify("select `db`.`t`.`id` AS `id` from `db`.`t` where `x` = '`db`.'", "db"),
            "select `t`.`id` AS `id` from `t` where `x` = '`db`.'");
  EXPECT_EQ(Unqualify("select `dbx`.`t`.`id` from `dbx`.`t`", "db"), "select `dbx`.`t`.`id` from `dbx`.`t`");
}

}  // namespace
}  // namespace strata::dialect::mysql
