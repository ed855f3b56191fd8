#include "dialect/postgres/type_change.h"

#include <gtest/gtest.h>

#include "dialect/postgres/types.h"

namespace strata::dialect::postgres {
namespace {

bool Using(const char* from, const char* to) { return NeedsUsing(ParseType(from), ParseType(to)); }
bool Narrow(const char* from, const char* to) { return IsNarrowingTypeChange(ParseType(from), ParseType(to)); }

TEST(PostgresTypeChange, UsingWhenNoAssignmentCast) {
  EXPECT_TRUE(Using("text", "integer"));
  EXPECT_TRUE(Using("character varying(20)", "status"));  // enum
  EXPECT_TRUE(Using("integer", "boolean"));
  EXPECT_TRUE(Using("text", "jsonb"));
  EXPECT_TRUE(Using("text", "integer[]"));
  EXPECT_FALSE(Using("bigint", "integer"));
  EXPECT_FALSE(Using("integer", "numeric(10,2)"));
  EXPECT_FALSE(Using("integer", "text"));
  EXPECT_FALSE(Using("character varying(255)", "character varying(10)"));
  EXPECT_FALSE(Using("timestamp without time zone", "date"));
  EXPECT_FALSE(Using("serial", "bigint"));
  EXPECT_FALSE(Using("integer[]", "integer[]"));
}

TEST(PostgresTypeChange, NarrowingIsDestructive) {
  EXPECT_TRUE(Narrow("character varying(255)", "character varying(10)"));
  EXPECT_TRUE(Narrow("bigint", "integer"));
  EXPECT_TRUE(Narrow("numeric(10,2)", "numeric(8,2)"));
  EXPECT_TRUE(Narrow("numeric(10,2)", "numeric(10,1)"));
  EXPECT_TRUE(Narrow("numeric", "numeric(10,2)"));
  EXPECT_TRUE(Narrow("text", "character varying(10)"));
  EXPECT_TRUE(Narrow("integer", "text"));  // another family
  EXPECT_TRUE(Narrow("text", "integer"));
  EXPECT_TRUE(Narrow("timestamp without time zone", "date"));
  EXPECT_TRUE(Narrow("timestamp(6) without time zone", "timestamp(0) without time zone"));
  EXPECT_TRUE(Narrow("double precision", "real"));
  EXPECT_TRUE(Narrow("integer", "numeric(5,0)"));
}

TEST(PostgresTypeChange, WideningIsNot) {
  EXPECT_FALSE(Narrow("character varying(10)", "character varying(255)"));
  EXPECT_FALSE(Narrow("character varying(10)", "text"));
  EXPECT_FALSE(Narrow("character(3)", "character varying(3)"));
  EXPECT_FALSE(Narrow("integer", "bigint"));
  EXPECT_FALSE(Narrow("serial", "bigserial"));
  EXPECT_FALSE(Narrow("numeric(10,2)", "numeric(12,2)"));
  EXPECT_FALSE(Narrow("numeric(10,2)", "numeric"));
  EXPECT_FALSE(Narrow("integer", "numeric(12,0)"));
  EXPECT_FALSE(Narrow("date", "timestamp with time zone"));
  EXPECT_FALSE(Narrow("timestamp without time zone", "timestamp with time zone"));
  EXPECT_FALSE(Narrow("real", "double precision"));
}

}  // namespace
}  // namespace strata::dialect::postgres
