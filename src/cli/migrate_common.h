// Pieces the migrate run commands share: opening the migration directory
// (in any supported format), Atlas's checksum pre-check, and the lock name.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>

#include "base/status.h"
#include "cli/migrate_commands.h"
#include "migrate/dir.h"

namespace strata::cli {

// The lock `migrate apply` and `migrate set` take (Atlas's name).
inline constexpr const char* kMigrateLockName = "atlas_migrate_execute";

// Opens --dir in --dir-format (a `?format=` on the URL wins). `atlas_only`
// refuses other tools' formats (for commands that write files).
Result<std::unique_ptr<migrate::Dir>> OpenMigrationDir(const MigrateDirFlags& f, bool create, bool atlas_only = false);

// migrate.Validate with Atlas's report: on a checksum error prints the
// "You have a checksum error ..." block to `out` and fails.
Status CheckDir(const migrate::Dir& dir, std::ostream& out);

}  // namespace strata::cli
