// Terse builders of PostgreSQL schema objects for the planner's unit tests.
#pragma once

#include <string>
#include <vector>

#include "dialect/postgres/types.h"
#include "schema/schema.h"

namespace strata::dialect::postgres::testing {

inline schema::Column Col(const std::string& name, const std::string& type, bool null = false) {
  schema::Column c;
  c.name = name;
  c.type = PostgresTypes().ParseSQL(type);
  c.nullable = null;
  return c;
}

inline schema::Expr Lit(const std::string& s) { return {schema::Expr::Kind::kLiteral, s}; }
inline schema::Expr Raw(const std::string& s) { return {schema::Expr::Kind::kRaw, s}; }

inline schema::IndexPart Part(const std::string& column, bool desc = false) {
  schema::IndexPart p;
  p.column = column;
  p.desc = desc;
  return p;
}

inline schema::Index Idx(const std::string& name, std::vector<std::string> cols, bool unique = false) {
  schema::Index i;
  i.name = name;
  i.unique = unique;
  for (auto& c : cols) i.parts.push_back(Part(c));
  return i;
}

// public.users (id bigint NOT NULL, name varchar(255) NULL, PRIMARY KEY (id)).
inline schema::Table Users(const std::string& schema_name = "public") {
  schema::Table t;
  t.name = "users";
  t.schema = schema_name;
  t.columns = {Col("id", "bigint"), Col("name", "varchar(255)", true)};
  t.primary_key = Idx("", {"id"});
  return t;
}

}  // namespace strata::dialect::postgres::testing
