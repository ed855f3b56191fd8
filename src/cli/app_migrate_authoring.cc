// `migrate diff|down|import`.
#include <iostream>

#include "cli/app_internal.h"
#include "cli/migrate_authoring.h"

namespace strata::cli {

void AddMigrateAuthoringCommands(CLI::App* migrate, AppContext& ctx) {
  GlobalOptions& g = ctx.globals;

  auto& d = ctx.Make<MigrateDiffOptions>();
  CLI::App* diff = migrate->add_subcommand(
      "diff", "Compute the diff between the migration directory and a desired state and create a new migration file.");
  AddGlobals(diff, g);
  diff->add_option("name", d.name, "name of the new migration file");
  diff->add_option("--to", d.to, "[driver://username:password@address/dbname?param=value] select a desired state using the URL format")->delimiter(',');
  diff->add_option("--dev-url", d.dev_url, "[driver://username:password@address/dbname?param=value] select a dev database using the URL format");
  diff->add_option("--dir", d.dir, "select migration directory using URL format")->capture_default_str();
  diff->add_option("--dir-format", d.dir_format, "select migration file format");
  diff->add_option("-s,--schema", d.schemas, "set schema names")->delimiter(',');
  diff->add_option("--lock-timeout", d.lock_timeout, "set how long to wait for the database lock")->capture_default_str();
  diff->add_option("--format", d.format, "Go template to use to format the output");
  diff->add_option("--qualifier", d.qualifier, "qualify tables with custom qualifier when working on a single schema");
  diff->callback(ctx.Runner(diff, [&] { return MigrateDiff(g, d, std::cout, std::cerr); }));

  auto& im = ctx.Make<MigrateImportOptions>();
  CLI::App* import = migrate->add_subcommand(
      "import", "Import a migration directory from another migration management tool to the Atlas format.");
  AddGlobals(import, g);
  import->add_option("--from", im.from, "select migration directory using URL format");
  import->add_option("--to", im.to, "select migration directory using URL format")->capture_default_str();
  import->add_option("--dir-format", im.dir_format, "select migration file format");
  import->callback(ctx.Runner(import, [&] { return MigrateImport(g, im, std::cout, std::cerr); }));

  auto& dn = ctx.Make<MigrateDownOptions>();
  CLI::App* down = migrate->add_subcommand(
      "down", "Revert the last applied migration files by planning the database back to an earlier version.");
  AddGlobals(down, g);
  down->add_option("amount", dn.amount, "number of applied migration files to revert (default 1)");
  down->add_option("-u,--url", dn.url, "[driver://username:password@address/dbname?param=value] select a database using the URL format");
  down->add_option("--dir", dn.dir, "select migration directory using URL format")->capture_default_str();
  down->add_option("--dev-url", dn.dev_url, "[driver://username:password@address/dbname?param=value] select a dev database using the URL format");
  down->add_option("--to-version", dn.to_version, "revert the files applied after this version");
  down->add_flag("--dry-run", dn.dry_run, "print the statements without executing them");
  down->add_option("--format", dn.format, "Go template to use to format the output");
  down->add_option("--revisions-schema", dn.revisions_schema, "name of the schema the revisions table resides in");
  down->add_option("--lock-timeout", dn.lock_timeout, "set how long to wait for the database lock")->capture_default_str();
  down->callback(ctx.Runner(down, [&] { return MigrateDown(g, dn, std::cout, std::cerr); }));
}

}  // namespace strata::cli
