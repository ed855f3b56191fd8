// Pieces the migrate run commands share: opening the migration directory
// (in any supported format), Atlas's checksum pre-check, and the lock name.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>

#include "base/status.h"
#include "cli/migrate_commands.h"
#include "dialect/driver.h"
#include "migrate/dir.h"
#include "migrate/revision.h"

namespace strata::cli {

// The lock `migrate apply` and `migrate set` take (Atlas's name).
inline constexpr const char* kMigrateLockName = "atlas_migrate_execute";

// Opens --dir in --dir-format (a `?format=` on the URL wins). `atlas_only`
// refuses other tools' formats (for commands that write files).
Result<std::unique_ptr<migrate::Dir>> OpenMigrationDir(const MigrateDirFlags& f, bool create, bool atlas_only = false);

// migrate.Validate with Atlas's report: on a checksum error prints the
// "You have a checksum error ..." block to `out` and fails.
Status CheckDir(const migrate::Dir& dir, std::ostream& out);

// The revision store for --revisions-schema (`flag_schema`), with Atlas's
// clarity guard: a schema-bound URL, no flag, no revisions table in the
// bound schema but one in the schema "atlas_schema_revisions" is ambiguous
// (older versions kept it there) and fails instead of starting over.
Result<std::unique_ptr<migrate::RevisionStore>> OpenRevisions(dialect::Driver& drv,
                                                              const std::string& flag_schema);

}  // namespace strata::cli
