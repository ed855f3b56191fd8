#include "dialect/sqlite/lock.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace strata::dialect::sqlite {
namespace {

std::string TempLockPath() {
  return "/tmp/strata_lock_test_" + std::to_string(::getpid()) + "_" +
         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ".lock";
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(LockFileTest, PathFollowsAtlasNaming) {
  EXPECT_EQ(Adler32("Wikipedia"), 0x11E60398u);
  ::setenv("TMPDIR", "/tmp/x", 1);
  EXPECT_EQ(LockFilePath("atlas_migrate_execute", ""), "/tmp/x/atlas_migrate_execute.lock");
  EXPECT_EQ(LockFilePath("atlas_migrate_execute", "Wikipedia"), "/tmp/x/atlas_migrate_execute_11e60398.lock");
  ::unsetenv("TMPDIR");
  EXPECT_EQ(LockFilePath("n", ""), "/tmp/n.lock");
}

TEST(LockFileTest, FileHoldsExpiryAndIsRemoved) {
  LockFileOptions o;
  o.path = TempLockPath();
  o.name = "n";
  auto before = std::chrono::system_clock::now().time_since_epoch();
  {
    auto lock = LockFile::Acquire(o);
    ASSERT_TRUE(lock.ok()) << lock.status().message();
    long long expiry = std::stoll(Slurp(o.path));
    EXPECT_GT(expiry, std::chrono::duration_cast<std::chrono::nanoseconds>(before + o.lease).count() - 1);
  }
  EXPECT_NE(::access(o.path.c_str(), F_OK), 0);
}

TEST(LockFileTest, SecondTakerFailsAfterTimeout) {
  LockFileOptions o;
  o.path = TempLockPath();
  o.name = "atlas_migrate_execute";
  auto first = LockFile::Acquire(o);
  ASSERT_TRUE(first.ok());
  o.timeout = std::chrono::milliseconds(200);
  auto start = std::chrono::steady_clock::now();
  auto second = LockFile::Acquire(o);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), Code::kLocked);
  EXPECT_EQ(second.status().message(), "sql/sqlite: lock on \"atlas_migrate_execute\" already taken");
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(200));
}

TEST(LockFileTest, WaiterGetsTheLockWhenReleased) {
  LockFileOptions o;
  o.path = TempLockPath();
  o.name = "n";
  auto first = LockFile::Acquire(o);
  ASSERT_TRUE(first.ok());
  std::thread releaser([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    first->reset();
  });
  o.timeout = std::chrono::milliseconds(3000);
  auto second = LockFile::Acquire(o);
  releaser.join();
  EXPECT_TRUE(second.ok());
}

// A file being created is never empty (content is linked into place), and an
// empty or garbled file that is young is treated as held, not as stale.
TEST(LockFileTest, YoungUnreadableFileIsHeld) {
  LockFileOptions o;
  o.path = TempLockPath();
  o.name = "n";
  { std::ofstream(o.path) << ""; }
  EXPECT_EQ(LockFile::Acquire(o).status().code(), Code::kLocked);
  ::unlink(o.path.c_str());
}

TEST(LockFileTest, ExpiredFileIsTakenOver) {
  LockFileOptions o;
  o.path = TempLockPath();
  o.name = "n";
  {
    std::ofstream(o.path) << "1";  // expired in 1970: its holder is gone
  }
  auto lock = LockFile::Acquire(o);
  EXPECT_TRUE(lock.ok());
  {
    auto far = std::chrono::system_clock::now() + std::chrono::hours(1);
    lock->reset();
    std::ofstream(o.path) << std::chrono::duration_cast<std::chrono::nanoseconds>(far.time_since_epoch()).count();
  }
  EXPECT_FALSE(LockFile::Acquire(o).ok());  // a live (Atlas) holder
  ::unlink(o.path.c_str());
}

}  // namespace
}  // namespace strata::dialect::sqlite
