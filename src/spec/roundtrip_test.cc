// Property: Decode(Encode(realm)) == realm for a realm that uses every
// feature of the SQLite HCL surface, and Encode is a fixed point of
// Decode+Encode.
#include <gtest/gtest.h>

#include "spec/decode.h"
#include "spec/encode.h"
#include "spec/spec_testing.h"
#include "spec/trigger_events.h"

namespace strata::spec {
namespace {

using namespace testing;  // NOLINT(build/namespaces): terse model builders

schema::Table Users() {
  schema::Table t;
  t.name = "users";
  t.comment = "people who log in";
  auto id = Col("id", "integer");
  id.options.Set("auto_increment", "true");
  auto email = Col("email", "varchar(255)");
  email.comment = "unique, \"lower-cased\" ${not} a template";
  auto name = Col("name", "text", true);
  name.default_value = Lit("'O''Brien'");
  auto score = Col("score", "decimal(10,2)");
  score.default_value = Lit("0.5");
  auto visits = Col("visits", "bigint");
  visits.default_value = Lit("-3");
  auto active = Col("active", "boolean");
  active.default_value = Lit("true");
  auto created = Col("created_at", "datetime");
  created.default_value = Raw("CURRENT_TIMESTAMP");
  auto geo = Col("geo", "geometry", true);  // unknown to the registry: sql("geometry")
  auto ratio = Col("ratio", "double precision", true);
  ratio.generated = schema::GeneratedExpr{"score / 2", "VIRTUAL"};
  auto doubled = Col("doubled", "real", true);
  doubled.generated = schema::GeneratedExpr{"score * 2", "STORED"};
  auto manager = Col("manager_id", "integer", true);
  t.columns = {id, email, name, score, visits, active, created, geo, ratio, doubled, manager};
  t.primary_key = Pk({"id"});
  auto by_email = Idx("users_email", {Part("email")}, /*unique=*/true);
  by_email.comment = "login";
  t.indexes.push_back(by_email);
  auto partial = Idx("active_names", {Part("name")});
  partial.where = "active AND name IS NOT NULL";
  t.indexes.push_back(partial);
  t.indexes.push_back(
      Idx("by_expr", {Part("score", /*desc=*/true), ExprPart("lower(email)"), Part("visits")}));
  schema::ForeignKey mgr;
  mgr.symbol = "manager";
  mgr.columns = {"manager_id"};
  mgr.ref_table = "users";
  mgr.ref_columns = {"id"};
  mgr.on_delete = schema::ReferenceAction::kSetNull;
  mgr.on_update = schema::ReferenceAction::kNoAction;
  t.foreign_keys.push_back(mgr);
  schema::Check positive;
  positive.name = "positive_score";
  positive.expr = "score >= 0";
  positive.options.Set("comment", "no debts");
  t.checks.push_back(positive);
  schema::Check unnamed;
  unnamed.expr = "visits >= 0";
  t.checks.push_back(unnamed);
  return t;
}

schema::Table Orders() {
  schema::Table t;
  t.name = "orders";
  t.columns = {Col("user_id", "integer"), Col("seq", "int"), Col("amount", "numeric(12,3)"),
               Col("note", "clob", true)};
  schema::Index pk;
  pk.parts = {Part("user_id"), Part("seq", /*desc=*/true)};
  t.primary_key = pk;
  schema::ForeignKey fk;  // unnamed, as SQLite allows
  fk.columns = {"user_id"};
  fk.ref_table = "users";
  fk.ref_columns = {"id"};
  fk.on_delete = schema::ReferenceAction::kCascade;
  fk.on_update = schema::ReferenceAction::kRestrict;
  t.foreign_keys.push_back(fk);
  t.options.Set("strict", "true");
  t.options.Set("without_rowid", "true");
  return t;
}

schema::Realm RichRealm() {
  schema::Schema main;
  main.name = "main";
  main.comment = "the main database";
  main.tables = {Users(), Orders()};
  for (auto& t : main.tables) t.schema = "main";
  schema::View big;
  big.name = "big_orders";
  big.schema = "main";
  big.def = "SELECT o.user_id, o.amount\n  FROM orders AS o\n\n WHERE o.amount > 100";
  big.depends_on = {"table.orders"};
  big.columns = {{"user_id", T("integer")}, {"amount", T("numeric(12,3)")}};
  main.views.push_back(big);
  schema::View names;
  names.name = "names";
  names.schema = "main";
  names.def = "SELECT name FROM users";
  names.depends_on = {"table.users", "view.big_orders"};
  main.views.push_back(names);
  schema::Trigger audit;
  audit.name = "orders_audit";
  audit.schema = "main";
  audit.table = "orders";
  audit.def = "BEGIN\n  UPDATE users SET visits = visits + 1 WHERE id = NEW.user_id;\nEND";
  audit.options.Set(kTriggerTiming, "AFTER");
  audit.options.Set(kTriggerEvents, "INSERT");
  audit.options.Set(kTriggerForEach, "ROW");
  audit.options.Set(kTriggerWhen, "NEW.amount > 0");
  main.triggers.push_back(audit);
  schema::Trigger upd;
  upd.name = "orders_amount";
  upd.schema = "main";
  upd.table = "orders";
  upd.def = "BEGIN SELECT RAISE(ABORT, 'frozen'); END";
  upd.options.Set(kTriggerTiming, "BEFORE");
  upd.options.Set(kTriggerEvents, "UPDATE OF amount, note");
  main.triggers.push_back(upd);
  schema::Trigger raw;
  raw.name = "names_insert";
  raw.schema = "main";
  raw.table = "names";
  raw.def = "CREATE TRIGGER names_insert INSTEAD OF INSERT ON names\nBEGIN\n  SELECT 1;\nEND";
  main.triggers.push_back(raw);

  // A second schema sharing a table name exercises qualification, and a
  // cross-schema foreign key exercises qualified references.
  schema::Schema aux;
  aux.name = "aux";
  schema::Table aux_users;
  aux_users.name = "users";
  aux_users.schema = "aux";
  aux_users.columns = {Col("id", "integer"), Col("main_id", "integer")};
  aux_users.primary_key = Pk({"id"});
  schema::ForeignKey cross;
  cross.symbol = "to_main";
  cross.columns = {"main_id"};
  cross.ref_schema = "main";
  cross.ref_table = "users";
  cross.ref_columns = {"id"};
  aux_users.foreign_keys.push_back(cross);
  aux.tables.push_back(aux_users);

  schema::Realm r;
  r.schemas = {main, aux};
  return r;
}

TEST(RoundTripTest, RealmSurvivesEncodeDecode) {
  schema::Realm want = RichRealm();
  std::string text = EncodeRealm(want, Sqlite());
  auto got = DecodeSources({{"realm.hcl", text}}, {}, Sqlite());
  ASSERT_TRUE(got.ok()) << got.status().message() << "\n" << text;
  EXPECT_EQ(FirstDifference(*got, want), "") << text;
  // View columns and dependencies are not part of View::operator==.
  ASSERT_EQ(got->schemas[0].views.size(), 2u);
  EXPECT_EQ(got->schemas[0].views[0].columns, want.schemas[0].views[0].columns);
  EXPECT_EQ(got->schemas[0].views[1].depends_on, want.schemas[0].views[1].depends_on);
  EXPECT_EQ(EncodeRealm(*got, Sqlite()), text);
  EXPECT_EQ(FormatterDisagreement(text), "");
  // The realm prints qualified tables for the repeated name.
  EXPECT_NE(text.find("table \"main\" \"users\" {"), std::string::npos) << text;
  EXPECT_NE(text.find("ref_columns = [table.main.users.column.id]"), std::string::npos) << text;
}

TEST(RoundTripTest, SchemaSurvivesEncodeDecode) {
  schema::Schema want = RichRealm().schemas[0];
  std::string text = EncodeSchema(want, Sqlite());
  auto doc = hcl::ParseAndEvaluate({{"schema.hcl", text}}, {});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  auto got = DecodeSchema(*doc, Sqlite());
  ASSERT_TRUE(got.ok()) << got.status().message() << "\n" << text;
  schema::Realm got_realm, want_realm;
  got_realm.schemas.push_back(*got);
  want_realm.schemas.push_back(want);
  EXPECT_EQ(FirstDifference(got_realm, want_realm), "") << text;
  EXPECT_NE(text.find("ref_columns = [column.id]"), std::string::npos) << text;
}

TEST(RoundTripTest, DecodeSchemaNeedsExactlyOneSchema) {
  auto doc = hcl::ParseAndEvaluate({{"two.hcl", "schema \"a\" {}\nschema \"b\" {}\n"}}, {});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  auto got = DecodeSchema(*doc, Sqlite());
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().message(), "spec: expecting document to contain a single schema, got 2");
}

// Nested attribute blocks and column-reference lists are dialect data: a
// dialect derived from SQLite's gets them without codec changes.
const DialectSpec& BlockDialect() {
  static const DialectSpec kSpec = [] {
    DialectSpec d = Sqlite();
    d.column_attrs.push_back(AttrSpec{"mode", "gen_mode", AttrKind::kIdentifier, "",
                                      {"FAST", "VERY_SLOW"}, AttrPlacement::kAttributes, "gen",
                                      /*underscore_spaces=*/true, /*required=*/true});
    d.column_attrs.push_back(
        AttrSpec{"step", "gen_step", AttrKind::kInt, "1", {}, AttrPlacement::kAttributes, "gen"});
    d.index_attrs.push_back(
        AttrSpec{"covering", "covering", AttrKind::kColumnRefList, "", {}, AttrPlacement::kAttributes});
    d.primary_key_attrs.push_back(
        AttrSpec{"covering", "covering", AttrKind::kColumnRefList, "", {}, AttrPlacement::kAttributes});
    return d;
  }();
  return kSpec;
}

constexpr char kBlockDoc[] = R"(table "t" {
  schema = schema.main
  column "a" {
    null = false
    type = integer
    gen {
      mode = VERY_SLOW
      step = 2
    }
  }
  column "b" {
    null = false
    type = integer
    gen {
      mode = FAST
    }
  }
  column "c" {
    null = true
    type = text
  }
  primary_key {
    columns  = [column.a]
    covering = [column.b, column.c]
  }
  index "t_b" {
    columns  = [column.b]
    covering = [column.c]
  }
}
schema "main" {
}
)";

