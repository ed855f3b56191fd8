// Data-driven codec tests over testdata/spec/<dialect>/*.txtar.
//
// Each archive holds one or more input files (`-- *.hcl --`, decoded
// together in archive order) and either
//   `-- want.hcl --`  the canonical HCL that Encode(Decode(inputs)) prints,
//                     which must also be a fixed point (decoding and
//                     encoding it again gives it back), or
//   `-- errors --`    the exact "file:line:col: message" lines decoding
//                     must fail with.
// An optional `-- vars --` section gives input variables, one `name=value`
// (string) per line. UPDATE_GOLDEN=1 rewrites want.hcl / errors from the
// actual output.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/strings.h"
#include "hcl/hcl.h"
#include "base/txtar.h"
#include "spec/decode.h"
#include "spec/encode.h"
#include "spec/spec_testing.h"

namespace strata::spec {
namespace {

namespace fs = std::filesystem;

using Archive = txtar::Archive;

Archive ParseTxtar(const std::string& text) { return txtar::Parse(text); }
std::string FormatTxtar(const Archive& a) { return txtar::Format(a); }

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> out;
  fs::path dir = fs::path(STRATA_SOURCE_DIR) / "testdata/spec/sqlite";
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".txtar") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

Result<schema::Realm> DecodeArchiveInputs(const Archive& a) {
  std::vector<std::pair<std::string, std::string>> sources;
  for (const auto& [name, data] : a.files)
    if (EndsWith(name, ".hcl") && name != "want.hcl") sources.emplace_back(name, data);
  InputValues vars;
  if (const std::string* v = a.Find("vars")) {
    for (const auto& line : Split(*v, "\n")) {
      size_t eq = line.find('=');
      if (eq != std::string::npos)
        vars[Trim(line.substr(0, eq))] = hcl::Value::String(line.substr(eq + 1));
    }
  }
  return DecodeSources(sources, vars, testing::Sqlite());
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, Sqlite) {
  const fs::path path = GetParam();
  Archive a = ParseTxtar(ReadAll(path));
  const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  const std::string* want_errors = a.Find("errors");
  const std::string* want_hcl = a.Find("want.hcl");
  ASSERT_TRUE(want_errors != nullptr || want_hcl != nullptr)
      << path << ": needs a want.hcl or an errors section";

  Result<schema::Realm> realm = DecodeArchiveInputs(a);
  if (want_errors != nullptr) {
    ASSERT_FALSE(realm.ok()) << path << ": decoding should fail";
    EXPECT_EQ(realm.status().code(), Code::kParse);
    std::string got = realm.status().message() + "\n";
    if (update) {
      a.Set("errors", got);
    } else {
      EXPECT_EQ(got, *want_errors) << path;
    }
  } else {
    ASSERT_TRUE(realm.ok()) << path << ": " << realm.status().message();
    std::string got = EncodeRealm(*realm, testing::Sqlite());
    if (update) {
      a.Set("want.hcl", got);
    } else {
      EXPECT_EQ(got, *want_hcl) << path;
    }
    EXPECT_EQ(testing::FormatterDisagreement(got), "") << path;
    // Canonical output is a fixed point of decode+encode.
    auto again = DecodeSources({{"want.hcl", got}}, {}, testing::Sqlite());
    ASSERT_TRUE(again.ok()) << path
                            << ": canonical output does not decode: " << again.status().message();
    EXPECT_EQ(EncodeRealm(*again, testing::Sqlite()), got) << path;
    EXPECT_EQ(testing::FirstDifference(*again, *realm), "") << path;
  }
  if (update) {
    std::ofstream out(path, std::ios::binary);
    out << FormatTxtar(a);
  }
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string stem = fs::path(info.param).stem().string();
  for (char& c : stem)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return stem;
}

INSTANTIATE_TEST_SUITE_P(Txtar, GoldenTest, ::testing::ValuesIn(GoldenFiles()), TestName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenTest);

}  // namespace
}  // namespace strata::spec
