// -c/--config URL resolution.
#include <filesystem>

#include "base/strings.h"
#include "project/project.h"

namespace strata::project {
namespace fs = std::filesystem;

Result<std::string> ResolveConfigPath(const std::string& config_url) {
  if (config_url.empty()) {
    // Strata's own name first, then Atlas's, so an atlas.hcl works unchanged.
    std::error_code ec;
    if (fs::exists("strata.hcl", ec)) return std::string("strata.hcl");
    if (fs::exists("atlas.hcl", ec)) return std::string("atlas.hcl");
    return NotFound("config file " + GoQuote("strata.hcl") + " was not found");
  }
  size_t sep = config_url.find("://");
  if (sep == std::string::npos)
    return InvalidArgument("missing scheme for config file. Did you mean file://" + config_url + "?");
  std::string scheme = config_url.substr(0, sep);
  if (scheme != "file") return InvalidArgument("unsupported config file driver " + GoQuote(scheme));
  std::string path = config_url.substr(sep + 3);
  size_t q = path.find('?');
  if (q != std::string::npos) path = path.substr(0, q);
  std::error_code ec;
  if (path.empty() || !fs::is_regular_file(path, ec))
    return NotFound("config file " + GoQuote(path) + " was not found");
  return path;
}

}  // namespace strata::project
