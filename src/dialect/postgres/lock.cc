#include "dialect/postgres/lock.h"

#include <algorithm>
#include <random>
#include <thread>

#include "base/strings.h"

namespace strata::dialect::postgres {

uint32_t Fnv1_32(std::string_view data) {
  uint32_t h = 2166136261u;
  for (unsigned char c : data) {
    h *= 16777619u;
    h ^= c;
  }
  return h;
}

Result<std::unique_ptr<AdvisoryLock>> AdvisoryLock::Acquire(db::Conn& conn, const std::string& name,
                                                            std::chrono::milliseconds timeout) {
  uint32_t key = Fnv1_32(name);
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::chrono::milliseconds wait(25);
  for (;;) {
    // The key is passed as bigint so values above 2^31 stay positive, as in Atlas.
    auto rows = conn.Query("SELECT pg_try_advisory_lock($1::bigint)", {std::to_string(key)});
    if (!rows.ok()) return rows.status().Wrap("sql/migrate: acquiring lock " + GoQuote(name));
    if (!rows->rows.empty() && rows->rows[0][0].value_or("") == "t") {
      return std::unique_ptr<AdvisoryLock>(new AdvisoryLock(conn, key));
    }
    auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      return Status(Code::kLocked, "sql/migrate: lock " + GoQuote(name) + " is held by another session");
    }
    // Backoff with random jitter up to the same amount, capped at 1s (Atlas).
    static thread_local std::minstd_rand rng(std::random_device{}());
    auto jitter = std::chrono::milliseconds(std::uniform_int_distribution<int64_t>(0, wait.count())(rng));
    auto pause = std::min(wait + jitter, std::chrono::milliseconds(1000));
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
    std::this_thread::sleep_for(std::min(pause, left));
    wait = std::min(wait * 2, std::chrono::milliseconds(1000));
  }
}

AdvisoryLock::~AdvisoryLock() {
  (void)conn_.Query("SELECT pg_advisory_unlock($1::bigint)", {std::to_string(key_)});
}

}  // namespace strata::dialect::postgres
