// The generic differ: walks two states and emits typed changes. What counts
// as "equal" for types, defaults and expressions comes from DiffHooks.
#include "diff/differ.h"

#include <algorithm>

#include "base/strings.h"

namespace strata::diff {
namespace {

using namespace schema;  // NOLINT: this file is all about the model

uint32_t ColumnChangeKind(const Column& from, const Column& to, const DiffHooks& h) {
  uint32_t k = kNoChange;
  if (from.comment != to.comment) k |= kChangeComment;
  if (from.nullable != to.nullable) k |= kChangeNull;
  if (!h.TypesEqual(from.type, to.type)) k |= kChangeType;
  if (!h.DefaultsEqual(from.default_value, to.default_value)) k |= kChangeDefault;
  if (from.generated.has_value() != to.generated.has_value() ||
      (from.generated && (from.generated->type != to.generated->type ||
                          !h.ExprEqual(from.generated->expr, to.generated->expr)))) {
    k |= kChangeGenerated;
  }
  if (from.options.Get("charset") != to.options.Get("charset")) k |= kChangeCharset;
  if (from.options.Get("collate") != to.options.Get("collate")) k |= kChangeCollate;
  Column a = from, b = to;
  for (Column* c : {&a, &b}) {
    c->options.Erase("charset");
    c->options.Erase("collate");
  }
  if (!h.ColumnOptionsEqual(a, b)) k |= kChangeAttr;
  return k;
}

bool PartsEqual(const std::vector<IndexPart>& a, const std::vector<IndexPart>& b, const DiffHooks& h) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].desc != b[i].desc || a[i].column != b[i].column || !(a[i].options == b[i].options)) return false;
    if (a[i].column.empty() && !h.ExprEqual(a[i].expr, b[i].expr)) return false;
  }
  return true;
}

uint32_t IndexChangeKind(const Index& from, const Index& to, const DiffHooks& h) {
  uint32_t k = kNoChange;
  if (from.unique != to.unique) k |= kChangeUnique;
  if (!PartsEqual(from.parts, to.parts, h)) k |= kChangeParts;
  if (from.comment != to.comment) k |= kChangeComment;
  if (from.where.empty() != to.where.empty() ||
      (!from.where.empty() && !h.ExprEqual(from.where, to.where)) || !h.IndexOptionsEqual(from, to)) {
    k |= kChangeAttr;
  }
  return k;
}

ReferenceAction Effective(ReferenceAction a) {
  return a == ReferenceAction::kNone ? ReferenceAction::kNoAction : a;
}

uint32_t ForeignKeyChangeKind(const ForeignKey& from, const ForeignKey& to) {
  uint32_t k = kNoChange;
  if (from.columns != to.columns) k |= kChangeColumn;
  if (from.ref_columns != to.ref_columns) k |= kChangeRefColumn;
  if (from.ref_table != to.ref_table || from.ref_schema != to.ref_schema) k |= kChangeRefTable;
  if (Effective(from.on_update) != Effective(to.on_update)) k |= kChangeUpdateAction;
  if (Effective(from.on_delete) != Effective(to.on_delete)) k |= kChangeDeleteAction;
  if (!(from.options == to.options)) k |= kChangeAttr;
  return k;
}

// Foreign keys match by constraint name; unnamed ones (SQLite) by shape.
const ForeignKey* MatchForeignKey(const ForeignKey& fk, const std::vector<ForeignKey>& in) {
  for (const auto& o : in)
    if (!fk.symbol.empty() && o.symbol == fk.symbol) return &o;
  if (!fk.symbol.empty()) {
    // A named key may still match an unnamed one of the same shape.
    for (const auto& o : in)
      if (o.symbol.empty() && o.columns == fk.columns && o.ref_table == fk.ref_table) return &o;
    return nullptr;
  }
  for (const auto& o : in)
    if (o.columns == fk.columns && o.ref_table == fk.ref_table && o.ref_columns == fk.ref_columns)
      return &o;
  return nullptr;
}

const Check* MatchCheck(const Check& c, const std::vector<Check>& in, const DiffHooks& h) {
  if (!c.name.empty())
    for (const auto& o : in)
      if (o.name == c.name) return &o;
  for (const auto& o : in)
    if ((c.name.empty() || o.name.empty()) && h.ExprEqual(o.expr, c.expr)) return &o;
  return nullptr;
}

// An index whose name the database invented matches an equivalent index.
const Index* MatchIndex(const Index& idx, const std::vector<Index>& in, const DiffHooks& h) {
  for (const auto& o : in)
    if (o.name == idx.name) return &o;
  for (const auto& o : in) {
    if (!idx.implicit && !o.implicit) continue;
    if (IndexChangeKind(idx, o, h) == kNoChange) return &o;
  }
  return nullptr;
}

