// The standard library: at least one case per function, plus error cases.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "hcl/json.h"
#include "hcl/test_util.h"
#include "hcl/yaml.h"

namespace strata::hcl {
namespace {

using testing::EvalToHCL;
using ::testing::HasSubstr;

struct Case {
  const char* expr;
  const char* want;  // HCL text of the result, or "error: <substring>"
};

void Check(const Case& c) {
  std::string got = EvalToHCL(c.expr);
  std::string want = c.want;
  if (want.rfind("error: ", 0) == 0) {
    EXPECT_THAT(got, HasSubstr(want.substr(7))) << c.expr;
    EXPECT_EQ(got.rfind("error: ", 0), 0u) << c.expr;
  } else {
    EXPECT_EQ(got, want) << c.expr;
  }
}

void RunCases(const std::vector<Case>& cases) {
  for (const auto& c : cases) Check(c);
}

void PrintTo(const Case& c, std::ostream* os) { *os << c.expr; }

// One test per function call.
class StdlibCase : public ::testing::TestWithParam<Case> {};
TEST_P(StdlibCase, Evaluates) { Check(GetParam()); }

const Case kNumeric[] = {
    {"abs(-5)", "5"},
    {"abs(-1.5)", "1.5"},
    {"abs(3)", "3"},
    {"ceil(1.2)", "2"},
    {"ceil(5)", "5"},
    {"floor(-1.5)", "-2"},
    {"log(16, 2)", "4"},
    {"max(1, 5, 3)", "5"},
    {"min(2, -1)", "-1"},
    {"max()", "error: Not enough function arguments"},
    {R"~(parseint("ff", 16))~", "255"},
    {R"~(parseint("-101", 2))~", "-5"},
    {R"~(parseint("zz", 36))~", "1295"},
    {R"~(parseint("FF", 62))~", "2583"},
    {R"~(parseint("123456789012345678901234567890", 10))~", "123456789012345678901234567890"},
    {R"~(parseint("12", 2))~", R"~(error: cannot parse "12" as a base 2 integer)~"},
    {R"~(parseint("1", 1))~", "error: base must be a whole number between 2 and 62"},
    {"pow(2, 10)", "1024"},
    {"pow(4, 0.5)", "2"},
    {"signum(-3)", "-1"},
    {"signum(0)", "0"},
    {"signum(7.5)", "1"},
};
INSTANTIATE_TEST_SUITE_P(Numeric, StdlibCase, ::testing::ValuesIn(kNumeric));

const Case kStrings[] = {
    {R"~(chomp("a\n\r\n"))~", R"~("a")~"},
    {R"~(endswith("hello", "lo"))~", "true"},
    {R"~(startswith("hello", "he"))~", "true"},
    {R"~(startswith("hello", "lo"))~", "false"},
    {R"~(indent(2, "a\nb\n"))~", R"~("a\n  b\n  ")~"},
    {R"~(join(",", ["a", "b"], ["c"]))~", R"~("a,b,c")~"},
    {R"~(join("-", [1, true]))~", R"~("1-true")~"},
    {R"~(join(",", [null]))~", "error: element 0 is null"},
    {R"~(lower("ÀBC"))~", R"~("àbc")~"},
    {R"~(upper("straße é"))~", R"~("STRAßE É")~"},
    {R"~(replace("hello", "l", "L"))~", R"~("heLLo")~"},
    {R"~(replace("a1b22", "/\\d+/", "#"))~", R"~("a#b#")~"},
    {R"~(split(",", "a,b,,c"))~", R"~(["a", "b", "", "c"])~"},
    {R"~(split(",", ""))~", R"~([""])~"},
    {R"~(strrev("abé"))~", R"~("éba")~"},
    {R"~(substr("hello world", 1, 4))~", R"~("ello")~"},
    {R"~(substr("hello", -3, -1))~", R"~("llo")~"},
    {R"~(substr("héllo", 1, 1))~", R"~("é")~"},
    {R"~(substr("abc", 5, 1))~", R"~("")~"},
    {R"~(title("hello world-wide"))~", R"~("Hello World-Wide")~"},
    {R"~(trim("?!hello?!", "!?"))~", R"~("hello")~"},
    {R"~(trimprefix("helloworld", "hello"))~", R"~("world")~"},
    {R"~(trimprefix("helloworld", "x"))~", R"~("helloworld")~"},
    {R"~(trimsuffix("helloworld", "world"))~", R"~("hello")~"},
    {R"~(trimspace("  a b \n"))~", R"~("a b")~"},
    {R"~(upper("abc"))~", R"~("ABC")~"},
};
INSTANTIATE_TEST_SUITE_P(Strings, StdlibCase, ::testing::ValuesIn(kStrings));

TEST(StdlibTest, UpperHandlesSharpS) {
  // ß has no single-rune upper case; it stays as is (like Go's ToUpper).
  EXPECT_EQ(EvalToHCL(R"~(upper("ß"))~"), "\"ß\"");
}

const Case kFormat[] = {
    {R"~(format("%s-%03d-%.2f-%v-%q-%%", "a", 7, 3.14159, [1], "x"))~",
     R"~("a-007-3.14-[1]-\"x\"-%")~"},
    {R"~(format("%t %x %X %o %b", true, 255, 255, 8, 5))~", R"~("true ff FF 10 101")~"},
    {R"~(format("%-5s|%5s|", "ab", "cd"))~", R"~("ab   |   cd|")~"},
    {R"~(format("%+d % d %d", 5, 5, -5))~", R"~("+5  5 -5")~"},
    {R"~(format("%[2]s %[1]s", "a", "b"))~", R"~("b a")~"},
    {R"~(format("%v %v %#v", "s", 1.5, "s"))~", R"~("s 1.5 \"s\"")~"},
    {R"~(format("%v", {b = 1, a = "x"}))~", R"~("{\"a\":\"x\",\"b\":1}")~"},
    {R"~(format("%.3s", "abcdef"))~", R"~("abc")~"},
    {R"~(format("%e", 1500))~", R"~("1.500000e+03")~"},
    {R"~(format("%g", 0.5))~", R"~("0.5")~"},
    {R"~(format("%v", null))~", R"~("null")~"},
    {R"~(format("%d", "x"))~", R"~(error: unsupported value for "%d" at 0: number required)~"},
    {R"~(format("%d", 1.5))~", "error: value must be a whole number"},
    {R"~(format("%s"))~",
     R"~(error: not enough arguments for "%s" at 0: need index 1 but have 0 total)~"},
    {R"~(format("x", 1))~", "error: too many arguments; only 0 used by format string"},
    {R"~(format("%y", 1))~", "error: unrecognized format character 'y'"},
    {R"~(format("%s", null))~", "error: null value cannot be formatted"},
    {R"~(formatlist("%s=%d", ["a", "b"], [1, 2]))~", R"~(["a=1", "b=2"])~"},
    {R"~(formatlist("x%s", "y"))~", R"~(["xy"])~"},
    {R"~(formatlist("%s%s", ["a"], ["b", "c"]))~",
     "error: argument 2 has length 2, which is inconsistent with argument 1 of length 1"},
};
INSTANTIATE_TEST_SUITE_P(Format, StdlibCase, ::testing::ValuesIn(kFormat));

const Case kCollections[] = {
    {R"~(alltrue([true, "true"]))~", "true"},
    {"alltrue([true, false])", "false"},
    {"alltrue([])", "true"},
    {"anytrue([false, true])", "true"},
    {"chunklist([1, 2, 3], 2)", "[[1, 2], [3]]"},
    {"chunklist([1, 2], 0)", "[[1, 2]]"},
    {R"~(coalesce("", null, "b"))~", R"~("b")~"},
    {"coalescelist([], [1], [2])", "[1]"},
    {R"~(compact(["a", "", null, "b"]))~", R"~(["a", "b"])~"},
    {"concat([1], [2, 3])", "[1, 2, 3]"},
    {R"~(contains(["a"], "a"))~", "true"},
    {"contains([1], 2)", "false"},
    {"distinct([1, 2, 1, 3, 2])", "[1, 2, 3]"},
    {R"~(element(["a", "b"], 3))~", R"~("b")~"},
    {"element([], 0)", "error: cannot use element function with an empty list"},
    {"empty([])", "true"},
    {R"~(empty("x"))~", "false"},
    {"empty({})", "true"},
    {"flatten([[1, [2]], 3, []])", "[1, 2, 3]"},
    {R"~(index(["a", "b"], "b"))~", "1"},
    {R"~(index(["a"], "z"))~", "error: item not found"},
    {"keys({b = 1, a = 2})", R"~(["a", "b"])~"},
    {"values({b = 1, a = 2})", "[2, 1]"},
    {R"~(length("héllo"))~", "5"},
    {"length([1, 2])", "2"},
    {"length({a = 1})", "1"},
    {"length(null)", "error: argument must not be null"},
    {R"~(lookup({a = 1}, "a"))~", "1"},
    {R"~(lookup({a = 1}, "b", 0))~", "0"},
    {"merge({a = 1, b = 2}, {b = 3, c = 4})", "{ a = 1, b = 3, c = 4 }"},
    {"merge({a = 1}, null)", "{ a = 1 }"},
    {"range(3)", "[0, 1, 2]"},
    {"range(1, 4)", "[1, 2, 3]"},
    {"range(5, 0, -2)", "[5, 3, 1]"},
    {"range(0, 1, 0.25)", "[0, 0.25, 0.5, 0.75]"},
    {"range(3, 1)", "[3, 2]"},
    {"range(0, 1, 0)", "error: step must not be zero"},
    {"range(0, 2000)", "error: more than 1024 values"},
    {"reverse([1, 2, 3])", "[3, 2, 1]"},
    {R"~(slice(["a", "b", "c"], 1, 3))~", R"~(["b", "c"])~"},
    {"slice([1], 0, 2)", "error: the ending index must not exceed the list length"},
    {R"~(sort(["b", "a", "c"]))~", R"~(["a", "b", "c"])~"},
    {"sort([10, 9])", R"~(["10", "9"])~"},
    {R"~(zipmap(["a", "b"], [1, 2]))~", "{ a = 1, b = 2 }"},
    {R"~(zipmap(["a"], []))~", "error: number of keys (1) does not match number of values (0)"},
};
INSTANTIATE_TEST_SUITE_P(Collections, StdlibCase, ::testing::ValuesIn(kCollections));

const Case kSets[] = {
    {R"~(setintersection(["a", "b"], ["b", "c"]))~", R"~(["b"])~"},
    {R"~(setproduct(["a", "b"], ["1", "2"]))~",
     R"~([["a", "1"], ["a", "2"], ["b", "1"], ["b", "2"]])~"},
    {R"~(setsubtract(["a", "b"], ["b"]))~", R"~(["a"])~"},
    {R"~(setunion(["b"], ["a", "b"]))~", R"~(["a", "b"])~"},
    {R"~(setproduct(["a"]))~", "error: Not enough function arguments"},
};
INSTANTIATE_TEST_SUITE_P(Sets, StdlibCase, ::testing::ValuesIn(kSets));

TEST(StdlibTest, SetsDetails) {
  auto v = testing::EvalExpr(R"~(setunion(["b"], ["a"]))~");
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->is_set());
}

const Case kConversions[] = {
    {R"~(tobool("true"))~", "true"},
    {"tobool(null)", "null"},
    {R"~(tobool("x"))~",
     R"~(error: cannot convert "x" to bool; only the strings "true" or "false" are allowed)~"},
    {R"~(tolist(["a", 1]))~", R"~(["a", "1"])~"},
    {"tolist([1, 2])", "[1, 2]"},
    {R"~(tolist("x"))~", "error: cannot convert string to list of any single type"},
    {R"~(toset(["b", "a", "b"]))~", R"~(["a", "b"])~"},
    {"toset([3, 1, 2])", "[1, 2, 3]"},
    {R"~(tonumber("1.50"))~", "1.5"},
    {R"~(tonumber("x"))~", R"~(error: cannot convert "x" to number)~"},
    {"tostring(5)", R"~("5")~"},
    {"tostring(true)", R"~("true")~"},
    {"tostring([])", "error: cannot convert list to string"},
    {"tomap({a = 1})", "{ a = 1 }"},
};
INSTANTIATE_TEST_SUITE_P(Conversions, StdlibCase, ::testing::ValuesIn(kConversions));

const Case kRegex[] = {
    {R"~(regex("[a-z]+", "53abc12"))~", R"~("abc")~"},
    {R"~(regex("(\\d+)-(\\d+)", "10-20"))~", R"~(["10", "20"])~"},
    {R"~(regex("(?P<year>\\d{4})-(?P<month>\\d{2})", "2024-05"))~",
     R"~({ month = "05", year = "2024" })~"},
    {R"~(regex("(?i)ABC", "xabcx"))~", R"~("abc")~"},
    {R"~(regex("\\Aab", "abc"))~", R"~("ab")~"},
    {R"~(regex("x", "abc"))~", "error: pattern did not match any part of the given string"},
    {R"~(regex("(", "abc"))~", "error: invalid regular expression"},
    {R"~(regexall("\\d", "a1b2"))~", R"~(["1", "2"])~"},
    {R"~(regexall("(\\w)=(\\d)", "a=1 b=2"))~", R"~([["a", "1"], ["b", "2"]])~"},
    {R"~(regexall("z", "abc"))~", "[]"},
    {R"~(regexpescape("a.b*c"))~", R"~("a\\.b\\*c")~"},
    {R"~(regexreplace("hello world", "o", "0"))~", R"~("hell0 w0rld")~"},
    {R"~(regexreplace("2024-05", "(\\d+)-(\\d+)", "$2/$1"))~", R"~("05/2024")~"},
    {R"~(regexreplace("ab", "(?P<x>a)", "[$${x}]"))~", R"~("[a]b")~"},
    {R"~(regexreplace("a$b", "\\$", "$$"))~", R"~("a$b")~"},
};
INSTANTIATE_TEST_SUITE_P(Regex, StdlibCase, ::testing::ValuesIn(kRegex));

const Case kEncoding[] = {
    {R"~(jsondecode("{\"b\": [1, 2.5, true, null], \"a\": \"x\"}"))~",
     R"~({ a = "x", b = [1, 2.5, true, null] })~"},
    {R"~(jsondecode("\"\\u00e9\\ud83d\\ude00\""))~", "\"é😀\""},
    {R"~(jsondecode("[1,"))~", "error: unexpected end of JSON input"},
    {R"~(jsondecode("{} x"))~", "error: invalid character after top-level value"},
    {R"~(jsonencode({b = [1, "<x>"], a = null}))~",
     R"~("{\"a\":null,\"b\":[1,\"\\u003cx\\u003e\"]}")~"},
    {R"~(jsonencode("a\nb"))~", R"~("\"a\\nb\"")~"},
    {"jsonencode(column.id)", "error: cannot be encoded as JSON"},
    {R"~(csvdecode("a,b\n1,2\n3,\"x,\"\"y\"\"\"\n"))~",
     R"~([{ a = "1", b = "2" }, { a = "3", b = "x,\"y\"" }])~"},
    {R"~(csvdecode("a,b\n1\n"))~", "error: record on line 2: wrong number of fields"},
    {R"~(csvdecode(""))~", "error: missing header line"},
    {R"~(yamldecode("a: 1\nb:\n  - x\n  - y\n"))~", R"~({ a = 1, b = ["x", "y"] })~"},
    {R"~(yamlencode({a = 1, b = ["x"]}))~", R"~("\"a\": 1\n\"b\":\n- \"x\"\n")~"},
    {R"~(yamlmerge("a: 1\nb:\n  c: 2\n", "b:\n  d: 3\n"))~",
     R"~("\"a\": 1\n\"b\":\n  \"c\": 2\n  \"d\": 3\n")~"},
    {R"~(urlescape("a b&c/d"))~", R"~("a+b%26c%2Fd")~"},
    {R"~(urluserinfo("postgres://localhost:5432/db", "user", "p@ss"))~",
     R"~("postgres://user:p%40ss@localhost:5432/db")~"},
    {R"~(urluserinfo("postgres://old:pw@localhost/db", "new"))~",
     R"~("postgres://new@localhost/db")~"},
    {R"~(urlqueryset("mysql://root@localhost/db?b=2&a=1", "c", "x y"))~",
     R"~("mysql://root@localhost/db?a=1&b=2&c=x+y")~"},
    {R"~(urlqueryset("sqlite://file.db?mode=ro", "mode", "rw"))~",
     R"~("sqlite://file.db?mode=rw")~"},
    {R"~(urlsetpath("postgres://localhost:5432/db?sslmode=disable", "other db"))~",
     R"~("postgres://localhost:5432/other%20db?sslmode=disable")~"},
};
INSTANTIATE_TEST_SUITE_P(Encoding, StdlibCase, ::testing::ValuesIn(kEncoding));

const Case kTime[] = {
    {R"~(formatdate("DD MMM YYYY hh:mm ZZZ", "2018-01-02T23:12:01Z"))~",
     R"~("02 Jan 2018 23:12 UTC")~"},
    {R"~(formatdate("EEEE, DD-MMM-YY hh:mm:ss ZZZ", "2018-01-02T23:12:01Z"))~",
     R"~("Tuesday, 02-Jan-18 23:12:01 UTC")~"},
    {R"~(formatdate("EEE, DD MMM YYYY hh:mm:ss ZZZ", "2018-01-02T23:12:01-08:00"))~",
     R"~("Tue, 02 Jan 2018 23:12:01 -0800")~"},
    {R"~(formatdate("MMM DD, YYYY", "2018-01-02T23:12:01Z"))~", R"~("Jan 02, 2018")~"},
    {R"~(formatdate("HH:mmaa", "2018-01-02T23:12:01Z"))~", R"~("11:12pm")~"},
    {R"~(formatdate("M/D h 'o''clock' ZZZZZ", "2024-03-05T07:00:00+05:30"))~",
     R"~("3/5 7 o'clock +05:30")~"},
    {R"~(formatdate("YYYY", "2018-01-02"))~", "error: not a valid RFC3339 timestamp"},
    {R"~(formatdate("Q", "2018-01-02T23:12:01Z"))~", "error: invalid date format verb"},
    {R"~(timeadd("2017-11-22T00:00:00Z", "10m"))~", R"~("2017-11-22T00:10:00Z")~"},
    {R"~(timeadd("2017-11-22T00:00:00-05:00", "-1h30m"))~", R"~("2017-11-21T22:30:00-05:00")~"},
    {R"~(timeadd("2024-02-28T23:59:59Z", "1.5s"))~", R"~("2024-02-29T00:00:00Z")~"},
    {R"~(timeadd("2017-11-22T00:00:00Z", "10x"))~", R"~(error: time: unknown unit "x")~"},
};
INSTANTIATE_TEST_SUITE_P(Time, StdlibCase, ::testing::ValuesIn(kTime));

const Case kMiscellaneousAndSql[] = {
    {R"~(sql("now()"))~", R"~(sql("now()"))~"},
    {R"~(sql(""))~", "error: empty expression"},
    {R"~(print("printed"))~", R"~("printed")~"},
};
INSTANTIATE_TEST_SUITE_P(MiscellaneousAndSql, StdlibCase,
                         ::testing::ValuesIn(kMiscellaneousAndSql));

TEST(StdlibTest, FileFunctions) {
  setenv("STRATA_HCL_TEST_ENV", "from-env", 1);
  RunCases({
      {R"~(file("funcs/hello.txt"))~", R"~("hello from a file\n")~"},
      {R"~(file("funcs/missing.txt"))~", "error: No such file or directory"},
      {R"~(getenv("STRATA_HCL_TEST_ENV"))~", R"~("from-env")~"},
      {R"~(getenv("STRATA_HCL_SURELY_UNSET"))~", R"~("")~"},
  });
}

TEST(StdlibTest, FilesetAndGlobMatchPatterns) {
  std::string dir = testing::TestDataDir();
  auto files = testing::EvalExpr(R"~(fileset("funcs/**/*.{txt,sql}"))~");
  ASSERT_TRUE(files.ok()) << files.status().message();
  ASSERT_EQ(files->items().size(), 3u);
  EXPECT_EQ(files->items()[0].str(), dir + "/funcs/hello.txt");
  EXPECT_EQ(files->items()[1].str(), dir + "/funcs/nested/b.sql");
  EXPECT_EQ(files->items()[2].str(), dir + "/funcs/other.txt");
  auto dirs = testing::EvalExpr(R"~(glob("funcs/*"))~");
  ASSERT_TRUE(dirs.ok());
  EXPECT_EQ(dirs->items().size(), 3u);  // hello.txt, nested, other.txt
  auto none = testing::EvalExpr(R"~(fileset("funcs/*.nope"))~");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->items().empty());
}

TEST(YamlTest, DecodesCommonShapes) {
  auto v = YamlDecode(
      "# comment\n"
      "---\n"
      "name: app   # trailing\n"
      "quoted: \"a: b\"\n"
      "single: 'it''s'\n"
      "flow: [1, two, {k: v}]\n"
      "empty:\n"
      "nested:\n"
      "  list:\n"
      "  - a: 1\n"
      "    b: true\n"
      "  - - x\n"
      "    - 0x1F\n"
      "literal: |\n"
      "  line 1\n"
      "  line 2\n"
      "folded: >-\n"
      "  a\n"
      "  b\n");
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(
      v->ToHCL(),
      R"~({ empty = null, flow = [1, "two", { k = "v" }], folded = "a b", literal = "line 1\nline 2\n", )~"
      R"~(name = "app", nested = { list = [{ a = 1, b = true }, ["x", 31]] }, quoted = "a: b", single = "it's" })~");
}

TEST(YamlTest, RejectsUnsupportedFeatures) {
  EXPECT_THAT(YamlDecode("a: &x 1\n").status().message(), HasSubstr("anchors"));
  EXPECT_THAT(YamlDecode("a: 1\n---\nb: 2\n").status().message(),
              HasSubstr("multiple YAML documents"));
}

TEST(YamlTest, EncodeRoundTrips) {
  Value v = Value::Object(
      {{"list", Value::List({Value::Object({{"x", Value::Number(1)}, {"y", Value::String("a\nb")}}),
                             Value::List({Value::Bool(true)})})},
       {"empty", Value::List({})},
       {"none", Value()}});
  auto text = YamlEncode(v);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text,
            "\"empty\": []\n"
            "\"list\":\n"
            "- \"x\": 1\n"
            "  \"y\": \"a\\nb\"\n"
            "- - true\n"
            "\"none\": null\n");
  auto back = YamlDecode(*text);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(*back, v);
}

TEST(JsonTest, RoundTrip) {
  Value v = Value::Object({{"s", Value::String("q\"\\\t\x01")},
                           {"n", Value::NumberText("12345678901234567890")},
                           {"l", Value::List({Value::Bool(false), Value()})}});
  auto text = JsonEncode(v);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, R"~({"l":[false,null],"n":12345678901234567890,"s":"q\"\\\t\u0001"})~");
  auto back = JsonDecode(*text);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, v);
}

}  // namespace
}  // namespace strata::hcl
