#include "migrate/text.h"

namespace strata::migrate::text {
namespace {

bool IsContinuation(uint8_t b) { return (b & 0xC0) == 0x80; }

}  // namespace

Rune DecodeRune(std::string_view s, size_t i) {
  if (i >= s.size()) return {kRuneError, 0};
  const auto at = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t b0 = at(i);
  if (b0 < 0x80) return {b0, 1};
  const Rune bad{kRuneError, 1};
  const size_t left = s.size() - i;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (left < 2 || !IsContinuation(at(i + 1))) return bad;
    return {static_cast<char32_t>(((b0 & 0x1F) << 6) | (at(i + 1) & 0x3F)), 2};
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left < 3) return bad;
    const uint8_t b1 = at(i + 1);
    // E0 needs A0..BF (no overlongs), ED needs 80..9F (no surrogates).
    const uint8_t lo = (b0 == 0xE0) ? 0xA0 : 0x80;
    const uint8_t hi = (b0 == 0xED) ? 0x9F : 0xBF;
    if (b1 < lo || b1 > hi || !IsContinuation(at(i + 2))) return bad;
    return {static_cast<char32_t>(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (at(i + 2) & 0x3F)), 3};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left < 4) return bad;
    const uint8_t b1 = at(i + 1);
    // F0 needs 90..BF (no overlongs), F4 needs 80..8F (at most U+10FFFF).
    const uint8_t lo = (b0 == 0xF0) ? 0x90 : 0x80;
    const uint8_t hi = (b0 == 0xF4) ? 0x8F : 0xBF;
    if (b1 < lo || b1 > hi || !IsContinuation(at(i + 2)) || !IsContinuation(at(i + 3))) return bad;
    return {static_cast<char32_t>(((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((at(i + 2) & 0x3F) << 6) |
                                  (at(i + 3) & 0x3F)),
            4};
  }
  return bad;
}

Rune DecodeLastRune(std::string_view s, size_t end) {
  if (end == 0) return {kRuneError, 0};
  size_t start = end - 1;
  if (static_cast<uint8_t>(s[start]) < 0x80) return {static_cast<char32_t>(s[start]), 1};
  const size_t limit = end >= 4 ? end - 4 : 0;
  // Walk back to the nearest byte that can start a rune, at most 3 steps.
  while (start > limit && IsContinuation(static_cast<uint8_t>(s[start]))) --start;
  Rune r = DecodeRune(s.substr(0, end), start);
  if (start + r.width != end) return {kRuneError, 1};
  return r;
}

bool IsSpace(char32_t r) {
  if (r <= 0xFF) {
    return r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r' || r == ' ' || r == 0x85 || r == 0xA0;
  }
  return r == 0x1680 || (r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F ||
         r == 0x3000;
}

std::string_view TrimLeftSpace(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    Rune r = DecodeRune(s, i);
    if (!IsSpace(r.value) || (r.value == kRuneError && r.width == 1)) break;
    i += r.width;
  }
  return s.substr(i);
}

std::string_view TrimRightSpace(std::string_view s) {
  size_t end = s.size();
  while (end > 0) {
    Rune r = DecodeLastRune(s, end);
    if (!IsSpace(r.value)) break;
    end -= r.width;
  }
  return s.substr(0, end);
}

}  // namespace strata::migrate::text
