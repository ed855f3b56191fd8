// MySQL/MariaDB inspection. Schema-model options set here (the renderer and
// the HCL spec read the same keys; CONVENTIONS.md):
//
//   Schema.options   "charset", "collate"    the database defaults
//   Table.options    "engine"                when not InnoDB
//                    "charset", "collate"    when not the schema's
//                    "auto_increment"        next AUTO_INCREMENT value when > 1
//                    "partition"             "PARTITION BY ..." clause text
//   Column.options   "charset", "collate"    when not the table's
//                    "on_update"             e.g. "CURRENT_TIMESTAMP(3)"
//                    "auto_increment", "invisible" = "true"
//   Column.generated {expr, "VIRTUAL" | "STORED"}
//   Index.options    "type"                  FULLTEXT, SPATIAL or HASH (BTREE is left out)
//   IndexPart        desc; options "prefix" = N (SUB_PART); expr for functional parts
//   Check.options    "enforced" = "false"    MySQL 8 NOT ENFORCED
//   View.options     "security" = "INVOKER"  (DEFINER is the default and left out)
//   Trigger.options  "timing", "events", "for_each" ("ROW"); def is the body
//                    (ACTION_STATEMENT)
//   Object           kind "function" | "procedure" | "event"; def is the full
//                    CREATE statement (no DEFINER, schema-unqualified), signature "".
//                    options: "args" ("(IN `x` int(11), ...)"), "returns" (functions),
//                    "deterministic" = "true", "data_access" (when not CONTAINS SQL),
//                    "security" = "INVOKER"; events: "schedule" (AT ... | EVERY ...
//                    [ENDS ...]; STARTS is left out: the server fills in the creation
//                    time), "on_completion" = "PRESERVE", "status" = "DISABLE" |
//                    "DISABLE ON SLAVE"
// The primary key has an empty name (MySQL always calls it PRIMARY).
#include "dialect/mysql/inspect.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "base/strings.h"
#include "db/row_reader.h"
#include "db/mysql/conn.h"
#include "dialect/mysql/queries.h"
#include "dialect/mysql/types.h"

namespace strata::dialect::mysql {
namespace {

using db::mysql::QuoteIdent;

using db::RowReader;

Status Annotate(const Status& s, const char* what) { return s.Wrap(std::string("inspecting ") + what); }

Result<db::Rows> Run(db::Conn& conn, const queries::Bound& q, const char* what) {
  auto rows = conn.Query(q.sql, q.args);
  if (!rows.ok()) return Annotate(rows.status(), what);
  return rows;
}

bool IsNumber(const std::string& s) {
  if (s.empty()) return false;
  size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  bool digit = false, dot = false, exp = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digit = true;
    } else if (c == '.' && !dot && !exp) {
      dot = true;
    } else if ((c == 'e' || c == 'E') && digit && !exp) {
      exp = true;
      if (i + 1 < s.size() && (s[i + 1] == '-' || s[i + 1] == '+')) ++i;
    } else {
      return false;
    }
  }
  return digit;
}

// "(a > 0)" -> "a > 0" when the outer parentheses wrap the whole text.
std::string StripOuterParens(std::string s) {
  s = Trim(s);
  while (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    int depth = 0;
    char quote = 0;
    bool wraps = true;
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (quote) {
        if (c == '\\') ++i;
        else if (c == quote) quote = 0;
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') quote = c;
      else if (c == '(') ++depth;
      else if (c == ')' && --depth == 0 && i + 1 < s.size()) {
        wraps = false;
        break;
      }
    }
    if (!wraps) break;
    s = Trim(s.substr(1, s.size() - 2));
  }
  return s;
}

