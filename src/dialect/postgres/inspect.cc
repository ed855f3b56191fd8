// PostgreSQL inspection. Schema-model options set here (the renderer and the
// HCL spec read the same keys):
//
//   Column.options   "identity"           "ALWAYS" | "BY DEFAULT"
//                    "identity_start"     sequence START when not 1
//                    "identity_increment" sequence INCREMENT when not 1
//                    "collate"            column collation when not the type's default
//                    "statistics"         ALTER COLUMN ... SET STATISTICS target when set
//   Column.generated {expr, "STORED"} (PostgreSQL only has stored generated columns)
//   Column.type      serial/bigserial/smallserial when the default is nextval() of the
//                    sequence "<table>_<column>_seq" (the default is then dropped)
//   Table.options    "unlogged"           "true"
//                    "partition"          pg_get_partkeydef text, e.g. "RANGE (created)"
//                    "partition_of", "partition_of_schema", "partition_bound" (see below)
//                    "row_security_enabled", "row_security_enforced" "true" (ENABLE/FORCE ROW LEVEL SECURITY)
//   Index.options    "type"               access method in upper case when not BTREE
//                    "include"            INCLUDE columns, comma-separated
//                    "nulls_distinct"     "false" for NULLS NOT DISTINCT
//                    "page_per_range"     BRIN pages_per_range storage parameter when set
//                    "constraint"         "true" when the index backs a UNIQUE constraint
//                    "exclude"            "true" when it backs an EXCLUDE constraint
//                    "deferrable"/"initially_deferred" "true" (constraint indexes, PK)
//   IndexPart.options "ops"               operator class when not the type's default
//                    "nulls_first"        "true" on an ASC part with NULLS FIRST
//                    "nulls_last"         "true" on a DESC part with NULLS LAST
//                    "collate"            collation when not the column's (default for expressions)
//                    "op"                 the operator of an EXCLUDE constraint part
//   ForeignKey.options "deferrable", "initially_deferred", "not_valid" = "true";
//                    "match" = "FULL" | "PARTIAL" when not SIMPLE
//   Check.options    "not_valid", "no_inherit" = "true"
//
// Partitions (children) get Table.options "partition_of" (parent name),
// "partition_of_schema" (when not the child's), "partition_bound"
// (pg_get_expr(relpartbound): "FOR VALUES ...", "DEFAULT"); the columns,
// indexes and constraints they inherit from the parent are left out.
// Tables owned by extensions are left out.
#include "dialect/postgres/inspect.h"

#include <cctype>
#include <map>
#include <unordered_map>

#include "base/strings.h"
#include "db/row_reader.h"
#include "dialect/postgres/inspect_code.h"
#include "dialect/postgres/inspect_types.h"
#include "dialect/postgres/normalize.h"
#include "dialect/postgres/queries.h"
#include "dialect/postgres/types.h"

namespace strata::dialect::postgres {
namespace {

using db::RowReader;

Status Annotate(const Status& s, const char* what) { return s.Wrap(std::string("inspecting ") + what); }

schema::ReferenceAction Action(const std::string& code) {
  if (code == "r") return schema::ReferenceAction::kRestrict;
  if (code == "c") return schema::ReferenceAction::kCascade;
  if (code == "n") return schema::ReferenceAction::kSetNull;
  if (code == "d") return schema::ReferenceAction::kSetDefault;
  return schema::ReferenceAction::kNoAction;
}

bool IsNumber(const std::string& s) {
  if (s.empty()) return false;
  size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  bool digit = false, dot = false;
  for (; i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) digit = true;
    else if (s[i] == '.' && !dot) dot = true;
    else return false;
  }
  return digit;
}

// The name of the sequence a "nextval('s.t_c_seq'::regclass)" default reads, or "".
std::string NextvalSequence(const std::string& def) {
  static const std::string kPrefix = "nextval('";
  static const std::string kSuffix = "'::regclass)";
  if (!StartsWith(def, kPrefix) || !EndsWith(def, kSuffix)) return "";
  std::string name = def.substr(kPrefix.size(), def.size() - kPrefix.size() - kSuffix.size());
  if (size_t dot = name.rfind('.'); dot != std::string::npos) name = name.substr(dot + 1);
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
  return name;
}

void SetSerial(schema::Column& c, const std::string& table) {
  if (!c.default_value || c.default_value->kind != schema::Expr::Kind::kRaw) return;
  if (NextvalSequence(c.default_value->text) != table + "_" + c.name + "_seq") return;
  std::string serial;
  if (c.type.name == "integer") serial = "serial";
  else if (c.type.name == "bigint") serial = "bigserial";
  else if (c.type.name == "smallint") serial = "smallserial";
  else return;
  c.type = PostgresTypes().ParseSQL(serial);
  c.default_value.reset();
}

bool IsPartition(const schema::Table& t) { return t.options.Has("partition_of"); }

struct TableRef {
  size_t schema = 0;
  size_t table = 0;
};

std::string CommaList(const std::vector<std::string>& v) { return strata::Join(v, ","); }

}  // namespace

