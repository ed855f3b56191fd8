#include "cli/migrate_common.h"

#include "base/strings.h"
#include "cli/migrate_authoring.h"
#include "cli/state.h"

namespace strata::cli {
namespace {
constexpr const char* kRevisionsSchema = "atlas_schema_revisions";
}  // namespace


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

Result<std::unique_ptr<migrate::RevisionStore>> OpenRevisions(dialect::Driver& drv,
                                                              const std::string& flag_schema) {
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::RevisionStore> store, drv.Revisions(flag_schema));
  const std::string bound = drv.BoundSchema();
  if (!flag_schema.empty() || bound.empty() || drv.Name() == "sqlite" || bound == kRevisionsSchema)
    return store;
  ASSIGN_OR_RETURN(bool here, store->Exists());
  if (here) return store;
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::RevisionStore> legacy, drv.Revisions(kRevisionsSchema));
  ASSIGN_OR_RETURN(bool there, legacy->Exists());
  if (!there) return store;
  return Error(
      "ambiguous revision table: the connected schema " + GoQuote(bound) +
      " has no atlas_schema_revisions table but the schema \"atlas_schema_revisions\" has one; "
      "pass --revisions-schema atlas_schema_revisions to keep using it, or --revisions-schema " +
      GoQuote(bound) + " to start a new history in the connected schema");
}

}  // namespace strata::cli
