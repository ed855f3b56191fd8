#include "dialect/sqlite/diff_hooks.h"

#include <gtest/gtest.h>

#include "dialect/sqlite/types.h"

namespace strata::dialect::sqlite {
namespace {

using schema::Expr;

const SqliteDiffHooks kHooks;

schema::Column Col(const std::string& name, const std::string& type) {
  schema::Column c;
  c.name = name;
  c.type = SqliteTypes().ParseSQL(type);
  return c;
}

TEST(SqliteDiffHooksTest, TypesCompareByDeclaration) {
  auto T = [](const std::string& s) { return SqliteTypes().ParseSQL(s); };
  // Case and spacing do not matter.
  EXPECT_TRUE(kHooks.TypesEqual(T("VarChar( 10 )"), T("varchar(10)")));
  EXPECT_TRUE(kHooks.TypesEqual(T("DOUBLE  PRECISION"), T("double precision")));
  // The declared type does (Atlas would call all of these equal).
  EXPECT_FALSE(kHooks.TypesEqual(T("int"), T("INTEGER")));
  EXPECT_FALSE(kHooks.TypesEqual(T("varchar(10)"), T("varchar(20)")));
  EXPECT_FALSE(kHooks.TypesEqual(T("decimal(10,2)"), T("numeric")));
  EXPECT_FALSE(kHooks.TypesEqual(T("text"), T("blob")));
  EXPECT_FALSE(kHooks.TypesEqual(T("date"), T("text")));
  EXPECT_TRUE(kHooks.TypesEqual(ParseColumnType(""), T("blob")));
}

TEST(SqliteDiffHooksTest, Defaults) {
  auto L = [](const std::string& s) { return std::optional<Expr>(Expr{Expr::Kind::kLiteral, s}); };
  auto R = [](const std::string& s) { return std::optional<Expr>(Expr{Expr::Kind::kRaw, s}); };
  EXPECT_TRUE(kHooks.DefaultsEqual(std::nullopt, std::nullopt));
  EXPECT_FALSE(kHooks.DefaultsEqual(L("1"), std::nullopt));
  EXPECT_TRUE(kHooks.DefaultsEqual(L("'a'"), L("\"a\"")));
  EXPECT_TRUE(kHooks.DefaultsEqual(L("'a8m'"), L("a8m")));  // Atlas quotes plain string literals
  EXPECT_FALSE(kHooks.DefaultsEqual(L("'a'"), L("'A'")));
  EXPECT_FALSE(kHooks.DefaultsEqual(L("1"), L("2")));
  EXPECT_TRUE(kHooks.DefaultsEqual(R("1 + 2"), R("(1 + 2)")));  // SQLite drops the parentheses
  EXPECT_TRUE(kHooks.DefaultsEqual(R("current_timestamp"), R("CURRENT_TIMESTAMP")));
  EXPECT_FALSE(kHooks.DefaultsEqual(R("CURRENT_DATE"), R("CURRENT_TIMESTAMP")));
}

TEST(SqliteDiffHooksTest, OptionsAndExpressions) {
  EXPECT_TRUE(kHooks.ExprEqual("(a > 0)", "a  >  0"));
  EXPECT_FALSE(kHooks.ExprEqual("a > 0", "a >= 0"));
  EXPECT_TRUE(kHooks.TableOptionEqual("strict", "", "false"));
  EXPECT_FALSE(kHooks.TableOptionEqual("without_rowid", "true", ""));
  EXPECT_TRUE(kHooks.TableOptionEqual("engine", "InnoDB", ""));
  schema::Column a = Col("id", "integer"), b = a;
  b.options.Set("auto_increment", "true");
  EXPECT_FALSE(kHooks.ColumnOptionsEqual(a, b));
  a.options.Set("auto_increment", "true");
  a.options.Set("on_update", "x");  // not a SQLite option
  EXPECT_TRUE(kHooks.ColumnOptionsEqual(a, b));
}

TEST(SqliteDiffHooksTest, NormalizeTable) {
  schema::Table t;
  t.name = "t";
  t.comment = "not stored by SQLite";
  t.columns = {Col("a", "text"), Col("b", "text"), Col("g", "int")};
  t.columns[0].options.Set("collate", "nocase");
  t.columns[1].options.Set("collate", "binary");
  t.columns[2].generated = schema::GeneratedExpr{"1", ""};
  t.options.Set("strict", "false");
  schema::Index idx{"i", false, {{"a", "", false, {}}, {"b", "", false, {}}}, "", "c", {}, false};
  idx.parts[0].options.Set("collate", "NOCASE");  // the column's own collation
  idx.parts[1].options.Set("collate", "rtrim");
  t.indexes = {idx};
  schema::ForeignKey unnamed, named;
  unnamed.symbol = "0";
  named.symbol = "fk";
  t.foreign_keys = {unnamed, named};
  kHooks.NormalizeTable(t);
  EXPECT_EQ(t.comment, "");
  EXPECT_EQ(t.columns[0].options.Get("collate"), "NOCASE");
  EXPECT_FALSE(t.columns[1].options.Has("collate"));
  EXPECT_EQ(t.columns[2].generated->type, "VIRTUAL");
  EXPECT_FALSE(t.options.Has("strict"));
  EXPECT_TRUE(t.indexes[0].parts[0].options.empty());
  EXPECT_EQ(t.indexes[0].parts[1].options.Get("collate"), "RTRIM");
  EXPECT_EQ(t.indexes[0].comment, "");
  EXPECT_EQ(t.foreign_keys[0].symbol, "");
  EXPECT_EQ(t.foreign_keys[1].symbol, "fk");
}

TEST(SqliteDiffHooksTest, UnnamedForeignKeysMatchNamedOnesLikeAtlas) {
  // The database has an unnamed key (inspected as its pragma id); the
  // desired state names it. Atlas's Normalize matches them by shape.
  schema::Table from;
  from.name = "c";
  from.columns = {Col("pid", "int")};
  schema::ForeignKey fk;
  fk.symbol = "0";
  fk.columns = {"pid"};
  fk.ref_table = "p";
  fk.ref_columns = {"id"};
  fk.on_update = fk.on_delete = schema::ReferenceAction::kNoAction;
  from.foreign_keys = {fk};
  schema::Table to = from;
  to.foreign_keys[0].symbol = "c_pid_fk";
  to.foreign_keys[0].on_update = to.foreign_keys[0].on_delete = schema::ReferenceAction::kNone;
  EXPECT_TRUE(diff::DiffTable(from, to, kHooks).empty());
  to.foreign_keys[0].on_delete = schema::ReferenceAction::kCascade;
  auto changes = diff::DiffTable(from, to, kHooks);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<schema::ModifyForeignKey>(changes[0]));
}

}  // namespace
}  // namespace strata::dialect::sqlite
