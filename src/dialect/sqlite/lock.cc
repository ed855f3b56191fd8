#include "dialect/sqlite/lock.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

#include "base/strings.h"

namespace strata::dialect::sqlite {
namespace {

using Clock = std::chrono::system_clock;

int64_t UnixNanos(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

std::string ReadSmallFile(const std::string& path, bool* exists) {
  *exists = false;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "";
  *exists = true;
  char buf[64];
  ssize_t n = ::read(fd, buf, sizeof buf);
  ::close(fd);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : "";
}

std::string UniqueSibling(const std::string& path, const char* what) {
  static std::atomic<unsigned> seq{0};
  return path + "." + std::to_string(::getpid()) + "." + std::to_string(seq++) + "." + what;
}

// Writes a complete sibling file holding `expiry`; returns its path.
Result<std::string> WriteSibling(const std::string& path, int64_t expiry) {
  std::string tmp = UniqueSibling(path, "tmp");
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return IOError("sql/sqlite: writing lock file " + GoQuote(tmp) + ": " + std::strerror(errno));
  std::string text = std::to_string(expiry);
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!ok) {
    ::unlink(tmp.c_str());
    return IOError("sql/sqlite: writing lock file " + GoQuote(tmp));
  }
  return tmp;
}

// Creates the lock file with its content in one step: the content is written
// to a sibling first and hard-linked into place, and link(2) fails when the
// name exists. A reader therefore never sees an empty lock file.
Status CreateExclusive(const std::string& path, int64_t expiry) {
  ASSIGN_OR_RETURN(std::string tmp, WriteSibling(path, expiry));
  int rc = ::link(tmp.c_str(), path.c_str());
  int err = errno;
  ::unlink(tmp.c_str());
  if (rc == 0) return Status::Ok();
  return Status(err == EEXIST ? Code::kLocked : Code::kIO, std::strerror(err));
}

// Replaces the content atomically (write a sibling, rename over).
void Overwrite(const std::string& path, int64_t expiry) {
  auto tmp = WriteSibling(path, expiry);
  if (tmp.ok() && ::rename(tmp->c_str(), path.c_str()) != 0) ::unlink(tmp->c_str());
}

// Removes a lock file whose holder is gone, but only the very file that was
// judged stale: it is renamed away first (atomic, so only one waiter gets
// it) and put back if it turns out to be a fresh lock taken meanwhile.
void RemoveStale(const std::string& path, const std::string& stale_text) {
  std::string moved = UniqueSibling(path, "stale");
  if (::rename(path.c_str(), moved.c_str()) != 0) return;
  bool exists = false;
  if (ReadSmallFile(moved, &exists) != stale_text) (void)::link(moved.c_str(), path.c_str());
  ::unlink(moved.c_str());
}

// One attempt. kLocked when a live holder exists.
Status TryTake(const LockFileOptions& o) {
  const int64_t expiry = UnixNanos(Clock::now() + o.lease);
  Status st = CreateExclusive(o.path, expiry);
  if (st.code() != Code::kLocked) return st;
  bool exists = false;
  std::string text = ReadSmallFile(o.path, &exists);
  if (!exists) return CreateExclusive(o.path, expiry);  // released meanwhile
  char* end = nullptr;
  long long held_until = std::strtoll(text.c_str(), &end, 10);
  if (end == text.c_str()) {
    // Not a number: judge by age, a writer that died mid-write is old.
    struct stat sb;
    if (::stat(o.path.c_str(), &sb) != 0) return st;
    auto age = Clock::now() - Clock::from_time_t(sb.st_mtime);
    if (age < o.lease) return st;
  } else if (held_until > UnixNanos(Clock::now())) {
    return st;
  }
  RemoveStale(o.path, text);
  return CreateExclusive(o.path, expiry);
}

}  // namespace

uint32_t Adler32(std::string_view data) {
  constexpr uint32_t kMod = 65521;
  uint32_t a = 1, b = 0;
  for (unsigned char c : data) {
    a = (a + c) % kMod;
    b = (b + a) % kMod;
  }
  return (b << 16) | a;
}

std::string LockFilePath(const std::string& name, const std::string& key) {
  const char* tmp = std::getenv("TMPDIR");
  std::string dir = tmp && *tmp ? tmp : "/tmp";
  std::string file = name;
  if (!key.empty()) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "%x", Adler32(key));
    file += std::string("_") + hex;
  }
  return dir + "/" + file + ".lock";
}

Result<std::unique_ptr<LockFile>> LockFile::Acquire(const LockFileOptions& opts) {
  const auto deadline = std::chrono::steady_clock::now() + opts.timeout;
  std::mt19937 rng(static_cast<unsigned>(::getpid()));
  std::chrono::milliseconds backoff(25);
  while (true) {
    Status st = TryTake(opts);
    if (st.ok()) break;
    if (st.code() != Code::kLocked) return st.Wrap("sql/sqlite: taking lock " + GoQuote(opts.name));
    auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return Status(Code::kLocked, "sql/sqlite: lock on " + GoQuote(opts.name) + " already taken");
    std::uniform_int_distribution<int> jitter(0, static_cast<int>(backoff.count()));
    auto wait = backoff + std::chrono::milliseconds(jitter(rng));
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
    std::this_thread::sleep_for(std::min(wait, left));
    backoff = std::min(backoff * 2, std::chrono::milliseconds(1000));
  }
  std::unique_ptr<LockFile> lock(new LockFile(opts));
  lock->renewer_ = std::thread([l = lock.get()] { l->Renew(); });
  return lock;
}

void LockFile::Renew() {
  std::unique_lock<std::mutex> lk(mu_);
  while (!cv_.wait_for(lk, opts_.lease / 3, [this] { return stop_; })) {
    Overwrite(opts_.path, UnixNanos(Clock::now() + opts_.lease));
  }
}

LockFile::~LockFile() {
  {
    std::lock_guard<std::mutex> lk(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (renewer_.joinable()) renewer_.join();
  ::unlink(opts_.path.c_str());
}

}  // namespace strata::dialect::sqlite
