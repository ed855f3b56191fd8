#include "ephemeral/template_cache.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

namespace strata::ephemeral {
namespace {
namespace fs = std::filesystem;

class EphemeralTemplateCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string t = fs::temp_directory_path().string() + "/strata-tcache-XXXXXX";
    ASSERT_NE(mkdtemp(t.data()), nullptr);
    dir_ = t;
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& text) {
    fs::create_directories(fs::path(dir_ + "/" + rel).parent_path());
    std::ofstream(dir_ + "/" + rel) << text;
  }
  std::string dir_;
};

TEST_F(EphemeralTemplateCacheTest, RootFromEnvironment) {
  setenv("STRATA_EPHEMERAL_CACHE", "off", 1);
  EXPECT_EQ(CacheRoot(), "");
  setenv("STRATA_EPHEMERAL_CACHE", "/x/y", 1);
  EXPECT_EQ(CacheRoot(), "/x/y");
  unsetenv("STRATA_EPHEMERAL_CACHE");
  setenv("XDG_CACHE_HOME", "/xdg", 1);
  EXPECT_EQ(CacheRoot(), "/xdg/strata/ephemeral");
  unsetenv("XDG_CACHE_HOME");
  setenv("HOME", "/home/u", 1);
  EXPECT_EQ(CacheRoot(), "/home/u/.cache/strata/ephemeral");
}

TEST_F(EphemeralTemplateCacheTest, KeyChangesWithTheBinaries) {
  Write("bin/postgres", "v1");
  Write("bin/initdb", "i");
  Binaries b{dir_ + "/bin/postgres", dir_ + "/bin/initdb", "", "15"};
  std::string k1 = TemplateKey("postgres", b);
  EXPECT_EQ(k1.rfind("postgres-15-", 0), 0u) << k1;
  EXPECT_EQ(TemplateKey("postgres", b), k1);
  Write("bin/postgres", "v2 longer");  // an upgrade: other size and mtime
  EXPECT_NE(TemplateKey("postgres", b), k1);
}

TEST_F(EphemeralTemplateCacheTest, StoreThenCopy) {
  std::string root = dir_ + "/cache";
  auto none = CopyTemplate(root, "k", dir_ + "/out");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(*none);
  Write("data/PG_VERSION", "15\n");
  Write("data/base/1/x", "page");
  chmod((dir_ + "/data").c_str(), 0700);
  ASSERT_TRUE(StoreTemplate(root, "k", dir_ + "/data").ok());
  // A second store (another process won the race) keeps the first one.
  ASSERT_TRUE(StoreTemplate(root, "k", dir_ + "/data").ok());
  int entries = 0;
  for (const auto& e : fs::directory_iterator(root)) entries += e.path().filename() == "k" ? 1 : 100;
  EXPECT_EQ(entries, 1) << "no temp dirs left behind";
  auto copied = CopyTemplate(root, "k", dir_ + "/out");
  ASSERT_TRUE(copied.ok());
  EXPECT_TRUE(*copied);
  std::ifstream in(dir_ + "/out/base/1/x");
  std::string got;
  in >> got;
  EXPECT_EQ(got, "page");
  struct stat st {};
  ASSERT_EQ(stat((dir_ + "/out").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u) << "servers insist on a private data dir";
}

}  // namespace
}  // namespace strata::ephemeral
