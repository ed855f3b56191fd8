// Shared pieces of the command tree for the files that register commands
// (app.cc, app_migrate*.cc). Only these files include CLI11.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include <CLI/CLI.hpp>

#include "base/status.h"
#include "cli/commands.h"

namespace strata::cli {

struct AppContext {
  GlobalOptions globals;
  Status result;  // what the command that ran returned
  std::vector<std::shared_ptr<void>> owned;

  // Option structs live as long as the parse.
  template <typename T>
  T& Make() {
    auto p = std::make_shared<T>();
    owned.push_back(p);
    return *p;
  }
  // A CLI11 callback for command `cmd` that runs fn and keeps its status
  // for Run to report. This is the one place where project files (-c/--env)
  // fill the command's unset flags before fn runs; with several selected
  // envs fn runs once per env (RunWithProject).
  std::function<void()> Runner(CLI::App* cmd, std::function<Status()> fn);
};

// Loads the project file when -c or --env is given, fills every flag of cmd
// that was not set on the command line from the selected env (Atlas's
// `maySetFlag`), resolves env:// values, and runs fn once per env
// (project_flags.cc).
Status RunWithProject(GlobalOptions& g, CLI::App* cmd, const std::function<Status()>& fn);

inline std::function<void()> AppContext::Runner(CLI::App* cmd, std::function<Status()> fn) {
  return [this, cmd, fn] { result = RunWithProject(globals, cmd, fn); };
}

// -c/--config, --env and --var, on every schema/migrate subcommand.
void AddGlobals(CLI::App* cmd, GlobalOptions& g);

// `migrate apply|status|set|hash|validate|new` (app_migrate.cc).
void AddMigrateCommands(CLI::App* migrate, AppContext& ctx);
// `migrate diff|down|import` (app_migrate_authoring.cc).
void AddMigrateAuthoringCommands(CLI::App* migrate, AppContext& ctx);

}  // namespace strata::cli
