#include "spec/literal.h"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <vector>

#include "base/strings.h"
#include "hcl/hcl.h"

namespace strata::spec {
namespace {

bool IsQuoted(const std::string& s, char q) {
  return s.size() >= 2 && s.front() == q && s.back() == q;
}

// Removes SQL quotes: 'it''s' -> it's, "a\"b" -> a"b.
std::string UnquoteSQL(const std::string& s) {
  std::string body = s.substr(1, s.size() - 2);
  std::string q(1, s.front());
  if (s.front() == '"') body = ReplaceAll(body, "\\\"", "\"");
  return ReplaceAll(body, q + q, q);
}

bool HasAnyPrefix(const std::string& s, std::initializer_list<const char*> prefixes) {
  for (const char* p : prefixes)
    if (StartsWith(s, p)) return true;
  return false;
}

// Text-like column types keep bare-word literals as strings (Atlas does this
// for its StringType/EnumType); anything else prints them raw.
bool IsTextLike(const schema::Type& t) {
  std::string n = ToLower(t.name.empty() ? t.raw : t.name);
  for (const char* k : {"char", "text", "clob", "enum", "string"})
    if (n.find(k) != std::string::npos) return true;
  return false;
}

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Escapes heredoc text so that `${` and `%{` stay literal.
std::string EscapeTemplate(const std::string& s) {
  return ReplaceAll(ReplaceAll(s, "${", "$${"), "%{", "%%{");
}

}  // namespace

std::string SqlQuote(const std::string& s) { return "'" + ReplaceAll(s, "'", "''") + "'"; }

std::string SqlCall(const std::string& sql) { return "sql(" + hcl::Quote(sql) + ")"; }

std::optional<std::string> CanonicalNumber(const std::string& text) {
  std::string s = Trim(text);
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s = s.substr(1);
  }
  if (IsDigits(s)) {
    size_t nz = s.find_first_not_of('0');
    std::string digits = nz == std::string::npos ? "0" : s.substr(nz);
    return (neg && digits != "0" ? "-" : "") + digits;
  }
  // Decimal forms: digits with one dot and/or an exponent.
  size_t e = s.find_first_of("eE");
  std::string mant = s.substr(0, e);
  size_t dot = mant.find('.');
  std::string ip = mant.substr(0, dot), fp = dot == std::string::npos ? "" : mant.substr(dot + 1);
  if ((ip.empty() && fp.empty()) || (!ip.empty() && !IsDigits(ip)) ||
      (!fp.empty() && !IsDigits(fp)))
    return std::nullopt;
  if (e != std::string::npos) {
    std::string_view ex = std::string_view(s).substr(e + 1);
    if (!ex.empty() && (ex[0] == '+' || ex[0] == '-')) ex.remove_prefix(1);
    if (!IsDigits(ex)) return std::nullopt;
  }
  // go-cty prints numbers with big.Float.Text('f', -1): the shortest
  // decimal that round-trips, never in exponent form.
  double v = std::strtod(s.c_str(), nullptr);
  if (neg) v = -v;
  char buf[512];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  if (r.ec != std::errc()) return std::nullopt;
  return std::string(buf, r.ptr);
}

std::string DefaultToHCL(const schema::Expr& e, const schema::Type& type) {
  if (e.kind == schema::Expr::Kind::kRaw) return SqlCall(e.text);
  const std::string& v = e.text;
  // Hex and bit literals have no HCL spelling.
  if (HasAnyPrefix(v, {"0x", "0X", "0b", "0B", "b'", "B'", "x'", "X'"})) return SqlCall(v);
  if (IsQuoted(v, '\'') || IsQuoted(v, '"')) return hcl::Quote(UnquoteSQL(v));
  std::string lower = ToLower(v);
  if (lower == "true" || lower == "false") return lower;
  if (auto n = CanonicalNumber(v)) return *n;
  if (IsTextLike(type)) return hcl::Quote(v);
  return SqlCall(v);
}

std::string DefinitionToHCL(const std::string& def) {
  std::string text = ReplaceAll(def, "\r\n", "\n");
  std::vector<std::string> lines = Split(text, "\n");
  bool delimiter_clash = false;
  for (const auto& l : lines)
    if (Trim(l) == "SQL") delimiter_clash = true;
  if (lines.size() <= 1 || delimiter_clash) return hcl::Quote(text);
  // Atlas indents every line by two spaces under `<<-SQL`; the `<<-` form
  // strips that indentation again when the file is read.
  std::string out = "<<-SQL\n";
  // Blank lines are indented too, byte for byte as Atlas prints them (the
  // decoder turns whitespace-only definition lines back into empty ones).
  for (const auto& l : lines) out += "  " + EscapeTemplate(l) + "\n";
  return out + "  SQL";
}

}  // namespace strata::spec
