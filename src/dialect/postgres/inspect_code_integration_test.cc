// Inspection of views, materialized views, functions, procedures, triggers
// and policies against a real PostgreSQL ($STRATA_PG_URL), one fresh
// database per test.
#include <gtest/gtest.h>

#include "base/strings.h"
#include "db/pq/test_util.h"
#include "dialect/postgres/inspect.h"
#include "dialect/postgres/routines.h"
#include "spec/trigger_events.h"

namespace strata::dialect::postgres {
namespace {

using db::pq::testing::CountingConn;
using db::pq::testing::FreshDatabase;

constexpr char kCode[] = R"sql(
CREATE SCHEMA c;
CREATE TABLE c.t (id int PRIMARY KEY, name text, amount numeric);
CREATE VIEW c.v1 AS SELECT id, name FROM c.t WHERE id > 0 WITH CASCADED CHECK OPTION;
CREATE VIEW c.v2 AS SELECT v1.id FROM c.v1;
CREATE MATERIALIZED VIEW c.m AS SELECT id, amount FROM c.t;
CREATE UNIQUE INDEX m_id ON c.m (id);
CREATE INDEX m_amount ON c.m (amount DESC) INCLUDE (id) WHERE amount > 0;
COMMENT ON MATERIALIZED VIEW c.m IS 'totals';
CREATE FUNCTION c.f(a int, b text DEFAULT 'x, y', OUT o int) LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT a $$;
CREATE FUNCTION c.f(a int) RETURNS SETOF c.t LANGUAGE sql STABLE AS $$ SELECT * FROM c.t WHERE id = a $$;
CREATE FUNCTION c.g() RETURNS TABLE(x int, "Y" text) LANGUAGE plpgsql SECURITY DEFINER LEAKPROOF PARALLEL RESTRICTED
  AS $$ BEGIN RETURN QUERY SELECT 1, 'y'::text; END $$;
CREATE FUNCTION c.h(int) RETURNS int LANGUAGE sql RETURN $1 + 1;
CREATE PROCEDURE c.p(INOUT x int, VARIADIC r int[]) LANGUAGE sql AS $$ SELECT 1 $$;
COMMENT ON PROCEDURE c.p(int, int[]) IS 'proc';
CREATE FUNCTION c.tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER "Tr" AFTER UPDATE OF name, amount OR DELETE ON c.t FOR EACH ROW WHEN (OLD.id > 0) EXECUTE FUNCTION c.tf('a', 'it''s');
CREATE TRIGGER st BEFORE TRUNCATE ON c.t EXECUTE FUNCTION c.tf();
ALTER TABLE c.t ENABLE ROW LEVEL SECURITY;
CREATE POLICY pr ON c.t AS RESTRICTIVE FOR UPDATE TO CURRENT_USER USING (id > 0) WITH CHECK (amount >= 0);
CREATE POLICY pa ON c.t USING (true);
)sql";

class InspectCodeIntegration : public ::testing::Test {
 protected:
  void SetUp() override {
    if (db::pq::testing::ServerUrl().empty()) GTEST_SKIP() << "STRATA_PG_URL is not set";
    db_ = std::make_unique<FreshDatabase>();
    ASSERT_TRUE(db_->ok());
    conn_ = db_->Connect();
    ASSERT_NE(conn_, nullptr);
  }
  std::unique_ptr<FreshDatabase> db_;
  std::unique_ptr<db::pq::PqConn> conn_;
};

const schema::Object* Find(const schema::Schema& s, const std::string& id) { return s.FindObject(id); }

TEST_F(InspectCodeIntegration, ViewsAndMaterializedViews) {
  ASSERT_TRUE(conn_->Exec(kCode).ok());
  auto realm = InspectSchemas(*conn_, {"c"});
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  const schema::Schema& s = realm->schemas[0];
  ASSERT_EQ(s.views.size(), 3u);
  const schema::View* v1 = s.FindView("v1");
  ASSERT_NE(v1, nullptr);
  EXPECT_FALSE(v1->materialized);
  EXPECT_EQ(v1->check_option, "CASCADED");
  EXPECT_NE(v1->def.find("WHERE (t.id > 0)"), std::string::npos) << v1->def;
  EXPECT_NE(v1->def.back(), ';');
  EXPECT_EQ(v1->depends_on, std::vector<std::string>{"table.c.t"});
  ASSERT_EQ(v1->columns.size(), 2u);
  EXPECT_EQ(v1->columns[1].name, "name");
  EXPECT_EQ(s.FindView("v2")->depends_on, std::vector<std::string>{"view.c.v1"});
  const schema::View* m = s.FindView("m");
  ASSERT_TRUE(m->materialized);
  EXPECT_EQ(m->comment, "totals");
  ASSERT_EQ(m->indexes.size(), 2u);
  EXPECT_EQ(m->indexes[0].name, "m_amount");
  EXPECT_TRUE(m->indexes[0].parts[0].desc);
  EXPECT_EQ(m->indexes[0].options.Get("include"), "id");
  EXPECT_EQ(m->indexes[0].where, "amount > 0::numeric");
  EXPECT_TRUE(m->indexes[1].unique);
  EXPECT_EQ(m->indexes[1].parts[0].column, "id");
}

TEST_F(InspectCodeIntegration, RoutinesWithOverloads) {
  ASSERT_TRUE(conn_->Exec(kCode).ok());
  auto realm = InspectSchemas(*conn_, {"c"});
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  const schema::Schema& s = realm->schemas[0];
  const schema::Object* f2 = Find(s, "function f(integer, text)");
  const schema::Object* f1 = Find(s, "function f(integer)");
  ASSERT_NE(f2, nullptr);
  ASSERT_NE(f1, nullptr);
  auto args = RoutineArgs(*f2);
  ASSERT_EQ(args.size(), 3u);
  EXPECT_EQ(args[1].default_expr, "'x, y'::text");
  EXPECT_EQ(args[2].mode, "OUT");
  EXPECT_EQ(f2->options.Get("return"), "integer");
  EXPECT_EQ(f2->options.Get("volatility"), "IMMUTABLE");
  EXPECT_TRUE(f2->options.Flag("strict"));
  EXPECT_EQ(Trim(f2->def), "SELECT a");
  EXPECT_EQ(f1->options.Get("return"), "SETOF c.t");
  const schema::Object* g = Find(s, "function g()");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->options.Get("return"), "TABLE(x integer, \"Y\" text)");
  EXPECT_TRUE(g->values.empty());
  EXPECT_EQ(g->options.Get("security"), "DEFINER");
  EXPECT_TRUE(g->options.Flag("leakproof"));
  EXPECT_EQ(g->options.Get("parallel"), "RESTRICTED");
  EXPECT_EQ(g->options.Get("lang"), "plpgsql");
  const schema::Object* h = Find(s, "function h(integer)");
  ASSERT_NE(h, nullptr);
  EXPECT_TRUE(h->options.Flag("sql_body"));
  EXPECT_EQ(h->def, "RETURN ($1 + 1)");
  const schema::Object* p = Find(s, "procedure p(integer, integer[])");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->comment, "proc");
  EXPECT_FALSE(p->options.Has("return"));
  EXPECT_EQ(RoutineArgs(*p)[1].mode, "VARIADIC");
}

