#include "dialect/postgres/lock.h"

#include <gtest/gtest.h>

namespace strata::dialect::postgres {
namespace {

// The keys the reference lists for Atlas's lock names.
TEST(Fnv1_32, MatchesAtlasLockKeys) {
  EXPECT_EQ(Fnv1_32("atlas_migrate_execute"), 2686470616u);
  EXPECT_EQ(Fnv1_32("atlas_migrate_diff"), 361947982u);
  EXPECT_EQ(Fnv1_32("atlas_lint"), 526800194u);
  EXPECT_EQ(Fnv1_32(""), 2166136261u);
}

}  // namespace
}  // namespace strata::dialect::postgres
