// The HCL blocks of PostgreSQL's type-like objects (enum, domain,
// composite, sequence, extension) as spec::ObjectSpec data. Option keys
// are the inspector's (inspect_types.cc) and the renderer's (render_types.cc).
#pragma once

#include "spec/dialect_spec.h"

namespace strata::dialect::postgres {

// Appends the object kinds to d.objects, in the order inspect prints them.
void AddTypeObjectSpecs(spec::DialectSpec& d);

}  // namespace strata::dialect::postgres
