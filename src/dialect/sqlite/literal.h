// SQL literal helpers with Atlas's exact rules (sql/internal/sqlx): which
// default values are literals, how they are quoted for DDL and unquoted for
// comparison, and when an expression needs wrapping parentheses.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "schema/schema.h"

namespace strata::dialect::sqlite {

// Only decimal digits, at least one (Atlas's IsUint).
bool IsUnsignedInteger(std::string_view s);
// Go's strconv.ParseBool spellings: 1 t T TRUE true True 0 f F FALSE false False.
bool IsLiteralBool(std::string_view s);
// A number Go's strconv.ParseFloat accepts, or 0x-prefixed hex.
bool IsLiteralNumber(std::string_view s);
// Quoted with `quote` at both ends, inner quotes escaped (doubled or "\").
bool IsQuoted(std::string_view s, char quote);
// x'..' / X'..' with 1-16 hex digits (Atlas parses them as a uint64).
bool IsBlobLiteral(std::string_view s);

// A column default as pragma_table_xinfo reports it, classified the way
// Atlas's SQLite inspector does: literals (numbers, booleans, quoted
// strings, blobs) and raw expressions (CURRENT_TIMESTAMP, NULL, 1+2, ...).
schema::Expr DefaultExpr(const std::string& dflt_value);

// Atlas's SingleQuote: keeps '...'; turns "..." into '...'; quotes the rest.
Result<std::string> SingleQuote(const std::string& s);
// Atlas's Unquote: removes '...' or "..." quoting; other text is returned as is.
Result<std::string> Unquote(const std::string& s);

// Wraps `s` in parentheses unless it is already one balanced (...) group.
std::string MayWrap(std::string_view s);

}  // namespace strata::dialect::sqlite
