// `migrate diff | import | down`: the commands that write migration files or
// revert applied ones. Each takes a plain options struct and returns a
// Status (app_migrate_authoring.cc registers the flags).
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "cli/commands.h"
#include "migrate/dir.h"
#include "migrate/formats/dir_url.h"

namespace strata::cli {

struct MigrateDiffOptions {
  std::string name;  // the optional positional argument
  std::vector<std::string> to, schemas;
  std::string dev_url, dir = "file://migrations", dir_format, lock_timeout = "10s", format, qualifier;
};

struct MigrateImportOptions {
  std::string from, to = "file://migrations", dir_format;
};

struct MigrateDownOptions {
  std::string amount;  // the optional positional argument ("" = 1)
  std::string url, dir = "file://migrations", dev_url, to_version, format, revisions_schema, lock_timeout = "10s";
  bool dry_run = false;
};

Status MigrateDiff(const GlobalOptions& g, const MigrateDiffOptions& o, std::ostream& out, std::ostream& err);
Status MigrateImport(const GlobalOptions& g, const MigrateImportOptions& o, std::ostream& out, std::ostream& err);
Status MigrateDown(const GlobalOptions& g, const MigrateDownOptions& o, std::ostream& out, std::ostream& err);

// --- Shared by the three commands (migrate_dir_flags.cc) --------------------

// Parses --dir/--dir-format and opens the directory in its format (creating
// it when `create`).
Result<std::unique_ptr<migrate::Dir>> OpenFormatDir(const std::string& dir_url, const std::string& dir_format,
                                                    bool create, migrate::formats::DirUrl* parsed = nullptr);
// Atlas's pre-run check: on a checksum error, prints the report to `err` and
// fails with "checksum mismatch" (or "checksum file not found", which passes
// silently with `allow_missing_sum`).
Status CheckDirSum(const migrate::Dir& dir, std::ostream& err, bool allow_missing_sum = false);

}  // namespace strata::cli
