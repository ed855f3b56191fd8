// Round trip of everything the HCL goldens cannot hold, on the server of
// $STRATA_MYSQL_URL: a database with views, triggers (BEGIN ... END),
// functions, procedures and events is created with plain SQL, inspected,
// planned into a second database from nothing (realm scope, no default
// database: every name must be qualified), inspected again and compared -
// no change may remain; DROP DATABASE and its reverse must give the same
// database back, and the reverse statements must undo the plan.
#include <gtest/gtest.h>
#include <unistd.h>

#include "db/mysql/test_util.h"
#include "dialect/mysql/diff_hooks.h"
#include "dialect/mysql/inspect.h"
#include "dialect/mysql/plan.h"
#include "dialect/mysql/render.h"
#include "diff/differ.h"

namespace strata::dialect::mysql {
namespace {

void Rename(schema::Realm& r, const std::string& from, const std::string& to) {
  for (auto& s : r.schemas) {
    if (s.name != from) continue;
    s.name = to;
    for (auto& t : s.tables) {
      t.schema = to;
      for (auto& fk : t.foreign_keys)
        if (fk.ref_schema == from) fk.ref_schema = to;
    }
    for (auto& v : s.views) v.schema = to;
    for (auto& t : s.triggers) t.schema = to;
    for (auto& o : s.objects) o.schema = to;
  }
}

TEST(MysqlPlanIntegration, RoutinesEventsTriggersViewsRoundTrip) {
  STRATA_REQUIRE_MYSQL();
  auto url = Url::Parse(db::mysql::testing::ServerUrl());
  ASSERT_TRUE(url.ok());
  url->path = "/";
  auto conn = db::mysql::OpenMysql(*url);
  ASSERT_TRUE(conn.ok()) << conn.status().message();
  db::mysql::MysqlConn& c = **conn;
  const Flavor f = ParseVersion(c.ServerVersion());
  const std::string a = "strata_pa_" + std::to_string(getpid()), b = "strata_pb_" + std::to_string(getpid());
  for (const auto& n : {a, b}) ASSERT_TRUE(c.Exec("DROP DATABASE IF EXISTS " + Quote(n)).ok());
  // Dropped however the test ends (the server is shared).
  struct Cleanup {
    db::Conn& c;
    std::vector<std::string> names;
    ~Cleanup() {
      for (const auto& n : names) (void)c.Exec("DROP DATABASE IF EXISTS " + Quote(n));
    }
  } cleanup{c, {a, b}};
  const std::vector<std::string> setup = {
      "CREATE DATABASE " + Quote(a),
      "CREATE TABLE " + Quote(a) + ".items (id int NOT NULL PRIMARY KEY, qty int NOT NULL DEFAULT 0)",
      "CREATE TABLE " + Quote(a) + ".audit (id int NOT NULL, op varchar(10) NOT NULL)",
      "CREATE VIEW " + Quote(a) + ".big AS SELECT id, qty FROM " + Quote(a) + ".items WHERE qty > 10",
      "CREATE TRIGGER " + Quote(a) + ".items_ai AFTER INSERT ON items FOR EACH ROW BEGIN\n"
      "  INSERT INTO audit (id, op) VALUES (NEW.id, 'insert');\n"
      "  INSERT INTO audit (id, op) VALUES (NEW.id, 'again');\nEND",
      "CREATE FUNCTION " + Quote(a) + ".twice(x int) RETURNS int DETERMINISTIC RETURN x * 2",
      "CREATE PROCEDURE " + Quote(a) + ".restock(IN n int) SQL SECURITY INVOKER COMMENT 'adds stock'\n"
      "BEGIN\n  UPDATE items SET qty = qty + n;\n  SELECT COUNT(*) FROM items;\nEND",
      "CREATE EVENT " + Quote(a) + ".nightly ON SCHEDULE EVERY 1 DAY ON COMPLETION PRESERVE DISABLE "
      "DO DELETE FROM audit WHERE id < 0",
      // Column and table features, as the server reports them after its own
      // rewriting (display widths, quoted defaults, json as longtext).
      "CREATE TABLE " + Quote(a) + ".kinds (id int unsigned NOT NULL AUTO_INCREMENT, z int(5) zerofill, "
      "j json, e enum('a','it''s') NOT NULL DEFAULT 'it''s', b bit(3) DEFAULT b'101', "
      "d decimal(6,2) NOT NULL DEFAULT 1.5, f float DEFAULT NULL, flag bool NOT NULL DEFAULT true, "
      "ts timestamp(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3), "
      "g int AS (h * 2) STORED, v varchar(20) AS (concat(e, 'x')) VIRTUAL, "
      "h int INVISIBLE DEFAULT 7, l varchar(100) CHARACTER SET latin1 COLLATE latin1_bin, "
      "body text, pt point NOT NULL, "
      "PRIMARY KEY (id), UNIQUE KEY uz (z), KEY lp (l(10), id DESC), FULLTEXT KEY ft (body), SPATIAL KEY sp (pt), "
      "CONSTRAINT positive CHECK (d > 0)) ENGINE=InnoDB AUTO_INCREMENT=100 COMMENT 'all kinds'",
      "CREATE TABLE " + Quote(a) + ".mem (k char(8) NOT NULL, PRIMARY KEY (k)) ENGINE=MEMORY",
      "CREATE TABLE " + Quote(a) + ".parts (id int NOT NULL, PRIMARY KEY (id)) PARTITION BY RANGE (id) "
      "(PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN MAXVALUE)",
      "CREATE TABLE " + Quote(a) + ".child (id int NOT NULL, item int, PRIMARY KEY (id), "
      "CONSTRAINT child_item FOREIGN KEY (item) REFERENCES " + Quote(a) + ".items (id) ON DELETE SET NULL)",
  };
  for (const auto& s : setup) ASSERT_TRUE(c.Exec(s).ok()) << s;

  auto inspected = InspectSchemas(c, {a}, f);
  ASSERT_TRUE(inspected.ok()) << inspected.status().message();
  schema::Realm want = *inspected;
  ASSERT_EQ(want.schemas.size(), 1u);
  EXPECT_EQ(want.schemas[0].objects.size(), 3u);
  EXPECT_EQ(want.schemas[0].triggers.size(), 1u);
  Rename(want, a, b);

  MysqlDiffHooks hooks(f);
  auto changes = diff::DiffRealm(schema::Realm{}, want, hooks);
  ASSERT_TRUE(changes.ok());
  auto p = PlanChanges(*changes, {}, f);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->delimiter, "\n-- end");
  EXPECT_TRUE(p->reversible);
  for (const auto& ch : p->changes) {
    Status st = c.Exec(ch.cmd);
    ASSERT_TRUE(st.ok()) << ch.cmd << ": " << st.message();
  }

