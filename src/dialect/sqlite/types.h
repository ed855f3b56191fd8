// SQLite's column types as data (Atlas's SQLite type registry, plus a few
// common spellings SQLite accepts).
#pragma once

#include "spec/type_registry.h"

namespace strata::dialect::sqlite {

const spec::TypeRegistry& SqliteTypes();

}  // namespace strata::dialect::sqlite
