#include "dialect/sqlite/render.h"

#include <algorithm>
#include <cstdlib>

#include <cctype>
#include <vector>

#include "base/strings.h"
#include "dialect/sqlite/literal.h"
#include "dialect/sqlite/types.h"
#include "spec/trigger_events.h"

namespace strata::dialect::sqlite {
namespace {

std::string QuoteList(const std::vector<std::string>& names) {
  std::vector<std::string> q;
  q.reserve(names.size());
  for (const auto& n : names) q.push_back(Quote(n));
  return Join(q, ", ");
}

// "(`a`, (lower(b)) DESC)" — the key parts of an index or primary key.
std::string IndexParts(const std::vector<schema::IndexPart>& parts) {
  std::vector<std::string> out;
  out.reserve(parts.size());
  for (const auto& p : parts) {
    std::string s = p.column.empty() ? MayWrap(Trim(p.expr)) : Quote(p.column);
    if (!p.column.empty()) {
      if (std::string coll = p.options.Get("collate"); !coll.empty()) s += " COLLATE " + coll;
    }
    if (p.desc) s += " DESC";
    out.push_back(std::move(s));
  }
  return "(" + Join(out, ", ") + ")";
}

// Atlas renders AUTOINCREMENT inline and then leaves out the table-level
// PRIMARY KEY of a single auto-increment column.
bool AutoIncrementPK(const schema::Table& t) {
  if (!t.primary_key || t.primary_key->parts.size() != 1) return false;
  const std::string& col = t.primary_key->parts[0].column;
  if (col.empty()) return false;
  const schema::Column* c = t.FindColumn(col);
  return c != nullptr && c->options.Flag("auto_increment");
}

std::string ForeignKeyDef(const schema::ForeignKey& fk) {
  std::string s;
  if (!fk.symbol.empty()) s += "CONSTRAINT " + Quote(fk.symbol) + " ";
  s += "FOREIGN KEY (" + QuoteList(fk.columns) + ") REFERENCES " + Quote(fk.ref_table);
  // An empty list references the parent's primary key.
  if (!fk.ref_columns.empty()) s += " (" + QuoteList(fk.ref_columns) + ")";
  if (fk.on_update != schema::ReferenceAction::kNone)
    s += " ON UPDATE " + schema::ReferenceActionSQL(fk.on_update);
  if (fk.on_delete != schema::ReferenceAction::kNone)
    s += " ON DELETE " + schema::ReferenceActionSQL(fk.on_delete);
  if (fk.options.Flag("deferrable")) {
    s += " DEFERRABLE";
    if (fk.options.Flag("initially_deferred")) s += " INITIALLY DEFERRED";
  }
  return s;
}

std::string CheckDef(const schema::Check& c) {
  std::string s;
  if (!c.name.empty()) s += "CONSTRAINT " + Quote(c.name) + " ";
  return s + "CHECK " + MayWrap(Trim(c.expr));
}

// Removes a trailing ";" (and the space before it) from a definition.
std::string TrimStatement(std::string s) {
  s = Trim(s);
  while (EndsWith(s, ";")) s = Trim(s.substr(0, s.size() - 1));
  return s;
}

bool StartsWithKeyword(const std::string& s, std::string_view kw) {
  std::string t = Trim(s);
  return t.size() >= kw.size() && EqualFold(std::string_view(t).substr(0, kw.size()), kw) &&
         (t.size() == kw.size() || !std::isalnum(static_cast<unsigned char>(t[kw.size()])));
}

}  // namespace

std::string Quote(std::string_view ident) { return "`" + ReplaceAll(std::string(ident), "`", "``") + "`"; }

std::string QualifiedName(std::string_view name, const RenderOptions& o) {
  if (o.qualifier && !o.qualifier->empty()) return Quote(*o.qualifier) + "." + Quote(name);
  return Quote(name);
}

Result<std::string> DefaultValue(const schema::Column& c) {
  const schema::Expr& x = *c.default_value;
  if (x.kind == schema::Expr::Kind::kRaw) return MayWrap(x.text);
  // A number stays a number whatever the column type (Atlas quotes it for
  // non-numeric types; SQLite's catalog keeps what was declared).
  if (IsLiteralNumber(x.text)) return x.text;
  switch (ClassOf(c.type)) {
    case TypeClass::kBool:
    case TypeClass::kDecimal:
    case TypeClass::kInteger:
    case TypeClass::kFloat:
      return x.text;
    default:
      break;
  }
  // A blob literal is already SQL; quoting it would turn it into text.
  if (IsBlobLiteral(x.text)) return x.text;
  return SingleQuote(x.text);
}

Result<std::string> ColumnDef(const schema::Column& c) {
  std::string s = Quote(c.name) + " " + FormatType(c.type);
  s += c.nullable ? " NULL" : " NOT NULL";
  if (c.default_value) {
    ASSIGN_OR_RETURN(std::string d, DefaultValue(c));
    s += " DEFAULT " + d;
  }
  if (std::string coll = c.options.Get("collate"); !coll.empty()) s += " COLLATE " + coll;
  bool autoinc = c.options.Flag("auto_increment");
  if (autoinc && c.generated) {
    return InvalidArgument("both autoincrement and generation expression specified for column " +
                           GoQuote(c.name));
  }
  if (autoinc) s += " PRIMARY KEY AUTOINCREMENT";
  if (c.generated) {
    s += " AS " + MayWrap(c.generated->expr);
    if (!c.generated->type.empty()) s += " " + ToUpper(c.generated->type);
  }
  return s;
}

Result<std::string> CreateTable(const schema::Table& t, const RenderOptions& o, bool if_not_exists) {
  std::vector<std::string> items;
  std::vector<std::string> errs;
  for (const auto& c : t.columns) {
    auto def = ColumnDef(c);
    if (!def.ok()) {
      errs.push_back(def.status().message());
      continue;
    }
    items.push_back(std::move(def).value());
  }
  if (!errs.empty()) {
    return InvalidArgument("sqlite: create table " + GoQuote(t.name) + ": " + Join(errs, ", "));
  }
  if (t.primary_key && !AutoIncrementPK(t)) {
    for (const auto& c : t.columns) {
      if (c.options.Flag("auto_increment")) {
        return InvalidArgument("sqlite: create table " + GoQuote(t.name) + ": column " + GoQuote(c.name) +
                               " is AUTOINCREMENT but the primary key is not that single column");
      }
    }
    items.push_back("PRIMARY KEY " + IndexParts(t.primary_key->parts));
  }
  // Indexes SQLite made for UNIQUE constraints come back as constraints, in
  // their original order, so the new table gets the same autoindexes.
  for (const schema::Index* idx : AutoIndexes(t)) items.push_back("UNIQUE " + IndexParts(idx->parts));
  for (const auto& fk : t.foreign_keys) items.push_back(ForeignKeyDef(fk));
  for (const auto& c : t.checks) items.push_back(CheckDef(c));

  std::string s = "CREATE TABLE ";
  if (if_not_exists) s += "IF NOT EXISTS ";
  s += QualifiedName(t.name, o) + " (";
  if (o.indent.empty()) {
    s += Join(items, ", ") + ")";
  } else {
    s += "\n" + o.indent + Join(items, ",\n" + o.indent) + "\n)";
  }
  std::vector<std::string> opts;
  if (t.options.Flag("without_rowid")) opts.push_back("WITHOUT ROWID");
  if (t.options.Flag("strict")) opts.push_back("STRICT");
  if (!opts.empty()) s += " " + Join(opts, ", ");
  return s;
}

bool IsAutoIndex(const schema::Index& idx) {
  return idx.implicit || StartsWith(idx.name, "sqlite_autoindex");
}

std::vector<const schema::Index*> AutoIndexes(const schema::Table& t) {
  // The number SQLite gives an autoindex ("sqlite_autoindex_t_<n>").
  auto number = [](const schema::Index* i) {
    size_t us = i->name.rfind('_');
    if (us == std::string::npos) return 0L;
    return std::strtol(i->name.c_str() + us + 1, nullptr, 10);
  };
  std::vector<const schema::Index*> out;
  for (const auto& idx : t.indexes)
    if (IsAutoIndex(idx) && idx.unique && idx.where.empty()) out.push_back(&idx);
  std::stable_sort(out.begin(), out.end(),
                   [&](const schema::Index* a, const schema::Index* b) { return number(a) < number(b); });
  return out;
}

bool IsInlineIndex(const schema::Index& idx) { return IsAutoIndex(idx) && idx.unique && idx.where.empty(); }

Result<std::string> IndexName(std::string_view table, const schema::Index& idx) {
  if (!StartsWith(idx.name, "sqlite_autoindex")) {
    if (idx.name.empty()) {
      return InvalidArgument("sqlite: an index of table " + GoQuote(table) + " has no name");
    }
    return idx.name;
  }
  std::string name(table);
  for (size_t i = 0; i < idx.parts.size(); ++i) {
    if (idx.parts[i].column.empty()) {
      return InvalidArgument("sqlite: unexpected index part " + idx.name + " (" + std::to_string(i) + ")");
    }
    name += "_" + idx.parts[i].column;
  }
  return name;
}

Result<std::string> CreateIndex(std::string_view table, const schema::Index& idx) {
  ASSIGN_OR_RETURN(std::string name, IndexName(table, idx));
  std::string s = idx.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
  s += Quote(name) + " ON " + Quote(table) + " " + IndexParts(idx.parts);
  if (!Trim(idx.where).empty()) s += " WHERE " + Trim(idx.where);
  return s;
}

std::string DropIndex(std::string_view name) { return "DROP INDEX " + Quote(name); }

std::string CreateView(const schema::View& v, const RenderOptions& o) {
  return "CREATE VIEW " + QualifiedName(v.name, o) + " AS " + TrimStatement(v.def);
}

std::string DropView(const schema::View& v, const RenderOptions& o) {
  return "DROP VIEW " + QualifiedName(v.name, o);
}

Result<std::string> CreateTrigger(const schema::Trigger& t) {
  std::string timing = t.options.Get("timing");
  if (timing.empty()) {
    std::string def = TrimStatement(t.def);
    if (!StartsWithKeyword(def, "CREATE")) {
      return InvalidArgument("sqlite: trigger " + GoQuote(t.name) +
                             ": definition is neither a CREATE TRIGGER statement nor a body with timing");
    }
    return def;
  }
  auto events = spec::ParseTriggerEvents(t.options.Get("events"));
  if (events.size() != 1) {
    return InvalidArgument("sqlite: trigger " + GoQuote(t.name) +
                           ": SQLite triggers fire on exactly one event, got " +
                           GoQuote(t.options.Get("events")));
  }
  std::string for_each = ToUpper(t.options.Get("for_each"));
  if (!for_each.empty() && for_each != "ROW") {
    return InvalidArgument("sqlite: trigger " + GoQuote(t.name) +
                           ": SQLite supports only FOR EACH ROW triggers");
  }
  std::string s = "CREATE TRIGGER " + Quote(t.name) + " " + ToUpper(timing) + " " + events[0].name;
  if (!events[0].columns.empty()) s += " OF " + QuoteList(events[0].columns);
  s += " ON " + Quote(t.table);
  if (!for_each.empty()) s += " FOR EACH ROW";
  if (std::string when = Trim(t.options.Get("when")); !when.empty()) s += " WHEN " + when;
  std::string body = TrimStatement(t.def);
  if (StartsWithKeyword(body, "BEGIN")) return s + " " + body;
  return s + " BEGIN " + body + "; END";
}

std::string DropTrigger(const schema::Trigger& t) { return "DROP TRIGGER " + Quote(t.name); }

}  // namespace strata::dialect::sqlite
