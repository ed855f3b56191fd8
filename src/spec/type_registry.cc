#include "spec/type_registry.h"

#include <cctype>

#include "base/strings.h"

namespace strata::spec {
namespace {

std::string NormalizeSpaces(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Splits "a, 'b,c', d" at top-level commas, keeping quotes.
std::vector<std::string> SplitArgs(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  char quote = 0;
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      cur += c;
      if (c == quote) {
        if (i + 1 < s.size() && s[i + 1] == quote) {
          cur += s[++i];
        } else {
          quote = 0;
        }
      }
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth == 0) {
      out.push_back(Trim(cur));
      cur.clear();
      continue;
    }
    cur += c;
  }
  if (!Trim(cur).empty() || !out.empty()) out.push_back(Trim(cur));
  return out;
}

std::string Unquote(const std::string& s) {
  if (s.size() >= 2 && (s[0] == '\'' || s[0] == '"') && s.back() == s[0]) {
    std::string q(1, s[0]);
    return ReplaceAll(s.substr(1, s.size() - 2), q + q, q);
  }
  return s;
}

}  // namespace

const TypeDef* TypeRegistry::Find(const std::string& sql_name) const {
  std::string n = ToLower(NormalizeSpaces(sql_name));
  for (const auto& d : defs_) {
    if (d.name == n) return &d;
    for (const auto& a : d.aliases)
      if (a == n) return &d;
  }
  return nullptr;
}

schema::Type TypeRegistry::ParseSQL(const std::string& raw) const {
  schema::Type t;
  t.raw = Trim(raw);
  std::string s = t.raw;
  std::string lower = ToLower(s);
  // A trailing "unsigned"/"zerofill" qualifier (MySQL). ZEROFILL has no
  // model field: such a type keeps its raw text (unsupported) so that it is
  // printed and compared as written.
  bool zerofill = false;
  if (EndsWith(lower, " zerofill")) {
    s = Trim(s.substr(0, s.size() - 9));
    lower = ToLower(s);
    zerofill = true;
  }
  if (EndsWith(lower, " unsigned")) {
    t.is_unsigned = true;
    s = Trim(s.substr(0, s.size() - 9));
  }
  std::string name = s;
  size_t open = s.find('(');
  if (open != std::string::npos && s.back() == ')') {
    name = s.substr(0, open);
    for (auto& a : SplitArgs(s.substr(open + 1, s.size() - open - 2))) t.args.push_back(a);
  }
  name = ToLower(NormalizeSpaces(name));
  const TypeDef* def = Find(name);
  if (def == nullptr) {
    t.name = name;
    t.unsupported = true;
    return t;
  }
  t.name = def->name;
  if (def->string_args)
    for (auto& a : t.args) a = Unquote(a);
  if (def->max_args >= 0 && static_cast<int>(t.args.size()) > def->max_args) t.unsupported = true;
  if (zerofill) t.unsupported = true;
  return t;
}

std::string TypeRegistry::ToSQL(const schema::Type& t) const {
  if (t.unsupported || t.name.empty()) return t.raw;
  const TypeDef* def = Find(t.name);
  std::string s = t.name;
  if (!t.args.empty()) {
    std::vector<std::string> args;
    for (const auto& a : t.args)
      args.push_back(def && def->string_args ? "'" + ReplaceAll(a, "'", "''") + "'" : a);
    s += "(" + Join(args, ",") + ")";
  }
  if (t.is_unsigned) s += " unsigned";
  return s;
}

std::string TypeRegistry::ToHCL(const schema::Type& t) const {
  // "unsigned" has no HCL spelling of its own here (MySQL's `unsigned = true`
  // attribute belongs to that dialect's spec), so keep such types verbatim.
  if (t.unsupported || t.is_unsigned || Find(t.name) == nullptr) return "sql(" + GoQuote(t.raw) + ")";
  const TypeDef* def = Find(t.name);
  std::string s = def->hcl_name.empty() ? ReplaceAll(t.name, " ", "_") : def->hcl_name;
  if (!t.args.empty()) {
    std::vector<std::string> args;
    for (const auto& a : t.args) args.push_back(def->string_args ? GoQuote(a) : a);
    // Atlas prints type arguments without spaces: decimal(10,2).
    s += "(" + Join(args, ",") + ")";
  }
  return s;
}

Result<schema::Type> TypeRegistry::FromHCL(const std::string& hcl_name,
                                           const std::vector<std::string>& args) const {
  const TypeDef* def = nullptr;
  for (const auto& d : defs_)
    if (!d.hcl_name.empty() && d.hcl_name == hcl_name) def = &d;
  if (def == nullptr) def = Find(hcl_name);
  if (def == nullptr) def = Find(ReplaceAll(hcl_name, "_", " "));
  if (def == nullptr) return InvalidArgument("unknown type " + GoQuote(hcl_name));
  if (def->max_args >= 0 && static_cast<int>(args.size()) > def->max_args) {
    std::string at_most = def->max_args == 0 ? "no arguments"
                          : def->max_args == 1
                              ? "at most 1 argument"
                              : "at most " + std::to_string(def->max_args) + " arguments";
    return InvalidArgument("type " + GoQuote(hcl_name) + " takes " + at_most + ", got " +
                           std::to_string(args.size()));
  }
  schema::Type t;
  t.name = def->name;
  t.args = args;
  t.raw = ToSQL(t);
  return t;
}

}  // namespace strata::spec
