// Time functions: formatdate(spec, timestamp) and timeadd(timestamp,
// duration), on RFC 3339 timestamps like cty.
#include <cstdio>

#include "hcl/functions.h"

namespace strata::hcl {
namespace {

struct Time {
  int64_t unix_seconds = 0;  // UTC
  int64_t nanos = 0;
  int offset = 0;    // seconds east of UTC
  bool utc = false;  // written with "Z"
};

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2);
}

Result<Time> ParseRFC3339(const std::string& s) {
  auto fail = [&](const std::string& why) {
    return InvalidArgument("not a valid RFC3339 timestamp: " + why);
  };
  auto num = [&](size_t pos, size_t n, int* out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t k = 0; k < n; ++k) {
      char c = s[pos + k];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
  };
  int year, month, day, hour, minute, second;
  if (!num(0, 4, &year) || s.size() < 5 || s[4] != '-')
    return fail("cannot use " + Quote(s) + " as year");
  if (!num(5, 2, &month) || s.size() < 8 || s[7] != '-' || month < 1 || month > 12)
    return fail("cannot use " + Quote(s.substr(5)) + " as month");
  if (!num(8, 2, &day) || day < 1 || day > 31)
    return fail("cannot use " + Quote(s.substr(8)) + " as day");
  if (s.size() < 11 || (s[10] != 'T' && s[10] != 't'))
    return fail("missing required time introducer 'T'");
  if (!num(11, 2, &hour) || hour > 23 || s.size() < 14 || s[13] != ':')
    return fail("cannot use " + Quote(s.substr(11)) + " as hour");
  if (!num(14, 2, &minute) || minute > 59 || s.size() < 17 || s[16] != ':')
    return fail("cannot use " + Quote(s.substr(14)) + " as minute");
  if (!num(17, 2, &second) || second > 60)
    return fail("cannot use " + Quote(s.substr(17)) + " as second");
  Time t;
  size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    ++i;
    int64_t frac = 0, digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (digits < 9) {
        frac = frac * 10 + (s[i] - '0');
        ++digits;
      }
      ++i;
    }
    if (digits == 0) return fail("missing fractional seconds");
    while (digits++ < 9) frac *= 10;
    t.nanos = frac;
  }
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    t.utc = true;
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    int oh, om;
    if (!num(i + 1, 2, &oh) || i + 3 >= s.size() || s[i + 3] != ':' || !num(i + 4, 2, &om))
      return fail("cannot use " + Quote(s.substr(i)) + " as UTC offset");
    t.offset = (oh * 3600 + om * 60) * (s[i] == '-' ? -1 : 1);
    i += 6;
  } else {
    return fail("missing UTC offset");
  }
  if (i != s.size()) return fail("extra text " + Quote(s.substr(i)));
  int64_t local =
      DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
      hour * 3600 + minute * 60 + second;
  t.unix_seconds = local - t.offset;
  return t;
}

struct Civil {
  int64_t year;
  unsigned month, day;
  int hour, minute, second, weekday;  // weekday: 0 = Sunday
};

Civil ToCivil(const Time& t) {
  int64_t local = t.unix_seconds + t.offset;
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int64_t secs = local - days * 86400;
  Civil c;
  CivilFromDays(days, &c.year, &c.month, &c.day);
  c.hour = static_cast<int>(secs / 3600);
  c.minute = static_cast<int>(secs / 60 % 60);
  c.second = static_cast<int>(secs % 60);
  c.weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  return c;
}

