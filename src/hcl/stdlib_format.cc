// format() and formatlist(): cty's printf-like verbs (%v %#v %t %d %b %o
// %x %X %e %E %f %g %G %s %q %%) with flags, width, precision and explicit
// argument indexes ("%[2]s").
#include <cstdio>

#include "hcl/functions.h"
#include "hcl/json.h"
#include "hcl/number.h"
#include "hcl/types.h"
#include "hcl/utf8.h"

namespace strata::hcl {
namespace {

struct Spec {
  bool minus = false, plus = false, space = false, zero = false, sharp = false;
  int width = -1;
  int precision = -1;
};

std::string Pad(std::string s, const Spec& spec, bool numeric) {
  int n = static_cast<int>(Utf8Count(s));
  if (spec.width <= n) return s;
  size_t fill = static_cast<size_t>(spec.width - n);
  if (spec.minus) return s + std::string(fill, ' ');
  if (spec.zero && numeric) {
    size_t sign = (!s.empty() && (s[0] == '-' || s[0] == '+' || s[0] == ' ')) ? 1 : 0;
    return s.substr(0, sign) + std::string(fill, '0') + s.substr(sign);
  }
  return std::string(fill, ' ') + s;
}

std::string Signed(std::string digits, bool negative, const Spec& spec) {
  if (negative) return "-" + digits;
  if (spec.plus) return "+" + digits;
  if (spec.space) return " " + digits;
  return digits;
}

std::string ToBase(uint64_t v, int base, bool upper) {
  if (v == 0) return "0";
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  while (v > 0) {
    out.insert(out.begin(), digits[v % static_cast<uint64_t>(base)]);
    v /= static_cast<uint64_t>(base);
  }
  return out;
}

Result<std::string> FormatOne(char verb, const Spec& spec, const Value& arg, size_t offset) {
  auto bad = [&](const std::string& why) {
    return InvalidArgument("unsupported value for \"%" + std::string(1, verb) + "\" at " +
                           std::to_string(offset) + ": " + why);
  };
  if (arg.is_null() && verb != 'v') return bad("null value cannot be formatted");
  switch (verb) {
    case 'v': {
      if (spec.sharp || arg.kind() == Value::Kind::kList || arg.kind() == Value::Kind::kObject) {
        auto j = JsonEncode(arg);
        if (!j.ok()) return bad(j.status().message());
        return Pad(*j, spec, false);
      }
      if (arg.is_null()) return Pad("null", spec, false);
      auto s = ToStringValue(arg);
      if (!s.ok()) return bad("a value of type " + arg.TypeName() + " cannot be formatted");
      return Pad(*s, spec, arg.kind() == Value::Kind::kNumber);
    }
    case 't': {
      auto b = ToBoolValue(arg);
      if (!b.ok()) return bad("bool required");
      return Pad(b->bool_value() ? "true" : "false", spec, false);
    }
    case 'd':
    case 'b':
    case 'o':
    case 'x':
    case 'X': {
      auto n = ToNumberValue(arg);
      if (!n.ok()) return bad("number required");
      const std::string& t = n->number_text();
      if (!IsIntegerText(t)) return bad("value must be a whole number");
      bool negative = t[0] == '-';
      std::string digits = negative ? t.substr(1) : t;
      if (verb != 'd') {
        auto v = IntegerValue(t);
        if (!v) return bad("value is too large for this verb");
        uint64_t mag = negative ? static_cast<uint64_t>(-(*v + 1)) + 1 : static_cast<uint64_t>(*v);
        int base = verb == 'b' ? 2 : verb == 'o' ? 8 : 16;
        digits = ToBase(mag, base, verb == 'X');
        if (spec.sharp && verb == 'o') digits = "0" + digits;
        if (spec.sharp && (verb == 'x' || verb == 'X'))
          digits = (verb == 'x' ? "0x" : "0X") + digits;
      }
      return Pad(Signed(digits, negative, spec), spec, true);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      auto n = ToNumberValue(arg);
      if (!n.ok()) return bad("number required");
      std::string f = "%";
      if (spec.plus) f += '+';
      if (spec.space) f += ' ';
      if (spec.sharp) f += '#';
      if (spec.precision >= 0) f += "." + std::to_string(spec.precision);
      f += verb == 'F' ? 'f' : verb;
      char buf[512];
      std::snprintf(buf, sizeof buf, f.c_str(), n->number());
      return Pad(buf, spec, true);
    }
    case 's':
    case 'q': {
      auto s = ToStringValue(arg);
      if (!s.ok()) return bad("string required");
      std::string str = *s;
      if (spec.precision >= 0) {
        auto chars = Utf8Chars(str);
        if (static_cast<int>(chars.size()) > spec.precision) {
          str.clear();
          for (int i = 0; i < spec.precision; ++i) str += chars[static_cast<size_t>(i)];
        }
      }
      return Pad(verb == 'q' ? JsonQuote(str) : str, spec, false);
    }
    default:
      return InvalidArgument("unrecognized format character '" + std::string(1, verb) +
                             "' at offset " + std::to_string(offset));
  }
}

Result<std::string> Format(const std::string& fmt, const ValueList& args) {
  std::string out;
  size_t next_arg = 0;
  size_t max_used = 0;
  bool explicit_index = false;
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      out += fmt[i];
      continue;
    }
    size_t start = i++;
    if (i < fmt.size() && fmt[i] == '%') {
      out += '%';
      continue;
    }
    Spec spec;
    for (; i < fmt.size(); ++i) {
      char c = fmt[i];
      if (c == '-')
        spec.minus = true;
      else if (c == '+')
        spec.plus = true;
      else if (c == ' ')
        spec.space = true;
      else if (c == '0')
        spec.zero = true;
      else if (c == '#')
        spec.sharp = true;
      else
        break;
    }
    auto index = [&]() -> Status {
      if (i >= fmt.size() || fmt[i] != '[') return Status::Ok();
      size_t close = fmt.find(']', i);
      std::string num = close == std::string::npos ? "" : fmt.substr(i + 1, close - i - 1);
      if (num.empty() || num.find_first_not_of("0123456789") != std::string::npos ||
          std::stoul(num) == 0)
        return InvalidArgument("invalid argument index at offset " + std::to_string(i));
      next_arg = std::stoul(num) - 1;
      explicit_index = true;
      i = close + 1;
      return Status::Ok();
    };
    RETURN_IF_ERROR(index());
    if (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
      spec.width = 0;
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9')
        spec.width = spec.width * 10 + (fmt[i++] - '0');
    }
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      spec.precision = 0;
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9')
        spec.precision = spec.precision * 10 + (fmt[i++] - '0');
    }
    RETURN_IF_ERROR(index());
    if (i >= fmt.size())
      return InvalidArgument("unterminated format verb at offset " + std::to_string(start));
    char verb = fmt[i];
    if (next_arg >= args.size())
      return InvalidArgument("not enough arguments for \"%" + std::string(1, verb) + "\" at " +
                             std::to_string(start) + ": need index " +
                             std::to_string(next_arg + 1) + " but have " +
                             std::to_string(args.size()) + " total");
    ASSIGN_OR_RETURN(std::string piece, FormatOne(verb, spec, args[next_arg], start));
    out += piece;
    ++next_arg;
    if (next_arg > max_used) max_used = next_arg;
  }
  if (!explicit_index && max_used < args.size())
    return InvalidArgument("too many arguments; only " + std::to_string(max_used) +
                           " used by format string");
  return out;
}

