// The revision table on MySQL/MariaDB: `atlas_schema_revisions` with the
// column types Atlas (Ent) creates (reference 6.1, CHARSET utf8mb4 COLLATE
// utf8mb4_bin), in the database Atlas would use (reference 6.2): the
// --revisions-schema value, else the URL's database, else the database
// `atlas_schema_revisions`, created when missing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "db/conn.h"
#include "migrate/revision.h"

namespace strata::dialect::mysql {

class MysqlRevisionStore final : public migrate::RevisionStore {
 public:
  // `schema` "" = the default place for a connection bound to `bound_schema`
  // ("" = realm scope).
  MysqlRevisionStore(db::Conn& conn, const std::string& schema, std::string bound_schema);

  const std::string& schema() const { return schema_; }

  Status Ensure() override;
  // Database scope: the bound database holds no table but the revisions
  // table. Realm scope: no database but the revisions one, which holds only
  // the revisions table. Reasons: `found table "t" in schema "s"`,
  // `found schema "s"`.
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

// The CREATE TABLE statement of the revisions table in `schema`.
std::string RevisionTableDDL(const std::string& schema);

}  // namespace strata::dialect::mysql
