// Reading a schema state from the URLs of --url/--to/--from: HCL files,
// SQL files (run on the dev database), or a live database.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "devdb/dev.h"
#include "dialect/driver.h"
#include "hcl/hcl.h"
#include "migrate/dir.h"
#include "schema/schema.h"

namespace strata::project {
class MemRegistry;
}  // namespace strata::project

namespace strata::cli {

struct StateOptions {
  std::vector<std::string> schemas;  // --schema
  std::vector<std::string> exclude;  // --exclude
  std::map<std::string, hcl::Value> vars;  // --var, or the env's extra attributes
  // mem:// states of the project's data sources (null: none).
  const project::MemRegistry* mem = nullptr;
};

struct State {
  schema::Realm realm;
  std::string bound_schema;  // "" = realm scope
  bool is_database = false;
  bool from_hcl = false;
  std::string driver;  // dialect name of the state
};

// Lazily opened dev database (only file:// sources need one).
class DevProvider {
 public:
  explicit DevProvider(std::string url) : url_(std::move(url)) {}
  bool empty() const { return url_.empty(); }
  Result<devdb::DevDatabase*> Get();

 private:
  std::string url_;
  std::unique_ptr<devdb::DevDatabase> dev_;
};

// Reads one state from one or more URLs (only file:// may repeat).
Result<State> ReadState(const std::vector<std::string>& urls, DevProvider& dev, const StateOptions& opts);

// Reads a mem:// state registered by a project data source (state_mem.cc).
Result<State> ReadMemState(const std::string& url, DevProvider& dev, const StateOptions& opts);

// The in-memory migration directory of a `data "template_dir"` source
// (a mem:// URL in GlobalOptions::mem), for the migrate commands' --dir.
Result<std::unique_ptr<migrate::MemDir>> OpenMemDir(const project::MemRegistry* mem, const std::string& url);

// Inspects a live database: its bound schema, or the realm (filtered).
Result<State> InspectDatabase(dialect::Driver& d, const StateOptions& opts);

// Parses --var values (`k=v`, repeatable, a repeated key becomes a list).
Result<std::map<std::string, hcl::Value>> ParseVars(const std::vector<std::string>& vars);

}  // namespace strata::cli
