// The table-copy strategy (https://www.sqlite.org/lang_altertable.html,
// "making other kinds of table schema changes"), with Atlas's statements
// and comments, plus exact per-statement reverses:
//
//   forward                               reverse (undoes that one statement)
//   CREATE TABLE new_t (desired)          DROP TABLE new_t
//   INSERT INTO new_t SELECT .. FROM t    DELETE FROM new_t
//   DROP TABLE t                          CREATE TABLE t (current); INSERT INTO t
//                                         SELECT .. FROM new_t; current indexes
//   ALTER TABLE new_t RENAME TO t         CREATE TABLE new_t (desired); INSERT INTO
//                                         new_t SELECT .. FROM t; DROP TABLE t
//   CREATE INDEX i ON t                   DROP INDEX i
//
// The reverse of the rename copies instead of renaming back: renaming t
// away would make SQLite rewrite every foreign key that references t.
#include "base/strings.h"
#include "dialect/sqlite/planner.h"

namespace strata::dialect::sqlite::internal {
namespace {

struct ColumnMap {
  std::vector<std::string> into;    // quoted target columns
  std::vector<std::string> select;  // source expressions
  bool empty() const { return into.empty(); }
};

std::string InsertSelect(const std::string& into, const std::string& from, const ColumnMap& m) {
  return "INSERT INTO " + Quote(into) + " (" + Join(m.into, ", ") + ") SELECT " + Join(m.select, ", ") +
         " FROM " + Quote(from);
}

// A target column that may hold NULLs in its source is filled with its
// default (Atlas: a column becoming NOT NULL with a default).
Result<std::string> SelectExpr(const schema::Column& target, const std::string& src, uint32_t kind) {
  if (!target.nullable && target.default_value && (kind & (schema::kChangeNull | schema::kChangeDefault))) {
    ASSIGN_OR_RETURN(std::string d, DefaultValue(target));
    return "IFNULL(" + Quote(src) + ", " + d + ") AS " + Quote(target.name);
  }
  return Quote(src);
}

// Rows of the current table into the desired one (Atlas's copyRows): added
// and generated columns are skipped, renamed ones read their old name.
Result<ColumnMap> ForwardMap(const schema::ModifyTable& m) {
  ColumnMap out;
  for (const auto& col : m.to.columns) {
    if (col.generated) continue;
    const schema::TableChange* change = nullptr;
    for (const auto& c : m.changes) {
      const std::string* name = nullptr;
      if (const auto* a = std::get_if<schema::AddColumn>(&c)) name = &a->c.name;
      if (const auto* mc = std::get_if<schema::ModifyColumn>(&c)) name = &mc->to.name;
      if (const auto* rc = std::get_if<schema::RenameColumn>(&c)) name = &rc->to.name;
      if (const auto* d = std::get_if<schema::DropColumn>(&c); d && d->c.name == col.name) {
        return Internal("sqlite: unexpected drop column: " + GoQuote(col.name));
      }
      if (name == nullptr || *name != col.name) continue;
      if (change != nullptr) return Internal("sqlite: duplicate changes for column: " + GoQuote(col.name));
      change = &c;
    }
    if (change != nullptr && std::holds_alternative<schema::AddColumn>(*change)) continue;
    std::string src = col.name;
    uint32_t kind = schema::kNoChange;
    if (change != nullptr) {
      if (const auto* rc = std::get_if<schema::RenameColumn>(change)) src = rc->from.name;
      if (const auto* mc = std::get_if<schema::ModifyColumn>(change)) kind = mc->kind;
    }
    ASSIGN_OR_RETURN(std::string sel, SelectExpr(col, src, kind));
    out.into.push_back(Quote(col.name));
    out.select.push_back(std::move(sel));
  }
  return out;
}

// Rows of the desired table back into the current one: the inverse of
// ForwardMap. Columns the forward plan dropped have nothing to restore.
Result<ColumnMap> ReverseMap(const schema::ModifyTable& m) {
  ColumnMap out;
  for (const auto& col : m.from.columns) {
    if (col.generated) continue;
    std::string src = col.name;
    uint32_t kind = schema::kNoChange;
    bool dropped = false;
    for (const auto& c : m.changes) {
      if (const auto* rc = std::get_if<schema::RenameColumn>(&c); rc && rc->from.name == col.name)
        src = rc->to.name;
      if (const auto* mc = std::get_if<schema::ModifyColumn>(&c); mc && mc->from.name == col.name)
        kind = mc->kind;
      if (const auto* d = std::get_if<schema::DropColumn>(&c); d && d->c.name == col.name) dropped = true;
    }
    if (dropped || m.to.FindColumn(src) == nullptr) continue;
    ASSIGN_OR_RETURN(std::string sel, SelectExpr(col, src, kind));
    out.into.push_back(Quote(col.name));
    out.select.push_back(std::move(sel));
  }
  return out;
}

ColumnMap IdentityMap(const schema::Table& t) {
  ColumnMap out;
  for (const auto& col : t.columns) {
    if (col.generated) continue;
    out.into.push_back(Quote(col.name));
    out.select.push_back(Quote(col.name));
  }
  return out;
}

}  // namespace

Status Planner::CopyTable(const schema::ModifyTable& m) {
  skip_fks_ = true;
  const std::string& name = m.to.name;
  const std::string tmp = "new_" + name;
  const std::string src = Source("modify_table", name);
  schema::Table desired = m.to;
  desired.name = tmp;
  // UNIQUE constraints stay in CREATE TABLE; other indexes are re-created
  // after the rename.
  std::erase_if(desired.indexes, [](const schema::Index& i) { return !IsInlineIndex(i); });
  schema::Table current = m.from;
  current.name = name;

  ASSIGN_OR_RETURN(std::string create_tmp, CreateTable(desired, ropts_));
  Add(create_tmp, "create " + GoQuote(tmp) + " table", {"DROP TABLE " + QualifiedName(tmp, ropts_)}, src);

  ASSIGN_OR_RETURN(ColumnMap forward, ForwardMap(m));
  if (!forward.empty()) {
    Add(InsertSelect(tmp, name, forward),
        "copy rows from old table " + GoQuote(name) + " to new temporary table " + GoQuote(tmp),
        {"DELETE FROM " + Quote(tmp)}, src);
  }

  // Undoing the drop re-creates the current table and refills it.
  ASSIGN_OR_RETURN(std::vector<std::string> restore, CreateStatements(current));
  ASSIGN_OR_RETURN(ColumnMap back, ReverseMap(m));
  if (!back.empty()) restore.insert(restore.begin() + 1, InsertSelect(name, tmp, back));
  for (const auto& tr : m.triggers) {
    ASSIGN_OR_RETURN(std::string create, CreateTrigger(tr));
    restore.push_back(std::move(create));
  }
  Add("DROP TABLE " + Quote(name),
      "drop " + GoQuote(name) + " table " +
          (forward.empty() ? "without copying rows (no columns)" : "after copying rows"),
      std::move(restore), src, schema::IsDestructive(schema::Change(m)));

  std::vector<std::string> unrename = {create_tmp};
  ColumnMap all = IdentityMap(m.to);
  if (!all.empty()) unrename.push_back(InsertSelect(tmp, name, all));
  unrename.push_back("DROP TABLE " + Quote(name));
  Add("ALTER TABLE " + Quote(tmp) + " RENAME TO " + Quote(name),
      "rename temporary table " + GoQuote(tmp) + " to " + GoQuote(name), std::move(unrename), src);

  for (const auto& idx : m.to.indexes)
    if (!IsInlineIndex(idx)) RETURN_IF_ERROR(AddIndex(name, idx));
  // Dropping the old table dropped its triggers too.
  for (const auto& tr : m.triggers) RETURN_IF_ERROR(AddTrigger(tr));
  return Status::Ok();
}

}  // namespace strata::dialect::sqlite::internal
