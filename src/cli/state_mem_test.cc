// mem:// migration directories of data "template_dir".
#include <gtest/gtest.h>

#include "cli/state.h"
#include "project/mem_registry.h"

namespace strata::cli {
namespace {

TEST(OpenMemDir, FilesAndSum) {
  project::MemRegistry mem;
  mem.PutDir("mem://migrations/m",
             {{{"1_a.sql", "CREATE TABLE a (id int);\n"}, {"2_b.sql", "CREATE TABLE b (id int);\n"}}});
  auto d = OpenMemDir(&mem, "mem://migrations/m");
  ASSERT_TRUE(d.ok()) << d.status().message();
  auto files = (*d)->Files();
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(files->size(), 2u);
  EXPECT_TRUE((*d)->Checksum().ok());
  EXPECT_EQ(OpenMemDir(&mem, "mem://x").status().message(),
            "no data source registered the migration directory \"mem://x\"");
  EXPECT_FALSE(OpenMemDir(nullptr, "mem://migrations/m").ok());
}

}  // namespace
}  // namespace strata::cli
