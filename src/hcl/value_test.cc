#include <gtest/gtest.h>

#include "hcl/hcl.h"
#include "hcl/number.h"

namespace strata::hcl {
namespace {

TEST(ValueTest, NumberTextIsCanonicalAndExact) {
  EXPECT_EQ(Value::NumberText("1").number_text(), "1");
  EXPECT_EQ(Value::NumberText("1.50").number_text(), "1.5");
  EXPECT_EQ(Value::NumberText("1e3").number_text(), "1000");
  EXPECT_EQ(Value::NumberText("-0").number_text(), "0");
  EXPECT_EQ(Value::NumberText("0.00120").number_text(), "0.0012");
  EXPECT_EQ(Value::NumberText("100000000000000000000").number_text(), "100000000000000000000");
  EXPECT_DOUBLE_EQ(Value::NumberText("2.5").number(), 2.5);
}

TEST(ValueTest, DoublesPrintLikeCty) {
  EXPECT_EQ(Value::Number(3.0).number_text(), "3");
  EXPECT_EQ(Value::Number(0.1).number_text(), "0.1");
  EXPECT_EQ(Value::Number(-2.5).number_text(), "-2.5");
  EXPECT_EQ(Value::Number(1e21).number_text(), "1000000000000000000000");
  EXPECT_EQ(Value::Number(9223372036854775808.0).number_text(), "9223372036854775808");
}

TEST(ValueTest, CanonicalNumberTextRejectsGarbage) {
  EXPECT_FALSE(CanonicalNumberText("abc").has_value());
  EXPECT_FALSE(CanonicalNumberText("1e").has_value());
  EXPECT_FALSE(CanonicalNumberText("").has_value());
  EXPECT_EQ(*CanonicalNumberText("+12.0"), "12");
}

TEST(ValueTest, CompareNumbersIsExactForBigIntegers) {
  Value a = Value::NumberText("100000000000000000001");
  Value b = Value::NumberText("100000000000000000000");
  EXPECT_EQ(CompareNumbers(a, b), 1);
  EXPECT_EQ(CompareNumbers(b, a), -1);
  EXPECT_EQ(CompareNumbers(Value::NumberText("-5"), Value::NumberText("3")), -1);
  EXPECT_EQ(CompareNumbers(Value::NumberText("1.5"), Value::NumberText("1.50")), 0);
}

TEST(ValueTest, Equality) {
  EXPECT_EQ(Value::NumberText("1.0"), Value::Number(1));
  EXPECT_FALSE(Value::Number(1) == Value::String("1"));
  EXPECT_EQ(Value::Object({{"a", Value::Number(1)}, {"b", Value::Bool(true)}}),
            Value::Object({{"b", Value::Bool(true)}, {"a", Value::Number(1)}}));
  EXPECT_FALSE(Value::List({Value::Number(1), Value::Number(2)}) ==
               Value::List({Value::Number(2), Value::Number(1)}));
  EXPECT_EQ(Value::List({Value::Number(1), Value::Number(2)}, true),
            Value::List({Value::Number(2), Value::Number(1)}, true));
  EXPECT_FALSE(Value::List({}, true) == Value::List({}));
  EXPECT_EQ(Value::Ref({"a", "b"}), Value::Ref({"a", "b"}));
  EXPECT_FALSE(Value::Ref({"a"}) == Value::String("a"));
  EXPECT_EQ(Value::Call("f", {Value::Number(1)}), Value::Call("f", {Value::Number(1)}));
  EXPECT_FALSE(Value::RawSQL("x") == Value::String("x"));
  EXPECT_EQ(Value(), Value::Null());
}

TEST(ValueTest, ToHCL) {
  std::vector<std::pair<Value, std::string>> cases = {
      {Value(), "null"},
      {Value::Bool(false), "false"},
      {Value::NumberText("12.50"), "12.5"},
      {Value::String("a\"b\n${x}"), R"~("a\"b\n$${x}")~"},
      {Value::List({Value::Number(1), Value::String("x")}), R"~([1, "x"])~"},
      {Value::Object({}), "{}"},
      {Value::Object({{"a", Value::Number(1)}, {"b c", Value::Bool(true)}}),
       R"~({ a = 1, "b c" = true })~"},
      {Value::Ref({"table", "users", "column", "id"}), "table.users.column.id"},
      {Value::Ref({"x", "0", "a b"}), R"~(x[0]["a b"])~"},
      {Value::Call("varchar", {Value::Number(255)}), "varchar(255)"},
      {Value::RawSQL("now()"), R"~(sql("now()"))~"},
  };
  for (const auto& [v, want] : cases) EXPECT_EQ(v.ToHCL(), want);
}

TEST(ValueTest, TypeNamesAndField) {
  EXPECT_EQ(Value::List({}, true).TypeName(), "set");
  EXPECT_EQ(Value::Ref({"a"}).TypeName(), "reference");
  Value o = Value::Object({{"k", Value::String("v")}});
  ASSERT_NE(o.Field("k"), nullptr);
  EXPECT_EQ(o.Field("k")->str(), "v");
  EXPECT_EQ(o.Field("missing"), nullptr);
  EXPECT_EQ(Value::String("x").Field("k"), nullptr);
}

TEST(QuoteTest, EscapesSpecialSequences) {
  EXPECT_EQ(Quote("plain"), "\"plain\"");
  EXPECT_EQ(Quote("a\\b\"c"), R"~("a\\b\"c")~");
  EXPECT_EQ(Quote("\t\r\n"), R"~("\t\r\n")~");
  EXPECT_EQ(Quote("${a} %{b} $c %d"), R"~("$${a} %%{b} $c %d")~");
  EXPECT_EQ(Quote(std::string("\x01", 1)), R"~("\u0001")~");
  EXPECT_EQ(Quote("é"), "\"é\"");
}

TEST(QuoteTest, IsIdentifier) {
  EXPECT_TRUE(IsIdentifier("users"));
  EXPECT_TRUE(IsIdentifier("_x-1"));
  EXPECT_TRUE(IsIdentifier("ünïcode"));
  EXPECT_FALSE(IsIdentifier(""));
  EXPECT_FALSE(IsIdentifier("1abc"));
  EXPECT_FALSE(IsIdentifier("a b"));
  EXPECT_FALSE(IsIdentifier("a.b"));
  EXPECT_FALSE(IsIdentifier("null"));
  EXPECT_FALSE(IsIdentifier("true"));
}

}  // namespace
}  // namespace strata::hcl