std::vector<std::string> ParseTextArray(const std::string& text) {
  std::vector<std::string> out;
  std::string s = Trim(text);
  if (s.size() < 2 || s.front() != '{' || s.back() != '}') return out;
  s = s.substr(1, s.size() - 2);
  if (s.empty()) return out;
  std::string cur;
  bool quoted = false, in_quote = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_quote) {
      if (c == '\\' && i + 1 < s.size()) cur += s[++i];
      else if (c == '"') in_quote = false;
      else cur += c;
      continue;
    }
    if (c == '"') {
      in_quote = quoted = true;
    } else if (c == ',') {
      out.push_back(!quoted && cur == "NULL" ? "" : cur);
      cur.clear();
      quoted = false;
    } else {
      cur += c;
    }
  }
  out.push_back(!quoted && cur == "NULL" ? "" : cur);
  return out;
}

std::string TextArrayLiteral(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  quoted.reserve(items.size());
  for (const auto& it : items) quoted.push_back("\"" + ReplaceAll(ReplaceAll(it, "\\", "\\\\"), "\"", "\\\"") + "\"");
  return "{" + strata::Join(quoted, ",") + "}";
}

schema::Expr ParseDefault(const std::string& raw) {
  std::string e = Trim(raw);
  schema::Expr out{schema::Expr::Kind::kRaw, e};
  if (IsNumber(e) || e == "true" || e == "false") {
    out.kind = schema::Expr::Kind::kLiteral;
    return out;
  }
  // 'text'::type (the cast may be several words: ::character varying).
  if (!e.empty() && e[0] == '\'') {
    size_t i = 1;
    for (; i < e.size(); ++i) {
      if (e[i] == '\'') {
        if (i + 1 < e.size() && e[i + 1] == '\'') {
          ++i;
          continue;
        }
        break;
      }
    }
    if (i >= e.size()) return out;
    std::string lit = e.substr(0, i + 1);
    std::string rest = e.substr(i + 1);
    // Only casts may follow ("::character varying", "::numeric(10,2)[]").
    if (!rest.empty() && !StartsWith(rest, "::")) return out;
    for (char c : rest) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && std::string_view(":_ ().,[]\"").find(c) == std::string_view::npos)
        return out;
    }
    std::string inner = lit.substr(1, lit.size() - 2);
    out.kind = schema::Expr::Kind::kLiteral;
    out.text = IsNumber(inner) ? inner : lit;
  }
  return out;
}