void DiffTableAttrs(const Table& from, const Table& to, const DiffHooks& h, std::vector<TableChange>& out) {
  if (from.comment != to.comment) out.push_back(ModifyTableAttr{"comment", from.comment, to.comment});
  std::vector<std::string> keys;
  for (const auto& [k, v] : from.options.items()) keys.push_back(k);
  for (const auto& [k, v] : to.options.items())
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  for (const auto& k : keys) {
    std::string a = from.options.Get(k), b = to.options.Get(k);
    if (!h.TableOptionEqual(k, a, b)) out.push_back(ModifyTableAttr{k, a, b});
  }
}

template <typename T>
std::vector<T> Filtered(const std::vector<T>& in, const std::set<std::string>& skip) {
  std::vector<T> out;
  for (const auto& c : in)
    if (!skip.count(SkipKey(c))) out.push_back(c);
  return out;
}

ChangeList ApplySkip(ChangeList changes, const DiffOptions& opts) {
  if (opts.skip.empty()) return changes;
  ChangeList out;
  for (auto& c : changes) {
    if (opts.skip.count(SkipKey(c))) continue;
    if (auto* m = std::get_if<ModifyTable>(&c)) {
      m->changes = Filtered(m->changes, opts.skip);
      if (m->changes.empty()) continue;
    }
    out.push_back(std::move(c));
  }
  return out;
}

// Triggers are named per table (PostgreSQL): two tables may each have a
// trigger "touch". SQLite's schema-wide names match the same way.
const Trigger* FindTriggerOn(const Schema& s, const std::string& table, const std::string& name) {
  for (const auto& t : s.triggers)
    if (t.table == table && t.name == name) return &t;
  return nullptr;
}

void DiffSchemaObjects(const Schema& from, const Schema& to, const DiffHooks& h, ChangeList& out) {
  if (from.comment != to.comment)
    out.push_back(ModifySchemaAttr{to.name, "comment", from.comment, to.comment});
  for (const auto& [k, v] : to.options.items())
    if (!h.SchemaOptionEqual(k, from.options.Get(k), v)) out.push_back(ModifySchemaAttr{to.name, k, from.options.Get(k), v});
  for (const auto& [k, v] : from.options.items())
    if (!to.options.Has(k) && !h.SchemaOptionEqual(k, v, "")) out.push_back(ModifySchemaAttr{to.name, k, v, ""});

  for (const auto& t : from.tables) {
    const Table* nt = to.FindTable(t.name);
    if (nt == nullptr) {
      out.push_back(DropTable{t});
      continue;
    }
    auto tc = DiffTable(t, *nt, h);
    if (!tc.empty()) out.push_back(ModifyTable{t, *nt, std::move(tc)});
  }
  for (const auto& t : to.tables)
    if (from.FindTable(t.name) == nullptr) out.push_back(AddTable{t});
  for (auto& c : out) {
    auto* m = std::get_if<ModifyTable>(&c);
    if (m == nullptr) continue;
    for (const auto& tr : to.triggers) {
      const Trigger* old = FindTriggerOn(from, tr.table, tr.name);
      if (tr.table == m->to.name && old != nullptr && old->table == tr.table && h.TriggerDefEqual(old->def, tr.def))
        m->triggers.push_back(tr);
    }
  }

  for (const auto& v : from.views) {
    const View* nv = to.FindView(v.name);
    if (nv == nullptr) {
      out.push_back(DropView{v});
    } else if (!h.ViewDefEqual(v.def, nv->def) || v.materialized != nv->materialized ||
               v.check_option != nv->check_option || v.comment != nv->comment ||
               !(v.options == nv->options) || !(v.indexes == nv->indexes)) {
      out.push_back(ModifyView{v, *nv});
    }
  }
  for (const auto& v : to.views)
    if (from.FindView(v.name) == nullptr) out.push_back(AddView{v});

  for (const auto& t : from.triggers) {
    const Trigger* nt = FindTriggerOn(to, t.table, t.name);
    if (nt == nullptr) {
      out.push_back(DropTrigger{t});
    } else if (!h.TriggerDefEqual(t.def, nt->def) || t.table != nt->table || !(t.options == nt->options)) {
      out.push_back(ModifyTrigger{t, *nt});
    }
  }
  for (const auto& t : to.triggers)
    if (FindTriggerOn(from, t.table, t.name) == nullptr) out.push_back(AddTrigger{t});

  for (const auto& o : from.objects) {
    const Object* no = to.FindObject(o.Id());
    if (no == nullptr) {
      out.push_back(DropObject{o});
    } else if (!h.ObjectEqual(o, *no)) {
      out.push_back(ModifyObject{o, *no});
    }
  }
  for (const auto& o : to.objects)
    if (from.FindObject(o.Id()) == nullptr) out.push_back(AddObject{o});
}

