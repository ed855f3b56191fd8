#include "base/url.h"

#include <cctype>
#include <regex>

#include "base/strings.h"

namespace strata {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool ValidScheme(const std::string& s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  return true;
}

}  // namespace

std::string PercentDecode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 &&
        HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string PercentEncode(const std::string& s, bool query_component) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ' && query_component) {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Result<Url> Url::Parse(const std::string& raw) {
  Url u;
  size_t colon = raw.find("://");
  if (colon == std::string::npos) {
    return InvalidArgument("missing scheme. See: https://atlasgo.io/url");
  }
  u.scheme = ToLower(raw.substr(0, colon));
  if (!ValidScheme(u.scheme)) {
    return InvalidArgument("invalid URL scheme " + GoQuote(raw.substr(0, colon)));
  }
  std::string rest = raw.substr(colon + 3);
  size_t q = rest.find('?');
  if (q != std::string::npos) {
    u.raw_query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  size_t hash = u.raw_query.find('#');
  if (hash != std::string::npos) u.raw_query = u.raw_query.substr(0, hash);
  size_t slash = rest.find('/');
  std::string authority = slash == std::string::npos ? rest : rest.substr(0, slash);
  std::string path = slash == std::string::npos ? "" : rest.substr(slash);
  size_t at = authority.rfind('@');
  if (at != std::string::npos) {
    std::string userinfo = authority.substr(0, at);
    authority = authority.substr(at + 1);
    size_t pc = userinfo.find(':');
    if (pc != std::string::npos) {
      u.user = PercentDecode(userinfo.substr(0, pc));
      u.password = PercentDecode(userinfo.substr(pc + 1));
      u.has_password = true;
    } else {
      u.user = PercentDecode(userinfo);
    }
  }
  u.host = authority;
  u.path = PercentDecode(path);
  if (!u.raw_query.empty()) {
    for (const auto& kv : Split(u.raw_query, "&")) {
      if (kv.empty()) continue;
      size_t eq = kv.find('=');
      std::string k = kv.substr(0, eq), v = eq == std::string::npos ? "" : kv.substr(eq + 1);
      u.query.emplace_back(PercentDecode(ReplaceAll(k, "+", " ")), PercentDecode(ReplaceAll(v, "+", " ")));
    }
  }
  return u;
}

std::string Url::Query(const std::string& key) const {
  for (const auto& [k, v] : query)
    if (k == key) return v;
  return "";
}

bool Url::HasQuery(const std::string& key) const {
  for (const auto& kv : query)
    if (kv.first == key) return true;
  return false;
}

static std::string Render(const Url& u, bool redact) {
  std::string s = u.scheme + "://";
  if (!u.user.empty() || u.has_password) {
    s += PercentEncode(u.user, false);
    if (u.has_password) s += ":" + (redact ? std::string("xxxxx") : PercentEncode(u.password, false));
    s += "@";
  }
  s += u.host;
  // Encode each segment but keep the "/" separators readable.
  std::vector<std::string> segs;
  for (const auto& seg : Split(u.path, "/")) segs.push_back(PercentEncode(seg, false));
  if (!u.path.empty()) s += Join(segs, "/");
  if (!u.raw_query.empty()) s += "?" + u.raw_query;
  return s;
}

std::string Url::Redacted() const { return Render(*this, true); }
std::string Url::String() const { return Render(*this, false); }

std::string RedactSecrets(const std::string& s) {
  static const std::regex kUserPass(R"(([A-Za-z][A-Za-z0-9+.\-]*://[^:/@\s]*):([^@\s/]*)@)");
  return std::regex_replace(s, kUserPass, "$1:xxxxx@");
}

}  // namespace strata