Result<schema::Realm> InspectSchemas(db::Conn& conn, const std::vector<std::string>& names) {
  schema::Realm realm;
  auto srows = conn.Query(queries::kSchemas, {TextArrayLiteral(names)});
  if (!srows.ok()) return Annotate(srows.status(), "schemas");
  RowReader sr(*srows);
  std::vector<std::string> schema_names;
  for (size_t r = 0; r < sr.size(); ++r) {
    schema::Schema s;
    s.name = sr.Str(r, "name");
    s.comment = sr.Str(r, "comment");
    schema_names.push_back(s.name);
    realm.schemas.push_back(std::move(s));
  }
  if (realm.schemas.empty()) return realm;
  RETURN_IF_ERROR(InspectTypeObjects(conn, &realm));  // enums, domains, sequences, ... (inspect_types.h)

  auto trows = conn.Query(queries::kTables, {TextArrayLiteral(schema_names)});
  if (!trows.ok()) return Annotate(trows.status(), "tables");
  RowReader tr(*trows);
  std::unordered_map<std::string, TableRef> by_oid;
  std::map<std::string, size_t> schema_index;
  for (size_t i = 0; i < realm.schemas.size(); ++i) schema_index[realm.schemas[i].name] = i;
  std::vector<std::string> oids;
  for (size_t r = 0; r < tr.size(); ++r) {
    schema::Table t;
    t.schema = tr.Str(r, "schema");
    t.name = tr.Str(r, "name");
    t.comment = tr.Str(r, "comment");
    if (tr.Bool(r, "unlogged")) t.options.Set("unlogged", "true");
    if (tr.Bool(r, "row_security")) t.options.Set("row_security_enabled", "true");
    if (tr.Bool(r, "row_security_enforced")) t.options.Set("row_security_enforced", "true");
    if (!tr.Null(r, "partition_key")) t.options.Set("partition", tr.Str(r, "partition_key"));
    if (!tr.Null(r, "partition_of")) {
      // A partition: what it inherits from its parent is left out below.
      t.options.Set("partition_of", tr.Str(r, "partition_of"));
      if (tr.Str(r, "partition_of_schema") != t.schema)
        t.options.Set("partition_of_schema", tr.Str(r, "partition_of_schema"));
      t.options.Set("partition_bound", tr.Str(r, "partition_bound"));
    }
    auto it = schema_index.find(t.schema);
    if (it == schema_index.end()) continue;
    auto& tables = realm.schemas[it->second].tables;
    by_oid[tr.Str(r, "oid")] = TableRef{it->second, tables.size()};
    oids.push_back(tr.Str(r, "oid"));
    tables.push_back(std::move(t));
  }
  if (oids.empty()) {
    RETURN_IF_ERROR(InspectCode(conn, realm));  // views, routines, ... (inspect_code.h)
    return realm;
  }
  const std::string oid_array = "{" + strata::Join(oids, ",") + "}";
  auto table_of = [&](const std::string& oid) -> schema::Table* {
    auto it = by_oid.find(oid);
    if (it == by_oid.end()) return nullptr;
    return &realm.schemas[it->second.schema].tables[it->second.table];
  };

  // Columns.
  auto crows = conn.Query(queries::kColumns, {oid_array});
  if (!crows.ok()) return Annotate(crows.status(), "columns");
  RowReader cr(*crows);
  for (size_t r = 0; r < cr.size(); ++r) {
    schema::Table* t = table_of(cr.Str(r, "table_oid"));
    if (t == nullptr || (IsPartition(*t) && !cr.Bool(r, "local"))) continue;
    schema::Column c;
    c.name = cr.Str(r, "name");
    c.type = ParseType(cr.Str(r, "type"));
    // Enums, domains, composites: bare name + schema (schema::Type::schema).
    if (!cr.Null(r, "object_schema")) c.type = ObjectColumnType(cr.Str(r, "object_type"), cr.Str(r, "object_schema"));
    c.nullable = !cr.Bool(r, "not_null");
    if (!cr.Null(r, "default_expr")) c.default_value = ParseDefault(cr.Str(r, "default_expr"));
    if (!cr.Null(r, "generated")) c.generated = schema::GeneratedExpr{cr.Str(r, "generated"), "STORED"};
    std::string identity = cr.Str(r, "identity");
    if (identity == "a" || identity == "d") {
      c.options.Set("identity", identity == "a" ? "ALWAYS" : "BY DEFAULT");
      std::string start = cr.Str(r, "identity_start"), inc = cr.Str(r, "identity_increment");
      if (!start.empty() && start != "1") c.options.Set("identity_start", start);
      if (!inc.empty() && inc != "1") c.options.Set("identity_increment", inc);
    }
    if (!cr.Null(r, "collation")) c.options.Set("collate", cr.Str(r, "collation"));
    if (!cr.Null(r, "statistics")) c.options.Set("statistics", cr.Str(r, "statistics"));
    c.comment = cr.Str(r, "comment");
    SetSerial(c, t->name);
    t->columns.push_back(std::move(c));
  }

  // Index parts, then indexes (the primary key's index gives its parts).
  auto prows = conn.Query(queries::kIndexParts, {oid_array});
  if (!prows.ok()) return Annotate(prows.status(), "index columns");
  RowReader pr(*prows);
  struct Parts {
    std::vector<schema::IndexPart> keys;
    std::vector<std::string> include;
  };
  std::unordered_map<std::string, Parts> parts;
  for (size_t r = 0; r < pr.size(); ++r) {
    Parts& p = parts[pr.Str(r, "index_oid")];
    if (!pr.Bool(r, "key")) {
      p.include.push_back(pr.Str(r, "column"));
      continue;
    }
    schema::IndexPart part;
    if (!pr.Null(r, "column")) part.column = pr.Str(r, "column");
    else part.expr = StripOuterParens(pr.Str(r, "definition"));
    part.desc = pr.Bool(r, "desc");
    bool nulls_first = pr.Bool(r, "nulls_first");
    if (!part.desc && nulls_first) part.options.Set("nulls_first", "true");
    if (part.desc && !nulls_first) part.options.Set("nulls_last", "true");
    if (!pr.Null(r, "opclass")) part.options.Set("ops", pr.Str(r, "opclass"));
    if (!pr.Null(r, "collation")) part.options.Set("collate", pr.Str(r, "collation"));
    p.keys.push_back(std::move(part));
  }

  auto irows = conn.Query(queries::kIndexes, {oid_array});
  if (!irows.ok()) return Annotate(irows.status(), "indexes");
  RowReader ir(*irows);
  std::unordered_map<std::string, schema::Index> pk_index;  // by index oid
  std::unordered_map<std::string, std::pair<schema::Table*, size_t>> constraint_index;
  for (size_t r = 0; r < ir.size(); ++r) {
    schema::Table* t = table_of(ir.Str(r, "table_oid"));
    if (t == nullptr || (IsPartition(*t) && ir.Bool(r, "inherited"))) continue;
    std::string ctype = ir.Str(r, "constraint_type");
    schema::Index idx;
    idx.name = ir.Str(r, "name");
    idx.unique = ir.Bool(r, "unique");
    idx.where = ir.Str(r, "predicate");
    idx.comment = ir.Str(r, "comment");
    std::string method = ToUpper(ir.Str(r, "method"));
    if (method != "BTREE") idx.options.Set("type", method);
    Parts& p = parts[ir.Str(r, "index_oid")];
    idx.parts = p.keys;
    if (!p.include.empty()) idx.options.Set("include", CommaList(p.include));
    if (ir.Bool(r, "nulls_not_distinct")) idx.options.Set("nulls_distinct", "false");
    if (!ir.Null(r, "pages_per_range")) idx.options.Set("page_per_range", ir.Str(r, "pages_per_range"));
    if (ctype == "u") idx.options.Set("constraint", "true");
    if (ctype == "x") {
      // An exclusion constraint: its index with the operator of each part.
      idx.options.Set("exclude", "true");
      auto ops = ParseTextArray(ir.Str(r, "exclude_ops"));
      for (size_t i = 0; i < idx.parts.size() && i < ops.size(); ++i) idx.parts[i].options.Set("op", ops[i]);
    }
    if (ir.Bool(r, "primary")) {
      pk_index[ir.Str(r, "index_oid")] = std::move(idx);
      continue;
    }
    if (ctype == "u" || ctype == "x") constraint_index[ir.Str(r, "index_oid")] = {t, t->indexes.size()};
    t->indexes.push_back(std::move(idx));
  }

  // Constraints.
  auto krows = conn.Query(queries::kConstraints, {oid_array});
  if (!krows.ok()) return Annotate(krows.status(), "constraints");
  RowReader kr(*krows);
  for (size_t r = 0; r < kr.size(); ++r) {
    schema::Table* t = table_of(kr.Str(r, "table_oid"));
    if (t == nullptr || (IsPartition(*t) && kr.Bool(r, "inherited"))) continue;
    std::string type = kr.Str(r, "type");
    std::string name = kr.Str(r, "name");
    schema::Options deferral;
    if (kr.Bool(r, "deferrable")) deferral.Set("deferrable", "true");
    if (kr.Bool(r, "deferred")) deferral.Set("initially_deferred", "true");
    if (type == "p") {
      schema::Index pk;
      if (auto it = pk_index.find(kr.Str(r, "index_oid")); it != pk_index.end()) pk = it->second;
      pk.name = name;
      pk.unique = true;
      if (pk.parts.empty())
        for (const auto& c : ParseTextArray(kr.Str(r, "columns"))) pk.parts.push_back({c, "", false, {}});
      for (const auto& [k, v] : deferral.items()) pk.options.Set(k, v);
      pk.comment = kr.Str(r, "comment");
      t->primary_key = std::move(pk);
    } else if (type == "u" || type == "x") {
      auto it = constraint_index.find(kr.Str(r, "index_oid"));
      if (it == constraint_index.end()) continue;
      schema::Index& idx = it->second.first->indexes[it->second.second];
      for (const auto& [k, v] : deferral.items()) idx.options.Set(k, v);
      if (std::string cm = kr.Str(r, "comment"); !cm.empty()) idx.comment = cm;
    } else if (type == "f") {
      schema::ForeignKey fk;
      fk.symbol = name;
      fk.columns = ParseTextArray(kr.Str(r, "columns"));
      fk.ref_schema = kr.Str(r, "ref_schema");
      if (fk.ref_schema == t->schema) fk.ref_schema.clear();
      fk.ref_table = kr.Str(r, "ref_table");
      fk.ref_columns = ParseTextArray(kr.Str(r, "ref_columns"));
      fk.on_update = Action(kr.Str(r, "on_update"));
      fk.on_delete = Action(kr.Str(r, "on_delete"));
      fk.options = deferral;
      std::string match = kr.Str(r, "match");
      if (match == "f") fk.options.Set("match", "FULL");
      if (match == "p") fk.options.Set("match", "PARTIAL");
      if (!kr.Bool(r, "validated")) fk.options.Set("not_valid", "true");
      t->foreign_keys.push_back(std::move(fk));
    } else if (type == "c") {
      schema::Check ck;
      ck.name = name;
      ck.expr = StripOuterParens(kr.Str(r, "check_expr"));
      if (!kr.Bool(r, "validated")) ck.options.Set("not_valid", "true");
      if (kr.Bool(r, "no_inherit")) ck.options.Set("no_inherit", "true");
      t->checks.push_back(std::move(ck));
    }
  }
  RETURN_IF_ERROR(InspectCode(conn, realm));
  return realm;
}

}  // namespace strata::dialect::postgres
