#include <gtest/gtest.h>

#include <chrono>

#include "db/mysql/test_util.h"
#include "dialect/mysql/driver.h"
#include "dialect/mysql/inspect.h"
#include "dialect/mysql/queries.h"
#include "dialect/mysql/types.h"

namespace strata::dialect::mysql {
namespace {

using db::mysql::testing::CountingConn;
using db::mysql::testing::FreshDatabase;

Flavor ServerFlavor(db::mysql::MysqlConn& c) { return ParseVersion(c.ServerVersion()); }

void Exec(db::Conn& c, const std::string& sql) {
  Status st = c.Exec(sql);
  ASSERT_TRUE(st.ok()) << sql << ": " << st.message();
}

const schema::Column& Col(const schema::Table& t, const std::string& name) {
  const schema::Column* c = t.FindColumn(name);
  EXPECT_NE(c, nullptr) << name;
  static schema::Column none;
  return c != nullptr ? *c : none;
}

TEST(MysqlInspectIntegration, TablesColumnsDefaults) {
  STRATA_REQUIRE_MYSQL();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto c = db.Connect();
  ASSERT_NE(c, nullptr);
  Exec(*c,
       "CREATE TABLE t (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, a varchar(10) DEFAULT 'it''s', "
       "b int NOT NULL DEFAULT 0, c int NULL, "
       "d timestamp(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3), "
       "e int DEFAULT (1 + 2), j json, g int AS (b + 1) VIRTUAL, h int AS (b * 2) STORED INVISIBLE, "
       "k varchar(5) CHARACTER SET latin1 DEFAULT NULL, z int(5) zerofill, bb bit(3) DEFAULT b'101', "
       "en enum('x','y') DEFAULT 'x', dd decimal(5,2) DEFAULT 1.5, s varchar(3) DEFAULT '0' COMMENT 'cmt', "
       "n varchar(4) NOT NULL) COMMENT 'tc' AUTO_INCREMENT = 5 ENGINE = MyISAM");
  auto realm = InspectSchemas(*c, {db.name()}, ServerFlavor(*c));
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  ASSERT_EQ(realm->schemas.size(), 1u);
  const schema::Schema& s = realm->schemas[0];
  EXPECT_EQ(s.options.Get("charset"), "utf8mb4");
  EXPECT_FALSE(s.options.Get("collate").empty());
  ASSERT_EQ(s.tables.size(), 1u);
  const schema::Table& t = s.tables[0];
  EXPECT_EQ(t.comment, "tc");
  EXPECT_EQ(t.options.Get("engine"), "MyISAM");
  EXPECT_EQ(t.options.Get("auto_increment"), "5");
  EXPECT_FALSE(t.options.Has("charset"));  // the schema's
  ASSERT_TRUE(t.primary_key.has_value());
  EXPECT_EQ(t.primary_key->name, "");
  ASSERT_EQ(t.primary_key->parts.size(), 1u);
  EXPECT_EQ(t.primary_key->parts[0].column, "id");

  const auto& id = Col(t, "id");
  EXPECT_TRUE(id.type.is_unsigned);
  EXPECT_EQ(id.options.Get("auto_increment"), "true");
  EXPECT_FALSE(id.nullable);
  EXPECT_FALSE(id.default_value.has_value());

  const auto& a = Col(t, "a");
  ASSERT_TRUE(a.default_value.has_value());
  EXPECT_EQ(a.default_value->kind, schema::Expr::Kind::kLiteral);
  EXPECT_EQ(a.default_value->text, "'it''s'");
  EXPECT_FALSE(a.options.Has("charset"));
  EXPECT_FALSE(a.options.Has("collate"));
  EXPECT_TRUE(a.nullable);

  ASSERT_TRUE(Col(t, "b").default_value.has_value());
  EXPECT_EQ(Col(t, "b").default_value->text, "0");
  EXPECT_FALSE(Col(t, "c").default_value.has_value());  // NULL default = none
  EXPECT_FALSE(Col(t, "n").default_value.has_value());

  const auto& d = Col(t, "d");
  ASSERT_TRUE(d.default_value.has_value());
  EXPECT_EQ(d.default_value->kind, schema::Expr::Kind::kRaw);
  EXPECT_EQ(d.default_value->text, "CURRENT_TIMESTAMP(3)");
  EXPECT_EQ(d.options.Get("on_update"), "CURRENT_TIMESTAMP(3)");

  const auto& e = Col(t, "e");
  ASSERT_TRUE(e.default_value.has_value());
  EXPECT_EQ(e.default_value->kind, schema::Expr::Kind::kRaw);
  EXPECT_EQ(e.default_value->text, "1 + 2");

  EXPECT_EQ(Col(t, "j").type.name, "json");
  EXPECT_FALSE(Col(t, "j").options.Has("collate"));
  EXPECT_TRUE(t.checks.empty());  // MariaDB's json_valid check is the type

  ASSERT_TRUE(Col(t, "g").generated.has_value());
  EXPECT_EQ(Col(t, "g").generated->type, "VIRTUAL");
  EXPECT_EQ(Col(t, "g").generated->expr, "`b` + 1");
  ASSERT_TRUE(Col(t, "h").generated.has_value());
  EXPECT_EQ(Col(t, "h").generated->type, "STORED");
  EXPECT_EQ(Col(t, "h").options.Get("invisible"), "true");

  EXPECT_EQ(Col(t, "k").options.Get("charset"), "latin1");
  EXPECT_EQ(Col(t, "k").options.Get("collate"), "latin1_swedish_ci");
  EXPECT_TRUE(IsZerofill(Col(t, "z").type));
  EXPECT_EQ(Col(t, "bb").default_value->text, "b'101'");
  EXPECT_EQ(Col(t, "en").type.name, "enum");
  EXPECT_EQ(Col(t, "en").type.args, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(Col(t, "en").default_value->text, "'x'");
  EXPECT_EQ(Col(t, "dd").default_value->text, "1.50");
  EXPECT_EQ(Col(t, "s").default_value->text, "'0'");
  EXPECT_EQ(Col(t, "s").comment, "cmt");
  // Column order is the table's.
  EXPECT_EQ(t.columns.front().name, "id");
  EXPECT_EQ(t.columns.back().name, "n");
}

TEST(MysqlInspectIntegration, IndexesForeignKeysChecks) {
  STRATA_REQUIRE_MYSQL();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto c = db.Connect();
  ASSERT_NE(c, nullptr);
  Exec(*c, "CREATE TABLE p (a int NOT NULL, b int NOT NULL, PRIMARY KEY (a, b)) CHARSET latin1");
  Exec(*c,
       "CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int, b int, name varchar(100), body text, "
       "g geometry NOT NULL, CONSTRAINT fk FOREIGN KEY (a, b) REFERENCES p (a, b) ON DELETE CASCADE ON UPDATE SET NULL, "
       "UNIQUE KEY u (name(10) DESC, id), FULLTEXT KEY ft (body) COMMENT 'fts', SPATIAL KEY sp (g), "
       "CONSTRAINT positive CHECK (id > 0), CHECK (name <> ''))");
  Exec(*c, "CREATE TABLE h (x int, KEY hx (x) USING HASH) ENGINE = MEMORY");
  auto realm = InspectSchemas(*c, {db.name()}, ServerFlavor(*c));
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  const schema::Schema& s = realm->schemas[0];
  ASSERT_EQ(s.tables.size(), 3u);
  EXPECT_EQ(s.tables[0].name, "h");
  EXPECT_EQ(s.tables[1].name, "p");
  EXPECT_EQ(s.tables[1].options.Get("charset"), "latin1");
  EXPECT_EQ(s.tables[1].options.Get("collate"), "latin1_swedish_ci");
  ASSERT_EQ(s.tables[1].primary_key->parts.size(), 2u);
  EXPECT_EQ(s.tables[1].primary_key->parts[1].column, "b");
  const schema::Index* hx = s.tables[0].FindIndex("hx");
  ASSERT_NE(hx, nullptr);
  EXPECT_EQ(hx->options.Get("type"), "HASH");

  const schema::Table& t = s.tables[2];
  const schema::Index* u = t.FindIndex("u");
  ASSERT_NE(u, nullptr);
  EXPECT_TRUE(u->unique);
  ASSERT_EQ(u->parts.size(), 2u);
  EXPECT_EQ(u->parts[0].column, "name");
  EXPECT_EQ(u->parts[0].options.Get("prefix"), "10");
  EXPECT_TRUE(u->parts[0].desc);
  EXPECT_FALSE(u->parts[1].desc);
  EXPECT_FALSE(u->options.Has("type"));
  const schema::Index* ft = t.FindIndex("ft");
  ASSERT_NE(ft, nullptr);
  EXPECT_EQ(ft->options.Get("type"), "FULLTEXT");
  EXPECT_EQ(ft->comment, "fts");
  ASSERT_NE(t.FindIndex("sp"), nullptr);
  EXPECT_EQ(t.FindIndex("sp")->options.Get("type"), "SPATIAL");
  EXPECT_FALSE(t.FindIndex("sp")->parts[0].options.Has("prefix"));  // MariaDB says SUB_PART 32
  // The index the server created for the foreign key is an ordinary one.
  ASSERT_NE(t.FindIndex("fk"), nullptr);

  ASSERT_EQ(t.foreign_keys.size(), 1u);
  const schema::ForeignKey& fk = t.foreign_keys[0];
  EXPECT_EQ(fk.symbol, "fk");
  EXPECT_EQ(fk.columns, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(fk.ref_table, "p");
  EXPECT_EQ(fk.ref_schema, "");
  EXPECT_EQ(fk.ref_columns, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(fk.on_delete, schema::ReferenceAction::kCascade);
  EXPECT_EQ(fk.on_update, schema::ReferenceAction::kSetNull);

  ASSERT_EQ(t.checks.size(), 2u);
  const schema::Check* positive = nullptr;
  for (const auto& ck : t.checks)
    if (ck.name == "positive") positive = &ck;
  ASSERT_NE(positive, nullptr);
  EXPECT_EQ(positive->expr, "`id` > 0");
  EXPECT_FALSE(positive->options.Has("enforced"));
}

TEST(MysqlInspectIntegration, ViewsTriggersPartitions) {
  STRATA_REQUIRE_MYSQL();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto c = db.Connect();
  ASSERT_NE(c, nullptr);
  Exec(*c, "CREATE TABLE t (id int NOT NULL, v int, PRIMARY KEY (id)) "
           "PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN MAXVALUE)");
  Exec(*c, "CREATE TABLE l (id int NOT NULL) PARTITION BY LIST (id) (PARTITION a VALUES IN (1,2), PARTITION b VALUES IN (3))");
  Exec(*c, "CREATE VIEW v1 AS SELECT id, v FROM t WHERE v > 0 WITH LOCAL CHECK OPTION");
  Exec(*c, "CREATE SQL SECURITY INVOKER VIEW v2 AS SELECT id FROM v1");
  Exec(*c, "CREATE TRIGGER tb BEFORE INSERT ON t FOR EACH ROW SET NEW.v = COALESCE(NEW.v, 0)");
  Exec(*c, "CREATE TRIGGER ta AFTER UPDATE ON t FOR EACH ROW BEGIN\n  DELETE FROM l WHERE id = OLD.id;\nEND");
  auto realm = InspectSchemas(*c, {db.name()}, ServerFlavor(*c));
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  const schema::Schema& s = realm->schemas[0];
  ASSERT_EQ(s.tables.size(), 2u);
  EXPECT_EQ(s.FindTable("t")->options.Get("partition"),
            "PARTITION BY RANGE (`id`) (PARTITION `p0` VALUES LESS THAN (10), PARTITION `p1` VALUES LESS THAN MAXVALUE)");
  EXPECT_EQ(s.FindTable("l")->options.Get("partition"),
            "PARTITION BY LIST (`id`) (PARTITION `a` VALUES IN (1,2), PARTITION `b` VALUES IN (3))");
  ASSERT_EQ(s.views.size(), 2u);
  const schema::View& v1 = s.views[0];
  EXPECT_EQ(v1.name, "v1");
  EXPECT_EQ(v1.check_option, "LOCAL");
  EXPECT_EQ(v1.def.find(db.name()), std::string::npos) << v1.def;  // unqualified
  EXPECT_NE(v1.def.find("from `t`"), std::string::npos) << v1.def;
  EXPECT_EQ(v1.depends_on, (std::vector<std::string>{"table.t"}));
  ASSERT_EQ(v1.columns.size(), 2u);
  EXPECT_EQ(v1.columns[1].name, "v");
  const schema::View& v2 = s.views[1];
  EXPECT_EQ(v2.options.Get("security"), "INVOKER");
  EXPECT_EQ(v2.check_option, "");
  EXPECT_EQ(v2.depends_on, (std::vector<std::string>{"view.v1"}));

  ASSERT_EQ(s.triggers.size(), 2u);
  EXPECT_EQ(s.triggers[0].name, "ta");
  EXPECT_EQ(s.triggers[0].table, "t");
  EXPECT_EQ(s.triggers[0].options.Get("timing"), "AFTER");
  EXPECT_EQ(s.triggers[0].options.Get("events"), "UPDATE");
  EXPECT_EQ(s.triggers[0].def, "BEGIN\n  DELETE FROM l WHERE id = OLD.id;\nEND");
  EXPECT_EQ(s.triggers[1].def, "SET NEW.v = COALESCE(NEW.v, 0)");
  EXPECT_EQ(s.triggers[1].options.Get("timing"), "BEFORE");
  EXPECT_EQ(s.triggers[1].options.Get("events"), "INSERT");
  // Timing, event and body re-create the trigger: drop it and run it back.
  const schema::Trigger& ta = s.triggers[0];
  Exec(*c, "DROP TRIGGER ta");
  Exec(*c, "CREATE TRIGGER `ta` " + ta.options.Get("timing") + " " + ta.options.Get("events") + " ON `" + ta.table +
               "` FOR EACH ROW " + ta.def);
}

TEST(MysqlInspectIntegration, RoutinesAndEvents) {
  STRATA_REQUIRE_MYSQL();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto c = db.Connect();
  ASSERT_NE(c, nullptr);
  Exec(*c, "CREATE TABLE t (id int)");
  Exec(*c, "CREATE FUNCTION add1(x int) RETURNS int DETERMINISTIC NO SQL COMMENT 'plus one' RETURN x + 1");
  Exec(*c, "CREATE PROCEDURE fill(IN n int, OUT total int) SQL SECURITY INVOKER\nBEGIN\n  INSERT INTO t VALUES (n);\n"
           "  SELECT COUNT(*) INTO total FROM t;\nEND");
  Exec(*c, "CREATE EVENT cleanup ON SCHEDULE EVERY 1 DAY ON COMPLETION PRESERVE DISABLE DO DELETE FROM t");
  Exec(*c, "CREATE EVENT once ON SCHEDULE AT '2035-01-01 00:00:00' DO DELETE FROM t WHERE id < 0");
  Flavor f = ServerFlavor(*c);
  auto realm = InspectSchemas(*c, {db.name()}, f);
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  const auto& objs = realm->schemas[0].objects;
  ASSERT_EQ(objs.size(), 4u);
  // Sorted by Id: "event cleanup", "event once", "function add1", "procedure fill".
  EXPECT_EQ(objs[0].Id(), "event cleanup");
  EXPECT_EQ(objs[1].Id(), "event once");
  EXPECT_EQ(objs[2].Id(), "function add1");
  EXPECT_EQ(objs[3].Id(), "procedure fill");
  EXPECT_EQ(objs[1].def, "CREATE EVENT `once` ON SCHEDULE AT '2035-01-01 00:00:00' DO DELETE FROM t WHERE id < 0");
  EXPECT_EQ(objs[0].options.Get("schedule"), "EVERY 1 DAY");
  EXPECT_EQ(objs[0].options.Get("status"), "DISABLE");
  EXPECT_EQ(objs[0].def, "CREATE EVENT `cleanup` ON SCHEDULE EVERY 1 DAY ON COMPLETION PRESERVE DISABLE DO DELETE FROM t");
  const schema::Object& fn = objs[2];
  EXPECT_EQ(fn.comment, "plus one");
  EXPECT_EQ(fn.options.Get("deterministic"), "true");
  EXPECT_EQ(fn.options.Get("data_access"), "NO SQL");
  EXPECT_EQ(fn.def, "CREATE FUNCTION `add1`(`x` " + std::string(f.mariadb ? "int(11)" : "int") + ") RETURNS " +
                        (f.mariadb ? "int(11)" : "int") + " DETERMINISTIC NO SQL COMMENT 'plus one'\nRETURN x + 1");
  const schema::Object& proc = objs[3];
  EXPECT_EQ(proc.options.Get("security"), "INVOKER");
  EXPECT_NE(proc.options.Get("args").find("IN `n`"), std::string::npos) << proc.options.Get("args");
  EXPECT_NE(proc.options.Get("args").find("OUT `total`"), std::string::npos);
  // Every definition re-creates its object as it was.
  Exec(*c, "DROP FUNCTION add1");
  Exec(*c, "DROP PROCEDURE fill");
  Exec(*c, "DROP EVENT cleanup");
  Exec(*c, "DROP EVENT once");
  for (const auto& o : objs) Exec(*c, o.def);
  auto again = InspectSchemas(*c, {db.name()}, f);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->schemas[0].objects, objs);
}

// Inspection costs the same number of queries for 1 table and for 200, and
// 200 tables inspect quickly.
TEST(MysqlInspectIntegration, FixedQueryCount) {
  STRATA_REQUIRE_MYSQL();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto c = db.Connect();
  ASSERT_NE(c, nullptr);
  Flavor f = ServerFlavor(*c);
  Exec(*c, "CREATE TABLE t0 (id int PRIMARY KEY, name varchar(10), KEY (name))");
  CountingConn one(*c);
  ASSERT_TRUE(InspectSchemas(one, {db.name()}, f).ok());
  EXPECT_EQ(one.queries, kInspectQueries);
  for (int i = 1; i < 200; ++i) {
    std::string n = std::to_string(i), prev = std::to_string(i - 1);
    Exec(*c, "CREATE TABLE t" + n + " (id int PRIMARY KEY, a int, b varchar(20), KEY ia (a), KEY ib (b), "
             "CONSTRAINT fk" + n + " FOREIGN KEY (a) REFERENCES t" + prev + " (id))");
  }
  CountingConn many(*c);
  auto start = std::chrono::steady_clock::now();
  auto realm = InspectSchemas(many, {db.name()}, f);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  EXPECT_EQ(many.queries, kInspectQueries);
  EXPECT_EQ(realm->schemas[0].tables.size(), 200u);
  EXPECT_EQ(realm->schemas[0].FindTable("t199")->foreign_keys.size(), 1u);
  std::printf("inspect of 200 tables: %d queries, %lld ms\n", many.queries, static_cast<long long>(ms));
  // A realm inspection of several schemas costs the same.
  FreshDatabase other;
  ASSERT_TRUE(other.ok());
  CountingConn two(*c);
  auto both = InspectSchemas(two, {db.name(), other.name()}, f);
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->schemas.size(), 2u);
  EXPECT_EQ(two.queries, kInspectQueries);
}

TEST(MysqlInspectIntegration, DriverInspectSchemaAndScope) {
  STRATA_REQUIRE_MYSQL();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto d = OpenDriver(db.url());
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ((*d)->BoundSchema(), db.name());
  EXPECT_EQ((*d)->Name(), "mysql");
  ASSERT_TRUE((*d)->Conn().Exec("CREATE TABLE a (id int)").ok());
  ASSERT_TRUE((*d)->Conn().Exec("CREATE TABLE b (id int)").ok());
  InspectOptions opts;
  opts.exclude = {"b"};
  auto s = (*d)->InspectSchema("", opts);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->name, db.name());
  ASSERT_EQ(s->tables.size(), 1u);
  EXPECT_EQ(s->tables[0].name, "a");
  auto missing = (*d)->InspectSchema("strata_no_such_schema", {});
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace strata::dialect::mysql
