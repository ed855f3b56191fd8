#include "dialect/sqlite/inspect.h"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include "dialect/sqlite/test_util.h"

namespace strata::dialect::sqlite {
namespace {

using testing::CountingConn;
using testing::MemoryConn;
using testing::MustExec;

constexpr char kRichSchema[] = R"(
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL COLLATE NOCASE,
  name varchar(255) DEFAULT 'anon',
  age INT DEFAULT 18 CHECK (age >= 0),
  score REAL DEFAULT -1.5,
  created DATETIME DEFAULT CURRENT_TIMESTAMP,
  note TEXT DEFAULT NULL,
  upper_name TEXT GENERATED ALWAYS AS (upper(name)) STORED,
  lower_name AS (lower(name)),
  UNIQUE (email),
  CONSTRAINT adult CHECK (age < 200)
);
CREATE INDEX users_name ON users (name DESC, age) WHERE age > 0;
CREATE INDEX users_expr ON users (lower(email), (age + 1) DESC, name COLLATE RTRIM);
CREATE TABLE posts (
  id INT NOT NULL,
  author INT REFERENCES users (id) ON DELETE CASCADE,
  editor INT,
  title TEXT,
  PRIMARY KEY (id, title),
  CONSTRAINT posts_editor FOREIGN KEY (editor) REFERENCES users ON UPDATE SET NULL
) WITHOUT ROWID;
CREATE TABLE tags (k TEXT PRIMARY KEY, v ANY) STRICT;
CREATE VIEW recent AS SELECT p.id, u.email FROM posts p JOIN users u ON u.id = p.author;
CREATE TRIGGER users_touch AFTER UPDATE OF name ON users BEGIN UPDATE users SET note = 'x' WHERE id = new.id; END;
CREATE VIRTUAL TABLE IF NOT EXISTS ignored USING rtree(id, minx, maxx);
)";

