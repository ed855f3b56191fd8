// regex, regexall, regexreplace, regexpescape; RE2 patterns translated to
// ECMAScript.
#include <regex>

#include "hcl/functions.h"
#include "hcl/regex_util.h"

namespace strata::hcl {
namespace {

struct Compiled {
  std::regex re;
  std::vector<std::string> names;  // per capturing group (1-based at index 0); "" when unnamed
};

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

Result<Compiled> Compile(const std::string& pattern) {
  std::string out;
  Compiled c;
  auto flags = std::regex::ECMAScript;
  bool dot_all = false;
  size_t i = 0;
  // Leading flag groups: (?i), (?s), (?m), (?is), ...
  while (pattern.compare(i, 2, "(?") == 0) {
    size_t j = i + 2;
    std::string f;
    while (j < pattern.size() &&
           (pattern[j] == 'i' || pattern[j] == 's' || pattern[j] == 'm' || pattern[j] == 'U'))
      f += pattern[j++];
    if (j >= pattern.size() || pattern[j] != ')' || f.empty()) break;
    for (char fc : f) {
      if (fc == 'i') flags |= std::regex::icase;
      if (fc == 'm') flags |= std::regex::multiline;
      if (fc == 's') dot_all = true;
      if (fc == 'U')
        return InvalidArgument("invalid regular expression: the (?U) flag is not supported");
    }
    i = j + 1;
  }
  bool in_class = false;
  for (; i < pattern.size(); ++i) {
    char ch = pattern[i];
    if (ch == '\\' && i + 1 < pattern.size()) {
      char n = pattern[i + 1];
      if (!in_class && n == 'A') {
        out += '^';
      } else if (!in_class && n == 'z') {
        out += '$';
      } else if (n == 'Q') {
        size_t end = pattern.find("\\E", i + 2);
        std::string lit =
            pattern.substr(i + 2, end == std::string::npos ? std::string::npos : end - i - 2);
        for (char lc : lit) {
          if (std::string("\\.+*?()|[]{}^$-/").find(lc) != std::string::npos) out += '\\';
          out += lc;
        }
        i = end == std::string::npos ? pattern.size() : end + 1;
        continue;
      } else if (n == 'p' || n == 'P') {
        return InvalidArgument(
            "invalid regular expression: Unicode classes (\\p) are not supported");
      } else {
        out += ch;
        out += n;
      }
      ++i;
      continue;
    }
    if (in_class) {
      if (ch == ']') in_class = false;
      out += ch;
      continue;
    }
    if (ch == '[') {
      in_class = true;
      out += ch;
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') out += pattern[++i];
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') out += pattern[++i];
      continue;
    }
    if (ch == '.' && dot_all) {
      out += "[\\s\\S]";
      continue;
    }
    if (ch == '(') {
      if (pattern.compare(i, 4, "(?P<") == 0 ||
          (pattern.compare(i, 3, "(?<") == 0 && i + 3 < pattern.size() && pattern[i + 3] != '=' &&
           pattern[i + 3] != '!')) {
        size_t start = pattern[i + 2] == 'P' ? i + 4 : i + 3;
        size_t end = start;
        while (end < pattern.size() && IsNameChar(pattern[end])) ++end;
        if (end >= pattern.size() || pattern[end] != '>' || end == start)
          return InvalidArgument("invalid regular expression: invalid named capture");
        c.names.push_back(pattern.substr(start, end - start));
        out += '(';
        i = end;
        continue;
      }
      if (i + 1 < pattern.size() && pattern[i + 1] == '?') {
        out += ch;
        continue;
      }
      c.names.push_back("");
    }
    out += ch;
  }
  try {
    c.re = std::regex(out, flags);
  } catch (const std::regex_error& e) {
    return InvalidArgument(std::string("invalid regular expression: ") + e.what());
  }
  return c;
}

Result<Value> MatchResult(const Compiled& c, const std::smatch& m) {
  if (c.names.empty()) return Value::String(m.str(0));
  size_t named = 0;
  for (const auto& n : c.names)
    if (!n.empty()) ++named;
  if (named != 0 && named != c.names.size())
    return InvalidArgument(
        "invalid regular expression: cannot mix both named and unnamed capture groups");
  auto group = [&](size_t i) { return m[i].matched ? Value::String(m.str(i)) : Value(); };
  if (named == 0) {
    ValueList out;
    for (size_t i = 1; i <= c.names.size(); ++i) out.push_back(group(i));
    return Value::List(std::move(out));
  }
  ValueMap out;
  for (size_t i = 1; i <= c.names.size(); ++i) out.emplace_back(c.names[i - 1], group(i));
  return SortedObject(std::move(out));
}

Result<Value> Regex(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string pattern, StringArg(a, 0));
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 1));
  ASSIGN_OR_RETURN(Compiled c, Compile(pattern));
  std::smatch m;
  if (!std::regex_search(s, m, c.re))
    return InvalidArgument("pattern did not match any part of the given string");
  return MatchResult(c, m);
}

