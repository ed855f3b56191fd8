// Renderings of a schema state for --format templates.
#pragma once

#include <string>

#include "base/status.h"
#include "dialect/driver.h"
#include "plan/plan.h"
#include "schema/schema.h"

namespace strata::cli {

// `{{ json . }}` of schema inspect (Atlas's shape).
std::string RealmJSON(const schema::Realm& r, const spec::TypeRegistry& types, const std::string& indent);
// `{{ mermaid . }}`: an erDiagram of tables, columns and foreign keys.
std::string RealmMermaid(const schema::Realm& r);
// `{{ sql . }}`: the CREATE statements of the whole state.
Result<std::string> RealmSQL(dialect::Driver& d, const schema::Realm& r, bool bound,
                             const std::string& indent);

// `{{ json . }}` of schema apply.
struct ApplyLog {
  std::string driver;
  std::string url;  // redacted
  std::vector<std::string> applied, pending;
  std::string error_stmt, error_text;
};
std::string ApplyJSON(const ApplyLog& log, const std::string& indent);

}  // namespace strata::cli
