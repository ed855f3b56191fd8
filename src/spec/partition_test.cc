#include "spec/partition.h"

#include <gtest/gtest.h>

namespace strata::spec {
namespace {

TEST(PartitionKey, ParsesColumnsAndExpressions) {
  auto k = ParsePartitionKey("RANGE (created, \"Region\", lower(name), ((a + b)))");
  ASSERT_TRUE(k.has_value());
  EXPECT_EQ(k->type, "RANGE");
  ASSERT_EQ(k->parts.size(), 4u);
  EXPECT_EQ(k->parts[0].column, "created");
  EXPECT_EQ(k->parts[1].column, "Region");
  EXPECT_EQ(k->parts[2].expr, "lower(name)");
  EXPECT_EQ(k->parts[3].expr, "a + b");
  EXPECT_EQ(FormatPartitionKey(*k), "RANGE (\"created\", \"Region\", (lower(name)), (a + b))");
}

TEST(PartitionKey, RejectsOtherText) {
  EXPECT_FALSE(ParsePartitionKey("").has_value());
  EXPECT_FALSE(ParsePartitionKey("RANGE").has_value());
  EXPECT_FALSE(ParsePartitionKey("(a)").has_value());
  EXPECT_FALSE(ParsePartitionKey("HASH ()").has_value());
  // Commas inside function calls and strings do not split parts.
  auto k = ParsePartitionKey("list (coalesce(a, 'x,y'))");
  ASSERT_TRUE(k.has_value());
  EXPECT_EQ(k->type, "LIST");
  ASSERT_EQ(k->parts.size(), 1u);
  EXPECT_EQ(k->parts[0].expr, "coalesce(a, 'x,y')");
}

}  // namespace
}  // namespace strata::spec
