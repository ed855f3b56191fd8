// Document evaluation: variables, locals, for_each, symbolic values,
// multiple files, options, and collected errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hcl/hcl.h"

namespace strata::hcl {
namespace {

using ::testing::HasSubstr;

Result<Document> Eval(const std::string& src, const EvalOptions& opts = {}) {
  return ParseAndEvaluate({{"main.hcl", src}}, opts);
}

const Attribute& AttrOf(const Block& b, const std::string& name) {
  const Attribute* a = b.Attr(name);
  EXPECT_NE(a, nullptr) << name;
  static const Attribute kEmpty;
  return a != nullptr ? *a : kEmpty;
}

TEST(DocumentTest, BlocksAndAttributesInSourceOrder) {
  auto doc = Eval(
      "schema \"public\" {}\n"
      "table \"users\" {\n"
      "  schema = schema.public\n"
      "  column \"id\" {\n"
      "    type = int\n"
      "    null = false\n"
      "  }\n"
      "  column \"name\" { type = varchar(255) }\n"
      "  primary_key { columns = [column.id] }\n"
      "  foreign_key \"fk\" {\n"
      "    ref_columns = [table.orgs.column.id]\n"
      "    on_delete   = CASCADE\n"
      "  }\n"
      "}\n");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->blocks.size(), 2u);
  const Block& t = doc->blocks[1];
  EXPECT_EQ(t.type, "table");
  EXPECT_EQ(t.labels[0], "users");
  EXPECT_EQ(AttrOf(t, "schema").value, Value::Ref({"schema", "public"}));
  auto cols = t.Children("column");
  ASSERT_EQ(cols.size(), 2u);
  EXPECT_EQ(AttrOf(*cols[0], "type").value, Value::Ref({"int"}));
  EXPECT_EQ(AttrOf(*cols[0], "null").value, Value::Bool(false));
  EXPECT_EQ(AttrOf(*cols[1], "type").value, Value::Call("varchar", {Value::Number(255)}));
  EXPECT_EQ(AttrOf(*t.Children("primary_key")[0], "columns").value.ToHCL(), "[column.id]");
  const Block& fk = *t.Children("foreign_key")[0];
  EXPECT_EQ(AttrOf(fk, "ref_columns").value.items()[0].path(),
            (std::vector<std::string>{"table", "orgs", "column", "id"}));
  EXPECT_EQ(AttrOf(fk, "on_delete").value, Value::Ref({"CASCADE"}));
}

TEST(DocumentTest, RangesArePreserved) {
  auto doc = Eval("a = 1\ntable \"t\" {\n  x = \"v\"\n}\n");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->attributes[0].range.ToString(), "main.hcl:1:1");
  EXPECT_EQ(doc->blocks[0].range.ToString(), "main.hcl:2:1");
  const Attribute& x = doc->blocks[0].attributes[0];
  EXPECT_EQ(x.range.ToString(), "main.hcl:3:3");
  EXPECT_EQ(x.value_range.ToString(), "main.hcl:3:7");
  EXPECT_EQ(x.value_range.end.column, 10);
}

TEST(DocumentTest, VariablesWithDefaultsAndInputs) {
  EvalOptions opts;
  opts.inputs["name"] = Value::String("prod");
  opts.inputs["port"] = Value::String("5432");
  opts.inputs["flags"] = Value::String("on");
  opts.inputs["enabled"] = Value::String("true");
  auto doc = Eval(
      "variable \"name\" {\n  type = string\n}\n"
      "variable \"port\" {\n  type = number\n}\n"
      "variable \"flags\" {\n  type = list(string)\n}\n"
      "variable \"enabled\" {\n  type = bool\n  description = \"toggle\"\n}\n"
      "variable \"tenant\" {\n  type    = string\n  default = \"acme\"\n}\n"
      "variable \"tags\" {\n  type    = map(string)\n  default = { a = 1 }\n}\n"
      "variable \"anything\" {\n  default = [1, \"x\"]\n}\n"
      "out = [var.name, var.port + 1, var.flags, var.enabled, var.tenant, var.tags, "
      "var.anything]\n",
      opts);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->blocks.size(), 0u);  // variable blocks are consumed
  EXPECT_EQ(doc->attributes[0].value.ToHCL(),
            R"~(["prod", 5433, ["on"], true, "acme", { a = "1" }, [1, "x"]])~");
}

