// Project-file defaults for command flags (Atlas `maySetFlag`) and the
// multi-env loop. Works on CLI11 options by name, so every command that
// runs through AppContext::Runner gets it, whatever flags it declares.
#include <algorithm>
#include <iostream>
#include <set>

#include "base/strings.h"
#include "cli/app_internal.h"
#include "cli/env_fanout.h"
#include "cli/project_data.h"
#include "cli/state.h"
#include "project/project.h"

namespace strata::cli {
namespace {

std::string CommandPath(const CLI::App* cmd) {
  const CLI::App* parent = cmd->get_parent();
  if (parent == nullptr || parent->get_parent() == nullptr) return cmd->get_name();
  return parent->get_name() + " " + cmd->get_name();
}

Status SetResults(CLI::Option* o, const std::vector<std::string>& values) {
  o->clear();
  for (const auto& v : values) o->add_result(v);
  try {
    o->run_callback();
  } catch (const CLI::Error& e) {
    return InvalidArgument(std::string("invalid value for flag ") + o->get_name() +
                           " from the project file: " + e.what());
  }
  return Status::Ok();
}

// The env's `format { <group> { <command> = ... } }` template for cmd.
std::string EnvFormat(const project::Env& env, const CLI::App* cmd) {
  const std::string path = CommandPath(cmd);
  std::string key = path;
  std::replace(key.begin(), key.end(), ' ', '.');
  auto fmt = env.format.find(key);
  std::string format = fmt == env.format.end() ? "" : fmt->second;
  if (format.empty() && path == "migrate lint") format = env.lint.format;
  return format;
}

class FlagFiller {
 public:
  FlagFiller(CLI::App* cmd) : cmd_(cmd) {
    for (CLI::Option* o : cmd->get_options()) {
      if (o->count() == 0) continue;
      given_.insert(o);
      for (const auto& v : o->results())
        if (v.rfind("env://", 0) == 0) env_urls_.emplace_back(o, o->results());
    }
  }

  // Sets flag from the env unless the command line set it.
  Status Set(const std::string& flag, const std::vector<std::string>& values) {
    CLI::Option* o = cmd_->get_option_no_throw(flag);
    if (o == nullptr || given_.count(o) || values.empty()) return Status::Ok();
    return SetResults(o, values);
  }
  Status Set(const std::string& flag, const std::string& value) {
    if (value.empty()) return Status::Ok();
    return Set(flag, std::vector<std::string>{value});
  }

  Status Fill(const project::Env& env) {
    // env:// values given on the command line are resolved again per env.
    for (const auto& [o, values] : env_urls_) RETURN_IF_ERROR(SetResults(o, values));
    const std::string path = CommandPath(cmd_);
    RETURN_IF_ERROR(Set("--url", env.url));
    RETURN_IF_ERROR(Set("--dev-url", env.dev));
    RETURN_IF_ERROR(Set("--dir", env.migration.dir));
    RETURN_IF_ERROR(Set("--dir-format", env.migration.format));
    RETURN_IF_ERROR(Set("--baseline", env.migration.baseline));
    RETURN_IF_ERROR(Set("--revisions-schema", env.migration.revisions_schema));
    RETURN_IF_ERROR(Set("--lock-timeout", env.migration.lock_timeout));
    RETURN_IF_ERROR(Set("--exec-order", env.migration.exec_order));
    // The desired state; `migrate import --to` is a directory, not a state.
    if (path != "migrate import") RETURN_IF_ERROR(Set("--to", env.src));
    RETURN_IF_ERROR(Set("--schema", env.schemas));
    RETURN_IF_ERROR(Set("--exclude", env.exclude));
    RETURN_IF_ERROR(Set("--include", env.include));
    RETURN_IF_ERROR(Set("--format", EnvFormat(env, cmd_)));
    if (env.lint.latest) RETURN_IF_ERROR(Set("--latest", std::to_string(*env.lint.latest)));
    if (env.lint.git_base) RETURN_IF_ERROR(Set("--git-base", *env.lint.git_base));
    if (env.lint.git_dir) RETURN_IF_ERROR(Set("--git-dir", *env.lint.git_dir));
    return Status::Ok();
  }

