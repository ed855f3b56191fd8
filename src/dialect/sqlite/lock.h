// Named locks for SQLite, which has no advisory locks: a file
// "<temp dir>/<name>[_<adler32 hex of host+path>].lock" holding the lock's
// expiry in Unix nanoseconds, the format Atlas reads and writes, so Strata
// and Atlas exclude each other.
//
// An unexpired file means "taken". Because a crashed holder leaves the file
// behind, the expiry is a lease: the holder rewrites it every few seconds
// while it runs, and a waiter takes the lock once the lease has run out.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "base/status.h"
#include "dialect/driver.h"

namespace strata::dialect::sqlite {

// The lock file's path for lock `name` on the database at host+path `key`
// ("" = no suffix). The temp dir is $TMPDIR or /tmp.
std::string LockFilePath(const std::string& name, const std::string& key);

// Adler-32 of `data` (zlib's checksum).
uint32_t Adler32(std::string_view data);

struct LockFileOptions {
  std::string path;
  std::string name;                        // for the error message
  std::chrono::milliseconds timeout{0};    // how long to wait for a holder
  std::chrono::milliseconds lease{10000};  // how long the file stays valid without renewal
};

class LockFile final : public Lock {
 public:
  // Takes the lock, retrying with backoff (25ms doubling, capped at 1s)
  // until `timeout`; then fails with Code::kLocked and
  // `sql/sqlite: lock on "<name>" already taken`.
  static Result<std::unique_ptr<LockFile>> Acquire(const LockFileOptions& opts);
  ~LockFile() override;  // stops the renewal and deletes the file

 private:
  explicit LockFile(LockFileOptions opts) : opts_(std::move(opts)) {}
  void Renew();

  LockFileOptions opts_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread renewer_;
};

}  // namespace strata::dialect::sqlite
