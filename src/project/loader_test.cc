// Env selection, variables, locals, for_each and the error texts of
// project::Load / LoadSource.
#include <gtest/gtest.h>

#include "project/project.h"

namespace strata::project {
namespace {

Result<Project> LoadText(const std::string& src, const std::string& env, std::map<std::string, hcl::Value> inputs = {},
                         LoadOptions opts = {}) {
  opts.env = env;
  opts.inputs = std::move(inputs);
  return LoadSource("/tmp/strata-project-test/strata.hcl", src, opts);
}

std::string Err(const Result<Project>& r) { return r.ok() ? "<ok>" : r.status().message(); }

TEST(Select, LabeledEnvWinsOverUnlabeled) {
  auto p = LoadText(R"(
env {
  name = atlas.env
  url  = "sqlite://unlabeled.db"
}
env "dev" {
  url = "sqlite://labeled.db"
}
)",
                    "dev");
  ASSERT_TRUE(p.ok()) << Err(p);
  ASSERT_EQ(p->envs.size(), 1u);
  EXPECT_EQ(p->envs[0].url, "sqlite://labeled.db");
}

TEST(Select, UnlabeledEnvNamedByAtlasEnv) {
  auto p = LoadText(R"(
env {
  name = atlas.env
  url  = "sqlite://${atlas.env}.db"
}
)",
                    "staging");
  ASSERT_TRUE(p.ok()) << Err(p);
  ASSERT_EQ(p->envs.size(), 1u);
  EXPECT_EQ(p->envs[0].name, "staging");
  EXPECT_EQ(p->envs[0].url, "sqlite://staging.db");
}

TEST(Select, WithoutEnvNoEnvIsEvaluated) {
  // The env block calls a failing function; without --env it is never evaluated.
  auto p = LoadText(R"(
env "dev" {
  url = file("/no/such/file")
}
)",
                    "");
  ASSERT_TRUE(p.ok()) << Err(p);
  EXPECT_TRUE(p->envs.empty());
  EXPECT_FALSE(LoadText("env \"dev\" {\n  url = file(\"/no/such/file\")\n}\n", "dev").ok());
}

TEST(Select, Errors) {
  EXPECT_EQ(Err(LoadText("env \"dev\" {}\n", "prod")), "env \"prod\" not defined in config file");
  EXPECT_EQ(Err(LoadText("env {\n  url = \"x\"\n}\n", "prod")),
            "all envs must have names on file \"/tmp/strata-project-test/strata.hcl\"");
  // An unlabeled env whose name does not use atlas.env is not selectable.
  EXPECT_EQ(Err(LoadText("env {\n  name = \"fixed\"\n}\n", "fixed")), "env \"fixed\" not defined in config file");
}

TEST(Select, SameNameTwiceYieldsTwoEnvs) {
  auto p = LoadText("env \"x\" {\n  url = \"sqlite://1\"\n}\nenv \"x\" {\n  url = \"sqlite://2\"\n}\n", "x");
  ASSERT_TRUE(p.ok()) << Err(p);
  ASSERT_EQ(p->envs.size(), 2u);
  EXPECT_EQ(p->envs[1].url, "sqlite://2");
}

