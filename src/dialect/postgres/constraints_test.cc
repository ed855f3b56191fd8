// UNIQUE and EXCLUDE constraints: HCL `unique`/`exclude` blocks and their SQL.
#include <gtest/gtest.h>

#include "dialect/postgres/render.h"
#include "dialect/postgres/spec.h"
#include "spec/decode.h"
#include "spec/encode.h"

namespace strata::dialect::postgres {
namespace {

const char* const kSchema = R"HCL(table "b" {
  schema = schema.public
  column "room" {
    null = false
    type = integer
  }
  column "during" {
    null = true
    type = tsrange
  }
  unique "b_room" {
    columns    = [column.room]
    include    = [column.during]
    deferrable = true
  }
  exclude "b_overlap" {
    where = "room > 0"
    type  = GIST
    on {
      column = column.during
      op     = "&&"
    }
    on {
      expr = "circle(point(room, room), 1)"
      op   = "&&"
    }
  }
}
schema "public" {
}
)HCL";

TEST(PostgresConstraints, DecodesUniqueAndExcludeBlocks) {
  auto r = spec::DecodeSources({{"s.pg.hcl", kSchema}}, {}, PostgresSpec());
  ASSERT_TRUE(r.ok()) << r.status().message();
  const schema::Table& t = r->schemas[0].tables[0];
  ASSERT_EQ(t.indexes.size(), 2u);
  const schema::Index& u = t.indexes[0];
  EXPECT_TRUE(u.unique);
  EXPECT_TRUE(u.options.Flag("constraint"));
  EXPECT_TRUE(IsUniqueConstraint(u));
  EXPECT_EQ(UniqueConstraint(u), "CONSTRAINT \"b_room\" UNIQUE (\"room\") INCLUDE (\"during\") DEFERRABLE");
  const schema::Index& x = t.indexes[1];
  EXPECT_FALSE(x.unique);
  EXPECT_TRUE(IsUniqueConstraint(x));
  EXPECT_EQ(UniqueConstraint(x),
            "CONSTRAINT \"b_overlap\" EXCLUDE USING GIST (\"during\" WITH &&, (circle(point(room, room), 1)) WITH &&) "
            "WHERE (room > 0)");
  // And back: the same text.
  EXPECT_EQ(spec::EncodeRealm(*r, PostgresSpec()), kSchema);
}

TEST(PostgresConstraints, UniqueBlockRejectsUniqueAttribute) {
  auto r = spec::DecodeSources({{"s.pg.hcl", R"(schema "public" {}
table "b" {
  schema = schema.public
  column "a" {
    type = integer
  }
  unique "u" {
    unique  = false
    columns = [column.a]
  }
})"}},
                               {}, PostgresSpec());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("unique"), std::string::npos) << r.status().message();
}

}  // namespace
}  // namespace strata::dialect::postgres
