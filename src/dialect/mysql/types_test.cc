#include "dialect/mysql/types.h"

#include <gtest/gtest.h>

#include "dialect/mysql/flavor.h"

namespace strata::dialect::mysql {
namespace {

TEST(MysqlTypes, ParsesColumnTypeText) {
  struct Case {
    std::string in, name, format;
    std::vector<std::string> args;
    bool is_unsigned;
  };
  const Case cases[] = {
      {"int(10) unsigned zerofill", "int", "int(10) unsigned zerofill", {"10"}, true},
      {"int(11)", "int", "int", {}, false},
      {"int unsigned", "int", "int unsigned", {}, true},
      {"INTEGER", "int", "int", {}, false},
      {"tinyint(1)", "tinyint", "tinyint(1)", {"1"}, false},
      // default display widths are dropped, chosen ones kept
      {"bigint(20) unsigned", "bigint", "bigint unsigned", {}, true},
      {"int(10) unsigned", "int", "int unsigned", {}, true},
      {"int(10)", "int", "int(10)", {"10"}, false},
      {"smallint(3)", "smallint", "smallint(3)", {"3"}, false},
      {"decimal(10,2)", "decimal", "decimal(10,2)", {"10", "2"}, false},
      {"NUMERIC(10, 2)", "decimal", "decimal(10,2)", {"10", "2"}, false},
      {"double precision", "double", "double", {}, false},
      {"float(7,3) unsigned", "float", "float(7,3) unsigned", {"7", "3"}, true},
      {"varchar(255)", "varchar", "varchar(255)", {"255"}, false},
      {"char(36)", "char", "char(36)", {"36"}, false},
      {"datetime(6)", "datetime", "datetime(6)", {"6"}, false},
      {"timestamp", "timestamp", "timestamp", {}, false},
      {"year(4)", "year", "year(4)", {"4"}, false},
      {"enum('a','b')", "enum", "enum('a','b')", {"a", "b"}, false},
      {"set('x','y''z')", "set", "set('x','y''z')", {"x", "y'z"}, false},
      {"geomcollection", "geometrycollection", "geometrycollection", {}, false},
      {"longtext", "longtext", "longtext", {}, false},
      {"inet6", "inet6", "inet6", {}, false},
      {"uuid", "uuid", "uuid", {}, false},
      {"bit(8)", "bit", "bit(8)", {"8"}, false},
      {"boolean", "bool", "bool", {}, false},
  };
  for (const auto& c : cases) {
    schema::Type t = ParseType(c.in);
    EXPECT_EQ(t.unsupported, IsZerofill(t)) << c.in;
    EXPECT_EQ(t.name, c.name) << c.in;
    EXPECT_EQ(t.args, c.args) << c.in;
    EXPECT_EQ(t.is_unsigned, c.is_unsigned) << c.in;
    EXPECT_EQ(FormatType(t), c.format) << c.in;
    EXPECT_EQ(t.raw, c.format) << c.in;
  }
}

TEST(MysqlTypes, ZerofillOnlyFromRawText) {
  EXPECT_TRUE(IsZerofill(ParseType("int(5) zerofill")));
  EXPECT_TRUE(ParseType("int(5) zerofill").is_unsigned);  // ZEROFILL implies UNSIGNED
  EXPECT_FALSE(IsZerofill(ParseType("int(5) unsigned")));
  EXPECT_EQ(MysqlTypes().ToHCL(ParseType("int(5) zerofill")), "sql(\"int(5) unsigned zerofill\")");
}

TEST(MysqlTypes, UnknownTypesKeepRawText) {
  schema::Type t = ParseType("vector(3)");
  EXPECT_TRUE(t.unsupported);
  EXPECT_EQ(t.raw, "vector(3)");
  EXPECT_EQ(FormatType(t), "vector(3)");
}

TEST(MysqlTypes, HclSpellings) {
  const auto& r = MysqlTypes();
  EXPECT_EQ(r.ToHCL(ParseType("varchar(255)")), "varchar(255)");
  EXPECT_EQ(r.ToHCL(ParseType("enum('a','b')")), "enum(\"a\",\"b\")");
  EXPECT_EQ(r.ToHCL(ParseType("decimal(10,2)")), "decimal(10,2)");
  auto t = r.FromHCL("enum", {"a", "b"});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->raw, "enum('a','b')");
  t = r.FromHCL("double_precision", {});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->name, "double");
  EXPECT_FALSE(r.FromHCL("json", {"1"}).ok());
}

TEST(MysqlFlavor, ParsesVersions) {
  Flavor m = ParseVersion("10.11.6-MariaDB-0+deb12u1");
  EXPECT_TRUE(m.mariadb);
  EXPECT_EQ(m.major, 10);
  EXPECT_EQ(m.minor, 11);
  EXPECT_EQ(m.patch, 6);
  Flavor y = ParseVersion("8.0.36");
  EXPECT_FALSE(y.mariadb);
  EXPECT_TRUE(y.AtLeast(8, 0, 19));
  EXPECT_FALSE(y.AtLeast(8, 1));
  EXPECT_TRUE(HidesDisplayWidth(y));
  EXPECT_FALSE(HidesDisplayWidth(m));
  EXPECT_FALSE(HidesDisplayWidth(ParseVersion("8.0.18")));
  Flavor compat = ParseVersion("5.5.5-10.4.32-MariaDB");
  EXPECT_TRUE(compat.mariadb);
  EXPECT_EQ(compat.major, 10);
  EXPECT_EQ(compat.minor, 4);
}

}  // namespace
}  // namespace strata::dialect::mysql
