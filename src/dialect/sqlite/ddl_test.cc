#include "dialect/sqlite/ddl.h"

#include <gtest/gtest.h>

namespace strata::dialect::sqlite::ddl {
namespace {

TEST(TokenizeTest, QuotesCommentsAndOffsets) {
  auto toks = Tokenize("CREATE /* c */ \"a\"\"b\" `x``y` [z w] 'it''s' x'0F' -- tail\n 1.5e3 ?2 ||");
  ASSERT_TRUE(toks.ok());
  ASSERT_EQ(toks->size(), 9u);
  EXPECT_TRUE((*toks)[0].Is("create"));
  EXPECT_EQ((*toks)[1].kind, TokenKind::kQuoted);
  EXPECT_EQ((*toks)[1].value, "a\"b");
  EXPECT_EQ((*toks)[2].value, "x`y");
  EXPECT_EQ((*toks)[3].value, "z w");
  EXPECT_EQ((*toks)[4].kind, TokenKind::kString);
  EXPECT_EQ((*toks)[4].text, "'it''s'");
  EXPECT_EQ((*toks)[5].kind, TokenKind::kBlob);
  EXPECT_EQ((*toks)[6].kind, TokenKind::kNumber);
  EXPECT_EQ((*toks)[6].text, "1.5e3");
  EXPECT_EQ((*toks)[7].kind, TokenKind::kParam);
  EXPECT_EQ((*toks)[8].text, "||");
  EXPECT_EQ((*toks)[1].offset, 15u);
  EXPECT_FALSE(Tokenize("SELECT 'open").ok());
  EXPECT_FALSE(Tokenize("SELECT [open").ok());
}

TEST(ParseCreateTableTest, EverythingTheTextHolds) {
  const char* sql = R"(CREATE TABLE IF NOT EXISTS main."order items" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  [name] varchar(255) NOT NULL COLLATE NOCASE CONSTRAINT name_ne CHECK (name <> ''),
  price DECIMAL(10, 2) DEFAULT (0.0) CHECK (price >= 0),
  total INT GENERATED ALWAYS AS (price * 2) STORED,
  label AS (upper(name)),
  `user` INT CONSTRAINT fk_user REFERENCES users (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  other INT REFERENCES others ON UPDATE NO ACTION,
  -- a comment, with a comma
  CONSTRAINT pos CHECK ((price > 0) AND (total > 0)),
  UNIQUE (name, price) ON CONFLICT REPLACE,
  CHECK (id > 0),
  FOREIGN KEY (id, name) REFERENCES parent (a, b) MATCH SIMPLE,
  CONSTRAINT "named fk" FOREIGN KEY (price) REFERENCES p2(x)
) WITHOUT ROWID, STRICT)";
  auto t = ParseCreateTable(sql);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->name, "order items");
  ASSERT_EQ(t->columns.size(), 7u);
  EXPECT_EQ(t->columns[0].type, "INTEGER");
  EXPECT_TRUE(t->columns[0].primary_key);
  EXPECT_TRUE(t->columns[0].autoincrement);
  EXPECT_EQ(t->columns[1].name, "name");
  EXPECT_EQ(t->columns[1].type, "varchar(255)");
  EXPECT_EQ(t->columns[1].collate, "NOCASE");
  EXPECT_EQ(t->columns[2].type, "DECIMAL(10, 2)");
  EXPECT_TRUE(t->columns[3].generated);
  EXPECT_EQ(t->columns[3].generated_expr, "price * 2");
  EXPECT_EQ(t->columns[3].generated_type, "STORED");
  EXPECT_EQ(t->columns[4].type, "");
  EXPECT_EQ(t->columns[4].generated_expr, "upper(name)");
  EXPECT_EQ(t->columns[4].generated_type, "");
  EXPECT_EQ(t->columns[5].name, "user");

  ASSERT_EQ(t->checks.size(), 4u);
  EXPECT_EQ(t->checks[0].name, "name_ne");
  EXPECT_EQ(t->checks[0].expr, "name <> ''");
  EXPECT_EQ(t->checks[1].name, "");
  EXPECT_EQ(t->checks[1].expr, "price >= 0");
  EXPECT_EQ(t->checks[2].name, "pos");
  EXPECT_EQ(t->checks[2].expr, "(price > 0) AND (total > 0)");
  EXPECT_EQ(t->checks[3].expr, "id > 0");

