#include "dialect/postgres/diff_types.h"

#include "base/strings.h"
#include "dialect/postgres/inspect_types.h"
#include "dialect/postgres/types.h"

namespace strata::dialect::postgres {

schema::Object CanonicalTypeObject(const schema::Object& o) {
  schema::Object c = o;
  if (o.kind != "sequence") return c;
  std::string type = FormatType(ParseType(o.options.Get("type", "bigint")));
  std::string inc = o.options.Get("increment", "1");
  SequenceBounds def = DefaultSequenceBounds(type, inc);
  std::string min = o.options.Get("min_value", def.min), max = o.options.Get("max_value", def.max);
  bool desc = !inc.empty() && inc[0] == '-';
  c.options.Set("type", type);
  c.options.Set("increment", inc);
  c.options.Set("min_value", min);
  c.options.Set("max_value", max);
  c.options.Set("start", o.options.Get("start", desc ? max : min));
  c.options.Set("cache", o.options.Get("cache", "1"));
  c.options.Set("cycle", o.options.Flag("cycle") ? "true" : "false");
  return c;
}

bool TypeObjectsEqual(const diff::DiffHooks& h, const schema::Object& x, const schema::Object& y) {
  if (x.kind != y.kind || x.name != y.name || x.comment != y.comment || x.values != y.values) return false;
  schema::Object a = CanonicalTypeObject(x), b = CanonicalTypeObject(y);
  auto type_eq = [&](const std::string& s, const std::string& t) {
    if (s.empty() || t.empty()) return s == t;
    return h.TypesEqual(ParseType(s), ParseType(t));
  };
  if (a.kind == "domain" && !type_eq(a.def, b.def)) return false;
  if (a.kind == "extension") {
    // No version in the desired state: whatever the server installed.
    if (a.options.Get("version").empty() || b.options.Get("version").empty()) {
      a.options.Erase("version");
      b.options.Erase("version");
    }
  }
  if (a.options.items().size() != b.options.items().size()) return false;
  for (const auto& [k, v] : a.options.items()) {
    const std::string* w = b.options.Find(k);
    if (w == nullptr) return false;
    bool typed = (a.kind == "sequence" && k == "type") || (a.kind == "composite" && EndsWith(k, ".type"));
    if (typed) {
      if (!type_eq(v, *w)) return false;
    } else if (a.kind == "domain" && k == "default") {
      if (!h.DefaultsEqual(schema::Expr{schema::Expr::Kind::kRaw, v}, schema::Expr{schema::Expr::Kind::kRaw, *w}))
        return false;
    } else if (a.kind == "domain" && StartsWith(k, "check.")) {
      if (!h.ExprEqual(v, *w)) return false;
    } else if (v != *w) {
      return false;
    }
  }
  return true;
}

}  // namespace strata::dialect::postgres
