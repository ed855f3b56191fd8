#include "dialect/mysql/types.h"

#include <map>
#include <utility>

#include "base/strings.h"

namespace strata::dialect::mysql {

const spec::TypeRegistry& MysqlTypes() {
  static const spec::TypeRegistry kTypes({
      // boolean: MySQL stores it as tinyint(1); diff_hooks treats them equal.
      {"bool", 0, false, {"boolean"}},
      // integers, with an optional display width
      {"tinyint", 1, false, {"int1"}},
      {"smallint", 1, false, {"int2"}},
      {"mediumint", 1, false, {"int3", "middleint"}},
      {"int", 1, false, {"integer", "int4"}},
      {"bigint", 1, false, {"int8"}},
      {"bit", 1, false, {}},
      // fixed and floating point; the server reports numeric as decimal and
      // real/double precision as double.
      {"decimal", 2, false, {"numeric", "dec", "fixed"}},
      {"float", 2, false, {"float4"}},
      {"double", 2, false, {"double precision", "real", "float8"}},
      // date and time, with fractional-second precision
      {"date", 0, false, {}},
      {"time", 1, false, {}},
      {"datetime", 1, false, {}},
      {"timestamp", 1, false, {}},
      {"year", 1, false, {}},
      // strings
      {"char", 1, false, {"character", "nchar", "national char"}},
      {"varchar", 1, false, {"character varying", "nvarchar", "national varchar"}},
      {"binary", 1, false, {}},
      {"varbinary", 1, false, {}},
      {"tinyblob", 0, false, {}},
      {"blob", 1, false, {}},
      {"mediumblob", 0, false, {"long varbinary"}},
      {"longblob", 0, false, {}},
      {"tinytext", 0, false, {}},
      {"text", 1, false, {}},
      {"mediumtext", 0, false, {"long", "long varchar"}},
      {"longtext", 0, false, {}},
      {"json", 0, false, {}},
      {"enum", -1, true, {}},
      {"set", -1, true, {}},
      // spatial
      {"geometry", 0, false, {}},
      {"point", 0, false, {}},
      {"multipoint", 0, false, {}},
      {"linestring", 0, false, {}},
      {"multilinestring", 0, false, {}},
      {"polygon", 0, false, {}},
      {"multipolygon", 0, false, {}},
      {"geometrycollection", 0, false, {"geomcollection"}},
      // MariaDB
      {"uuid", 0, false, {}},
      {"inet4", 0, false, {}},
      {"inet6", 0, false, {}},
  });
  return kTypes;
}

schema::Type ParseType(const std::string& column_type) {
  std::string s = Trim(column_type);
  // "int(10) unsigned zerofill": zerofill has no model field (the registry
  // keeps such types raw); here the type is parsed without it and the
  // canonical raw text keeps it.
  bool zerofill = EndsWith(ToLower(s), " zerofill");
  if (zerofill) s = Trim(s.substr(0, s.size() - 9));
  schema::Type t = MysqlTypes().ParseSQL(s);
  if (t.unsupported) {
    t.raw = Trim(column_type);
    return t;
  }
  // ZEROFILL implies UNSIGNED.
  if (zerofill) t.is_unsigned = true;
  // MariaDB (and MySQL 5.7) print the default display width of an integer
  // type (int(11), int(10) unsigned); it says nothing, so it is dropped and
  // the type prints as Atlas's `int`. A width the user chose (int(3)) is
  // kept: SHOW CREATE TABLE shows it back.
  static const std::map<std::string, std::pair<std::string, std::string>> kDefaultWidth = {
      {"tinyint", {"4", "3"}}, {"smallint", {"6", "5"}}, {"mediumint", {"9", "8"}},
      {"int", {"11", "10"}}, {"bigint", {"20", "20"}}};
  if (auto it = kDefaultWidth.find(t.name); !zerofill && it != kDefaultWidth.end() && t.args.size() == 1 &&
      t.args[0] == (t.is_unsigned ? it->second.second : it->second.first))
    t.args.clear();
  t.raw = MysqlTypes().ToSQL(t) + (zerofill ? " zerofill" : "");
  // No HCL spelling keeps ZEROFILL: the type is printed as sql("<raw>"),
  // as the registry's ParseSQL does for HCL input (name and args stay
  // filled for comparisons).
  if (zerofill) t.unsupported = true;
  return t;
}

std::string FormatType(const schema::Type& t) {
  if (t.unsupported || t.name.empty()) return t.raw;
  std::string s = MysqlTypes().ToSQL(t);
  if (IsZerofill(t)) s += " zerofill";
  return s;
}

bool IsZerofill(const schema::Type& t) { return EndsWith(ToLower(Trim(t.raw)), " zerofill"); }

}  // namespace strata::dialect::mysql
