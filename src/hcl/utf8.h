// Small UTF-8 helpers shared by the parser, the formatter and the string
// functions. Invalid bytes are treated as single one-byte characters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace strata::hcl {

// Byte length of the UTF-8 sequence starting at s[i] (1 for invalid bytes).
size_t Utf8Length(std::string_view s, size_t i);
// Decodes the code point at s[i]; invalid bytes decode as themselves.
uint32_t DecodeUtf8(std::string_view s, size_t i);
void AppendUtf8(std::string* out, uint32_t cp);
// Splits into code points (each as its UTF-8 text).
std::vector<std::string> Utf8Chars(std::string_view s);
size_t Utf8Count(std::string_view s);

bool IsUnicodeSpace(uint32_t cp);
bool IsSpaceAt(std::string_view s, size_t i);
std::string TrimLeftSpace(std::string_view s);
std::string TrimRightSpace(std::string_view s);

// Simple case mapping for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic.
uint32_t ToLowerRune(uint32_t cp);
uint32_t ToUpperRune(uint32_t cp);
bool IsLetterRune(uint32_t cp);

int HexDigitValue(char c);

}  // namespace strata::hcl
