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

#include "hcl/hcl.h"

namespace strata::hcl {
namespace {

namespace fs = std::filesystem;

struct Txtar {
  std::string comment;
  std::vector<std::pair<std::string, std::string>> files;

  const std::string* Get(const std::string& name) const {
    for (const auto& [n, c] : files)
      if (n == name) return &c;
    return nullptr;
  }
  void Set(const std::string& name, const std::string& content) {
    for (auto& [n, c] : files) {
      if (n == name) {
        c = content;
        return;
      }
    }
    files.emplace_back(name, content);
  }
};

bool MarkerName(const std::string& line, std::string* name) {
  if (line.size() < 7 || line.compare(0, 3, "-- ") != 0 ||
      line.compare(line.size() - 3, 3, " --") != 0)
    return false;
  *name = line.substr(3, line.size() - 6);
  return true;
}

Txtar ParseTxtar(const std::string& text) {
  Txtar t;
  std::string* current = &t.comment;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::string name;
    if (MarkerName(line, &name)) {
      t.files.emplace_back(name, "");
      current = &t.files.back().second;
      continue;
    }
    *current += line + "\n";
  }
  return t;
}

std::string FormatTxtar(const Txtar& t) {
  std::string out = t.comment;
  for (const auto& [name, content] : t.files) {
    out += "-- " + name + " --\n" + content;
    if (!content.empty() && content.back() != '\n') out += "\n";
  }
  return out;
}

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
    const std::string* want = t.Get("want");
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
    const std::string* input = t.Get("input.hcl");
    ASSERT_NE(input, nullptr);
    auto got = Format("input.hcl", *input);
    ASSERT_TRUE(got.ok()) << got.status().message();
    if (Updating()) {
      t.Set("want.hcl", *got);
      std::ofstream(path, std::ios::binary) << FormatTxtar(t);
      continue;
    }
    const std::string* want = t.Get("want.hcl");
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

TEST(GoldenTest, TxtarRoundTrip) {
  Txtar t = ParseTxtar("note\n-- a.hcl --\nx = 1\n-- want --\nOK\n");
  EXPECT_EQ(t.comment, "note\n");
  ASSERT_EQ(t.files.size(), 2u);
  EXPECT_EQ(*t.Get("a.hcl"), "x = 1\n");
  EXPECT_EQ(FormatTxtar(t), "note\n-- a.hcl --\nx = 1\n-- want --\nOK\n");
}

}  // namespace
}  // namespace strata::hcl
