// The command tree and flags (the only file that includes CLI11).
#include "cli/app.h"

#include <iostream>

#include "base/url.h"
#include "cli/app_internal.h"
#include "cli/interaction.h"

namespace strata::cli {
void AddGlobals(CLI::App* cmd, GlobalOptions& g) {
  cmd->add_option("-c,--config", g.config, "select config (project) file using URL format");
  cmd->add_option("--env", g.env, "set which env from the config file to use");
  cmd->add_option("--var", g.vars, "input variables")->take_all()->allow_extra_args(false);
  // Internal: set on the child processes of a multi-env run (cli/env_fanout.h).
  cmd->add_option("--env-index", g.env_index)->group("");
}

int Run(int argc, char** argv) {
  CLI::App app{"Manage your database schema as code", "strata"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Print help for every command");
  AppContext ctx;
  GlobalOptions& g = ctx.globals;
  g.argv.assign(argv, argv + argc);
  Status& result = ctx.result;

  CLI::App* schema = app.add_subcommand("schema", "Work with atlas schemas.");
  schema->require_subcommand(1);

  InspectOptions io;
  CLI::App* inspect = schema->add_subcommand("inspect", "Inspect a database and print its schema in Atlas DDL syntax.");
  AddGlobals(inspect, g);
  inspect->add_option("-u,--url", io.url, "[driver://username:password@address/dbname?param=value] select a resource using the URL format");
  inspect->add_option("--dev-url", io.dev_url, "[driver://username:password@address/dbname?param=value] select a dev database using the URL format");
  inspect->add_option("-s,--schema", io.schemas, "set schema names")->delimiter(',');
  inspect->add_option("--exclude", io.exclude, "list of glob patterns used to filter resources from applying")->delimiter(',');
  inspect->add_option("--format,--log", io.format, "Go template to use to format the output");
  inspect->callback(ctx.Runner(inspect, [&] { return SchemaInspect(g, io, std::cout); }));

  ApplyOptions ao;
  CLI::App* apply = schema->add_subcommand("apply", "Apply an atlas schema to a target database.");
  AddGlobals(apply, g);
  apply->add_option("-u,--url", ao.url, "URL of the database to be inspected");
  apply->add_option("--to,-f,--file", ao.to, "URL(s) of the desired state")->delimiter(',');
  apply->add_option("--dev-url", ao.dev_url, "URL for the dev database");
  apply->add_option("-s,--schema", ao.schemas, "set schema names")->delimiter(',');
  apply->add_option("--exclude", ao.exclude, "list of glob patterns used to filter resources from applying")->delimiter(',');
  apply->add_flag("--dry-run", ao.dry_run, "print SQL without executing it");
  apply->add_flag("--auto-approve", ao.auto_approve, "apply changes without prompting for approval");
  apply->add_option("--format,--log", ao.format, "Go template to use to format the output");
  apply->add_option("--tx-mode", ao.tx_mode, "set transaction mode [none, file]");
  apply->callback(ctx.Runner(apply, [&] { return SchemaApply(g, ao, std::cout); }));

  DiffOptions dopt;
  CLI::App* diffc = schema->add_subcommand("diff", "Calculate and print the diff between two schemas.");
  AddGlobals(diffc, g);
  diffc->add_option("-f,--from", dopt.from, "[driver://username:password@address/dbname?param=value] select a resource using the URL format")->delimiter(',');
  diffc->add_option("--to", dopt.to, "[driver://username:password@address/dbname?param=value] select a resource using the URL format")->delimiter(',');
  diffc->add_option("--dev-url", dopt.dev_url, "[driver://username:password@address/dbname?param=value] select a dev database using the URL format");
  diffc->add_option("-s,--schema", dopt.schemas, "set schema names")->delimiter(',');
  diffc->add_option("--exclude", dopt.exclude, "list of glob patterns used to filter resources from applying")->delimiter(',');
  diffc->add_option("--format", dopt.format, "Go template to use to format the output");
  diffc->callback(ctx.Runner(diffc, [&] { return SchemaDiff(g, dopt, std::cout); }));

  CleanOptions co;
  CLI::App* clean = schema->add_subcommand("clean", "Removes all objects from the connected database.");
  AddGlobals(clean, g);
  clean->add_option("-u,--url", co.url, "URL of the database to be cleaned");
  clean->add_flag("--auto-approve", co.auto_approve, "apply changes without prompting for approval");
  clean->callback(ctx.Runner(clean, [&] { return SchemaClean(g, co, std::cout); }));

  FmtOptions fo;
  CLI::App* fmt = schema->add_subcommand("fmt", "Formats Atlas HCL files");
  fmt->add_option("path", fo.paths, "files or directories to format");
  fmt->callback(ctx.Runner(fmt, [&] { return SchemaFmt(fo, std::cout); }));

  CLI::App* migrate = app.add_subcommand("migrate", "Manage versioned migration files");
  migrate->require_subcommand(1);
  AddMigrateCommands(migrate, ctx);
  AddMigrateAuthoringCommands(migrate, ctx);

  CLI::App* version = app.add_subcommand("version", "Prints this Strata CLI version information.");
  version->callback(ctx.Runner(version, [&] { return Version(std::cout); }));

  InstallSignalHandlers();
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp& e) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::ExtrasError& e) {
    // Atlas (cobra) wording: "unknown flag: --x" / "unknown command "x"".
    std::string msg = e.what();
    size_t colon = msg.find(": ");
    std::string extra = colon == std::string::npos ? "" : msg.substr(colon + 2);
    extra = extra.substr(0, extra.find(' '));
    if (!extra.empty() && extra[0] == '-') {
      std::cerr << "Error: unknown flag: " << RedactSecrets(extra) << "\n";
    } else {
      std::cerr << "Error: unknown command \"" << RedactSecrets(extra) << "\" for \"strata\"\n";
    }
    return 1;
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      app.exit(e);
      return 0;
    }
    std::cerr << "Error: " << RedactSecrets(e.what()) << "\n";
    return 1;
  }
  std::cout.flush();
  if (!result.ok()) {
    // An empty message: the failure was already reported (multi-env children).
    if (!result.message().empty()) std::cerr << "Error: " << RedactSecrets(result.message()) << "\n";
    return 1;
  }
  return 0;
}

}  // namespace strata::cli
