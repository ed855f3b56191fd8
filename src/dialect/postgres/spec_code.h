// The HCL blocks of PostgreSQL functions, procedures and policies as
// spec::ObjectSpec data plus hooks for what data cannot say (arg blocks,
// return/return_set/return_table, lang spellings, policy on/to). Model
// conventions: routines.h.
#pragma once

#include "spec/dialect_spec.h"

namespace strata::dialect::postgres {

// Appends function, procedure and policy to d.objects.
void AddCodeObjectSpecs(spec::DialectSpec& d);

}  // namespace strata::dialect::postgres
