// Lazy data sources: hcl_schema, composite_schema, external_schema,
// external, and a custom source standing in for `sql`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "project/project.h"

namespace strata::project {
namespace {
namespace fs = std::filesystem;

class DataSourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("strata_project_ds_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "schema.hcl") << "schema \"main\" {}\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  Result<Project> Load(const std::string& src, const std::string& env, LoadOptions o = {}) {
    o.env = env;
    o.mem = &mem_;
    return LoadSource((dir_ / "strata.hcl").string(), src, o);
  }

  fs::path dir_;
  MemRegistry mem_;
};

std::string Err(const Result<Project>& r) { return r.ok() ? "<ok>" : r.status().message(); }

TEST_F(DataSourcesTest, OnlyReferencedSourcesRun) {
  int calls = 0;
  LoadOptions o;
  o.data_sources["sql"] = [&](const hcl::Block& b) -> Result<hcl::Value> {
    ++calls;
    EXPECT_EQ(b.Attr("query")->value.str(), "SELECT 1");
    return hcl::Value::Object({{"values", hcl::Value::List({hcl::Value::String("a"), hcl::Value::String("b")})}});
  };
  const std::string src = R"(
data "sql" "tenants" {
  url   = "sqlite://x"
  query = "SELECT 1"
}
data "sql" "unused" {
  url   = "sqlite://y"
  query = "SELECT 2"
}
locals {
  names = data.sql.tenants.values
}
env "t" {
  for_each = toset(local.names)
  url      = "sqlite://${each.value}.db"
}
env "other" {
  url = "sqlite://o.db"
}
)";
  auto p = Load(src, "t", o);
  ASSERT_TRUE(p.ok()) << Err(p);
  EXPECT_EQ(calls, 1);  // "unused" never ran; "tenants" ran once for two envs
  ASSERT_EQ(p->envs.size(), 2u);
  EXPECT_EQ(p->envs[1].url, "sqlite://b.db");
  calls = 0;
  ASSERT_TRUE(Load(src, "other", o).ok());
  EXPECT_EQ(calls, 0);
}

TEST_F(DataSourcesTest, HCLSchemaAndComposite) {
  auto p = Load(R"(
data "hcl_schema" "app" {
  path = "schema.hcl"
  vars = {
    tenant = "acme"
  }
}
data "composite_schema" "all" {
  schema "app" {
    url = data.hcl_schema.app.url
  }
  schema {
    url = "file://other.sql"
  }
}
env "dev" {
  src = data.composite_schema.all.url
  app = data.hcl_schema.app.url
}
)",
                "dev");
  ASSERT_TRUE(p.ok()) << Err(p);
  EXPECT_EQ(p->envs[0].src, std::vector<std::string>{"mem://composite_schema/all"});
  EXPECT_EQ(*p->envs[0].Lookup("app"), "mem://hcl_schema/app");
  const MemSchema* app = mem_.Get("mem://hcl_schema/app");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->paths, std::vector<std::string>{(dir_ / "schema.hcl").string()});
  EXPECT_EQ(app->vars.at("tenant").str(), "acme");
  const MemSchema* all = mem_.Get("mem://composite_schema/all");
  ASSERT_NE(all, nullptr);
  ASSERT_EQ(all->parts.size(), 2u);
  EXPECT_EQ(all->parts[0].first, "app");
  EXPECT_EQ(all->parts[1].first, "");
}

TEST_F(DataSourcesTest, ExternalPrograms) {
  auto p = Load(R"(
data "external" "dsn" {
  program = ["printf", "sqlite://from-program.db"]
}
data "external_schema" "orm" {
  program     = ["sh", "-c", "echo 'CREATE TABLE t (id int);'"]
  working_dir = "."
}
env "dev" {
  url = data.external.dsn
  src = data.external_schema.orm.url
}
)",
                "dev");
  ASSERT_TRUE(p.ok()) << Err(p);
  EXPECT_EQ(p->envs[0].url, "sqlite://from-program.db");
  const MemSchema* orm = mem_.Get("mem://external_schema/orm");
  ASSERT_NE(orm, nullptr);
  EXPECT_EQ(orm->sql, "CREATE TABLE t (id int);\n");
  auto bad = Load(
      "data \"external\" \"x\" {\n  program = [\"sh\", \"-c\", \"echo boom >&2; exit 3\"]\n}\nenv \"dev\" {\n  url = "
      "data.external.x\n}\n",
      "dev");
  EXPECT_EQ(Err(bad), "data.external.x: running program \"sh\": exit status 3: boom");
}

TEST_F(DataSourcesTest, Errors) {
  EXPECT_EQ(Err(Load("data \"nope\" \"x\" {}\nenv \"dev\" {\n  url = data.nope.x.url\n}\n", "dev")),
            "missing data source handler for \"nope\"");
  EXPECT_NE(Err(Load("data \"hcl_schema\" \"x\" {}\nenv \"dev\" {\n  src = data.hcl_schema.x.url\n}\n", "dev"))
                .find("exactly one of \"path\" or \"paths\" must be set"),
            std::string::npos);
  EXPECT_NE(Err(Load("data \"hcl_schema\" \"x\" {\n  path = \"missing.hcl\"\n}\nenv \"dev\" {\n  src = "
                     "data.hcl_schema.x.url\n}\n",
                     "dev"))
                .find("stat missing.hcl: no such file or directory"),
            std::string::npos);
  EXPECT_NE(
      Err(Load("data \"composite_schema\" \"x\" {}\nenv \"dev\" {\n  src = data.composite_schema.x.url\n}\n", "dev"))
          .find("at least one schema block is required"),
      std::string::npos);
}

}  // namespace
}  // namespace strata::project

namespace strata::project {
namespace {

TEST_F(DataSourcesTest, TemplateDir) {
  fs::create_directories(dir_ / "migrations" / "partials");
  std::ofstream(dir_ / "migrations" / "1_init.sql") << "CREATE TABLE {{ .prefix }}_users (id int);\n";
  std::ofstream(dir_ / "migrations" / "notes.txt") << "{{ .prefix }}";
  std::ofstream(dir_ / "migrations" / "partials" / "p.sql") << "{{ if .x }}";  // parsed, not rendered
  auto p = Load(R"(
data "template_dir" "m" {
  path = "migrations"
  vars = {
    prefix = "t1"
  }
}
env "dev" {
  migration {
    dir = data.template_dir.m.url
  }
}
)",
                "dev");
  EXPECT_NE(Err(p).find("partials/p.sql: unexpected EOF"), std::string::npos) << Err(p);
  fs::remove(dir_ / "migrations" / "partials" / "p.sql");
  p = Load(R"(
data "template_dir" "m" {
  path = "migrations"
  vars = {
    prefix = "t1"
  }
}
env "dev" {
  migration {
    dir = data.template_dir.m.url
  }
}
)",
           "dev");
  ASSERT_TRUE(p.ok()) << Err(p);
  EXPECT_EQ(p->envs[0].migration.dir, "mem://migrations/m");
  const MemDirFiles* d = mem_.GetDir("mem://migrations/m");
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(d->files.size(), 1u);
  EXPECT_EQ(d->files.at("1_init.sql"), "CREATE TABLE t1_users (id int);\n");
}

}  // namespace
}  // namespace strata::project
