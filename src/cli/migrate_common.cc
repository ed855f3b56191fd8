#include "cli/migrate_common.h"

#include "base/strings.h"
#include "cli/migrate_authoring.h"
#include "cli/state.h"

namespace strata::cli {

Result<std::unique_ptr<migrate::Dir>> OpenMigrationDir(const MigrateDirFlags& f, bool create, bool atlas_only) {
  // A directory a project data source rendered (data "template_dir").
  if (StartsWith(f.dir, "mem://")) {
    if (atlas_only) return Unsupported("cannot write new files to the in-memory directory " + GoQuote(f.dir));
    ASSIGN_OR_RETURN(std::unique_ptr<migrate::MemDir> mem, OpenMemDir(f.mem, f.dir));
    return std::unique_ptr<migrate::Dir>(std::move(mem));
  }
  migrate::formats::DirUrl parsed;
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::Dir> dir, OpenFormatDir(f.dir, f.dir_format, create, &parsed));
  if (atlas_only && parsed.format != migrate::formats::Format::kAtlas) {
    return Unsupported("this command writes Atlas-format files only; use --dir-format atlas");
  }
  return dir;
}

Status CheckDir(const migrate::Dir& dir, std::ostream& out) { return CheckDirSum(dir, out); }

}  // namespace strata::cli
