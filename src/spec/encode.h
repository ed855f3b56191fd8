// Model -> HCL: the canonical schema file `schema inspect` prints (Atlas's
// marshaler byte for byte): table blocks, then views, then triggers, then
// schema blocks; built-in attributes first, dialect attributes where the
// DialectSpec places them; defaults omitted; references relative.
#pragma once

#include <string>

#include "schema/schema.h"
#include "spec/dialect_spec.h"

namespace strata::spec {

// A whole realm. Tables (and views) whose names occur in more than one
// schema are qualified (`table "s" "t"`), and foreign keys always name the
// referenced table (`[table.users.column.id]`, `[table.s.t.column.id]`).
std::string EncodeRealm(const schema::Realm& realm, const DialectSpec& dialect);

// A single schema: nothing is qualified, and self-referencing foreign keys
// use the relative form (`[column.id]`).
std::string EncodeSchema(const schema::Schema& schema, const DialectSpec& dialect);

}  // namespace strata::spec
