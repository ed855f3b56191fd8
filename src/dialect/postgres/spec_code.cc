// function "add" {
//   schema = schema.public
//   lang   = SQL                       (PLpgSQL, or any language as a string)
//   arg "a" { type = integer }         (mode = OUT|INOUT|VARIADIC, default = 1 | sql("..."))
//   return = integer                   | return_set = integer | return_table { column "c" { type = t } }
//   as     = "SELECT a + 1"            (a SQL-standard body "RETURN ..." / "BEGIN ATOMIC ..." as well)
//   volatility = IMMUTABLE, strict = true, security = DEFINER, leakproof = true, parallel = SAFE
// }
// procedure "p" { schema, lang, arg, as, security, comment }
// policy "p" { schema, on = table.t, as = RESTRICTIVE, for = SELECT, to = ["r"], using, check }
#include "dialect/postgres/spec_code.h"

#include <algorithm>
#include <cctype>

#include "base/strings.h"
#include "dialect/postgres/render.h"
#include "dialect/postgres/routines.h"
#include "dialect/postgres/types.h"
#include "hcl/hcl.h"
#include "spec/hcl_writer.h"
#include "spec/literal.h"

namespace strata::dialect::postgres {
namespace {

using spec::AttrKind;
using spec::AttrSpec;
using spec::ObjectSpec;
using ErrorFn = std::function<void(const SourceRange&, std::string)>;
using K = hcl::Value::Kind;

std::string Quoted(const std::string& s) { return GoQuote(s); }

// A type value (int, varchar(10), sql("x[]"), enum.e / domain.s.d) as SQL.
std::optional<std::string> TypeSQL(const hcl::Attribute& a, const std::string& what, const ErrorFn& error) {
  const hcl::Value& v = a.value;
  const spec::TypeRegistry& types = PostgresTypes();
  Result<schema::Type> t = InvalidArgument("");
  if (v.kind() == K::kRef && v.path().size() == 1) {
    t = types.FromHCL(v.path()[0], {});
  } else if (v.kind() == K::kRef && v.path().size() >= 2) {
    // Type objects: enum.x, domain.x, composite.x (optionally schema-qualified).
    const auto& p = v.path();
    if (p.size() == 3) return Quote(p[1]) + "." + Quote(p[2]);
    return Quote(p[1]);
  } else if (v.kind() == K::kCall) {
    std::vector<std::string> args;
    for (const auto& arg : v.items()) args.push_back(arg.kind() == K::kNumber ? arg.number_text() : arg.str());
    t = types.FromHCL(v.str(), args);
  } else if (v.kind() == K::kRawSQL || v.kind() == K::kString) {
    if (Trim(v.str()).empty()) {
      error(a.value_range, "empty type in " + what);
      return std::nullopt;
    }
    return Trim(v.str());
  } else {
    error(a.value_range, "attribute \"" + a.name + "\" of " + what + " must be a type");
    return std::nullopt;
  }
  if (!t.ok()) {
    error(a.value_range, what + ": " + t.status().message());
    return std::nullopt;
  }
  return types.ToSQL(*t);
}

std::string TypeHCL(const std::string& sql) {
  schema::Type t = PostgresTypes().ParseSQL(sql);
  if (t.unsupported) return spec::SqlCall(sql);
  return PostgresTypes().ToHCL(t);
}

// An expression value: "text" -> 'text', numbers and bools as is, sql("x") -> x.
std::optional<std::string> ExprSQL(const hcl::Attribute& a, const std::string& what, const ErrorFn& error) {
  const hcl::Value& v = a.value;
  switch (v.kind()) {
    case K::kString: return spec::SqlQuote(v.str());
    case K::kNumber: return v.number_text();
    case K::kBool: return std::string(v.bool_value() ? "true" : "false");
    case K::kRawSQL: return v.str();
    default: error(a.value_range, "default of " + what + " must be a string, number, bool or sql(\"...\")");
  }
  return std::nullopt;
}

std::string ExprHCL(const std::string& sql) {
  std::string s = Trim(sql);
  bool number = !s.empty();
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != '-') number = false;
  if (number || s == "true" || s == "false") return s;
  return spec::SqlCall(s);
}

std::optional<std::string> Word(const hcl::Attribute& a, const std::string& what, const ErrorFn& error) {
  const hcl::Value& v = a.value;
  if (v.kind() == K::kString) return v.str();
  if (v.kind() == K::kRef && v.path().size() == 1) return v.path()[0];
  error(a.value_range, "attribute \"" + a.name + "\" of " + what + " must be a word or a string");
  return std::nullopt;
}

// HCL spelling of a language: SQL, PLpgSQL, C, INTERNAL, else the name.
std::string LangHCL(const std::string& lang) {
  std::string l = ToLower(lang);
  if (l == "sql") return "SQL";
  if (l == "plpgsql") return "PLpgSQL";
  if (l == "c" || l == "internal") return ToUpper(l);
  return hcl::IsIdentifier(lang) ? lang : hcl::Quote(lang);
}

bool IsSqlBody(const std::string& def) {
  std::string u = ToUpper(Trim(def));
  return StartsWith(u, "RETURN ") || StartsWith(u, "RETURN(") || StartsWith(u, "BEGIN ATOMIC");
}

bool DecodeRoutine(const hcl::Block& b, schema::Object* o, const ErrorFn& error, bool function) {
  const std::string what = o->kind + " " + Quoted(o->name);
  bool ok = true;
  // `as`: a string or a heredoc; the trailing newline of a heredoc is not
  // part of the body.
  if (const hcl::Attribute* a = b.Attr("as")) {
    if (a->value.kind() == K::kString) {
      std::string body = a->value.str();
      size_t end = body.find_last_not_of(" \t\r\n");
      o->def = end == std::string::npos ? "" : body.substr(0, end + 1);
    } else {
      error(a->value_range, "attribute \"as\" of " + what + " must be a string");
      ok = false;
    }
  } else {
    error(b.range, "missing \"as\" attribute in " + what);
    ok = false;
  }
  if (const hcl::Attribute* a = b.Attr("lang")) {
    if (auto w = Word(*a, what, error)) o->options.Set("lang", ToLower(*w));
    else ok = false;
  } else {
    error(b.range, "missing \"lang\" attribute in " + what);
    ok = false;
  }
  // config = { search_path = "public, pg_temp" }: SET clauses.
  if (const hcl::Attribute* a = b.Attr("config")) {
    if (a->value.kind() != K::kObject) {
      error(a->value_range, "attribute \"config\" of " + what + " must be an object of setting = \"value\"");
      ok = false;
    } else {
      for (const auto& [k, v] : a->value.fields()) {
        if (v.kind() == K::kString) o->options.Set("set." + k, v.str());
        else if (v.kind() == K::kNumber) o->options.Set("set." + k, v.number_text());
        else {
          error(a->value_range, "setting \"" + k + "\" of " + what + " must be a string");
          ok = false;
        }
      }
    }
  }
  std::vector<RoutineArg> args;
  for (const hcl::Block* ab : b.Children("arg")) {
    RoutineArg arg;
    arg.name = ab->labels.empty() ? "" : ab->labels[0];
    const std::string awhat = "arg " + Quoted(arg.name) + " of " + what;
    for (const auto& attr : ab->attributes) {
      if (attr.name == "type") {
        if (auto t = TypeSQL(attr, awhat, error)) arg.type = *t;
        else ok = false;
      } else if (attr.name == "mode") {
        if (auto m = Word(attr, awhat, error)) arg.mode = ToUpper(*m);
        if (arg.mode != "IN" && arg.mode != "OUT" && arg.mode != "INOUT" && arg.mode != "VARIADIC") {
          error(attr.value_range, "mode of " + awhat + " must be IN, OUT, INOUT or VARIADIC");
          ok = false;
        }
      } else if (attr.name == "default") {
        if (auto d = ExprSQL(attr, awhat, error)) arg.default_expr = *d;
        else ok = false;
      } else {
        error(attr.range, "unknown attribute \"" + attr.name + "\" in " + awhat);
        ok = false;
      }
    }
    if (arg.type.empty()) {
      error(ab->range, "missing \"type\" attribute in " + awhat);
      ok = false;
    }
    args.push_back(std::move(arg));
  }
  for (const auto& a : args) o->values.push_back(FormatRoutineArg(a));
  o->signature = RoutineSignature(args);
  if (function) {
    int returns = 0;
    if (const hcl::Attribute* a = b.Attr("return")) {
      ++returns;
      if (auto t = TypeSQL(*a, what, error)) o->options.Set("return", *t);
      else ok = false;
    }
    if (const hcl::Attribute* a = b.Attr("return_set")) {
      ++returns;
      if (auto t = TypeSQL(*a, what, error)) o->options.Set("return", "SETOF " + *t);
      else ok = false;
    }
    for (const hcl::Block* rt : b.Children("return_table")) {
      ++returns;
      std::vector<std::string> cols;
      for (const hcl::Block* cb : rt->Children("column")) {
        std::string cname = cb->labels.empty() ? "" : cb->labels[0];
        const hcl::Attribute* ta = cb->Attr("type");
        if (ta == nullptr) {
          error(cb->range, "missing \"type\" attribute in column " + Quoted(cname) + " of " + what);
          ok = false;
          continue;
        }
        if (auto t = TypeSQL(*ta, "column " + Quoted(cname) + " of " + what, error))
          cols.push_back(Quote(cname) + " " + *t);
        else ok = false;
      }
      o->options.Set("return", "TABLE(" + Join(cols, ", ") + ")");
    }
    if (returns != 1) {
      error(b.range, what + " needs exactly one of return, return_set or return_table");
      ok = false;
    }
  }
  if (IsSqlBody(o->def)) o->options.Set("sql_body", "true");
  return ok;
}

void EncodeRoutine(const schema::Object& o, spec::HclBody& b, bool function) {
  b.Attr("lang", LangHCL(o.options.Get("lang")));
  // Bodies print as Atlas does: a heredoc when they span lines.
  struct AsLast {
    spec::HclBody& b;
    const schema::Object& o;
    ~AsLast() { b.Attr("as", spec::DefinitionToHCL(Trim(o.def))); }
  } as_last{b, o};
  for (const auto& a : RoutineArgs(o)) {
    spec::HclBody& ab = b.Block("arg", {a.name});
    ab.Attr("type", TypeHCL(a.type));
    if (ToUpper(a.mode) != "IN") ab.Attr("mode", ToUpper(a.mode));
    if (!a.default_expr.empty()) ab.Attr("default", ExprHCL(a.default_expr));
  }
  std::vector<std::string> config;
  for (const auto& [k, v] : o.options.items())
    if (StartsWith(k, "set.")) {
      std::string key = k.substr(4);
      config.push_back((hcl::IsIdentifier(key) ? key : hcl::Quote(key)) + " = " + hcl::Quote(v));
    }
  if (!config.empty()) b.Attr("config", "{ " + Join(config, ", ") + " }");
  if (!function) return;
  std::string ret = Trim(o.options.Get("return"));
  if (StartsWith(ToUpper(ret), "SETOF ")) {
    b.Attr("return_set", TypeHCL(Trim(ret.substr(6))));
  } else if (StartsWith(ToUpper(ret), "TABLE(") && EndsWith(ret, ")")) {
    spec::HclBody& rt = b.Block("return_table");
    for (const auto& col : SplitTopLevel(ret.substr(6, ret.size() - 7))) {
      // "name type"; the name may be quoted.
      std::string name, type;
      if (!col.empty() && col[0] == '"') {
        size_t end = col.find('"', 1);
        while (end != std::string::npos && end + 1 < col.size() && col[end + 1] == '"') end = col.find('"', end + 2);
        name = ReplaceAll(col.substr(1, end - 1), "\"\"", "\"");
        type = Trim(col.substr(end + 1));
      } else {
        size_t sp = col.find(' ');
        name = col.substr(0, sp);
        type = sp == std::string::npos ? "" : Trim(col.substr(sp + 1));
      }
      rt.Block("column", {name}).Attr("type", TypeHCL(type));
    }
  } else if (!ret.empty()) {
    b.Attr("return", TypeHCL(ret));
  }
}

bool DecodePolicy(const hcl::Block& b, schema::Object* o, const ErrorFn& error) {
  const std::string what = "policy " + Quoted(o->name);
  bool ok = true;
  const hcl::Attribute* on = b.Attr("on");
  if (on == nullptr) {
    error(b.range, "missing \"on\" attribute in " + what);
    ok = false;
  } else if (on->value.kind() != K::kRef || on->value.path().size() < 2 || on->value.path()[0] != "table") {
    error(on->value_range, "attribute \"on\" of " + what + " must be a table reference (table.<name>)");
    ok = false;
  } else {
    o->options.Set("table", on->value.path().back());
    o->signature = PolicySignature(on->value.path().back());
  }
  if (const hcl::Attribute* to = b.Attr("to")) {
    std::vector<std::string> roles;
    if (to->value.kind() != K::kList) {
      error(to->value_range, "attribute \"to\" of " + what + " must be a list of roles");
      return false;
    }
    for (const auto& item : to->value.items()) {
      if (item.kind() == K::kString) roles.push_back(item.str());
      else if (item.kind() == K::kRef && !item.path().empty()) roles.push_back(item.path().back());
      else {
        error(to->value_range, "attribute \"to\" of " + what + " must list role names");
        ok = false;
      }
    }
    // PUBLIC alone is the default.
    if (!(roles.size() == 1 && ToUpper(roles[0]) == "PUBLIC")) {
      std::sort(roles.begin(), roles.end());
      o->options.Set("to", Join(roles, ","));
    }
  }
  return ok;
}

void EncodePolicy(const schema::Object& o, spec::HclBody& b) {
  // Printed after the generic attributes; `on` first reads best but the
  // generic encoder owns the order of what it prints.
  b.Attr("on", "table." + (hcl::IsIdentifier(o.options.Get("table")) ? o.options.Get("table")
                                                                       : "[" + hcl::Quote(o.options.Get("table")) + "]"));
  if (std::string to = o.options.Get("to"); !to.empty()) {
    std::vector<std::string> q;
    for (const auto& r : Split(to, ",")) q.push_back(hcl::Quote(r));
    b.Attr("to", "[" + Join(q, ", ") + "]");
  }
}

std::vector<AttrSpec> RoutineAttrs(bool function) {
  std::vector<AttrSpec> attrs;
  if (function) {
    attrs.push_back(AttrSpec{"volatility", "volatility", AttrKind::kIdentifier, "VOLATILE",
                             {"VOLATILE", "STABLE", "IMMUTABLE"}});
    attrs.push_back(AttrSpec{"strict", "strict", AttrKind::kBool, "false"});
  }
  attrs.push_back(AttrSpec{"security", "security", AttrKind::kIdentifier, "INVOKER", {"INVOKER", "DEFINER"}});
  if (function) {
    attrs.push_back(AttrSpec{"leakproof", "leakproof", AttrKind::kBool, "false"});
    attrs.push_back(AttrSpec{"parallel", "parallel", AttrKind::kIdentifier, "UNSAFE", {"UNSAFE", "RESTRICTED", "SAFE"}});
  }
  return attrs;
}

}  // namespace

