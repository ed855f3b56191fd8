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

TEST(RevisionFromRow, ReadsTheColumnsInTableOrder) {
  std::vector<std::optional<std::string>> row = {"3", "add users", "2", "4", "5", "ignored", "1500",
                                                 std::nullopt, "", "abc", R"(["h1:a","h1:b"])", "Strata"};
  ASSERT_EQ(row.size(), std::size(kRevisionColumns));
  Revision r = RevisionFromRow(row, 42);
  EXPECT_EQ(r.version, "3");
  EXPECT_EQ(r.description, "add users");
  EXPECT_EQ(r.type, 2);
  EXPECT_EQ(r.applied, 4);
  EXPECT_EQ(r.total, 5);
  EXPECT_EQ(r.executed_at_unix_ns, 42);
  EXPECT_EQ(r.execution_time_ns, 1500);
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.hash, "abc");
  EXPECT_EQ(r.partial_hashes, (std::vector<std::string>{"h1:a", "h1:b"}));
  EXPECT_EQ(r.operator_version, "Strata");
  EXPECT_EQ(RevisionInt(std::nullopt), 0);
  EXPECT_EQ(RevisionInt(std::string("-7")), -7);
}

}  // namespace
}  // namespace strata::migrate