TEST(Env, DecodesEverySetting) {
  auto p = LoadText(R"(
env "dev" {
  url     = "sqlite://app.db"
  dev     = "sqlite://dev?mode=memory"
  src     = ["file://schema.hcl", "file:///abs/other.hcl"]
  schemas = ["main"]
  exclude = ["tmp_*"]
  tenant  = "acme"
  migration {
    dir              = "file://migrations"
    format           = golang-migrate
    baseline         = "20220811074144"
    exec_order       = LINEAR_SKIP
    lock_timeout     = "5s"
    revisions_schema = "revs"
  }
  format {
    migrate {
      apply = "{{ json . }}"
    }
    schema {
      inspect = "{{ sql . }}"
    }
  }
}
)",
                    "dev");
  ASSERT_TRUE(p.ok()) << Err(p);
  const Env& e = p->envs[0];
  EXPECT_EQ(e.dev, "sqlite://dev?mode=memory");
  ASSERT_EQ(e.src.size(), 2u);
  EXPECT_EQ(e.src[0], "file:///tmp/strata-project-test/schema.hcl");
  EXPECT_EQ(e.src[1], "file:///abs/other.hcl");
  EXPECT_EQ(e.schemas, std::vector<std::string>{"main"});
  EXPECT_EQ(e.exclude, std::vector<std::string>{"tmp_*"});
  EXPECT_EQ(e.migration.dir, "file://migrations");
  EXPECT_EQ(e.migration.format, "golang-migrate");
  EXPECT_EQ(e.migration.baseline, "20220811074144");
  EXPECT_EQ(e.migration.exec_order, "linear-skip");
  EXPECT_EQ(e.migration.lock_timeout, "5s");
  EXPECT_EQ(e.migration.revisions_schema, "revs");
  EXPECT_EQ(e.format.at("migrate.apply"), "{{ json . }}");
  EXPECT_EQ(e.format.at("schema.inspect"), "{{ sql . }}");
  ASSERT_EQ(e.extra.size(), 1u);
  EXPECT_EQ(e.extra.at("tenant").str(), "acme");
  EXPECT_EQ(*e.Lookup("tenant"), "acme");
  EXPECT_EQ(*e.Lookup("url"), "sqlite://app.db");
  EXPECT_EQ(*e.Lookup("migration.dir"), "file://migrations");
  EXPECT_FALSE(e.Lookup("src").ok());  // two sources
  EXPECT_FALSE(e.Lookup("nope").ok());
}

TEST(Env, SchemaBlockSrcAndLegacyLog) {
  auto p = LoadText(R"(
env "dev" {
  schema {
    src = "file://s.sql"
  }
  log {
    schema {
      apply = "X"
    }
  }
}
)",
                    "dev");
  ASSERT_TRUE(p.ok()) << Err(p);
  EXPECT_EQ(p->envs[0].src, std::vector<std::string>{"file:///tmp/strata-project-test/s.sql"});
  EXPECT_EQ(p->envs[0].format.at("schema.apply"), "X");
}

TEST(ForEach, SetListAndMap) {
  auto p = LoadText(R"(
locals {
  tenants = { a = "sqlite://a.db", b = "sqlite://b.db" }
}
env "t" {
  for_each = local.tenants
  url      = each.value
  tenant   = each.key
}
)",
                    "t");
  ASSERT_TRUE(p.ok()) << Err(p);
  ASSERT_EQ(p->envs.size(), 2u);
  EXPECT_EQ(p->envs[0].url, "sqlite://a.db");
  EXPECT_EQ(p->envs[1].extra.at("tenant").str(), "b");
  auto s = LoadText("env \"t\" {\n  for_each = toset([\"y\", \"x\"])\n  url = each.key\n}\n", "t");
  ASSERT_TRUE(s.ok()) << Err(s);
  ASSERT_EQ(s->envs.size(), 2u);
  EXPECT_EQ(s->envs[0].url, "x");
  auto l = LoadText("env \"t\" {\n  for_each = [\"p\", \"q\"]\n  url = \"${each.key}${each.value}\"\n}\n", "t");
  ASSERT_TRUE(l.ok()) << Err(l);
  EXPECT_EQ(l->envs[1].url, "1q");
  EXPECT_NE(Err(LoadText("env \"t\" {\n  for_each = 3\n}\n", "t")).find("for_each does not support number"),
            std::string::npos);
}

TEST(Locals, LazyAndCycles) {
  // An unreferenced broken local is not evaluated.
  auto p = LoadText(R"(
locals {
  broken = file("/no/such")
  base   = "sqlite://"
  url    = "${local.base}app.db"
}
env "dev" {
  url = local.url
}
)",
                    "dev");
  ASSERT_TRUE(p.ok()) << Err(p);
  EXPECT_EQ(p->envs[0].url, "sqlite://app.db");
  auto c = LoadText("locals {\n  a = local.b\n  b = local.a\n}\nenv \"dev\" {\n  url = local.a\n}\n", "dev");
  EXPECT_NE(Err(c).find("cyclic reference to \"local."), std::string::npos) << Err(c);
}