 private:
  CLI::App* cmd_;
  std::set<const CLI::Option*> given_;
  std::vector<std::pair<CLI::Option*, std::vector<std::string>>> env_urls_;
};

// Replaces `env://<attr>` values of every flag (given or filled).
Status ResolveEnvURLs(CLI::App* cmd, const project::Env* env) {
  for (CLI::Option* o : cmd->get_options()) {
    std::vector<std::string> values = o->results();
    bool changed = false;
    for (auto& v : values) {
      if (v.rfind("env://", 0) != 0) continue;
      if (env == nullptr) return InvalidArgument("cannot use " + GoQuote(v) + " without --env");
      ASSIGN_OR_RETURN(std::string resolved, env->Lookup(v.substr(6)));
      if (resolved.rfind("env://", 0) == 0)
        return InvalidArgument(GoQuote(v) + " cannot point to another env:// URL (" + GoQuote(resolved) + ")");
      v = resolved;
      changed = true;
    }
    if (changed) RETURN_IF_ERROR(SetResults(o, values));
  }
  return Status::Ok();
}

bool HasFormat(CLI::App* cmd) {
  CLI::Option* o = cmd->get_option_no_throw("--format");
  return o != nullptr && o->count() > 0;
}

}  // namespace

Status RunWithProject(GlobalOptions& g, CLI::App* cmd, const std::function<Status()>& fn) {
  CLI::Option* config = cmd->get_option_no_throw("--config");
  if (config == nullptr || (g.config.empty() && g.env.empty())) {
    RETURN_IF_ERROR(ResolveEnvURLs(cmd, nullptr));
    return fn();
  }
  project::MemRegistry mem;
  project::LoadOptions lo;
  lo.config_url = g.config;
  lo.env = g.env;
  ASSIGN_OR_RETURN(lo.inputs, ParseVars(g.vars));
  lo.mem = &mem;
  lo.data_sources["sql"] = SQLDataSource();
  ASSIGN_OR_RETURN(project::Project p, project::Load(lo));
  if (p.envs.size() > 1 && CommandPath(cmd) == "schema apply")
    return InvalidArgument("multi-environment " + GoQuote(g.env) + " is not supported");
  struct Reset {
    GlobalOptions& g;
    ~Reset() {
      g.project_env = nullptr;
      g.mem = nullptr;
    }
  } reset{g};
  g.mem = &mem;
  if (p.envs.empty()) {  // -c without --env: only top-level blocks
    RETURN_IF_ERROR(ResolveEnvURLs(cmd, nullptr));
    return fn();
  }
  if (g.env_index >= 0) {
    // A child of a multi-env run: exactly one env of the expansion.
    if (static_cast<size_t>(g.env_index) >= p.envs.size())
      return Internal("--env-index " + std::to_string(g.env_index) + " is out of range");
    p.envs = {p.envs[static_cast<size_t>(g.env_index)]};
  } else if (p.envs.size() > 1 && !g.argv.empty()) {
    // Several envs (for_each or repeated names): one child process each, a
    // bounded number at a time, outputs in declaration order.
    FanoutOptions fo;
    fo.argv = g.argv;
    fo.envs = p.envs.size();
    fo.parallelism = EnvParallelism();
    fo.separate_with_newline = HasFormat(cmd) || !EnvFormat(p.envs[0], cmd).empty();
    return RunEnvFanout(fo);
  }
  // Flags the env sets are re-filled before each run.
  FlagFiller filler(cmd);
  for (size_t i = 0; i < p.envs.size(); ++i) {
    const project::Env& env = p.envs[i];
    RETURN_IF_ERROR(filler.Fill(env));
    RETURN_IF_ERROR(ResolveEnvURLs(cmd, &env));
    g.project_env = &env;
    if (i > 0 && HasFormat(cmd)) std::cout << "\n";
    RETURN_IF_ERROR(fn());
  }
  return Status::Ok();
}

}  // namespace strata::cli
