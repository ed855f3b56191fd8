#include "dialect/mysql/render.h"

#include <cctype>

#include "base/strings.h"
#include "dialect/mysql/types.h"
#include "spec/trigger_events.h"

namespace strata::dialect::mysql {
namespace {

std::string QuoteList(const std::vector<std::string>& names) {
  std::vector<std::string> q;
  q.reserve(names.size());
  for (const auto& n : names) q.push_back(Quote(n));
  return Join(q, ", ");
}

// Index of the parenthesis closing the one at s[0], skipping quoted text;
// npos when unbalanced.
size_t ClosingParen(std::string_view s) {
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote != 0) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
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

std::string TypeName(const schema::Type& t) { return ToLower(t.name.empty() ? t.raw : t.name); }

// Atlas writes defaults of these types unquoted (its integer, decimal,
// float and bool types).
bool HasNumericDefault(const schema::Type& t) {
  static const char* const kNames[] = {"bool",    "tinyint", "smallint", "mediumint", "int",
                                       "bigint",  "decimal", "float",    "double",    "bit",
                                       "integer", "numeric", "real",     "boolean"};
  std::string n = TypeName(t);
  if (size_t p = n.find('('); p != std::string::npos) n = Trim(n.substr(0, p));
  if (size_t p = n.find(' '); p != std::string::npos) n = n.substr(0, p);
  for (const char* k : kNames)
    if (n == k) return true;
  return false;
}

bool TakesExpressionDefaultOnly(const schema::Type& t) {
  static const char* const kNames[] = {"tinyblob", "blob", "mediumblob", "longblob", "tinytext", "text",
                                       "mediumtext", "longtext", "json", "geometry", "point", "linestring",
                                       "polygon", "multipoint", "multilinestring", "multipolygon",
                                       "geometrycollection"};
  std::string n = TypeName(t);
  for (const char* k : kNames)
    if (n == k) return true;
  return false;
}

bool IsTimeType(const schema::Type& t) {
  std::string n = TypeName(t);
  return n == "datetime" || n == "timestamp" || n == "date" || n == "time" || n == "year";
}

// 0x1F, x'1F', b'101'.
bool IsHexOrBit(const std::string& v) {
  std::string l = ToLower(v);
  return StartsWith(l, "0x") || StartsWith(l, "x'") || StartsWith(l, "b'") || StartsWith(l, "0b");
}

bool IsQuoted(const std::string& v) {
  return v.size() >= 2 && ((v.front() == '\'' && v.back() == '\'') || (v.front() == '"' && v.back() == '"'));
}

bool IsCurrentTimestamp(const std::string& v) {
  std::string l = ToLower(Trim(v));
  return StartsWith(l, "current_timestamp") || StartsWith(l, "now(") || StartsWith(l, "localtime");
}

std::string PartDef(const schema::IndexPart& p) {
  std::string s = p.column.empty() ? MayWrap(Trim(p.expr)) : Quote(p.column);
  if (std::string n = p.options.Get("prefix"); !n.empty() && !p.column.empty()) s += "(" + n + ")";
  if (p.desc) s += " DESC";
  return s;
}

std::string IndexTail(const schema::Index& idx) {
  return idx.comment.empty() ? "" : " COMMENT " + QuoteComment(idx.comment);
}

}  // namespace

std::string Quote(std::string_view ident) { return "`" + ReplaceAll(std::string(ident), "`", "``") + "`"; }

std::string QuoteString(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "''";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out + "'";
}

std::string QuoteComment(std::string_view s) {
  if (IsQuoted(std::string(s))) return std::string(s);
  return GoQuote(s);
}

std::string MayWrap(std::string_view expr) {
  if (!expr.empty() && expr.front() == '(' && ClosingParen(expr) == expr.size() - 1) return std::string(expr);
  return "(" + std::string(expr) + ")";
}

std::string QualifiedName(const std::string& schema, std::string_view name, const RenderOptions& o) {
  if (o.qualifier) return o.qualifier->empty() ? Quote(name) : Quote(*o.qualifier) + "." + Quote(name);
  return schema.empty() ? Quote(name) : Quote(schema) + "." + Quote(name);
}

std::string TableName(const schema::Table& t, const RenderOptions& o) { return QualifiedName(t.schema, t.name, o); }

bool HasInnerSemicolon(std::string_view stmt) {
  char quote = 0;
  for (size_t i = 0; i < stmt.size(); ++i) {
    char c = stmt[i];
    if (quote != 0) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') quote = c;
    if (c == ';') return true;
  }
  return false;
}

std::string ColumnType(const schema::Type& t) { return FormatType(t); }

std::string DefaultValue(const schema::Column& c) {
  if (!c.default_value) return "";
  const std::string v = Trim(c.default_value->text);
  if (c.default_value->kind == schema::Expr::Kind::kLiteral) {
    if (HasNumericDefault(c.type) || IsHexOrBit(v) || IsQuoted(v) || EqualFold(v, "NULL")) return v;
    return QuoteString(v);
  }
  if (IsHexOrBit(v) || HasNumericDefault(c.type) || EqualFold(v, "NULL") ||
      (StartsWith(v, "(") && EndsWith(v, ")")) || IsQuoted(v) || (IsTimeType(c.type) && IsCurrentTimestamp(v)))
    return v;
  // Atlas quotes a bare raw default on string-like columns.
  return QuoteString(v);
}

Result<std::string> ColumnDef(const schema::Column& c, const schema::Table* t, const Flavor& f) {
  if (c.type.raw.empty() && c.type.name.empty()) return InvalidArgument("column " + GoQuote(c.name) + " has no type");
  std::string s = Quote(c.name) + " " + ColumnType(c.type);
  auto differs = [&](const char* key) {
    std::string v = c.options.Get(key);
    return !v.empty() && (t == nullptr || !EqualFold(v, t->options.Get(key)));
  };
  if (differs("charset")) s += " CHARSET " + c.options.Get("charset");
  if (c.generated) {
    std::string ty = ToUpper(c.generated->type);
    s += " AS " + MayWrap(Trim(c.generated->expr)) + " " + (ty.empty() ? "VIRTUAL" : ty);
  }
  if (!(c.generated && f.mariadb)) s += c.nullable ? " NULL" : " NOT NULL";
  if (c.default_value && !c.generated) {
    std::string d = DefaultValue(c);
    // MySQL 8.0.13+ takes defaults on TEXT/BLOB/JSON/spatial columns only as
    // expressions: DEFAULT ('x').
    if (!f.mariadb && f.AtLeast(8, 0, 13) && TakesExpressionDefaultOnly(c.type) && !StartsWith(d, "(")) d = "(" + d + ")";
    s += " DEFAULT " + d;
  }
  if (differs("collate")) s += " COLLATE " + c.options.Get("collate");
  if (std::string u = Trim(c.options.Get("on_update")); !u.empty()) s += " ON UPDATE " + u;
  if (c.options.Flag("auto_increment")) s += " AUTO_INCREMENT";
  if (c.options.Flag("invisible")) s += " INVISIBLE";
  if (!c.comment.empty()) s += " COMMENT " + QuoteComment(c.comment);
  return s;
}

std::string IndexParts(const schema::Index& idx) {
  std::vector<std::string> parts;
  // MariaDB reports SUB_PART 32 for spatial keys, which take no prefix.
  const bool spatial = EqualFold(idx.options.Get("type"), "SPATIAL");
  for (auto p : idx.parts) {
    if (spatial) p.options.Erase("prefix");
    parts.push_back(PartDef(p));
  }
  std::string using_clause = EqualFold(idx.options.Get("type"), "HASH") ? "USING HASH " : "";
  return using_clause + "(" + Join(parts, ", ") + ")";
}

std::string IndexDef(const schema::Index& idx) {
  std::string ty = ToUpper(idx.options.Get("type"));
  std::string s;
  if (idx.unique) {
    s = "UNIQUE ";
  } else if (ty == "FULLTEXT" || ty == "SPATIAL") {
    s = ty + " ";
  }
  s += "INDEX " + Quote(idx.name) + " " + IndexParts(idx) + IndexTail(idx);
  if (std::string p = idx.options.Get("parser"); !p.empty() && ty == "FULLTEXT") s += " WITH PARSER " + Quote(p);
  return s;
}

std::string PrimaryKeyDef(const schema::Index& pk) { return "PRIMARY KEY " + IndexParts(pk); }

Status CheckCompatibility(const schema::Table& t, const Flavor& f) {
  const std::string engine = ToUpper(t.options.Get("engine", "InnoDB"));
  const std::string table = "table " + GoQuote(t.name) + ": ";
  for (const auto& ck : t.checks) {
    if (ck.options.Get("enforced") == "false" && f.mariadb) {
      return Unsupported(table + "check " + GoQuote(ck.name) + " is NOT ENFORCED, which MariaDB does not support "
                                 "(it enforces every check)");
    }
    if (!f.mariadb && !f.AtLeast(8, 0, 16)) {
      return Unsupported(table + "check " + GoQuote(ck.name) + ": MySQL " + std::to_string(f.major) + "." +
                         std::to_string(f.minor) + " parses but ignores CHECK constraints (8.0.16 enforces them)");
    }
  }
  auto hash_on_innodb = [&](const schema::Index& idx) {
    return EqualFold(idx.options.Get("type"), "HASH") && engine == "INNODB";
  };
  if (t.primary_key && hash_on_innodb(*t.primary_key))
    return Unsupported(table + "InnoDB builds the HASH primary key as BTREE; remove `type = HASH`");
  for (const auto& idx : t.indexes) {
    if (hash_on_innodb(idx))
      return Unsupported(table + "InnoDB builds HASH index " + GoQuote(idx.name) + " as BTREE; remove `type = HASH`");
  }
  if (!t.foreign_keys.empty() && engine != "INNODB" && engine != "NDBCLUSTER" && engine != "NDB") {
    return Unsupported(table + "the " + t.options.Get("engine") + " engine ignores foreign keys (" +
                       GoQuote(t.foreign_keys[0].symbol) + "); use InnoDB");
  }
  return Status::Ok();
}

Status CheckForeignKey(const schema::Table& t, const schema::ForeignKey& fk) {
  if (fk.on_update != schema::ReferenceAction::kSetNull && fk.on_delete != schema::ReferenceAction::kSetNull)
    return Status::Ok();
  for (const auto& name : fk.columns) {
    const schema::Column* c = t.FindColumn(name);
    if (c != nullptr && !c->nullable) {
      return InvalidArgument("foreign key constraint " + GoQuote(fk.symbol) + " is SET NULL, but column " +
                             GoQuote(name) + " is NOT NULL");
    }
  }
  return Status::Ok();
}

std::string ForeignKeyDef(const schema::Table& t, const schema::ForeignKey& fk, const RenderOptions& o) {
  std::string s;
  if (!fk.symbol.empty()) s += "CONSTRAINT " + Quote(fk.symbol) + " ";
  s += "FOREIGN KEY (" + QuoteList(fk.columns) + ") REFERENCES " +
       QualifiedName(fk.ref_schema.empty() ? t.schema : fk.ref_schema, fk.ref_table, o) + " (" +
       QuoteList(fk.ref_columns) + ")";
  if (fk.on_update != schema::ReferenceAction::kNone) s += " ON UPDATE " + schema::ReferenceActionSQL(fk.on_update);
  if (fk.on_delete != schema::ReferenceAction::kNone) s += " ON DELETE " + schema::ReferenceActionSQL(fk.on_delete);
  return s;
}

std::string CheckDef(const schema::Check& c, const Flavor& f) {
  std::string s;
  if (!c.name.empty()) s += "CONSTRAINT " + Quote(c.name) + " ";
  s += "CHECK " + MayWrap(Trim(c.expr));
  if (c.options.Get("enforced") == "false" && !f.mariadb) s += " NOT ENFORCED";
  return s;
}

bool SupportsRenameColumn(const Flavor& f) { return f.mariadb ? f.AtLeast(10, 5, 2) : f.AtLeast(8, 0); }

std::string DropCheckClause(const schema::Check& c, const Flavor& f) {
  return (f.mariadb ? "DROP CONSTRAINT " : "DROP CHECK ") + Quote(c.name);
}

std::string TableOptions(const schema::Table& t) {
  std::string s;
  if (std::string v = t.options.Get("charset"); !v.empty()) s += " CHARSET " + v;
  if (std::string v = t.options.Get("collate"); !v.empty()) s += " COLLATE " + v;
  if (std::string v = t.options.Get("engine"); !v.empty()) s += " ENGINE " + v;
  if (std::string v = t.options.Get("auto_increment"); !v.empty() && v != "0" && v != "1")
    s += " AUTO_INCREMENT " + v;
  if (!t.comment.empty()) s += " COMMENT " + QuoteComment(t.comment);
  if (std::string v = Trim(t.options.Get("partition")); !v.empty())
    s += StartsWithKeyword(v, "PARTITION") ? " " + v : " PARTITION BY " + v;
  return s;
}

Result<std::string> CreateTable(const schema::Table& t, const RenderOptions& o, bool if_not_exists) {
  std::vector<std::string> items, errs;
  for (const auto& c : t.columns) {
    auto def = ColumnDef(c, &t, o.flavor);
    if (!def.ok()) {
      errs.push_back(def.status().message());
      continue;
    }
    items.push_back(std::move(def).value());
  }
  if (!errs.empty()) return InvalidArgument("create table " + GoQuote(t.name) + ": " + Join(errs, ", "));
  if (t.primary_key) items.push_back(PrimaryKeyDef(*t.primary_key));
  for (const auto& idx : t.indexes) items.push_back(IndexDef(idx));
  for (const auto& fk : t.foreign_keys) {
    if (Status st = CheckForeignKey(t, fk); !st.ok()) errs.push_back(st.message());
    items.push_back(ForeignKeyDef(t, fk, o));
  }
  if (!errs.empty()) return InvalidArgument("create table " + GoQuote(t.name) + ": " + Join(errs, ", "));
  for (const auto& c : t.checks) items.push_back(CheckDef(c, o.flavor));
  std::string s = "CREATE TABLE ";
  if (if_not_exists) s += "IF NOT EXISTS ";
  s += TableName(t, o) + " (";
  if (o.indent.empty()) {
    s += Join(items, ", ") + ")";
  } else {
    s += "\n" + o.indent + Join(items, ",\n" + o.indent) + "\n)";
  }
  return s + TableOptions(t);
}

std::string DropTable(const schema::Table& t, const RenderOptions& o, bool if_exists) {
  return std::string("DROP TABLE ") + (if_exists ? "IF EXISTS " : "") + TableName(t, o);
}

std::string CreateSchema(const schema::Schema& s, const Flavor& f, bool if_not_exists) {
  std::string out = "CREATE DATABASE ";
  if (if_not_exists) out += "IF NOT EXISTS ";
  out += Quote(s.name);
  if (std::string v = s.options.Get("charset"); !v.empty()) out += " CHARSET " + v;
  if (std::string v = s.options.Get("collate"); !v.empty()) out += " COLLATE " + v;
  if (!s.comment.empty() && f.mariadb) out += " COMMENT " + QuoteComment(s.comment);
  return out;
}

std::string DropSchema(const std::string& name, bool if_exists) {
  return std::string("DROP DATABASE ") + (if_exists ? "IF EXISTS " : "") + Quote(name);
}

std::string CreateView(const schema::View& v, const RenderOptions& o, bool or_replace) {
  std::string s = "CREATE ";
  if (or_replace) s += "OR REPLACE ";
  if (std::string sec = ToUpper(Trim(v.options.Get("security"))); !sec.empty()) s += "SQL SECURITY " + sec + " ";
  s += "VIEW " + QualifiedName(v.schema, v.name, o) + " AS " + TrimStatement(v.def);
  if (std::string co = ToUpper(Trim(v.check_option)); !co.empty() && co != "NONE") {
    s += co == "CHECK OPTION" || co == "TRUE" ? " WITH CHECK OPTION" : " WITH " + co + " CHECK OPTION";
  }
  return s;
}

std::string DropView(const schema::View& v, const RenderOptions& o) {
  return "DROP VIEW " + QualifiedName(v.schema, v.name, o);
}

Result<std::string> CreateTrigger(const schema::Trigger& t, const RenderOptions& o) {
  std::string def = TrimStatement(t.def);
  // A stored statement wins over the options (inspection gives both).
  if (StartsWithKeyword(def, "CREATE")) return QualifyCreate(def, t.schema, t.name, o);
  std::string timing = ToUpper(t.options.Get(spec::kTriggerTiming));
  if (timing.empty()) {
    return InvalidArgument("trigger " + GoQuote(t.name) +
                           ": definition is neither a CREATE TRIGGER statement nor a body with timing");
  }
  auto events = spec::ParseTriggerEvents(t.options.Get(spec::kTriggerEvents));
  // MySQL triggers fire on exactly one event, with no column list.
  if (events.size() != 1 || !events[0].columns.empty()) {
    return InvalidArgument("trigger " + GoQuote(t.name) + ": MySQL triggers take exactly one event (INSERT, UPDATE or DELETE)");
  }
  if (def.empty()) return InvalidArgument("trigger " + GoQuote(t.name) + ": missing body");
  std::string s = "CREATE TRIGGER " + QualifiedName(t.schema, t.name, o) + " " + timing + " " + ToUpper(events[0].name) +
                  " ON " + QualifiedName(t.schema, t.table, o) + " FOR EACH ROW";
  if (std::string f = Trim(t.options.Get("follows")); !f.empty()) s += " FOLLOWS " + Quote(f);
  if (std::string p = Trim(t.options.Get("precedes")); !p.empty()) s += " PRECEDES " + Quote(p);
  return s + " " + def;
}

std::string DropTrigger(const schema::Trigger& t, const RenderOptions& o) {
  return "DROP TRIGGER " + QualifiedName(t.schema, t.name, o);
}

namespace {

size_t SkipSpaces(const std::string& s, size_t i) {
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// The end of the identifier (`a``b`, a, `s`.`n`, s.n) starting at i.
size_t SkipName(const std::string& s, size_t i) {
  while (i < s.size()) {
    if (s[i] == '`') {
      for (++i; i < s.size(); ++i) {
        if (s[i] == '`' && i + 1 < s.size() && s[i + 1] == '`') {
          ++i;
        } else if (s[i] == '`') {
          ++i;
          break;
        }
      }
    } else {
      while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '$')) ++i;
    }
    if (i < s.size() && s[i] == '.') {
      ++i;
      continue;
    }
    return i;
  }
  return i;
}

// Consumes `kw` (case-insensitive, followed by a space) at i.
bool Keyword(const std::string& s, size_t* i, std::string_view kw) {
  size_t j = SkipSpaces(s, *i);
  if (!StartsWithKeyword(std::string_view(s).substr(j), kw)) return false;
  *i = j + kw.size();
  return true;
}

const char* ObjectKeyword(const std::string& kind) {
  if (kind == "function") return "FUNCTION";
  if (kind == "procedure") return "PROCEDURE";
  if (kind == "event") return "EVENT";
  return nullptr;
}

}  // namespace

