#include "dialect/postgres/render_code.h"

#include <cctype>

#include "base/strings.h"
#include "dialect/postgres/routines.h"

namespace strata::dialect::postgres {
namespace {

std::string Keyword(const std::string& kind) { return kind == kProcedureKind ? "PROCEDURE" : "FUNCTION"; }

std::string RoleList(const std::string& roles) {
  std::vector<std::string> out;
  for (const auto& r : Split(roles, ",")) {
    std::string x = Trim(r);
    if (x.empty()) continue;
    std::string u = ToUpper(x);
    // Role keywords are not identifiers.
    if (u == "PUBLIC" || u == "CURRENT_USER" || u == "SESSION_USER" || u == "CURRENT_ROLE") out.push_back(u);
    else out.push_back(Quote(x));
  }
  return Join(out, ", ");
}

bool IsPlainWord(const std::string& s) {
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return !s.empty();
}

}  // namespace

std::string DollarQuote(const std::string& text) {
  std::string tag = "$$";
  for (int i = 0; text.find(tag) != std::string::npos; ++i)
    tag = "$body" + (i == 0 ? std::string() : std::to_string(i)) + "$";
  return tag + text + tag;
}

Result<std::string> CreateRoutine(const schema::Object& o, const RenderOptions& opts, bool or_replace) {
  const bool proc = o.kind == kProcedureKind;
  std::string s = "CREATE ";
  if (or_replace) s += "OR REPLACE ";
  s += Keyword(o.kind) + " " + QualifiedName(o.schema, o.name, opts) + "(" + RoutineArgsSQL(RoutineArgs(o)) + ")";
  if (!proc) {
    std::string ret = Trim(o.options.Get("return"));
    if (ret.empty()) return InvalidArgument("function " + GoQuote(o.name) + ": missing return type");
    s += " RETURNS " + ret;
  }
  std::string lang = Trim(o.options.Get("lang"));
  if (lang.empty()) return InvalidArgument(ToLower(Keyword(o.kind)) + " " + GoQuote(o.name) + ": missing language");
  s += " LANGUAGE " + (IsPlainWord(lang) ? lang : Quote(lang));
  if (!proc) {
    if (std::string v = ToUpper(o.options.Get("volatility")); !v.empty() && v != "VOLATILE") s += " " + v;
    if (o.options.Flag("strict")) s += " STRICT";
  }
  if (ToUpper(o.options.Get("security")) == "DEFINER") s += " SECURITY DEFINER";
  if (!proc) {
    if (o.options.Flag("leakproof")) s += " LEAKPROOF";
    if (std::string p = ToUpper(o.options.Get("parallel")); !p.empty() && p != "UNSAFE") s += " PARALLEL " + p;
  }
  s += RoutineSetClauses(o);
  if (o.options.Flag("sql_body")) return s + " " + Trim(o.def);
  return s + " AS " + DollarQuote(o.def);
}

std::string DropRoutine(const schema::Object& o, const RenderOptions& opts) {
  return "DROP " + Keyword(o.kind) + " " + QualifiedName(o.schema, o.name, opts) + o.signature;
}

std::string RoutineComment(const schema::Object& o, const std::string& text, const RenderOptions& opts) {
  return "COMMENT ON " + Keyword(o.kind) + " " + QualifiedName(o.schema, o.name, opts) + o.signature + " IS " +
         (text.empty() ? std::string("NULL") : QuoteString(text));
}

Result<std::string> CreatePolicy(const schema::Object& o, const RenderOptions& opts) {
  std::string table = o.options.Get("table");
  if (table.empty()) return InvalidArgument("policy " + GoQuote(o.name) + ": missing table (on)");
  std::string s = "CREATE POLICY " + Quote(o.name) + " ON " + QualifiedName(o.schema, table, opts);
  if (ToUpper(o.options.Get("as")) == "RESTRICTIVE") s += " AS RESTRICTIVE";
  if (std::string f = ToUpper(o.options.Get("for")); !f.empty() && f != "ALL") s += " FOR " + f;
  if (std::string to = RoleList(o.options.Get("to")); !to.empty()) s += " TO " + to;
  if (std::string u = Trim(o.options.Get("using")); !u.empty()) s += " USING " + MayWrap(u);
  if (std::string c = Trim(o.options.Get("check")); !c.empty()) s += " WITH CHECK " + MayWrap(c);
  return s;
}

std::string DropPolicy(const schema::Object& o, const RenderOptions& opts) {
  return "DROP POLICY " + Quote(o.name) + " ON " + QualifiedName(o.schema, o.options.Get("table"), opts);
}

std::string PolicyComment(const schema::Object& o, const std::string& text, const RenderOptions& opts) {
  return "COMMENT ON POLICY " + Quote(o.name) + " ON " + QualifiedName(o.schema, o.options.Get("table"), opts) +
         " IS " + (text.empty() ? std::string("NULL") : QuoteString(text));
}

std::string RowSecurity(const schema::Table& t, const std::string& key, bool on, const RenderOptions& opts) {
  std::string s = "ALTER TABLE " + TableName(t, opts) + " ";
  if (key == "row_security_enforced") return s + (on ? "FORCE" : "NO FORCE") + " ROW LEVEL SECURITY";
  return s + (on ? "ENABLE" : "DISABLE") + " ROW LEVEL SECURITY";
}

}  // namespace strata::dialect::postgres
