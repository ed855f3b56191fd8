// ModifyTable planning: DROP INDEX statements, one ALTER TABLE with every
// column and constraint clause, CREATE INDEX statements, then comments and
// renames (Atlas's modifyTable/alterTable order).
#include <algorithm>
#include <cstdlib>
#include <set>

#include "base/strings.h"
#include "dialect/postgres/planner.h"
#include "dialect/postgres/render_code.h"
#include "dialect/postgres/type_change.h"
#include "schema/changes.h"

namespace strata::dialect::postgres::internal {
namespace {

using schema::TableChange;

bool IsDropConstraint(const TableChange& c) {
  return std::holds_alternative<schema::DropIndex>(c) || std::holds_alternative<schema::DropPrimaryKey>(c) ||
         std::holds_alternative<schema::DropCheck>(c) || std::holds_alternative<schema::DropForeignKey>(c);
}

// Indexes and foreign keys on dropped columns go away with the columns.
std::vector<TableChange> SkipAutoChanges(const std::vector<TableChange>& changes) {
  std::set<std::string> dropped;
  for (const auto& c : changes)
    if (const auto* d = std::get_if<schema::DropColumn>(&c)) dropped.insert(d->c.name);
  std::vector<TableChange> out;
  for (const auto& c : changes) {
    bool skip = false;
    if (const auto* d = std::get_if<schema::DropIndex>(&c)) {
      for (const auto& p : d->i.parts) skip |= !p.column.empty() && dropped.count(p.column) > 0;
    } else if (const auto* f = std::get_if<schema::DropForeignKey>(&c)) {
      for (const auto& col : f->fk.columns) skip |= dropped.count(col) > 0;
    }
    if (!skip) out.push_back(c);
  }
  return out;
}

std::string SerialBase(const schema::Type& t) {
  std::string n = ToLower(t.name.empty() ? t.raw : t.name);
  if (n == "smallserial" || n == "serial2") return "smallint";
  if (n == "serial" || n == "serial4") return "integer";
  if (n == "bigserial" || n == "serial8") return "bigint";
  return "";
}

// A decimal option value; 0 when it is not a number.
long long ToInt(const std::string& s) {
  char* end = nullptr;
  long long v = std::strtoll(s.c_str(), &end, 10);
  return end != nullptr && *end == '\0' ? v : 0;
}

struct Group {
  std::vector<plan::PlannedChange> before, after;
};

class AlterBuilder {
 public:
  AlterBuilder(const schema::Table& t, const RenderOptions& o, const std::string& source)
      : t_(t), o_(o), source_(source) {}

  // The ALTER TABLE statement for `changes`; serial sequences go to `g`.
  Result<std::string> Build(const std::vector<TableChange>& changes, Group* g) {
    std::vector<std::string> clauses;
    for (const auto& c : changes) {
      ASSIGN_OR_RETURN(std::string s, Clause(c, g));
      clauses.push_back(std::move(s));
    }
    return "ALTER TABLE " + TableName(t_, o_) + " " + Join(clauses, ", ");
  }

 private:
  Result<std::string> Clause(const TableChange& c, Group* g) {
    if (const auto* a = std::get_if<schema::AddColumn>(&c)) {
      ASSIGN_OR_RETURN(std::string def, ColumnDef(a->c, &o_));
      if (a->c.options.Has("statistics"))  // runs after the ADD in the same ALTER TABLE
        def += ", ALTER COLUMN " + Quote(a->c.name) + " SET STATISTICS " + a->c.options.Get("statistics");
      return "ADD COLUMN " + def;
    }
    if (const auto* m = std::get_if<schema::ModifyColumn>(&c)) return AlterColumn(*m, g);
    if (const auto* d = std::get_if<schema::DropColumn>(&c)) return "DROP COLUMN " + Quote(d->c.name);
    if (const auto* a = std::get_if<schema::AddIndex>(&c)) return "ADD " + UniqueConstraint(a->i);
    if (const auto* d = std::get_if<schema::DropIndex>(&c)) return "DROP CONSTRAINT " + Quote(d->i.name);
    if (const auto* a = std::get_if<schema::AddPrimaryKey>(&c)) return "ADD " + PrimaryKeyConstraint(t_, a->pk);
    if (const auto* d = std::get_if<schema::DropPrimaryKey>(&c))
      return "DROP CONSTRAINT " + Quote(PrimaryKeyName(t_, d->pk));
    if (const auto* a = std::get_if<schema::AddForeignKey>(&c)) return "ADD " + ForeignKeyDef(t_, a->fk, o_, /*alter=*/true);
    if (const auto* d = std::get_if<schema::DropForeignKey>(&c))
      return "DROP CONSTRAINT " + Quote(d->fk.symbol);
    if (const auto* a = std::get_if<schema::AddCheck>(&c)) return "ADD " + CheckDef(a->c, /*alter=*/true);
    if (const auto* d = std::get_if<schema::DropCheck>(&c)) return "DROP CONSTRAINT " + Quote(d->c.name);
    if (const auto* m = std::get_if<schema::ModifyCheck>(&c)) {
      if (m->from.name.empty()) return InvalidArgument("cannot modify unnamed check constraint");
      if (m->from.name != m->to.name) {
        return InvalidArgument("mismatch check constraint names: " + GoQuote(m->from.name) +
                               " != " + GoQuote(m->to.name));
      }
      return "DROP CONSTRAINT " + Quote(m->from.name) + ", ADD " + CheckDef(m->to);
    }
    return InvalidArgument("unexpected change " + schema::SkipKey(c));
  }