std::string QualifyCreate(const std::string& def, const std::string& schema, const std::string& name,
                          const RenderOptions& o) {
  size_t i = 0;
  if (!Keyword(def, &i, "CREATE")) return def;
  std::string head = "CREATE";
  (void)Keyword(def, &i, "OR REPLACE");
  if (Keyword(def, &i, "DEFINER")) {
    // DEFINER = user@host: the account applying the plan owns it instead.
    i = SkipSpaces(def, i);
    if (i < def.size() && def[i] == '=') ++i;
    i = SkipSpaces(def, i);
    while (i < def.size() && !std::isspace(static_cast<unsigned char>(def[i]))) {
      char q = def[i];
      if (q == '`' || q == '\'' || q == '"') {
        for (++i; i < def.size() && def[i] != q; ++i) {}
      }
      ++i;
    }
  }
  bool found = false;
  for (const char* kw : {"TRIGGER", "FUNCTION", "PROCEDURE", "EVENT"}) {
    if (Keyword(def, &i, kw)) {
      head += " " + std::string(kw);
      found = true;
      break;
    }
  }
  if (!found) return def;
  if (Keyword(def, &i, "IF NOT EXISTS")) head += " IF NOT EXISTS";
  size_t name_start = SkipSpaces(def, i);
  size_t name_end = SkipName(def, name_start);
  if (name_end == name_start) return def;
  return head + " " + QualifiedName(schema, name, o) + def.substr(name_end);
}

