// `migrate hash`: rewrites atlas.sum from the directory's files.
#include "cli/migrate_common.h"
#include "migrate/sum.h"

namespace strata::cli {

Status MigrateHash(const MigrateHashOptions& o) {
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::Dir> dir, OpenMigrationDir(o.d, false));
  ASSIGN_OR_RETURN(migrate::HashFile sum, dir->Checksum());
  return migrate::WriteSumFile(*dir, sum);
}

}  // namespace strata::cli