TEST(InspectTest, RichSchema) {
  auto conn = MemoryConn();
  MustExec(*conn, kRichSchema);
  auto s = InspectMain(*conn);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->name, "main");
  ASSERT_EQ(s->tables.size(), 3u);  // no virtual, shadow or sqlite_* tables

  const schema::Table& users = s->tables[0];
  EXPECT_EQ(users.name, "users");
  EXPECT_EQ(users.schema, "main");
  ASSERT_EQ(users.columns.size(), 9u);
  const schema::Column& id = users.columns[0];
  EXPECT_EQ(id.type.raw, "INTEGER");
  EXPECT_EQ(id.type.name, "integer");
  EXPECT_TRUE(id.nullable);  // INTEGER PRIMARY KEY does not imply NOT NULL
  EXPECT_EQ(id.options.Get("auto_increment"), "true");
  EXPECT_FALSE(users.columns[1].nullable);
  EXPECT_EQ(users.columns[1].options.Get("collate"), "NOCASE");
  EXPECT_EQ(users.columns[2].type.name, "varchar");
  EXPECT_EQ(users.columns[2].type.args, std::vector<std::string>{"255"});
  using K = schema::Expr::Kind;
  EXPECT_EQ(users.columns[2].default_value, (schema::Expr{K::kLiteral, "'anon'"}));
  EXPECT_EQ(users.columns[3].default_value, (schema::Expr{K::kLiteral, "18"}));
  EXPECT_EQ(users.columns[4].default_value, (schema::Expr{K::kLiteral, "-1.5"}));
  EXPECT_EQ(users.columns[5].default_value, (schema::Expr{K::kRaw, "CURRENT_TIMESTAMP"}));
  EXPECT_EQ(users.columns[6].default_value, (schema::Expr{K::kRaw, "NULL"}));
  EXPECT_EQ(users.columns[7].generated, (schema::GeneratedExpr{"upper(name)", "STORED"}));
  EXPECT_EQ(users.columns[8].generated, (schema::GeneratedExpr{"lower(name)", "VIRTUAL"}));
  EXPECT_EQ(users.columns[8].type.raw, "");
  EXPECT_EQ(users.columns[8].type.name, "blob");
  ASSERT_TRUE(users.primary_key);
  EXPECT_EQ(users.primary_key->name, "");
  ASSERT_EQ(users.primary_key->parts.size(), 1u);
  EXPECT_EQ(users.primary_key->parts[0].column, "id");

  ASSERT_EQ(users.checks.size(), 2u);
  EXPECT_EQ(users.checks[0], (schema::Check{"", "age >= 0", {}}));
  EXPECT_EQ(users.checks[1], (schema::Check{"adult", "age < 200", {}}));

  // pragma_index_list order: newest first.
  ASSERT_EQ(users.indexes.size(), 3u);
  const schema::Index& expr = users.indexes[0];
  EXPECT_EQ(expr.name, "users_expr");
  ASSERT_EQ(expr.parts.size(), 3u);
  EXPECT_EQ(expr.parts[0].expr, "lower(email)");
  EXPECT_EQ(expr.parts[1].expr, "(age + 1)");
  EXPECT_TRUE(expr.parts[1].desc);
  EXPECT_EQ(expr.parts[2].column, "name");
  EXPECT_EQ(expr.parts[2].options.Get("collate"), "RTRIM");
  const schema::Index& partial = users.indexes[1];
  EXPECT_EQ(partial.name, "users_name");
  EXPECT_FALSE(partial.unique);
  EXPECT_EQ(partial.where, "age > 0");
  ASSERT_EQ(partial.parts.size(), 2u);
  EXPECT_TRUE(partial.parts[0].desc);
  EXPECT_EQ(partial.parts[1].column, "age");
  const schema::Index& uniq = users.indexes[2];
  EXPECT_EQ(uniq.name, "sqlite_autoindex_users_1");
  EXPECT_TRUE(uniq.unique);
  EXPECT_TRUE(uniq.implicit);
  // The column's own NOCASE is not an index collation.
  EXPECT_TRUE(uniq.parts[0].options.empty());

  const schema::Table& posts = s->tables[1];
  EXPECT_EQ(posts.options.Get("without_rowid"), "true");
  ASSERT_TRUE(posts.primary_key);
  EXPECT_EQ(posts.primary_key->parts.size(), 2u);
  EXPECT_TRUE(posts.indexes.empty());  // the WITHOUT ROWID key is the primary key
  ASSERT_EQ(posts.foreign_keys.size(), 2u);
  // Ordered by pragma id: SQLite numbers the last declared key 0.
  EXPECT_EQ(posts.foreign_keys[0].symbol, "posts_editor");
  EXPECT_EQ(posts.foreign_keys[0].columns, std::vector<std::string>{"editor"});
  EXPECT_EQ(posts.foreign_keys[0].ref_columns, std::vector<std::string>{"id"});  // the parent's PK
  EXPECT_EQ(posts.foreign_keys[0].on_update, schema::ReferenceAction::kSetNull);
  EXPECT_EQ(posts.foreign_keys[0].on_delete, schema::ReferenceAction::kNoAction);
  EXPECT_EQ(posts.foreign_keys[1].symbol, "1");  // unnamed: the pragma id, as Atlas
  EXPECT_EQ(posts.foreign_keys[1].ref_table, "users");
  EXPECT_EQ(posts.foreign_keys[1].on_delete, schema::ReferenceAction::kCascade);

  const schema::Table& tags = s->tables[2];
  EXPECT_EQ(tags.options.Get("strict"), "true");
  EXPECT_FALSE(tags.options.Has("without_rowid"));
  ASSERT_EQ(tags.indexes.size(), 0u);  // TEXT PRIMARY KEY autoindex has origin "pk"

  ASSERT_EQ(s->views.size(), 1u);
  EXPECT_EQ(s->views[0].def, "SELECT p.id, u.email FROM posts p JOIN users u ON u.id = p.author");
  EXPECT_EQ(s->views[0].depends_on, (std::vector<std::string>{"table.posts", "table.users"}));
  ASSERT_EQ(s->triggers.size(), 1u);
  EXPECT_EQ(s->triggers[0].table, "users");
  EXPECT_EQ(s->triggers[0].def.substr(0, 27), "CREATE TRIGGER users_touch ");
}

