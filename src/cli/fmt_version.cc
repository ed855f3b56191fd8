// `schema fmt` and `version`.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "hcl/hcl.h"

#ifndef STRATA_VERSION
#define STRATA_VERSION "v0.1.0"
#endif

namespace strata::cli {
namespace fs = std::filesystem;

Status SchemaFmt(const FmtOptions& o, std::ostream& out) {
  std::vector<std::string> paths = o.paths.empty() ? std::vector<std::string>{"./"} : o.paths;
  for (const auto& p : paths) {
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_directory(p, ec)) {
      for (const auto& e : fs::directory_iterator(p, ec))
        if (e.is_regular_file() && e.path().extension() == ".hcl") files.push_back(e.path());
      std::sort(files.begin(), files.end());
    } else if (fs::exists(p, ec)) {
      files.emplace_back(p);
    } else {
      return IOError("stat " + p + ": no such file or directory");
    }
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      if (!in) return IOError("open " + f.string() + ": permission denied");
      std::stringstream ss;
      ss << in.rdbuf();
      std::string src = ss.str();
      ASSIGN_OR_RETURN(std::string formatted, hcl::Format(f.string(), src));
      if (formatted == src) continue;
      std::ofstream w(f, std::ios::binary | std::ios::trunc);
      w << formatted;
      if (!w) return IOError("write " + f.string() + ": failed");
      out << f.string() << "\n";
    }
  }
  return Status::Ok();
}

Status Version(std::ostream& out) {
  out << "strata version " << STRATA_VERSION << "\n";
  return Status::Ok();
}

}  // namespace strata::cli
