// Unit tests of the "code" objects: routine argument text, SQL rendering of
// functions, procedures, policies and row-level security, trigger
// definitions from pg_get_triggerdef, planning (CREATE OR REPLACE vs DROP +
// CREATE, check_function_bodies), and the HCL codec.
#include <gtest/gtest.h>

#include <algorithm>

#include "base/strings.h"
#include "dialect/postgres/inspect_code.h"
#include "dialect/postgres/plan.h"
#include "dialect/postgres/plan_code.h"
#include "dialect/postgres/render_code.h"
#include "dialect/postgres/routines.h"
#include "dialect/postgres/spec.h"
#include "spec/decode.h"
#include "spec/encode.h"
#include "spec/trigger_events.h"

namespace strata::dialect::postgres {
namespace {

schema::Object Fn(const std::string& name, std::vector<RoutineArg> args, const std::string& ret,
                  const std::string& body) {
  schema::Object o;
  o.kind = kFunctionKind;
  o.name = name;
  o.schema = "public";
  for (const auto& a : args) o.values.push_back(FormatRoutineArg(a));
  o.signature = RoutineSignature(args);
  o.options.Set("lang", "sql");
  o.options.Set("return", ret);
  o.def = body;
  return o;
}

TEST(Routines, ArgTextRoundTrips) {
  RoutineArg a{"INOUT", "we\"ird", "character varying(10)", "'a DEFAULT b'::text"};
  EXPECT_EQ(FormatRoutineArg(a), "INOUT \"we\"\"ird\" character varying(10) DEFAULT 'a DEFAULT b'::text");
  EXPECT_EQ(ParseRoutineArg(FormatRoutineArg(a)), a);
  RoutineArg unnamed{"IN", "", "integer", ""};
  EXPECT_EQ(ParseRoutineArg(FormatRoutineArg(unnamed)), unnamed);
  EXPECT_EQ(RoutineArgsSQL({a, unnamed}), "INOUT \"we\"\"ird\" character varying(10) DEFAULT 'a DEFAULT b'::text, integer");
  EXPECT_EQ(RoutineSignature({a, unnamed, {"OUT", "o", "text", ""}}), "(character varying(10), integer)");
}

TEST(Routines, SplitTopLevel) {
  EXPECT_EQ(SplitTopLevel("'a,b'::text, f(1, 2), '{1,2}'::int[]"),
            (std::vector<std::string>{"'a,b'::text", "f(1, 2)", "'{1,2}'::int[]"}));
  EXPECT_TRUE(SplitTopLevel("").empty());
}

TEST(RenderCode, Functions) {
  RenderOptions ro;
  schema::Object f = Fn("add", {{"IN", "a", "integer", ""}, {"IN", "b", "integer", "1"}}, "integer", " SELECT a + b ");
  f.options.Set("volatility", "IMMUTABLE");
  f.options.Set("strict", "true");
  f.options.Set("security", "DEFINER");
  f.options.Set("parallel", "SAFE");
  auto sql = CreateRoutine(f, ro);
  ASSERT_TRUE(sql.ok());
  EXPECT_EQ(*sql, "CREATE FUNCTION \"public\".\"add\"(\"a\" integer, \"b\" integer DEFAULT 1) RETURNS integer "
                  "LANGUAGE sql IMMUTABLE STRICT SECURITY DEFINER PARALLEL SAFE AS $$ SELECT a + b $$");
  EXPECT_EQ(DropRoutine(f, ro), "DROP FUNCTION \"public\".\"add\"(integer, integer)");
  ro.qualifier = "";
  EXPECT_EQ(RoutineComment(f, "it's", ro), "COMMENT ON FUNCTION \"add\"(integer, integer) IS 'it''s'");
  EXPECT_EQ(RoutineComment(f, "", ro), "COMMENT ON FUNCTION \"add\"(integer, integer) IS NULL");
  // A body holding $$ gets another tag; SQL-standard bodies are written as is.
  f.def = "SELECT '$$'";
  EXPECT_NE(CreateRoutine(f, ro)->find("AS $body$SELECT '$$'$body$"), std::string::npos);
  f.def = "RETURN a + b";
  f.options.Set("sql_body", "true");
  EXPECT_TRUE(EndsWith(*CreateRoutine(f, ro, /*or_replace=*/true), "PARALLEL SAFE RETURN a + b"));
  EXPECT_TRUE(StartsWith(*CreateRoutine(f, ro, true), "CREATE OR REPLACE FUNCTION"));
  f.options.Erase("return");
  EXPECT_FALSE(CreateRoutine(f, ro).ok());
}

TEST(RenderCode, SetClauses) {
  schema::Object f = Fn("sd", {}, "integer", "SELECT 1");
  f.options.Set("set.search_path", "\"My Schema\", pg_temp");
  f.options.Set("set.work_mem", "64MB");
  RenderOptions ro;
  ro.qualifier = "";
  EXPECT_EQ(*CreateRoutine(f, ro),
            "CREATE FUNCTION \"sd\"() RETURNS integer LANGUAGE sql SET search_path TO '\"My Schema\"', 'pg_temp' "
            "SET work_mem TO '64MB' AS $$SELECT 1$$");
}

TEST(RenderCode, ProceduresPoliciesAndRowSecurity) {
  RenderOptions ro;
  ro.qualifier = "";
  schema::Object p;
  p.kind = kProcedureKind;
  p.name = "bump";
  p.values = {FormatRoutineArg({"INOUT", "c", "integer", ""})};
  p.signature = "(integer)";
  p.options.Set("lang", "plpgsql");
  p.options.Set("volatility", "STABLE");  // not a procedure attribute: ignored
  p.def = "BEGIN c := c + 1; END";
  EXPECT_EQ(*CreateRoutine(p, ro),
            "CREATE PROCEDURE \"bump\"(INOUT \"c\" integer) LANGUAGE plpgsql AS $$BEGIN c := c + 1; END$$");
  EXPECT_EQ(DropRoutine(p, ro), "DROP PROCEDURE \"bump\"(integer)");

  schema::Object pol;
  pol.kind = kPolicyKind;
  pol.name = "own";
  pol.schema = "app";
  pol.options.Set("table", "items");
  pol.options.Set("as", "RESTRICTIVE");
  pol.options.Set("for", "UPDATE");
  pol.options.Set("to", "alice,public");
  pol.options.Set("using", "owner = current_user");
  pol.options.Set("check", "(qty > 0)");
  EXPECT_EQ(*CreatePolicy(pol, RenderOptions{}),
            "CREATE POLICY \"own\" ON \"app\".\"items\" AS RESTRICTIVE FOR UPDATE TO \"alice\", PUBLIC "
            "USING (owner = current_user) WITH CHECK (qty > 0)");
  EXPECT_EQ(DropPolicy(pol, ro), "DROP POLICY \"own\" ON \"items\"");
  pol.options.Erase("table");
  EXPECT_FALSE(CreatePolicy(pol, ro).ok());

  schema::Table t;
  t.name = "items";
  t.schema = "app";
  EXPECT_EQ(RowSecurity(t, "row_security_enabled", true, ro), "ALTER TABLE \"items\" ENABLE ROW LEVEL SECURITY");
  EXPECT_EQ(RowSecurity(t, "row_security_enabled", false, ro), "ALTER TABLE \"items\" DISABLE ROW LEVEL SECURITY");
  EXPECT_EQ(RowSecurity(t, "row_security_enforced", true, ro), "ALTER TABLE \"items\" FORCE ROW LEVEL SECURITY");
  EXPECT_EQ(RowSecurity(t, "row_security_enforced", false, ro), "ALTER TABLE \"items\" NO FORCE ROW LEVEL SECURITY");
}

TEST(InspectCode, TriggerDefinitions) {
  schema::Trigger t;
  SetTriggerDefinition(
      "CREATE TRIGGER \"My Tr\" BEFORE INSERT OR UPDATE OF name, \"Qty\" ON s.t FOR EACH ROW "
      "WHEN ((new.id > 0)) EXECUTE FUNCTION s.f('a')",
      t);
  EXPECT_EQ(t.options.Get(spec::kTriggerTiming), "BEFORE");
  EXPECT_EQ(t.options.Get(spec::kTriggerEvents), "INSERT OR UPDATE OF name, Qty");
  EXPECT_EQ(t.options.Get(spec::kTriggerForEach), "ROW");
  EXPECT_EQ(t.options.Get(spec::kTriggerWhen), "new.id > 0");
  EXPECT_EQ(t.def, "EXECUTE FUNCTION s.f('a')");
  SetTriggerDefinition("CREATE TRIGGER x INSTEAD OF DELETE ON v FOR EACH ROW EXECUTE FUNCTION f()", t);
  EXPECT_EQ(t.options.Get(spec::kTriggerTiming), "INSTEAD OF");
  EXPECT_FALSE(t.options.Has(spec::kTriggerWhen));
  // Transition tables: the statement is kept whole.
  const std::string ref =
      "CREATE TRIGGER x AFTER INSERT ON t REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION f()";
  SetTriggerDefinition(ref, t);
  EXPECT_TRUE(t.options.empty());
  EXPECT_EQ(t.def, ref);
}

TEST(TriggerExecute, ParsesAndFormats) {
  auto e = spec::ParseTriggerExecute("EXECUTE FUNCTION s.f('a', 'it''s')");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->function, "s.f");
  EXPECT_EQ(e->args, (std::vector<std::string>{"a", "it's"}));
  EXPECT_EQ(spec::FormatTriggerExecute(*e), "EXECUTE FUNCTION s.f('a', 'it''s')");
  auto none = spec::ParseTriggerExecute("EXECUTE PROCEDURE f()");
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->args.empty());
  EXPECT_FALSE(spec::ParseTriggerExecute("EXECUTE FUNCTION f(1 + 2)").has_value());
  EXPECT_FALSE(spec::ParseTriggerExecute("SELECT 1").has_value());
}

