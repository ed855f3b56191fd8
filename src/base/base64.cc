#include "base/base64.h"

#include <array>

namespace strata {
namespace {

constexpr std::string_view kStdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kUrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

bool IsUrl(Base64Encoding enc) { return enc == Base64Encoding::kUrl || enc == Base64Encoding::kRawUrl; }
bool IsPadded(Base64Encoding enc) { return enc == Base64Encoding::kStd || enc == Base64Encoding::kUrl; }

// Maps a character to its 6-bit value, or -1 when it is not in the alphabet.
std::array<int8_t, 256> ReverseTable(std::string_view alphabet) {
  std::array<int8_t, 256> t;
  t.fill(-1);
  for (size_t i = 0; i < alphabet.size(); ++i) t[static_cast<uint8_t>(alphabet[i])] = static_cast<int8_t>(i);
  return t;
}

Status Illegal(size_t at) { return InvalidArgument("base64: illegal data at input byte " + std::to_string(at)); }

}  // namespace

std::string Base64Encode(std::span<const uint8_t> data, Base64Encoding enc) {
  const std::string_view alphabet = IsUrl(enc) ? kUrlAlphabet : kStdAlphabet;
  const bool pad = IsPadded(enc);
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    uint32_t v = (uint32_t{data[i]} << 16) | (uint32_t{data[i + 1]} << 8) | data[i + 2];
    out.push_back(alphabet[(v >> 18) & 63]);
    out.push_back(alphabet[(v >> 12) & 63]);
    out.push_back(alphabet[(v >> 6) & 63]);
    out.push_back(alphabet[v & 63]);
  }
  const size_t rest = data.size() - i;
  if (rest == 1) {
    uint32_t v = uint32_t{data[i]} << 16;
    out.push_back(alphabet[(v >> 18) & 63]);
    out.push_back(alphabet[(v >> 12) & 63]);
    if (pad) out.append("==");
  } else if (rest == 2) {
    uint32_t v = (uint32_t{data[i]} << 16) | (uint32_t{data[i + 1]} << 8);
    out.push_back(alphabet[(v >> 18) & 63]);
    out.push_back(alphabet[(v >> 12) & 63]);
    out.push_back(alphabet[(v >> 6) & 63]);
    if (pad) out.push_back('=');
  }
  return out;
}

std::string Base64Encode(std::string_view data, Base64Encoding enc) {
  return Base64Encode(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(data.data()), data.size()), enc);
}

Result<std::string> Base64Decode(std::string_view text, Base64Encoding enc) {
  static const std::array<int8_t, 256> kStdReverse = ReverseTable(kStdAlphabet);
  static const std::array<int8_t, 256> kUrlReverse = ReverseTable(kUrlAlphabet);
  const std::array<int8_t, 256>& rev = IsUrl(enc) ? kUrlReverse : kStdReverse;

  // Length of the payload without padding.
  size_t n = text.size();
  if (IsPadded(enc)) {
    if (n % 4 != 0) return Illegal(n);
    if (n > 0 && text[n - 1] == '=') --n;
    if (n > 0 && text[n - 1] == '=' && text.size() - n == 1) --n;
  }
  if (n % 4 == 1) return Illegal(n);

  std::string out;
  out.reserve(n / 4 * 3 + 2);
  uint32_t acc = 0;
  int bits = 0;
  for (size_t i = 0; i < n; ++i) {
    int8_t v = rev[static_cast<uint8_t>(text[i])];
    if (v < 0) return Illegal(i);
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  // Whatever is left over must be zero bits from the encoder's padding.
  if (bits > 0 && (acc & ((1u << bits) - 1)) != 0) return Illegal(n - 1);
  return out;
}

}  // namespace strata
