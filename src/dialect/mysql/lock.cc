#include "dialect/mysql/lock.h"

#include <cstdio>

#include "base/strings.h"

namespace strata::dialect::mysql {

Result<std::unique_ptr<NamedLock>> NamedLock::Acquire(db::Conn& conn, const std::string& name,
                                                      std::chrono::milliseconds timeout) {
  // Seconds with millisecond precision (both servers accept fractions).
  char secs[32];
  std::snprintf(secs, sizeof(secs), "%.3f", static_cast<double>(timeout.count()) / 1000.0);
  auto rows = conn.Query(std::string("SELECT GET_LOCK(?, ") + secs + ")", {name});
  if (!rows.ok()) return rows.status().Wrap("sql/migrate: acquiring lock " + GoQuote(name));
  if (rows->rows.empty() || !rows->rows[0][0]) {
    return Internal("sql/migrate: acquiring lock " + GoQuote(name) + ": GET_LOCK returned NULL");
  }
  if (*rows->rows[0][0] != "1") return Status(Code::kLocked, "sql/schema: lock is held by other session");
  return std::unique_ptr<NamedLock>(new NamedLock(conn, name));
}

NamedLock::~NamedLock() { (void)conn_.Query("SELECT RELEASE_LOCK(?)", {name_}); }

}  // namespace strata::dialect::mysql
