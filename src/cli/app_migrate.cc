// `migrate apply|status|set|hash|validate|new`: flags (Atlas's names and
// defaults) and callbacks. The commands live in migrate_<name>.cc.
#include <iostream>

#include "cli/app_internal.h"
#include "cli/migrate_commands.h"

namespace strata::cli {
namespace {

constexpr const char* kUrlHelp =
    "[driver://username:password@address/dbname?param=value] select a resource using the URL format";

void AddDirFlags(CLI::App* cmd, MigrateDirFlags& d) {
  cmd->add_option("--dir", d.dir, "select migration directory using URL format")->capture_default_str();
  cmd->add_option("--dir-format", d.dir_format, "select migration file format")->capture_default_str();
}

void AddRevisionsSchema(CLI::App* cmd, std::string& s) {
  cmd->add_option("--revisions-schema", s, "name of the schema the revisions table resides in");
}

}  // namespace

void AddMigrateCommands(CLI::App* migrate, AppContext& ctx) {
  auto& ao = ctx.Make<MigrateApplyOptions>();
  CLI::App* apply = migrate->add_subcommand("apply", "Applies pending migration files on the connected database.");
  AddGlobals(apply, ctx.globals);
  apply->add_option("-u,--url", ao.url, kUrlHelp);
  AddDirFlags(apply, ao.d);
  apply->add_option("--format,--log", ao.format, "Go template to use to format the output");
  AddRevisionsSchema(apply, ao.revisions_schema);
  apply->add_flag("--dry-run", ao.dry_run, "print SQL without executing it");
  apply->add_option("--lock-timeout", ao.lock_timeout, "set how long to wait for the database lock")
      ->capture_default_str();
  apply->add_option("--baseline", ao.baseline, "start the first migration after the given baseline version");
  apply->add_option("--tx-mode", ao.tx_mode, "set transaction mode [none, file, all]")->capture_default_str();
  apply->add_option("--exec-order", ao.exec_order, "set file execution order [linear, linear-skip, non-linear]")
      ->capture_default_str();
  apply->add_flag("--allow-dirty", ao.allow_dirty, "allow start working on a non-clean database");
  // Atlas Cloud run context (JSON); accepted for compatibility, unused.
  apply->add_option("--context", ao.context, "")->group("");
  apply->add_option("amount", ao.args, "number of pending files to apply (default: all)");
  apply->callback(ctx.Runner(apply, [&ao, &ctx] {
    ao.d.mem = ctx.globals.mem;
    return MigrateApply(ao, std::cout); }));

  auto& so = ctx.Make<MigrateStatusOptions>();
  CLI::App* status = migrate->add_subcommand("status", "Get information about the current migration status.");
  AddGlobals(status, ctx.globals);
  status->add_option("-u,--url", so.url, kUrlHelp);
  AddDirFlags(status, so.d);
  status->add_option("--format,--log", so.format, "Go template to use to format the output");
  AddRevisionsSchema(status, so.revisions_schema);
  status->callback(ctx.Runner(status, [&so, &ctx] {
    so.d.mem = ctx.globals.mem;
    return MigrateStatus(so, std::cout); }));

  auto& to = ctx.Make<MigrateSetOptions>();
  CLI::App* set = migrate->add_subcommand("set", "Set the current version of the migration history table.");
  AddGlobals(set, ctx.globals);
  set->add_option("-u,--url", to.url, kUrlHelp);
  AddDirFlags(set, to.d);
  AddRevisionsSchema(set, to.revisions_schema);
  set->add_option("version", to.args, "the version to mark as current");
  set->callback(ctx.Runner(set, [&to, &ctx] {
    to.d.mem = ctx.globals.mem;
    return MigrateSet(to, std::cout); }));

  auto& ho = ctx.Make<MigrateHashOptions>();
  CLI::App* hash =
      migrate->add_subcommand("hash", "Hash (re-)creates an integrity hash file for the migration directory.");
  AddGlobals(hash, ctx.globals);
  AddDirFlags(hash, ho.d);
  hash->add_flag("--force", ho.force, "deprecated: hash is always forced")->group("");
  hash->callback(ctx.Runner(hash, [&ho, &ctx] {
    ho.d.mem = ctx.globals.mem;
    return MigrateHash(ho); }));

  auto& vo = ctx.Make<MigrateValidateOptions>();
  CLI::App* validate =
      migrate->add_subcommand("validate", "Validates the migration directories checksum and SQL statements.");
  AddGlobals(validate, ctx.globals);
  validate->add_option(
      "--dev-url", vo.dev_url,
      "[driver://username:password@address/dbname?param=value] select a dev database using the URL format");
  AddDirFlags(validate, vo.d);
  validate->callback(ctx.Runner(validate, [&vo, &ctx] {
    vo.d.mem = ctx.globals.mem;
    return MigrateValidate(vo, std::cout); }));

  auto& no = ctx.Make<MigrateNewOptions>();
  CLI::App* newc = migrate->add_subcommand("new", "Creates a new empty migration file in the migration directory.");
  AddGlobals(newc, ctx.globals);
  AddDirFlags(newc, no.d);
  newc->add_option("name", no.args, "the file name suffix");
  newc->callback(ctx.Runner(newc, [&no, &ctx] {
    no.d.mem = ctx.globals.mem;
    return MigrateNew(no); }));
}

}  // namespace strata::cli
