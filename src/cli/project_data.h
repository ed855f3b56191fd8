// The `data "sql"` source of project files, backed by the driver registry
// (the project library has no database code).
#pragma once

#include "project/project.h"

namespace strata::cli {

// `data "sql" "x" { url, query, args }` => {count, values, value}; one value
// per row from its first column (as text; NULL => null).
project::DataSource SQLDataSource();

}  // namespace strata::cli
