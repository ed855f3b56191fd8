// The CLI commands, each taking a plain options struct so that only app.cc
// sees the flag parser. Each returns a Status; app.cc prints "Error: ...".
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "base/status.h"

namespace strata::project {
struct Env;
class MemRegistry;
}  // namespace strata::project

namespace strata::cli {

struct GlobalOptions {
  std::string config;
  std::string env;
  std::vector<std::string> vars;
  // Set by AppContext::Runner while a command runs with a project file: the
  // selected env (null without --env) and the mem:// states of its data
  // sources. Both are owned by the runner.
  const project::Env* project_env = nullptr;
  const project::MemRegistry* mem = nullptr;
  // The command line, re-run per env when an env expands to several; the
  // hidden --env-index selects one env of the expansion in such a child.
  std::vector<std::string> argv;
  int env_index = -1;
};

struct InspectOptions {
  std::string url, dev_url, format;
  std::vector<std::string> schemas, exclude;
};

struct ApplyOptions {
  std::string url, dev_url, format, tx_mode = "file";
  std::vector<std::string> to, schemas, exclude;
  bool dry_run = false, auto_approve = false;
};

struct DiffOptions {
  std::vector<std::string> from, to, schemas, exclude;
  std::string dev_url, format;
};

struct CleanOptions {
  std::string url;
  bool auto_approve = false;
};

struct FmtOptions {
  std::vector<std::string> paths;
};

Status SchemaInspect(const GlobalOptions& g, const InspectOptions& o, std::ostream& out);
Status SchemaApply(const GlobalOptions& g, const ApplyOptions& o, std::ostream& out);
Status SchemaDiff(const GlobalOptions& g, const DiffOptions& o, std::ostream& out);
Status SchemaClean(const GlobalOptions& g, const CleanOptions& o, std::ostream& out);
Status SchemaFmt(const FmtOptions& o, std::ostream& out);
Status Version(std::ostream& out);

}  // namespace strata::cli
