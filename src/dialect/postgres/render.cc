#include "dialect/postgres/render.h"

#include <cctype>

#include "base/strings.h"
#include "dialect/postgres/types.h"
#include "spec/trigger_events.h"

namespace strata::dialect::postgres {
namespace {

std::string QuoteList(const std::vector<std::string>& names) {
  std::vector<std::string> q;
  q.reserve(names.size());
  for (const auto& n : names) q.push_back(Quote(n));
  return Join(q, ", ");
}

// "a, b" / "a,b" (the Options form of a column list) -> {"a", "b"}.
std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  for (const auto& part : Split(s, ",")) {
    std::string p = Trim(part);
    if (!p.empty()) out.push_back(std::move(p));
  }
  return out;
}

// Index of the parenthesis closing the one at s[0], skipping quoted text;
// npos when unbalanced.
size_t ClosingParen(std::string_view s) {
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote != 0) {
      if (c == quote) quote = 0;  // a doubled quote re-opens on the next char
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth == 0) return i;
    }
  }
  return std::string_view::npos;
}

std::string TrimStatement(std::string s) {
  s = Trim(s);
  while (EndsWith(s, ";")) s = Trim(s.substr(0, s.size() - 1));
  return s;
}

bool StartsWithKeyword(std::string_view s, std::string_view kw) {
  return s.size() >= kw.size() && EqualFold(s.substr(0, kw.size()), kw) &&
         (s.size() == kw.size() || !std::isalnum(static_cast<unsigned char>(s[kw.size()])));
}

// Types whose literal defaults Atlas writes unquoted (its Bool, Integer,
// Decimal and Float types).
bool IsNumericOrBool(const schema::Type& t) {
  static const char* const kNames[] = {
      "boolean", "bool",    "smallint", "integer", "bigint", "int",     "int2",   "int4",
      "int8",    "numeric", "decimal",  "real",    "float",  "float4",  "float8", "double precision",
  };
  std::string n = ToLower(t.name.empty() ? t.raw : t.name);
  if (size_t p = n.find('('); p != std::string::npos) n = Trim(n.substr(0, p));
  for (const char* k : kNames)
    if (n == k) return true;
  return false;
}

bool IsSerialType(const schema::Type& t) { return IsSerial(ToLower(t.name.empty() ? t.raw : t.name)); }

std::string Deferral(const schema::Options& o) {
  if (!o.Flag("deferrable")) return "";
  return o.Flag("initially_deferred") ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
}

std::string PartDef(const schema::IndexPart& p) {
  std::string s = p.column.empty() ? MayWrap(Trim(p.expr)) : Quote(p.column);
  if (std::string c = p.options.Get("collate"); !c.empty()) s += " COLLATE " + Quote(c);
  // The inspector leaves out default operator classes.
  if (std::string ops = p.options.Get("ops"); !ops.empty()) s += " " + ops;
  if (p.desc) s += " DESC";
  // Only the non-default null ordering is written: NULLS FIRST is the
  // default of DESC, NULLS LAST the default otherwise.
  if (p.desc && p.options.Flag("nulls_last")) s += " NULLS LAST";
  if (!p.desc && p.options.Flag("nulls_first")) s += " NULLS FIRST";
  return s;
}

std::string NullsNotDistinct(const schema::Index& idx) {
  return idx.options.Get("nulls_distinct") == "false" ? " NULLS NOT DISTINCT" : "";
}

}  // namespace

std::string Quote(std::string_view ident) { return "\"" + ReplaceAll(std::string(ident), "\"", "\"\"") + "\""; }

std::string QuoteString(std::string_view s) {
  if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') return std::string(s);
  return "'" + ReplaceAll(std::string(s), "'", "''") + "'";
}

std::string MayWrap(std::string_view expr) {
  if (!expr.empty() && expr.front() == '(' && ClosingParen(expr) == expr.size() - 1) return std::string(expr);
  return "(" + std::string(expr) + ")";
}