TEST(InspectTest, EmptyDatabase) {
  auto conn = MemoryConn();
  auto s = InspectMain(*conn);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_TRUE(s->tables.empty());
  EXPECT_TRUE(s->views.empty());
}

TEST(InspectTest, TempTablesAreNotMain) {
  auto conn = MemoryConn();
  MustExec(*conn, "CREATE TABLE t (a INT); CREATE TEMP TABLE t (b TEXT); CREATE TEMP TABLE only_temp (c)");
  auto s = InspectMain(*conn);
  ASSERT_TRUE(s.ok()) << s.status().message();
  ASSERT_EQ(s->tables.size(), 1u);
  ASSERT_EQ(s->tables[0].columns.size(), 1u);
  EXPECT_EQ(s->tables[0].columns[0].name, "a");
}

// 1,000 tables of 10 columns, a primary key, 2 indexes and a foreign key.
void CreateTables(db::Conn& conn, int n) {
  std::string sql = "BEGIN;";
  for (int i = 0; i < n; ++i) {
    std::string t = "t" + std::to_string(i);
    sql += "CREATE TABLE " + t +
           " (id INTEGER PRIMARY KEY, c1 TEXT NOT NULL, c2 INT DEFAULT 0, c3 REAL, "
           "c4 BLOB, c5 TEXT COLLATE NOCASE, c6 INT CHECK (c6 > 0), c7 DATETIME DEFAULT CURRENT_TIMESTAMP, "
           "c8 varchar(20), parent INT REFERENCES " +
           (i == 0 ? t : "t" + std::to_string(i - 1)) + " (id));";
    sql += "CREATE INDEX " + t + "_c1 ON " + t + " (c1);";
    sql += "CREATE UNIQUE INDEX " + t + "_c2c3 ON " + t + " (c2, c3 DESC) WHERE c2 > 0;";
  }
  MustExec(conn, sql + "COMMIT;");
}

TEST(InspectTest, FixedNumberOfQueries) {
  for (int n : {0, 10, 1000}) {
    auto conn = MemoryConn();
    CreateTables(*conn, n);
    CountingConn counting(conn.get());
    auto s = InspectMain(counting);
    ASSERT_TRUE(s.ok()) << s.status().message();
    EXPECT_EQ(static_cast<int>(s->tables.size()), n);
    EXPECT_EQ(counting.queries, kInspectQueries) << n << " tables";
    EXPECT_EQ(counting.execs, 0);
  }
}

TEST(InspectTest, ThousandTablesWellUnderASecond) {
  auto conn = MemoryConn();
  CreateTables(*conn, 1000);
  auto start = std::chrono::steady_clock::now();
  auto s = InspectMain(*conn);
  auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(s.ok()) << s.status().message();
  ASSERT_EQ(s->tables.size(), 1000u);
  const schema::Table& t = s->tables[999];
  EXPECT_EQ(t.columns.size(), 10u);
  EXPECT_EQ(t.indexes.size(), 2u);
  EXPECT_EQ(t.foreign_keys.size(), 1u);
  EXPECT_EQ(t.checks.size(), 1u);
  ::testing::Test::RecordProperty("inspect_1000_tables_ms", static_cast<int>(ms));
  std::cout << "inspect of 1,000 tables: " << ms << " ms\n";
  EXPECT_LT(ms, 1000);
}

}  // namespace
}  // namespace strata::dialect::sqlite
