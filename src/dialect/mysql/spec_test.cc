// MySQL HCL codec tests: data-driven round trips over
// testdata/spec/mysql/*.txtar (the format of src/spec/golden_test.cc:
// inputs `-- *.hcl --`, then `-- want.hcl --` (the canonical output, also a
// fixed point) or `-- errors --`; UPDATE_GOLDEN=1 rewrites them), and unit
// tests of the MySQL attributes.
#include "dialect/mysql/spec.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/strings.h"
#include "base/txtar.h"
#include "dialect/mysql/types.h"
#include "spec/decode.h"
#include "spec/encode.h"
#include "spec/spec_testing.h"

namespace strata::dialect::mysql {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> out;
  fs::path dir = fs::path(STRATA_SOURCE_DIR) / "testdata/spec/mysql";
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".txtar") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

Result<schema::Realm> Decode(const std::string& name, const std::string& text) {
  return spec::DecodeSources({{name, text}}, {}, MysqlSpec());
}

class MysqlSpecGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(MysqlSpecGolden, RoundTrip) {
  const std::string path = GetParam();
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  txtar::Archive a = txtar::Parse(buf.str());
  const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  std::vector<std::pair<std::string, std::string>> sources;
  for (const auto& [name, data] : a.files)
    if (EndsWith(name, ".hcl") && name != "want.hcl") sources.emplace_back(name, data);
  auto realm = spec::DecodeSources(sources, {}, MysqlSpec());
  const std::string* want_errors = a.Find("errors");
  const std::string* want_hcl = a.Find("want.hcl");
  ASSERT_TRUE(want_errors != nullptr || want_hcl != nullptr) << path;
  if (want_errors != nullptr) {
    ASSERT_FALSE(realm.ok()) << path << ": decoding should fail";
    std::string got = realm.status().message() + "\n";
    if (update) a.Set("errors", got);
    else EXPECT_EQ(got, *want_errors) << path;
  } else {
    ASSERT_TRUE(realm.ok()) << path << ": " << realm.status().message();
    std::string got = spec::EncodeRealm(*realm, MysqlSpec());
    if (update) a.Set("want.hcl", got);
    else EXPECT_EQ(got, *want_hcl) << path;
    EXPECT_EQ(spec::testing::FormatterDisagreement(got), "") << path;
    auto again = Decode("want.hcl", got);
    ASSERT_TRUE(again.ok()) << path << ": canonical output does not decode: " << again.status().message();
    EXPECT_EQ(spec::EncodeRealm(*again, MysqlSpec()), got) << path;
    EXPECT_EQ(spec::testing::FirstDifference(*again, *realm), "") << path;
  }
  if (update) std::ofstream(path, std::ios::binary) << txtar::Format(a);
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string stem = fs::path(info.param).stem().string();
  for (char& c : stem)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return stem;
}

INSTANTIATE_TEST_SUITE_P(Txtar, MysqlSpecGolden, ::testing::ValuesIn(GoldenFiles()), TestName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(MysqlSpecGolden);

TEST(MysqlSpec, UnsignedIsATypeFlag) {
  auto r = Decode("a.hcl", R"(schema "s" {}
table "t" {
  schema = schema.s
  column "a" {
    type     = bigint
    unsigned = true
  }
  column "b" {
    type = sql("int unsigned")
  }
  column "c" {
    type     = int
    unsigned = false
  }
})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const schema::Table& t = r->schemas[0].tables[0];
  EXPECT_TRUE(t.columns[0].type.is_unsigned);
  EXPECT_EQ(t.columns[0].type.raw, "bigint unsigned");
  EXPECT_FALSE(t.columns[0].options.Has("unsigned"));
  EXPECT_TRUE(t.columns[1].type.is_unsigned);
  EXPECT_FALSE(t.columns[2].type.is_unsigned);
  std::string out = spec::EncodeRealm(*r, MysqlSpec());
  EXPECT_NE(out.find("    type     = int\n    unsigned = true\n"), std::string::npos) << out;
}

TEST(MysqlSpec, DefaultsAreNotStored) {
  auto r = Decode("a.hcl", R"(schema "s" {}
table "t" {
  schema = schema.s
  engine = InnoDB
  column "a" {
    type           = int
    auto_increment = false
  }
  index "i" {
    type    = BTREE
    columns = [column.a]
  }
  check "c" {
    expr     = "a > 0"
    enforced = true
  }
})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const schema::Table& t = r->schemas[0].tables[0];
  EXPECT_TRUE(t.options.empty());
  EXPECT_TRUE(t.columns[0].options.empty());
  EXPECT_TRUE(t.indexes[0].options.empty());
  EXPECT_TRUE(t.checks[0].options.empty());
}

TEST(MysqlSpec, OptionKeysMatchTheRenderer) {
  auto r = Decode("a.hcl", R"(schema "s" {
  charset = "utf8mb4"
}
table "t" {
  schema         = schema.s
  engine         = MyISAM
  auto_increment = 7
  column "a" {
    type      = timestamp
    on_update = sql("CURRENT_TIMESTAMP")
    charset   = "latin1"
  }
  index "i" {
    type   = FULLTEXT
    parser = ngram
    on {
      column = column.a
      prefix = 4
    }
  }
  check "c" {
    expr     = "a > 0"
    enforced = false
  }
})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const schema::Schema& s = r->schemas[0];
  EXPECT_EQ(s.options.Get("charset"), "utf8mb4");
  const schema::Table& t = s.tables[0];
  EXPECT_EQ(t.options.Get("engine"), "MyISAM");
  EXPECT_EQ(t.options.Get("auto_increment"), "7");
  EXPECT_EQ(t.columns[0].options.Get("on_update"), "CURRENT_TIMESTAMP");
  EXPECT_EQ(t.columns[0].options.Get("charset"), "latin1");
  EXPECT_EQ(t.indexes[0].options.Get("type"), "FULLTEXT");
  EXPECT_EQ(t.indexes[0].options.Get("parser"), "ngram");
  EXPECT_EQ(t.indexes[0].parts[0].options.Get("prefix"), "4");
  EXPECT_EQ(t.checks[0].options.Get("enforced"), "false");
}

}  // namespace
}  // namespace strata::dialect::mysql
