// Data-driven tests over testdata/hcl:
//   errors/*.txtar  one or more "*.hcl" sections and a "want" section with
//                   the exact error lines of ParseAndEvaluate (or "OK").
//   format/*.txtar  "input.hcl" and "want.hcl": Format(input) == want, plus
//                   idempotence and evaluation round trips.
// UPDATE_GOLDEN=1 rewrites the expected sections.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/txtar.h"
#include "hcl/hcl.h"

namespace strata::hcl {
namespace {

namespace fs = std::filesystem;

using Txtar = txtar::Archive;

Txtar ParseTxtar(const std::string& text) { return txtar::Parse(text); }
std::string FormatTxtar(const Txtar& t) { return txtar::Format(t); }

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> Archives(const std::string& dir) {
  std::vector<fs::path> out;
  fs::path root = fs::path(STRATA_SOURCE_DIR) / "testdata" / "hcl" / dir;
  for (const auto& e : fs::directory_iterator(root))
    if (e.path().extension() == ".txtar") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

bool Updating() {
  const char* v = std::getenv("UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

std::string ErrorsOf(const Txtar& t) {
  std::vector<std::pair<std::string, std::string>> sources;
  for (const auto& [name, content] : t.files)
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".hcl") == 0)
      sources.emplace_back(name, content);
  EvalOptions opts;
  opts.base_dir = std::string(STRATA_SOURCE_DIR) + "/testdata/hcl";
  auto doc = ParseAndEvaluate(sources, opts);
  return (doc.ok() ? std::string("OK") : doc.status().message()) + "\n";
}

TEST(GoldenTest, Errors) {
  auto archives = Archives("errors");
  ASSERT_GE(archives.size(), 15u);
  for (const auto& path : archives) {
    SCOPED_TRACE(path.filename().string());
    Txtar t = ParseTxtar(ReadFile(path));
    std::string got = ErrorsOf(t);
    if (Updating()) {
      t.Set("want", got);
      std::ofstream(path, std::ios::binary) << FormatTxtar(t);
      continue;
    }
    const std::string* want = t.Find("want");
    ASSERT_NE(want, nullptr) << "missing -- want -- section";
    EXPECT_EQ(got, *want);
    EXPECT_NE(got, "OK\n") << "an error golden must produce errors";
  }
}

void ExpectSameDocument(const std::vector<Attribute>& a, const std::vector<Attribute>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].name, b[i].name);
    EXPECT_EQ(a[i].value, b[i].value)
        << a[i].name << ": " << a[i].value.ToHCL() << " vs " << b[i].value.ToHCL();
  }
}

void ExpectSameBlocks(const std::vector<Block>& a, const std::vector<Block>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].type, b[i].type);
    EXPECT_EQ(a[i].labels, b[i].labels);
    ExpectSameDocument(a[i].attributes, b[i].attributes);
    ExpectSameBlocks(a[i].blocks, b[i].blocks);
  }
}

TEST(GoldenTest, Format) {
  auto archives = Archives("format");
  ASSERT_GE(archives.size(), 10u);
  for (const auto& path : archives) {
    SCOPED_TRACE(path.filename().string());
    Txtar t = ParseTxtar(ReadFile(path));
    const std::string* input = t.Find("input.hcl");
    ASSERT_NE(input, nullptr);
    auto got = Format("input.hcl", *input);
    ASSERT_TRUE(got.ok()) << got.status().message();
    if (Updating()) {
      t.Set("want.hcl", *got);
      std::ofstream(path, std::ios::binary) << FormatTxtar(t);
      continue;
    }
    const std::string* want = t.Find("want.hcl");
    ASSERT_NE(want, nullptr);
    EXPECT_EQ(*got, *want);
    // Idempotence.
    auto again = Format("want.hcl", *got);
    ASSERT_TRUE(again.ok()) << again.status().message();
    EXPECT_EQ(*again, *got);
    // The output parses and means the same thing as the input.
    auto before = ParseAndEvaluate({{"input.hcl", *input}}, EvalOptions{});
    auto after = ParseAndEvaluate({{"input.hcl", *got}}, EvalOptions{});
    ASSERT_EQ(before.ok(), after.ok());
    if (before.ok()) {
      ExpectSameDocument(before->attributes, after->attributes);
      ExpectSameBlocks(before->blocks, after->blocks);
    }
  }
}


}  // namespace
}  // namespace strata::hcl