TEST(DialectDataTest, DecodesNestedBlocksAndColumnRefLists) {
  auto r = DecodeSources({{"s.hcl", kBlockDoc}}, {}, BlockDialect());
  ASSERT_TRUE(r.ok()) << r.status().message();
  const schema::Table& t = r->schemas[0].tables[0];
  EXPECT_EQ(t.columns[0].options.Get("gen_mode"), "VERY SLOW");
  EXPECT_EQ(t.columns[0].options.Get("gen_step"), "2");
  EXPECT_EQ(t.columns[1].options.Get("gen_mode"), "FAST");
  EXPECT_EQ(t.columns[1].options.Find("gen_step"), nullptr);
  EXPECT_TRUE(t.columns[2].options.empty());
  EXPECT_EQ(t.primary_key->options.Get("covering"), "b,c");
  EXPECT_EQ(t.indexes[0].options.Get("covering"), "c");
}

TEST(DialectDataTest, EncodesNestedBlocksAndColumnRefLists) {
  auto r = DecodeSources({{"s.hcl", kBlockDoc}}, {}, BlockDialect());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(EncodeSchema(r->schemas[0], BlockDialect()), kBlockDoc);
  // Defaults inside a block are left out; a block with no value is not printed.
  schema::Schema s = r->schemas[0];
  s.tables[0].columns[1].options.Set("gen_step", "1");
  EXPECT_EQ(EncodeSchema(s, BlockDialect()), kBlockDoc);
  s.tables[0].columns[1].options = {};
  std::string text = EncodeSchema(s, BlockDialect());
  EXPECT_EQ(text.find("FAST"), std::string::npos) << text;
}

