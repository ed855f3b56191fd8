#include "db/sqlite/script.h"

#include <gtest/gtest.h>

namespace strata::db::sqlite {
namespace {

TEST(SplitScriptTest, StatementsWithPositions) {
  std::string sql =
      "-- header comment; with a semicolon\n"
      "CREATE TABLE t (a TEXT DEFAULT ';');\n"
      "  /* block; */ INSERT INTO t VALUES ('x;y');\n"
      "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n"
      "  UPDATE t SET a = 'b';\n"
      "  DELETE FROM t WHERE a = 'c';\n"
      "END;\n"
      ";;\n"
      "SELECT 1";
  auto stmts = SplitScript(sql);
  ASSERT_EQ(stmts.size(), 4u);
  EXPECT_EQ(stmts[0].text, "CREATE TABLE t (a TEXT DEFAULT ';');");
  EXPECT_EQ(stmts[0].line, 2);
  EXPECT_EQ(stmts[0].column, 1);
  EXPECT_EQ(stmts[1].text, "INSERT INTO t VALUES ('x;y');");
  EXPECT_EQ(stmts[1].line, 3);
  EXPECT_EQ(stmts[1].column, 16);
  EXPECT_EQ(stmts[2].line, 4);
  EXPECT_NE(stmts[2].text.find("END;"), std::string::npos);
  EXPECT_EQ(stmts[3].text, "SELECT 1");
  EXPECT_EQ(stmts[3].line, 9);
  EXPECT_EQ(sql.substr(stmts[3].offset, 8), "SELECT 1");
}

TEST(SplitScriptTest, EmptyAndCommentOnly) {
  EXPECT_TRUE(SplitScript("").empty());
  EXPECT_TRUE(SplitScript("  -- nothing\n/* here */ ;\n").empty());
}

}  // namespace
}  // namespace strata::db::sqlite
