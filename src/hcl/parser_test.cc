// Parser: the AST shape of every expression form, the structure of bodies,
// source ranges, and error reporting with recovery.
#include "hcl/parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "base/source.h"

namespace strata::hcl {
namespace {

using ::testing::HasSubstr;

std::string Dump(const Expr& e);

std::string DumpAll(const std::vector<ExprPtr>& xs) {
  std::string out;
  for (const auto& x : xs) out += " " + Dump(*x);
  return out;
}

std::string Dump(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      return e.As<LiteralExpr>().value.ToHCL();
    case ExprKind::kTemplate:
      return "(tmpl" + DumpAll(e.As<TemplateExpr>().parts) + ")";
    case ExprKind::kTemplateWrap:
      return "(wrap " + Dump(*e.As<TemplateWrapExpr>().wrapped) + ")";
    case ExprKind::kTemplateIf: {
      const auto& n = e.As<TemplateIfExpr>();
      return "(if " + Dump(*n.condition) + " " + Dump(*n.then_part) +
             (n.else_part ? " " + Dump(*n.else_part) : "") + ")";
    }
    case ExprKind::kTemplateFor: {
      const auto& n = e.As<TemplateForExpr>();
      return "(tfor " + n.key_var + "," + n.value_var + " " + Dump(*n.collection) + " " +
             Dump(*n.body) + ")";
    }
    case ExprKind::kVariable:
      return e.As<VariableExpr>().name;
    case ExprKind::kGetAttr:
      return "(. " + Dump(*e.As<GetAttrExpr>().object) + " " + e.As<GetAttrExpr>().name + ")";
    case ExprKind::kIndex: {
      const auto& n = e.As<IndexExpr>();
      return std::string(n.legacy ? "(.idx " : "([] ") + Dump(*n.collection) + " " + Dump(*n.key) +
             ")";
    }
    case ExprKind::kSplat: {
      const auto& n = e.As<SplatExpr>();
      return std::string(n.full ? "(splat[*] " : "(splat.* ") + Dump(*n.source) + " " +
             Dump(*n.each) + ")";
    }
    case ExprKind::kAnonSymbol:
      return "@";
    case ExprKind::kCall: {
      const auto& n = e.As<CallExpr>();
      return "(call " + n.name + DumpAll(n.args) + (n.expand_final ? " ..." : "") + ")";
    }
    case ExprKind::kTuple:
      return "(tuple" + DumpAll(e.As<TupleExpr>().items) + ")";
    case ExprKind::kObject: {
      std::string out = "(object";
      for (const auto& item : e.As<ObjectExpr>().items)
        out += " [" + (item.has_literal_key ? item.literal_key : Dump(*item.key)) + " " +
               Dump(*item.value) + "]";
      return out + ")";
    }
    case ExprKind::kFor: {
      const auto& n = e.As<ForExpr>();
      std::string out = std::string(n.object ? "(for{} " : "(for[] ") + n.key_var + "," +
                        n.value_var + " " + Dump(*n.collection);
      if (n.key) out += " " + Dump(*n.key) + " =>";
      out += " " + Dump(*n.value);
      if (n.group) out += " ...";
      if (n.condition) out += " if " + Dump(*n.condition);
      return out + ")";
    }
    case ExprKind::kUnary: {
      const auto& n = e.As<UnaryExpr>();
      return std::string("(") + OperatorSymbol(n.op) + " " + Dump(*n.operand) + ")";
    }
    case ExprKind::kBinary: {
      const auto& n = e.As<BinaryExpr>();
      return std::string("(") + OperatorSymbol(n.op) + " " + Dump(*n.lhs) + " " + Dump(*n.rhs) +
             ")";
    }
    case ExprKind::kConditional: {
      const auto& n = e.As<ConditionalExpr>();
      return "(? " + Dump(*n.condition) + " " + Dump(*n.true_result) + " " + Dump(*n.false_result) +
             ")";
    }
    case ExprKind::kParens:
      return "(paren " + Dump(*e.As<ParensExpr>().inner) + ")";
  }
  return "?";
}

std::string ParseDump(const std::string& src) {
  Diagnostics d;
  ExprPtr e = ParseExpressionSource("e.hcl", src, &d);
  if (!e) return "error: " + d.ToString();
  return Dump(*e);
}

TEST(ParserTest, ExpressionShapes) {
  std::vector<std::pair<std::string, std::string>> cases = {
      {"1", "1"},
      {"-1.5e2", "(- 150)"},
      {"a", "a"},
      {"true", "true"},
      {"null", "null"},
      {R"~("x")~", R"~((tmpl "x"))~"},
      {R"~("")~", "(tmpl)"},
      {R"~("a${b}c")~", R"~((tmpl "a" b "c"))~"},
      {R"~("${b}")~", "(wrap b)"},
      {R"~("%{if c}x%{else}y%{endif}")~", R"~((tmpl (if c (tmpl "x") (tmpl "y"))))~"},
      {R"~("%{for k, v in m}${k}%{endfor}")~", "(tmpl (tfor k,v m (tmpl k)))"},
      {"a.b.c", "(. (. a b) c)"},
      {"a[0]", "([] a 0)"},
      {"a.0.b", "(. (.idx a 0) b)"},
      {R"~(a["k"][1])~", R"~(([] ([] a (tmpl "k")) 1))~"},
      {"a[*].b[0]", "(splat[*] a ([] (. @ b) 0))"},
      {"a.*.b[0]", "([] (splat.* a (. @ b)) 0)"},
      {"a.*.b.0", "(splat.* a (.idx (. @ b) 0))"},
      {"f()", "(call f)"},
      {"f(1, a...)", "(call f 1 a ...)"},
      {"f(\n1,\n2,\n)", "(call f 1 2)"},
      {"[1, [2], {}]", "(tuple 1 (tuple 2) (object))"},
      {R"~({a = 1, "b": 2, (c) = 3, null = 4})~",
       R"~((object [a 1] [(tmpl "b") 2] [(paren c) 3] [null 4]))~"},
      {"{\n a = 1\n b = 2\n}", "(object [a 1] [b 2])"},
      {"[for x in xs : f(x) if x > 1]", "(for[] ,x xs (call f x) if (> x 1))"},
      {"{for k, v in m : k => v... if v}", "(for{} k,v m k => v ... if v)"},
      {"!a && b || c", "(|| (&& (! a) b) c)"},
      {"a + b * c - d / e % f", "(- (+ a (* b c)) (% (/ d e) f))"},
      {"a < b == c >= d", "(== (< a b) (>= c d))"},
      {"a ? b : c ? d : e", "(? a b (? c d e))"},
      {"(a + b) * c", "(* (paren (+ a b)) c)"},
      {"-a.b", "(- (. a b))"},
      {"<<EOT\nx ${y}\nEOT", R"~((tmpl "x " y "\n"))~"},
  };
  for (const auto& [src, want] : cases) EXPECT_EQ(ParseDump(src), want) << src;
}

TEST(ParserTest, ExpressionErrors) {
  std::vector<std::pair<std::string, std::string>> cases = {
      {"1 +",
       "e.hcl:1:4: Missing expression: Expected the start of an expression, but found the end of "
       "the file."},
      {"a ? b", "Missing false expression in conditional"},
      {"(a", "Unbalanced parentheses"},
      {"f(1 2)", "Missing argument separator"},
      {"f(a..., b)", "Missing closing parenthesis"},
      {"[1 2]", "Missing item separator"},
      {"{a}", "Missing key/value separator"},
      {"{a, b = 1}", "Missing attribute value"},
      {"{a b}", "Missing key/value separator"},
      {"{a = 1 b = 2}", "Missing attribute separator"},
      {"a.", "Invalid attribute name"},
      {"a.0.1", "Invalid legacy index syntax"},
      {"a[1", "Missing close bracket on index"},
      {"[for x xs: x]", "For expression requires the 'in' keyword"},
      {"[for x in xs x]", "For expression requires a colon"},
      {"[for k, v in m: k => v]", "Key expression is not valid when building a tuple."},
      {"{for v in m: v}", "Key expression is required when building an object."},
      {"[for v in m: v...]", "Grouping ellipsis (...) cannot be used when building a tuple."},
      {R"~("\q")~",
       R"~(Invalid escape sequence: The symbol "q" is not a valid escape sequence selector.)~"},
      {R"~("\u12")~", "The \\u escape sequence must be followed by four hexadecimal digits."},
      {R"~("%{ endif }")~", R"~(Unexpected "endif" directive)~"},
      {R"~("%{ if x }a")~", R"~(There is no "endif" directive to close this "if" directive.)~"},
      {R"~("%{ bogus }")~", "Invalid template directive"},
      {R"~("${a b}")~", "Extra characters after interpolation expression"},
      {"a b", "Extra characters after expression"},
  };
  for (const auto& [src, want] : cases) EXPECT_THAT(ParseDump(src), HasSubstr(want)) << src;
}

TEST(ParserTest, BodyStructure) {
  Diagnostics d;
  auto file = ParseConfig("s.hcl",
                          "a = 1\n"
                          "table \"users\" {\n"
                          "  column \"id\" { type = int }\n"
                          "  index idx {\n"
                          "    columns = [column.id]\n"
                          "  }\n"
                          "}\n"
                          "empty {}\n"
                          "multi \"a\" b \"c\" {\n}\n",
                          &d);
  ASSERT_FALSE(d.HasErrors()) << d.ToString();
  const Body& body = file->body;
  ASSERT_EQ(body.attributes.size(), 1u);
  EXPECT_EQ(body.attributes[0].name, "a");
  ASSERT_EQ(body.blocks.size(), 3u);
  const BlockNode& table = body.blocks[0];
  EXPECT_EQ(table.type, "table");
  EXPECT_EQ(table.labels, std::vector<std::string>{"users"});
  ASSERT_EQ(table.body->blocks.size(), 2u);
  const BlockNode& column = table.body->blocks[0];
  EXPECT_EQ(column.labels, std::vector<std::string>{"id"});
  ASSERT_NE(column.body->Attr("type"), nullptr);
  EXPECT_EQ(Dump(*column.body->Attr("type")->expr), "int");
  EXPECT_EQ(table.body->blocks[1].labels, std::vector<std::string>{"idx"});
  EXPECT_TRUE(body.blocks[1].body->attributes.empty());
  EXPECT_EQ(body.blocks[2].labels, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(ParserTest, RangesAreRecorded) {
  Diagnostics d;
  auto file = ParseConfig("r.hcl", "x = 1\n\ntable \"t\" {\n  n = a.b\n}\n", &d);
  ASSERT_FALSE(d.HasErrors());
  const AttributeNode& x = file->body.attributes[0];
  EXPECT_EQ(x.range.ToString(), "r.hcl:1:1");
  EXPECT_EQ(x.range.end.column, 6);
  const BlockNode& t = file->body.blocks[0];
  EXPECT_EQ(t.range.filename, "r.hcl");
  EXPECT_EQ(t.range.start.line, 3);
  EXPECT_EQ(t.range.end.column, 10);  // end of the "t" label
  EXPECT_EQ(t.label_ranges[0].start.column, 7);
  const AttributeNode& n = t.body->attributes[0];
  EXPECT_EQ(n.expr->range.start.line, 4);
  EXPECT_EQ(n.expr->range.start.column, 7);
  EXPECT_EQ(n.expr->range.end.column, 10);
  EXPECT_EQ(n.expr->range.start.offset, 25);
  EXPECT_EQ(t.close_brace_range.start.line, 5);
}

TEST(ParserTest, CommentsAreIgnored) {
  Diagnostics d;
  auto file = ParseConfig("c.hcl",
                          "# top\n"
                          "a = 1 // trailing\n"
                          "/* block\n comment */ b = [1, # inside\n 2]\n",
                          &d);
  ASSERT_FALSE(d.HasErrors()) << d.ToString();
  ASSERT_EQ(file->body.attributes.size(), 2u);
  EXPECT_EQ(Dump(*file->body.attributes[1].expr), "(tuple 1 2)");
}

TEST(ParserTest, EveryErrorIsReportedAndParsingContinues) {
  Diagnostics d;
  auto file = ParseConfig("m.hcl",
                          "a = \n"
                          "b = 2\n"
                          "c = )\n"
                          "blk {\n"
                          "  d = [1 2]\n"
                          "  e = 3\n"
                          "}\n"
                          "f = 4\n",
                          &d);
  ASSERT_EQ(d.items().size(), 3u) << d.ToString();
  EXPECT_EQ(
      d.items()[0].ToString(),
      "m.hcl:1:5: Invalid expression: Expected the start of an expression, but found an invalid "
      "expression token.");
  EXPECT_EQ(d.items()[1].range.start.line, 3);
  EXPECT_EQ(d.items()[2].ToString(),
            "m.hcl:5:10: Missing item separator: Expected a comma to mark the beginning of the "
            "next item.");
  // The valid items around the broken ones are still there.
  ASSERT_NE(file->body.Attr("b"), nullptr);
  ASSERT_NE(file->body.Attr("f"), nullptr);
  ASSERT_EQ(file->body.blocks.size(), 1u);
  EXPECT_NE(file->body.blocks[0].body->Attr("e"), nullptr);
}

TEST(ParserTest, DuplicateAttributeIsReported) {
  Diagnostics d;
  ParseConfig("d.hcl", "a = 1\nb { x = 1 }\na = 2\n", &d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].ToString(),
            "d.hcl:3:1: Attribute redefined: The argument \"a\" was already set at d.hcl:1:1. Each "
            "argument "
            "may be set only once.");
}

TEST(ParserTest, DeepNestingIsAnErrorNotACrash) {
  std::string deep = "a = " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  auto r = Parse("deep.hcl", deep);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("Nesting too deep"));
  std::string unary = "a = " + std::string(100000, '!') + "true\n";
  EXPECT_THAT(Parse("deep.hcl", unary).status().message(), HasSubstr("Nesting too deep"));
  std::string shallow = "a = " + std::string(50, '[') + std::string(50, ']') + "\n";
  EXPECT_TRUE(Parse("ok.hcl", shallow).ok());
}

TEST(ParserTest, PublicParseReturnsParseStatus) {
  auto ok = Parse("ok.hcl", "a = 1\n");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->filename, "ok.hcl");
  ASSERT_NE(ok->ast, nullptr);
  auto bad = Parse("bad.hcl", "a = \nb = \n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Code::kParse);
  std::string msg = bad.status().message();
  EXPECT_EQ(std::count(msg.begin(), msg.end(), '\n'), 1);
  EXPECT_THAT(bad.status().message(), HasSubstr("bad.hcl:2:5: Invalid expression"));
}

}  // namespace
}  // namespace strata::hcl
