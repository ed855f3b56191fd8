#include "dialect/exclude.h"

#include <gtest/gtest.h>

namespace strata::dialect {
namespace {

schema::Schema Sample() {
  schema::Schema s;
  s.name = "main";
  for (const char* name : {"users", "user_tmp", "posts"}) {
    schema::Table t;
    t.name = name;
    t.schema = "main";
    for (const char* c : {"id", "tmp_flag"}) {
      schema::Column col;
      col.name = c;
      t.columns.push_back(col);
    }
    s.tables.push_back(t);
  }
  return s;
}

std::vector<std::string> Tables(const schema::Schema& s) {
  std::vector<std::string> out;
  for (const auto& t : s.tables) out.push_back(t.name);
  return out;
}

TEST(Exclude, TablesAndColumnsBySchemaPatterns) {
  schema::Schema s = Sample();
  ASSERT_TRUE(ExcludeSchema(s, {"*_tmp", "posts.tmp_*"}).ok());
  EXPECT_EQ(Tables(s), (std::vector<std::string>{"users", "posts"}));
  EXPECT_EQ(s.FindTable("posts")->columns.size(), 1u);
  EXPECT_EQ(s.FindTable("users")->columns.size(), 2u);
}

TEST(Exclude, RealmPatternsNameTheSchemaFirst) {
  schema::Realm r;
  r.schemas.push_back(Sample());
  schema::Schema other = Sample();
  other.name = "audit";
  r.schemas.push_back(other);
  ASSERT_TRUE(ExcludeRealm(r, {"audit", "main.user*"}).ok());
  ASSERT_EQ(r.schemas.size(), 1u);
  EXPECT_EQ(Tables(r.schemas[0]), (std::vector<std::string>{"posts"}));
}

}  // namespace
}  // namespace strata::dialect