Result<std::string> CreateObject(const schema::Object& obj, const RenderOptions& o) {
  const char* kw = ObjectKeyword(obj.kind);
  if (kw == nullptr) return Unsupported("mysql: planning " + obj.kind + " " + GoQuote(obj.name) + " is not supported");
  std::string def = TrimStatement(obj.def);
  if (StartsWithKeyword(def, "CREATE")) return QualifyCreate(def, obj.schema, obj.name, o);
  if (def.empty()) return InvalidArgument(obj.kind + " " + GoQuote(obj.name) + ": missing body");
  std::string s = std::string("CREATE ") + kw + " " + QualifiedName(obj.schema, obj.name, o);
  if (obj.kind == "event") {
    std::string schedule = Trim(obj.options.Get("schedule"));
    if (schedule.empty()) return InvalidArgument("event " + GoQuote(obj.name) + ": missing schedule");
    s += " ON SCHEDULE " + schedule;
    if (ToUpper(obj.options.Get("on_completion")) == "PRESERVE") s += " ON COMPLETION PRESERVE";
    if (std::string st = ToUpper(obj.options.Get("status")); !st.empty()) s += " " + st;
    if (!obj.comment.empty()) s += " COMMENT " + QuoteComment(obj.comment);
    return s + " DO " + def;
  }
  std::string args = Trim(obj.options.Get("args"));
  s += args.empty() ? "()" : args;
  if (obj.kind == "function") {
    std::string ret = Trim(obj.options.Get("returns"));
    if (ret.empty()) return InvalidArgument("function " + GoQuote(obj.name) + ": missing return type");
    s += " RETURNS " + ret;
  }
  if (obj.options.Flag("deterministic")) s += " DETERMINISTIC";
  if (std::string a = ToUpper(obj.options.Get("data_access")); !a.empty()) s += " " + a;
  if (std::string sec = ToUpper(obj.options.Get("security")); !sec.empty()) s += " SQL SECURITY " + sec;
  if (!obj.comment.empty()) s += " COMMENT " + QuoteComment(obj.comment);
  return s + "\n" + def;
}

Result<std::string> DropObject(const schema::Object& obj, const RenderOptions& o) {
  const char* kw = ObjectKeyword(obj.kind);
  if (kw == nullptr) return Unsupported("mysql: planning " + obj.kind + " " + GoQuote(obj.name) + " is not supported");
  return std::string("DROP ") + kw + " " + QualifiedName(obj.schema, obj.name, o);
}

}  // namespace strata::dialect::mysql