void AddCodeObjectSpecs(spec::DialectSpec& d) {
  for (bool function : {true, false}) {
    ObjectSpec r;
    r.kind = function ? kFunctionKind : kProcedureKind;
    r.attrs = RoutineAttrs(function);
    r.hook_names = {"lang", "arg", "as", "config"};
    if (function) r.hook_names.insert(r.hook_names.end(), {"return", "return_set", "return_table"});
    r.decode_hook = [function](const hcl::Block& b, schema::Object* o, const ErrorFn& error) {
      return DecodeRoutine(b, o, error, function);
    };
    r.encode_hook = [function](const schema::Object& o, spec::HclBody& b) { EncodeRoutine(o, b, function); };
    d.objects.push_back(std::move(r));
  }
  ObjectSpec p;
  p.kind = kPolicyKind;
  p.attrs = {
      AttrSpec{"as", "as", AttrKind::kIdentifier, "PERMISSIVE", {"PERMISSIVE", "RESTRICTIVE"}},
      AttrSpec{"for", "for", AttrKind::kIdentifier, "ALL", {"ALL", "SELECT", "INSERT", "UPDATE", "DELETE"}},
      AttrSpec{"using", "using", AttrKind::kString},
      AttrSpec{"check", "check", AttrKind::kString},
  };
  p.hook_names = {"on", "to"};
  p.decode_hook = DecodePolicy;
  p.encode_hook = EncodePolicy;
  d.objects.push_back(std::move(p));
}

}  // namespace strata::dialect::postgres
