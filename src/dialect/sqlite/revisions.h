// The revision table on SQLite: `atlas_schema_revisions` in "main", with
// the column types Atlas (Ent) creates, read and written with bound
// parameters.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "db/conn.h"
#include "migrate/revision.h"

namespace strata::dialect::sqlite {

class SqliteRevisionStore final : public migrate::RevisionStore {
 public:
  // `schema` must be "" or "main": SQLite keeps the table beside the data.
  static Result<std::unique_ptr<SqliteRevisionStore>> Open(db::Conn& conn, const std::string& schema);

  Status Ensure() override;
  Status CheckClean() override;
  Result<bool> Exists() override;
  Result<std::vector<migrate::Revision>> ReadAll() override;
  Result<std::optional<migrate::Revision>> Read(const std::string& version) override;
  Status Write(const migrate::Revision& rev) override;
  Status Delete(const std::string& version) override;

 private:
  explicit SqliteRevisionStore(db::Conn& conn) : conn_(conn) {}
  db::Conn& conn_;
};

// The `executed_at` text Go's SQLite driver writes and reads:
// "2006-01-02 15:04:05.999999999-07:00" (UTC here). Exposed for tests.
std::string FormatTimestamp(int64_t unix_nanos);
std::optional<int64_t> ParseTimestamp(const std::string& text);

}  // namespace strata::dialect::sqlite
