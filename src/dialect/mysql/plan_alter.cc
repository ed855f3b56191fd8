// ModifyTable planning (Atlas's modifyTable/alterTable): every change of a
// table goes into one ALTER TABLE, except that the drop halves of modified
// indexes and foreign keys go into an ALTER TABLE of their own before it
// (the server rejects dropping and adding one constraint name in a single
// statement).
#include <algorithm>
#include <set>

#include "base/strings.h"
#include "dialect/mysql/planner.h"
#include "schema/changes.h"

namespace strata::dialect::mysql::internal {
namespace {

using schema::TableChange;

// An index whose columns are all dropped goes away with them.
std::vector<TableChange> SkipAutoChanges(const std::vector<TableChange>& changes) {
  std::set<std::string> dropped;
  for (const auto& c : changes)
    if (const auto* d = std::get_if<schema::DropColumn>(&c)) dropped.insert(d->c.name);
  std::vector<TableChange> out;
  for (const auto& c : changes) {
    if (const auto* d = std::get_if<schema::DropIndex>(&c)) {
      bool all = !d->i.parts.empty();
      for (const auto& p : d->i.parts) all &= !p.column.empty() && dropped.count(p.column) > 0;
      if (all) continue;
    }
    out.push_back(c);
  }
  return out;
}

class AlterBuilder {
 public:
  // `to`: the table the clauses bring about (charset/collate defaults and
  // foreign-key checks are taken from it).
  AlterBuilder(const schema::Table& to, const RenderOptions& o) : to_(to), o_(o) {}

  Result<std::string> Build(const std::vector<TableChange>& changes) {
    std::vector<std::string> clauses;
    std::string partition;
    for (const auto& c : changes) {
      if (const auto* a = std::get_if<schema::ModifyTableAttr>(&c); a && a->key == "partition") {
        // partition_options follow the alter options, without a comma.
        std::string v = Trim(a->to);
        partition = v.empty() ? "REMOVE PARTITIONING"
                    : StartsWith(ToUpper(v), "PARTITION") ? v
                                                          : "PARTITION BY " + v;
        continue;
      }
      ASSIGN_OR_RETURN(std::string s, Clause(c));
      clauses.push_back(std::move(s));
    }
    std::string s = "ALTER TABLE " + TableName(to_, o_);
    if (!clauses.empty()) s += " " + Join(clauses, ", ");
    if (!partition.empty()) s += " " + partition;
    return s;
  }

