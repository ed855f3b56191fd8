// See inspect_code.h; the model conventions are in routines.h (functions,
// procedures, policies) and spec/trigger_events.h (triggers). Views keep
// pg_get_viewdef's text (without the final ";"), which the dev database
// normalises for desired states too, so both sides compare as equal text.
#include "dialect/postgres/inspect_code.h"

#include <map>

#include "base/strings.h"
#include "db/row_reader.h"
#include "dialect/postgres/inspect.h"
#include "dialect/postgres/normalize.h"
#include "dialect/postgres/queries_code.h"
#include "dialect/postgres/routines.h"
#include "dialect/postgres/types.h"
#include "spec/trigger_events.h"

namespace strata::dialect::postgres {
namespace {

using Reader = db::RowReader;

std::string ViewDef(const std::string& def) {
  std::string d = Trim(def);
  while (EndsWith(d, ";")) d = Trim(d.substr(0, d.size() - 1));
  return d;
}

Status Wrap(const Status& s, const char* what) { return s.Wrap(std::string("inspecting ") + what); }

Status InspectViews(db::Conn& conn, const std::string& names, schema::Realm& realm,
                    const std::map<std::string, size_t>& by_name) {
  auto rows = conn.Query(queries::kViews, {names});
  if (!rows.ok()) return Wrap(rows.status(), "views");
  Reader r(*rows);
  std::map<std::string, std::pair<size_t, size_t>> by_oid;  // oid -> (schema, view)
  for (size_t i = 0; i < r.size(); ++i) {
    auto it = by_name.find(r.Str(i, "schema"));
    if (it == by_name.end()) continue;
    schema::View v;
    v.schema = r.Str(i, "schema");
    v.name = r.Str(i, "name");
    v.materialized = r.Bool(i, "materialized");
    v.def = ViewDef(r.Str(i, "def"));
    v.check_option = r.Str(i, "check_option");
    v.comment = r.Str(i, "comment");
    auto names_ = ParseTextArray(r.Str(i, "column_names"));
    auto types = ParseTextArray(r.Str(i, "column_types"));
    for (size_t c = 0; c < names_.size() && c < types.size(); ++c)
      v.columns.push_back({names_[c], ParseType(types[c])});
    v.depends_on = ParseTextArray(r.Str(i, "depends_on"));
    auto& views = realm.schemas[it->second].views;
    by_oid[r.Str(i, "oid")] = {it->second, views.size()};
    views.push_back(std::move(v));
  }
  // Runs even without materialized views: the number of queries does not
  // depend on what the schemas hold.
  auto irows = conn.Query(queries::kViewIndexes, {names});
  if (!irows.ok()) return Wrap(irows.status(), "materialized view indexes");
  Reader ir(*irows);
  std::string current;  // index oid being filled
  schema::Index* idx = nullptr;
  std::vector<std::string> include;
  auto flush = [&] {
    if (idx != nullptr && !include.empty()) idx->options.Set("include", Join(include, ","));
    include.clear();
  };
  for (size_t i = 0; i < ir.size(); ++i) {
    auto vit = by_oid.find(ir.Str(i, "view_oid"));
    if (vit == by_oid.end()) continue;
    schema::View& v = realm.schemas[vit->second.first].views[vit->second.second];
    if (ir.Str(i, "index_oid") != current) {
      flush();
      current = ir.Str(i, "index_oid");
      schema::Index x;
      x.name = ir.Str(i, "name");
      x.unique = ir.Bool(i, "unique");
      x.where = ir.Str(i, "predicate");
      x.comment = ir.Str(i, "comment");
      std::string method = ToUpper(ir.Str(i, "method"));
      if (method != "BTREE") x.options.Set("type", method);
      if (ir.Bool(i, "nulls_not_distinct")) x.options.Set("nulls_distinct", "false");
      if (!ir.Null(i, "pages_per_range")) x.options.Set("page_per_range", ir.Str(i, "pages_per_range"));
      v.indexes.push_back(std::move(x));
      idx = &v.indexes.back();
    }
    if (!ir.Bool(i, "key")) {
      include.push_back(ir.Str(i, "column"));
      continue;
    }
    schema::IndexPart part;
    if (!ir.Null(i, "column")) part.column = ir.Str(i, "column");
    else part.expr = StripOuterParens(ir.Str(i, "definition"));
    part.desc = ir.Bool(i, "desc");
    bool nulls_first = ir.Bool(i, "nulls_first");
    if (!part.desc && nulls_first) part.options.Set("nulls_first", "true");
    if (part.desc && !nulls_first) part.options.Set("nulls_last", "true");
    if (!ir.Null(i, "opclass")) part.options.Set("ops", ir.Str(i, "opclass"));
    if (!ir.Null(i, "collation")) part.options.Set("collate", ir.Str(i, "collation"));
    idx->parts.push_back(std::move(part));
  }
  flush();
  return Status::Ok();
}

std::string ModeName(const std::string& m) {
  if (m == "o") return "OUT";
  if (m == "b") return "INOUT";
  if (m == "v") return "VARIADIC";
  if (m == "t") return "TABLE";
  return "IN";
}

Status InspectRoutines(db::Conn& conn, const std::string& names, schema::Realm& realm,
                       const std::map<std::string, size_t>& by_name) {
  auto rows = conn.Query(queries::kRoutines, {names});
  if (!rows.ok()) return Wrap(rows.status(), "functions");
  Reader r(*rows);
  for (size_t i = 0; i < r.size(); ++i) {
    auto it = by_name.find(r.Str(i, "schema"));
    if (it == by_name.end()) continue;
    schema::Object o;
    o.kind = r.Str(i, "kind") == "p" ? kProcedureKind : kFunctionKind;
    o.schema = r.Str(i, "schema");
    o.name = r.Str(i, "name");
    o.signature = "(" + r.Str(i, "signature") + ")";
    o.comment = r.Str(i, "comment");
    auto arg_names = ParseTextArray(r.Str(i, "arg_names"));
    auto modes = ParseTextArray(r.Str(i, "arg_modes"));
    auto types = ParseTextArray(r.Str(i, "arg_types"));
    std::vector<RoutineArg> args;
    std::vector<size_t> inputs;
    for (size_t a = 0; a < types.size(); ++a) {
      RoutineArg arg;
      arg.mode = ModeName(a < modes.size() ? modes[a] : "i");
      if (arg.mode == "TABLE") continue;  // part of RETURNS TABLE(...)
      arg.name = a < arg_names.size() ? arg_names[a] : "";
      arg.type = types[a];
      if (arg.mode != "OUT") inputs.push_back(args.size());
      args.push_back(std::move(arg));
    }
    // proargdefaults holds the defaults of the last input arguments.
    auto defaults = SplitTopLevel(r.Str(i, "arg_defaults"));
    for (size_t d = 0; d < defaults.size() && d < inputs.size(); ++d)
      args[inputs[inputs.size() - defaults.size() + d]].default_expr = defaults[d];
    for (const auto& a : args) o.values.push_back(FormatRoutineArg(a));
    o.options.Set("lang", r.Str(i, "lang"));
    if (!r.Null(i, "result")) o.options.Set("return", r.Str(i, "result"));
    std::string vol = r.Str(i, "volatility");
    if (vol == "i") o.options.Set("volatility", "IMMUTABLE");
    if (vol == "s") o.options.Set("volatility", "STABLE");
    if (r.Bool(i, "strict")) o.options.Set("strict", "true");
    if (r.Bool(i, "security_definer")) o.options.Set("security", "DEFINER");
    if (r.Bool(i, "leakproof")) o.options.Set("leakproof", "true");
    std::string par = r.Str(i, "parallel");
    if (par == "s") o.options.Set("parallel", "SAFE");
    if (par == "r") o.options.Set("parallel", "RESTRICTED");
    for (const auto& item : ParseTextArray(r.Str(i, "config"))) {
      size_t eq = item.find('=');
      if (eq != std::string::npos) o.options.Set("set." + item.substr(0, eq), item.substr(eq + 1));
    }
    if (!r.Null(i, "sql_body")) {
      o.options.Set("sql_body", "true");
      o.def = Trim(r.Str(i, "sql_body"));
    } else {
      o.def = r.Str(i, "body");
    }
    realm.schemas[it->second].objects.push_back(std::move(o));
  }
  return Status::Ok();
}

Status InspectTriggers(db::Conn& conn, const std::string& names, schema::Realm& realm,
                       const std::map<std::string, size_t>& by_name) {
  auto rows = conn.Query(queries::kTriggers, {names});
  if (!rows.ok()) return Wrap(rows.status(), "triggers");
  Reader r(*rows);
  for (size_t i = 0; i < r.size(); ++i) {
    auto it = by_name.find(r.Str(i, "schema"));
    if (it == by_name.end()) continue;
    schema::Trigger t;
    t.schema = r.Str(i, "schema");
    t.table = r.Str(i, "table");
    t.name = r.Str(i, "name");
    SetTriggerDefinition(r.Str(i, "def"), t);
    if (std::string c = r.Str(i, "comment"); !c.empty()) t.options.Set(spec::kTriggerComment, c);
    realm.schemas[it->second].triggers.push_back(std::move(t));
  }
  return Status::Ok();
}

Status InspectPolicies(db::Conn& conn, const std::string& names, schema::Realm& realm,
                       const std::map<std::string, size_t>& by_name) {
  auto rows = conn.Query(queries::kPolicies, {names});
  if (!rows.ok()) return Wrap(rows.status(), "policies");
  Reader r(*rows);
  for (size_t i = 0; i < r.size(); ++i) {
    auto it = by_name.find(r.Str(i, "schema"));
    if (it == by_name.end()) continue;
    schema::Object o;
    o.kind = kPolicyKind;
    o.schema = r.Str(i, "schema");
    o.name = r.Str(i, "name");
    o.comment = r.Str(i, "comment");
    o.options.Set("table", r.Str(i, "table"));
    o.signature = PolicySignature(r.Str(i, "table"));
    if (!r.Bool(i, "permissive")) o.options.Set("as", "RESTRICTIVE");
    if (std::string cmd = r.Str(i, "command"); cmd != "ALL") o.options.Set("for", cmd);
    auto roles = ParseTextArray(r.Str(i, "roles"));
    if (!(roles.size() == 1 && roles[0] == "PUBLIC")) o.options.Set("to", Join(roles, ","));
    if (!r.Null(i, "using_expr")) o.options.Set("using", StripOuterParens(r.Str(i, "using_expr")));
    if (!r.Null(i, "check_expr")) o.options.Set("check", StripOuterParens(r.Str(i, "check_expr")));
    realm.schemas[it->second].objects.push_back(std::move(o));
  }
  return Status::Ok();
}

}  // namespace

void SetTriggerDefinition(const std::string& triggerdef, schema::Trigger& t) {
  t.def = triggerdef;
  t.options = {};
  std::string def = Trim(triggerdef);
  std::string upper = ToUpper(def);
  if (!StartsWith(upper, "CREATE TRIGGER ") || upper.find(" REFERENCING ") != std::string::npos) return;
  size_t exec = upper.rfind(" EXECUTE FUNCTION ");
  if (exec == std::string::npos) exec = upper.rfind(" EXECUTE PROCEDURE ");
  size_t each = upper.find(" FOR EACH ");
  if (exec == std::string::npos || each == std::string::npos || each > exec) return;
  // pg_get_triggerdef: CREATE TRIGGER n TIMING EVENTS ON s.t FOR EACH X [WHEN (c)] EXECUTE ...
  size_t on = upper.rfind(" ON ", each);
  if (on == std::string::npos) return;
  std::string head = def.substr(0, on);  // CREATE TRIGGER n TIMING EVENTS
  std::string rest = Trim(def.substr(each + 10, exec - each - 10));  // ROW [WHEN (c)]
  std::string for_each = rest.substr(0, rest.find(' '));
  std::string when;
  if (size_t w = ToUpper(rest).find("WHEN "); w != std::string::npos) when = StripOuterParens(rest.substr(w + 5));
  // The timing follows the (possibly quoted) trigger name.
  std::string after_name = head.substr(15);
  if (!after_name.empty() && after_name[0] == '"') {
    size_t q = 1;
    while (q < after_name.size() && !(after_name[q] == '"' && (q + 1 >= after_name.size() || after_name[q + 1] != '"')))
      q += after_name[q] == '"' ? 2 : 1;
    after_name = Trim(after_name.substr(q + 1));
  } else {
    after_name = Trim(after_name.substr(after_name.find(' ') + 1));
  }
  std::string timing;
  for (const char* tm : {"INSTEAD OF ", "BEFORE ", "AFTER "})
    if (StartsWith(ToUpper(after_name), tm)) timing = Trim(tm);
  if (timing.empty()) return;
  std::string events = Trim(after_name.substr(timing.size()));
  // Column names of UPDATE OF may be quoted; the model keeps them bare.
  std::vector<spec::TriggerEvent> evs = spec::ParseTriggerEvents(events);
  for (auto& e : evs)
    for (auto& c : e.columns)
      if (c.size() >= 2 && c.front() == '"' && c.back() == '"') c = ReplaceAll(c.substr(1, c.size() - 2), "\"\"", "\"");
  t.options.Set(spec::kTriggerTiming, timing);
  t.options.Set(spec::kTriggerEvents, spec::FormatTriggerEvents(evs));
  t.options.Set(spec::kTriggerForEach, ToUpper(for_each));
  if (!when.empty()) t.options.Set(spec::kTriggerWhen, when);
  t.def = Trim(def.substr(exec + 1));
}

Status InspectCode(db::Conn& conn, schema::Realm& realm) {
  std::map<std::string, size_t> by_name;
  std::vector<std::string> names;
  for (size_t i = 0; i < realm.schemas.size(); ++i) {
    by_name[realm.schemas[i].name] = i;
    names.push_back(realm.schemas[i].name);
  }
  if (names.empty()) return Status::Ok();
  std::string arr = TextArrayLiteral(names);
  RETURN_IF_ERROR(InspectViews(conn, arr, realm, by_name));
  RETURN_IF_ERROR(InspectRoutines(conn, arr, realm, by_name));
  RETURN_IF_ERROR(InspectTriggers(conn, arr, realm, by_name));
  return InspectPolicies(conn, arr, realm, by_name);
}

}  // namespace strata::dialect::postgres
