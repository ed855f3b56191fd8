// Base64 (RFC 4648): the standard and the URL-safe alphabets, each with or
// without '=' padding. atlas.sum uses the standard alphabet with padding.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"

namespace strata {

enum class Base64Encoding {
  kStd,     // A-Z a-z 0-9 + /, padded with '=' (RFC 4648 section 4)
  kUrl,     // A-Z a-z 0-9 - _, padded with '=' (RFC 4648 section 5)
  kRawStd,  // standard alphabet, no padding
  kRawUrl,  // URL-safe alphabet, no padding
};

std::string Base64Encode(std::span<const uint8_t> data, Base64Encoding enc = Base64Encoding::kStd);
std::string Base64Encode(std::string_view data, Base64Encoding enc = Base64Encoding::kStd);

// Decodes strictly: characters outside the alphabet, missing or misplaced
// padding (for padded encodings), padding in a raw encoding, and non-zero
// trailing bits are all errors ("base64: illegal data at input byte N").
Result<std::string> Base64Decode(std::string_view text, Base64Encoding enc = Base64Encoding::kStd);

}  // namespace strata
