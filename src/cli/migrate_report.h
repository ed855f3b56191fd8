// What `migrate apply` and `migrate status` report: the data behind both
// the default text (Atlas's exact lines) and `--format '{{ json . }}'`.
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "base/url.h"
#include "migrate/file.h"
#include "migrate/revision.h"

namespace strata::cli {

struct FileRef {
  std::string name, version, description;
  static FileRef Of(const migrate::File& f) { return {f.name(), f.Version(), f.Desc()}; }
};

struct ReportEnv {
  std::string driver;
  Url url;  // printed redacted
  std::string dir;
};

struct AppliedFileReport {
  FileRef file;
  int64_t start_ns = 0, end_ns = 0;  // Unix nanoseconds
  int skipped = 0;                   // statements applied by an earlier run
  std::vector<std::string> applied;  // statements run (the failing one last)
  bool failed = false;
  std::string error_stmt, error_text;
};

struct ApplyReport {
  ReportEnv env;
  std::vector<FileRef> pending;
  std::vector<AppliedFileReport> applied;
  std::string current, target;
  int64_t start_ns = 0, end_ns = 0;
  std::string error;
  std::string message;  // "No migration files to execute" / "Migrated to version ..."
};

struct StatusReport {
  ReportEnv env;
  std::vector<FileRef> available, out_of_order, pending;
  std::vector<migrate::Revision> applied;
  std::string current, next;
  bool next_is_checkpoint = false;
  int64_t count = 0, total = 0;  // statements applied / in the partial file
  std::string status;            // "OK" or "PENDING"
  std::string error, sql;
};

// "Migrating to version 2 from 1 (1 migrations in total):"
std::string ApplyHeader(const ApplyReport& r);
// The blank line, dashes and "-- " summary lines after the files.
std::string ApplySummary(const ApplyReport& r);
// One file's block: blank line, "  -- migrating version v", statements,
// "  -- ok (d)" or the error.
std::string ApplyFileText(const AppliedFileReport& f);
// "    -> stmt" with the statement's later lines indented under it.
std::string ApplyStmtLine(const std::string& stmt);
// The whole default apply text.
std::string ApplyText(const ApplyReport& r);
// The default status text.
std::string StatusText(const StatusReport& r);

// `{{ json . }}` renderings (Go encoding/json shapes and escaping).
std::string ApplyJSON(const ApplyReport& r, const std::string& indent);
std::string StatusJSON(const StatusReport& r, const std::string& indent);

int64_t NowUnixNanos();

}  // namespace strata::cli