  Result<std::string> AlterColumn(const schema::ModifyColumn& m, Group* g) {
    const schema::Column &from = m.from, &to = m.to;
    const std::string col = "ALTER COLUMN " + Quote(to.name);
    std::vector<std::string> out;
    uint32_t k = m.kind & ~schema::kChangeComment;
    bool collate_changed = from.options.Get("collate") != to.options.Get("collate");
    if ((k & (schema::kChangeType | schema::kChangeCollate)) != 0 ||
        ((k & schema::kChangeAttr) != 0 && collate_changed)) {
      RETURN_IF_ERROR(AlterType(m, g, &out));
    }
    k &= ~(schema::kChangeType | schema::kChangeCollate | schema::kChangeCharset);
    if ((k & schema::kChangeNull) != 0) {
      if (to.nullable && !SerialBase(to.type).empty()) {
        return InvalidArgument("NOT NULL constraint is required for " + ToLower(to.type.name) + " column " +
                               GoQuote(to.name));
      }
      out.push_back(col + (to.nullable ? " DROP NOT NULL" : " SET NOT NULL"));
    }
    if ((k & schema::kChangeDefault) != 0) {
      if (to.default_value) {
        out.push_back(col + " SET DEFAULT " + DefaultValue(to));
      } else {
        out.push_back(col + " DROP DEFAULT");
      }
    }
    if ((k & schema::kChangeAttr) != 0 && from.options.Get("statistics") != to.options.Get("statistics"))
      out.push_back(col + " SET STATISTICS " + to.options.Get("statistics", "-1"));
    bool identity_changed = false;
    for (const char* key : {"identity", "identity_start", "identity_increment"})
      identity_changed = identity_changed || from.options.Get(key) != to.options.Get(key);
    if ((k & schema::kChangeAttr) != 0 && identity_changed) {
      std::string from_id = ToUpper(from.options.Get("identity")), to_id = ToUpper(to.options.Get("identity"));
      if (!to_id.empty() && !from_id.empty()) {
        // Same syntax as ALTER SEQUENCE's options.
        std::string start = to.options.Get("identity_start", "1");
        std::string s = col + " SET GENERATED " + to_id + " SET START WITH " + start + " SET INCREMENT BY " +
                        to.options.Get("identity_increment", "1");
        // RESTART only when the start is ahead of the sequence in both
        // states (this is used for up and down alike).
        auto last = [](const schema::Column& c) { return ToInt(c.options.Get("identity_last", "0")); };
        long long st = ToInt(start);
        if (last(from) < st && last(to) < st) s += " RESTART";
        out.push_back(std::move(s));
      } else if (!to_id.empty()) {
        std::string s = col + " ADD GENERATED " + to_id + " AS IDENTITY";
        std::vector<std::string> seq;
        if (std::string v = to.options.Get("identity_start", "1"); v != "1") seq.push_back("START WITH " + v);
        if (std::string v = to.options.Get("identity_increment", "1"); v != "1")
          seq.push_back("INCREMENT BY " + v);
        if (!seq.empty()) s += " (" + Join(seq, " ") + ")";
        out.push_back(std::move(s));
      } else if (!from_id.empty()) {
        out.push_back(col + " DROP IDENTITY");
      }
    }
    if ((k & schema::kChangeGenerated) != 0) {
      if (to.generated) {
        return InvalidArgument("unexpected generation expression change (expect DROP EXPRESSION) for column " +
                               GoQuote(to.name));
      }
      out.push_back(col + " DROP EXPRESSION");
    }
    if (out.empty()) return InvalidArgument("unexpected column change for column " + GoQuote(to.name));
    return Join(out, ", ");
  }

