#include "migrate/directive.h"

#include <gtest/gtest.h>

namespace strata::migrate {
namespace {

TEST(Directive, MatchesPrefixNameAndArgument) {
  auto m = MatchDirective("-- atlas:nolint DS103 MF101\nSELECT 1;");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->prefix, "-- ");
  EXPECT_EQ(m->name, "nolint");
  EXPECT_EQ(m->argument, "DS103 MF101");
}

TEST(Directive, EdgeCases) {
  struct Case {
    std::string text;
    bool found;
    std::string prefix, name, argument;
  };
  const std::vector<Case> cases = {
      {"atlas:sum ignore", true, "", "sum", "ignore"},
      {"-- atlas:sum", true, "-- ", "sum", ""},
      {"-- atlas:sum    ignore", true, "-- ", "sum", "ignore"},     // all separating spaces go
      {"-- atlas:sum ignore  ", true, "-- ", "sum", "ignore  "},    // trailing spaces stay
      {"-- atlas:sum ignore\r\n", true, "-- ", "sum", "ignore"},    // stops at '\r'
      {"-- atlas:sum\tignore", true, "-- ", "sum", ""},             // a tab is not a separator
      {"-- atlas:sum-ignore", true, "-- ", "sum", ""},              // name ends at '-'
      {"-- atlas:txmode_x none", true, "-- ", "txmode_x", "none"},  // '_' is a word character
      {"x atlas:a atlas:b c", true, "x atlas:a ", "b", "c"},        // greedy prefix: the last marker
      {"x atlas:a atlas: c", true, "x ", "a", "atlas: c"},          // ...that is followed by a name
      {"-- atlas: sum", false, "", "", ""},
      {"-- atlas", false, "", "", ""},
      {"\t-- atlas:sum ignore", false, "", "", ""},              // a tab cannot start a prefix
      {"-- hello\n-- atlas:sum ignore", false, "", "", ""},      // first line only
      {"-- ünï atlas:sum ignore", false, "", "", ""},            // non-ASCII breaks the prefix
      {"-- atlas:sum ignore ü", true, "-- ", "sum", "ignore "},  // ...and ends the argument
      {"", false, "", "", ""},
  };
  for (const Case& c : cases) {
    auto m = MatchDirective(c.text);
    ASSERT_EQ(m.has_value(), c.found) << c.text;
    if (!m) continue;
    EXPECT_EQ(m->prefix, c.prefix) << c.text;
    EXPECT_EQ(m->name, c.name) << c.text;
    EXPECT_EQ(m->argument, c.argument) << c.text;
  }
}

TEST(Directive, FindWithAndWithoutPrefix) {
  EXPECT_EQ(FindDirective("# atlas:sum ignore", "sum"), "ignore");
  EXPECT_FALSE(FindDirective("# atlas:sum ignore", "delimiter"));
  EXPECT_EQ(FindDirective("-- atlas:delimiter //", "delimiter", "-- "), "//");
  EXPECT_FALSE(FindDirective("--atlas:delimiter //", "delimiter", "-- "));
  EXPECT_FALSE(FindDirective(" -- atlas:delimiter //", "delimiter", "-- "));
}

TEST(Directive, CommentGroups) {
  const std::vector<std::string> comments = {
      "--atlas:nolint\n",       "-- atlas:nolint destructive\n",      "#atlas:nolint DS101\n",
      "/*atlas:nolint MF101*/", "/* atlas:nolint not-a-directive */", "/*\natlas:nolint not-a-directive-either\n*/",
      "-- atlas:lint error\n",
  };
  EXPECT_EQ(CommentDirectives(comments, "nolint"), (std::vector<std::string>{"", "destructive", "DS101", "MF101"}));
  EXPECT_EQ(CommentDirectives(comments, "lint"), std::vector<std::string>{"error"});
  EXPECT_TRUE(CommentDirectives({}, "nolint").empty());
}

TEST(Directive, DelimiterEscapes) {
  EXPECT_EQ(UnescapeDelimiter("\\n\\n"), "\n\n");
  EXPECT_EQ(UnescapeDelimiter("\\r\\n\\t"), "\r\n\t");
  EXPECT_EQ(UnescapeDelimiter("//"), "//");
  EXPECT_EQ(UnescapeDelimiter("\\\\n"), "\\\n");  // the first backslash stays, "\n" is unescaped
  EXPECT_EQ(UnescapeDelimiter("a\\"), "a\\");
  EXPECT_EQ(UnescapeDelimiter("\\x"), "\\x");
  EXPECT_EQ(EscapeDelimiter("\n---\n"), "\\n---\\n");
  EXPECT_EQ(UnescapeDelimiter(EscapeDelimiter("\r\t;\n")), "\r\t;\n");
}

}  // namespace
}  // namespace strata::migrate