TEST_F(InspectCodeIntegration, TriggersAndPolicies) {
  ASSERT_TRUE(conn_->Exec(kCode).ok());
  auto realm = InspectSchemas(*conn_, {"c"});
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  const schema::Schema& s = realm->schemas[0];
  const schema::Trigger* tr = s.FindTrigger("Tr");
  ASSERT_NE(tr, nullptr);
  EXPECT_EQ(tr->table, "t");
  EXPECT_EQ(tr->options.Get(spec::kTriggerTiming), "AFTER");
  EXPECT_EQ(tr->options.Get(spec::kTriggerEvents), "DELETE OR UPDATE OF name, amount");
  EXPECT_EQ(tr->options.Get(spec::kTriggerForEach), "ROW");
  EXPECT_EQ(tr->options.Get(spec::kTriggerWhen), "old.id > 0");
  EXPECT_EQ(tr->def, "EXECUTE FUNCTION c.tf('a', 'it''s')");
  const schema::Trigger* st = s.FindTrigger("st");
  ASSERT_NE(st, nullptr);
  EXPECT_EQ(st->options.Get(spec::kTriggerEvents), "TRUNCATE");
  EXPECT_EQ(st->options.Get(spec::kTriggerForEach), "STATEMENT");
  const schema::Table* t = s.FindTable("t");
  EXPECT_EQ(t->options.Get("row_security_enabled"), "true");
  EXPECT_FALSE(t->options.Has("row_security_enforced"));
  const schema::Object* pr = Find(s, "policy pr ON t");
  ASSERT_NE(pr, nullptr);
  EXPECT_EQ(pr->options.Get("table"), "t");
  EXPECT_EQ(pr->options.Get("as"), "RESTRICTIVE");
  EXPECT_EQ(pr->options.Get("for"), "UPDATE");
  EXPECT_FALSE(pr->options.Get("to").empty());
  EXPECT_EQ(pr->options.Get("using"), "id > 0");
  EXPECT_EQ(pr->options.Get("check"), "amount >= (0)::numeric");
  const schema::Object* pa = Find(s, "policy pa ON t");
  ASSERT_NE(pa, nullptr);
  EXPECT_FALSE(pa->options.Has("as"));
  EXPECT_FALSE(pa->options.Has("for"));
  EXPECT_FALSE(pa->options.Has("to"));
}

