// Inspection of enums, domains, composites, sequences and extensions on a
// live server, and a plan round trip: create from the inspected state in an
// empty database, inspect again, no difference.
#include <gtest/gtest.h>

#include "db/pq/test_util.h"
#include "dialect/postgres/diff_hooks.h"
#include "dialect/postgres/inspect.h"
#include "dialect/postgres/plan.h"
#include "diff/differ.h"

namespace strata::dialect::postgres {
namespace {

using db::pq::testing::CountingConn;
using db::pq::testing::FreshDatabase;

constexpr char kTypes[] = R"sql(
CREATE SCHEMA app;
CREATE EXTENSION hstore WITH SCHEMA app;
CREATE TYPE app.status AS ENUM ('active', 'disabled', 'it''s');
COMMENT ON TYPE app.status IS 'user status';
CREATE DOMAIN app.posint AS integer DEFAULT 1 NOT NULL CONSTRAINT positive CHECK (VALUE > 0);
CREATE DOMAIN app.code AS text COLLATE "C" CHECK (length(VALUE) < 10) CHECK (VALUE <> '');
CREATE TYPE app.address AS (street text, zip varchar(10) COLLATE "C", st app.status);
CREATE SEQUENCE app.counter AS integer INCREMENT BY -2 CACHE 5 CYCLE;
CREATE SEQUENCE app.owned START WITH 7;
CREATE TABLE app.users (
  id serial PRIMARY KEY,
  ident bigint GENERATED ALWAYS AS IDENTITY,
  status app.status NOT NULL DEFAULT 'active',
  tags app.status[],
  qty app.posint,
  addr app.address,
  n bigint DEFAULT nextval('app.owned'),
  attrs app.hstore
);
ALTER SEQUENCE app.owned OWNED BY app.users.n;
)sql";

class TypesIntegration : public ::testing::Test {
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

TEST_F(TypesIntegration, InspectsEveryKind) {
  auto st = conn_->Exec(kTypes);
  ASSERT_TRUE(st.ok()) << st.message();
  auto realm = InspectSchemas(*conn_, {"app"});
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  const schema::Schema& s = realm->schemas[0];
  std::vector<std::string> ids;
  for (const auto& o : s.objects) ids.push_back(o.Id());
  // hstore's own types (hstore, ghstore) and the serial/identity sequences
  // are not objects of their own.
  EXPECT_EQ(ids, (std::vector<std::string>{"composite address", "domain code", "domain posint", "enum status",
                                           "sequence counter", "sequence owned", "extension hstore"}));
  const schema::Object* en = s.FindObject("enum status");
  ASSERT_NE(en, nullptr);
  EXPECT_EQ(en->values, (std::vector<std::string>{"active", "disabled", "it's"}));
  EXPECT_EQ(en->comment, "user status");
  const schema::Object* d = s.FindObject("domain posint");
  EXPECT_EQ(d->def, "integer");
  EXPECT_EQ(d->options.Get("null"), "false");
  EXPECT_EQ(d->options.Get("default"), "1");
  EXPECT_EQ(d->options.Get("check.positive.expr"), "VALUE > 0");
  const schema::Object* code = s.FindObject("domain code");
  EXPECT_EQ(code->options.Get("collate"), "C");
  EXPECT_EQ(code->options.Get("check.code_check.expr"), "length(VALUE) < 10");
  const schema::Object* c = s.FindObject("composite address");
  EXPECT_EQ(c->values, (std::vector<std::string>{"street", "zip", "st"}));
  EXPECT_EQ(c->options.Get("field.zip.type"), "varchar(10)");
  EXPECT_EQ(c->options.Get("field.zip.collate"), "C");
  EXPECT_EQ(c->options.Get("field.st.type"), "status");
  const schema::Object* q = s.FindObject("sequence counter");
  EXPECT_EQ(q->options.Get("type"), "integer");
  EXPECT_EQ(q->options.Get("increment"), "-2");
  EXPECT_EQ(q->options.Get("cache"), "5");
  EXPECT_EQ(q->options.Get("cycle"), "true");
  EXPECT_FALSE(q->options.Has("start"));  // -1, the default of a descending sequence
  EXPECT_FALSE(q->options.Has("min_value"));
  const schema::Object* o = s.FindObject("sequence owned");
  EXPECT_EQ(o->options.Get("owned_by"), "users.n");
  EXPECT_EQ(o->options.Get("start"), "7");
  const schema::Table* t = s.FindTable("users");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->FindColumn("status")->type.raw, "status");
  EXPECT_EQ(t->FindColumn("status")->type.schema, "app");
  EXPECT_EQ(t->FindColumn("tags")->type.raw, "status[]");
  EXPECT_EQ(t->FindColumn("qty")->type.raw, "posint");
  EXPECT_EQ(t->FindColumn("addr")->type.raw, "address");
  EXPECT_EQ(t->FindColumn("attrs")->type.schema, "");  // a base type, from the extension
}

TEST_F(TypesIntegration, PlanRoundTrip) {
  auto st = conn_->Exec(kTypes);
  ASSERT_TRUE(st.ok()) << st.message();
  auto realm = InspectSchemas(*conn_, {"app"});
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  FreshDatabase other;
  ASSERT_TRUE(other.ok());
  auto conn2 = other.Connect();
  ASSERT_NE(conn2, nullptr);
  PostgresDiffHooks hooks;
  auto changes = diff::DiffRealm(schema::Realm{}, *realm, hooks);
  ASSERT_TRUE(changes.ok()) << changes.status().message();
  auto plan = PlanChanges(*changes, {});
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  for (const auto& c : plan->changes) {
    auto s = conn2->Exec(c.cmd);
    ASSERT_TRUE(s.ok()) << c.cmd << ": " << s.message();
  }
  auto again = InspectSchemas(*conn2, {"app"});
  ASSERT_TRUE(again.ok()) << again.status().message();
  auto diff = diff::DiffRealm(*realm, *again, hooks);
  ASSERT_TRUE(diff.ok());
  EXPECT_TRUE(diff->empty()) << diff->size() << " changes";
  // And the reverse plan drops everything again.
  for (auto it = plan->changes.rbegin(); it != plan->changes.rend(); ++it)
    for (const auto& r : it->reverse) {
      auto s = conn2->Exec(r);
      ASSERT_TRUE(s.ok()) << r << ": " << s.message();
    }
  auto empty = InspectSchemas(*conn2, {"app"});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->schemas.empty() || (empty->schemas[0].objects.empty() && empty->schemas[0].tables.empty()));
}

TEST_F(TypesIntegration, QueryCountIsConstant) {
  auto count_for = [&](int n) {
    std::string sql = "DROP SCHEMA IF EXISTS s CASCADE; CREATE SCHEMA s;";
    for (int i = 0; i < n; ++i) {
      std::string k = std::to_string(i);
      sql += "CREATE TYPE s.e" + k + " AS ENUM ('a'); CREATE DOMAIN s.d" + k + " AS int CHECK (VALUE > 0);"
             "CREATE SEQUENCE s.q" + k + ";";
    }
    EXPECT_TRUE(conn_->Exec(sql).ok());
    CountingConn counting(*conn_);
    auto realm = InspectSchemas(counting, {"s"});
    EXPECT_TRUE(realm.ok());
    if (realm.ok()) EXPECT_EQ(realm->schemas[0].objects.size(), static_cast<size_t>(3 * n));
    return counting.queries;
  };
  EXPECT_EQ(count_for(5), count_for(100));
}

}  // namespace
}  // namespace strata::dialect::postgres
