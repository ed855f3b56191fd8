// Numeric functions: abs, ceil, floor, log, max, min, parseint, pow, signum.
#include <cmath>

#include "hcl/functions.h"
#include "hcl/number.h"

namespace strata::hcl {
namespace {

Result<Value> Abs(const ValueList& a) {
  ASSIGN_OR_RETURN(Value n, NumberArg(a, 0));
  const std::string& t = n.number_text();
  if (!t.empty() && t[0] == '-') return Value::NumberText(t.substr(1));
  return n;
}

Result<Value> Round(const ValueList& a, bool up) {
  ASSIGN_OR_RETURN(Value n, NumberArg(a, 0));
  if (IsIntegerText(n.number_text())) return n;
  double d = up ? std::ceil(n.number()) : std::floor(n.number());
  if (std::fabs(d) < 9.0e15) return Value::NumberText(std::to_string(static_cast<int64_t>(d)));
  return Value::Number(d);
}

Result<Value> Log(const ValueList& a) {
  ASSIGN_OR_RETURN(Value n, NumberArg(a, 0));
  ASSIGN_OR_RETURN(Value b, NumberArg(a, 1));
  return Value::Number(std::log(n.number()) / std::log(b.number()));
}

Result<Value> Pow(const ValueList& a) {
  ASSIGN_OR_RETURN(Value x, NumberArg(a, 0));
  ASSIGN_OR_RETURN(Value y, NumberArg(a, 1));
  return Value::Number(std::pow(x.number(), y.number()));
}

Result<Value> Signum(const ValueList& a) {
  ASSIGN_OR_RETURN(Value n, NumberArg(a, 0));
  const std::string& t = n.number_text();
  if (t == "0") return Value::NumberText("0");
  return Value::NumberText(t[0] == '-' ? "-1" : "1");
}

Result<Value> Extreme(const ValueList& a, bool want_max) {
  if (a.empty()) return InvalidArgument("must pass at least one number");
  ASSIGN_OR_RETURN(Value best, NumberArg(a, 0));
  for (size_t i = 1; i < a.size(); ++i) {
    ASSIGN_OR_RETURN(Value n, NumberArg(a, i));
    int c = CompareNumbers(n, best);
    if (want_max ? c > 0 : c < 0) best = n;
  }
  return best;
}

// Exact arbitrary-size parsing: the decimal digits are kept in a string.
Result<Value> ParseInt(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  ASSIGN_OR_RETURN(int64_t base, IntArg(a, 1));
  if (base < 2 || base > 62)
    return InvalidArgument("base must be a whole number between 2 and 62 inclusive");
  auto fail = [&] {
    return InvalidArgument("cannot parse " + Quote(s) + " as a base " + std::to_string(base) +
                           " integer");
  };
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  if (i >= s.size()) return fail();
  std::string dec = "0";  // decimal digits, most significant first
  for (; i < s.size(); ++i) {
    char c = s[i];
    int d = -1;
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (c >= 'a' && c <= 'z')
      d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z')
      d = base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
    if (d < 0 || d >= base) return fail();
    int carry = d;
    for (size_t k = dec.size(); k-- > 0;) {
      int v = (dec[k] - '0') * static_cast<int>(base) + carry;
      dec[k] = static_cast<char>('0' + v % 10);
      carry = v / 10;
    }
    while (carry > 0) {
      dec.insert(dec.begin(), static_cast<char>('0' + carry % 10));
      carry /= 10;
    }
  }
  return Value::NumberText((negative ? "-" : "") + dec);
}

}  // namespace

void AddNumericFunctions(FunctionTable* t) {
  (*t)["abs"] = {1, 1, Abs};
  (*t)["ceil"] = {1, 1, [](const ValueList& a) { return Round(a, true); }};
  (*t)["floor"] = {1, 1, [](const ValueList& a) { return Round(a, false); }};
  (*t)["log"] = {2, 2, Log};
  (*t)["max"] = {1, -1, [](const ValueList& a) { return Extreme(a, true); }};
  (*t)["min"] = {1, -1, [](const ValueList& a) { return Extreme(a, false); }};
  (*t)["parseint"] = {2, 2, ParseInt};
  (*t)["pow"] = {2, 2, Pow};
  (*t)["signum"] = {1, 1, Signum};
}

}  // namespace strata::hcl
