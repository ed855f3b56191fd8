// Test helpers for building SQLite schema models tersely. Header-only, for
// src/spec/*_test.cc.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "base/strings.h"
#include "dialect/sqlite/spec.h"
#include "dialect/sqlite/types.h"
#include "hcl/hcl.h"
#include "schema/schema.h"

namespace strata::spec::testing {

inline const DialectSpec& Sqlite() { return dialect::sqlite::SqliteSpec(); }

// A type as the decoder builds it from HCL: "varchar(255)" -> varchar, {255}.
inline schema::Type T(const std::string& sql) {
  return dialect::sqlite::SqliteTypes().ParseSQL(sql);
}

inline schema::Column Col(const std::string& name, const std::string& type, bool null = false) {
  schema::Column c;
  c.name = name;
  c.type = T(type);
  c.nullable = null;
  return c;
}

inline schema::Expr Lit(const std::string& sql) { return {schema::Expr::Kind::kLiteral, sql}; }
inline schema::Expr Raw(const std::string& sql) { return {schema::Expr::Kind::kRaw, sql}; }

inline schema::IndexPart Part(const std::string& column, bool desc = false) {
  schema::IndexPart p;
  p.column = column;
  p.desc = desc;
  return p;
}

inline schema::IndexPart ExprPart(const std::string& expr, bool desc = false) {
  schema::IndexPart p;
  p.expr = expr;
  p.desc = desc;
  return p;
}

inline schema::Index Idx(const std::string& name, std::vector<schema::IndexPart> parts,
                         bool unique = false) {
  schema::Index i;
  i.name = name;
  i.parts = std::move(parts);
  i.unique = unique;
  return i;
}

inline schema::Index Pk(std::vector<std::string> columns) {
  schema::Index i;
  for (auto& c : columns) i.parts.push_back(Part(c));
  return i;
}

// The first difference between two realms, as a readable path and the two
// values; "" when equal. gtest prints Realm as bytes, which tells nothing.
inline std::string FirstDifference(const schema::Realm& a, const schema::Realm& b) {
  std::ostringstream out;
  auto type = [](const schema::Type& t) {
    std::string s = "{raw=" + t.raw + " name=" + t.name + " args=";
    for (const auto& x : t.args) s += x + ",";
    return s + (t.unsupported ? " unsupported}" : "}");
  };
  auto opts = [](const schema::Options& o) {
    std::string s;
    for (const auto& [k, v] : o.items()) s += k + "=" + v + ";";
    return s;
  };
  if (a.schemas.size() != b.schemas.size()) return "number of schemas";
  for (size_t i = 0; i < a.schemas.size(); ++i) {
    const auto& x = a.schemas[i];
    const auto& y = b.schemas[i];
    std::string p = "schema " + x.name;
    if (x.name != y.name || x.comment != y.comment || !(x.options == y.options)) return p;
    if (x.tables.size() != y.tables.size()) return p + ": number of tables";
    for (size_t j = 0; j < x.tables.size(); ++j) {
      const auto& t = x.tables[j];
      const auto& u = y.tables[j];
      std::string q = p + " table " + t.name;
      if (t.columns.size() != u.columns.size()) return q + ": number of columns";
      for (size_t k = 0; k < t.columns.size(); ++k)
        if (!(t.columns[k] == u.columns[k]))
          return q + " column " + t.columns[k].name + ": " + type(t.columns[k].type) + " " +
                 opts(t.columns[k].options) + " vs " + type(u.columns[k].type) + " " +
                 opts(u.columns[k].options);
      if (!(t.primary_key == u.primary_key)) return q + ": primary key";
      if (!(t.indexes == u.indexes)) return q + ": indexes";
      if (!(t.foreign_keys == u.foreign_keys)) return q + ": foreign keys";
      if (!(t.checks == u.checks)) return q + ": checks";
      if (!(t == u)) return q + ": " + opts(t.options) + " vs " + opts(u.options);
    }
    if (!(x.views == y.views)) return p + ": views";
    for (size_t j = 0; j < x.triggers.size() && j < y.triggers.size(); ++j)
      if (!(x.triggers[j] == y.triggers[j]))
        return p + " trigger " + x.triggers[j].name + ": [" + x.triggers[j].def + "] " +
               opts(x.triggers[j].options) + " vs [" + y.triggers[j].def + "] " +
               opts(y.triggers[j].options) + " on " + x.triggers[j].table + "/" +
               y.triggers[j].table;
    if (!(x == y)) return p + ": triggers";
  }
  return out.str();
}

// The encoder lays text out itself instead of running hcl::Format over it:
// hclwrite keeps Atlas's type calls as single raw tokens (`decimal(10,2)`),
// which a formatter re-reading the text would respace. Everything else must
// be exactly what the formatter produces. Returns the first offending line.
inline std::string FormatterDisagreement(const std::string& text) {
  auto formatted = hcl::Format("want.hcl", text);
  if (!formatted.ok()) return formatted.status().message();
  std::vector<std::string> ours = Split(text, "\n"), theirs = Split(*formatted, "\n");
  if (ours.size() != theirs.size()) return "line count differs:\n" + *formatted;
  for (size_t i = 0; i < ours.size(); ++i) {
    if (ours[i] == theirs[i]) continue;
    bool type_call = StartsWith(Trim(ours[i]), "type ");
    if (type_call && ReplaceAll(theirs[i], ", ", ",") == ours[i]) continue;
    return "line " + std::to_string(i + 1) + ": " + ours[i] + " vs " + theirs[i];
  }
  return "";
}

}  // namespace strata::spec::testing