std::string SchemaPrefix(const std::string& schema, const RenderOptions& o) {
  if (o.qualifier) return o.qualifier->empty() ? "" : Quote(*o.qualifier) + ".";
  return schema.empty() ? "" : Quote(schema) + ".";
}

std::string QualifiedName(const std::string& schema, std::string_view name, const RenderOptions& o) {
  return SchemaPrefix(schema, o) + Quote(name);
}

std::string TableName(const schema::Table& t, const RenderOptions& o) {
  return QualifiedName(t.schema, t.name, o);
}

bool IsUniqueConstraint(const schema::Index& idx) {
  return idx.options.Flag("constraint") || idx.options.Flag("exclude");
}

std::string PrimaryKeyName(const schema::Table& t, const schema::Index& pk) {
  return pk.name.empty() ? t.name + "_pkey" : pk.name;
}

std::string ColumnType(const schema::Type& t, const RenderOptions* o) {
  if (!t.schema.empty()) return (o != nullptr ? SchemaPrefix(t.schema, *o) : Quote(t.schema) + ".") + t.raw;
  if (t.unsupported || t.name.empty()) return t.raw;
  // Atlas's FormatType spellings: the long standard names for strings,
  // numeric for decimal, boolean for bool, bit(1) for a bare bit.
  const std::string n = ToLower(t.name);
  auto args = [&] { return t.args.empty() ? std::string() : "(" + Join(t.args, ",") + ")"; };
  if (n == "varchar" || n == "character varying") return "character varying" + args();
  if (n == "char" || n == "character") return "character(" + (t.args.empty() ? "1" : t.args[0]) + ")";
  if (n == "bool" || n == "boolean") return "boolean";
  if (n == "int2") return "smallint";
  if (n == "int" || n == "int4") return "integer";
  if (n == "int8") return "bigint";
  if (n == "float4") return "real";
  if (n == "float8") return "double precision";
  if (n == "decimal") return "numeric" + args();
  if (n == "serial2") return "smallserial";
  if (n == "serial4") return "serial";
  if (n == "serial8") return "bigserial";
  if (n == "bit" && t.args.empty()) return "bit(1)";
  // 6 is the default precision of time types.
  if ((n == "time" || n == "timetz" || n == "timestamp" || n == "timestamptz") && t.args.size() == 1 &&
      t.args[0] == "6")
    return n;
  return FormatType(t);
}

std::string DefaultValue(const schema::Column& c) {
  const schema::Expr& x = *c.default_value;
  if (x.kind == schema::Expr::Kind::kRaw) return x.text;
  if (IsNumericOrBool(c.type)) return x.text;
  // A value written in double quotes ("\"x\"" in HCL) is the string x:
  // the decoder keeps it as '"x"', older states as "x".
  if (x.text.size() >= 2 && x.text.front() == '"' && x.text.back() == '"')
    return QuoteString(x.text.substr(1, x.text.size() - 2));
  if (x.text.size() >= 4 && x.text.front() == '\'' && x.text.back() == '\'' && x.text[1] == '"' &&
      x.text[x.text.size() - 2] == '"')
    return "'" + x.text.substr(2, x.text.size() - 4) + "'";  // already SQL-escaped
  return QuoteString(x.text);
}

