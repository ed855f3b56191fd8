#include "dialect/sqlite/types.h"

#include <cctype>
#include <vector>

#include "base/strings.h"

namespace strata::dialect::sqlite {
namespace {

// Kept local: spec/sqlite_fixture_test.cc compiles this file on its own.
bool IsUnsignedInteger(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Atlas's columnParts: the lower-cased declaration split at spaces, commas
// and parentheses, with up to three leading words joined back into one name
// ("unsigned big int", "double precision").
std::vector<std::string> ColumnParts(const std::string& decl) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : ToLower(Trim(decl))) {
    if (c == '(' || c == ')' || c == ' ' || c == ',' || c == '\t' || c == '\n') {
      if (!cur.empty()) parts.push_back(std::move(cur));
      cur.clear();
      continue;
    }
    cur += c;
  }
  if (!cur.empty()) parts.push_back(std::move(cur));
  for (int k = 0; k < 2; ++k) {
    if (parts.size() > 1 && !IsUnsignedInteger(parts[0]) && !IsUnsignedInteger(parts[1])) {
      parts[1] = parts[0] + " " + parts[1];
      parts.erase(parts.begin());
    }
  }
  return parts;
}

std::string Declaration(const schema::Type& t) { return t.raw.empty() ? t.name : t.raw; }

// The base name of a declaration ("" when it has none).
std::string BaseName(const std::string& decl) {
  std::vector<std::string> parts = ColumnParts(decl);
  return parts.empty() ? "" : parts[0];
}

TypeClass ClassOfName(const std::string& n) {
  if (n == "bool" || n == "boolean") return TypeClass::kBool;
  if (n == "blob") return TypeClass::kBinary;
  if (n == "int2" || n == "int8" || n == "int" || n == "uint64" || n == "integer" || n == "tinyint" ||
      n == "smallint" || n == "mediumint" || n == "bigint" || n == "unsigned big int")
    return TypeClass::kInteger;
  if (n == "real" || n == "double" || n == "double precision" || n == "float") return TypeClass::kFloat;
  if (n == "numeric" || n == "decimal") return TypeClass::kDecimal;
  if (n == "char" || n == "character" || n == "varchar" || n == "varying character" || n == "nchar" ||
      n == "native character" || n == "nvarchar" || n == "text" || n == "clob")
    return TypeClass::kString;
  if (n == "json" || n == "jsonb") return TypeClass::kJSON;
  if (n == "date" || n == "datetime" || n == "time" || n == "timestamp") return TypeClass::kTime;
  if (n == "uuid") return TypeClass::kUUID;
  return TypeClass::kUserDefined;
}

}  // namespace

const spec::TypeRegistry& SqliteTypes() {
  static const spec::TypeRegistry kTypes({
      {"integer", 1, false, {}},
      {"int", 1, false, {}},
      {"tinyint", 1, false, {}},
      {"smallint", 1, false, {}},
      {"mediumint", 1, false, {}},
      {"bigint", 1, false, {}},
      {"unsigned big int", 1, false, {}},
      {"int2", 1, false, {}},
      {"int8", 1, false, {}},
      {"uint64", 0, false, {}},
      {"real", 2, false, {}},
      {"double", 2, false, {}},
      {"double precision", 2, false, {}},
      {"float", 2, false, {}},
      {"numeric", 2, false, {}},
      {"decimal", 2, false, {}},
      {"text", 1, false, {}},
      {"character", 1, false, {}},
      {"char", 1, false, {}},
      {"varchar", 1, false, {}},
      {"varying character", 1, false, {}},
      {"nchar", 1, false, {}},
      {"native character", 1, false, {}},
      {"nvarchar", 1, false, {}},
      {"clob", 1, false, {}},
      {"blob", 1, false, {}},
      {"bool", 0, false, {}},
      {"boolean", 0, false, {}},
      {"date", 0, false, {}},
      {"datetime", 1, false, {}},
      {"time", 1, false, {}},
      {"timestamp", 1, false, {}},
      {"json", 0, false, {}},
      {"jsonb", 0, false, {}},
      {"uuid", 0, false, {}},
  });
  return kTypes;
}

TypeClass ClassOf(const schema::Type& t) {
  std::string base = BaseName(Declaration(t));
  return base.empty() ? TypeClass::kBinary : ClassOfName(base);
}

std::string FormatType(const schema::Type& t) {
  std::string decl = Declaration(t);
  std::string base = BaseName(decl);
  if (base.empty()) return "blob";
  if (ClassOfName(base) == TypeClass::kUserDefined) return decl;
  // Unlike Atlas, keep the arguments: SQLite stores the declared type and
  // reports it in PRAGMA table_info, so "varchar(255)" must stay as written.
  std::vector<std::string> parts = ColumnParts(decl);
  if (parts.size() == 1) return base;
  std::string out = base + "(";
  for (size_t i = 1; i < parts.size(); ++i) out += (i > 1 ? "," : "") + parts[i];
  return out + ")";
}

schema::Type ParseColumnType(const std::string& decl) {
  if (Trim(decl).empty()) {
    schema::Type t = SqliteTypes().ParseSQL("blob");
    t.raw = "";
    return t;
  }
  return SqliteTypes().ParseSQL(decl);
}

}  // namespace strata::dialect::sqlite
