// Type constraints (for `variable` blocks and the to*() functions) and the
// cty-like conversion rules between values.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "hcl/hcl.h"

namespace strata::hcl {

struct Expr;

struct Type {
  enum class Kind { kAny, kString, kNumber, kBool, kList, kSet, kMap, kTuple, kObject };
  Kind kind = Kind::kAny;
  std::vector<Type> elems;                          // list/set/map: one; tuple: each
  std::vector<std::pair<std::string, Type>> attrs;  // object

  static Type Of(Kind k) {
    Type t;
    t.kind = k;
    return t;
  }
  static Type Collection(Kind k, Type elem) {
    Type t = Of(k);
    t.elems.push_back(std::move(elem));
    return t;
  }
  bool is_collection() const { return kind == Kind::kList || kind == Kind::kSet; }
  // "string", "list(number)", "object({a=string})".
  std::string ToString() const;
};

// Converts v to t the way cty does: numbers and bools to strings and back,
// tuples to lists/sets, objects to maps/objects. Null converts to anything.
// Errors read like "a number is required" or `attribute "x" is required`.
Result<Value> Convert(const Value& v, const Type& t);

// Parses a type expression: string, number, bool, int, any, list(T), set(T),
// map(T), tuple([T, ...]), object({name = T, ...}).
Result<Type> ParseTypeExpr(const Expr& e);

// The implicit conversions operators and functions use.
Result<Value> ToNumberValue(const Value& v);
Result<Value> ToBoolValue(const Value& v);
Result<std::string> ToStringValue(const Value& v);

// Unifies element types for tolist/toset: a mix of strings, numbers and
// bools becomes all strings.
ValueList UnifyElements(ValueList items);
// A set: duplicates removed, elements in canonical order.
Value MakeSet(ValueList items);
// The canonical order of set elements: numbers numerically, strings
// lexicographically, otherwise by kind then HCL text.
bool ValueLess(const Value& a, const Value& b);

}  // namespace strata::hcl
