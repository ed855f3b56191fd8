// Named locks on MySQL/MariaDB: GET_LOCK/RELEASE_LOCK with the lock name
// itself (e.g. "atlas_migrate_execute"), as Atlas takes them, so Strata and
// Atlas exclude each other.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "base/status.h"
#include "db/conn.h"
#include "dialect/driver.h"

namespace strata::dialect::mysql {

class NamedLock final : public Lock {
 public:
  // SELECT GET_LOCK(name, timeout in seconds). 0 (timed out) fails with
  // Code::kLocked "sql/schema: lock is held by other session"; NULL (a
  // server error, e.g. killed) with an internal error.
  static Result<std::unique_ptr<NamedLock>> Acquire(db::Conn& conn, const std::string& name,
                                                    std::chrono::milliseconds timeout);
  // SELECT RELEASE_LOCK(name); errors are ignored (the server releases the
  // lock when the session ends anyway).
  ~NamedLock() override;

 private:
  NamedLock(db::Conn& conn, std::string name) : conn_(conn), name_(std::move(name)) {}
  db::Conn& conn_;
  std::string name_;
};

}  // namespace strata::dialect::mysql