TEST(DialectDataTest, RoundTripsNestedBlocksAndColumnRefLists) {
  auto r = DecodeSources({{"s.hcl", kBlockDoc}}, {}, BlockDialect());
  ASSERT_TRUE(r.ok()) << r.status().message();
  auto again = DecodeSources({{"s.hcl", EncodeRealm(*r, BlockDialect())}}, {}, BlockDialect());
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(*again, *r);
}

TEST(DialectDataTest, NestedBlockErrors) {
  struct Case {
    const char* column_body;
    const char* want;
  } cases[] = {
      {"gen {\n step = 3\n }", "missing required attribute \"mode\" in gen block of column \"a\""},
      {"gen {\n mode = SLOW\n }", "unknown value SLOW for attribute \"mode\""},
      {"gen {\n mode = FAST\n other = 1\n }", "unknown attribute \"other\" in gen block"},
      {"gen {\n mode = FAST\n }\n gen {\n mode = FAST\n }", "has more than one gen block"},
      {"mode = FAST", "unknown attribute \"mode\" in column \"a\""},
  };
  for (const auto& c : cases) {
    std::string doc = std::string("schema \"main\" {}\ntable \"t\" {\n schema = schema.main\n column \"a\" {\n type = integer\n ") +
                      c.column_body + "\n }\n}\n";
    auto r = DecodeSources({{"s.hcl", doc}}, {}, BlockDialect());
    ASSERT_FALSE(r.ok()) << doc;
    EXPECT_NE(r.status().message().find(c.want), std::string::npos) << r.status().message();
  }
  auto r = DecodeSources({{"s.hcl", R"(schema "main" {}
table "t" {
  schema = schema.main
  column "a" { type = integer }
  index "i" {
    columns  = [column.a]
    covering = [schema.main]
  }
})"}},
                         {}, BlockDialect());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("invalid column reference schema.main in attribute \"covering\""),
            std::string::npos)
      << r.status().message();
}

TEST(DialectDataTest, SqlitePrimaryKeyHasNoExtraAttributes) {
  auto r = DecodeSources({{"s.hcl", R"(schema "main" {}
table "t" {
  schema = schema.main
  column "a" { type = integer }
  primary_key {
    columns  = [column.a]
    covering = [column.a]
  }
})"}},
                         {}, Sqlite());
  EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace strata::spec
