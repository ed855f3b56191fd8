#include "cli/go_duration.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <ctime>

#include "base/strings.h"

namespace strata::cli {
namespace {

// Formats v / 10^prec with trailing fraction zeros (and the dot) dropped.
std::string Fixed(uint64_t v, int prec) {
  std::string frac;
  for (int i = 0; i < prec; ++i) {
    frac.insert(frac.begin(), static_cast<char>('0' + v % 10));
    v /= 10;
  }
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string s = std::to_string(v);
  return frac.empty() ? s : s + "." + frac;
}

}  // namespace

Result<std::chrono::nanoseconds> ParseGoDuration(const std::string& s) {
  auto bad = [&] { return InvalidArgument("time: invalid duration " + GoQuote(s)); };
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
  if (s.substr(i) == "0") return std::chrono::nanoseconds(0);
  if (i == s.size()) return bad();
  long double total = 0;
  while (i < s.size()) {
    size_t start = i;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
    if (start == i) return bad();
    long double num = std::stold(s.substr(start, i - start));
    size_t ustart = i;
    while (i < s.size() && !std::isdigit(static_cast<unsigned char>(s[i])) && s[i] != '.') ++i;
    std::string unit = s.substr(ustart, i - ustart);
    long double scale;
    if (unit == "ns")
      scale = 1;
    else if (unit == "us" || unit == "µs" || unit == "μs")
      scale = 1e3;
    else if (unit == "ms")
      scale = 1e6;
    else if (unit == "s")
      scale = 1e9;
    else if (unit == "m")
      scale = 60e9;
    else if (unit == "h")
      scale = 3600e9;
    else if (unit.empty())
      return InvalidArgument("time: missing unit in duration " + GoQuote(s));
    else
      return InvalidArgument("time: unknown unit " + GoQuote(unit) + " in duration " + GoQuote(s));
    total += num * scale;
  }
  auto ns = static_cast<int64_t>(total);
  return std::chrono::nanoseconds(neg ? -ns : ns);
}

std::string FormatGoDuration(std::chrono::nanoseconds d) {
  int64_t n = d.count();
  if (n == 0) return "0s";
  std::string sign = n < 0 ? "-" : "";
  uint64_t u = n < 0 ? static_cast<uint64_t>(-n) : static_cast<uint64_t>(n);
  if (u < 1000) return sign + std::to_string(u) + "ns";
  if (u < 1000000) return sign + Fixed(u, 3) + "µs";
  if (u < 1000000000) return sign + Fixed(u, 6) + "ms";
  std::string out;
  uint64_t h = u / 3600000000000ULL;
  u -= h * 3600000000000ULL;
  uint64_t m = u / 60000000000ULL;
  u -= m * 60000000000ULL;
  if (h > 0) out += std::to_string(h) + "h";
  if (h > 0 || m > 0) out += std::to_string(m) + "m";
  return sign + out + Fixed(u, 9) + "s";
}

std::string FormatGoTimeJSON(int64_t unix_ns) {
  if (unix_ns == 0) return "0001-01-01T00:00:00Z";
  std::time_t secs = static_cast<std::time_t>(unix_ns / 1000000000);
  int64_t frac = unix_ns % 1000000000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::string s = buf;
  if (frac > 0) {
    char f[16];
    std::snprintf(f, sizeof f, ".%09lld", static_cast<long long>(frac));
    std::string fs = f;
    while (fs.back() == '0') fs.pop_back();
    s += fs;
  }
  return s + "Z";
}

}  // namespace strata::cli
