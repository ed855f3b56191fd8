#include "dialect/postgres/types.h"

#include <gtest/gtest.h>

namespace strata::dialect::postgres {
namespace {

struct Case {
  const char* in;
  const char* name;
  std::vector<std::string> args;
  const char* raw;
  bool unsupported;
};

TEST(PostgresTypes, CanonicalizesFormatTypeOutput) {
  const Case cases[] = {
      {"character varying(255)", "varchar", {"255"}, "varchar(255)", false},
      {"character varying", "varchar", {}, "varchar", false},
      {"VARCHAR(10)", "varchar", {"10"}, "varchar(10)", false},
      {"character(3)", "char", {"3"}, "char(3)", false},
      {"integer", "integer", {}, "integer", false},
      {"int4", "integer", {}, "integer", false},
      {"int8", "bigint", {}, "bigint", false},
      {"bool", "boolean", {}, "boolean", false},
      {"double precision", "double precision", {}, "double precision", false},
      {"float8", "double precision", {}, "double precision", false},
      {"numeric(10,2)", "numeric", {"10", "2"}, "numeric(10,2)", false},
      {"decimal(5)", "numeric", {"5"}, "numeric(5)", false},
      {"timestamp without time zone", "timestamp", {}, "timestamp", false},
      {"timestamp(3) without time zone", "timestamp", {"3"}, "timestamp(3)", false},
      {"timestamp(6) with time zone", "timestamptz", {}, "timestamptz", false},
      {"time with time zone", "timetz", {}, "timetz", false},
      {"bit varying(5)", "bit varying", {"5"}, "bit varying(5)", false},
      {"jsonb", "jsonb", {}, "jsonb", false},
      {"tstzmultirange", "tstzmultirange", {}, "tstzmultirange", false},
      {"interval day to second(3)", "interval day to second", {"3"}, "interval day to second(3)", false},
      {"text[]", "text[]", {}, "text[]", true},
      {"character varying(9)[]", "varchar(9)[]", {}, "varchar(9)[]", true},
      {"integer[][]", "integer[][]", {}, "integer[][]", true},
      {"mood", "mood", {}, "mood", true},
      {"public.geometry(Point,4326)", "public.geometry", {"Point", "4326"}, "public.geometry(Point,4326)", true},
  };
  for (const auto& c : cases) {
    schema::Type t = ParseType(c.in);
    EXPECT_EQ(t.name, c.name) << c.in;
    EXPECT_EQ(t.args, c.args) << c.in;
    EXPECT_EQ(t.raw, c.raw) << c.in;
    EXPECT_EQ(t.unsupported, c.unsupported) << c.in;
  }
}

TEST(PostgresTypes, RegistryKnowsTheReferenceList) {
  for (const char* n : {"bit", "bytea", "bpchar", "smallserial", "serial", "bigserial", "real", "money",
                        "date", "interval", "uuid", "xml", "hstore", "cidr", "inet", "macaddr8", "point",
                        "polygon", "tsvector", "tsquery", "int4range", "daterange", "xid8", "regclass",
                        "oid", "name", "serial4", "float4", "int2"}) {
    EXPECT_NE(PostgresTypes().Find(n), nullptr) << n;
  }
  EXPECT_TRUE(IsSerial("bigserial"));
  EXPECT_FALSE(IsSerial("bigint"));
}

TEST(PostgresTypes, FormatTypeRoundTrips) {
  for (const char* s : {"varchar(255)", "numeric(10,2)", "timestamptz(3)", "text[]", "interval year to month"}) {
    EXPECT_EQ(FormatType(ParseType(s)), s);
  }
}

}  // namespace
}  // namespace strata::dialect::postgres
