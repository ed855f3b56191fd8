// Number text helpers. HCL numbers are arbitrary-precision decimals; Strata
// keeps the exact canonical decimal text next to a double, and does exact
// arithmetic on integers that fit in 64 bits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace strata::hcl {

class Value;

// Exact canonical decimal text of a numeric literal: no exponent, no
// leading or trailing zeros ("1e3" -> "1000", "01.50" -> "1.5", "-0" ->
// "0"). nullopt when `text` is not a decimal number (or absurdly large).
std::optional<std::string> CanonicalNumberText(std::string_view text);
// Shortest round-trip text of d, without exponent ("0.1", "1e21" ->
// "1000000000000000000000"). Non-finite values print as "+Inf"/"-Inf"/"NaN".
std::string FormatNumber(double d);
// True for canonical texts without a fractional part.
bool IsIntegerText(std::string_view canonical);
// The integer value of a canonical integer text when it fits in int64.
std::optional<int64_t> IntegerValue(std::string_view canonical);
// -1, 0 or 1; exact for integer texts, double comparison otherwise.
int CompareNumbers(const Value& a, const Value& b);

}  // namespace strata::hcl
