// `migrate apply|status|set|hash|validate|new`.
#include "cli/app_internal.h"

namespace strata::cli {

void AddMigrateCommands(CLI::App* migrate, AppContext& ctx) {
  (void)migrate;
  (void)ctx;
}

}  // namespace strata::cli
