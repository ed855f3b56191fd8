// Text helpers with Go's exact semantics, which the migration formats depend
// on: UTF-8 decoding where an invalid byte reads as U+FFFD of width 1,
// unicode.IsSpace, and strings.TrimSpace. Internal to strata_migrate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace strata::migrate::text {

inline constexpr char32_t kRuneError = 0xFFFD;

struct Rune {
  char32_t value = 0;
  size_t width = 0;  // bytes; 0 only at the end of input
};

// Decodes the rune starting at s[i]. Invalid or truncated sequences, overlong
// forms and surrogates decode as kRuneError with width 1.
Rune DecodeRune(std::string_view s, size_t i);

// The decoded rune that ends at s[end - 1] (Go's utf8.DecodeLastRune).
Rune DecodeLastRune(std::string_view s, size_t end);

// unicode.IsSpace: '\t' '\n' '\v' '\f' '\r' ' ', U+0085, U+00A0 and the
// Unicode White_Space characters above Latin-1.
bool IsSpace(char32_t r);

// Go's regexp "\s": ASCII '\t' '\n' '\f' '\r' ' ' only (no '\v').
inline bool IsRegexpSpace(char c) { return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '; }

// strings.TrimLeftFunc(s, unicode.IsSpace) and strings.TrimSpace.
std::string_view TrimLeftSpace(std::string_view s);
std::string_view TrimRightSpace(std::string_view s);
inline std::string_view TrimSpace(std::string_view s) { return TrimRightSpace(TrimLeftSpace(s)); }

}  // namespace strata::migrate::text