// current_timestamp(), now(), localtimestamp and friends in one spelling:
// CURRENT_TIMESTAMP or CURRENT_TIMESTAMP(p). Anything else unchanged.
std::string CanonicalNow(const std::string& e) {
  std::string l = ToLower(Trim(e));
  static const char* const kNames[] = {"current_timestamp", "now", "localtimestamp", "localtime"};
  for (const char* n : kNames) {
    std::string name = n;
    if (l == name) return "CURRENT_TIMESTAMP";
    if (StartsWith(l, name + "(") && EndsWith(l, ")")) {
      std::string arg = Trim(l.substr(name.size() + 1, l.size() - name.size() - 2));
      if (arg.empty() || arg == "0") return "CURRENT_TIMESTAMP";
      bool digits = true;
      for (char c : arg) digits = digits && std::isdigit(static_cast<unsigned char>(c));
      if (digits) return "CURRENT_TIMESTAMP(" + arg + ")";
    }
  }
  return Trim(e);
}

bool IsNowExpr(const std::string& e) { return StartsWith(CanonicalNow(e), "CURRENT_TIMESTAMP"); }

// Types whose defaults are written without quotes.
bool NumericType(const std::string& column_type) {
  std::string t = ToLower(column_type);
  static const char* const kNumeric[] = {"tinyint", "smallint", "mediumint", "int", "integer", "bigint", "decimal",
                                         "numeric", "float", "double", "real", "bit", "year", "bool", "boolean",
                                         "dec", "fixed"};
  for (const char* n : kNumeric) {
    std::string name = n;
    if (t == name || StartsWith(t, name + "(") || StartsWith(t, name + " ")) return true;
  }
  return false;
}

// The text after "on update " in EXTRA, up to a comma.
std::string ExtraOnUpdate(const std::string& extra) {
  std::string l = ToLower(extra);
  size_t p = l.find("on update ");
  if (p == std::string::npos) return "";
  std::string rest = extra.substr(p + 10);
  // The expression may itself hold commas in parentheses; EXTRA lists
  // flags separated by ", " after it (MariaDB: "on update ...").
  int depth = 0;
  size_t end = rest.size();
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '(') ++depth;
    else if (rest[i] == ')') --depth;
    else if (rest[i] == ',' && depth == 0) {
      end = i;
      break;
    }
  }
  return Trim(rest.substr(0, end));
}

bool HasFlag(const std::string& extra, const char* flag) {
  for (const auto& part : Split(ToUpper(extra), ","))
    for (const auto& word : Split(Trim(part), " "))
      if (word == flag) return true;
  return false;
}

// `Name` references of a definition, for ordering views after what they read.
std::set<std::string> BackquotedNames(const std::string& def) {
  std::set<std::string> out;
  for (size_t i = 0; i < def.size(); ++i) {
    char c = def[i];
    if (c == '\'' || c == '"') {
      for (++i; i < def.size() && def[i] != c; ++i)
        if (def[i] == '\\') ++i;
      continue;
    }
    if (c != '`') continue;
    std::string name;
    for (++i; i < def.size(); ++i) {
      if (def[i] == '`') {
        if (i + 1 < def.size() && def[i + 1] == '`') {
          name += '`';
          ++i;
          continue;
        }
        break;
      }
      name += def[i];
    }
    out.insert(name);
  }
  return out;
}

// "PARTITION BY RANGE (expr) (PARTITION p0 VALUES LESS THAN (10), ...)".
struct PartitionRow {
  std::string name, subname, method, expression, submethod, subexpression, description;
};

std::string PartitionBounds(const std::string& method, const std::string& desc) {
  std::string m = ToUpper(method);
  if (StartsWith(m, "RANGE")) {
    return desc == "MAXVALUE" ? " VALUES LESS THAN MAXVALUE" : " VALUES LESS THAN (" + desc + ")";
  }
  if (StartsWith(m, "LIST")) return " VALUES IN (" + desc + ")";
  return "";
}

std::string ByClause(const std::string& method, const std::string& expr) {
  std::string m = ToUpper(method);
  if (EndsWith(m, "COLUMNS")) return m + "(" + expr + ")";
  return m + " (" + expr + ")";
}

