// The data sources built into the project library (no database code):
// hcl_schema, composite_schema, external_schema, external and template_dir. The `sql`
// source needs a database and is supplied by the CLI.
#pragma once

#include <map>
#include <string>

#include "project/mem_registry.h"
#include "project/project.h"

namespace strata::project {

// `mem` receives the states; `config_dir` anchors relative paths.
std::map<std::string, DataSource> BuiltinDataSources(MemRegistry* mem, const std::string& config_dir);

// Builds the `{count, values, value}` object of a `data "sql"` source from
// the first column of each row.
hcl::Value SQLResult(const hcl::ValueList& values);

}  // namespace strata::project
