#include "dialect/postgres/render_types.h"

#include <vector>

#include "base/strings.h"
#include "spec/type_name.h"

namespace strata::dialect::postgres {

std::string ObjectTypeText(const schema::Object& o, const std::string& text, const RenderOptions& ro) {
  auto tn = spec::ParseTypeName(text);
  if (!tn || !tn->schema.empty()) return text;
  // A bare name of a user-defined type: its schema is in depends_on
  // ("<kind>.<schema>.<name>").
  for (const auto& d : o.depends_on) {
    size_t a = d.find('.'), b = d.rfind('.');
    if (a == std::string::npos || a == b || d.substr(b + 1) != tn->name) continue;
    return SchemaPrefix(d.substr(a + 1, b - a - 1), ro) + text;
  }
  return text;
}

bool IsTypeObject(const schema::Object& o) {
  return o.kind == "enum" || o.kind == "domain" || o.kind == "composite" || o.kind == "sequence" ||
         o.kind == "extension";
}

std::string ObjectName(const schema::Object& o, const RenderOptions& ro) {
  if (o.kind == "extension") return Quote(o.name);
  return QualifiedName(o.schema, o.name, ro);
}

std::string ObjectKeyword(const schema::Object& o) {
  if (o.kind == "domain") return "DOMAIN";
  if (o.kind == "sequence") return "SEQUENCE";
  if (o.kind == "extension") return "EXTENSION";
  return "TYPE";
}

std::string SequenceOptions(const schema::Options& opts, bool all) {
  std::vector<std::string> out;
  auto clause = [&](const char* key, const std::string& set, const std::string& reset) {
    const std::string* v = opts.Find(key);
    if (v != nullptr) out.push_back(set + " " + *v);
    else if (all && !reset.empty()) out.push_back(reset);
  };
  clause("type", "AS", all ? "AS bigint" : "");
  clause("increment", "INCREMENT BY", "INCREMENT BY 1");
  clause("min_value", "MINVALUE", "NO MINVALUE");
  clause("max_value", "MAXVALUE", "NO MAXVALUE");
  clause("start", "START WITH", "");
  clause("cache", "CACHE", "CACHE 1");
  if (opts.Flag("cycle")) out.push_back("CYCLE");
  else if (all) out.push_back("NO CYCLE");
  return Join(out, " ");
}

std::string SequenceOwnedBy(const schema::Object& o, const std::string& owned_by,
                            const RenderOptions& ro) {
  std::string target = "NONE";
  if (!owned_by.empty()) {
    // "<table>.<column>": the table is in the sequence's schema.
    size_t dot = owned_by.rfind('.');
    target = QualifiedName(o.schema, owned_by.substr(0, dot), ro) + "." + Quote(owned_by.substr(dot + 1));
  }
  return "ALTER SEQUENCE " + ObjectName(o, ro) + " OWNED BY " + target;
}

Result<std::string> CreateTypeObject(const schema::Object& o, const RenderOptions& ro) {
  const std::string name = ObjectName(o, ro);
  if (o.kind == "enum") {
    std::vector<std::string> vals;
    for (const auto& v : o.values) vals.push_back(QuoteString(v));
    return "CREATE TYPE " + name + " AS ENUM (" + Join(vals, ", ") + ")";
  }
  if (o.kind == "domain") {
    if (o.def.empty()) return InvalidArgument("postgres: domain " + GoQuote(o.name) + " has no type");
    std::string s = "CREATE DOMAIN " + name + " AS " + ObjectTypeText(o, o.def, ro);
    if (std::string c = o.options.Get("collate"); !c.empty()) s += " COLLATE " + Quote(c);
    if (std::string d = o.options.Get("default"); !d.empty()) s += " DEFAULT " + d;
    if (o.options.Get("null") == "false") s += " NOT NULL";
    for (const auto& [k, v] : o.options.items()) {
      if (!StartsWith(k, "check.") || !EndsWith(k, ".expr")) continue;
      s += " CONSTRAINT " + Quote(k.substr(6, k.size() - 11)) + " CHECK " + MayWrap(v);
    }
    return s;
  }
  if (o.kind == "composite") {
    std::vector<std::string> fields;
    for (const auto& f : o.values) {
      std::string type = o.options.Get("field." + f + ".type");
      if (type.empty())
        return InvalidArgument("postgres: field " + GoQuote(f) + " of composite " + GoQuote(o.name) +
                               " has no type");
      std::string def = Quote(f) + " " + ObjectTypeText(o, type, ro);
      if (std::string c = o.options.Get("field." + f + ".collate"); !c.empty()) def += " COLLATE " + Quote(c);
      fields.push_back(def);
    }
    return "CREATE TYPE " + name + " AS (" + Join(fields, ", ") + ")";
  }
  if (o.kind == "sequence") {
    std::string opts = SequenceOptions(o.options, false);
    return "CREATE SEQUENCE " + name + (opts.empty() ? "" : " " + opts);
  }
  if (o.kind == "extension") {
    std::string s = "CREATE EXTENSION " + name;
    // Schema scope: the extension goes to the bound schema (search_path).
    if (!ro.qualifier) s += " WITH SCHEMA " + Quote(o.schema);
    if (std::string v = o.options.Get("version"); !v.empty()) s += " VERSION " + QuoteString(v);
    return s;
  }
  return Unsupported("postgres: creating " + o.kind + " " + GoQuote(o.name) + " is not supported");
}

std::string DropTypeObject(const schema::Object& o, const RenderOptions& ro, bool if_exists) {
  return "DROP " + ObjectKeyword(o) + (if_exists ? " IF EXISTS " : " ") + ObjectName(o, ro);
}

std::string ObjectComment(const schema::Object& o, const std::string& text, const RenderOptions& ro) {
  return "COMMENT ON " + ObjectKeyword(o) + " " + ObjectName(o, ro) + " IS " +
         (text.empty() ? std::string("NULL") : QuoteString(text));
}

}  // namespace strata::dialect::postgres
