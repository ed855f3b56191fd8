// What `migrate down` reports: the data behind its default text (modelled
// on the apply log) and `--format '{{ json . }}'` (the shape of atlasexec's
// MigrateDown: Planned, Reverted, Current, Target, Total, Start, End, Error).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/migrate_report.h"

namespace strata::cli {

struct RevertedReport {
  FileRef file;                      // the newest reverted file
  std::string scope = "versions";    // the plan reverts whole versions at once
  int64_t start_ns = 0, end_ns = 0;  // Unix nanoseconds
  std::vector<std::string> applied;  // statements run (the failing one last)
  bool failed = false;
  std::string error_stmt, error_text;
};

struct DownReport {
  std::vector<FileRef> planned;  // the files reverted, newest first
  std::vector<RevertedReport> reverted;
  std::string current, target;  // target "" = before the first file
  int64_t start_ns = 0, end_ns = 0;
  std::string error;
};

// "Migrating down from version 3 to 1 (2 migrations in total):", the
// "-- reverting version 3, 2" block with "-> stmt" lines and "-- ok (d)" or
// the error, then the summary lines.
std::string DownText(const DownReport& r);
// `{{ json . }}`.
std::string DownJSON(const DownReport& r, const std::string& indent);

}  // namespace strata::cli
