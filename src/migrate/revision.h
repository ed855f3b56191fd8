// The revision table: one row per migration file the database has seen.
// The columns mirror Atlas's `atlas_schema_revisions` exactly, so a
// database migrated by Atlas can be continued by Strata and vice versa.
// This header knows no SQL; dialects implement RevisionStore.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace strata::migrate {

// The table name and the row Atlas reserves for cloud reporting.
inline constexpr std::string_view kRevisionTable = "atlas_schema_revisions";

// The revision table's columns in table order (Atlas's Ent schema); every
// dialect's store selects them in this order.
inline constexpr const char* kRevisionColumns[] = {
    "version", "description",    "type",  "applied",    "total", "executed_at",
    "execution_time", "error", "error_stmt", "hash", "partial_hashes", "operator_version"};
inline constexpr std::string_view kCloudIdentifierVersion = ".atlas_cloud_identifier";
// Written to `operator_version`. Atlas writes "Atlas CLI v0.x.y".
inline constexpr std::string_view kOperatorVersion = "Strata CLI v0.1.0";

// Bit flags of the `type` column.
enum RevisionType : int64_t {
  kRevisionBaseline = 1,  // inserted by --baseline
  kRevisionExecuted = 2,  // the file ran ("applied")
  kRevisionResolved = 4,  // set by `migrate set` ("manually set")
};

struct Revision {
  std::string version;
  std::string description;
  int64_t type = kRevisionExecuted;
  int64_t applied = 0;  // statements applied
  int64_t total = 0;    // statements in the file
  int64_t executed_at_unix_ns = 0;
  int64_t execution_time_ns = 0;
  std::string error;                        // "" = NULL
  std::string error_stmt;                   // "" = NULL
  std::string hash;                         // the file's atlas.sum hash, without "h1:"
  std::vector<std::string> partial_hashes;  // "h1:<b64>" per applied statement
  std::string operator_version;

  bool Partial() const { return applied < total; }
  bool operator==(const Revision&) const = default;
};

// "applied", "baseline", "manually set", "applied + manually set".
std::string RevisionTypeText(int64_t type);

// The partial_hashes column as text: a JSON array of the "h1:<b64>" hashes
// with `separator` between items ("" for none; PostgreSQL's jsonb prints
// ", "), and back. The hashes are base64 texts, so no escapes appear.
std::string PartialHashesJSON(const std::vector<std::string>& hashes, const std::string& separator);
std::vector<std::string> ParsePartialHashes(const std::string& json);

// An integer column as text ("" and NULL read as 0).
int64_t RevisionInt(const std::optional<std::string>& v);
// A row selected in kRevisionColumns order. executed_at (column 5) is
// encoded differently by each database, so the caller decodes it.
Revision RevisionFromRow(const std::vector<std::optional<std::string>>& row, int64_t executed_at_unix_ns);

// Storage of revisions; one implementation per dialect.
class RevisionStore {
 public:
  virtual ~RevisionStore() = default;
  // Creates the table when missing and adds columns it lacks.
  virtual Status Ensure() = 0;
  // The dialect's clean check: OK when the database holds nothing but the
  // revisions table, else the reason (e.g. `found table "t"`).
  virtual Status CheckClean() = 0;
  // True when the table exists (status reads without creating it).
  virtual Result<bool> Exists() = 0;
  // All revisions sorted by version (byte order), without the cloud row.
  virtual Result<std::vector<Revision>> ReadAll() = 0;
  // One revision, or nullopt.
  virtual Result<std::optional<Revision>> Read(const std::string& version) = 0;
  // Inserts or replaces the row with rev.version.
  virtual Status Write(const Revision& rev) = 0;
  virtual Status Delete(const std::string& version) = 0;
};

// A store that keeps rows in memory: dry runs and tests.
class MemRevisionStore : public RevisionStore {
 public:
  Status Ensure() override { return Status::Ok(); }
  // Clean unless `dirty_reason` is set (tests simulate a used database).
  Status CheckClean() override { return dirty_reason.empty() ? Status::Ok() : Error(dirty_reason); }
  Result<bool> Exists() override { return true; }
  Result<std::vector<Revision>> ReadAll() override;
  Result<std::optional<Revision>> Read(const std::string& version) override;
  Status Write(const Revision& rev) override;
  Status Delete(const std::string& version) override;

  std::string dirty_reason;

 private:
  std::vector<Revision> rows_;
};

}  // namespace strata::migrate
