// The revision table on PostgreSQL: "atlas_schema_revisions" with the column
// types Atlas (Ent) creates, in the schema Atlas would use (reference 6.2):
// the --revisions-schema value, else the URL's bound schema, else the
// dedicated schema "atlas_schema_revisions", created when missing.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "db/conn.h"
#include "migrate/revision.h"

namespace strata::dialect::postgres {

class PostgresRevisionStore final : public migrate::RevisionStore {
 public:
  // `schema` "" = the default place for a connection bound to `bound_schema`
  // ("" = realm scope).
  PostgresRevisionStore(db::Conn& conn, const std::string& schema, std::string bound_schema);

  const std::string& schema() const { return schema_; }

  Status Ensure() override;
  // Schema scope: the bound schema holds no table but the revisions table.
  // Realm scope: every schema is an empty "public" or the revisions schema
  // holding only the revisions table. Reasons: `found table "t" in schema
  // "s"`, `found schema "s"`.
  Status CheckClean() override;
  Result<bool> Exists() override;
  Result<std::vector<migrate::Revision>> ReadAll() override;
  Result<std::optional<migrate::Revision>> Read(const std::string& version) override;
  Status Write(const migrate::Revision& rev) override;
  Status Delete(const std::string& version) override;

 private:
  std::string Table() const;
  db::Conn& conn_;
  std::string schema_;
  std::string bound_;
};

}  // namespace strata::dialect::postgres