Schema Renamed(Schema s, const std::string& name) {
  const std::string old = s.name;
  s.name = name;
  for (auto& t : s.tables) {
    t.schema = name;
    for (auto& fk : t.foreign_keys)
      if (fk.ref_schema == old) fk.ref_schema = name;
    for (auto& c : t.columns)
      if (c.type.schema == old) c.type.schema = name;
  }
  for (auto& v : s.views) v.schema = name;
  for (auto& t : s.triggers) t.schema = name;
  for (auto& o : s.objects) o.schema = name;
  return s;
}

}  // namespace

std::vector<TableChange> DiffTable(const Table& from_in, const Table& to_in, const DiffHooks& h) {
  Table from = from_in, to = to_in;
  h.NormalizeTable(from);
  h.NormalizeTable(to);
  std::vector<TableChange> out;
  DiffTableAttrs(from, to, h, out);

  // Checks.
  for (const auto& c : from.checks) {
    const Check* o = MatchCheck(c, to.checks, h);
    if (o == nullptr) {
      out.push_back(DropCheck{c});
    } else if (!h.ExprEqual(c.expr, o->expr) || !(c.options == o->options)) {
      out.push_back(ModifyCheck{c, *o});
    }
  }
  for (const auto& c : to.checks)
    if (MatchCheck(c, from.checks, h) == nullptr) out.push_back(AddCheck{c});

  // Columns: drops, modifications, then additions in desired order.
  for (const auto& c : from.columns)
    if (to.FindColumn(c.name) == nullptr) out.push_back(DropColumn{c});
  for (const auto& c : from.columns) {
    const Column* o = to.FindColumn(c.name);
    if (o == nullptr) continue;
    uint32_t k = ColumnChangeKind(c, *o, h);
    if (k != kNoChange) out.push_back(ModifyColumn{c, *o, k});
  }
  for (const auto& c : to.columns)
    if (from.FindColumn(c.name) == nullptr) out.push_back(AddColumn{c});

  // Primary key (names are not compared: SQLite and MySQL do not keep them).
  if (from.primary_key && !to.primary_key) {
    out.push_back(DropPrimaryKey{*from.primary_key});
  } else if (!from.primary_key && to.primary_key) {
    out.push_back(AddPrimaryKey{*to.primary_key});
  } else if (from.primary_key && to.primary_key) {
    Index a = *from.primary_key, b = *to.primary_key;
    a.unique = b.unique = true;
    uint32_t k = IndexChangeKind(a, b, h);
    if (k != kNoChange) out.push_back(ModifyPrimaryKey{*from.primary_key, *to.primary_key, k});
  }

  // Indexes.
  for (const auto& i : from.indexes) {
    const Index* o = MatchIndex(i, to.indexes, h);
    if (o == nullptr) {
      out.push_back(DropIndex{i});
      continue;
    }
    uint32_t k = IndexChangeKind(i, *o, h);
    if (k != kNoChange) out.push_back(ModifyIndex{i, *o, k});
  }
  for (const auto& i : to.indexes)
    if (MatchIndex(i, from.indexes, h) == nullptr) out.push_back(AddIndex{i});

  // Foreign keys.
  for (const auto& fk : from.foreign_keys) {
    const ForeignKey* o = MatchForeignKey(fk, to.foreign_keys);
    if (o == nullptr) {
      out.push_back(DropForeignKey{fk});
      continue;
    }
    uint32_t k = ForeignKeyChangeKind(fk, *o);
    if (k != kNoChange) out.push_back(ModifyForeignKey{fk, *o, k});
  }
  for (const auto& fk : to.foreign_keys)
    if (MatchForeignKey(fk, from.foreign_keys) == nullptr) out.push_back(AddForeignKey{fk});
  return out;
}

Result<ChangeList> DiffSchema(const Schema& from, const Schema& to, const DiffHooks& h,
                              const DiffOptions& opts) {
  ChangeList out;
  Schema renamed = Renamed(to, from.name);
  DiffSchemaObjects(from, renamed, h, out);
  if (h.RecreateDependentViews()) RecreateDependentViews(Realm{{from}}, Realm{{renamed}}, out);
  return ApplySkip(std::move(out), opts);
}

Result<ChangeList> DiffRealm(const Realm& from, const Realm& to, const DiffHooks& h,
                             const DiffOptions& opts) {
  ChangeList out;
  for (const auto& s : from.schemas) {
    const Schema* ns = to.FindSchema(s.name);
    if (ns == nullptr) {
      out.push_back(DropSchema{s});
      continue;
    }
    DiffSchemaObjects(s, *ns, h, out);
  }
  for (const auto& s : to.schemas) {
    if (from.FindSchema(s.name) != nullptr) continue;
    out.push_back(AddSchema{s});
    for (const auto& t : s.tables) out.push_back(AddTable{t});
    for (const auto& o : s.objects) out.push_back(AddObject{o});
    for (const auto& v : s.views) out.push_back(AddView{v});
    for (const auto& t : s.triggers) out.push_back(AddTrigger{t});
  }
  if (h.RecreateDependentViews()) RecreateDependentViews(from, to, out);
  return ApplySkip(std::move(out), opts);
}

}  // namespace strata::diff