TEST(DocumentTest, VariableTypeConversionOfStructuredInputs) {
  EvalOptions opts;
  opts.inputs["ids"] = Value::List({Value::String("1"), Value::String("2")});
  opts.inputs["obj"] = Value::Object({{"a", Value::String("1")}, {"extra", Value::Bool(true)}});
  auto doc = Eval(
      "variable \"ids\" {\n  type = set(number)\n}\n"
      "variable \"obj\" {\n  type = object({ a = number, b = string })\n  default = null\n}\n"
      "variable \"pair\" {\n  type = tuple([string, number])\n  default = [1, \"2\"]\n}\n"
      "ids = var.ids\npair = var.pair\n",
      opts);
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("variable \"obj\": attribute \"b\" is required"));
  opts.inputs["obj"] = Value::Object({{"a", Value::String("1")}, {"b", Value::Number(2)}});
  doc = Eval(
      "variable \"ids\" {\n  type = set(number)\n}\n"
      "variable \"obj\" {\n  type = object({ a = number, b = string })\n}\n"
      "variable \"pair\" {\n  type = tuple([string, number])\n  default = [1, \"2\"]\n}\n"
      "out = [var.ids, var.obj, var.pair]\n",
      opts);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->attributes[0].value.ToHCL(), R"~([[1, 2], { a = 1, b = "2" }, ["1", 2]])~");
  EXPECT_TRUE(doc->attributes[0].value.items()[0].is_set());
}

TEST(DocumentTest, VariableErrors) {
  auto missing = Eval("variable \"x\" {\n  type = string\n}\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "main.hcl:1:1: missing value for required variable \"x\"");
  EvalOptions opts;
  opts.inputs["n"] = Value::String("abc");
  auto bad = Eval("variable \"n\" {\n  type = number\n}\n", opts);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "main.hcl:1:1: variable \"n\": a number is required");
  auto type = Eval("variable \"t\" {\n  type = strin\n}\n");
  EXPECT_EQ(
      type.status().message(),
      "main.hcl:2:10: invalid type \"strin\" for variable \"t\". Valid types are: string, number, "
      "bool, list, map, or set");
  auto undeclared = Eval("a = var.nope\n");
  EXPECT_THAT(undeclared.status().message(), HasSubstr("Reference to undeclared input variable"));
  auto extra = Eval("variable \"v\" {\n  default = 1\n  validation {}\n  foo = 2\n}\n");
  EXPECT_THAT(extra.status().message(), HasSubstr("Unsupported block type"));
  EXPECT_THAT(extra.status().message(),
              HasSubstr("Unsupported argument: An argument named \"foo\""));
  auto inputs_for_undeclared = EvalOptions{};
  inputs_for_undeclared.inputs["unused"] = Value::String("x");
  EXPECT_TRUE(Eval("a = 1\n", inputs_for_undeclared).ok());
}

TEST(DocumentTest, LocalsAreResolvedAsAGraph) {
  auto doc = Eval(
      "locals {\n  c = \"${local.b}-c\"\n}\n"
      "locals {\n  a = \"a\"\n  b = \"${local.a}-b\"\n}\n"
      "x = local.c\ny = local.a\nall = local\n");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->attributes[0].value, Value::String("a-b-c"));
  EXPECT_EQ(doc->attributes[1].value, Value::String("a"));
  EXPECT_EQ(doc->attributes[2].value.ToHCL(), R"~({ a = "a", b = "a-b", c = "a-b-c" })~");
  EXPECT_TRUE(doc->blocks.empty());
  auto all_in_locals = Eval("locals {\n  a = 1\n  all = local\n}\n");
  EXPECT_THAT(all_in_locals.status().message(), HasSubstr("cyclic reference to \"local.all\""));
}

