#include "cli/output.h"

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "diff/differ.h"

namespace strata::cli {
namespace {

using nlohmann::ordered_json;

std::string Dump(const ordered_json& j, const std::string& indent) {
  if (indent.empty()) return j.dump();
  // nlohmann indents with a repeated char; Go's MarshalIndent takes a string.
  std::string s = j.dump(1, '\x01');
  std::string out;
  for (char c : s) {
    if (c == '\x01') out += indent;
    else out += c;
  }
  return out;
}

ordered_json PartsJSON(const std::vector<schema::IndexPart>& parts) {
  ordered_json arr = ordered_json::array();
  for (const auto& p : parts) {
    ordered_json jp = ordered_json::object();
    if (p.desc) jp["desc"] = true;
    if (!p.column.empty()) jp["column"] = p.column;
    if (!p.expr.empty()) jp["expr"] = p.expr;
    arr.push_back(jp);
  }
  return arr;
}

}  // namespace

std::string RealmJSON(const schema::Realm& r, const spec::TypeRegistry& types, const std::string& indent) {
  ordered_json root = ordered_json::object();
  ordered_json schemas = ordered_json::array();
  for (const auto& s : r.schemas) {
    ordered_json js = ordered_json::object();
    js["name"] = s.name;
    if (!s.tables.empty()) {
      ordered_json tables = ordered_json::array();
      for (const auto& t : s.tables) {
        ordered_json jt = ordered_json::object();
        jt["name"] = t.name;
        ordered_json cols = ordered_json::array();
        for (const auto& c : t.columns) {
          ordered_json jc = ordered_json::object();
          jc["name"] = c.name;
          jc["type"] = types.ToSQL(c.type);
          if (c.nullable) jc["null"] = true;
          if (!c.comment.empty()) jc["comment"] = c.comment;
          if (c.options.Has("charset")) jc["charset"] = c.options.Get("charset");
          if (c.options.Has("collate")) jc["collate"] = c.options.Get("collate");
          cols.push_back(jc);
        }
        if (!cols.empty()) jt["columns"] = cols;
        if (!t.indexes.empty()) {
          ordered_json idx = ordered_json::array();
          for (const auto& i : t.indexes) {
            ordered_json ji = ordered_json::object();
            ji["name"] = i.name;
            if (i.unique) ji["unique"] = true;
            ji["parts"] = PartsJSON(i.parts);
            idx.push_back(ji);
          }
          jt["indexes"] = idx;
        }
        if (t.primary_key) jt["primary_key"] = ordered_json{{"parts", PartsJSON(t.primary_key->parts)}};
        if (!t.foreign_keys.empty()) {
          ordered_json fks = ordered_json::array();
          for (const auto& fk : t.foreign_keys) {
            ordered_json jf = ordered_json::object();
            jf["name"] = fk.symbol;
            jf["columns"] = fk.columns;
            jf["references"] = ordered_json{{"table", fk.ref_table}, {"columns", fk.ref_columns}};
            fks.push_back(jf);
          }
          jt["foreign_keys"] = fks;
        }
        if (!t.comment.empty()) jt["comment"] = t.comment;
        tables.push_back(jt);
      }
      js["tables"] = tables;
    }
    if (!s.views.empty()) {
      ordered_json views = ordered_json::array();
      for (const auto& v : s.views) views.push_back(ordered_json{{"name", v.name}, {"def", v.def}});
      js["views"] = views;
    }
    schemas.push_back(js);
  }
  root["schemas"] = schemas;
  return Dump(root, indent);
}

std::string RealmMermaid(const schema::Realm& r) {
  std::string out = "erDiagram\n";
  bool qualify = r.schemas.size() > 1;
  auto name = [&](const std::string& s, const std::string& t) {
    std::string n = qualify ? s + "_" + t : t;
    return "\"" + ReplaceAll(n, "\"", "") + "\"";
  };
  for (const auto& s : r.schemas) {
    for (const auto& t : s.tables) {
      out += "    " + name(s.name, t.name) + " {\n";
      for (const auto& c : t.columns) {
        std::string keys;
        bool pk = false, fk = false;
        if (t.primary_key)
          for (const auto& p : t.primary_key->parts) pk = pk || p.column == c.name;
        for (const auto& f : t.foreign_keys)
          for (const auto& fc : f.columns) fk = fk || fc == c.name;
        if (pk) keys = "PK";
        if (fk) keys += keys.empty() ? "FK" : ",FK";
        std::string type = ReplaceAll(ReplaceAll(ReplaceAll(c.type.raw, " ", "_"), "(", "_"), ")", "");
        type = ReplaceAll(type, ",", "_");
        out += "      " + type + " " + c.name + (keys.empty() ? "" : " " + keys) + "\n";
      }
      out += "    }\n";
    }
  }
  for (const auto& s : r.schemas) {
    for (const auto& t : s.tables) {
      for (const auto& f : t.foreign_keys) {
        bool nullable = false;
        for (const auto& fc : f.columns)
          if (const auto* c = t.FindColumn(fc)) nullable = nullable || c->nullable;
        std::string rs = f.ref_schema.empty() ? s.name : f.ref_schema;
        out += "    " + name(s.name, t.name) + " }o--" + (nullable ? "o|" : "||") + " " +
               name(rs, f.ref_table) + " : " + (f.symbol.empty() ? Join(f.columns, "_") : f.symbol) + "\n";
      }
    }
  }
  return out;
}

Result<std::string> RealmSQL(dialect::Driver& d, const schema::Realm& r, bool bound, const std::string& indent) {
  schema::ChangeList changes;
  if (bound && r.schemas.size() == 1) {
    schema::Schema empty;
    empty.name = r.schemas[0].name;
    ASSIGN_OR_RETURN(changes, diff::DiffSchema(empty, r.schemas[0], d.Hooks()));
  } else {
    ASSIGN_OR_RETURN(changes, diff::DiffRealm(schema::Realm{}, r, d.Hooks()));
  }
  plan::PlanOptions po;
  po.indent = indent;
  if (bound) po.qualifier = "";
  ASSIGN_OR_RETURN(plan::Plan p, d.PlanChanges(changes, po));
  return plan::FormatSQL(p);
}

std::string ApplyJSON(const ApplyLog& log, const std::string& indent) {
  ordered_json j = ordered_json::object();
  j["Driver"] = log.driver;
  j["URL"] = log.url;
  ordered_json changes = ordered_json::object();
  if (!log.applied.empty()) changes["Applied"] = log.applied;
  if (!log.pending.empty()) changes["Pending"] = log.pending;
  if (!log.error_text.empty()) changes["Error"] = ordered_json{{"Stmt", log.error_stmt}, {"Text", log.error_text}};
  j["Changes"] = changes;
  if (!log.error_text.empty()) j["Error"] = log.error_text;
  return Dump(j, indent);
}

}  // namespace strata::cli
