// Applies pending migration files to a database and keeps the revision
// table true at every step (Atlas's `Executor`): pending-file computation,
// transaction modes, statement hashing and resume after a partial failure.
// Dialect-independent: the database is reached through Session and
// RevisionStore, implemented per dialect.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "migrate/dir.h"
#include "migrate/file.h"
#include "migrate/revision.h"
#include "migrate/scanner.h"
#include "migrate/sum.h"

namespace strata::migrate {

enum class TxMode { kFile, kAll, kNone };
enum class ExecOrder { kLinear, kLinearSkip, kNonLinear };

// "file"/"all"/"none" and "linear"/"linear-skip"/"non-linear" (plus the
// project-file spellings LINEAR, LINEAR_SKIP, NON_LINEAR).
Result<TxMode> ParseTxMode(const std::string& s);
Result<ExecOrder> ParseExecOrder(const std::string& s);

// The statements the executor runs; one implementation per dialect.
class Session {
 public:
  virtual ~Session() = default;
  virtual Status Exec(const std::string& stmt) = 0;
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
};

// Progress events, in order: Start once, then per file FileStart, Resume
// (when continuing a partial file), Stmt (before each statement runs), and
// FileDone or FileError.
class Logger {
 public:
  virtual ~Logger() = default;
  virtual void Start(const std::vector<File>& pending) {}
  virtual void FileStart(const File& f, int index, int count) {}
  // The file was partially applied before: its first `skipped` statements
  // are not run again.
  virtual void Resume(const File& f, int skipped) {}
  virtual void Stmt(const std::string& stmt) {}
  virtual void FileDone(const File& f, std::chrono::nanoseconds took) {}
  virtual void FileError(const File& f, const std::string& stmt, const std::string& error) {}
};

struct ExecOptions {
  TxMode tx_mode = TxMode::kFile;
  ExecOrder exec_order = ExecOrder::kLinear;
  std::string baseline;  // version to mark as baseline on a dirty database
  bool allow_dirty = false;
  bool dry_run = false;  // log everything, run no migration statement
  int amount = 0;        // 0 = all pending files
  std::string operator_version = std::string(kOperatorVersion);
  const std::atomic<bool>* interrupted = nullptr;  // checked between statements
};

// What Pending found besides the files (status reports it).
struct PendingInfo {
  std::vector<File> out_of_order;  // files skipped or prepended by exec order
  Status order_error;              // the linear out-of-order error, if any
};

class Executor {
 public:
  // `clean` is the dialect's check that the database holds nothing but the
  // revisions table (see RevisionStore::CheckClean).
  Executor(const Dir& dir, RevisionStore& revs, Session& session, ScannerOptions scanner, ExecOptions opts,
           Logger* log = nullptr)
      : dir_(dir), revs_(revs), session_(session), scanner_(scanner), opts_(std::move(opts)), log_(log) {}

  // The files to run, in order. Inserts the baseline revision when asked.
  // Fails with kNoPlan and "sql/migrate: no pending migration files" when
  // there is nothing to do.
  Result<std::vector<File>> Pending(PendingInfo* info = nullptr);

  // Runs the files per the tx mode; stops at the first error.
  Status ExecuteN(const std::vector<File>& files);

  // Runs one file (no transaction handling). Exposed for tests.
  Status Execute(const File& f);

 private:
  Status RunFiles(const std::vector<File>& files, bool file_tx);
  // The atlas.sum hash of a file, computed once per executor.
  std::string FileHash(const File& f);

  const Dir& dir_;
  RevisionStore& revs_;
  Session& session_;
  ScannerOptions scanner_;
  ExecOptions opts_;
  Logger* log_;
  std::optional<HashFile> sums_;
};

// The statements of a file with this dialect's scanner.
Result<std::vector<std::string>> FileStmts(const File& f, const ScannerOptions& scanner);

// Pending computation on already-read data, shared by apply and status:
// the files from `files` still to run given `revs` (clean database handling
// excluded). Fails with the out-of-order and missing-file errors.
Result<std::vector<File>> PendingFiles(const std::vector<File>& files, const std::vector<Revision>& revs,
                                       ExecOrder order, PendingInfo* info);

inline constexpr std::string_view kNoPendingFiles = "sql/migrate: no pending migration files";

}  // namespace strata::migrate
