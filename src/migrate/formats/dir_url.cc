#include "migrate/formats/dir_url.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "base/strings.h"
#include "base/url.h"

namespace strata::migrate::formats {
namespace {

// mkdir -p with mode 0755.
Status MakeDirs(const std::string& path) {
  std::string partial;
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i < path.size() && path[i] != '/') continue;
    partial = path.substr(0, i);
    if (partial.empty()) continue;
    if (::mkdir(partial.c_str(), 0755) != 0 && errno != EEXIST) {
      return Status(Code::kIO, "migrate: create dir " + GoQuote(partial) + ": " + std::strerror(errno));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<DirUrl> ParseDirUrl(const std::string& raw, const std::string& dir_format) {
  if (raw.find("://") == std::string::npos) {
    return InvalidArgument("missing scheme for dir url. Did you mean \"file://" + raw + "\"?");
  }
  ASSIGN_OR_RETURN(Url u, Url::Parse(raw));
  if (u.scheme != "file") {
    return InvalidArgument("unsupported migration directory type " + GoQuote(u.scheme));
  }
  DirUrl out;
  out.path = u.HostPath();
  if (out.path.empty()) out.path = "migrations";
  std::string name = u.Query("format");
  if (name.empty()) name = dir_format;
  if (!name.empty()) {
    ASSIGN_OR_RETURN(out.format, ParseFormat(name));
    out.format_given = true;
  }
  return out;
}

Result<std::unique_ptr<Dir>> OpenDirUrl(const DirUrl& u, bool create) {
  if (create) {
    struct stat st;
    if (::stat(u.path.c_str(), &st) != 0) RETURN_IF_ERROR(MakeDirs(u.path));
  }
  return OpenDir(u.format, u.path);
}

}  // namespace strata::migrate::formats