TEST(PlanCode, ReplaceOrRecreate) {
  schema::Object a = Fn("f", {{"IN", "x", "integer", ""}}, "integer", "SELECT x");
  schema::Object body = a;
  body.def = "SELECT x + 1";
  schema::Object ret = a;
  ret.options.Set("return", "bigint");
  schema::Object renamed = Fn("f", {{"IN", "y", "integer", ""}}, "integer", "SELECT y");
  RenderOptions ro;
  ro.qualifier = "";
  std::vector<plan::PlannedChange> out;
  ASSERT_TRUE(internal::PlanModifyCode({a, body}, ro, &out).ok());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(StartsWith(out[0].cmd, "CREATE OR REPLACE FUNCTION \"f\"(\"x\" integer) RETURNS integer"));
  EXPECT_TRUE(StartsWith(out[0].reverse[0], "CREATE OR REPLACE FUNCTION") && out[0].reverse[0].find("SELECT x$$") != std::string::npos);
  for (const auto& to : {ret, renamed}) {
    out.clear();
    ASSERT_TRUE(internal::PlanModifyCode({a, to}, ro, &out).ok());
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].cmd, "DROP FUNCTION \"f\"(integer)");
    EXPECT_TRUE(StartsWith(out[1].cmd, "CREATE FUNCTION"));
    EXPECT_EQ(out[1].reverse, std::vector<std::string>{"DROP FUNCTION \"f\"(integer)"});
  }
  // Comment only.
  schema::Object commented = a;
  commented.comment = "c";
  out.clear();
  ASSERT_TRUE(internal::PlanModifyCode({a, commented}, ro, &out).ok());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cmd, "COMMENT ON FUNCTION \"f\"(integer) IS 'c'");
  EXPECT_EQ(out[0].reverse, std::vector<std::string>{"COMMENT ON FUNCTION \"f\"(integer) IS NULL"});
}