Result<std::string> ColumnDef(const schema::Column& c, const RenderOptions* o) {
  std::string s = Quote(c.name) + " " + ColumnType(c.type, o);
  if (c.nullable && IsSerialType(c.type)) {
    return InvalidArgument("NOT NULL constraint is required for " + ToLower(c.type.name) + " column " +
                           GoQuote(c.name));
  }
  s += c.nullable ? " NULL" : " NOT NULL";
  // Serial columns take their nextval() default from the type.
  if (c.default_value && !(c.default_value->kind == schema::Expr::Kind::kRaw && IsSerialType(c.type)))
    s += " DEFAULT " + DefaultValue(c);
  if (std::string coll = c.options.Get("collate"); !coll.empty()) s += " COLLATE " + Quote(coll);
  std::string identity = ToUpper(c.options.Get("identity"));
  if (!identity.empty() && c.generated) {
    return InvalidArgument("both identity and generation expression specified for column " + GoQuote(c.name));
  }
  if (!identity.empty()) {
    s += " GENERATED " + identity + " AS IDENTITY";
    std::string start = c.options.Get("identity_start", "1");
    std::string inc = c.options.Get("identity_increment", "1");
    std::vector<std::string> seq;
    if (start != "1") seq.push_back("START WITH " + start);
    if (inc != "1") seq.push_back("INCREMENT BY " + inc);
    if (!seq.empty()) s += " (" + Join(seq, " ") + ")";
  } else if (c.generated) {
    s += " GENERATED ALWAYS AS " + MayWrap(Trim(c.generated->expr)) + " STORED";
  }
  return s;
}

std::string IndexBody(const schema::Index& idx, bool nulls_clause) {
  std::string s;
  if (std::string m = idx.options.Get("type"); !m.empty() && ToUpper(m) != "BTREE") s += "USING " + m + " ";
  std::vector<std::string> parts;
  parts.reserve(idx.parts.size());
  for (const auto& p : idx.parts) parts.push_back(PartDef(p));
  s += "(" + Join(parts, ", ") + ")";
  if (auto inc = SplitList(idx.options.Get("include")); !inc.empty()) s += " INCLUDE (" + QuoteList(inc) + ")";
  if (nulls_clause) s += NullsNotDistinct(idx);
  if (std::string ppr = idx.options.Get("page_per_range"); !ppr.empty() && ppr != "128")
    s += " WITH (pages_per_range = " + ppr + ")";
  if (std::string w = Trim(idx.where); !w.empty()) s += " WHERE " + w;
  return s;
}

std::string UniqueConstraint(const schema::Index& idx) {
  if (idx.options.Flag("exclude")) {
    std::string s = "CONSTRAINT " + Quote(idx.name) + " EXCLUDE ";
    if (std::string m = idx.options.Get("type"); !m.empty() && ToUpper(m) != "BTREE") s += "USING " + m + " ";
    std::vector<std::string> parts;
    for (const auto& p : idx.parts) parts.push_back(PartDef(p) + " WITH " + p.options.Get("op", "="));
    s += "(" + Join(parts, ", ") + ")";
    if (auto inc = SplitList(idx.options.Get("include")); !inc.empty()) s += " INCLUDE (" + QuoteList(inc) + ")";
    if (std::string w = Trim(idx.where); !w.empty()) s += " WHERE " + MayWrap(w);
    return s + Deferral(idx.options);
  }
  // In UNIQUE constraints NULLS NOT DISTINCT comes before the key.
  return "CONSTRAINT " + Quote(idx.name) + " UNIQUE" + NullsNotDistinct(idx) + " " +
         IndexBody(idx, /*nulls_clause=*/false) + Deferral(idx.options);
}

std::string PrimaryKeyDef(const schema::Index& pk) { return "PRIMARY KEY " + IndexBody(pk) + Deferral(pk.options); }

std::string PrimaryKeyConstraint(const schema::Table& t, const schema::Index& pk) {
  if (pk.name.empty() || pk.name == t.name + "_pkey") return PrimaryKeyDef(pk);
  return "CONSTRAINT " + Quote(pk.name) + " " + PrimaryKeyDef(pk);
}

