#include "dialect/mysql/diff_hooks.h"

#include <gtest/gtest.h>

#include "dialect/mysql/normalize.h"
#include "dialect/mysql/types.h"
#include "diff/differ.h"

namespace strata::dialect::mysql {
namespace {

schema::Column Col(const std::string& name, const std::string& type) {
  schema::Column c;
  c.name = name;
  c.type = ParseType(type);
  return c;
}

schema::Expr Lit(const std::string& s) { return {schema::Expr::Kind::kLiteral, s}; }
schema::Expr Raw(const std::string& s) { return {schema::Expr::Kind::kRaw, s}; }

TEST(MysqlDiffHooks, TypesIgnoreIntegerDisplayWidths) {
  MysqlDiffHooks h(Flavor{});
  EXPECT_TRUE(h.TypesEqual(ParseType("int(11)"), ParseType("int")));
  EXPECT_TRUE(h.TypesEqual(ParseType("bigint(20) unsigned"), ParseType("bigint unsigned")));
  EXPECT_FALSE(h.TypesEqual(ParseType("int unsigned"), ParseType("int")));
  EXPECT_TRUE(h.TypesEqual(ParseType("bool"), ParseType("tinyint(1)")));
  EXPECT_FALSE(h.TypesEqual(ParseType("tinyint(1)"), ParseType("tinyint(4)")));
  EXPECT_FALSE(h.TypesEqual(ParseType("int(5) zerofill"), ParseType("int(6) zerofill")));
  EXPECT_TRUE(h.TypesEqual(ParseType("char"), ParseType("char(1)")));
  EXPECT_FALSE(h.TypesEqual(ParseType("varchar(10)"), ParseType("varchar(20)")));
  EXPECT_TRUE(h.TypesEqual(ParseType("NUMERIC(10,2)"), ParseType("decimal(10,2)")));
  EXPECT_FALSE(h.TypesEqual(ParseType("enum('a','b')"), ParseType("enum('a','c')")));
}

TEST(MysqlDiffHooks, Defaults) {
  MysqlDiffHooks h(Flavor{});
  EXPECT_TRUE(h.DefaultsEqual(Lit("'1'"), Lit("1")));
  EXPECT_TRUE(h.DefaultsEqual(Lit("0.00"), Lit("0")));
  EXPECT_TRUE(h.DefaultsEqual(Raw("current_timestamp()"), Raw("CURRENT_TIMESTAMP")));
  EXPECT_TRUE(h.DefaultsEqual(Raw("now()"), Raw("CURRENT_TIMESTAMP")));
  EXPECT_TRUE(h.DefaultsEqual(Raw("current_timestamp(6)"), Raw("CURRENT_TIMESTAMP(6)")));
  EXPECT_FALSE(h.DefaultsEqual(Raw("current_timestamp(6)"), Raw("CURRENT_TIMESTAMP")));
  EXPECT_TRUE(h.DefaultsEqual(Lit("NULL"), std::nullopt));
  EXPECT_FALSE(h.DefaultsEqual(Lit("'a'"), Lit("'b'")));
  EXPECT_FALSE(h.DefaultsEqual(Lit("'a'"), std::nullopt));
}

TEST(MysqlDiffHooks, Expressions) {
  MysqlDiffHooks h(Flavor{});
  EXPECT_TRUE(h.ExprEqual("(`price` > 0)", "price>0"));
  EXPECT_FALSE(h.ExprEqual("price > 0", "price > 1"));
  EXPECT_FALSE(h.ExprEqual("a = 'x y'", "a = 'xy'"));
}

TEST(MysqlDiffHooks, TableOptions) {
  MysqlDiffHooks h(Flavor{});
  EXPECT_TRUE(h.TableOptionEqual("engine", "", "InnoDB"));
  EXPECT_TRUE(h.TableOptionEqual("engine", "innodb", "InnoDB"));
  EXPECT_FALSE(h.TableOptionEqual("engine", "MyISAM", ""));
  EXPECT_TRUE(h.TableOptionEqual("charset", "utf8mb4", ""));
  EXPECT_FALSE(h.TableOptionEqual("charset", "utf8mb4", "latin1"));
  EXPECT_TRUE(h.TableOptionEqual("auto_increment", "120", "100"));
  EXPECT_FALSE(h.TableOptionEqual("auto_increment", "", "100"));
}

TEST(MysqlDiffHooks, ColumnAndIndexOptions) {
  MysqlDiffHooks h(Flavor{});
  schema::Column a = Col("u", "timestamp"), b = a;
  a.options.Set("on_update", "current_timestamp()");
  b.options.Set("on_update", "CURRENT_TIMESTAMP");
  b.options.Set("auto_increment", "false");
  EXPECT_TRUE(h.ColumnOptionsEqual(a, b));
  schema::Index x, y;
  x.options.Set("type", "btree");
  EXPECT_TRUE(h.IndexOptionsEqual(x, y));
  y.options.Set("type", "HASH");
  EXPECT_FALSE(h.IndexOptionsEqual(x, y));
}

TEST(MysqlNormalize, MariadbJsonIsLongtextWithCheck) {
  schema::Table t;
  t.name = "t";
  t.columns = {Col("doc", "longtext"), Col("n", "int")};
  t.checks = {schema::Check{"doc", "json_valid(`doc`)", {}}, schema::Check{"pos", "`n` > 0", {}}};
  schema::Table mysql_t = t;
  NormalizeTable(t, Flavor{});
  EXPECT_EQ(t.columns[0].type.name, "json");
  ASSERT_EQ(t.checks.size(), 1u);
  EXPECT_EQ(t.checks[0].name, "pos");
  NormalizeTable(mysql_t, ParseVersion("8.0.36"));
  EXPECT_EQ(mysql_t.columns[0].type.name, "longtext");
  EXPECT_EQ(mysql_t.checks.size(), 2u);
}

TEST(MysqlNormalize, InheritedCharsetAndDefaults) {
  schema::Table t;
  t.options.Set("charset", "UTF8MB4");
  t.options.Set("engine", "innodb");
  schema::Column c = Col("a", "varchar(10)");
  c.options.Set("charset", "utf8mb4");
  c.options.Set("collate", "latin1_bin");
  c.options.Set("auto_increment", "false");
  t.columns = {c};
  schema::ForeignKey fk;
  fk.on_delete = schema::ReferenceAction::kRestrict;
  fk.on_update = schema::ReferenceAction::kCascade;
  t.foreign_keys = {fk};
  NormalizeTable(t, Flavor{});
  EXPECT_EQ(t.options.Get("engine"), "InnoDB");
  EXPECT_FALSE(t.columns[0].options.Has("charset"));
  EXPECT_EQ(t.columns[0].options.Get("collate"), "latin1_bin");
  EXPECT_FALSE(t.columns[0].options.Has("auto_increment"));
  EXPECT_EQ(t.foreign_keys[0].on_delete, schema::ReferenceAction::kNone);
  EXPECT_EQ(t.foreign_keys[0].on_update, schema::ReferenceAction::kCascade);
}

TEST(MysqlNormalize, DefaultCollations) {
  EXPECT_EQ(DefaultCollation("latin1", Flavor{}), "latin1_swedish_ci");
  EXPECT_EQ(DefaultCollation("utf8mb4", Flavor{}), "utf8mb4_general_ci");
  EXPECT_EQ(DefaultCollation("utf8mb4", ParseVersion("8.0.36")), "utf8mb4_0900_ai_ci");
  EXPECT_EQ(DefaultCollation("utf8", Flavor{}), "utf8mb3_general_ci");
  EXPECT_EQ(DefaultCollation("binary", Flavor{}), "binary");
  EXPECT_EQ(DefaultCollation("", Flavor{}), "");
}

TEST(MysqlDiffHooks, SchemaOptions) {
  MysqlDiffHooks h(Flavor{});
  EXPECT_TRUE(h.SchemaOptionEqual("charset", "utf8mb4", ""));
  EXPECT_TRUE(h.SchemaOptionEqual("collate", "UTF8MB4_BIN", "utf8mb4_bin"));
  EXPECT_FALSE(h.SchemaOptionEqual("charset", "latin1", "utf8mb4"));
}

// What MariaDB reports for a table and what its HCL says compare equal.
TEST(MysqlDiffHooks, InspectedTableEqualsItsHcl) {
  schema::Table inspected;
  inspected.name = "t";
  inspected.schema = "s";
  inspected.options.Set("charset", "latin1");
  inspected.options.Set("collate", "latin1_swedish_ci");
  schema::Column id = Col("id", "int(11)");
  id.options.Set("auto_increment", "true");
  schema::Column flag = Col("flag", "tinyint(1)");
  flag.default_value = Lit("1");
  schema::Column doc = Col("doc", "longtext");
  doc.nullable = true;
  schema::Column ts = Col("ts", "timestamp");
  ts.default_value = Raw("current_timestamp()");
  ts.options.Set("on_update", "current_timestamp()");
  schema::Column g = Col("g", "int(11)");
  g.nullable = true;
  g.generated = schema::GeneratedExpr{"`id` * 2", "VIRTUAL"};
  schema::Column ref = Col("ref", "int(11)");
  ref.nullable = true;
  inspected.columns = {id, flag, doc, ts, g, ref};
  schema::Index pk;
  pk.parts.push_back({"id", "", false, {}});
  inspected.primary_key = pk;
  schema::Index fk_idx;
  fk_idx.name = "t_ref";
  fk_idx.parts.push_back({"ref", "", false, {}});
  inspected.indexes = {fk_idx};
  schema::ForeignKey fk;
  fk.symbol = "t_ref";
  fk.columns = {"ref"};
  fk.ref_table = "t";
  fk.ref_columns = {"id"};
  fk.on_update = schema::ReferenceAction::kRestrict;
  fk.on_delete = schema::ReferenceAction::kRestrict;
  inspected.foreign_keys = {fk};
  inspected.checks = {schema::Check{"doc", "json_valid(`doc`)", {}}, schema::Check{"pos", "`id` > 0", {}}};

  schema::Table hcl;
  hcl.name = "t";
  hcl.schema = "s";
  hcl.options.Set("charset", "latin1");
  schema::Column hid = Col("id", "int");
  hid.options.Set("auto_increment", "true");
  schema::Column hflag = Col("flag", "bool");
  hflag.default_value = Lit("true");
  schema::Column hdoc = Col("doc", "json");
  hdoc.nullable = true;
  schema::Column hts = Col("ts", "timestamp");
  hts.default_value = Raw("CURRENT_TIMESTAMP");
  hts.options.Set("on_update", "CURRENT_TIMESTAMP");
  schema::Column hg = Col("g", "int");
  hg.generated = schema::GeneratedExpr{"id * 2", "VIRTUAL"};
  schema::Column href = Col("ref", "int");
  href.nullable = true;
  hcl.columns = {hid, hflag, hdoc, hts, hg, href};
  hcl.primary_key = pk;
  schema::ForeignKey hfk = fk;
  hfk.on_update = hfk.on_delete = schema::ReferenceAction::kNone;
  hcl.foreign_keys = {hfk};
  hcl.checks = {schema::Check{"pos", "id > 0", {}}};

  MysqlDiffHooks h(Flavor{});
  auto changes = diff::DiffTable(inspected, hcl, h);
  EXPECT_TRUE(changes.empty()) << changes.size() << " changes, first: " << schema::SkipKey(changes[0]);
  // A real difference is still one.
  hcl.columns[1].default_value = Lit("false");
  EXPECT_EQ(diff::DiffTable(inspected, hcl, h).size(), 1u);
}

}  // namespace
}  // namespace strata::dialect::mysql
