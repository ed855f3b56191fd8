// Shared by golden_test.cc and golden_integration_test.cc: the plan cases
// in testdata/mysql/plan/*.txtar. Each archive holds
//   -- from.hcl --     the current state (optional: an empty realm)
//   -- to.hcl --       the desired state
//   -- flavor --       optional: a SELECT VERSION() text ("8.0.36");
//                      default MariaDB 10.11
//   -- qualifier --    optional: the PlanOptions qualifier (one line; an
//                      empty section means unqualified DDL)
//   -- indent --       optional: PlanOptions.indent, e.g. two spaces
//   -- plan.sql --     the expected plan (plan::FormatSQL)
//   -- reverse.sql --  the expected down migration (reverses, last first)
// Both states are decoded with MysqlSpec() and diffed with MysqlDiffHooks.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/strings.h"
#include "base/txtar.h"
#include "dialect/mysql/diff_hooks.h"
#include "dialect/mysql/plan.h"
#include "dialect/mysql/spec.h"
#include "diff/differ.h"
#include "spec/decode.h"

namespace strata::dialect::mysql::testing {

struct PlanCase {
  txtar::Archive archive;
  schema::Realm from, to;
  Flavor flavor;
  plan::PlanOptions opts;
  plan::Plan plan;
};

inline Result<schema::Realm> DecodeSection(const txtar::Archive& a, const std::string& name) {
  const std::string* src = a.Find(name);
  if (src == nullptr) return schema::Realm{};
  return spec::DecodeSources({{name, *src}}, {}, MysqlSpec());
}

// Reads, decodes, diffs and plans one case (test failures on errors).
inline void LoadCase(const std::filesystem::path& path, PlanCase* c) {
  std::ifstream f(path);
  std::stringstream buf;
  buf << f.rdbuf();
  c->archive = txtar::Parse(buf.str());
  ASSERT_NE(c->archive.Find("to.hcl"), nullptr) << path << ": needs to.hcl";
  auto from = DecodeSection(c->archive, "from.hcl");
  ASSERT_TRUE(from.ok()) << path << ": " << from.status().message();
  auto to = DecodeSection(c->archive, "to.hcl");
  ASSERT_TRUE(to.ok()) << path << ": " << to.status().message();
  c->from = std::move(from).value();
  c->to = std::move(to).value();
  if (const std::string* v = c->archive.Find("flavor")) c->flavor = ParseVersion(Trim(*v));
  MysqlDiffHooks hooks(c->flavor);
  auto changes = diff::DiffRealm(c->from, c->to, hooks);
  ASSERT_TRUE(changes.ok()) << changes.status().message();
  if (const std::string* q = c->archive.Find("qualifier")) c->opts.qualifier = Trim(*q);
  if (const std::string* in = c->archive.Find("indent")) {
    c->opts.indent = *in;
    while (!c->opts.indent.empty() && (c->opts.indent.back() == '\n' || c->opts.indent.back() == '\r'))
      c->opts.indent.pop_back();
  }
  auto p = PlanChanges(*changes, c->opts, c->flavor);
  ASSERT_TRUE(p.ok()) << path << ": " << p.status().message();
  c->plan = std::move(p).value();
}

inline plan::Plan ReversePlan(const plan::Plan& p) {
  plan::Plan r;
  r.delimiter = p.delimiter;
  for (auto it = p.changes.rbegin(); it != p.changes.rend(); ++it)
    for (const auto& stmt : it->reverse) r.changes.push_back({stmt, "", {}, false, ""});
  return r;
}

inline std::vector<std::string> PlanCases() {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  fs::path dir = fs::path(STRATA_SOURCE_DIR) / "testdata" / "mysql" / "plan";
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txtar") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

inline std::string PlanCaseName(const ::testing::TestParamInfo<std::string>& info) {
  std::string n = std::filesystem::path(info.param).stem().string();
  for (auto& ch : n)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
}

}  // namespace strata::dialect::mysql::testing
