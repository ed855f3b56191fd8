// `variable` blocks of a project file: type, default, description and
// `validation { condition, error_message }` (several per variable; defaults
// are validated too).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "hcl/ast.h"
#include "hcl/eval.h"

namespace strata::project {

struct VariableDecl {
  const hcl::BlockNode* block = nullptr;
  std::string name;
};

// Binds declared variables from `inputs` (else their default). The result
// holds every variable's value; validations are not run here.
Result<std::map<std::string, hcl::Value>> BindVariables(const std::vector<VariableDecl>& decls,
                                                        const std::map<std::string, hcl::Value>& inputs,
                                                        const hcl::Evaluator& static_eval);

// Runs the validation blocks of every variable. `eval` evaluates an
// expression with `var` bound (and any data it references prepared).
using ExprEval = std::function<Result<hcl::Value>(const hcl::Expr&)>;
Status ValidateVariables(const std::vector<VariableDecl>& decls, const ExprEval& eval);

}  // namespace strata::project
