#include "dialect/postgres/types.h"

#include <cctype>

#include "base/strings.h"

namespace strata::dialect::postgres {
namespace {

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// "timestamp(3) without time zone" -> {"timestamp without time zone", "3"}:
// format_type() puts the precision of time types before the zone words.
std::string MoveInnerArgs(const std::string& s, std::string* args) {
  size_t open = s.find('(');
  if (open == std::string::npos) return s;
  size_t close = s.find(')', open);
  if (close == std::string::npos || close + 1 == s.size()) return s;
  *args = s.substr(open + 1, close - open - 1);
  return Trim(s.substr(0, open)) + " " + Trim(s.substr(close + 1));
}

bool IsTimeName(const std::string& n) {
  return n == "timestamp" || n == "timestamptz" || n == "time" || n == "timetz" || n == "interval";
}

}  // namespace

const spec::TypeRegistry& PostgresTypes() {
  static const spec::TypeRegistry kTypes({
      // bit strings
      {"bit", 1, false, {}},
      {"bit varying", 1, false, {"varbit"}},
      // boolean and binary
      {"boolean", 0, false, {"bool"}},
      {"bytea", 0, false, {}},
      // character
      {"char", 1, false, {"character"}},
      {"varchar", 1, false, {"character varying"}},
      {"bpchar", 1, false, {}},
      {"text", 0, false, {}},
      {"name", 0, false, {}},
      {"citext", 0, false, {}},
      // numeric
      {"smallint", 0, false, {"int2"}},
      {"integer", 0, false, {"int", "int4"}},
      {"bigint", 0, false, {"int8"}},
      {"smallserial", 0, false, {"serial2"}},
      {"serial", 0, false, {"serial4"}},
      {"bigserial", 0, false, {"serial8"}},
      {"real", 0, false, {"float4"}},
      {"double precision", 0, false, {"float8"}},
      {"float", 1, false, {}},
      {"numeric", 2, false, {"decimal"}},
      {"money", 0, false, {}},
      // date and time
      {"date", 0, false, {}},
      {"time", 1, false, {"time without time zone"}},
      {"timetz", 1, false, {"time with time zone"}},
      {"timestamp", 1, false, {"timestamp without time zone"}},
      {"timestamptz", 1, false, {"timestamp with time zone"}},
      {"interval", 1, false, {}},
      // interval field forms; only those ending in SECOND take a precision
      {"interval year", 0, false, {}, "year"},
      {"interval month", 0, false, {}, "month"},
      {"interval day", 0, false, {}, "day"},
      {"interval hour", 0, false, {}, "hour"},
      {"interval minute", 0, false, {}, "minute"},
      {"interval second", 1, false, {}, "second"},
      {"interval year to month", 0, false, {}, "year_to_month"},
      {"interval day to hour", 0, false, {}, "day_to_hour"},
      {"interval day to minute", 0, false, {}, "day_to_minute"},
      {"interval day to second", 1, false, {}, "day_to_second"},
      {"interval hour to minute", 0, false, {}, "hour_to_minute"},
      {"interval hour to second", 1, false, {}, "hour_to_second"},
      {"interval minute to second", 1, false, {}, "minute_to_second"},
      // misc
      {"uuid", 0, false, {}},
      {"json", 0, false, {}},
      {"jsonb", 0, false, {}},
      {"xml", 0, false, {}},
      {"hstore", 0, false, {}},
      // network
      {"cidr", 0, false, {}},
      {"inet", 0, false, {}},
      {"macaddr", 0, false, {}},
      {"macaddr8", 0, false, {}},
      // geometric
      {"point", 0, false, {}},
      {"line", 0, false, {}},
      {"lseg", 0, false, {}},
      {"box", 0, false, {}},
      {"path", 0, false, {}},
      {"polygon", 0, false, {}},
      {"circle", 0, false, {}},
      // text search
      {"tsvector", 0, false, {}},
      {"tsquery", 0, false, {}},
      // ranges and multiranges
      {"int4range", 0, false, {}},
      {"int8range", 0, false, {}},
      {"numrange", 0, false, {}},
      {"tsrange", 0, false, {}},
      {"tstzrange", 0, false, {}},
      {"daterange", 0, false, {}},
      {"int4multirange", 0, false, {}},
      {"int8multirange", 0, false, {}},
      {"nummultirange", 0, false, {}},
      {"tsmultirange", 0, false, {}},
      {"tstzmultirange", 0, false, {}},
      {"datemultirange", 0, false, {}},
      // transaction ids and internal object identifiers
      {"xid", 0, false, {}},
      {"xid8", 0, false, {}},
      {"oid", 0, false, {}},
      {"regclass", 0, false, {}},
      {"regcollation", 0, false, {}},
      {"regconfig", 0, false, {}},
      {"regdictionary", 0, false, {}},
      {"regnamespace", 0, false, {}},
      {"regoper", 0, false, {}},
      {"regoperator", 0, false, {}},
      {"regproc", 0, false, {}},
      {"regprocedure", 0, false, {}},
      {"regrole", 0, false, {}},
      {"regtype", 0, false, {}},
      {"pg_lsn", 0, false, {}},
      {"pg_snapshot", 0, false, {}},
      {"txid_snapshot", 0, false, {}},
  });
  return kTypes;
}

schema::Type ParseType(const std::string& format_type) {
  std::string s = CollapseSpaces(Trim(format_type));
  int dims = 0;
  while (EndsWith(s, "[]")) {
    s = Trim(s.substr(0, s.size() - 2));
    ++dims;
  }
  std::string lower = ToLower(s);
  std::string inner_args;
  // format_type prints interval fields with the precision last
  // ("interval day to second(3)"), which the registry parses as is.
  if (!StartsWith(lower, "interval ")) s = MoveInnerArgs(s, &inner_args);
  if (!inner_args.empty()) s += "(" + inner_args + ")";
  schema::Type t = PostgresTypes().ParseSQL(s);
  if (IsTimeName(t.name) && t.args.size() == 1 && t.args[0] == "6") t.args.clear();
  if (!t.unsupported) t.raw = FormatType(t);
  if (dims > 0) {
    std::string base = t.unsupported ? t.raw : FormatType(t);
    t = schema::Type{};
    t.raw = base;
    for (int i = 0; i < dims; ++i) t.raw += "[]";
    t.name = ToLower(t.raw);
    t.unsupported = true;
  }
  return t;
}

std::string FormatType(const schema::Type& t) {
  if (t.unsupported || t.name.empty()) return t.raw;
  std::string s = t.name;
  if (!t.args.empty()) s += "(" + Join(t.args, ",") + ")";
  return s;
}

bool IsSerial(const std::string& n) {
  return n == "serial" || n == "bigserial" || n == "smallserial" || n == "serial2" || n == "serial4" ||
         n == "serial8";
}

}  // namespace strata::dialect::postgres
