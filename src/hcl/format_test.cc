// Format(): spacing and indentation rules, alignment groups, comments,
// heredocs, plus idempotence and print/parse round trips.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hcl/hcl.h"

namespace strata::hcl {
namespace {

std::string Fmt(const std::string& src) {
  auto r = Format("f.hcl", src);
  if (!r.ok()) return "error: " + r.status().message();
  return *r;
}

TEST(FormatTest, SpacingRules) {
  std::vector<std::pair<std::string, std::string>> cases = {
      {"a=1", "a = 1\n"},
      {"a=b.c", "a = b.c\n"},
      {"a=b [ c ]", "a = b[c]\n"},
      {"a=b()[c]", "a = b()[c]\n"},
      {"a=[\"hello\"][0]", "a = [\"hello\"][0]\n"},
      {"a=( x+2 )", "a = (x + 2)\n"},
      {"a=x*-2", "a = x * -2\n"},
      {"a=-2+1", "a = -2 + 1\n"},
      {"a=x -1", "a = x - 1\n"},
      {"a=x-1", "a = x-1\n"},
      {"a=foo(1, -2,a*b, b,c)", "a = foo(1, -2, a * b, b, c)\n"},
      {"a=\"hello ${ name }\"", "a = \"hello ${name}\"\n"},
      {"a=\"hello ${~ name ~}\"", "a = \"hello ${~name~}\"\n"},
      {"a=\"%{ if x }y%{ endif }\"", "a = \"%{if x}y%{endif}\"\n"},
      {"b{}", "b {}\n"},
      {"b \"l\"{}", "b \"l\" {}\n"},
      {"a=[ [ ] ]", "a = [[]]\n"},
      {"a={ }", "a = {}\n"},
      {"a={b=1,c=2}", "a = { b = 1, c = 2 }\n"},
      {"a={\"k\":1}", "a = { \"k\": 1 }\n"},
      {"a=!b&&c||d", "a = !b && c || d\n"},
      {"a=x?1:2", "a = x ? 1 : 2\n"},
      {"a=x ?-1: 2", "a = x ? -1 : 2\n"},
      {"a=[for x in xs:x]", "a = [for x in xs : x]\n"},
      {"a=[for x in [1,2]:x if x>1]", "a = [for x in [1, 2] : x if x > 1]\n"},
      {"a={for k,v in m:k=>v...}", "a = { for k, v in m : k => v... }\n"},
      {"a=f(x...)", "a = f(x...)\n"},
      {"a=x[*].y", "a = x[*].y\n"},
      {"a=x.*.y", "a = x.*.y\n"},
      {"a=x.0", "a = x.0\n"},
      {"a=x<=y!=z", "a = x <= y != z\n"},
      {"a=varchar(255)", "a = varchar(255)\n"},
  };
  for (const auto& [src, want] : cases) EXPECT_EQ(Fmt(src), want) << src;
}

TEST(FormatTest, IndentationFollowsBrackets) {
  EXPECT_EQ(Fmt("b {\na = 1\nc {\nd = [\n1,\n2,\n]\n}\n}\n"),
            "b {\n  a = 1\n  c {\n    d = [\n      1,\n      2,\n    ]\n  }\n}\n");
  EXPECT_EQ(Fmt("x = foo(\n1,\n- 2,\n)\n"), "x = foo(\n  1,\n  -2,\n)\n");
  EXPECT_EQ(Fmt("x = [[\na\n]]\n"), "x = [[\n  a\n]]\n");
  EXPECT_EQ(Fmt("x = {\n\t\ta = 1\n     }\n"), "x = {\n  a = 1\n}\n");
}

TEST(FormatTest, AlignmentGroups) {
  // Consecutive single-line attributes align their "=".
  EXPECT_EQ(Fmt("a = 1\nbungle = 2\n"), "a      = 1\nbungle = 2\n");
  // A blank line ends a group.
  EXPECT_EQ(Fmt("a = 1\n\nbungle = 2\n"), "a = 1\n\nbungle = 2\n");
  // So does a comment-only line and a nested block.
  EXPECT_EQ(Fmt("a = 1\n# c\nbungle = 2\n"), "a = 1\n# c\nbungle = 2\n");
  EXPECT_EQ(Fmt("a = 1\nb {}\nccc = 2\n"), "a = 1\nb {}\nccc = 2\n");
  // A multi-line value ends the group; its inner lines align on their own.
  EXPECT_EQ(Fmt("a = 1\nbb = {\nx = 1\nyyy = 2\n}\nc = 3\n"),
            "a = 1\nbb = {\n  x   = 1\n  yyy = 2\n}\nc = 3\n");
  // Single-line objects and calls still align.
  EXPECT_EQ(Fmt("a = { x = 1 }\nlonger = f(1)\n"), "a      = { x = 1 }\nlonger = f(1)\n");
}

TEST(FormatTest, TrailingCommentsAlign) {
  EXPECT_EQ(Fmt("a = 1 # foo\nbungle = \"bonce\" # baz\n"),
            "a      = 1       # foo\nbungle = \"bonce\" # baz\n");
  EXPECT_EQ(Fmt("foo {} # here\na = 1 # x\n"), "foo {} # here\na = 1  # x\n");
}

TEST(FormatTest, CommentsAreKeptAndReindented) {
  EXPECT_EQ(Fmt("b {\n      # one\n   // two   \n /* three */\nx = 1\n}\n"),
            "b {\n  # one\n  // two\n  /* three */\n  x = 1\n}\n");
  EXPECT_EQ(Fmt("/* multi\n   line */\na = 1\n"), "/* multi\n   line */\na = 1\n");
}

TEST(FormatTest, HeredocBodiesAreUntouched) {
  std::string src = "b {\nsql = <<-SQL\n    SELECT  *\n  FROM   t ${ x }\n    SQL\nother = 1\n}\n";
  EXPECT_EQ(Fmt(src),
            "b {\n  sql   = <<-SQL\n    SELECT  *\n  FROM   t ${ x }\n    SQL\n  other = 1\n}\n");
}

TEST(FormatTest, HeredocInsideACall) {
  EXPECT_EQ(Fmt("x = trimspace(<<EOT\n  body\nEOT\n)\ny = 1\n"),
            "x = trimspace(<<EOT\n  body\nEOT\n)\ny = 1\n");
}

TEST(FormatTest, WhitespaceNormalization) {
  EXPECT_EQ(Fmt(""), "");
  EXPECT_EQ(Fmt("\n\n"), "");
  EXPECT_EQ(Fmt("a = 1   \r\nb = 2"), "a = 1\nb = 2\n");
  EXPECT_EQ(Fmt("a = 1\n\n\n"), "a = 1\n");
  EXPECT_EQ(Fmt("a = 1\n\n\nb = 2\n"), "a = 1\n\n\nb = 2\n");
}

TEST(FormatTest, SyntaxErrorsAreReported) {
  auto r = Format("bad.hcl", "a = \n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kParse);
  EXPECT_THAT(r.status().message(), ::testing::HasSubstr("bad.hcl:1:5: Invalid expression"));
}

TEST(FormatTest, IdempotentAndMeaningPreserving) {
  std::vector<std::string> sources = {
      "a=1\nbb={x=[1,2,{y=\"z\"}]}\n",
      "t \"x\" {\n c = [\n  for v in [1,2]:\n  v*2\n ]\n  # note\n d=c?1:2 # trailing\n}\n",
      "x = <<EOT\n  keep   me\nEOT\ny=2\n",
      "m = {\n  a = 1, b = 2\n  c = [\n    3\n  ]\n}\n",
      "e = \"${a}-${b[0]}\"\nf = f(\n  1,\n  [2, 3]...\n)\n",
  };
  for (const auto& src : sources) {
    auto once = Format("s.hcl", src);
    ASSERT_TRUE(once.ok()) << src << "\n" << once.status().message();
    auto twice = Format("s.hcl", *once);
    ASSERT_TRUE(twice.ok());
    EXPECT_EQ(*once, *twice) << src;
    auto a = ParseAndEvaluate({{"s.hcl", src}}, EvalOptions{});
    auto b = ParseAndEvaluate({{"s.hcl", *once}}, EvalOptions{});
    ASSERT_EQ(a.ok(), b.ok()) << *once;
    if (!a.ok()) continue;
    ASSERT_EQ(a->attributes.size(), b->attributes.size());
    for (size_t i = 0; i < a->attributes.size(); ++i)
      EXPECT_EQ(a->attributes[i].value, b->attributes[i].value);
    ASSERT_EQ(a->blocks.size(), b->blocks.size());
  }
}

TEST(FormatTest, ValuesPrintedWithToHCLParseBack) {
  Value v =
      Value::Object({{"s", Value::String("a\"b${c}\n")},
                     {"n", Value::NumberText("-1.25")},
                     {"l", Value::List({Value::Bool(true), Value(), Value::Ref({"x", "y z"})})},
                     {"odd key", Value::Call("f", {Value::Number(1)})},
                     {"raw", Value::RawSQL("now()")}});
  std::string src = "v = " + v.ToHCL() + "\n";
  auto doc = ParseAndEvaluate({{"v.hcl", src}}, EvalOptions{});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->attributes[0].value, v);
  auto formatted = Format("v.hcl", src);
  ASSERT_TRUE(formatted.ok());
  EXPECT_EQ(*formatted, src);
}

}  // namespace
}  // namespace strata::hcl
