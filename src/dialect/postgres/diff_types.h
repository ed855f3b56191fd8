// Canonical comparison of PostgreSQL's type-like objects, where the catalog
// normalises what a schema file says: sequence options default by type
// and direction, an extension without a version matches any version, types
// compare by their canonical spelling, defaults and checks as expressions.
#pragma once

#include "diff/differ.h"
#include "schema/schema.h"

namespace strata::dialect::postgres {

// For IsTypeObject kinds (render_types.h).
bool TypeObjectsEqual(const diff::DiffHooks& h, const schema::Object& a, const schema::Object& b);

// The object with every option the server defaults spelled out (sequences),
// for comparison.
schema::Object CanonicalTypeObject(const schema::Object& o);

}  // namespace strata::dialect::postgres