TEST(PlanCode, FunctionsBeforeTablesAndBodyChecksOff) {
  schema::Object f = Fn("next_code", {}, "text", "SELECT 'c' || count(*) FROM items");
  schema::Table t;
  t.name = "items";
  t.schema = "public";
  schema::Column c;
  c.name = "code";
  c.type.raw = "text";
  c.type.name = "text";
  c.default_value = schema::Expr{schema::Expr::Kind::kRaw, "next_code()"};
  t.columns = {c};
  schema::ChangeList changes = {schema::AddTable{t}, schema::AddObject{f}};
  plan::PlanOptions po;
  po.qualifier = "";
  auto p = PlanChanges(changes, po);
  ASSERT_TRUE(p.ok()) << p.status().message();
  ASSERT_EQ(p->changes.size(), 3u);
  EXPECT_EQ(p->changes[0].cmd, "SET check_function_bodies = off");
  EXPECT_TRUE(StartsWith(p->changes[1].cmd, "CREATE FUNCTION \"next_code\"()"));
  EXPECT_TRUE(StartsWith(p->changes[2].cmd, "CREATE TABLE \"items\""));
  // A SQL-standard body is checked anyway: no SET.
  f.options.Set("sql_body", "true");
  f.def = "RETURN 'x'";
  EXPECT_FALSE(internal::NeedsBodyChecksOff({schema::AddObject{f}}));
}

