// Inspection against a real PostgreSQL ($STRATA_PG_URL), one fresh database
// per test.
#include <gtest/gtest.h>

#include "db/pq/test_util.h"
#include "dialect/postgres/driver.h"
#include "dialect/postgres/inspect.h"

namespace strata::dialect::postgres {
namespace {

using db::pq::testing::CountingConn;
using db::pq::testing::FreshDatabase;

constexpr char kRichSchema[] = R"sql(
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the app';
CREATE TABLE app.users (
  id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 5) PRIMARY KEY,
  email character varying(255) NOT NULL COLLATE "C",
  name text DEFAULT 'anon'::text,
  score numeric(10,2) DEFAULT '-1.5',
  active boolean NOT NULL DEFAULT true,
  created timestamp(3) with time zone NOT NULL DEFAULT now(),
  tags text[],
  lower_email text GENERATED ALWAYS AS (lower(email::text)) STORED,
  CONSTRAINT users_email_key UNIQUE (email),
  CONSTRAINT name_len CHECK (length(name) < 100) NO INHERIT
);
ALTER TABLE app.users ADD CONSTRAINT score_positive CHECK (score > 0) NOT VALID;
COMMENT ON TABLE app.users IS 'people';
COMMENT ON COLUMN app.users.email IS 'login';
CREATE TABLE app.posts (
  id serial PRIMARY KEY,
  user_id bigint,
  title text NOT NULL,
  body jsonb,
  CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES app.users (id)
    ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX posts_title_lower ON app.posts (lower(title) DESC NULLS LAST, id);
CREATE UNIQUE INDEX posts_title_partial ON app.posts (title) INCLUDE (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX posts_body ON app.posts USING gin (body jsonb_path_ops);
CREATE UNIQUE INDEX posts_nnd ON app.posts (user_id) NULLS NOT DISTINCT;
COMMENT ON INDEX app.posts_body IS 'search';
CREATE INDEX posts_id_brin ON app.posts USING brin (id) WITH (pages_per_range = 16);
CREATE INDEX posts_title_c ON app.posts (title COLLATE "C");
CREATE TABLE app.pairs (a int, b int, PRIMARY KEY (a, b), UNIQUE (b, a) DEFERRABLE);
)sql";

class InspectIntegration : public ::testing::Test {
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

TEST_F(InspectIntegration, RichSchema) {
  ASSERT_TRUE(conn_->Exec(kRichSchema).ok());
  auto realm = InspectSchemas(*conn_, {});
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  ASSERT_EQ(realm->schemas.size(), 2u);  // app, public
  const schema::Schema* app = realm->FindSchema("app");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->comment, "the app");
  ASSERT_EQ(app->tables.size(), 3u);
  EXPECT_EQ(app->tables[0].name, "pairs");  // name order

  const schema::Table* users = app->FindTable("users");
  ASSERT_NE(users, nullptr);
  EXPECT_EQ(users->comment, "people");
  ASSERT_EQ(users->columns.size(), 8u);
  const schema::Column& id = users->columns[0];
  EXPECT_EQ(id.type.name, "bigint");
  EXPECT_FALSE(id.nullable);
  EXPECT_EQ(id.options.Get("identity"), "ALWAYS");
  EXPECT_EQ(id.options.Get("identity_start"), "100");
  EXPECT_EQ(id.options.Get("identity_increment"), "5");
  EXPECT_FALSE(id.default_value.has_value());
  const schema::Column* email = users->FindColumn("email");
  EXPECT_EQ(email->type.raw, "varchar(255)");
  EXPECT_EQ(email->type.args, std::vector<std::string>{"255"});
  EXPECT_EQ(email->options.Get("collate"), "C");
  EXPECT_EQ(email->comment, "login");
  const schema::Column* name = users->FindColumn("name");
  EXPECT_TRUE(name->nullable);
  ASSERT_TRUE(name->default_value.has_value());
  EXPECT_EQ(name->default_value->kind, schema::Expr::Kind::kLiteral);
  EXPECT_EQ(name->default_value->text, "'anon'");
  EXPECT_EQ(users->FindColumn("score")->default_value->text, "-1.5");
  EXPECT_EQ(users->FindColumn("active")->default_value->text, "true");
  const schema::Column* created = users->FindColumn("created");
  EXPECT_EQ(created->type.raw, "timestamptz(3)");
  EXPECT_EQ(created->default_value->kind, schema::Expr::Kind::kRaw);
  EXPECT_EQ(created->default_value->text, "now()");
  EXPECT_EQ(users->FindColumn("tags")->type.raw, "text[]");
  const schema::Column* lower = users->FindColumn("lower_email");
  ASSERT_TRUE(lower->generated.has_value());
  EXPECT_EQ(lower->generated->type, "STORED");
  EXPECT_EQ(lower->generated->expr, "lower((email)::text)");
  EXPECT_FALSE(lower->default_value.has_value());

  ASSERT_TRUE(users->primary_key.has_value());
  EXPECT_EQ(users->primary_key->name, "users_pkey");
  ASSERT_EQ(users->primary_key->parts.size(), 1u);
  EXPECT_EQ(users->primary_key->parts[0].column, "id");
  ASSERT_EQ(users->indexes.size(), 1u);
  EXPECT_EQ(users->indexes[0].name, "users_email_key");
  EXPECT_TRUE(users->indexes[0].unique);
  EXPECT_EQ(users->indexes[0].options.Get("constraint"), "true");
  ASSERT_EQ(users->checks.size(), 2u);
  EXPECT_EQ(users->checks[0].name, "name_len");
  EXPECT_EQ(users->checks[0].expr, "length(name) < 100");
  EXPECT_EQ(users->checks[0].options.Get("no_inherit"), "true");
  EXPECT_EQ(users->checks[1].name, "score_positive");
  EXPECT_EQ(users->checks[1].expr, "score > (0)::numeric");
  EXPECT_EQ(users->checks[1].options.Get("not_valid"), "true");

  const schema::Table* posts = app->FindTable("posts");
  ASSERT_NE(posts, nullptr);
  EXPECT_EQ(posts->columns[0].type.name, "serial");
  EXPECT_FALSE(posts->columns[0].default_value.has_value());
  ASSERT_EQ(posts->foreign_keys.size(), 1u);
  const schema::ForeignKey& fk = posts->foreign_keys[0];
  EXPECT_EQ(fk.symbol, "posts_user_fk");
  EXPECT_EQ(fk.columns, std::vector<std::string>{"user_id"});
  EXPECT_EQ(fk.ref_schema, "");
  EXPECT_EQ(fk.ref_table, "users");
  EXPECT_EQ(fk.ref_columns, std::vector<std::string>{"id"});
  EXPECT_EQ(fk.on_delete, schema::ReferenceAction::kCascade);
  EXPECT_EQ(fk.on_update, schema::ReferenceAction::kSetNull);
  EXPECT_EQ(fk.options.Get("deferrable"), "true");
  EXPECT_EQ(fk.options.Get("initially_deferred"), "true");

  ASSERT_EQ(posts->indexes.size(), 6u);
  EXPECT_EQ(posts->FindIndex("posts_id_brin")->options.Get("type"), "BRIN");
  EXPECT_EQ(posts->FindIndex("posts_id_brin")->options.Get("page_per_range"), "16");
  EXPECT_EQ(posts->FindIndex("posts_title_c")->parts[0].options.Get("collate"), "C");
  EXPECT_FALSE(posts->FindIndex("posts_title_lower")->parts[1].options.Has("collate"));
  const schema::Index* body = posts->FindIndex("posts_body");
  EXPECT_EQ(body->options.Get("type"), "GIN");
  EXPECT_EQ(body->parts[0].options.Get("ops"), "jsonb_path_ops");
  EXPECT_EQ(body->comment, "search");
  const schema::Index* tl = posts->FindIndex("posts_title_lower");
  ASSERT_EQ(tl->parts.size(), 2u);
  EXPECT_EQ(tl->parts[0].expr, "lower(title)");
  EXPECT_TRUE(tl->parts[0].desc);
  EXPECT_EQ(tl->parts[0].options.Get("nulls_last"), "true");
  EXPECT_EQ(tl->parts[1].column, "id");
  EXPECT_FALSE(tl->options.Has("type"));
  const schema::Index* partial = posts->FindIndex("posts_title_partial");
  EXPECT_TRUE(partial->unique);
  EXPECT_EQ(partial->where, "user_id IS NOT NULL");
  EXPECT_EQ(partial->options.Get("include"), "user_id");
  ASSERT_EQ(partial->parts.size(), 1u);
  EXPECT_FALSE(partial->options.Has("constraint"));
  EXPECT_EQ(posts->FindIndex("posts_nnd")->options.Get("nulls_distinct"), "false");

  const schema::Table* pairs = app->FindTable("pairs");
  ASSERT_EQ(pairs->primary_key->parts.size(), 2u);
  EXPECT_EQ(pairs->primary_key->parts[1].column, "b");
  ASSERT_EQ(pairs->indexes.size(), 1u);
  EXPECT_EQ(pairs->indexes[0].parts[0].column, "b");
  EXPECT_EQ(pairs->indexes[0].options.Get("deferrable"), "true");
}

TEST_F(InspectIntegration, ExtensionTablesAndSystemSchemasAreLeftOut) {
  // plpgsql is an extension in every database: making a table its member is
  // the cheapest way to get an extension-owned table (pg_depend deptype 'e').
  ASSERT_TRUE(conn_->Exec("CREATE TABLE public.t (id int); CREATE TABLE public.owned (id int);"
                          "ALTER EXTENSION plpgsql ADD TABLE public.owned")
                  .ok());
  auto realm = InspectSchemas(*conn_, {});
  ASSERT_TRUE(realm.ok());
  ASSERT_EQ(realm->schemas.size(), 1u);
  EXPECT_EQ(realm->schemas[0].name, "public");
  ASSERT_EQ(realm->schemas[0].tables.size(), 1u);
  EXPECT_EQ(realm->schemas[0].tables[0].name, "t");
  ASSERT_TRUE(conn_->Exec("ALTER EXTENSION plpgsql DROP TABLE public.owned").ok());
}

TEST_F(InspectIntegration, PartitionedAndUnloggedTables) {
  ASSERT_TRUE(conn_->Exec("CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);"
                          "CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"
                          "CREATE UNLOGGED TABLE scratch (id int)")
                  .ok());
  auto realm = InspectSchemas(*conn_, {"public"});
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  const auto& tables = realm->schemas[0].tables;
  ASSERT_EQ(tables.size(), 3u);
  EXPECT_EQ(tables[0].name, "events");
  EXPECT_EQ(tables[0].options.Get("partition"), "RANGE (at)");
  // The partition: its parent and bound; the columns it inherits are left out.
  EXPECT_EQ(tables[1].name, "events_2024");
  EXPECT_EQ(tables[1].options.Get("partition_of"), "events");
  EXPECT_FALSE(tables[1].options.Has("partition_of_schema"));
  EXPECT_EQ(tables[1].options.Get("partition_bound"), "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
  EXPECT_TRUE(tables[1].columns.empty());
  EXPECT_EQ(tables[2].name, "scratch");
  EXPECT_EQ(tables[2].options.Get("unlogged"), "true");
}

TEST_F(InspectIntegration, SchemaFilter) {
  ASSERT_TRUE(conn_->Exec("CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (x int); CREATE TABLE b.t (y int)").ok());
  auto realm = InspectSchemas(*conn_, {"b"});
  ASSERT_TRUE(realm.ok());
  ASSERT_EQ(realm->schemas.size(), 1u);
  EXPECT_EQ(realm->schemas[0].name, "b");
  EXPECT_EQ(realm->schemas[0].tables[0].columns[0].name, "y");
}

// The number of catalog queries does not depend on the number of tables.
TEST_F(InspectIntegration, QueryCountIsConstant) {
  auto count_for = [&](int tables) {
    std::string sql = "DROP SCHEMA IF EXISTS s CASCADE; CREATE SCHEMA s;";
    for (int i = 0; i < tables; ++i) {
      std::string n = "t" + std::to_string(i);
      sql += "CREATE TABLE s." + n + " (id serial PRIMARY KEY, name text UNIQUE, ref int REFERENCES s." +
             (i == 0 ? n : "t0") + " (id), CHECK (length(name) > 0));";
      sql += "CREATE INDEX " + n + "_idx ON s." + n + " (lower(name));";
    }
    EXPECT_TRUE(conn_->Exec(sql).ok());
    CountingConn counting(*conn_);
    auto realm = InspectSchemas(counting, {"s"});
    EXPECT_TRUE(realm.ok()) << realm.status().message();
    if (realm.ok()) {
      EXPECT_EQ(realm->schemas[0].tables.size(), static_cast<size_t>(tables));
      EXPECT_EQ(realm->schemas[0].tables.back().indexes.size(), 2u);
    }
    return counting.queries;
  };
  int small = count_for(10);
  int large = count_for(200);
  EXPECT_EQ(small, large);
  // 6 for tables, 5 for views, materialized view indexes, routines, triggers
  // and policies (inspect_code), 3 for enums+domains+composites, sequences
  // and extensions (inspect_types).
  EXPECT_EQ(small, 14);
}

TEST_F(InspectIntegration, DriverInspectSchemaUsesTheBoundSchema) {
  ASSERT_TRUE(conn_->Exec("CREATE SCHEMA app; CREATE TABLE app.t (id int)").ok());
  auto d = OpenDriver(db_->url("app"));
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ((*d)->BoundSchema(), "app");
  auto s = (*d)->InspectSchema("", {});
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->name, "app");
  ASSERT_EQ(s->tables.size(), 1u);
  auto missing = (*d)->InspectSchema("nope", {});
  EXPECT_EQ(missing.status().code(), Code::kNotFound);
  InspectOptions ex;
  ex.exclude = {"t"};
  auto excluded = (*d)->InspectSchema("", ex);
  ASSERT_TRUE(excluded.ok());
  EXPECT_TRUE(excluded->tables.empty());
}

}  // namespace
}  // namespace strata::dialect::postgres