 private:
  Result<std::string> Clause(const TableChange& c) {
    if (const auto* a = std::get_if<schema::AddColumn>(&c)) {
      ASSIGN_OR_RETURN(std::string def, ColumnDef(a->c, &to_, o_.flavor));
      return "ADD COLUMN " + def;
    }
    if (const auto* m = std::get_if<schema::ModifyColumn>(&c)) {
      RETURN_IF_ERROR(CheckGenerated(m->from, m->to));
      ASSIGN_OR_RETURN(std::string def, ColumnDef(m->to, &to_, o_.flavor));
      return "MODIFY COLUMN " + def;
    }
    if (const auto* d = std::get_if<schema::DropColumn>(&c)) return "DROP COLUMN " + Quote(d->c.name);
    if (const auto* r = std::get_if<schema::RenameColumn>(&c)) {
      if (SupportsRenameColumn(o_.flavor)) return "RENAME COLUMN " + Quote(r->from.name) + " TO " + Quote(r->to.name);
      ASSIGN_OR_RETURN(std::string def, ColumnDef(r->to, &to_, o_.flavor));
      return "CHANGE COLUMN " + Quote(r->from.name) + " " + def;
    }
    if (const auto* a = std::get_if<schema::AddIndex>(&c)) return "ADD " + IndexDef(a->i);
    if (const auto* d = std::get_if<schema::DropIndex>(&c)) return "DROP INDEX " + Quote(d->i.name);
    if (const auto* r = std::get_if<schema::RenameIndex>(&c))
      return "RENAME INDEX " + Quote(r->from.name) + " TO " + Quote(r->to.name);
    if (const auto* a = std::get_if<schema::AddPrimaryKey>(&c)) return "ADD " + PrimaryKeyDef(a->pk);
    if (std::holds_alternative<schema::DropPrimaryKey>(c)) return std::string("DROP PRIMARY KEY");
    if (const auto* m = std::get_if<schema::ModifyPrimaryKey>(&c))
      return "DROP PRIMARY KEY, ADD " + PrimaryKeyDef(m->to);
    if (const auto* a = std::get_if<schema::AddForeignKey>(&c)) {
      RETURN_IF_ERROR(CheckForeignKey(to_, a->fk));
      return "ADD " + ForeignKeyDef(to_, a->fk, o_);
    }
    if (const auto* d = std::get_if<schema::DropForeignKey>(&c)) {
      if (d->fk.symbol.empty()) return InvalidArgument("cannot drop a foreign key without a name");
      return "DROP FOREIGN KEY " + Quote(d->fk.symbol);
    }
    if (const auto* a = std::get_if<schema::AddCheck>(&c)) return "ADD " + CheckDef(a->c, o_.flavor);
    if (const auto* d = std::get_if<schema::DropCheck>(&c)) {
      if (d->c.name.empty()) return InvalidArgument("cannot drop an unnamed check constraint");
      return DropCheckClause(d->c, o_.flavor);
    }
    if (const auto* m = std::get_if<schema::ModifyCheck>(&c)) return ModifyCheck(*m);
    if (const auto* a = std::get_if<schema::ModifyTableAttr>(&c)) return TableAttr(*a);
    return InvalidArgument("unexpected change " + schema::SkipKey(c));
  }

  // What MODIFY COLUMN cannot do with generated columns (Atlas's
  // checkChangeGenerated): the user must drop and add the column.
  static Status CheckGenerated(const schema::Column& from, const schema::Column& to) {
    auto kind = [](const schema::Column& c) {
      return !c.generated ? std::string() : EqualFold(c.generated->type, "STORED") ? "STORED" : "VIRTUAL";
    };
    std::string f = kind(from), t = kind(to);
    if (f.empty() && t == "VIRTUAL") {
      return InvalidArgument("changing column " + GoQuote(from.name) +
                             " to VIRTUAL generated column is not supported (drop and add is required)");
    }
    if (f == "VIRTUAL" && t.empty()) {
      return InvalidArgument("changing VIRTUAL generated column " + GoQuote(from.name) +
                             " to non-generated column is not supported (drop and add is required)");
    }
    if (!f.empty() && !t.empty() && f != t) {
      return InvalidArgument("changing the store type of generated column " + GoQuote(from.name) + " from " +
                             GoQuote(f) + " to " + GoQuote(t) + " is not supported");
    }
    return Status::Ok();
  }

  Result<std::string> ModifyCheck(const schema::ModifyCheck& m) {
    if (m.from.name.empty()) return InvalidArgument("cannot modify unnamed check constraint");
    if (m.from.name != m.to.name) {
      return InvalidArgument("mismatch check constraint names: " + GoQuote(m.from.name) + " != " +
                             GoQuote(m.to.name));
    }
    bool from_enf = m.from.options.Get("enforced") != "false", to_enf = m.to.options.Get("enforced") != "false";
    // MySQL 8.0.16+ toggles enforcement in place; MariaDB has no NOT ENFORCED.
    if (!o_.flavor.mariadb && from_enf != to_enf && m.from.expr == m.to.expr)
      return "ALTER CHECK " + Quote(m.to.name) + (to_enf ? " ENFORCED" : " NOT ENFORCED");
    return DropCheckClause(m.from, o_.flavor) + ", ADD " + CheckDef(m.to, o_.flavor);
  }

