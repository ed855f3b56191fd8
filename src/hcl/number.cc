#include "hcl/number.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "hcl/hcl.h"

namespace strata::hcl {

std::optional<std::string> CanonicalNumberText(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  std::string digits;
  long point = 0;  // digits before the decimal point
  bool any = false;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    digits += text[i++];
    ++point;
    any = true;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      digits += text[i++];
      any = true;
    }
  }
  if (!any) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) exp_negative = text[i++] == '-';
    if (i >= text.size()) return std::nullopt;
    long exp = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      exp = exp * 10 + (text[i++] - '0');
      if (exp > 100000) return std::nullopt;
    }
    point += exp_negative ? -exp : exp;
  }
  if (i != text.size()) return std::nullopt;
  size_t lead = 0;
  while (lead < digits.size() && digits[lead] == '0') ++lead;
  digits.erase(0, lead);
  point -= static_cast<long>(lead);
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  if (digits.empty()) return std::string("0");
  if (point > 4096 || point < -4096) return std::nullopt;
  std::string out = negative ? "-" : "";
  long n = static_cast<long>(digits.size());
  if (point <= 0) {
    out += "0." + std::string(static_cast<size_t>(-point), '0') + digits;
  } else if (point >= n) {
    out += digits + std::string(static_cast<size_t>(point - n), '0');
  } else {
    out += digits.substr(0, static_cast<size_t>(point)) + "." +
           digits.substr(static_cast<size_t>(point));
  }
  return out;
}

std::string FormatNumber(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "+Inf" : "-Inf";
  char buf[64];
  if (d == std::floor(d) && std::fabs(d) < 1e21) {
    // Integral values print exactly (2^63 is 9223372036854775808, not
    // the shortest round-trip 9223372036854776000).
    std::snprintf(buf, sizeof buf, "%.0f", d);
    return std::string(buf) == "-0" ? "0" : std::string(buf);
  }
  auto res = std::to_chars(buf, buf + sizeof buf, d);
  std::string_view s(buf, static_cast<size_t>(res.ptr - buf));
  auto c = CanonicalNumberText(s);
  return c ? *c : std::string(s);
}

bool IsIntegerText(std::string_view canonical) {
  if (canonical.empty()) return false;
  size_t i = canonical[0] == '-' ? 1 : 0;
  if (i >= canonical.size()) return false;
  for (; i < canonical.size(); ++i)
    if (canonical[i] < '0' || canonical[i] > '9') return false;
  return true;
}

std::optional<int64_t> IntegerValue(std::string_view canonical) {
  if (!IsIntegerText(canonical)) return std::nullopt;
  int64_t v = 0;
  auto res = std::from_chars(canonical.data(), canonical.data() + canonical.size(), v);
  if (res.ec != std::errc() || res.ptr != canonical.data() + canonical.size()) return std::nullopt;
  return v;
}

int CompareNumbers(const Value& a, const Value& b) {
  const std::string& x = a.number_text();
  const std::string& y = b.number_text();
  if (IsIntegerText(x) && IsIntegerText(y)) {
    bool nx = x[0] == '-', ny = y[0] == '-';
    if (nx != ny) return nx ? -1 : 1;
    int sign = nx ? -1 : 1;
    if (x.size() != y.size()) return (x.size() < y.size() ? -1 : 1) * sign;
    int c = x.compare(y);
    return (c < 0 ? -1 : c > 0 ? 1 : 0) * sign;
  }
  if (a.number() < b.number()) return -1;
  if (a.number() > b.number()) return 1;
  return 0;
}

}  // namespace strata::hcl
