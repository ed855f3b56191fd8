// How PostgreSQL functions, procedures and policies are kept in
// schema::Object, so that the inspector, the renderer, the planner and the
// HCL codec agree.
//
// Function / procedure (kind "function" | "procedure"):
//   signature  "(integer, text)": the identity argument types, which tell
//              overloads apart (DROP FUNCTION f(integer, text))
//   def        the body: prosrc text (`AS $$...$$`), or the SQL-standard body
//              ("RETURN x", "BEGIN ATOMIC ... END") when option sql_body is set
//   values     the arguments in order, each FormatRoutineArg() text
//   options    "lang"       language name as the catalog spells it (sql, plpgsql)
//              "return"     functions: pg_get_function_result text
//                           ("integer", "SETOF t", "TABLE(a integer, b text)")
//              "volatility" IMMUTABLE | STABLE (VOLATILE, the default, absent)
//              "strict", "leakproof", "sql_body" "true" when set
//              "security"   DEFINER (INVOKER, the default, absent)
//              "parallel"   SAFE | RESTRICTED (UNSAFE, the default, absent)
//              "set.<param>" the value of a `SET param TO ...` clause, as
//                           proconfig holds it ("public, pg_temp")
// Policy (kind "policy"):
//   signature  " ON <table>" (PolicySignature): policy names are unique per
//              table, so the table is part of the identity
//   options    "table" (its table, in the policy's schema), "as" RESTRICTIVE
//              (PERMISSIVE, the default, absent), "for" SELECT | INSERT |
//              UPDATE | DELETE (ALL absent), "to" comma-separated roles
//              (PUBLIC absent), "using", "check" expressions
#pragma once

#include <string>
#include <vector>

#include "schema/schema.h"

namespace strata::dialect::postgres {

inline constexpr char kFunctionKind[] = "function";
inline constexpr char kProcedureKind[] = "procedure";
inline constexpr char kPolicyKind[] = "policy";

struct RoutineArg {
  std::string mode = "IN";  // IN | OUT | INOUT | VARIADIC
  std::string name;         // may be empty
  std::string type;         // SQL type text
  std::string default_expr; // empty: none
  bool operator==(const RoutineArg& o) const = default;
};

// `IN "a" integer DEFAULT 1`: the mode always, the name always quoted
// (`""` when unnamed), so that ParseRoutineArg reads it back exactly.
std::string FormatRoutineArg(const RoutineArg& a);
RoutineArg ParseRoutineArg(const std::string& text);
std::vector<RoutineArg> RoutineArgs(const schema::Object& o);

// The SQL argument list without parentheses: `a integer, OUT b text DEFAULT 'x'`.
std::string RoutineArgsSQL(const std::vector<RoutineArg>& args);
// "(integer, text)" from the identity (IN, INOUT, VARIADIC) arguments.
std::string RoutineSignature(const std::vector<RoutineArg>& args);

// Splits a comma-separated SQL list at top level (outside quotes and
// parentheses): "'a,b'::text, f(1, 2)" -> {"'a,b'::text", "f(1, 2)"}.
std::vector<std::string> SplitTopLevel(const std::string& list);

bool IsRoutine(const schema::Object& o);

// ` SET search_path TO 'public', 'pg_temp'` clauses of the "set.*" options.
std::string RoutineSetClauses(const schema::Object& o);

// " ON items": a policy's Object::signature.
std::string PolicySignature(const std::string& table);

}  // namespace strata::dialect::postgres
