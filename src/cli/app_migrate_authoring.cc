// `migrate diff|down|import`.
#include "cli/app_internal.h"

namespace strata::cli {

void AddMigrateAuthoringCommands(CLI::App* migrate, AppContext& ctx) {
  (void)migrate;
  (void)ctx;
}

}  // namespace strata::cli