std::string ForeignKeyDef(const schema::Table& t, const schema::ForeignKey& fk, const RenderOptions& o,
                          bool alter) {
  std::string s;
  if (!fk.symbol.empty()) s += "CONSTRAINT " + Quote(fk.symbol) + " ";
  const std::string& ref_schema = fk.ref_schema.empty() ? t.schema : fk.ref_schema;
  s += "FOREIGN KEY (" + QuoteList(fk.columns) + ") REFERENCES " + QualifiedName(ref_schema, fk.ref_table, o) +
       " (" + QuoteList(fk.ref_columns) + ")";
  if (std::string match = ToUpper(fk.options.Get("match")); !match.empty() && match != "SIMPLE")
    s += " MATCH " + match;
  if (fk.on_update != schema::ReferenceAction::kNone)
    s += " ON UPDATE " + schema::ReferenceActionSQL(fk.on_update);
  if (fk.on_delete != schema::ReferenceAction::kNone)
    s += " ON DELETE " + schema::ReferenceActionSQL(fk.on_delete);
  s += Deferral(fk.options);
  if (alter && fk.options.Flag("not_valid")) s += " NOT VALID";
  return s;
}

std::string CheckDef(const schema::Check& c, bool alter) {
  std::string s;
  if (!c.name.empty()) s += "CONSTRAINT " + Quote(c.name) + " ";
  s += "CHECK " + MayWrap(Trim(c.expr));
  if (c.options.Flag("no_inherit")) s += " NO INHERIT";
  if (alter && c.options.Flag("not_valid")) s += " NOT VALID";
  return s;
}

Result<std::string> CreateTable(const schema::Table& t, const RenderOptions& o, bool if_not_exists) {
  std::vector<std::string> items, errs;
  const std::string parent = t.options.Get("partition_of");
  // A partition takes its columns from the parent.
  for (const auto& c : parent.empty() ? t.columns : std::vector<schema::Column>{}) {
    auto def = ColumnDef(c, &o);
    if (!def.ok()) {
      errs.push_back(def.status().message());
      continue;
    }
    items.push_back(std::move(def).value());
  }
  if (!errs.empty()) return InvalidArgument("create table " + GoQuote(t.name) + ": " + Join(errs, ", "));
  if (t.primary_key) items.push_back(PrimaryKeyConstraint(t, *t.primary_key));
  for (const auto& idx : t.indexes)
    if (IsUniqueConstraint(idx)) items.push_back(UniqueConstraint(idx));
  for (const auto& fk : t.foreign_keys) items.push_back(ForeignKeyDef(t, fk, o));
  for (const auto& c : t.checks) items.push_back(CheckDef(c));

  std::string s = t.options.Flag("unlogged") ? "CREATE UNLOGGED TABLE " : "CREATE TABLE ";
  if (if_not_exists) s += "IF NOT EXISTS ";
  s += TableName(t, o);
  if (!parent.empty()) s += " PARTITION OF " + PartitionParent(t, o);
  if (!parent.empty() && items.empty()) {
    // No column list.
  } else if (o.indent.empty()) {
    s += " (" + Join(items, ", ") + ")";
  } else {
    s += " (\n" + o.indent + Join(items, ",\n" + o.indent) + "\n)";
  }
  if (!parent.empty()) s += " " + PartitionBound(t);
  if (std::string part = Trim(t.options.Get("partition")); !part.empty()) s += " PARTITION BY " + part;
  return s;
}

std::string PartitionParent(const schema::Table& t, const RenderOptions& o) {
  return QualifiedName(t.options.Get("partition_of_schema", t.schema), t.options.Get("partition_of"), o);
}

std::string PartitionBound(const schema::Table& t) {
  std::string b = Trim(t.options.Get("partition_bound"));
  return b.empty() ? "DEFAULT" : b;
}

std::string DropTable(const schema::Table& t, const RenderOptions& o, bool if_exists) {
  return std::string("DROP TABLE ") + (if_exists ? "IF EXISTS " : "") + TableName(t, o);
}

std::string CreateIndex(const schema::Table& t, const schema::Index& idx, const RenderOptions& o,
                        bool concurrently) {
  std::string s = idx.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
  if (concurrently) s += "CONCURRENTLY ";
  if (!idx.name.empty()) s += Quote(idx.name) + " ";
  return s + "ON " + TableName(t, o) + " " + IndexBody(idx);
}

std::string DropIndex(const schema::Table& t, const schema::Index& idx, const RenderOptions& o,
                      bool concurrently) {
  return std::string("DROP INDEX ") + (concurrently ? "CONCURRENTLY " : "") + QualifiedName(t.schema, idx.name, o);
}

