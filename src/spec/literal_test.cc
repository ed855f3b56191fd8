// Value spellings shared by the encoder and decoder.
#include "spec/literal.h"

#include <gtest/gtest.h>

#include "spec/hcl_writer.h"
#include "spec/spec_testing.h"
#include "spec/trigger_events.h"

namespace strata::spec {
namespace {

using testing::T;

TEST(LiteralTest, CanonicalNumber) {
  struct Case {
    const char* in;
    std::optional<std::string> want;
  };
  for (const Case& c : std::vector<Case>{{"0", "0"},
                                         {"007", "7"},
                                         {"+5", "5"},
                                         {"-5", "-5"},
                                         {"-0", "0"},
                                         {"1.50", "1.5"},
                                         {"0.1", "0.1"},
                                         {"1e3", "1000"},
                                         {"2.5E-1", "0.25"},
                                         {".5", "0.5"},
                                         {"18446744073709551616", "18446744073709551616"},
                                         {"abc", std::nullopt},
                                         {"1.2.3", std::nullopt},
                                         {"", std::nullopt},
                                         {"1e", std::nullopt},
                                         {"-", std::nullopt}}) {
    EXPECT_EQ(CanonicalNumber(c.in), c.want) << c.in;
  }
}

TEST(LiteralTest, DefaultToHCL) {
  using K = schema::Expr::Kind;
  struct Case {
    schema::Expr expr;
    const char* type;
    const char* want;
  };
  for (const Case& c : std::vector<Case>{
           {{K::kLiteral, "'a''b'"}, "text", R"("a'b")"},
           {{K::kLiteral, "\"x\""}, "int", R"("x")"},
           {{K::kLiteral, "TRUE"}, "bool", "true"},
           {{K::kLiteral, "false"}, "int", "false"},
           {{K::kLiteral, "42"}, "int", "42"},
           {{K::kLiteral, "4.20"}, "real", "4.2"},
           {{K::kLiteral, "x'ff'"}, "blob", R"(sql("x'ff'"))"},
           {{K::kLiteral, "0x1F"}, "int", R"(sql("0x1F"))"},
           {{K::kLiteral, "active"}, "varchar(10)", R"("active")"},
           {{K::kLiteral, "NULL"}, "int", R"(sql("NULL"))"},
           {{K::kRaw, "CURRENT_TIMESTAMP"}, "datetime", R"(sql("CURRENT_TIMESTAMP"))"},
           {{K::kRaw, "'${x}'"}, "text", R"(sql("'$${x}'"))"}}) {
    EXPECT_EQ(DefaultToHCL(c.expr, T(c.type)), c.want) << c.expr.text;
  }
}

TEST(LiteralTest, DefinitionToHCL) {
  EXPECT_EQ(DefinitionToHCL("SELECT 1"), R"("SELECT 1")");
  EXPECT_EQ(DefinitionToHCL("SELECT a\n  FROM t\r\n\nWHERE ${x}"),
            "<<-SQL\n  SELECT a\n    FROM t\n  \n  WHERE $${x}\n  SQL");
  // A line equal to the heredoc delimiter would end it early.
  EXPECT_EQ(DefinitionToHCL("SELECT 1 AS\nSQL"), R"("SELECT 1 AS\nSQL")");
}

TEST(LiteralTest, TriggerEvents) {
  auto events = ParseTriggerEvents("INSERT OR update of a, b OR DELETE");
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[1], (TriggerEvent{"UPDATE", {"a", "b"}}));
  EXPECT_EQ(FormatTriggerEvents(events), "INSERT OR UPDATE OF a, b OR DELETE");
  EXPECT_TRUE(ParseTriggerEvents("").empty());
  EXPECT_EQ(TimingBlockName("INSTEAD OF"), "instead_of");
  EXPECT_EQ(TimingFromBlockName("instead_of"), "INSTEAD OF");
}

TEST(HclWriterTest, AlignsRunsOfAttributesAndKeepsEmptyBlocks) {
  HclBody root;
  HclBody& t = root.Block("table", {"t"});
  t.Attr("schema", "schema.main");
  t.Attr("comment", "\"c\"");
  HclBody& c = t.Block("column", {"a b"});
  c.Attr("null", "false");
  t.Attr("strict", "true");
  t.Attr("without_rowid", "true");
  root.Block("schema", {"main"});
  EXPECT_EQ(RenderFile(root), R"(table "t" {
  schema  = schema.main
  comment = "c"
  column "a b" {
    null = false
  }
  strict        = true
  without_rowid = true
}
schema "main" {
}
)");
}

}  // namespace
}  // namespace strata::spec
