#include "migrate/executor.h"

#include <algorithm>
#include <set>

#include "base/strings.h"

namespace strata::migrate {
namespace {

int64_t NowUnixNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Status Aborted() { return Status(Code::kAborted, "sql/migrate: execution interrupted"); }

Status OutOfOrderError(const std::vector<File>& files) {
  std::string names;
  for (const File& f : files) {
    if (!names.empty()) names += ", ";
    names += f.name();
  }
  const char* what = files.size() == 1 ? "migration file " : "migration files ";
  const char* verb = files.size() == 1 ? " was" : " were";
  return Error(std::string(what) + names + verb +
               " added out of order. See: https://atlasgo.io/versioned/apply#non-linear-error");
}

}  // namespace

Result<TxMode> ParseTxMode(const std::string& s) {
  if (s == "file") return TxMode::kFile;
  if (s == "all") return TxMode::kAll;
  if (s == "none") return TxMode::kNone;
  return InvalidArgument("unknown tx-mode " + GoQuote(s));
}

Result<ExecOrder> ParseExecOrder(const std::string& s) {
  if (s == "linear" || s == "LINEAR") return ExecOrder::kLinear;
  if (s == "linear-skip" || s == "LINEAR_SKIP") return ExecOrder::kLinearSkip;
  if (s == "non-linear" || s == "NON_LINEAR") return ExecOrder::kNonLinear;
  return InvalidArgument("unknown execution order: " + GoQuote(s));
}

Result<std::vector<std::string>> FileStmts(const File& f, const ScannerOptions& scanner) {
  auto stmts = ScanStmtTexts(f.bytes(), scanner);
  if (!stmts.ok()) return stmts.status().Wrap("sql/migrate: scanning statements from " + GoQuote(f.name()));
  return stmts;
}

Result<std::vector<File>> PendingFiles(const std::vector<File>& all, const std::vector<Revision>& revs, ExecOrder order,
                                       PendingInfo* info) {
  const Revision& last = revs.back();
  // A revision resolved by `migrate set` counts as done even if a run had
  // stopped inside it.
  const bool partial = last.Partial() && !(last.type & kRevisionResolved);
  // A partially applied checkpoint continues with itself and the
  // non-checkpoint files after it.
  if (partial) {
    for (size_t i = 0; i < all.size(); ++i) {
      if (all[i].Version() == last.version && all[i].IsCheckpoint()) {
        std::vector<File> out{all[i]};
        for (size_t j = i + 1; j < all.size(); ++j) {
          if (!all[j].IsCheckpoint()) out.push_back(all[j]);
        }
        return out;
      }
    }
  }
  std::vector<File> files = SkipCheckpointFiles(all);
  size_t start = 0;  // index of the first file after the executed ones
  if (partial) {
    auto it = std::find_if(files.begin(), files.end(), [&](const File& f) { return f.Version() == last.version; });
    if (it == files.end()) {
      std::string name = last.version + (last.description.empty() ? "" : "_" + last.description) + ".sql";
      return Error("sql/migrate: missing migration: revision " + GoQuote(last.version) +
                   " is partially applied but migration file " + GoQuote(name) + " was not found");
    }
    start = static_cast<size_t>(it - files.begin());
  } else {
    for (size_t i = 0; i < files.size(); ++i) {
      if (files[i].Version() <= last.version) start = i + 1;
    }
  }
  std::set<std::string> known;
  for (const Revision& r : revs) known.insert(r.version);
  const std::string& first = revs.front().version;
  std::vector<File> skipped;
  for (size_t i = 0; i < start; ++i) {
    const std::string v = files[i].Version();
    if (v > first && !known.count(v)) skipped.push_back(files[i]);
  }
  std::vector<File> pending(files.begin() + static_cast<ptrdiff_t>(start), files.end());
  if (info) info->out_of_order = skipped;
  if (!skipped.empty()) {
    switch (order) {
      case ExecOrder::kLinear:
        if (info) info->order_error = OutOfOrderError(skipped);
        return OutOfOrderError(skipped);
      case ExecOrder::kLinearSkip:
        break;
      case ExecOrder::kNonLinear:
        pending.insert(pending.begin(), skipped.begin(), skipped.end());
        break;
    }
  }
  return pending;
}

Result<std::vector<File>> Executor::Pending(PendingInfo* info) {
  if (!opts_.baseline.empty() && opts_.allow_dirty) {
    return InvalidArgument("sql/migrate: baseline and allow-dirty are mutually exclusive");
  }
  ASSIGN_OR_RETURN(std::vector<Revision> revs, revs_.ReadAll());
  ASSIGN_OR_RETURN(std::vector<File> all, dir_.Files());
  std::vector<File> pending;
  if (revs.empty()) {
    if (Status clean = revs_.CheckClean(); !clean.ok()) {
      if (clean.code() != Code::kError) return clean;
      if (opts_.baseline.empty() && !opts_.allow_dirty) {
        return Error("sql/migrate: connected database is not clean: " + clean.message() +
                     ". baseline version or allow-dirty is required");
      }
    }
    if (!opts_.baseline.empty()) {
      auto it = std::find_if(all.begin(), all.end(), [&](const File& f) { return f.Version() == opts_.baseline; });
      if (it == all.end()) return NotFound("baseline version " + GoQuote(opts_.baseline) + " not found");
      Revision base;
      base.version = it->Version();
      base.description = it->Desc();
      base.type = kRevisionBaseline;
      base.executed_at_unix_ns = NowUnixNanos();
      base.operator_version = opts_.operator_version;
      RETURN_IF_ERROR(revs_.Write(base));
      revs.push_back(base);
    } else {
      ASSIGN_OR_RETURN(pending, FilesFromLastCheckpoint(dir_));
    }
  }
  if (!revs.empty()) {
    ASSIGN_OR_RETURN(pending, PendingFiles(all, revs, opts_.exec_order, info));
  }
  if (pending.empty()) return Status(Code::kNoPlan, std::string(kNoPendingFiles));
  if (opts_.amount > 0 && static_cast<size_t>(opts_.amount) < pending.size()) {
    pending.resize(static_cast<size_t>(opts_.amount));
  }
  return pending;
}

std::string Executor::FileHash(const File& f) {
  if (!sums_) {
    auto hf = dir_.Checksum();
    sums_ = hf.ok() ? std::move(hf).value() : HashFile();
  }
  auto h = sums_->SumByName(f.name());
  return h.ok() ? *h : std::string();
}

Status Executor::Execute(const File& f) {
  ASSIGN_OR_RETURN(std::vector<std::string> stmts, FileStmts(f, scanner_));
  const std::vector<std::string> hashes = HashStmts(stmts);
  const std::string sum = FileHash(f);
  ASSIGN_OR_RETURN(std::optional<Revision> existing, revs_.Read(f.Version()));
  Revision r;
  if (existing) {
    r = *existing;
  } else {
    r.version = f.Version();
    r.description = f.Desc();
    r.type = kRevisionExecuted;
    r.hash = sum;
  }
  if (r.applied > 0) {
    for (int64_t i = 0; i < r.applied; ++i) {
      const size_t k = static_cast<size_t>(i);
      if (k >= hashes.size() || k >= r.partial_hashes.size() || hashes[k] != r.partial_hashes[k]) {
        return Error("sql/migrate: history changed: statement " + std::to_string(i + 1) + " from file " +
                     GoQuote(f.name()) + " changed");
      }
    }
  }
  if (r.applied > 0 && log_) log_->Resume(f, static_cast<int>(r.applied));
  r.type |= kRevisionExecuted;
  r.total = static_cast<int64_t>(stmts.size());
  r.hash = sum;
  r.executed_at_unix_ns = NowUnixNanos();
  r.operator_version = opts_.operator_version;
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::steady_clock::now() - start; };
  if (!opts_.dry_run) RETURN_IF_ERROR(revs_.Write(r));
  for (size_t i = static_cast<size_t>(r.applied); i < stmts.size(); ++i) {
    if (opts_.interrupted && opts_.interrupted->load()) return Aborted();
    if (log_) log_->Stmt(stmts[i]);
    if (opts_.dry_run) continue;
    if (Status st = session_.Exec(stmts[i]); !st.ok()) {
      r.error = st.message();
      r.error_stmt = stmts[i];
      r.execution_time_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed()).count();
      if (log_) log_->FileError(f, stmts[i], st.message());
      // Best effort: the statement error is what the user must see.
      (void)revs_.Write(r);
      return ExecError("sql/migrate: executing statement " + GoQuote(stmts[i]) + " from version " +
                       GoQuote(f.Version()) + ": " + st.message());
    }
    r.partial_hashes.push_back(hashes[i]);
    r.applied = static_cast<int64_t>(i + 1);
    r.error.clear();
    r.error_stmt.clear();
    if (i + 1 < stmts.size()) RETURN_IF_ERROR(revs_.Write(r));
  }
  r.applied = r.total;
  r.partial_hashes.clear();
  r.error.clear();
  r.error_stmt.clear();
  r.execution_time_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed()).count();
  if (!opts_.dry_run) RETURN_IF_ERROR(revs_.Write(r));
  if (log_) log_->FileDone(f, std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed()));
  return Status::Ok();
}