  Result<std::string> TableAttr(const schema::ModifyTableAttr& a) {
    const std::string& v = a.to;
    if (a.key == "comment") return "COMMENT " + QuoteComment(v);
    if (a.key == "engine") return "ENGINE " + (v.empty() ? std::string("InnoDB") : v);
    if (v.empty()) return InvalidArgument("cannot unset table option " + GoQuote(a.key));
    if (a.key == "charset") return "CHARSET " + v;
    if (a.key == "collate") return "COLLATE " + v;
    if (a.key == "auto_increment") return "AUTO_INCREMENT " + v;
    return Unsupported("unsupported table attribute change " + GoQuote(a.key));
  }

  const schema::Table& to_;
  const RenderOptions& o_;
};

// The sub-change that undoes `c`, or nullopt when there is none.
std::optional<TableChange> Reverse(const TableChange& c) {
  if (const auto* a = std::get_if<schema::AddColumn>(&c)) return schema::DropColumn{a->c};
  if (const auto* d = std::get_if<schema::DropColumn>(&c)) return schema::AddColumn{d->c};
  if (const auto* m = std::get_if<schema::ModifyColumn>(&c)) return schema::ModifyColumn{m->to, m->from, m->kind};
  if (const auto* r = std::get_if<schema::RenameColumn>(&c)) return schema::RenameColumn{r->to, r->from};
  if (const auto* a = std::get_if<schema::AddIndex>(&c)) return schema::DropIndex{a->i};
  if (const auto* d = std::get_if<schema::DropIndex>(&c)) return schema::AddIndex{d->i};
  if (const auto* r = std::get_if<schema::RenameIndex>(&c)) return schema::RenameIndex{r->to, r->from};
  if (const auto* a = std::get_if<schema::AddPrimaryKey>(&c)) return schema::DropPrimaryKey{a->pk};
  if (const auto* d = std::get_if<schema::DropPrimaryKey>(&c)) return schema::AddPrimaryKey{d->pk};
  if (const auto* m = std::get_if<schema::ModifyPrimaryKey>(&c))
    return schema::ModifyPrimaryKey{m->to, m->from, m->kind};
  if (const auto* a = std::get_if<schema::AddForeignKey>(&c)) {
    if (a->fk.symbol.empty()) return std::nullopt;  // the server names it
    return schema::DropForeignKey{a->fk};
  }
  if (const auto* d = std::get_if<schema::DropForeignKey>(&c)) return schema::AddForeignKey{d->fk};
  if (const auto* a = std::get_if<schema::AddCheck>(&c)) {
    if (a->c.name.empty()) return std::nullopt;  // the server names it
    return schema::DropCheck{a->c};
  }
  if (const auto* d = std::get_if<schema::DropCheck>(&c)) return schema::AddCheck{d->c};
  if (const auto* m = std::get_if<schema::ModifyCheck>(&c)) return schema::ModifyCheck{m->to, m->from};
  if (const auto* a = std::get_if<schema::ModifyTableAttr>(&c)) {
    // AUTO_INCREMENT 1 moves the counter back to the smallest free value.
    if (a->key == "auto_increment" && a->from.empty()) return schema::ModifyTableAttr{a->key, a->to, "1"};
    // Options that were not set cannot be "unset" (except comment/engine).
    if (a->from.empty() && a->key != "comment" && a->key != "engine" && a->key != "partition") return std::nullopt;
    return schema::ModifyTableAttr{a->key, a->to, a->from};
  }
  return std::nullopt;
}

}  // namespace

namespace {

// The index InnoDB created for foreign key `fk` of `t`: named after the key,
// on exactly its columns (inspection reports it as an ordinary index).
const schema::Index* ImplicitIndex(const schema::Table& t, const schema::ForeignKey& fk) {
  const schema::Index* idx = fk.symbol.empty() ? nullptr : t.FindIndex(fk.symbol);
  if (idx == nullptr || idx->unique || idx->parts.size() != fk.columns.size()) return nullptr;
  for (size_t i = 0; i < fk.columns.size(); ++i)
    if (idx->parts[i].column != fk.columns[i]) return nullptr;
  return idx;
}

// True when an index or the primary key of `t` starts with `columns`, so
// that InnoDB needs no index of its own for a foreign key on them.
bool HasKeyPrefix(const schema::Table& t, const std::vector<std::string>& columns) {
  auto covers = [&](const schema::Index& idx) {
    if (idx.parts.size() < columns.size()) return false;
    for (size_t i = 0; i < columns.size(); ++i)
      if (idx.parts[i].column != columns[i] || idx.parts[i].options.Has("prefix")) return false;
    return true;
  };
  if (t.primary_key && covers(*t.primary_key)) return true;
  for (const auto& idx : t.indexes)
    if (covers(idx)) return true;
  return false;
}

}  // namespace

Status Planner::ModifyTable(const schema::ModifyTable& m) {
  const schema::Table& t = m.to;
  RETURN_IF_ERROR(CheckCompatibility(t, ropts_.flavor));
  const std::string source = Source("modify_table", t.name);
  std::vector<TableChange> groups[2];
  // Dropping a foreign key leaves the index InnoDB created for it; the
  // normalizer hides that index from the differ, so it goes here (unless
  // the desired state keeps an index of that name).
  auto drop_implicit = [&](const schema::ForeignKey& fk, std::vector<TableChange>& group) {
    if (const schema::Index* idx = ImplicitIndex(m.from, fk); idx != nullptr && m.to.FindIndex(idx->name) == nullptr)
      group.push_back(schema::DropIndex{*idx});
  };
  for (const auto& change : SkipAutoChanges(m.changes)) {
    if (const auto* mi = std::get_if<schema::ModifyIndex>(&change)) {
      // Any index change rebuilds it.
      groups[0].push_back(schema::DropIndex{mi->from});
      groups[1].push_back(schema::AddIndex{mi->to});
    } else if (const auto* mf = std::get_if<schema::ModifyForeignKey>(&change)) {
      groups[0].push_back(schema::DropForeignKey{mf->from});
      // Other columns or another reference: the old index goes (as in
      // Atlas); an action change keeps it for the new key.
      if ((mf->kind & (schema::kChangeColumn | schema::kChangeRefTable | schema::kChangeRefColumn)) != 0)
        drop_implicit(mf->from, groups[0]);
      groups[1].push_back(schema::AddForeignKey{mf->to});
    } else if (const auto* df = std::get_if<schema::DropForeignKey>(&change)) {
      groups[1].push_back(change);
      drop_implicit(df->fk, groups[1]);
    } else {
      groups[1].push_back(change);
    }
  }
  AlterBuilder builder(m.to, ropts_);
  for (const auto& group : groups) {
    if (group.empty()) continue;
    auto cmd = builder.Build(group);
    if (!cmd.ok()) return InvalidArgument("mysql: alter table " + GoQuote(t.name) + ": " + cmd.status().message());
    std::vector<TableChange> reverse;
    bool reversible = true, destructive = false;
    for (const auto& c : group) {
      destructive |= schema::IsDestructive(c);
      auto r = Reverse(c);
      if (!r) {
        reversible = false;
        continue;
      }
      // Undoing an added key also drops the index InnoDB creates for it
      // (pushed first: the list is reversed below).
      if (const auto* af = std::get_if<schema::AddForeignKey>(&c); af && !HasKeyPrefix(m.to, af->fk.columns)) {
        schema::Index idx;
        idx.name = af->fk.symbol;
        for (const auto& col : af->fk.columns) idx.parts.push_back({col, "", false, {}});
        reverse.push_back(schema::DropIndex{idx});
      }
      reverse.push_back(std::move(*r));
    }
    std::vector<std::string> rev;
    if (reversible) {
      // Undo in the opposite order: an index goes before its column.
      std::reverse(reverse.begin(), reverse.end());
      AlterBuilder back(m.from, ropts_);
      auto r = back.Build(reverse);
      if (!r.ok()) {
        return InvalidArgument("mysql: reverse alter table " + GoQuote(t.name) + ": " + r.status().message());
      }
      rev.push_back(std::move(r).value());
    }
    Add(std::move(cmd).value(), "modify " + GoQuote(t.name) + " table", std::move(rev), source, destructive);
  }
  return Status::Ok();
}

}  // namespace strata::dialect::mysql::internal
