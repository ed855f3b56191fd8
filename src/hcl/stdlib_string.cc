// String functions: upper, lower, split, join, substr, trim, ...
#include <algorithm>

#include "hcl/functions.h"
#include "hcl/regex_util.h"
#include "hcl/types.h"
#include "hcl/utf8.h"

namespace strata::hcl {
namespace {

std::string MapRunes(const std::string& s, uint32_t (*f)(uint32_t)) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    AppendUtf8(&out, f(DecodeUtf8(s, i)));
    i += Utf8Length(s, i);
  }
  return out;
}

Result<Value> Upper(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  return Value::String(MapRunes(s, ToUpperRune));
}

Result<Value> Lower(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  return Value::String(MapRunes(s, ToLowerRune));
}

// Go's strings.Title: upper-cases letters that start a word.
Result<Value> Title(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  std::string out;
  bool separator = true;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = DecodeUtf8(s, i);
    AppendUtf8(&out, separator ? ToUpperRune(cp) : cp);
    bool word = IsLetterRune(cp) || (cp >= '0' && cp <= '9') || cp == '_';
    separator = !word;
    i += Utf8Length(s, i);
  }
  return Value::String(out);
}

Result<Value> Chomp(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return Value::String(s);
}

Result<Value> Indent(const ValueList& a) {
  ASSIGN_OR_RETURN(int64_t n, IntArg(a, 0));
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 1));
  std::string pad(static_cast<size_t>(std::max<int64_t>(0, n)), ' ');
  std::string out;
  for (char c : s) {
    out += c;
    if (c == '\n') out += pad;
  }
  return Value::String(out);
}

Result<Value> Join(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string sep, StringArg(a, 0));
  std::string out;
  bool first = true;
  for (size_t i = 1; i < a.size(); ++i) {
    ASSIGN_OR_RETURN(ValueList items, ListArg(a, i));
    for (size_t k = 0; k < items.size(); ++k) {
      if (items[k].is_null())
        return InvalidArgument("element " + std::to_string(k) +
                               " is null; cannot concatenate null values");
      auto s = ToStringValue(items[k]);
      if (!s.ok()) return InvalidArgument("element " + std::to_string(k) + ": string required");
      if (!first) out += sep;
      out += *s;
      first = false;
    }
  }
  return Value::String(out);
}

Result<Value> Split(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string sep, StringArg(a, 0));
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 1));
  ValueList out;
  if (sep.empty()) {
    for (auto& c : Utf8Chars(s)) out.push_back(Value::String(c));
    return Value::List(std::move(out));
  }
  size_t start = 0;
  while (true) {
    size_t i = s.find(sep, start);
    if (i == std::string::npos) break;
    out.push_back(Value::String(s.substr(start, i - start)));
    start = i + sep.size();
  }
  out.push_back(Value::String(s.substr(start)));
  return Value::List(std::move(out));
}

Result<Value> Replace(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  ASSIGN_OR_RETURN(std::string from, StringArg(a, 1));
  ASSIGN_OR_RETURN(std::string to, StringArg(a, 2));
  // Like Terraform, "/.../" is a regular expression.
  if (from.size() > 2 && from.front() == '/' && from.back() == '/') {
    ASSIGN_OR_RETURN(std::string out, RegexReplaceAll(s, from.substr(1, from.size() - 2), to));
    return Value::String(out);
  }
  if (from.empty()) return Value::String(s);
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t i = s.find(from, pos);
    if (i == std::string::npos) break;
    out += s.substr(pos, i - pos) + to;
    pos = i + from.size();
  }
  out += s.substr(pos);
  return Value::String(out);
}

Result<Value> Strrev(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  auto chars = Utf8Chars(s);
  std::reverse(chars.begin(), chars.end());
  std::string out;
  for (auto& c : chars) out += c;
  return Value::String(out);
}

Result<Value> Substr(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  ASSIGN_OR_RETURN(int64_t offset, IntArg(a, 1));
  ASSIGN_OR_RETURN(int64_t length, IntArg(a, 2));
  auto chars = Utf8Chars(s);
  int64_t n = static_cast<int64_t>(chars.size());
  if (offset < 0) offset += n;
  if (offset < 0) return InvalidArgument("offset is out of range for the given string");
  if (length < -1) return InvalidArgument("length must be non-negative or -1");
  if (offset >= n) return Value::String("");
  int64_t end = length == -1 ? n : std::min(n, offset + length);
  std::string out;
  for (int64_t i = offset; i < end; ++i) out += chars[static_cast<size_t>(i)];
  return Value::String(out);
}

Result<Value> Trim(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  ASSIGN_OR_RETURN(std::string cutset, StringArg(a, 1));
  auto cut = Utf8Chars(cutset);
  auto chars = Utf8Chars(s);
  auto in_cut = [&](const std::string& c) {
    return std::find(cut.begin(), cut.end(), c) != cut.end();
  };
  size_t b = 0, e = chars.size();
  while (b < e && in_cut(chars[b])) ++b;
  while (e > b && in_cut(chars[e - 1])) --e;
  std::string out;
  for (size_t i = b; i < e; ++i) out += chars[i];
  return Value::String(out);
}

Result<Value> TrimPrefix(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  ASSIGN_OR_RETURN(std::string p, StringArg(a, 1));
  if (s.compare(0, p.size(), p) == 0) s.erase(0, p.size());
  return Value::String(s);
}

Result<Value> TrimSuffix(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  ASSIGN_OR_RETURN(std::string p, StringArg(a, 1));
  if (s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0)
    s.resize(s.size() - p.size());
  return Value::String(s);
}

Result<Value> TrimSpace(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  return Value::String(TrimRightSpace(TrimLeftSpace(s)));
}

Result<Value> StartsWith(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  ASSIGN_OR_RETURN(std::string p, StringArg(a, 1));
  return Value::Bool(s.compare(0, p.size(), p) == 0);
}

Result<Value> EndsWith(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  ASSIGN_OR_RETURN(std::string p, StringArg(a, 1));
  return Value::Bool(s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0);
}

}  // namespace

void AddStringFunctions(FunctionTable* t) {
  (*t)["chomp"] = {1, 1, Chomp};
  (*t)["endswith"] = {2, 2, EndsWith};
  (*t)["indent"] = {2, 2, Indent};
  (*t)["join"] = {2, -1, Join};
  (*t)["lower"] = {1, 1, Lower};
  (*t)["replace"] = {3, 3, Replace};
  (*t)["split"] = {2, 2, Split};
  (*t)["startswith"] = {2, 2, StartsWith};
  (*t)["strrev"] = {1, 1, Strrev};
  (*t)["substr"] = {3, 3, Substr};
  (*t)["title"] = {1, 1, Title};
  (*t)["trim"] = {2, 2, Trim};
  (*t)["trimprefix"] = {2, 2, TrimPrefix};
  (*t)["trimspace"] = {1, 1, TrimSpace};
  (*t)["trimsuffix"] = {2, 2, TrimSuffix};
  (*t)["upper"] = {1, 1, Upper};
}

}  // namespace strata::hcl
