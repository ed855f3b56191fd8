#include "dialect/sqlite/apply.h"

#include <atomic>

#include <map>
#include <optional>
#include <utility>

#include "base/strings.h"
#include "db/sqlite/conn.h"
#include "db/sqlite/script.h"

namespace strata::dialect::sqlite {
namespace {

// "PRAGMA foreign_keys = off" (any spacing/case, "= 0", "(off)", main.)
// -> false; "... on" -> true; anything else -> nullopt.
std::optional<bool> ForeignKeysPragma(const std::string& stmt) {
  std::string s;
  for (char c : ToLower(stmt))
    if (!std::isspace(static_cast<unsigned char>(c)) && c != ';' && c != '(' && c != ')' && c != '=') s += c;
  if (!StartsWith(s, "pragma")) return std::nullopt;
  s = s.substr(6);
  if (StartsWith(s, "main.")) s = s.substr(5);
  if (!StartsWith(s, "foreign_keys")) return std::nullopt;
  std::string v = s.substr(12);
  if (v == "on" || v == "1" || v == "true" || v == "yes") return true;
  if (v == "off" || v == "0" || v == "false" || v == "no") return false;
  return std::nullopt;
}

// The last step of a table copy: ALTER TABLE `new_t` RENAME TO `t`.
bool IsCopyRename(const std::string& stmt) {
  static constexpr std::string_view kHead = "ALTER TABLE `new_";
  static constexpr std::string_view kMid = "` RENAME TO `";
  if (!StartsWith(stmt, kHead) || !EndsWith(stmt, "`")) return false;
  size_t mid = stmt.find(kMid, kHead.size());
  if (mid == std::string::npos) return false;
  std::string from = stmt.substr(kHead.size(), mid - kHead.size());
  std::string to = stmt.substr(mid + kMid.size(), stmt.size() - mid - kMid.size() - 1);
  return from == to;
}

Status StatementError(const std::string& stmt, const Status& st) {
  return Status(Code::kExec, "sqlite: executing statement " + stmt + ": " + db::sqlite::Cause(st));
}

Result<bool> QueryFlag(db::Conn& conn, const std::string& pragma) {
  ASSIGN_OR_RETURN(db::Rows rows, conn.Query("PRAGMA " + pragma));
  return !rows.rows.empty() && !rows.rows[0].empty() && rows.rows[0][0].value_or("0") != "0";
}

// Violations counted per (child table, parent table): a table copy gives
// rows new rowids, so individual rows cannot be matched before and after.
using Violations = std::map<std::pair<std::string, std::string>, int>;

Result<Violations> CheckForeignKeys(db::Conn& conn) {
  ASSIGN_OR_RETURN(db::Rows rows, conn.Query("PRAGMA foreign_key_check"));
  Violations v;
  for (const auto& r : rows.rows) ++v[{r[0].value_or(""), r[2].value_or("")}];
  return v;
}

std::string DescribeNew(const Violations& before, const Violations& after) {
  std::vector<std::string> parts;
  for (const auto& [key, n] : after) {
    auto it = before.find(key);
    int added = n - (it == before.end() ? 0 : it->second);
    if (added <= 0) continue;
    parts.push_back(std::to_string(added) + " row(s) of " + GoQuote(key.first) +
                    " reference missing rows of " + GoQuote(key.second));
  }
  return Join(parts, "; ");
}

// Runs the plan's statements in order, filling the report.
class Runner {
 public:
  Runner(db::Conn& conn, const plan::Plan& p, ApplyReport* report, const std::atomic<bool>* interrupted)
      : conn_(conn), p_(p), report_(report), interrupted_(interrupted) {
    for (const auto& c : p.changes) report_->pending.push_back(c.cmd);
  }

  Status Exec(size_t i) {
    const std::string& cmd = p_.changes[i].cmd;
    // A signal stops the plan between statements; the caller rolls back.
    if (interrupted_ != nullptr && interrupted_->load()) {
      return Fail(cmd, Status(Code::kAborted, "interrupted before statement " + std::to_string(i + 1) + " of " +
                                                  std::to_string(p_.changes.size())));
    }
    Status st = IsCopyRename(cmd) ? RenameAfterCopy(cmd) : conn_.Exec(cmd);
    if (!st.ok()) {
      report_->error_stmt = cmd;
      report_->pending.erase(report_->pending.begin());
      Status err = StatementError(cmd, st);
      report_->error = err.message();
      return err;
    }
    report_->applied.push_back(cmd);
    report_->pending.erase(report_->pending.begin());
    return Status::Ok();
  }

  Status Fail(const std::string& stmt, Status err) {
    report_->error_stmt = stmt;
    report_->error = err.message();
    return err;
  }