  // ALTER COLUMN "c" TYPE t [COLLATE "x"], with serial columns turned
  // into sequences and back.
  Status AlterType(const schema::ModifyColumn& m, Group* g, std::vector<std::string>* out) {
    const schema::Column &from = m.from, &to = m.to;
    const std::string col = "ALTER COLUMN " + Quote(to.name);
    std::string from_base = SerialBase(from.type), to_base = SerialBase(to.type);
    std::string seq = SchemaPrefix(t_.schema, o_) + Quote(t_.name + "_" + to.name + "_seq");
    std::string create_seq = "CREATE SEQUENCE IF NOT EXISTS " + seq + " OWNED BY " + TableName(t_, o_) + "." +
                             Quote(to.name);
    std::string drop_seq = "DROP SEQUENCE IF EXISTS " + seq;
    std::string clause;
    if (!from_base.empty() && to_base.empty()) {
      clause = col + " DROP DEFAULT";
      // The sequence goes after the default that uses it.
      g->after.push_back({drop_seq, "drop sequence used by serial column " + GoQuote(from.name), {create_seq},
                          false, source_});
      if (ToLower(ColumnType(to.type)) != from_base) clause += ", " + col + " TYPE " + ColumnType(to.type, &o_);
    } else if (from_base.empty() && !to_base.empty()) {
      g->before.push_back({create_seq, "create sequence for serial column " + GoQuote(to.name), {drop_seq},
                           false, source_});
      std::string seq_text = SchemaPrefix(t_.schema, o_) + Quote(t_.name + "_" + to.name + "_seq");
      clause = col + " SET DEFAULT nextval('" + ReplaceAll(seq_text, "'", "''") + "')";
      if (ToLower(ColumnType(from.type)) != to_base) clause += ", " + col + " TYPE " + to_base;
    } else if (!to_base.empty()) {
      clause = col + " TYPE " + to_base;
    } else {
      clause = col + " TYPE " + ColumnType(to.type, &o_);
      // No assignment cast (text -> integer, varchar -> enum): convert explicitly.
      if (NeedsUsing(from.type, to.type)) clause += " USING " + Quote(to.name) + "::" + ColumnType(to.type, &o_);
    }
    if (std::string coll = to.options.Get("collate"); !coll.empty()) clause += " COLLATE " + Quote(coll);
    out->push_back(std::move(clause));
    return Status::Ok();
  }