TEST(DocumentTest, LocalsCyclesAndUnknownNames) {
  auto cycle = Eval("locals {\n  a = local.b\n  b = local.a\n}\nx = local.a\n");
  ASSERT_FALSE(cycle.ok());
  EXPECT_EQ(cycle.status().message(), "main.hcl:3:7: cyclic reference to \"local.a\"");
  auto self = Eval("locals {\n  a = [local.a]\n}\n");
  EXPECT_EQ(self.status().message(), "main.hcl:2:8: cyclic reference to \"local.a\"");
  auto unknown = Eval("x = local.nope\n");
  EXPECT_EQ(unknown.status().message(),
            "main.hcl:1:5: Unknown local: There is no local value named \"nope\".");
  auto dup = Eval("locals {\n  a = 1\n}\nlocals {\n  a = 2\n}\n");
  EXPECT_THAT(dup.status().message(), HasSubstr("Duplicate local value definition"));
}

TEST(DocumentTest, BrokenLocalIsReportedOnce) {
  auto doc = Eval("locals {\n  a = 1 + \"x\"\n}\nx = local.a\ny = local.a\n");
  ASSERT_FALSE(doc.ok());
  std::string msg = doc.status().message();
  EXPECT_EQ(std::count(msg.begin(), msg.end(), '\n'), 0) << msg;
  EXPECT_THAT(doc.status().message(), HasSubstr("main.hcl:2:7: Invalid operand"));
}

TEST(DocumentTest, ForEachOverSetMapAndList) {
  auto doc = Eval(
      "locals {\n  tenants = [\"b\", \"a\"]\n}\n"
      "schema \"s\" {\n  for_each = toset(local.tenants)\n  name = each.value\n  key = "
      "each.key\n}\n"
      "table \"t\" {\n  for_each = { x = 1, w = 2 }\n  name = \"${each.key}_${each.value}\"\n"
      "  column \"c\" { comment = each.key }\n}\n"
      "view \"v\" {\n  for_each = [\"p\", \"q\"]\n  idx = each.key\n  val = each.value\n}\n");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->blocks.size(), 6u);
  EXPECT_EQ(AttrOf(doc->blocks[0], "name").value, Value::String("a"));
  EXPECT_EQ(AttrOf(doc->blocks[0], "key").value, Value::String("a"));
  EXPECT_EQ(AttrOf(doc->blocks[1], "name").value, Value::String("b"));
  EXPECT_EQ(doc->blocks[0].Attr("for_each"), nullptr);
  EXPECT_EQ(doc->blocks[0].labels, std::vector<std::string>{"s"});
  EXPECT_EQ(AttrOf(doc->blocks[2], "name").value, Value::String("w_2"));
  EXPECT_EQ(AttrOf(doc->blocks[3], "name").value, Value::String("x_1"));
  EXPECT_EQ(AttrOf(*doc->blocks[3].Children("column")[0], "comment").value, Value::String("x"));
  EXPECT_EQ(AttrOf(doc->blocks[4], "idx").value, Value::Number(0));
  EXPECT_EQ(AttrOf(doc->blocks[5], "val").value, Value::String("q"));
}

TEST(DocumentTest, ForEachErrors) {
  auto bad = Eval("schema \"s\" {\n  for_each = \"x\"\n}\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "main.hcl:2:14: Invalid for_each argument: for_each does not support string type; a "
            "set, a list, "
            "a map or an object is required.");
  auto each_outside = Eval("x = each.value\n", EvalOptions{{}, {}, {}, /*symbolic=*/false, "."});
  EXPECT_THAT(each_outside.status().message(), HasSubstr("Unknown variable"));
}

