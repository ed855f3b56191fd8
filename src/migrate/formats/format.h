// The migration directory formats Strata reads and writes: Atlas's own and
// the layouts of five other migration tools. A format decides which files of
// a directory are migration files, in which order, what their versions are,
// which part of each file holds the "up" statements, and how new files are
// named and written. See docs/formats/other-tools.md.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "migrate/dir.h"

namespace strata::migrate::formats {

enum class Format { kAtlas, kGolangMigrate, kGoose, kFlyway, kLiquibase, kDbmate };

// The names used by --dir-format and "?format=": atlas, golang-migrate,
// goose, flyway, liquibase, dbmate.
std::string_view FormatName(Format f);
// kInvalidArgument `unknown dir format "<name>"` for anything else.
Result<Format> ParseFormat(std::string_view name);
// Every format, in the order above.
const std::vector<Format>& AllFormats();

// Opens the directory at `path` in format `f`. Atlas directories are plain
// LocalDirs; the other tools' directories list their own files (see
// layout.h) but read, write and hash like Atlas directories.
Result<std::unique_ptr<Dir>> OpenDir(Format f, const std::string& path);

}  // namespace strata::migrate::formats