 private:
  // The old table is gone at this point. Since SQLite 3.26, a rename
  // re-checks every view and trigger and fails on those that name the
  // dropped table; the legacy rule renames just the table, which is what
  // the copy needs (nothing references new_t).
  Status RenameAfterCopy(const std::string& cmd) {
    ASSIGN_OR_RETURN(bool legacy, QueryFlag(conn_, "legacy_alter_table"));
    if (!legacy) RETURN_IF_ERROR(conn_.Exec("PRAGMA legacy_alter_table = on"));
    Status st = conn_.Exec(cmd);
    if (!legacy) {
      Status reset = conn_.Exec("PRAGMA legacy_alter_table = off");
      if (st.ok()) st = reset;
    }
    return st;
  }

  db::Conn& conn_;
  const plan::Plan& p_;
  ApplyReport* report_;
  const std::atomic<bool>* interrupted_;
};

}  // namespace

Status ApplyPlan(db::Conn& conn, const plan::Plan& p, const ApplyOptions& opts, ApplyReport* report) {
  ApplyReport local;
  if (report == nullptr) report = &local;
  *report = ApplyReport{};
  Runner run(conn, p, report, opts.interrupted);
  const size_t n = p.changes.size();
  if (opts.tx_mode == TxMode::kNone) {
    for (size_t i = 0; i < n; ++i) RETURN_IF_ERROR(run.Exec(i));
    return Status::Ok();
  }
  bool toggles = false;
  for (const auto& c : p.changes) toggles |= ForeignKeysPragma(c.cmd).has_value();
  ASSIGN_OR_RETURN(bool fk_on, QueryFlag(conn, "foreign_keys"));
  bool check = toggles || fk_on;
  // Leading and trailing foreign-key pragmas run outside the transaction.
  size_t first = 0, last = n;
  while (first < n && ForeignKeysPragma(p.changes[first].cmd)) ++first;
  while (last > first && ForeignKeysPragma(p.changes[last - 1].cmd)) --last;

  auto restore_fk = [&] {
    auto now = QueryFlag(conn, "foreign_keys");
    if (now.ok() && *now != fk_on)
      (void)conn.Exec(fk_on ? "PRAGMA foreign_keys = on" : "PRAGMA foreign_keys = off");
  };
  for (size_t i = 0; i < first; ++i) {
    if (Status st = run.Exec(i); !st.ok()) {
      restore_fk();
      return st;
    }
  }
  Violations before;
  if (check) {
    // A schema SQLite cannot check ("foreign key mismatch": a parent key
    // without a unique index) was broken before this plan; the check then
    // says nothing about the plan, so it is skipped rather than failed.
    auto v = CheckForeignKeys(conn);
    check = v.ok();
    if (check) before = std::move(v).value();
  }
  if (Status st = conn.Begin(); !st.ok()) {
    restore_fk();
    return run.Fail("BEGIN", db::sqlite::Annotate(st, "starting transaction"));
  }
  auto abort = [&](Status err) {
    (void)conn.Rollback();
    restore_fk();
    return err;
  };
  for (size_t i = first; i < last; ++i) {
    if (Status st = run.Exec(i); !st.ok()) return abort(st);
  }
  if (check) {
    auto after = CheckForeignKeys(conn);
    if (!after.ok()) {
      return abort(run.Fail("PRAGMA foreign_key_check",
                            Status(Code::kExec, "sqlite: checking foreign keys (rolled back): " +
                                                    db::sqlite::Cause(after.status()))));
    }
    if (std::string added = DescribeNew(before, *after); !added.empty()) {
      return abort(
          run.Fail("PRAGMA foreign_key_check",
                   Status(Code::kExec,
                          "sqlite: foreign key violations after applying changes (rolled back): " + added)));
    }
  }
  if (Status st = conn.Commit(); !st.ok())
    return abort(run.Fail("COMMIT", db::sqlite::Annotate(st, "committing")));
  for (size_t i = last; i < n; ++i) RETURN_IF_ERROR(run.Exec(i));
  return Status::Ok();
}

Status ExecScript(db::Conn& conn, std::string_view sql, const std::string& filename) {
  // A script that fails after its own BEGIN would leave the connection in
  // that transaction; it is rolled back so the connection stays usable. A
  // transaction the caller opened before is left to the caller.
  auto* sqlite_conn = dynamic_cast<db::sqlite::SqliteConn*>(&conn);
  bool caller_tx = sqlite_conn != nullptr && sqlite_conn->InTransaction();
  for (const auto& stmt : db::sqlite::SplitScript(sql)) {
    if (Status st = conn.Exec(stmt.text); !st.ok()) {
      if (sqlite_conn != nullptr && !caller_tx) (void)sqlite_conn->Rollback();
      std::string pos = std::to_string(stmt.line) + ":" + std::to_string(stmt.column);
      return Status(Code::kExec,
                    (filename.empty() ? pos : filename + ":" + pos) + ": " + db::sqlite::Cause(st));
    }
  }
  return Status::Ok();
}

}  // namespace strata::dialect::sqlite