TEST(DocumentTest, MultipleFilesAreOneDocumentInNameOrder) {
  auto doc = ParseAndEvaluate({{"b.hcl", "table \"b\" {}\nlocals {\n  n = 2\n}\n"},
                               {"a.hcl", "table \"a\" {\n  n = local.n\n}\n"}},
                              EvalOptions{});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->blocks.size(), 2u);
  EXPECT_EQ(doc->blocks[0].labels[0], "a");
  EXPECT_EQ(AttrOf(doc->blocks[0], "n").value, Value::Number(2));
  EXPECT_EQ(doc->blocks[0].range.filename, "a.hcl");
  auto dup = ParseAndEvaluate({{"a.hcl", "x = 1\n"}, {"b.hcl", "x = 2\n"}}, EvalOptions{});
  ASSERT_FALSE(dup.ok());
  EXPECT_THAT(dup.status().message(), HasSubstr("b.hcl:1:1: Attribute redefined"));
}

TEST(DocumentTest, ParseErrorsFromAllFilesAreReported) {
  auto doc = ParseAndEvaluate({{"a.hcl", "x = \n"}, {"b.hcl", "y = )\n"}}, EvalOptions{});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Code::kParse);
  EXPECT_THAT(doc.status().message(), HasSubstr("a.hcl:1:5"));
  EXPECT_THAT(doc.status().message(), HasSubstr("b.hcl:1:5"));
}

TEST(DocumentTest, EvaluationErrorsAreAllCollectedInSourceOrder) {
  auto doc = Eval("a = 1 + \"x\"\nt {\n  b = [1][3]\n  c = 1\n}\nd = upper([])\n");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Code::kInvalidArgument);
  std::vector<std::string> lines;
  std::string msg = doc.status().message();
  for (size_t s = 0, e; s <= msg.size(); s = e + 1) {
    e = msg.find('\n', s);
    if (e == std::string::npos) e = msg.size();
    lines.push_back(msg.substr(s, e - s));
  }
  ASSERT_EQ(lines.size(), 3u) << msg;
  EXPECT_THAT(lines[0], HasSubstr("main.hcl:1:5: Invalid operand"));
  EXPECT_THAT(lines[1], HasSubstr("main.hcl:3:7: Invalid index"));
  EXPECT_THAT(lines[2], HasSubstr("main.hcl:6:5: Error in function call"));
}

TEST(DocumentTest, OptionsVariablesFunctionsAndSymbolicMode) {
  EvalOptions opts;
  opts.variables["atlas"] = Value::Object({{"env", Value::String("dev")}});
  opts.functions["twice"] = [](const ValueList& args) -> Result<Value> {
    if (args.size() != 1) return InvalidArgument("want one argument");
    return Value::Number(args[0].number() * 2);
  };
  auto doc = Eval("env = atlas.env\nn = twice(21)\nerr = try(twice(), \"caught\")\n", opts);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->attributes[0].value, Value::String("dev"));
  EXPECT_EQ(doc->attributes[1].value, Value::Number(42));
  EXPECT_EQ(doc->attributes[2].value, Value::String("caught"));
  opts.symbolic = false;
  auto strict = Eval("a = column.id\nb = varchar(1)\n", opts);
  ASSERT_FALSE(strict.ok());
  EXPECT_THAT(strict.status().message(), HasSubstr("main.hcl:1:5: Unknown variable"));
  EXPECT_THAT(strict.status().message(), HasSubstr("main.hcl:2:5: Call to unknown function"));
}

TEST(DocumentTest, FileFunctionsUseBaseDir) {
  EvalOptions opts;
  opts.base_dir = std::string(STRATA_SOURCE_DIR) + "/testdata/hcl/funcs";
  auto doc = Eval("content = file(\"hello.txt\")\n", opts);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->attributes[0].value, Value::String("hello from a file\n"));
}

TEST(DocumentTest, EvaluateAcceptsParsedFiles) {
  auto a = Parse("one.hcl", "t \"x\" {\n  v = 1\n}\n");
  ASSERT_TRUE(a.ok());
  auto doc = Evaluate({*a}, EvalOptions{});
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->blocks[0].attributes[0].value, Value::Number(1));
}

}  // namespace
}  // namespace strata::hcl
