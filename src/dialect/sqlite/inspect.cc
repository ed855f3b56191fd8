#include "dialect/sqlite/inspect.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/strings.h"
#include "db/sqlite/conn.h"
#include "dialect/sqlite/ddl.h"
#include "dialect/sqlite/literal.h"
#include "dialect/sqlite/types.h"

namespace strata::dialect::sqlite {
namespace {

// The ordinary tables of "main", in creation (rowid) order.
// pragma_table_list tells virtual and shadow tables apart and reports
// WITHOUT ROWID and STRICT.
constexpr char kTablesQuery[] =
    "SELECT m.name, m.sql, l.wr, l.strict FROM sqlite_schema AS m JOIN pragma_table_list(m.name) AS l "
    "WHERE m.type = 'table' AND l.schema = 'main' AND l.type = 'table' "
    "AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.rowid";

// The per-table queries below join sqlite_schema with a pragma function
// once, whatever the number of tables. They skip virtual tables (whose
// pragmas may need a module that is not loaded); the rows of shadow tables
// they return are ignored. The explicit 'main' arguments keep temp tables
// of the same name out.
constexpr char kColumnsQuery[] =
    "SELECT m.name, c.cid, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, c.hidden "
    "FROM sqlite_schema AS m JOIN pragma_table_xinfo(m.name, 'main') AS c "
    "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
    "AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY m.rowid, c.cid";

constexpr char kIndexesQuery[] =
    "SELECT m.name, il.name, il.\"unique\", il.origin, il.partial "
    "FROM sqlite_schema AS m JOIN pragma_index_list(m.name, 'main') AS il "
    "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
    "AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND il.origin <> 'pk' ORDER BY m.rowid, il.seq";

constexpr char kIndexColumnsQuery[] =
    "SELECT m.name, il.name, x.cid, x.name, x.\"desc\", x.coll "
    "FROM sqlite_schema AS m JOIN pragma_index_list(m.name, 'main') AS il "
    "JOIN pragma_index_xinfo(il.name, 'main') AS x "
    "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
    "AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND il.origin <> 'pk' AND x.key = 1 "
    "ORDER BY m.rowid, il.seq, x.seqno";

constexpr char kForeignKeysQuery[] =
    "SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
    "FROM sqlite_schema AS m JOIN pragma_foreign_key_list(m.name, 'main') AS f "
    "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
    "AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY m.rowid, f.id, f.seq";

// Index statements (for expressions and predicates), views and triggers.
constexpr char kObjectsQuery[] =
    "SELECT type, name, tbl_name, sql FROM sqlite_schema "
    "WHERE type IN ('index', 'view', 'trigger') AND sql IS NOT NULL ORDER BY rowid";

using Row = std::vector<std::optional<std::string>>;

std::string Str(const Row& r, size_t i) { return r[i].value_or(""); }
bool IsNull(const Row& r, size_t i) { return !r[i].has_value(); }
bool Flag(const Row& r, size_t i) { return r[i].has_value() && *r[i] != "0" && !r[i]->empty(); }
int Int(const Row& r, size_t i) { return r[i] ? std::atoi(r[i]->c_str()) : 0; }

Result<db::Rows> Run(db::Conn& conn, const char* query, const char* what) {
  auto rows = conn.Query(query);
  if (!rows.ok()) return db::sqlite::Annotate(rows.status(), "inspect: querying " + std::string(what));
  return rows;
}

// The state of one table while the query results are merged into it.
struct TableState {
  schema::Table table;
  ddl::CreateTable parsed;
  std::vector<std::pair<int, std::string>> pk;  // (position, column)
  std::map<std::string, size_t> index_pos;      // by index name
  std::map<int, size_t> fk_pos;                 // by pragma id
};

Status AddColumn(TableState& ts, const Row& r) {
  schema::Column c;
  c.name = Str(r, 2);
  c.type = ParseColumnType(Str(r, 3));
  c.nullable = Int(r, 4) == 0;
  if (!IsNull(r, 5)) c.default_value = DefaultExpr(Str(r, 5));
  int pk = Int(r, 6), hidden = Int(r, 7);
  if (hidden == 1) return Status::Ok();  // hidden columns of virtual tables
  const ddl::ColumnDef* def = ts.parsed.FindColumn(c.name);
  // pragma hidden: 2 = VIRTUAL and 3 = STORED generated columns.
  if (hidden >= 2) {
    if (def == nullptr || !def->generated) {
      return Error("sqlite: inspect: generation expression for column " + GoQuote(c.name) +
                   " was not found in create statement of table " + GoQuote(ts.table.name));
    }
    c.generated = schema::GeneratedExpr{def->generated_expr, hidden == 3 ? "STORED" : "VIRTUAL"};
  }
  // BINARY is SQLite's default collation: an explicit one means nothing.
  if (def != nullptr && !def->collate.empty() && !EqualFold(def->collate, "BINARY"))
    c.options.Set("collate", def->collate);
  if (def != nullptr && def->autoincrement) c.options.Set("auto_increment", "true");
  if (pk > 0) ts.pk.emplace_back(pk, c.name);
  ts.table.columns.push_back(std::move(c));
  return Status::Ok();
}

// CREATE INDEX statements by index name (constraint indexes have none).
using IndexSQL = std::map<std::string, ddl::CreateIndex>;

void AddIndex(TableState& ts, const Row& r, const IndexSQL& sql) {
  schema::Index idx;
  idx.name = Str(r, 1);
  idx.unique = Flag(r, 2);
  std::string origin = Str(r, 3);
  idx.implicit = origin == "u" && StartsWith(idx.name, "sqlite_autoindex_");
  if (auto it = sql.find(idx.name); it != sql.end() && Flag(r, 4)) idx.where = it->second.where;
  ts.index_pos[idx.name] = ts.table.indexes.size();
  ts.table.indexes.push_back(std::move(idx));
}

Status AddIndexPart(TableState& ts, const Row& r, const IndexSQL& index_sql) {
  auto it = ts.index_pos.find(Str(r, 1));
  if (it == ts.index_pos.end()) return Status::Ok();
  schema::Index& idx = ts.table.indexes[it->second];
  schema::IndexPart part;
  part.desc = Flag(r, 4);
  int cid = Int(r, 2);
  size_t pos = idx.parts.size();
  if (cid >= 0) {
    part.column = Str(r, 3);
    // Only a collation that differs from the column's own is the index's.
    const schema::Column* col = ts.table.FindColumn(part.column);
    std::string own = col ? col->options.Get("collate", "BINARY") : "BINARY";
    if (!IsNull(r, 5) && !EqualFold(Str(r, 5), own)) part.options.Set("collate", Str(r, 5));
  } else {
    auto sql = index_sql.find(idx.name);
    if (sql == index_sql.end() || pos >= sql->second.parts.size() || sql->second.parts[pos].expr.empty()) {
      return Error("sqlite: inspect: expression of index " + GoQuote(idx.name) + " part " +
                   std::to_string(pos + 1) + " was not found in its create statement");
    }
    part.expr = sql->second.parts[pos].expr;
  }
  idx.parts.push_back(std::move(part));
  return Status::Ok();
}

bool SameNames(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!EqualFold(a[i], b[i])) return false;
  return true;
}

// Gives each foreign key its constraint name from the CREATE statement, or
// (like Atlas) its pragma id when it has none. SQLite numbers foreign keys
// in reverse order of declaration, so id k is the (n-1-k)th in the text;
// the shape is checked and a shape search is the fallback.
void NameForeignKeys(TableState& ts, const std::vector<int>& ids) {
  const auto& defs = ts.parsed.foreign_keys;
  std::vector<bool> used(defs.size(), false);
  for (size_t i = 0; i < ts.table.foreign_keys.size(); ++i) {
    schema::ForeignKey& fk = ts.table.foreign_keys[i];
    int id = ids[i];
    auto fits = [&](const ddl::ForeignKeyDef& d) {
      return SameNames(d.columns, fk.columns) && EqualFold(d.ref_table, fk.ref_table) &&
             (d.ref_columns.empty() || SameNames(d.ref_columns, fk.ref_columns));
    };
    int match = -1;
    int guess = static_cast<int>(defs.size()) - 1 - id;
    if (guess >= 0 && guess < static_cast<int>(defs.size()) && !used[guess] && fits(defs[guess])) {
      match = guess;
    } else {
      for (size_t d = 0; d < defs.size() && match < 0; ++d)
        if (!used[d] && fits(defs[d])) match = static_cast<int>(d);
    }
    fk.symbol = std::to_string(id);
    if (match < 0) continue;
    used[match] = true;
    const ddl::ForeignKeyDef& d = defs[match];
    if (!d.name.empty()) fk.symbol = d.name;
    if (d.deferrable) fk.options.Set("deferrable", "true");
    if (d.initially_deferred) fk.options.Set("initially_deferred", "true");
  }
}

// Tables and views a view body mentions, as "table.<name>" / "view.<name>".
std::vector<std::string> ViewDeps(const std::string& body, const std::string& self,
                                  const std::map<std::string, std::string>& objects) {
  std::vector<std::string> out;
  auto toks = ddl::Tokenize(body);
  if (!toks.ok()) return out;
  for (const auto& t : *toks) {
    if (t.kind != ddl::TokenKind::kIdent && t.kind != ddl::TokenKind::kQuoted) continue;
    auto it = objects.find(ToLower(t.value));
    if (it == objects.end() || EqualFold(t.value, self)) continue;
    if (std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
  }
  return out;
}

// Foreign keys from pragma_foreign_key_list rows (ordered by table, id and
// seq): grouped by id, named from the CREATE statements, and with the
// parent's primary key filled in for REFERENCES clauses without columns.
void AddForeignKeys(const db::Rows& rows, std::vector<TableState>& tables,
                    const std::map<std::string, size_t>& by_name) {
  std::map<size_t, std::vector<int>> fk_ids;  // table position -> pragma ids
  for (const Row& r : rows.rows) {
    auto pos = by_name.find(Str(r, 0));
    if (pos == by_name.end()) continue;
    TableState& ts = tables[pos->second];
    int id = Int(r, 1);
    auto [it, added] = ts.fk_pos.emplace(id, ts.table.foreign_keys.size());
    if (added) {
      schema::ForeignKey fk;
      fk.ref_table = Str(r, 2);
      fk.on_update = schema::ParseReferenceAction(Str(r, 5)).value_or(schema::ReferenceAction::kNoAction);
      fk.on_delete = schema::ParseReferenceAction(Str(r, 6)).value_or(schema::ReferenceAction::kNoAction);
      ts.table.foreign_keys.push_back(std::move(fk));
      fk_ids[pos->second].push_back(id);
    }
    schema::ForeignKey& fk = ts.table.foreign_keys[it->second];
    fk.columns.push_back(Str(r, 3));
    // NULL: REFERENCES without columns, i.e. the parent's primary key.
    if (!IsNull(r, 4) && !Str(r, 4).empty()) fk.ref_columns.push_back(Str(r, 4));
  }
  for (auto& [pos, ids] : fk_ids) NameForeignKeys(tables[pos], ids);
  for (auto& ts : tables) {
    for (auto& fk : ts.table.foreign_keys) {
      if (!fk.ref_columns.empty()) continue;
      const TableState* parent = nullptr;
      for (const auto& t : tables)
        if (EqualFold(t.table.name, fk.ref_table)) parent = &t;
      if (parent != nullptr && parent->table.primary_key)
        for (const auto& part : parent->table.primary_key->parts) fk.ref_columns.push_back(part.column);
    }
  }
}

// Views (with the tables and views their bodies mention) and triggers.
Status AddViewsAndTriggers(const db::Rows& objects, schema::Schema& s) {
  std::map<std::string, std::string> names;  // lower-case name -> "table.x" / "view.x"
  for (const auto& t : s.tables) names.emplace(ToLower(t.name), "table." + t.name);
  for (const Row& r : objects.rows)
    if (Str(r, 0) == "view") names.emplace(ToLower(Str(r, 1)), "view." + Str(r, 1));
  for (const Row& r : objects.rows) {
    if (Str(r, 0) == "view") {
      auto parsed = ddl::ParseCreateView(Str(r, 3));
      if (!parsed.ok()) return db::sqlite::Annotate(parsed.status(), "inspect: view " + GoQuote(Str(r, 1)));
      schema::View v;
      v.name = Str(r, 1);
      v.schema = s.name;
      v.def = parsed->select;
      v.depends_on = ViewDeps(v.def, v.name, names);
      s.views.push_back(std::move(v));
    } else if (Str(r, 0) == "trigger") {
      schema::Trigger t;
      t.name = Str(r, 1);
      t.schema = s.name;
      t.table = Str(r, 2);
      t.def = Str(r, 3);
      s.triggers.push_back(std::move(t));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<schema::Schema> InspectMain(db::Conn& conn) {
  schema::Schema s;
  s.name = "main";
  std::vector<TableState> tables;
  std::map<std::string, size_t> by_name;

  ASSIGN_OR_RETURN(db::Rows rows, Run(conn, kTablesQuery, "tables"));
  for (const Row& r : rows.rows) {
    TableState ts;
    ts.table.name = Str(r, 0);
    ts.table.schema = s.name;
    auto parsed = ddl::ParseCreateTable(Str(r, 1));
    if (!parsed.ok())
      return db::sqlite::Annotate(parsed.status(), "inspect: table " + GoQuote(ts.table.name));
    ts.parsed = std::move(parsed).value();
    if (Flag(r, 2)) ts.table.options.Set("without_rowid", "true");
    if (Flag(r, 3)) ts.table.options.Set("strict", "true");
    for (const auto& c : ts.parsed.checks) ts.table.checks.push_back({c.name, c.expr, {}});
    by_name[ts.table.name] = tables.size();
    tables.push_back(std::move(ts));
  }
  auto table_of = [&](const Row& r) -> TableState* {
    auto it = by_name.find(Str(r, 0));
    return it == by_name.end() ? nullptr : &tables[it->second];
  };

  // Index statements, views and triggers, in creation order.
  ASSIGN_OR_RETURN(db::Rows objects, Run(conn, kObjectsQuery, "indexes, views and triggers"));
  IndexSQL index_sql;
  for (const Row& r : objects.rows) {
    if (Str(r, 0) != "index") continue;
    auto parsed = ddl::ParseCreateIndex(Str(r, 3));
    if (!parsed.ok()) return db::sqlite::Annotate(parsed.status(), "inspect: index " + GoQuote(Str(r, 1)));
    index_sql.emplace(Str(r, 1), std::move(parsed).value());
  }

  ASSIGN_OR_RETURN(rows, Run(conn, kColumnsQuery, "columns"));
  for (const Row& r : rows.rows)
    if (TableState* ts = table_of(r)) RETURN_IF_ERROR(AddColumn(*ts, r));
  for (auto& ts : tables) {
    if (ts.pk.empty()) continue;
    std::sort(ts.pk.begin(), ts.pk.end());
    schema::Index pk;
    pk.unique = true;
    for (const auto& [pos, col] : ts.pk) pk.parts.push_back({col, "", false, {}});
    ts.table.primary_key = std::move(pk);
  }

  ASSIGN_OR_RETURN(rows, Run(conn, kIndexesQuery, "indexes"));
  for (const Row& r : rows.rows)
    if (TableState* ts = table_of(r)) AddIndex(*ts, r, index_sql);
  ASSIGN_OR_RETURN(rows, Run(conn, kIndexColumnsQuery, "index columns"));
  for (const Row& r : rows.rows)
    if (TableState* ts = table_of(r)) RETURN_IF_ERROR(AddIndexPart(*ts, r, index_sql));

  ASSIGN_OR_RETURN(rows, Run(conn, kForeignKeysQuery, "foreign keys"));
  AddForeignKeys(rows, tables, by_name);
  for (auto& ts : tables) s.tables.push_back(std::move(ts.table));

  RETURN_IF_ERROR(AddViewsAndTriggers(objects, s));
  return s;
}

}  // namespace strata::dialect::sqlite