  const schema::Table& t_;
  const RenderOptions& o_;
  const std::string& source_;
};

// Like schema::IsDestructive, but a column type change counts only when it
// narrows the type or changes its family (see type_change.h).
bool IsDestructiveChange(const TableChange& c) {
  if (const auto* m = std::get_if<schema::ModifyColumn>(&c); m != nullptr && (m->kind & schema::kChangeType) != 0)
    return IsNarrowingTypeChange(m->from.type, m->to.type);
  return schema::IsDestructive(c);
}

// The sub-change that undoes `c` inside an ALTER TABLE, or nullopt when
// there is none.
std::optional<TableChange> Reverse(const TableChange& c) {
  if (const auto* a = std::get_if<schema::AddColumn>(&c)) return schema::DropColumn{a->c};
  if (const auto* d = std::get_if<schema::DropColumn>(&c)) return schema::AddColumn{d->c};
  if (const auto* m = std::get_if<schema::ModifyColumn>(&c)) {
    if ((m->kind & schema::kChangeGenerated) != 0) return std::nullopt;
    return schema::ModifyColumn{m->to, m->from, m->kind};
  }
  if (const auto* a = std::get_if<schema::AddIndex>(&c)) return schema::DropIndex{a->i};
  if (const auto* d = std::get_if<schema::DropIndex>(&c)) return schema::AddIndex{d->i};
  if (const auto* a = std::get_if<schema::AddPrimaryKey>(&c)) return schema::DropPrimaryKey{a->pk};
  if (const auto* d = std::get_if<schema::DropPrimaryKey>(&c)) return schema::AddPrimaryKey{d->pk};
  if (const auto* a = std::get_if<schema::AddForeignKey>(&c)) return schema::DropForeignKey{a->fk};
  if (const auto* d = std::get_if<schema::DropForeignKey>(&c)) return schema::AddForeignKey{d->fk};
  if (const auto* a = std::get_if<schema::AddCheck>(&c)) {
    // A generated constraint name is unknown here.
    if (a->c.name.empty()) return std::nullopt;
    return schema::DropCheck{a->c};
  }
  if (const auto* d = std::get_if<schema::DropCheck>(&c)) return schema::AddCheck{d->c};
  if (const auto* m = std::get_if<schema::ModifyCheck>(&c)) return schema::ModifyCheck{m->to, m->from};
  return std::nullopt;
}

}  // namespace

Status Planner::ModifyTable(const schema::ModifyTable& m) {
  const schema::Table& t = m.to;
  const std::string source = Source("modify_table", t.name);
  std::vector<TableChange> alter;
  std::vector<schema::Index> add_idx, drop_idx;
  std::vector<plan::PlannedChange> after;
  auto comment_change = [&](std::string cmd, std::string rev, std::string what) {
    after.push_back({std::move(cmd), std::move(what), {std::move(rev)}, false, source});
  };
  auto index_comment = [&](const schema::Index& idx, const std::string& to, const std::string& from) {
    comment_change(IndexComment(t, idx.name, to, ropts_), IndexComment(t, idx.name, from, ropts_),
                   "set comment to index: " + GoQuote(idx.name) + " on table: " + GoQuote(t.name));
  };
  auto column_comment = [&](const std::string& c, const std::string& to, const std::string& from) {
    comment_change(ColumnComment(t, c, to, ropts_), ColumnComment(t, c, from, ropts_),
                   "set comment to column: " + GoQuote(c) + " on table: " + GoQuote(t.name));
  };

  bool partition_moved = false;
  for (const auto& change : SkipAutoChanges(m.changes)) {
    if (const auto* a = std::get_if<schema::ModifyTableAttr>(&change); a != nullptr && IsPartitionAttr(a->key)) {
      if (!partition_moved) RETURN_IF_ERROR(ModifyPartitionOf(m.from, m.to, source));
      partition_moved = true;
    } else if (const auto* a = std::get_if<schema::ModifyTableAttr>(&change)) {
      if (a->key == "row_security_enabled" || a->key == "row_security_enforced") {
        comment_change(RowSecurity(t, a->key, a->to == "true", ropts_), RowSecurity(t, a->key, a->from == "true", ropts_),
                       "set row-level security of table: " + GoQuote(t.name));
        continue;
      }
      if (a->key != "comment") {
        return Unsupported("postgres: unsupported table attribute change " + GoQuote(a->key) + " on table " +
                           GoQuote(t.name));
      }
      comment_change(TableComment(t, a->to, ropts_), TableComment(t, a->from, ropts_),
                     "set comment to table: " + GoQuote(t.name));
    } else if (const auto* ai = std::get_if<schema::AddIndex>(&change)) {
      if (!ai->i.comment.empty()) index_comment(ai->i, ai->i.comment, "");
      if (IsUniqueConstraint(ai->i)) {
        alter.push_back(change);
      } else {
        add_idx.push_back(ai->i);
      }
    } else if (const auto* di = std::get_if<schema::DropIndex>(&change)) {
      if (IsUniqueConstraint(di->i)) {
        alter.push_back(change);
      } else {
        drop_idx.push_back(di->i);
      }
    } else if (const auto* mp = std::get_if<schema::ModifyPrimaryKey>(&change)) {
      // The new key may use columns added by this statement.
      alter.push_back(schema::DropPrimaryKey{mp->from});
      alter.push_back(schema::AddPrimaryKey{mp->to});
    } else if (const auto* mi = std::get_if<schema::ModifyIndex>(&change)) {
      uint32_t k = mi->kind;
      if ((k & schema::kChangeComment) != 0) {
        index_comment(mi->to, mi->to.comment, mi->from.comment);
        k &= ~schema::kChangeComment;
        if (k == schema::kNoChange) continue;
      }
      // Any other index change rebuilds it.
      if (IsUniqueConstraint(mi->from)) {
        alter.push_back(schema::DropIndex{mi->from});
      } else {
        drop_idx.push_back(mi->from);
      }
      if (IsUniqueConstraint(mi->to)) {
        alter.push_back(schema::AddIndex{mi->to});
      } else {
        add_idx.push_back(mi->to);
      }
    } else if (const auto* ri = std::get_if<schema::RenameIndex>(&change)) {
      after.push_back({"ALTER INDEX " + QualifiedName(t.schema, ri->from.name, ropts_) + " RENAME TO " +
                           Quote(ri->to.name),
                       "rename an index from " + GoQuote(ri->from.name) + " to " + GoQuote(ri->to.name),
                       {"ALTER INDEX " + QualifiedName(t.schema, ri->to.name, ropts_) + " RENAME TO " +
                        Quote(ri->from.name)},
                       false,
                       source});
    } else if (const auto* mf = std::get_if<schema::ModifyForeignKey>(&change)) {
      alter.push_back(schema::DropForeignKey{mf->from});
      alter.push_back(schema::AddForeignKey{mf->to});
    } else if (const auto* ac = std::get_if<schema::AddColumn>(&change)) {
      if (!ac->c.comment.empty()) column_comment(ac->c.name, ac->c.comment, "");
      alter.push_back(change);
    } else if (const auto* mc = std::get_if<schema::ModifyColumn>(&change)) {
      uint32_t k = mc->kind;
      if ((k & schema::kChangeComment) != 0) {
        column_comment(mc->to.name, mc->to.comment, mc->from.comment);
        k &= ~schema::kChangeComment;
        if (k == schema::kNoChange) continue;
      }
      alter.push_back(schema::ModifyColumn{mc->from, mc->to, k});
    } else if (const auto* rc = std::get_if<schema::RenameColumn>(&change)) {
      // RENAME COLUMN cannot be combined with other alterations.
      const std::string head = "ALTER TABLE " + TableName(t, ropts_) + " RENAME COLUMN ";
      after.push_back({head + Quote(rc->from.name) + " TO " + Quote(rc->to.name),
                       "rename a column from " + GoQuote(rc->from.name) + " to " + GoQuote(rc->to.name),
                       {head + Quote(rc->to.name) + " TO " + Quote(rc->from.name)},
                       false,
                       source});
    } else {
      alter.push_back(change);
    }
  }

  // CONCURRENTLY is not supported on partitioned tables.
  const bool partitioned = !m.from.options.Get("partition").empty() || !t.options.Get("partition").empty();
  const bool drop_conc = concurrent_drop_ && !partitioned && !drop_idx.empty();
  const bool create_conc = concurrent_create_ && !partitioned && !add_idx.empty();
  if (drop_conc || create_conc) non_transactional_ = true;
  // (a) DROP INDEX.
  for (const auto& idx : drop_idx) {
    Add(postgres::DropIndex(t, idx, ropts_, drop_conc),
        "drop index " + GoQuote(idx.name) + " from table: " + GoQuote(t.name),
        {CreateIndex(t, idx, ropts_, drop_conc)}, source);
  }
  // (b) One ALTER TABLE, constraint drops first.
  if (!alter.empty()) {
    std::stable_sort(alter.begin(), alter.end(), [](const TableChange& a, const TableChange& b) {
      return IsDropConstraint(a) && !IsDropConstraint(b);
    });
    Group g;
    AlterBuilder builder(t, ropts_, source);
    auto cmd = builder.Build(alter, &g);
    if (!cmd.ok()) return InvalidArgument("postgres: alter table " + GoQuote(t.name) + ": " + cmd.status().message());
    std::vector<TableChange> reverse;
    bool reversible = true;
    bool destructive = false;
    for (const auto& c : alter) {
      destructive |= IsDestructiveChange(c);
      auto r = Reverse(c);
      if (!r) {
        reversible = false;
        continue;
      }
      reverse.push_back(std::move(*r));
    }
    std::vector<std::string> rev;
    if (reversible) {
      std::reverse(reverse.begin(), reverse.end());
      Group unused;
      auto r = builder.Build(reverse, &unused);
      if (!r.ok()) {
        return InvalidArgument("postgres: reverse alter table " + GoQuote(t.name) + ": " + r.status().message());
      }
      rev.push_back(std::move(r).value());
    }
    for (auto& c : g.before) changes_.push_back(std::move(c));
    Add(std::move(cmd).value(), "modify " + GoQuote(t.name) + " table", std::move(rev), source, destructive);
    for (auto& c : g.after) changes_.push_back(std::move(c));
  }
  // (c) CREATE INDEX.
  for (const auto& idx : add_idx) {
    plan::PlannedChange c = CreateIndexChange(t, idx, source);
    if (create_conc) {
      c.cmd = CreateIndex(t, idx, ropts_, /*concurrently=*/true);
      c.reverse = {postgres::DropIndex(t, idx, ropts_, /*concurrently=*/true)};
    }
    changes_.push_back(std::move(c));
  }
  // (d) Comments and renames.
  for (auto& c : after) changes_.push_back(std::move(c));
  return Status::Ok();
}

}  // namespace strata::dialect::postgres::internal
