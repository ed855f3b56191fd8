#include "base/txtar.h"

#include <gtest/gtest.h>

namespace strata::txtar {
namespace {

TEST(Txtar, ParseAndFormatRoundTrip) {
  const std::string text = "a comment\n-- a.sql --\nSELECT 1;\n-- empty --\n-- b --\nx\r\ny";
  Archive a = Parse(text);
  EXPECT_EQ(a.comment, "a comment\n");
  ASSERT_EQ(a.files.size(), 3u);
  EXPECT_EQ(*a.Find("a.sql"), "SELECT 1;\n");
  EXPECT_EQ(*a.Find("empty"), "");
  EXPECT_EQ(*a.Find("b"), "x\r\ny");  // byte for byte
  EXPECT_EQ(a.Find("missing"), nullptr);
  EXPECT_EQ(Format(a), text + "\n");  // only the final newline is added
}

TEST(Txtar, SetReplacesOrAppends) {
  Archive a = Parse("-- want --\nold\n");
  a.Set("want", "new\n");
  a.Set("extra", "e");
  EXPECT_EQ(Format(a), "-- want --\nnew\n-- extra --\ne\n");
}

TEST(Txtar, OnlyAcceptedMarkersStartSections) {
  Archive a = Parse("-- stmts --\nA;\n-- end --\nB;\n", [](std::string_view n) { return n == "stmts"; });
  ASSERT_EQ(a.files.size(), 1u);
  EXPECT_EQ(a.files[0].second, "A;\n-- end --\nB;\n");
  // Not markers: too short, or no closing dashes.
  EXPECT_TRUE(Parse("-- --\n--x --\n-- y\n").files.empty());
}

}  // namespace
}  // namespace strata::txtar
