// Helpers shared by the HCL unit tests.
#pragma once

#include <string>

#include "base/source.h"
#include "hcl/eval.h"
#include "hcl/parser.h"

namespace strata::hcl::testing {

inline std::string TestDataDir() { return std::string(STRATA_SOURCE_DIR) + "/testdata/hcl"; }

// Parses and evaluates a standalone expression with the standard library
// and the file functions (rooted at testdata/hcl).
inline Result<Value> EvalExpr(const std::string& src, bool symbolic = true) {
  Diagnostics diags;
  ExprPtr e = ParseExpressionSource("expr.hcl", src, &diags);
  if (!e) return ParseError(diags.ToString());
  FunctionTable fns = Stdlib();
  AddFileFunctions(&fns, TestDataDir());
  EvalConfig c;
  c.functions = &fns;
  c.symbolic = symbolic;
  Evaluator ev(c);
  Scope scope;
  return ev.Eval(*e, scope);
}

// The HCL text of the value, or "error: <message>".
inline std::string EvalToHCL(const std::string& src, bool symbolic = true) {
  auto v = EvalExpr(src, symbolic);
  if (!v.ok()) return "error: " + v.status().message();
  return v->ToHCL();
}

}  // namespace strata::hcl::testing