Result<schema::Realm> Decode(const std::string& src) {
  return spec::DecodeSources({{"schema.pg.hcl", src}}, {}, PostgresSpec());
}

TEST(SpecCode, FunctionProcedurePolicyRoundTrip) {
  const std::string src = R"(schema "public" {}
table "items" {
  schema = schema.public
  row_security {
    enabled = true
  }
  column "id" {
    type = integer
  }
}
function "add" {
  schema     = schema.public
  lang       = SQL
  arg "a" {
    type = integer
  }
  arg "b" {
    type    = varchar(10)
    default = "x"
    mode    = INOUT
  }
  return     = integer
  as         = "SELECT 1"
  volatility = STABLE
}
function "rows" {
  schema = schema.public
  lang   = PLpgSQL
  return_table {
    column "x" {
      type = int
    }
  }
  as = "BEGIN RETURN QUERY SELECT 1; END"
}
function "ids" {
  schema     = schema.public
  lang       = SQL
  return_set = sql("integer")
  as         = "RETURN 1"
}
procedure "p" {
  schema   = schema.public
  lang     = "plpython3u"
  security = DEFINER
  as       = "pass"
}
policy "own" {
  schema = schema.public
  on     = table.items
  as     = RESTRICTIVE
  for    = SELECT
  to     = ["bob", "alice"]
  using  = "id > 0"
}
trigger "t" {
  on = table.items
  after {
    delete = true
  }
  for = ROW
  execute {
    function = function.add
    args     = ["a"]
  }
}
)";
  auto r = Decode(src);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const schema::Schema& s = r->schemas[0];
  EXPECT_TRUE(s.tables[0].options.Flag("row_security_enabled"));
  for (const auto& o : s.objects) SCOPED_TRACE(o.Id());
  const schema::Object* add = s.FindObject("function add(integer, varchar(10))");
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->options.Get("lang"), "sql");
  EXPECT_EQ(add->options.Get("volatility"), "STABLE");
  auto args = RoutineArgs(*add);
  ASSERT_EQ(args.size(), 2u);
  EXPECT_EQ(args[1].mode, "INOUT");
  EXPECT_EQ(args[1].default_expr, "'x'");
  EXPECT_EQ(s.FindObject("function rows()")->options.Get("return"), "TABLE(\"x\" integer)");
  const schema::Object* ids = s.FindObject("function ids()");
  EXPECT_EQ(ids->options.Get("return"), "SETOF integer");
  EXPECT_TRUE(ids->options.Flag("sql_body"));
  EXPECT_EQ(s.FindObject("procedure p()")->options.Get("lang"), "plpython3u");
  const schema::Object* own = s.FindObject("policy own ON items");
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(own->options.Get("table"), "items");
  EXPECT_EQ(own->options.Get("to"), "alice,bob");
  EXPECT_EQ(s.triggers[0].def, "EXECUTE FUNCTION add('a')");

  // Encoding and decoding again gives the same model.
  std::string hcl = spec::EncodeRealm(*r, PostgresSpec());
  EXPECT_NE(hcl.find("  execute {\n    function = function.add\n    args     = [\"a\"]\n  }"), std::string::npos) << hcl;
  EXPECT_NE(hcl.find("= PLpgSQL\n"), std::string::npos) << hcl;
  auto again = Decode(hcl);
  ASSERT_TRUE(again.ok()) << again.status().message() << "\n" << hcl;
  auto sorted = [](std::vector<schema::Object> v) {
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.Id() < b.Id(); });
    return v;
  };
  EXPECT_EQ(sorted(again->schemas[0].objects), sorted(s.objects));
  EXPECT_EQ(again->schemas[0].triggers, s.triggers);
  EXPECT_EQ(again->schemas[0].tables[0].options, s.tables[0].options);
}