std::string Two(int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

std::string Offset(int offset, bool colon) {
  char sign = offset < 0 ? '-' : '+';
  int a = offset < 0 ? -offset : offset;
  return std::string(1, sign) + Two(a / 3600) + (colon ? ":" : "") + Two(a / 60 % 60);
}

std::string FormatRFC3339(const Time& t) {
  Civil c = ToCivil(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d", static_cast<long long>(c.year),
                c.month, c.day, c.hour, c.minute, c.second);
  return std::string(buf) + (t.utc || t.offset == 0 ? "Z" : Offset(t.offset, true));
}

Result<Value> FormatDate(const ValueList& a) {
  static const char* kMonths[] = {"January",   "February", "March",    "April",
                                  "May",       "June",     "July",     "August",
                                  "September", "October",  "November", "December"};
  static const char* kDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                "Thursday", "Friday", "Saturday"};
  ASSIGN_OR_RETURN(std::string spec, StringArg(a, 0));
  ASSIGN_OR_RETURN(std::string ts, StringArg(a, 1));
  ASSIGN_OR_RETURN(Time t, ParseRFC3339(ts));
  Civil c = ToCivil(t);
  std::string out;
  for (size_t i = 0; i < spec.size();) {
    char ch = spec[i];
    if (ch == '\'') {
      size_t j = i + 1;
      if (j < spec.size() && spec[j] == '\'') {
        out += '\'';
        i += 2;
        continue;
      }
      std::string lit;
      while (j < spec.size()) {
        if (spec[j] == '\'') {
          if (j + 1 < spec.size() && spec[j + 1] == '\'') {
            lit += '\'';
            j += 2;
            continue;
          }
          break;
        }
        lit += spec[j++];
      }
      if (j >= spec.size()) return InvalidArgument("unterminated literal '");
      out += lit;
      i = j + 1;
      continue;
    }
    bool letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    if (!letter) {
      out += ch;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < spec.size() && spec[j] == ch) ++j;
    std::string verb = spec.substr(i, j - i);
    i = j;
    int hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
    if (verb == "YYYY") {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(c.year));
      out += buf;
    } else if (verb == "YY") {
      out += Two(static_cast<int>(((c.year % 100) + 100) % 100));
    } else if (verb == "MMMM") {
      out += kMonths[c.month - 1];
    } else if (verb == "MMM") {
      out += std::string(kMonths[c.month - 1]).substr(0, 3);
    } else if (verb == "MM") {
      out += Two(static_cast<int>(c.month));
    } else if (verb == "M") {
      out += std::to_string(c.month);
    } else if (verb == "DD") {
      out += Two(static_cast<int>(c.day));
    } else if (verb == "D") {
      out += std::to_string(c.day);
    } else if (verb == "EEEE") {
      out += kDays[c.weekday];
    } else if (verb == "EEE") {
      out += std::string(kDays[c.weekday]).substr(0, 3);
    } else if (verb == "hh") {
      out += Two(c.hour);
    } else if (verb == "h") {
      out += std::to_string(c.hour);
    } else if (verb == "HH") {
      out += Two(hour12);
    } else if (verb == "H") {
      out += std::to_string(hour12);
    } else if (verb == "AA") {
      out += c.hour < 12 ? "AM" : "PM";
    } else if (verb == "aa") {
      out += c.hour < 12 ? "am" : "pm";
    } else if (verb == "mm") {
      out += Two(c.minute);
    } else if (verb == "m") {
      out += std::to_string(c.minute);
    } else if (verb == "ss") {
      out += Two(c.second);
    } else if (verb == "s") {
      out += std::to_string(c.second);
    } else if (verb == "ZZZZZ") {
      out += Offset(t.offset, true);
    } else if (verb == "ZZZZ") {
      out += Offset(t.offset, false);
    } else if (verb == "ZZZ") {
      out += t.offset == 0 ? "UTC" : Offset(t.offset, false);
    } else if (verb == "Z") {
      out += t.offset == 0 ? "Z" : Offset(t.offset, true);
    } else {
      return InvalidArgument("invalid date format verb " + Quote(verb));
    }
  }
  return Value::String(out);
}

// Go's time.ParseDuration.
Result<int64_t> ParseDuration(const std::string& s) {
  auto fail = [&] { return InvalidArgument("time: invalid duration " + Quote(s)); };
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  if (s.substr(i) == "0") return int64_t{0};
  if (i >= s.size()) return fail();
  long double total = 0;
  while (i < s.size()) {
    size_t start = i;
    long double v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
    bool digits = i > start;
    if (i < s.size() && s[i] == '.') {
      ++i;
      long double scale = 0.1L;
      size_t fs = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        v += (s[i++] - '0') * scale;
        scale /= 10;
      }
      digits = digits || i > fs;
    }
    if (!digits) return fail();
    size_t us = i;
    while (i < s.size() && !(s[i] >= '0' && s[i] <= '9') && s[i] != '.') ++i;
    std::string unit = s.substr(us, i - us);
    long double mult;
    if (unit == "ns")
      mult = 1;
    else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs")
      mult = 1e3L;
    else if (unit == "ms")
      mult = 1e6L;
    else if (unit == "s")
      mult = 1e9L;
    else if (unit == "m")
      mult = 60e9L;
    else if (unit == "h")
      mult = 3600e9L;
    else if (unit.empty())
      return InvalidArgument("time: missing unit in duration " + Quote(s));
    else
      return InvalidArgument("time: unknown unit " + Quote(unit) + " in duration " + Quote(s));
    total += v * mult;
  }
  if (total > 9.2e18L) return fail();
  return static_cast<int64_t>(negative ? -total : total);
}

Result<Value> TimeAdd(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string ts, StringArg(a, 0));
  ASSIGN_OR_RETURN(std::string dur, StringArg(a, 1));
  ASSIGN_OR_RETURN(Time t, ParseRFC3339(ts));
  ASSIGN_OR_RETURN(int64_t nanos, ParseDuration(dur));
  int64_t total = t.nanos + nanos;
  int64_t secs = total / 1000000000;
  int64_t rem = total % 1000000000;
  if (rem < 0) {
    rem += 1000000000;
    --secs;
  }
  t.unix_seconds += secs;
  t.nanos = rem;
  return Value::String(FormatRFC3339(t));
}

}  // namespace

void AddTimeFunctions(FunctionTable* t) {
  (*t)["formatdate"] = {2, 2, FormatDate};
  (*t)["timeadd"] = {2, 2, TimeAdd};
}

}  // namespace strata::hcl