Result<Value> RegexAll(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string pattern, StringArg(a, 0));
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 1));
  ASSIGN_OR_RETURN(Compiled c, Compile(pattern));
  ValueList out;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), c.re); it != std::sregex_iterator();
       ++it) {
    ASSIGN_OR_RETURN(Value v, MatchResult(c, *it));
    out.push_back(std::move(v));
  }
  return Value::List(std::move(out));
}

// Go's replacement template to an ECMAScript format string.
std::string TranslateReplacement(const std::string& repl, const std::vector<std::string>& names) {
  auto group_ref = [&](const std::string& name) -> std::string {
    if (!name.empty() && name.find_first_not_of("0123456789") == std::string::npos) {
      size_t n = std::stoul(name);
      return n <= names.size() ? "$" + (n < 10 && n > 0 ? "0" + name : name) : "";
    }
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) {
        std::string idx = std::to_string(i + 1);
        return "$" + (i + 1 < 10 ? "0" + idx : idx);
      }
    }
    return "";
  };
  std::string out;
  for (size_t i = 0; i < repl.size(); ++i) {
    char ch = repl[i];
    if (ch != '$') {
      out += ch;
      continue;
    }
    if (i + 1 < repl.size() && repl[i + 1] == '$') {
      out += "$$";
      ++i;
    } else if (i + 1 < repl.size() && repl[i + 1] == '{') {
      size_t end = repl.find('}', i + 2);
      if (end == std::string::npos) {
        out += "$$";
        continue;
      }
      out += group_ref(repl.substr(i + 2, end - i - 2));
      i = end;
    } else {
      size_t end = i + 1;
      while (end < repl.size() && IsNameChar(repl[end])) ++end;
      if (end == i + 1) {
        out += "$$";
        continue;
      }
      out += group_ref(repl.substr(i + 1, end - i - 1));
      i = end - 1;
    }
  }
  return out;
}

Result<Value> RegexReplace(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  ASSIGN_OR_RETURN(std::string pattern, StringArg(a, 1));
  ASSIGN_OR_RETURN(std::string repl, StringArg(a, 2));
  ASSIGN_OR_RETURN(std::string out, RegexReplaceAll(s, pattern, repl));
  return Value::String(out);
}

Result<Value> RegexpEscape(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  std::string out;
  for (char c : s) {
    if (std::string("\\.+*?()|[]{}^$").find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return Value::String(out);
}

}  // namespace

Result<std::string> RegexReplaceAll(const std::string& s, const std::string& pattern,
                                    const std::string& repl) {
  ASSIGN_OR_RETURN(Compiled c, Compile(pattern));
  return std::regex_replace(s, c.re, TranslateReplacement(repl, c.names));
}

void AddRegexFunctions(FunctionTable* t) {
  (*t)["regex"] = {2, 2, Regex};
  (*t)["regexall"] = {2, 2, RegexAll};
  (*t)["regexreplace"] = {3, 3, RegexReplace};
  (*t)["regexpescape"] = {1, 1, RegexpEscape};
}

}  // namespace strata::hcl