  ASSERT_EQ(t->foreign_keys.size(), 4u);
  EXPECT_EQ(t->foreign_keys[0].name, "fk_user");
  EXPECT_EQ(t->foreign_keys[0].columns, std::vector<std::string>{"user"});
  EXPECT_EQ(t->foreign_keys[0].ref_table, "users");
  EXPECT_EQ(t->foreign_keys[0].ref_columns, std::vector<std::string>{"id"});
  EXPECT_TRUE(t->foreign_keys[0].deferrable);
  EXPECT_TRUE(t->foreign_keys[0].initially_deferred);
  EXPECT_EQ(t->foreign_keys[1].ref_table, "others");
  EXPECT_TRUE(t->foreign_keys[1].ref_columns.empty());
  EXPECT_EQ(t->foreign_keys[2].columns, (std::vector<std::string>{"id", "name"}));
  EXPECT_EQ(t->foreign_keys[2].ref_columns, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(t->foreign_keys[3].name, "named fk");
  EXPECT_TRUE(t->without_rowid);
  EXPECT_TRUE(t->strict);
  EXPECT_NE(t->FindColumn("NAME"), nullptr);
}

TEST(ParseCreateTableTest, DefaultsDoNotConfuseTheScanner) {
  auto t = ParseCreateTable(
      "CREATE TABLE t (a TEXT DEFAULT 'x, y' NOT NULL, b INT DEFAULT -1 CHECK (b < 0), "
      "c DEFAULT CURRENT_TIMESTAMP, d BLOB DEFAULT x'00' COLLATE rtrim, e DEFAULT (1 + (2)))");
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->columns.size(), 5u);
  EXPECT_EQ(t->columns[3].collate, "rtrim");
  ASSERT_EQ(t->checks.size(), 1u);
  EXPECT_EQ(t->checks[0].expr, "b < 0");
  auto as = ParseCreateTable("CREATE TABLE t2 AS SELECT 1 AS x");
  ASSERT_TRUE(as.ok());
  EXPECT_TRUE(as->as_select);
}

TEST(ParseCreateIndexTest, PartsAndPredicate) {
  auto i = ParseCreateIndex(
      "CREATE UNIQUE INDEX IF NOT EXISTS \"ix\" ON `t` (a DESC, b COLLATE NOCASE ASC, lower(c) DESC, "
      "(d || ', ' || e), [f g]) WHERE a > 0 AND c IS NOT NULL");
  ASSERT_TRUE(i.ok()) << i.status().message();
  EXPECT_EQ(i->name, "ix");
  EXPECT_EQ(i->table, "t");
  EXPECT_TRUE(i->unique);
  ASSERT_EQ(i->parts.size(), 5u);
  EXPECT_EQ(i->parts[0].column, "a");
  EXPECT_TRUE(i->parts[0].desc);
  EXPECT_EQ(i->parts[1].column, "b");
  EXPECT_EQ(i->parts[1].collate, "NOCASE");
  EXPECT_FALSE(i->parts[1].desc);
  EXPECT_EQ(i->parts[2].expr, "lower(c)");
  EXPECT_TRUE(i->parts[2].desc);
  EXPECT_EQ(i->parts[3].expr, "(d || ', ' || e)");
  EXPECT_EQ(i->parts[4].column, "f g");
  EXPECT_EQ(i->where, "a > 0 AND c IS NOT NULL");
}

TEST(ParseCreateViewTest, BodyIsVerbatim) {
  auto v = ParseCreateView("CREATE VIEW IF NOT EXISTS v (x, y) AS\n  SELECT a, b FROM t -- why\n;");
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->name, "v");
  EXPECT_EQ(v->columns, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(v->select, "SELECT a, b FROM t");
  EXPECT_FALSE(ParseCreateView("CREATE VIEW v").ok());
}

TEST(ParseCreateTableTest, CommentsAtTheEdgesOfExpressionsAreDropped) {
  // Re-rendered as CHECK (<expr>), a trailing line comment would comment
  // out the closing parenthesis.
  auto t = ParseCreateTable(
      "CREATE TABLE t (a INT CHECK ( /* lead */ a > 0 -- positive\n  AND a < 9 -- small\n))");
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->checks.size(), 1u);
  EXPECT_EQ(t->checks[0].expr, "a > 0 -- positive\n  AND a < 9");
  auto i = ParseCreateIndex("CREATE INDEX i ON t (a) WHERE a > 0 -- only positive");
  ASSERT_TRUE(i.ok());
  EXPECT_EQ(i->where, "a > 0");
}

TEST(ParseErrorsTest, NameTheStatement) {
  auto t = ParseCreateTable("CREATE TABLE t (a INT");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Code::kParse);
  EXPECT_NE(t.status().message().find("CREATE TABLE t (a INT"), std::string::npos);
}

}  // namespace
}  // namespace strata::dialect::sqlite::ddl