TEST(SpecCode, TriggerForeachAlias) {
  auto r = Decode(R"(schema "public" {}
table "a" {
  schema = schema.public
  column "id" {
    type = integer
  }
}
trigger "t" {
  on = table.a
  before {
    insert = true
  }
  foreach = ROW
  execute {
    function = function.f
  }
}
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->schemas[0].triggers[0].options.Get(spec::kTriggerForEach), "ROW");
}

TEST(SpecCode, PoliciesOfTheSameNameOnTwoTables) {
  auto r = Decode(R"(schema "public" {}
table "a" {
  schema = schema.public
  column "id" {
    type = integer
  }
}
table "b" {
  schema = schema.public
  column "id" {
    type = integer
  }
}
policy "own" {
  schema = schema.public
  on     = table.a
  using  = "true"
}
policy "own" {
  schema = schema.public
  on     = table.b
  using  = "true"
}
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_NE(r->schemas[0].FindObject("policy own ON a"), nullptr);
  EXPECT_NE(r->schemas[0].FindObject("policy own ON b"), nullptr);
}

TEST(SpecCode, Config) {
  auto r = Decode(R"(schema "public" {}
function "f" {
  schema = schema.public
  lang   = SQL
  return = integer
  config = { search_path = "public, pg_temp", "app.x" = "1" }
  as     = "SELECT 1"
}
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const schema::Object& f = r->schemas[0].objects[0];
  EXPECT_EQ(f.options.Get("set.search_path"), "public, pg_temp");
  EXPECT_EQ(f.options.Get("set.app.x"), "1");
  std::string hcl = spec::EncodeRealm(*r, PostgresSpec());
  EXPECT_NE(hcl.find("config = { search_path = \"public, pg_temp\", \"app.x\" = \"1\" }"), std::string::npos) << hcl;
}

TEST(SpecCode, Errors) {
  auto r = Decode(R"(schema "public" {}
function "f" {
  schema = schema.public
  as     = "x"
  arg "a" {
    mode = SIDEWAYS
  }
}
policy "p" {
  schema = schema.public
  on     = "items"
}
)");
  ASSERT_FALSE(r.ok());
  const std::string& m = r.status().message();
  EXPECT_NE(m.find("missing \"lang\" attribute in function \"f\""), std::string::npos) << m;
  EXPECT_NE(m.find("mode of arg \"a\" of function \"f\" must be IN, OUT, INOUT or VARIADIC"), std::string::npos) << m;
  EXPECT_NE(m.find("missing \"type\" attribute in arg \"a\""), std::string::npos) << m;
  EXPECT_NE(m.find("needs exactly one of return, return_set or return_table"), std::string::npos) << m;
  EXPECT_NE(m.find("attribute \"on\" of policy \"p\" must be a table reference"), std::string::npos) << m;
}

}  // namespace
}  // namespace strata::dialect::postgres
