// Named locks on PostgreSQL: session-level advisory locks keyed by the
// 32-bit FNV-1 hash of the lock name, as Atlas keys them, so Strata and
// Atlas exclude each other (atlas_migrate_execute -> 2686470616).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "db/conn.h"
#include "dialect/driver.h"

namespace strata::dialect::postgres {

// FNV-1 (multiply, then xor) 32-bit hash.
uint32_t Fnv1_32(std::string_view data);

class AdvisoryLock final : public Lock {
 public:
  // Tries pg_try_advisory_lock(key) with backoff (25 ms doubling, plus random
  // jitter up to the same amount, capped at 1 s) until `timeout`; then fails with Code::kLocked:
  // `sql/migrate: lock "<name>" is held by another session`.
  static Result<std::unique_ptr<AdvisoryLock>> Acquire(db::Conn& conn, const std::string& name,
                                                      std::chrono::milliseconds timeout);
  // Releases the lock (pg_advisory_unlock); errors are ignored: the server
  // releases it anyway when the session ends.
  ~AdvisoryLock() override;

 private:
  AdvisoryLock(db::Conn& conn, uint32_t key) : conn_(conn), key_(key) {}
  db::Conn& conn_;
  uint32_t key_;
};

}  // namespace strata::dialect::postgres