std::string SchemaComment(const std::string& schema, const std::string& text) {
  return "COMMENT ON SCHEMA " + Quote(schema) + " IS " + QuoteString(text);
}

std::string TableComment(const schema::Table& t, const std::string& text, const RenderOptions& o) {
  return "COMMENT ON TABLE " + TableName(t, o) + " IS " + QuoteString(text);
}

std::string ColumnComment(const schema::Table& t, const std::string& column, const std::string& text,
                          const RenderOptions& o) {
  return "COMMENT ON COLUMN " + TableName(t, o) + "." + Quote(column) + " IS " + QuoteString(text);
}

std::string IndexComment(const schema::Table& t, const std::string& index, const std::string& text,
                         const RenderOptions& o) {
  return "COMMENT ON INDEX " + QualifiedName(t.schema, index, o) + " IS " + QuoteString(text);
}

std::string CreateView(const schema::View& v, const RenderOptions& o, bool or_replace) {
  std::string s = "CREATE ";
  if (or_replace && !v.materialized) s += "OR REPLACE ";
  s += v.materialized ? "MATERIALIZED VIEW " : "VIEW ";
  s += QualifiedName(v.schema, v.name, o) + " AS " + TrimStatement(v.def);
  if (std::string co = ToUpper(Trim(v.check_option)); !co.empty() && co != "NONE")
    s += " WITH " + co + " CHECK OPTION";
  return s;
}

std::string DropView(const schema::View& v, const RenderOptions& o) {
  return std::string(v.materialized ? "DROP MATERIALIZED VIEW " : "DROP VIEW ") +
         QualifiedName(v.schema, v.name, o);
}

std::string ViewComment(const schema::View& v, const std::string& text, const RenderOptions& o) {
  return std::string(v.materialized ? "COMMENT ON MATERIALIZED VIEW " : "COMMENT ON VIEW ") +
         QualifiedName(v.schema, v.name, o) + " IS " + QuoteString(text);
}

Result<std::string> CreateTrigger(const schema::Trigger& t, const RenderOptions& o) {
  std::string def = TrimStatement(t.def);
  std::string timing = ToUpper(t.options.Get(spec::kTriggerTiming));
  if (timing.empty()) {
    if (!StartsWithKeyword(def, "CREATE")) {
      return InvalidArgument("trigger " + GoQuote(t.name) +
                             ": definition is neither a CREATE TRIGGER statement nor a body with timing");
    }
    return def;
  }
  auto events = spec::ParseTriggerEvents(t.options.Get(spec::kTriggerEvents));
  if (events.empty()) return InvalidArgument("trigger " + GoQuote(t.name) + ": no events");
  std::vector<std::string> evs;
  for (const auto& e : events) {
    std::string s = ToUpper(e.name);
    if (!e.columns.empty()) s += " OF " + QuoteList(e.columns);
    evs.push_back(std::move(s));
  }
  std::string s = "CREATE TRIGGER " + Quote(t.name) + " " + timing + " " + Join(evs, " OR ") + " ON " +
                  QualifiedName(t.schema, t.table, o);
  if (std::string fe = ToUpper(t.options.Get(spec::kTriggerForEach)); !fe.empty()) s += " FOR EACH " + fe;
  if (std::string when = Trim(t.options.Get(spec::kTriggerWhen)); !when.empty()) s += " WHEN " + MayWrap(when);
  if (def.empty()) return InvalidArgument("trigger " + GoQuote(t.name) + ": missing function to execute");
  if (StartsWithKeyword(def, "EXECUTE")) return s + " " + def;
  return s + " EXECUTE FUNCTION " + def;
}

std::string DropTrigger(const schema::Trigger& t, const RenderOptions& o) {
  return "DROP TRIGGER " + Quote(t.name) + " ON " + QualifiedName(t.schema, t.table, o);
}

}  // namespace strata::dialect::postgres
