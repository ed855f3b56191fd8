// Canonical form of SQLite tables before diffing. Everything here encodes
// "the database treats these spellings the same", so that only real
// differences turn into changes.
#pragma once

#include "schema/schema.h"

namespace strata::dialect::sqlite {

// - Comments and charsets are dropped: SQLite stores neither.
// - Foreign keys named by their pragma id ("0", "1": SQLite does not name
//   unnamed constraints, and Atlas uses the id) become unnamed, so the
//   differ matches them by shape, as Atlas's Normalize does.
// - Collations are upper-cased; BINARY (the default) and an index part's
//   collation equal to its column's are dropped.
// - Generated columns without a storage type are VIRTUAL.
// - Boolean options set to "false" are dropped.
void NormalizeTable(schema::Table& t);

}  // namespace strata::dialect::sqlite