// The number of catalog queries does not depend on how many views,
// routines, triggers and policies there are.
TEST_F(InspectCodeIntegration, QueryCountIsConstant) {
  auto count_for = [&](int n) {
    std::string sql = "DROP SCHEMA IF EXISTS q CASCADE; CREATE SCHEMA q; CREATE TABLE q.t (id int);"
                      "CREATE FUNCTION q.tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"
                      "ALTER TABLE q.t ENABLE ROW LEVEL SECURITY;";
    for (int i = 0; i < n; ++i) {
      std::string k = std::to_string(i);
      sql += "CREATE VIEW q.v" + k + " AS SELECT id FROM q.t;";
      sql += "CREATE MATERIALIZED VIEW q.m" + k + " AS SELECT id FROM q.t; CREATE INDEX mi" + k + " ON q.m" + k + " (id);";
      sql += "CREATE FUNCTION q.f" + k + "(int) RETURNS int LANGUAGE sql AS 'SELECT 1';";
      sql += "CREATE TRIGGER tr" + k + " BEFORE INSERT ON q.t FOR EACH ROW EXECUTE FUNCTION q.tf();";
      sql += "CREATE POLICY p" + k + " ON q.t USING (true);";
    }
    EXPECT_TRUE(conn_->Exec(sql).ok());
    CountingConn counting(*conn_);
    auto realm = InspectSchemas(counting, {"q"});
    EXPECT_TRUE(realm.ok()) << realm.status().message();
    if (realm.ok()) {
      const schema::Schema& s = realm->schemas[0];
      EXPECT_EQ(s.views.size(), static_cast<size_t>(2 * n));
      EXPECT_EQ(s.triggers.size(), static_cast<size_t>(n));
      EXPECT_EQ(s.objects.size(), static_cast<size_t>(2 * n + 1));  // functions, policies, tf
    }
    return counting.queries;
  };
  int small = count_for(2);
  int large = count_for(40);
  EXPECT_EQ(small, large);
}

}  // namespace
}  // namespace strata::dialect::postgres
