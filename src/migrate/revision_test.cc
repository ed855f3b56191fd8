#include "migrate/revision.h"

#include <gtest/gtest.h>

namespace strata::migrate {
namespace {

TEST(PartialHashes, FormatAndParse) {
  std::vector<std::string> h = {"h1:AAA=", "h1:BBB="};
  EXPECT_EQ(PartialHashesJSON(h, ","), "[\"h1:AAA=\",\"h1:BBB=\"]");
  EXPECT_EQ(PartialHashesJSON(h, ", "), "[\"h1:AAA=\", \"h1:BBB=\"]");
  EXPECT_EQ(PartialHashesJSON({}, ","), "");
  EXPECT_EQ(ParsePartialHashes("[\"h1:AAA=\", \"h1:BBB=\"]"), h);
  EXPECT_TRUE(ParsePartialHashes("").empty());
  EXPECT_TRUE(ParsePartialHashes("[]").empty());
}

}  // namespace
}  // namespace strata::migrate
