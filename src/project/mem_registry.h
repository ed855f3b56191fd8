// In-process states produced by data sources, addressed by mem:// URLs
// (`mem://hcl_schema/<label>`, `mem://composite_schema/<label>`, ...). The
// CLI resolves them when such a URL is given as --url/--to.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "hcl/hcl.h"

namespace strata::project {

struct MemSchema {
  enum class Kind {
    kHCLFiles,   // schema files evaluated with `vars` as input variables
    kSQL,        // SQL text run on the dev database
    kComposite,  // parts loaded in order; a labeled part is scoped to that schema
  };
  Kind kind = Kind::kHCLFiles;
  std::vector<std::string> paths;                          // kHCLFiles: absolute file paths or dirs
  std::map<std::string, hcl::Value> vars;                  // kHCLFiles
  std::string sql;                                         // kSQL
  std::vector<std::pair<std::string, std::string>> parts;  // kComposite: (schema name or "", url)
};

// An in-memory migration directory (data "template_dir"): file name ->
// content, top-level files only. The consumer computes atlas.sum.
struct MemDirFiles {
  std::map<std::string, std::string> files;
};

class MemRegistry {
 public:
  void PutDir(const std::string& url, MemDirFiles d) { dirs_[url] = std::move(d); }
  const MemDirFiles* GetDir(const std::string& url) const {
    auto it = dirs_.find(url);
    return it == dirs_.end() ? nullptr : &it->second;
  }

  void Put(const std::string& url, MemSchema s) { schemas_[url] = std::move(s); }
  // Null when the URL is unknown.
  const MemSchema* Get(const std::string& url) const {
    auto it = schemas_.find(url);
    return it == schemas_.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::string, MemSchema> schemas_;
  std::map<std::string, MemDirFiles> dirs_;
};

}  // namespace strata::project