std::string PartitionClause(const std::vector<PartitionRow>& rows) {
  if (rows.empty()) return "";
  const PartitionRow& first = rows.front();
  if (ToUpper(first.method) == "SYSTEM_TIME") return "PARTITION BY SYSTEM_TIME";
  std::string out = "PARTITION BY " + ByClause(first.method, first.expression);
  if (!first.submethod.empty()) out += " SUBPARTITION BY " + ByClause(first.submethod, first.subexpression);
  std::vector<std::string> parts;
  for (size_t i = 0; i < rows.size();) {
    const PartitionRow& p = rows[i];
    std::string def = "PARTITION " + QuoteIdent(p.name) + PartitionBounds(p.method, p.description);
    std::vector<std::string> subs;
    size_t j = i;
    for (; j < rows.size() && rows[j].name == p.name; ++j) {
      if (!rows[j].subname.empty()) subs.push_back("SUBPARTITION " + QuoteIdent(rows[j].subname));
    }
    if (!subs.empty()) def += " (" + Join(subs, ", ") + ")";
    parts.push_back(def);
    i = j;
  }
  return out + " (" + Join(parts, ", ") + ")";
}

struct TableRef {
  size_t schema = 0;
  size_t table = 0;
};

std::string Key(const std::string& schema, const std::string& name) { return schema + '\x1f' + name; }

}  // namespace

std::optional<schema::Expr> ParseDefault(const std::optional<std::string>& value, const std::string& column_type,
                                         const std::string& extra, const Flavor& flavor) {
  if (!value) return std::nullopt;
  const std::string& v = *value;
  using Kind = schema::Expr::Kind;
  if (flavor.mariadb) {
    // MariaDB 10.2.7+: literals are quoted, NULL is the word NULL, anything
    // else is an expression (numbers and b'..' literals print bare).
    if (v == "NULL") return std::nullopt;
    if (!v.empty() && v.front() == '\'') return schema::Expr{Kind::kLiteral, v};
    if (IsNumber(v) || StartsWith(ToLower(v), "b'") || StartsWith(ToLower(v), "x'")) {
      return schema::Expr{Kind::kLiteral, v};
    }
    std::string e = StripOuterParens(v);
    if (IsNumber(e)) return schema::Expr{Kind::kLiteral, e};
    return schema::Expr{Kind::kRaw, CanonicalNow(e)};
  }
  // MySQL: expression defaults carry DEFAULT_GENERATED (8.0.13+); the
  // CURRENT_TIMESTAMP of temporal columns does not.
  if (HasFlag(extra, "DEFAULT_GENERATED") || IsNowExpr(v)) {
    std::string e = StripOuterParens(v);
    return schema::Expr{IsNumber(e) ? Kind::kLiteral : Kind::kRaw, CanonicalNow(e)};
  }
  if (NumericType(column_type) && (IsNumber(v) || StartsWith(ToLower(v), "b'"))) {
    return schema::Expr{Kind::kLiteral, v};
  }
  return schema::Expr{Kind::kLiteral, "'" + ReplaceAll(ReplaceAll(v, "\\", "\\\\"), "'", "''") + "'"};
}

std::string OnUpdate(const std::string& extra) {
  std::string e = ExtraOnUpdate(extra);
  return e.empty() ? "" : CanonicalNow(e);
}