TEST(LintDiff, GlobalBlocksMergeIntoEnv) {
  auto p = LoadText(R"(
lint {
  format = "{{ json . }}"
  review = ERROR
  latest = 3
  destructive {
    error = false
  }
}
diff {
  skip {
    drop_table  = true
    drop_schema = false
  }
}
env "a" {
  lint {
    latest = 1
  }
}
env "b" {
  diff {
    concurrent_index {
      add = true
    }
  }
  lint {
    data_depend {
      error = true
    }
  }
}
env "c" {
  diff {
    skip {
      add_table = true
    }
  }
}
)",
                    "a");
  ASSERT_TRUE(p.ok()) << Err(p);
  const Env& a = p->envs[0];
  EXPECT_EQ(a.lint.format, "{{ json . }}");
  EXPECT_EQ(a.lint.review, "ERROR");
  EXPECT_EQ(*a.lint.latest, 1);
  ASSERT_EQ(a.lint.analyzers.size(), 1u);
  EXPECT_EQ(a.lint.analyzers[0].type, "destructive");
  EXPECT_EQ(a.diff.skip, std::set<std::string>{"drop_table"});
  EXPECT_EQ(p->diff.skip, std::set<std::string>{"drop_table"});
}

TEST(LintDiff, EnvValuesWin) {
  const std::string src = R"(
lint {
  latest = 3
  destructive {
    error = false
  }
}
diff {
  skip {
    drop_table = true
  }
}
env "b" {
  diff {
    concurrent_index {
      add = true
    }
  }
  lint {
    data_depend {
      error = true
    }
  }
}
env "c" {
  diff {
    skip {
      add_table = true
    }
  }
}
)";
  auto b = LoadText(src, "b");
  ASSERT_TRUE(b.ok()) << Err(b);
  EXPECT_EQ(b->envs[0].diff.skip, std::set<std::string>{"drop_table"});  // inherited
  EXPECT_TRUE(b->envs[0].diff.concurrent_create);
  ASSERT_EQ(b->envs[0].lint.analyzers.size(), 1u);
  EXPECT_EQ(b->envs[0].lint.analyzers[0].type, "data_depend");  // env has its own
  EXPECT_EQ(*b->envs[0].lint.latest, 3);
  auto c = LoadText(src, "c");
  ASSERT_TRUE(c.ok()) << Err(c);
  EXPECT_EQ(c->envs[0].diff.skip, std::set<std::string>{"add_table"});
}

TEST(LintDiff, UnknownSkipKey) {
  EXPECT_EQ(Err(LoadText("diff {\n  skip {\n    drop_tables = true\n  }\n}\n", "")),
            "/tmp/strata-project-test/strata.hcl:3:5: Unsupported argument: An argument named \"drop_tables\" is "
            "not expected here.");
  EXPECT_NE(Err(LoadText("diff {\n  skip {\n    drop_table = 1\n  }\n}\n", "")).find("bool required"),
            std::string::npos);
}

TEST(LintDiff, LogAndFormatConflict) {
  EXPECT_EQ(Err(LoadText("lint {\n  log = \"a\"\n  format = \"b\"\n}\n", "")),
            "cannot use both 'log' and 'format' in the same lint block");
}

TEST(ConfigPath, Errors) {
  EXPECT_EQ(ResolveConfigPath("strata.hcl").status().message(),
            "missing scheme for config file. Did you mean file://strata.hcl?");
  EXPECT_EQ(ResolveConfigPath("http://x/a.hcl").status().message(), "unsupported config file driver \"http\"");
  EXPECT_EQ(ResolveConfigPath("file:///no/such/atlas.hcl").status().message(),
            "config file \"/no/such/atlas.hcl\" was not found");
}

}  // namespace
}  // namespace strata::project
