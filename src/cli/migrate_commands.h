// `migrate apply|status|set|hash|validate|new`: plain option structs and
// entry points (flags are declared in app_migrate.cc).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "base/status.h"
#include "cli/commands.h"

namespace strata::project {
class MemRegistry;
}  // namespace strata::project

namespace strata::cli {

// Flags every migrate command shares.
struct MigrateDirFlags {
  std::string dir = "file://migrations";
  std::string dir_format = "atlas";
  // Where mem:// directories of the project's data sources (template_dir)
  // live; set from GlobalOptions::mem when the command runs.
  const project::MemRegistry* mem = nullptr;
};

struct MigrateApplyOptions {
  MigrateDirFlags d;
  std::string url, format, revisions_schema, baseline;
  std::string context;  // hidden --context (Atlas Cloud), ignored
  std::string lock_timeout = "10s";
  std::string tx_mode = "file";
  std::string exec_order = "linear";
  bool dry_run = false, allow_dirty = false;
  std::vector<std::string> args;  // [amount]
};

struct MigrateStatusOptions {
  MigrateDirFlags d;
  std::string url, format, revisions_schema;
};

struct MigrateSetOptions {
  MigrateDirFlags d;
  std::string url, revisions_schema;
  std::vector<std::string> args;  // [version]
};

struct MigrateHashOptions {
  MigrateDirFlags d;
  bool force = false;  // deprecated, accepted and ignored
};

struct MigrateValidateOptions {
  MigrateDirFlags d;
  std::string dev_url;
};

struct MigrateNewOptions {
  MigrateDirFlags d;
  std::vector<std::string> args;  // [name]
};

Status MigrateApply(const MigrateApplyOptions& o, std::ostream& out);
Status MigrateStatus(const MigrateStatusOptions& o, std::ostream& out);
Status MigrateSet(const MigrateSetOptions& o, std::ostream& out);
Status MigrateHash(const MigrateHashOptions& o);
Status MigrateValidate(const MigrateValidateOptions& o, std::ostream& out);
Status MigrateNew(const MigrateNewOptions& o);

}  // namespace strata::cli
