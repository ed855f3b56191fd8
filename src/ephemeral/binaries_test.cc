#include "ephemeral/binaries.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <sys/stat.h>

namespace strata::ephemeral {
namespace {
namespace fs = std::filesystem;

class EphemeralBinariesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string t = fs::temp_directory_path().string() + "/strata-bins-XXXXXX";
    ASSERT_NE(mkdtemp(t.data()), nullptr);
    dir_ = t;
  }
  void TearDown() override {
    unsetenv("STRATA_PG_BIN");
    unsetenv("STRATA_MARIADB_BIN");
    fs::remove_all(dir_);
  }
  void Exe(const std::string& name) {
    std::string p = dir_ + "/" + name;
    std::ofstream(p) << "#!/bin/sh\n";
    chmod(p.c_str(), 0755);
  }
  std::string dir_;
};

TEST_F(EphemeralBinariesTest, PostgresOverride) {
  setenv("STRATA_PG_BIN", dir_.c_str(), 1);
  auto b = FindBinaries(Engine::kPostgres);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().message(), "ephemeral: STRATA_PG_BIN=" + dir_ + " lacks postgres, initdb or psql");
  Exe("postgres");
  Exe("initdb");
  Exe("psql");
  b = FindBinaries(Engine::kPostgres);
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(b->server, dir_ + "/postgres");
  EXPECT_EQ(b->init, dir_ + "/initdb");
  EXPECT_EQ(b->client, dir_ + "/psql");
}

TEST_F(EphemeralBinariesTest, MariaDBOverrideAcceptsMySQLNames) {
  setenv("STRATA_MARIADB_BIN", dir_.c_str(), 1);
  EXPECT_FALSE(FindBinaries(Engine::kMariaDB).ok());
  Exe("mysqld");
  Exe("mysql_install_db");
  auto b = FindBinaries(Engine::kMariaDB);
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(b->server, dir_ + "/mysqld");
}

}  // namespace
}  // namespace strata::ephemeral
