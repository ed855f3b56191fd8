// Conversions between model values (SQL literals, raw expressions, SQL
// definitions) and their HCL spellings, shared by the encoder and decoder.
#pragma once

#include <optional>
#include <string>

#include "schema/schema.h"

namespace strata::spec {

// 'text' with embedded quotes doubled: SQL's string literal for s.
std::string SqlQuote(const std::string& s);
// sql("...") — Atlas's raw-SQL capsule.
std::string SqlCall(const std::string& sql);

// The HCL value Atlas prints for a column default: a raw expression or a
// literal that is neither a string, a bool nor a number becomes sql("...");
// quoted literals become HCL strings ('a' -> "a"); true/false become bools;
// numbers are printed canonically (1.50 -> 1.5). A bare word on a
// text-like column (char/text/clob/enum types) is a string.
std::string DefaultToHCL(const schema::Expr& e, const schema::Type& type);

// Canonical text of a decimal number literal as go-cty prints it, or nullopt
// when s is not one: "+5" -> "5", "1.50" -> "1.5", "007" -> "7".
std::optional<std::string> CanonicalNumber(const std::string& s);

// A SQL definition (view body, trigger) as HCL: a quoted string when it is
// one line, else an indented `<<-SQL` heredoc the way Atlas prints it.
std::string DefinitionToHCL(const std::string& def);

}  // namespace strata::spec