Status Executor::RunFiles(const std::vector<File>& files, bool global_all) {
  for (size_t i = 0; i < files.size(); ++i) {
    const File& f = files[i];
    ASSIGN_OR_RETURN(std::string directive, f.TxMode());
    TxMode mode = opts_.tx_mode;
    if (!directive.empty()) {
      ASSIGN_OR_RETURN(TxMode m, ParseTxMode(directive));
      if (global_all && m != TxMode::kAll) {
        return InvalidArgument("cannot set txmode directive to " + GoQuote(directive) + " in " + GoQuote(f.name()) +
                               " when txmode \"all\" is set globally");
      }
      mode = m;
    }
    if (opts_.interrupted && opts_.interrupted->load()) return Aborted();
    if (log_) log_->FileStart(f, static_cast<int>(i), static_cast<int>(files.size()));
    const bool tx = opts_.tx_mode != TxMode::kAll && mode == TxMode::kFile && !opts_.dry_run;
    if (tx) RETURN_IF_ERROR(session_.Begin());
    Status st = Execute(f);
    if (tx) {
      if (!st.ok()) {
        (void)session_.Rollback();
        return st;
      }
      RETURN_IF_ERROR(session_.Commit());
    }
    RETURN_IF_ERROR(st);
  }
  return Status::Ok();
}

Status Executor::ExecuteN(const std::vector<File>& files) {
  if (log_) log_->Start(files);
  const bool all = opts_.tx_mode == TxMode::kAll;
  if (!all || opts_.dry_run) return RunFiles(files, all);
  RETURN_IF_ERROR(session_.Begin());
  if (Status st = RunFiles(files, true); !st.ok()) {
    (void)session_.Rollback();
    return st;
  }
  return session_.Commit();
}

}  // namespace strata::migrate
