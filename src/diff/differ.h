// The one generic differ. Dialects tune it through DiffHooks: how types,
// defaults and expressions compare, and what a table looks like normalized.
#pragma once

#include <set>
#include <string>

#include "base/status.h"
#include "schema/changes.h"

namespace strata::diff {

class DiffHooks {
 public:
  virtual ~DiffHooks() = default;
  // Brings a table into canonical form before comparing (drop options that
  // equal the server default, canonical type spellings, ...).
  virtual void NormalizeTable(schema::Table& t) const { (void)t; }
  virtual bool TypesEqual(const schema::Type& a, const schema::Type& b) const;
  virtual bool DefaultsEqual(const std::optional<schema::Expr>& a,
                             const std::optional<schema::Expr>& b) const;
  // Check expressions, index expressions, WHERE predicates, generated columns.
  virtual bool ExprEqual(const std::string& a, const std::string& b) const;
  virtual bool ViewDefEqual(const std::string& a, const std::string& b) const;
  virtual bool TriggerDefEqual(const std::string& a, const std::string& b) const;
  // Column options (auto_increment, collate, ...) that differ in meaning.
  virtual bool ColumnOptionsEqual(const schema::Column& a, const schema::Column& b) const;
  // Index options (type, include, ...).
  virtual bool IndexOptionsEqual(const schema::Index& a, const schema::Index& b) const;
  // Table-level option value; an absent option is passed as "".
  virtual bool TableOptionEqual(const std::string& key, const std::string& a,
                                const std::string& b) const;
  // Schema-level option value (charset, collate); an absent option is "".
  virtual bool SchemaOptionEqual(const std::string& key, const std::string& a,
                                 const std::string& b) const;
  // Schema-level objects with the same Id(): every field, `def` compared as
  // an expression (CanonicalExpr).
  virtual bool ObjectEqual(const schema::Object& a, const schema::Object& b) const;
  // True where a view pins the types of the columns it selects (PostgreSQL):
  // a column type change or drop then drops and re-creates the views that
  // use it, and the views built on those, transitively.
  virtual bool RecreateDependentViews() const { return false; }
};

struct DiffOptions {
  // Atlas `diff { skip { drop_table = true ... } }` keys to filter out.
  std::set<std::string> skip;
};

// Realm diff: schemas added/dropped/modified, then their contents.
Result<schema::ChangeList> DiffRealm(const schema::Realm& from, const schema::Realm& to,
                                     const DiffHooks& hooks, const DiffOptions& opts = {});
// Schema diff: the two schemas' names are ignored.
Result<schema::ChangeList> DiffSchema(const schema::Schema& from, const schema::Schema& to,
                                      const DiffHooks& hooks, const DiffOptions& opts = {});
// Table diff: the list of changes inside one table (empty when equal).
std::vector<schema::TableChange> DiffTable(const schema::Table& from, const schema::Table& to,
                                           const DiffHooks& hooks);

// Adds DropView + AddView pairs for the views (transitively) that use a
// column whose type changes or that is dropped; a ModifyView among them is
// split into the pair. See DiffHooks::RecreateDependentViews.
// Likewise DropObject + AddObject for table-bound objects (a "table" option:
// policies) and DropTrigger + AddTrigger for triggers whose text names such
// a column of their table (PostgreSQL refuses the change otherwise).
void RecreateDependentViews(const schema::Realm& from, const schema::Realm& to,
                            schema::ChangeList& changes);

// Canonical text of a SQL expression for comparison: whitespace collapsed,
// redundant outer parentheses removed, keywords outside quotes upper-cased.
std::string CanonicalExpr(const std::string& e);

}  // namespace strata::diff
