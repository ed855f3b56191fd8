// `data "sql"` against a real SQLite database, through project::LoadSource.
#include "cli/project_data.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "cli/drivers.h"

namespace strata::cli {
namespace {
namespace fs = std::filesystem;

TEST(SQLDataSource, ValuesCountAndArgs) {
  fs::path db = fs::temp_directory_path() / ("strata_sql_ds_" + std::to_string(::getpid()) + ".db");
  {
    auto d = OpenDatabase("sqlite://" + db.string());
    ASSERT_TRUE(d.ok()) << d.status().message();
    ASSERT_TRUE((*d)->Conn().Exec("CREATE TABLE tenants (name text, active int)").ok());
    ASSERT_TRUE((*d)->Conn().Exec("INSERT INTO tenants VALUES ('b', 1), ('a', 1), ('c', 0)").ok());
  }
  project::LoadOptions o;
  o.env = "t";
  o.data_sources["sql"] = SQLDataSource();
  std::string src = "data \"sql\" \"tenants\" {\n  url = \"sqlite://" + db.string() +
                    "\"\n  query = \"SELECT name FROM tenants WHERE active = ? ORDER BY name\"\n  args = [1]\n}\n"
                    "env \"t\" {\n  for_each = toset(data.sql.tenants.values)\n  url = \"sqlite://${each.value}.db\"\n"
                    "  n = data.sql.tenants.count\n  first = data.sql.tenants.value\n}\n";
  auto p = project::LoadSource("strata.hcl", src, o);
  fs::remove(db);
  ASSERT_TRUE(p.ok()) << p.status().message();
  ASSERT_EQ(p->envs.size(), 2u);
  EXPECT_EQ(p->envs[0].url, "sqlite://a.db");
  EXPECT_EQ(p->envs[1].url, "sqlite://b.db");
  EXPECT_EQ(p->envs[0].extra.at("n").number_text(), "2");
  EXPECT_EQ(p->envs[0].extra.at("first").str(), "a");
}

TEST(SQLDataSource, Errors) {
  project::LoadOptions o;
  o.env = "t";
  o.data_sources["sql"] = SQLDataSource();
  auto p = project::LoadSource(
      "strata.hcl",
      "data \"sql\" \"x\" {\n  url = \"sqlite://file:x?mode=memory\"\n  query = \"SELECT * FROM nope\"\n}\n"
      "env \"t\" {\n  url = data.sql.x.value\n}\n",
      o);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().message().rfind("data.sql.x: ", 0), 0u) << p.status().message();
  auto q = project::LoadSource(
      "strata.hcl", "data \"sql\" \"x\" {\n  url = \"sqlite://x\"\n}\nenv \"t\" {\n  url = data.sql.x.value\n}\n", o);
  EXPECT_EQ(q.status().message(), "data.sql.x: missing required string argument \"query\"");
}

}  // namespace
}  // namespace strata::cli
