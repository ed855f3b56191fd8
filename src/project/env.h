// The decoded form of a project file's `env` blocks and of the top-level
// `lint` and `diff` blocks (Atlas atlas.hcl compatible).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "hcl/hcl.h"

namespace strata::project {

// `lint { ... }`.
struct LintConfig {
  bool present = false;
  std::string format;                   // `format` (legacy `log`)
  std::optional<int64_t> latest;        // --latest
  std::optional<std::string> git_base;  // git { base }
  std::optional<std::string> git_dir;   // git { dir }
  std::string review;                   // ALWAYS | WARNING | ERROR
  std::vector<hcl::Block> analyzers;    // destructive { error = true }, naming {...}, ...
};

// `diff { skip { ... } concurrent_index { ... } }`.
struct DiffConfig {
  bool present = false;
  bool has_skip = false;
  std::set<std::string> skip;  // keys set to true, e.g. "drop_table"
  bool has_concurrent_index = false;
  bool concurrent_create = false;
  bool concurrent_drop = false;
};

// `migration { ... }`.
struct MigrationConfig {
  std::string dir, format, baseline, exec_order, lock_timeout, revisions_schema;
};

struct Env {
  std::string name;
  std::string url;
  std::string dev;
  std::vector<std::string> src;  // `src` (or `schema { src }`), relative file paths made absolute
  std::vector<std::string> schemas;
  std::vector<std::string> exclude;
  std::vector<std::string> include;
  MigrationConfig migration;
  // `format { migrate { apply = ... } schema { inspect = ... } }`, keyed
  // "migrate.apply", "schema.inspect", ... (legacy block name: `log`).
  std::map<std::string, std::string> format;
  LintConfig lint;  // merged with the top-level block
  DiffConfig diff;  // merged with the top-level block
  // Attributes that are not env settings; input variables of schema files.
  std::map<std::string, hcl::Value> extra;
  // The evaluated block, for `env://<attr>` lookups.
  hcl::Block block;

  // Resolves `env://<path>`: url, dev, src, schema.src, migration.dir, or a
  // custom string attribute.
  Result<std::string> Lookup(const std::string& path) const;
};

// Decodes one evaluated `env` block; `config_dir` anchors relative `src`
// paths. Errors carry the block position.
Result<Env> DecodeEnv(const hcl::Block& block, const std::string& config_dir);
Result<LintConfig> DecodeLint(const hcl::Block& block);
Result<DiffConfig> DecodeDiff(const hcl::Block& block);

// Reference 3.1 step 5: env values win, missing parts come from the
// top-level blocks.
LintConfig MergeLint(const LintConfig& env, const LintConfig& global);
DiffConfig MergeDiff(const DiffConfig& env, const DiffConfig& global);

}  // namespace strata::project
