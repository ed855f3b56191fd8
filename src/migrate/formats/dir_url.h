// Migration directory URLs: "file://<path>[?format=<format>]". An empty
// path means "migrations". The deprecated --dir-format flag supplies the
// format when the URL has none.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "migrate/dir.h"
#include "migrate/formats/format.h"

namespace strata::migrate::formats {

struct DirUrl {
  std::string path;
  Format format = Format::kAtlas;
  bool format_given = false;  // the URL (or flag) named a format
};

// Errors: a URL without "://" -> `missing scheme for dir url. Did you mean
// "file://<raw>"?`; a scheme other than file -> `unsupported migration
// directory type "<scheme>"`; an unknown format -> `unknown dir format "x"`.
// `dir_format` ("" or the --dir-format value) applies when the URL has no
// "format" parameter.
Result<DirUrl> ParseDirUrl(const std::string& raw, const std::string& dir_format = "");

// Opens the directory; with `create`, a missing folder is created first
// (mode 0755), as `migrate diff` and `migrate import --to` do.
Result<std::unique_ptr<Dir>> OpenDirUrl(const DirUrl& u, bool create);

}  // namespace strata::migrate::formats
