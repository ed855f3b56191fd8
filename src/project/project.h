// Loading a project file (strata.hcl / atlas.hcl): config URL resolution,
// partial parse and env selection, `variable` (with `validation`), `locals`,
// lazily evaluated `data` sources, `for_each` on envs, and decoding.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "hcl/hcl.h"
#include "project/env.h"
#include "project/mem_registry.h"

namespace strata::project {

// Evaluates one `data "<type>" "<name>"` block: `args` is the evaluated block
// (attributes and nested blocks). Returns the object that
// `data.<type>.<name>` refers to.
using DataSource = std::function<Result<hcl::Value>(const hcl::Block& args)>;

struct LoadOptions {
  // -c/--config; empty means file://strata.hcl, then file://atlas.hcl.
  std::string config_url;
  // --env; empty evaluates no env block.
  std::string env;
  // --var values (strings or lists of strings).
  std::map<std::string, hcl::Value> inputs;
  // Extra or overriding data sources by type (the CLI adds "sql").
  std::map<std::string, DataSource> data_sources;
  // Where data sources register their mem:// states; may be null when the
  // file has none.
  MemRegistry* mem = nullptr;
};

struct Project {
  std::string path;                             // the project file
  std::vector<Env> envs;                        // the selected env(s); several with for_each
  LintConfig lint;                              // top-level `lint`
  DiffConfig diff;                              // top-level `diff`
  std::map<std::string, hcl::Value> variables;  // evaluated `variable` values
};

// Resolves -c/--config to a file path: "config file %q was not found",
// "missing scheme for config file. Did you mean file://...?",
// "unsupported config file driver %q".
Result<std::string> ResolveConfigPath(const std::string& config_url);

// Loads the project file and selects opts.env (see docs/project.md).
Result<Project> Load(const LoadOptions& opts);

// Loads from source text (tests); `path` names the file for errors and
// anchors relative paths.
Result<Project> LoadSource(const std::string& path, const std::string& source, const LoadOptions& opts);

}  // namespace strata::project
