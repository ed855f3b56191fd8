// The HCL recursive-descent parser. It reports every syntax error of a file
// into `diags`: after an error it skips to the next attribute or block
// boundary and carries on.
#pragma once

#include <memory>
#include <string>

#include "hcl/ast.h"

namespace strata {
class Diagnostics;
}

namespace strata::hcl {

// Parses a whole configuration file. The returned tree is complete for the
// parts that parsed; check `diags` for errors.
std::shared_ptr<File> ParseConfig(const std::string& filename, const std::string& source,
                                  Diagnostics* diags);

// Parses a standalone expression (the whole input must be one expression,
// newlines allowed around it). Returns null on error.
ExprPtr ParseExpressionSource(const std::string& filename, const std::string& source,
                              Diagnostics* diags);

}  // namespace strata::hcl
