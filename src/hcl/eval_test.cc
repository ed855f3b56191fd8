// Expression evaluation: every expression form, operators, templates,
// symbolic references and calls, and evaluation errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hcl/test_util.h"

namespace strata::hcl {
namespace {

using testing::EvalExpr;
using testing::EvalToHCL;
using ::testing::HasSubstr;

struct Case {
  const char* expr;
  const char* want;  // HCL text of the result, or a substring of the error after "error: "
};

void Check(const Case& c, bool symbolic) {
  std::string got = EvalToHCL(c.expr, symbolic);
  std::string want = c.want;
  if (want.rfind("error: ", 0) == 0) {
    EXPECT_THAT(got, HasSubstr(want.substr(7))) << c.expr;
    EXPECT_EQ(got.rfind("error: ", 0), 0u) << c.expr;
  } else {
    EXPECT_EQ(got, want) << c.expr;
  }
}

void RunCases(const std::vector<Case>& cases, bool symbolic = true) {
  for (const auto& c : cases) Check(c, symbolic);
}

void PrintTo(const Case& c, std::ostream* os) { *os << c.expr; }

// One test per expression (symbolic mode, the default).
class EvalCase : public ::testing::TestWithParam<Case> {};
TEST_P(EvalCase, Evaluates) { Check(GetParam(), /*symbolic=*/true); }

const Case kLiterals[] = {
    {"1", "1"},
    {"1.5", "1.5"},
    {"1e3", "1000"},
    {"1.5e-3", "0.0015"},
    {"100000000000000000000", "100000000000000000000"},
    {"true", "true"},
    {"false", "false"},
    {"null", "null"},
    {R"~("a\tb\\c\"d")~", R"~("a\tb\\c\"d")~"},
    {R"~("\u00e9\U0001F600")~", "\"é😀\""},
    {R"~("$${x} %%{y}")~", R"~("$${x} %%{y}")~"},
};
INSTANTIATE_TEST_SUITE_P(Literals, EvalCase, ::testing::ValuesIn(kLiterals));

const Case kArithmeticAndPrecedence[] = {
    {"1 + 2 * 3", "7"},
    {"(1 + 2) * 3", "9"},
    {"10 / 4", "2.5"},
    {"10 / 5", "2"},
    {"7 % 3", "1"},
    {"-7 % 3", "-1"},
    {"2 - 5", "-3"},
    {"8 / 4 * 2", "4"},
    {"-(3)", "-3"},
    {"- 2 + 5", "3"},
    {"0.1 + 0.2", "0.30000000000000004"},
    {"9223372036854775807 + 1", "9223372036854775808"},
    {"100000000000000000000 * 1", "100000000000000000000"},
    {R"~("1" + 1)~", "2"},
    {"1 / 0", "error: can't divide by zero"},
    {R"~("a" + 1)~", "error: Invalid operand: Unsuitable value for left operand: number required."},
};
INSTANTIATE_TEST_SUITE_P(ArithmeticAndPrecedence, EvalCase,
                         ::testing::ValuesIn(kArithmeticAndPrecedence));

const Case kComparisonAndLogic[] = {
    {"1 < 2", "true"},
    {"2 <= 2", "true"},
    {"3 > 4", "false"},
    {"3 >= 4", "false"},
    {"1 == 1.0", "true"},
    {R"~(1 == "1")~", "false"},
    {R"~("a" != "b")~", "true"},
    {"[1, 2] == [1, 2]", "true"},
    {"{a = 1} == {a = 1}", "true"},
    {"null == null", "true"},
    {"!true", "false"},
    {"true && false", "false"},
    {"false || true", "true"},
    {"1 + 2 == 3 && !false", "true"},
    {"1 < 2 == true", "true"},
    {"false && (1 / 0 == 1)", "false"},
    {"true || nope()", "true"},
    {"1 && true", "error: Invalid operand"},
    {R"~("x" < 1)~", "error: Invalid operand"},
};
INSTANTIATE_TEST_SUITE_P(ComparisonAndLogic, EvalCase, ::testing::ValuesIn(kComparisonAndLogic));

const Case kConditional[] = {
    {R"~(true ? "a" : "b")~", R"~("a")~"},     {"false ? 1 : 2", "2"},
    {R"~(1 > 2 ? "x" : "y")~", R"~("y")~"},    {"true ? 1 : 1 / 0", "1"},
    {"null ? 1 : 2", "error: Null condition"}, {"1 ? 1 : 2", "error: Incorrect condition type"},
};
INSTANTIATE_TEST_SUITE_P(Conditional, EvalCase, ::testing::ValuesIn(kConditional));

const Case kTuplesAndObjects[] = {
    {R"~([1, "a", true])~", R"~([1, "a", true])~"},
    {"[1, 2,]", "[1, 2]"},
    {"[\n1,\n2\n]", "[1, 2]"},
    {"[]", "[]"},
    {R"~({a = 1, "b c" = 2, "d": 3})~", R"~({ a = 1, "b c" = 2, d = 3 })~"},
    {"{\n  a = 1\n  b = 2\n}", "{ a = 1, b = 2 }"},
    {"{a = 1, b = 2,}", "{ a = 1, b = 2 }"},
    {R"~({("k${1}") = 2})~", "{ k1 = 2 }"},
    {"{null = 1, true = 2}", R"~({ "null" = 1, "true" = 2 })~"},
    {"{a = 1, a = 2}", "{ a = 2 }"},
    {"{(null) = 1}", "error: Null value as key"},
    {"{([]) = 1}", "error: Incorrect key type"},
};
INSTANTIATE_TEST_SUITE_P(TuplesAndObjects, EvalCase, ::testing::ValuesIn(kTuplesAndObjects));

const Case kIndexAndAttributeAccess[] = {
    {"[1, 2, 3][1]", "2"},
    {R"~([1, 2, 3]["2"])~", "3"},
    {"{a = {b = [10, 20]}}.a.b[1]", "20"},
    {"{a = [5, 6]}.a.1", "6"},
    {R"~({a = 1}["a"])~", "1"},
    {"[1][5]", "error: Invalid index"},
    {"[1][-1]", "error: a negative number is not a valid index"},
    {"[1][0.5]", "error: a whole number is required"},
    {R"~({a = 1}["b"])~", "error: Invalid index"},
    {"{a = 1}.b", R"~(error: This object does not have an attribute named "b".)~"},
    {"null.a", "error: Attempt to get attribute from null value"},
    {"[{a = 1}].a", "error: Can't access attributes on a list of objects"},
    {R"~("s".a)~", "error: primitive-typed value (string)"},
    {"null[0]", "error: Attempt to index null value"},
    {R"~(toset(["a"])[0])~", "error: Elements of a set are identified only by their value"},
};
INSTANTIATE_TEST_SUITE_P(IndexAndAttributeAccess, EvalCase,
                         ::testing::ValuesIn(kIndexAndAttributeAccess));

const Case kSplats[] = {
    {"[{a = 1}, {a = 2}][*].a", "[1, 2]"},
    {"[{a = 1}, {a = 2}].*.a", "[1, 2]"},
    {"[{a = [1, 2]}, {a = [3, 4]}][*].a[0]", "[1, 3]"},
    {"[{a = [1, 2]}, {a = [3, 4]}].*.a[0]", "[1, 2]"},
    {"[{a = {b = 1}}].*.a.b", "[1]"},
    {"{a = 1}[*].a", "[1]"},
    {"null[*]", "[]"},
    {"[1, 2][*]", "[1, 2]"},
};
INSTANTIATE_TEST_SUITE_P(Splats, EvalCase, ::testing::ValuesIn(kSplats));

const Case kForExpressions[] = {
    {"[for x in [1, 2, 3] : x * 2]", "[2, 4, 6]"},
    {"[for x in [1, 2, 3]: x]", "[1, 2, 3]"},
    {R"~([for i, v in ["a", "b"] : i])~", "[0, 1]"},
    {R"~({for i, v in ["a", "b"] : v => i})~", "{ a = 0, b = 1 }"},
    {R"~({for i, v in ["a", "a", "b"] : v => i...})~", "{ a = [0, 1], b = [2] }"},
    {R"~([for i, v in ["a", "b", "c"] : v if i < 2])~", R"~(["a", "b"])~"},
    {"[for k, v in {b = 2, a = 1} : k]", R"~(["a", "b"])~"},
    {"[for v in {b = 2, a = 1} : v]", "[1, 2]"},
    {R"~([for s in toset(["b", "a"]) : upper(s)])~", R"~(["A", "B"])~"},
    {"[for x in [1, 2] : [for y in [10, 20] : x + y]]", "[[11, 21], [12, 22]]"},
    {"[\n  for x in [1]:\n  x\n]", "[1]"},
    {R"~({for i, v in ["a", "a"] : v => i})~", "error: Duplicate object key"},
    {"[for x in null : x]", "error: Iteration over null value"},
    {"[for x in 1 : x]", "error: Iteration over non-iterable value"},
    {"[for x in [1] : x if null]", "error: Invalid 'for' condition"},
};
INSTANTIATE_TEST_SUITE_P(ForExpressions, EvalCase, ::testing::ValuesIn(kForExpressions));

const Case kTemplates[] = {
    {R"~("x${1 + 1}y")~", R"~("x2y")~"},
    {R"~("${true}")~", "true"},
    {R"~("${[1, 2]}")~", "[1, 2]"},
    {R"~("a ${true}")~", R"~("a true")~"},
    {R"~("${""}${true}")~", R"~("true")~"},
    {R"~("%{ if true }yes%{ else }no%{ endif }")~", R"~("yes")~"},
    {R"~("%{ if false }yes%{ endif }")~", R"~("")~"},
    {R"~("%{ for x in [1, 2] }${x},%{ endfor }")~", R"~("1,2,")~"},
    {R"~("%{ for k, v in {a = 1} }${k}=${v}%{ endfor }")~", R"~("a=1")~"},
    {R"~("%{ for v in [true] }${v}%{ endfor }")~", R"~("true")~"},
    {R"~("hello ${~ "world" }")~", R"~("helloworld")~"},
    {R"~("%{ if true ~} hello %{~ endif }")~", R"~("hello")~"},
    {R"~("${"hello" ~}${" world"}")~", R"~("hello world")~"},
    {R"~("a ${null}")~", "error: The expression result is null"},
    {R"~("a ${[1]}")~", "error: Cannot include a value of type list in a string template"},
};
INSTANTIATE_TEST_SUITE_P(Templates, EvalCase, ::testing::ValuesIn(kTemplates));

const Case kHeredocs[] = {
    {"<<EOT\nhello\n  world\nEOT", R"~("hello\n  world\n")~"},
    {"<<EOT\n    Foo\n    Bar\n  EOT", R"~("    Foo\n    Bar\n")~"},
    {"<<-EOT\n    a\n      b\n    EOT", R"~("a\n  b\n")~"},
    {"<<-EOT\n    Foo\n  Bar\n    Baz\n  EOT", R"~("  Foo\nBar\n  Baz\n")~"},
    {"<<-EOT\n    Foo\n\n    Bar\n  EOT", R"~("Foo\n\nBar\n")~"},
    {"<<-EOT\n\tFoo\n  Bar\n  EOT", R"~("Foo\n Bar\n")~"},
    {"<<-EOT\n    Foo\n  ${\"x\"}\n    Baz\n  EOT", R"~("  Foo\nx\n  Baz\n")~"},
    {"<<EOT\nx=${1}\nEOT", R"~("x=1\n")~"},
    {"<<EOT\n\\n stays\nEOT", R"~("\\n stays\n")~"},
    {"<<EOT\nEOT", R"~("")~"},
};
INSTANTIATE_TEST_SUITE_P(Heredocs, EvalCase, ::testing::ValuesIn(kHeredocs));

const Case kFunctionCalls[] = {
    {"max([1, 5, 3]...)", "5"},
    {"max(1, [5, 3]...)", "5"},
    {"concat([1], [2])", "[1, 2]"},
    {"upper(\n  \"x\",\n)", R"~("X")~"},
    {"max(1...)", "error: Invalid expanding argument value"},
    {"upper()",
     R"~(error: Not enough function arguments: Function "upper" expects 1 argument(s).)~"},
    {R"~(upper("a", "b"))~", "error: Too many function arguments"},
    {"upper([])", R"~(error: Error in function call: Call to function "upper" failed:)~"},
};
INSTANTIATE_TEST_SUITE_P(FunctionCalls, EvalCase, ::testing::ValuesIn(kFunctionCalls));

const Case kTryAndCan[] = {
    {R"~(try(undefined_root.x + 1, "fallback"))~", R"~("fallback")~"},
    {"try(1, 2)", "1"},
    {R"~(try({a = 1}.b, {a = 1}.a))~", "1"},
    {R"~(can(1 + "a"))~", "false"},
    {"can(1)", "true"},
    {"try(1 / 0, 2 / 0)", "error: no expression succeeded"},
    {"try()", "error: Not enough function arguments"},
    {"can(1, 2)", "error: Too many function arguments"},
};
INSTANTIATE_TEST_SUITE_P(TryAndCan, EvalCase, ::testing::ValuesIn(kTryAndCan));

const Case kSymbolicReferencesAndCalls[] = {
    {"table.users.column.id", "table.users.column.id"},
    {"CASCADE", "CASCADE"},
    {"varchar(255)", "varchar(255)"},
    {R"~(enum("a", "b"))~", R"~(enum("a", "b"))~"},
    {R"~(decimal(10, 2))~", "decimal(10, 2)"},
    {R"~(x["y z"])~", R"~(x["y z"])~"},
    {"t.cols[0]", "t.cols[0]"},
    {R"~(sql("now()"))~", R"~(sql("now()"))~"},
    {"[column.a, column.b]", "[column.a, column.b]"},
    {"column.id + 1", "error: a reference (column.id) cannot be used with the \"+\" operator"},
    {"varchar(1) == 1", "error: a call of an unknown function (varchar(1))"},
    {"-column.id", "error: Invalid operand"},
    {R"~("${column.id}")~", "column.id"},
    {R"~("x${column.id}")~", "error: Cannot include a reference (column.id) in a string template"},
    {R"~(sql("now()") == "x")~", "error: a raw SQL expression"},
};
INSTANTIATE_TEST_SUITE_P(SymbolicReferencesAndCalls, EvalCase,
                         ::testing::ValuesIn(kSymbolicReferencesAndCalls));

TEST(EvalTest, SymbolicReferencesAndCallsDetails) {
  auto v = EvalExpr("table.users.column.id");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->kind(), Value::Kind::kRef);
  EXPECT_EQ(v->path(), (std::vector<std::string>{"table", "users", "column", "id"}));
  auto call = EvalExpr(R"~(enum("a", "b"))~");
  ASSERT_TRUE(call.ok());
  EXPECT_EQ(call->kind(), Value::Kind::kCall);
  EXPECT_EQ(call->str(), "enum");
  ASSERT_EQ(call->items().size(), 2u);
  EXPECT_EQ(call->items()[1].str(), "b");
  auto idx = EvalExpr("a.b[0]");
  ASSERT_TRUE(idx.ok());
  EXPECT_EQ(idx->path(), (std::vector<std::string>{"a", "b", "0"}));
}

TEST(EvalTest, NonSymbolicModeRejectsUnknownNames) {
  RunCases(
      {{"foo", R"~(error: Unknown variable: There is no variable named "foo".)~"},
       {"foo.bar", "error: Unknown variable"},
       {"nofn(1)", R"~(error: Call to unknown function: There is no function named "nofn".)~"}},
      /*symbolic=*/false);
}

TEST(EvalTest, ErrorsCarryPositions) {
  auto v = EvalExpr("[\n  1,\n  {a = 1}.b,\n]");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(
      v.status().message(),
      "expr.hcl:3:3: Unsupported attribute: This object does not have an attribute named \"b\".");
}

TEST(EvalTest, ApplyBinaryKeepsIntegerExactness) {
  SourceRange r;
  auto v = ApplyBinary(Operator::kMul, Value::NumberText("3037000499"),
                       Value::NumberText("3037000499"), r);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->number_text(), "9223372030926249001");
  auto neg = ApplyUnary(Operator::kNegate, Value::NumberText("100000000000000000000"), r);
  ASSERT_TRUE(neg.ok());
  EXPECT_EQ(neg->number_text(), "-100000000000000000000");
}

}  // namespace
}  // namespace strata::hcl