Result<Value> FormatFn(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string fmt, StringArg(a, 0));
  ASSIGN_OR_RETURN(std::string s, Format(fmt, ValueList(a.begin() + 1, a.end())));
  return Value::String(s);
}

Result<Value> FormatListFn(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string fmt, StringArg(a, 0));
  long n = -1;
  size_t first_list = 0;
  for (size_t i = 1; i < a.size(); ++i) {
    if (a[i].kind() != Value::Kind::kList) continue;
    long len = static_cast<long>(a[i].items().size());
    if (n < 0) {
      n = len;
      first_list = i;
    } else if (len != n) {
      return InvalidArgument("argument " + std::to_string(i) + " has length " +
                             std::to_string(len) + ", which is inconsistent with argument " +
                             std::to_string(first_list) + " of length " + std::to_string(n));
    }
  }
  if (n < 0) n = 1;
  ValueList out;
  for (long k = 0; k < n; ++k) {
    ValueList args;
    for (size_t i = 1; i < a.size(); ++i)
      args.push_back(a[i].kind() == Value::Kind::kList ? a[i].items()[static_cast<size_t>(k)]
                                                       : a[i]);
    auto s = Format(fmt, args);
    if (!s.ok())
      return InvalidArgument("error on format iteration " + std::to_string(k) + ": " +
                             s.status().message());
    out.push_back(Value::String(*s));
  }
  return Value::List(std::move(out));
}

}  // namespace

void AddFormatFunctions(FunctionTable* t) {
  (*t)["format"] = {1, -1, FormatFn};
  (*t)["formatlist"] = {1, -1, FormatListFn};
}

}  // namespace strata::hcl