std::string Unqualify(const std::string& def, const std::string& schema) {
  const std::string q = QuoteIdent(schema) + ".";
  std::string out;
  out.reserve(def.size());
  for (size_t i = 0; i < def.size();) {
    char c = def[i];
    if (c == '\'' || c == '"') {
      size_t j = i + 1;
      for (; j < def.size() && def[j] != c; ++j)
        if (def[j] == '\\') ++j;
      out.append(def, i, j + 1 - i);
      i = j + 1;
      continue;
    }
    if (c == '`') {
      if (def.compare(i, q.size(), q) == 0) {
        i += q.size();
        continue;
      }
      size_t j = i + 1;
      for (; j < def.size(); ++j) {
        if (def[j] == '`') {
          if (j + 1 < def.size() && def[j + 1] == '`') {
            ++j;
            continue;
          }
          break;
        }
      }
      out.append(def, i, j + 1 - i);
      i = j + 1;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

Result<schema::Realm> InspectSchemas(db::Conn& conn, const std::vector<std::string>& names, const Flavor& flavor) {
  schema::Realm realm;
  ASSIGN_OR_RETURN(db::Rows srows, Run(conn, queries::Schemas(names, flavor), "schemas"));
  RowReader sr(srows);
  std::vector<std::string> schema_names;
  std::map<std::string, size_t> schema_index;
  for (size_t r = 0; r < sr.size(); ++r) {
    schema::Schema s;
    s.name = sr.Str(r, "name");
    s.comment = sr.Str(r, "comment");
    if (std::string cs = sr.Str(r, "charset"); !cs.empty()) s.options.Set("charset", cs);
    if (std::string co = sr.Str(r, "collation"); !co.empty()) s.options.Set("collate", co);
    schema_index[s.name] = realm.schemas.size();
    schema_names.push_back(s.name);
    realm.schemas.push_back(std::move(s));
  }
  if (realm.schemas.empty()) return realm;

  // Tables.
  ASSIGN_OR_RETURN(db::Rows trows, Run(conn, queries::Tables(schema_names), "tables"));
  RowReader tr(trows);
  std::unordered_map<std::string, TableRef> tables;
  for (size_t r = 0; r < tr.size(); ++r) {
    auto it = schema_index.find(tr.Str(r, "schema"));
    if (it == schema_index.end()) continue;
    schema::Schema& s = realm.schemas[it->second];
    schema::Table t;
    t.schema = s.name;
    t.name = tr.Str(r, "name");
    t.comment = tr.Str(r, "comment");
    std::string engine = tr.Str(r, "engine");
    if (!engine.empty() && !EqualFold(engine, "InnoDB")) t.options.Set("engine", engine);
    std::string collate = tr.Str(r, "collation");
    std::string charset = collate.substr(0, collate.find('_'));  // every collation name starts with its charset
    if (!charset.empty() && charset != s.options.Get("charset")) t.options.Set("charset", charset);
    if (!collate.empty() && collate != s.options.Get("collate")) t.options.Set("collate", collate);
    std::string ai = tr.Str(r, "auto_increment");
    if (!ai.empty() && ai != "0" && ai != "1") t.options.Set("auto_increment", ai);
    tables[Key(s.name, t.name)] = TableRef{it->second, s.tables.size()};
    s.tables.push_back(std::move(t));
  }
  auto table_of = [&](const std::string& schema, const std::string& name) -> schema::Table* {
    auto it = tables.find(Key(schema, name));
    if (it == tables.end()) return nullptr;
    return &realm.schemas[it->second.schema].tables[it->second.table];
  };

  // Partitions.
  ASSIGN_OR_RETURN(db::Rows prows, Run(conn, queries::Partitions(schema_names), "partitions"));
  {
    RowReader pr(prows);
    std::map<std::string, std::vector<PartitionRow>> by_table;
    for (size_t r = 0; r < pr.size(); ++r) {
      by_table[Key(pr.Str(r, "schema"), pr.Str(r, "table"))].push_back(
          PartitionRow{pr.Str(r, "name"), pr.Str(r, "subname"), pr.Str(r, "method"), pr.Str(r, "expression"),
                       pr.Str(r, "submethod"), pr.Str(r, "subexpression"), pr.Str(r, "description")});
    }
    for (const auto& [key, rows] : by_table) {
      auto it = tables.find(key);
      if (it == tables.end()) continue;
      realm.schemas[it->second.schema].tables[it->second.table].options.Set("partition", PartitionClause(rows));
    }
  }

  // Views (before columns: their columns come with the tables').
  ASSIGN_OR_RETURN(db::Rows vrows, Run(conn, queries::Views(schema_names), "views"));
  RowReader vr(vrows);
  std::unordered_map<std::string, TableRef> views;
  for (size_t r = 0; r < vr.size(); ++r) {
    auto it = schema_index.find(vr.Str(r, "schema"));
    if (it == schema_index.end()) continue;
    schema::Schema& s = realm.schemas[it->second];
    schema::View v;
    v.schema = s.name;
    v.name = vr.Str(r, "name");
    v.def = Trim(Unqualify(vr.Str(r, "definition"), s.name));
    std::string check = ToUpper(vr.Str(r, "check_option"));
    if (!check.empty() && check != "NONE") v.check_option = check;
    if (ToUpper(vr.Str(r, "security")) == "INVOKER") v.options.Set("security", "INVOKER");
    views[Key(s.name, v.name)] = TableRef{it->second, s.views.size()};
    s.views.push_back(std::move(v));
  }
  // View dependencies: tables and views of the same schema it names.
  for (auto& s : realm.schemas) {
    for (auto& v : s.views) {
      for (const auto& n : BackquotedNames(v.def)) {
        if (n == v.name) continue;
        if (s.FindTable(n) != nullptr) v.depends_on.push_back("table." + n);
        else if (s.FindView(n) != nullptr) v.depends_on.push_back("view." + n);
      }
    }
  }

  // Checks (before columns: MariaDB's json columns are found through them).
  ASSIGN_OR_RETURN(db::Rows krows, Run(conn, queries::Checks(schema_names, flavor), "checks"));
  RowReader kr(krows);
  std::set<std::string> json_columns;  // Key(schema, table) + '\x1f' + column
  for (size_t r = 0; r < kr.size(); ++r) {
    schema::Table* t = table_of(kr.Str(r, "schema"), kr.Str(r, "table"));
    if (t == nullptr) continue;
    schema::Check ck;
    ck.name = kr.Str(r, "name");
    ck.expr = StripOuterParens(kr.Str(r, "clause"));
    if (ToUpper(kr.Str(r, "level")) == "COLUMN" &&
        ReplaceAll(ToLower(ck.expr), " ", "") == "json_valid(" + ToLower(QuoteIdent(ck.name)) + ")") {
      // MariaDB's json is longtext plus this check, named after the column.
      json_columns.insert(Key(Key(t->schema, t->name), ck.name));
      continue;
    }
    if (ToUpper(kr.Str(r, "enforced")) == "NO") ck.options.Set("enforced", "false");
    t->checks.push_back(std::move(ck));
  }

  // Columns of tables and views.
  ASSIGN_OR_RETURN(db::Rows crows, Run(conn, queries::Columns(schema_names), "columns"));
  RowReader cr(crows);
  for (size_t r = 0; r < cr.size(); ++r) {
    std::string sname = cr.Str(r, "schema"), tname = cr.Str(r, "table");
    schema::Table* t = table_of(sname, tname);
    std::string column_type = cr.Str(r, "column_type");
    if (t == nullptr) {
      if (auto it = views.find(Key(sname, tname)); it != views.end()) {
        realm.schemas[it->second.schema].views[it->second.table].columns.push_back(
            schema::ViewColumn{cr.Str(r, "name"), ParseType(column_type)});
      }
      continue;
    }
    schema::Column c;
    c.name = cr.Str(r, "name");
    std::string extra = cr.Str(r, "extra");
    bool json = json_columns.count(Key(Key(sname, tname), c.name)) > 0;
    c.type = ParseType(json ? "json" : column_type);
    c.nullable = ToUpper(cr.Str(r, "nullable")) == "YES";
    c.comment = cr.Str(r, "comment");
    std::string gen = cr.Str(r, "generation_expression");
    if (!gen.empty() && (HasFlag(extra, "GENERATED"))) {
      c.generated = schema::GeneratedExpr{StripOuterParens(gen), HasFlag(extra, "STORED") ? "STORED" : "VIRTUAL"};
    } else {
      c.default_value = ParseDefault(cr.Opt(r, "default_value"), column_type, extra, flavor);
    }
    if (!json) {
      const schema::Schema& s = realm.schemas[schema_index[sname]];
      std::string table_charset = t->options.Get("charset", s.options.Get("charset"));
      std::string table_collate = t->options.Get("collate", s.options.Get("collate"));
      std::string cs = cr.Str(r, "charset"), co = cr.Str(r, "collation");
      if (!cs.empty() && cs != table_charset) c.options.Set("charset", cs);
      if (!co.empty() && co != table_collate) c.options.Set("collate", co);
    }
    if (std::string on = OnUpdate(extra); !on.empty()) c.options.Set("on_update", on);
    if (HasFlag(extra, "AUTO_INCREMENT")) c.options.Set("auto_increment", "true");
    if (HasFlag(extra, "INVISIBLE")) c.options.Set("invisible", "true");
    t->columns.push_back(std::move(c));
  }

  // Indexes and the primary key: one row per part. Rows are grouped by key,
  // not by adjacency: information_schema sorts names case-insensitively, so
  // the parts of tables `T` and `t` may interleave.
  ASSIGN_OR_RETURN(db::Rows irows, Run(conn, queries::Indexes(schema_names, flavor), "indexes"));
  RowReader ir(irows);
  struct PendingIndex {
    schema::Table* table;
    schema::Index index;
  };
  std::vector<PendingIndex> pending_indexes;
  std::unordered_map<std::string, size_t> index_pos;
  for (size_t r = 0; r < ir.size(); ++r) {
    std::string sname = ir.Str(r, "schema"), tname = ir.Str(r, "table"), iname = ir.Str(r, "name");
    schema::Table* t = table_of(sname, tname);
    if (t == nullptr) continue;
    std::string key = Key(Key(sname, tname), iname);
    auto [it, added] = index_pos.emplace(key, pending_indexes.size());
    if (added) {
      schema::Index idx;
      idx.name = iname;
      idx.unique = ir.Str(r, "non_unique") == "0";
      idx.comment = ir.Str(r, "comment");
      std::string type = ToUpper(ir.Str(r, "index_type"));
      if (!type.empty() && type != "BTREE") idx.options.Set("type", type);
      pending_indexes.push_back(PendingIndex{t, std::move(idx)});
    }
    schema::IndexPart part;
    if (!ir.Null(r, "column")) part.column = ir.Str(r, "column");
    else part.expr = StripOuterParens(ir.Str(r, "expression"));
    part.desc = ToUpper(ir.Str(r, "collation")) == "D";
    // MariaDB reports SUB_PART 32 for SPATIAL key parts, which take no prefix.
    if (std::string sub = ir.Str(r, "sub_part"); !sub.empty() && ToUpper(ir.Str(r, "index_type")) != "SPATIAL") {
      part.options.Set("prefix", sub);
    }
    pending_indexes[it->second].index.parts.push_back(std::move(part));
  }
  for (auto& [t, idx] : pending_indexes) {
    if (idx.name == "PRIMARY") {
      idx.name.clear();
      t->primary_key = std::move(idx);
    } else {
      t->indexes.push_back(std::move(idx));
    }
  }

  // Foreign keys: one row per column, grouped by key as above; actions from a
  // second query.
  ASSIGN_OR_RETURN(db::Rows frows, Run(conn, queries::ForeignKeys(schema_names), "foreign keys"));
  ASSIGN_OR_RETURN(db::Rows arows, Run(conn, queries::ForeignKeyActions(schema_names), "foreign key actions"));
  std::unordered_map<std::string, std::pair<std::string, std::string>> actions;
  {
    RowReader ar(arows);
    for (size_t r = 0; r < ar.size(); ++r) {
      actions[Key(Key(ar.Str(r, "schema"), ar.Str(r, "table")), ar.Str(r, "name"))] = {ar.Str(r, "update_rule"),
                                                                                       ar.Str(r, "delete_rule")};
    }
  }
  RowReader fr(frows);
  struct PendingFk {
    schema::Table* table;
    schema::ForeignKey fk;
  };
  std::vector<PendingFk> pending_fks;
  std::unordered_map<std::string, size_t> fk_pos;
  for (size_t r = 0; r < fr.size(); ++r) {
    std::string sname = fr.Str(r, "schema"), tname = fr.Str(r, "table"), fname = fr.Str(r, "name");
    schema::Table* t = table_of(sname, tname);
    if (t == nullptr) continue;
    auto [it, added] = fk_pos.emplace(Key(Key(sname, tname), fname), pending_fks.size());
    if (added) {
      schema::ForeignKey fk;
      fk.symbol = fname;
      fk.ref_schema = fr.Str(r, "ref_schema");
      if (fk.ref_schema == sname) fk.ref_schema.clear();
      fk.ref_table = fr.Str(r, "ref_table");
      const auto& rules = actions[Key(Key(sname, tname), fname)];
      fk.on_update = schema::ParseReferenceAction(rules.first).value_or(schema::ReferenceAction::kNone);
      fk.on_delete = schema::ParseReferenceAction(rules.second).value_or(schema::ReferenceAction::kNone);
      pending_fks.push_back(PendingFk{t, std::move(fk)});
    }
    schema::ForeignKey& fk = pending_fks[it->second].fk;
    fk.columns.push_back(fr.Str(r, "column"));
    fk.ref_columns.push_back(fr.Str(r, "ref_column"));
  }
  for (auto& [t, fk] : pending_fks) t->foreign_keys.push_back(std::move(fk));

  // Triggers, as full CREATE TRIGGER statements.
  ASSIGN_OR_RETURN(db::Rows grows, Run(conn, queries::Triggers(schema_names), "triggers"));
  RowReader gr(grows);
  for (size_t r = 0; r < gr.size(); ++r) {
    auto it = schema_index.find(gr.Str(r, "schema"));
    if (it == schema_index.end()) continue;
    schema::Trigger tg;
    tg.schema = it->first;
    tg.name = gr.Str(r, "name");
    tg.table = gr.Str(r, "table");
    std::string timing = ToUpper(gr.Str(r, "timing")), event = ToUpper(gr.Str(r, "event"));
    // The body alone: with the timing and event options it is Atlas's HCL
    // form (`before { insert = true }`, `as = body`), and the renderer
    // builds the CREATE TRIGGER statement from the three.
    tg.def = Trim(gr.Str(r, "statement"));
    tg.options.Set("timing", timing);
    tg.options.Set("events", event);
    tg.options.Set("for_each", "ROW");
    realm.schemas[it->second].triggers.push_back(std::move(tg));
  }
  // Functions and procedures, with their parameters.
  ASSIGN_OR_RETURN(db::Rows rrows, Run(conn, queries::Routines(schema_names), "routines"));
  ASSIGN_OR_RETURN(db::Rows parrows, Run(conn, queries::Parameters(schema_names), "routine parameters"));
  {
    RowReader pr(parrows);
    std::unordered_map<std::string, std::vector<std::string>> params;  // Key(schema, type name)
    for (size_t r = 0; r < pr.size(); ++r) {
      std::string type = ToUpper(pr.Str(r, "type"));
      std::string p = QuoteIdent(pr.Str(r, "name")) + " " + pr.Str(r, "dtd");
      if (type == "PROCEDURE" && !pr.Str(r, "mode").empty()) p = ToUpper(pr.Str(r, "mode")) + " " + p;
      params[Key(pr.Str(r, "schema"), type + " " + pr.Str(r, "routine"))].push_back(p);
    }
    RowReader rr(rrows);
    for (size_t r = 0; r < rr.size(); ++r) {
      auto it = schema_index.find(rr.Str(r, "schema"));
      if (it == schema_index.end()) continue;
      std::string type = ToUpper(rr.Str(r, "type"));
      schema::Object o;
      o.kind = ToLower(type);
      o.name = rr.Str(r, "name");
      o.schema = it->first;
      o.comment = rr.Str(r, "comment");
      std::string args = "(" + Join(params[Key(o.schema, type + " " + o.name)], ", ") + ")";
      o.options.Set("args", args);
      std::string def = "CREATE " + type + " " + QuoteIdent(o.name) + args;
      if (type == "FUNCTION") {
        o.options.Set("returns", rr.Str(r, "returns"));
        def += " RETURNS " + rr.Str(r, "returns");
      }
      if (ToUpper(rr.Str(r, "deterministic")) == "YES") {
        o.options.Set("deterministic", "true");
        def += " DETERMINISTIC";
      }
      std::string access = ToUpper(rr.Str(r, "data_access"));
      if (!access.empty() && access != "CONTAINS SQL") {
        o.options.Set("data_access", access);
        def += " " + access;
      }
      if (ToUpper(rr.Str(r, "security")) == "INVOKER") {
        o.options.Set("security", "INVOKER");
        def += " SQL SECURITY INVOKER";
      }
      if (!o.comment.empty()) def += " COMMENT " + db::mysql::QuoteLiteral(o.comment);
      o.def = def + "\n" + Trim(rr.Str(r, "definition"));
      realm.schemas[it->second].objects.push_back(std::move(o));
    }
  }

  // Events.
  ASSIGN_OR_RETURN(db::Rows erows, Run(conn, queries::Events(schema_names), "events"));
  {
    RowReader er(erows);
    for (size_t r = 0; r < er.size(); ++r) {
      auto it = schema_index.find(er.Str(r, "schema"));
      if (it == schema_index.end()) continue;
      schema::Object o;
      o.kind = "event";
      o.name = er.Str(r, "name");
      o.schema = it->first;
      o.comment = er.Str(r, "comment");
      std::string schedule;
      if (ToUpper(er.Str(r, "event_type")) == "ONE TIME") {
        schedule = "AT " + db::mysql::QuoteLiteral(er.Str(r, "execute_at"));
      } else {
        std::string v = er.Str(r, "interval_value");
        schedule = "EVERY " + (IsNumber(v) ? v : db::mysql::QuoteLiteral(v)) + " " + ToUpper(er.Str(r, "interval_field"));
        if (!er.Null(r, "ends")) schedule += " ENDS " + db::mysql::QuoteLiteral(er.Str(r, "ends"));
      }
      o.options.Set("schedule", schedule);
      std::string def = "CREATE EVENT " + QuoteIdent(o.name) + " ON SCHEDULE " + schedule;
      if (ToUpper(er.Str(r, "on_completion")) == "PRESERVE") {
        o.options.Set("on_completion", "PRESERVE");
        def += " ON COMPLETION PRESERVE";
      }
      std::string status = ToUpper(er.Str(r, "status"));
      if (status == "DISABLED") {
        o.options.Set("status", "DISABLE");
        def += " DISABLE";
      } else if (status == "SLAVESIDE_DISABLED") {
        o.options.Set("status", "DISABLE ON SLAVE");
        def += " DISABLE ON SLAVE";
      }
      if (!o.comment.empty()) def += " COMMENT " + db::mysql::QuoteLiteral(o.comment);
      o.def = def + " DO " + Trim(er.Str(r, "definition"));
      realm.schemas[it->second].objects.push_back(std::move(o));
    }
  }

  // Byte order of names, whatever the server's collation sorted by.
  auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
  for (auto& s : realm.schemas) {
    std::stable_sort(s.tables.begin(), s.tables.end(), by_name);
    std::stable_sort(s.views.begin(), s.views.end(), by_name);
    std::stable_sort(s.triggers.begin(), s.triggers.end(), by_name);
    std::stable_sort(s.objects.begin(), s.objects.end(),
                     [](const schema::Object& a, const schema::Object& b) { return a.Id() < b.Id(); });
    for (auto& t : s.tables) {
      std::stable_sort(t.indexes.begin(), t.indexes.end(), by_name);
      std::stable_sort(t.foreign_keys.begin(), t.foreign_keys.end(),
                       [](const schema::ForeignKey& a, const schema::ForeignKey& b) { return a.symbol < b.symbol; });
      std::stable_sort(t.checks.begin(), t.checks.end(), by_name);
    }
  }
  std::stable_sort(realm.schemas.begin(), realm.schemas.end(), by_name);
  return realm;
}

}  // namespace strata::dialect::mysql
