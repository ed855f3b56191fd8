// `migrate new [name]`: an empty migration file named "<now>[_<name>].sql",
// then atlas.sum is rewritten.
#include <ctime>
#include <iostream>

#include "cli/migrate_common.h"
#include "migrate/sum.h"

namespace strata::cli {

Status MigrateNew(const MigrateNewOptions& o) {
  if (o.args.size() > 1) return InvalidArgument("accepts at most 1 arg(s), received " + std::to_string(o.args.size()));
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::Dir> dir, OpenMigrationDir(o.d, true, /*atlas_only=*/true));
  RETURN_IF_ERROR(CheckDir(*dir, std::cout));
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char version[16];
  std::strftime(version, sizeof version, "%Y%m%d%H%M%S", &tm);
  std::string name = version;
  if (!o.args.empty() && !o.args[0].empty()) name += "_" + o.args[0];
  name += ".sql";
  RETURN_IF_ERROR(dir->WriteFile(name, ""));
  ASSIGN_OR_RETURN(migrate::HashFile sum, dir->Checksum());
  return migrate::WriteSumFile(*dir, sum);
}

}  // namespace strata::cli
