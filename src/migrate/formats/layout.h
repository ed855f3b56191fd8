// Directories laid out by other migration tools. Each wraps a LocalDir:
// reading and writing files by name and atlas.sum (every top-level "*.sql"
// file, byte-wise order, as for Atlas directories) are the LocalDir's; only
// Files() differs:
//   golang-migrate  top-level "*.up.sql", byte-wise; Desc() drops ".up".
//   goose           top-level "*.sql"; only the "-- +goose Up" section is
//                   executed, "StatementBegin/End" keep a body whole.
//   dbmate          top-level "*.sql"; only the "-- migrate:up" section.
//   flyway          recursive (hidden folders skipped): the latest
//                   "B<ver>__*.sql" baseline, the "V<ver>__*.sql" files
//                   above it by numeric version, then "R__*.sql"
//                   repeatables; "U" (undo) files are not migrations.
//   liquibase       plain Atlas reading (changeset lines are comments).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "migrate/dir.h"
#include "migrate/formats/format.h"

namespace strata::migrate::formats {

class ToolDir final : public Dir {
 public:
  ToolDir(Format format, std::unique_ptr<LocalDir> base) : format_(format), base_(std::move(base)) {}

  Format format() const { return format_; }
  const std::string& path() const { return base_->path(); }

  Result<std::vector<File>> Files() const override;
  Result<std::string> ReadFile(std::string_view name) const override { return base_->ReadFile(name); }
  Status WriteFile(std::string_view name, std::string_view data) override { return base_->WriteFile(name, data); }
  Result<HashFile> Checksum() const override { return base_->Checksum(); }

 private:
  Format format_;
  std::unique_ptr<LocalDir> base_;
};

// --- Per-tool pieces, exposed for tests ------------------------------------

// The text of a goose file's "up" statements, rewritten for the generic
// scanner: StatementBegin/End bodies and ";"-terminated lines end at a
// custom delimiter. Errors name the file and line of an out-of-place
// annotation: `sql/migrate: goose: 1_x.sql:3 unexpected goosePragma 'Up'`.
Result<std::string> GooseUpText(const std::string& name, std::string_view bytes);
// The lines of a dbmate file between "-- migrate:up" and "-- migrate:down".
std::string DbmateUpText(std::string_view bytes);

// Flyway's versions: "V1_2__x.sql" -> "1_2", "R__x.sql" -> "".
std::string FlywayVersion(std::string_view path);
// "dir/V1__add_users.sql" -> "add_users".
std::string FlywayDesc(std::string_view path);
// Numeric comparison of dotted or underscored versions ("1.10" > "1.9");
// non-numeric parts count as 0. <0, 0, >0.
int CompareFlywayVersions(std::string_view a, std::string_view b);
// The flyway migration files below `root`, relative paths in execution order.
Result<std::vector<std::string>> FlywayFileNames(const std::string& root);
// Gives every repeatable file (version "") the version of the file before
// the first repeatable (or "0") plus "R", so importing R__views.sql after
// V3 yields 3R_views.sql.
void SetRepeatableVersions(std::vector<File>& files);

}  // namespace strata::migrate::formats