  auto got = InspectSchemas(c, {b}, f);
  ASSERT_TRUE(got.ok()) << got.status().message();
  auto left = diff::DiffRealm(*got, want, hooks);
  ASSERT_TRUE(left.ok());
  if (!left->empty()) {
    auto lp = PlanChanges(*left, {}, f);
    ADD_FAILURE() << left->size() << " changes remain:\n" << (lp.ok() ? plan::FormatSQL(*lp) : lp.status().message());
  }

  // DROP DATABASE and its reverse give the same database back.
  {
    auto drop = PlanChanges({schema::DropSchema{got->schemas[0]}}, {}, f);
    ASSERT_TRUE(drop.ok()) << drop.status().message();
    ASSERT_EQ(drop->changes.size(), 1u);
    ASSERT_TRUE(c.Exec(drop->changes[0].cmd).ok());
    for (const auto& r : drop->changes[0].reverse) {
      Status st = c.Exec(r);
      ASSERT_TRUE(st.ok()) << r << ": " << st.message();
    }
    auto again = InspectSchemas(c, {b}, f);
    ASSERT_TRUE(again.ok()) << again.status().message();
    auto diff = diff::DiffRealm(*again, want, hooks);
    ASSERT_TRUE(diff.ok());
    EXPECT_TRUE(diff->empty()) << diff->size() << " changes after re-creating the dropped database";
  }

  // The reverse, last change first, removes everything again.
  for (auto it = p->changes.rbegin(); it != p->changes.rend(); ++it) {
    for (const auto& r : it->reverse) {
      Status st = c.Exec(r);
      EXPECT_TRUE(st.ok()) << r << ": " << st.message();
    }
  }
  auto after = c.Query("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", {b});
  ASSERT_TRUE(after.ok()) << after.status().message();
  ASSERT_EQ(after->rows.size(), 1u);
  EXPECT_EQ(after->rows[0][0].value_or(""), "0");
}

}  // namespace
}  // namespace strata::dialect::mysql
