// The function table: the standard library of Atlas HCL (cty's stdlib plus
// Atlas's own functions) and the project functions (file, getenv, ...).
// try() and can() need lazy arguments and live in the evaluator.
#pragma once

#include <map>
#include <string>

#include "hcl/hcl.h"

namespace strata::hcl {

struct FunctionDef {
  int min_args = 0;
  int max_args = -1;  // -1: variadic
  Function fn;
};
using FunctionTable = std::map<std::string, FunctionDef>;

// The standard library, built once (thread-safe).
const FunctionTable& Stdlib();
// file(path), fileset(pattern), glob(pattern), getenv(name); relative paths
// resolve against base_dir.
void AddFileFunctions(FunctionTable* table, const std::string& base_dir);

// Registration per family (stdlib_*.cc).
void AddCollectionFunctions(FunctionTable* table);
void AddSetFunctions(FunctionTable* table);
void AddStringFunctions(FunctionTable* table);
void AddFormatFunctions(FunctionTable* table);
void AddRegexFunctions(FunctionTable* table);
void AddNumericFunctions(FunctionTable* table);
void AddEncodingFunctions(FunctionTable* table);
void AddTimeFunctions(FunctionTable* table);
void AddUrlFunctions(FunctionTable* table);

// Helpers for function implementations: argument checks with cty-like
// messages ("string required", "number required", ...).
Result<std::string> StringArg(const ValueList& args, size_t i);
Result<Value> NumberArg(const ValueList& args, size_t i);
Result<int64_t> IntArg(const ValueList& args, size_t i);
Result<bool> BoolArg(const ValueList& args, size_t i);
Result<ValueList> ListArg(const ValueList& args, size_t i);
Result<ValueMap> ObjectArg(const ValueList& args, size_t i);
// Object fields sorted by key (cty objects and maps are unordered; functions
// return them in key order).
Value SortedObject(ValueMap fields);

}  // namespace strata::hcl
