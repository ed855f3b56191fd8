// Atlas's URL functions: urlescape, urluserinfo, urlqueryset, urlsetpath.
// URLs are split and re-assembled the way Go's net/url does.
#include <algorithm>
#include <cctype>

#include "base/url.h"
#include "hcl/functions.h"

namespace strata::hcl {
namespace {

struct GoUrl {
  std::string scheme;
  std::string opaque;
  bool has_authority = false;
  bool has_user = false;
  std::string user, password;  // decoded
  bool has_password = false;
  std::string host;
  std::string raw_path;  // as written (escaped)
  std::string raw_query;
  bool has_query = false;
  std::string fragment;  // as written
  bool has_fragment = false;
};

bool Unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~';
}

std::string Escape(const std::string& s, const std::string& keep) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (Unreserved(c) || keep.find(static_cast<char>(c)) != std::string::npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string EscapeUserinfo(const std::string& s) { return Escape(s, "$&+,;="); }
std::string EscapePath(const std::string& s) { return Escape(s, "$&+,/:;=@"); }

std::string QueryUnescape(const std::string& s) {
  std::string plus = s;
  std::replace(plus.begin(), plus.end(), '+', ' ');
  return PercentDecode(plus);
}

Result<GoUrl> ParseUrl(const std::string& raw) {
  GoUrl u;
  std::string rest = raw;
  size_t hash = rest.find('#');
  if (hash != std::string::npos) {
    u.has_fragment = true;
    u.fragment = rest.substr(hash + 1);
    rest.resize(hash);
  }
  size_t colon = rest.find(':');
  if (colon != std::string::npos && colon > 0 &&
      std::isalpha(static_cast<unsigned char>(rest[0]))) {
    bool valid = true;
    for (size_t i = 0; i < colon; ++i) {
      unsigned char c = static_cast<unsigned char>(rest[i]);
      if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') valid = false;
    }
    if (valid) {
      u.scheme = rest.substr(0, colon);
      std::transform(u.scheme.begin(), u.scheme.end(), u.scheme.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      rest = rest.substr(colon + 1);
    }
  } else if (colon == 0) {
    return InvalidArgument("parse " + Quote(raw) + ": missing protocol scheme");
  }
  size_t q = rest.find('?');
  if (q != std::string::npos) {
    u.has_query = true;
    u.raw_query = rest.substr(q + 1);
    rest.resize(q);
  }
  if (!u.scheme.empty() && !rest.empty() && rest[0] != '/') {
    u.opaque = rest;
    return u;
  }
  if (rest.compare(0, 2, "//") == 0) {
    u.has_authority = true;
    rest = rest.substr(2);
    size_t slash = rest.find('/');
    std::string authority = rest.substr(0, slash);
    rest = slash == std::string::npos ? "" : rest.substr(slash);
    size_t at = authority.rfind('@');
    if (at != std::string::npos) {
      u.has_user = true;
      std::string info = authority.substr(0, at);
      size_t c = info.find(':');
      u.user = PercentDecode(info.substr(0, c));
      if (c != std::string::npos) {
        u.has_password = true;
        u.password = PercentDecode(info.substr(c + 1));
      }
      authority = authority.substr(at + 1);
    }
    u.host = authority;
  }
  u.raw_path = rest;
  return u;
}

std::string UrlString(const GoUrl& u) {
  std::string out;
  if (!u.scheme.empty()) out += u.scheme + ":";
  if (!u.opaque.empty()) {
    out += u.opaque;
  } else {
    if (u.has_authority || !u.host.empty() || u.has_user) {
      out += "//";
      if (u.has_user) {
        out += EscapeUserinfo(u.user);
        if (u.has_password) out += ":" + EscapeUserinfo(u.password);
        out += "@";
      }
      out += u.host;
    }
    if (!u.raw_path.empty() && u.raw_path[0] != '/' && !u.host.empty()) out += "/";
    out += u.raw_path;
  }
  if (u.has_query && !u.raw_query.empty()) out += "?" + u.raw_query;
  if (u.has_fragment) out += "#" + u.fragment;
  return out;
}

Result<Value> UrlEscape(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  return Value::String(PercentEncode(s, /*query_component=*/true));
}

Result<Value> UrlUserinfo(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string raw, StringArg(a, 0));
  ASSIGN_OR_RETURN(std::string user, StringArg(a, 1));
  ASSIGN_OR_RETURN(GoUrl u, ParseUrl(raw));
  u.has_user = true;
  u.has_authority = true;
  u.user = user;
  u.has_password = false;
  u.password.clear();
  if (a.size() > 2 && !a[2].is_null()) {
    ASSIGN_OR_RETURN(std::string pass, StringArg(a, 2));
    u.has_password = true;
    u.password = pass;
  }
  return Value::String(UrlString(u));
}

Result<Value> UrlQuerySet(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string raw, StringArg(a, 0));
  ASSIGN_OR_RETURN(std::string key, StringArg(a, 1));
  ASSIGN_OR_RETURN(std::string value, StringArg(a, 2));
  ASSIGN_OR_RETURN(GoUrl u, ParseUrl(raw));
  std::vector<std::pair<std::string, std::string>> params;
  size_t start = 0;
  while (start <= u.raw_query.size() && !u.raw_query.empty()) {
    size_t amp = u.raw_query.find('&', start);
    std::string part =
        u.raw_query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    if (!part.empty()) {
      size_t eq = part.find('=');
      params.emplace_back(QueryUnescape(part.substr(0, eq)),
                          eq == std::string::npos ? "" : QueryUnescape(part.substr(eq + 1)));
    }
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  params.erase(
      std::remove_if(params.begin(), params.end(), [&](const auto& p) { return p.first == key; }),
      params.end());
  params.emplace_back(key, value);
  std::stable_sort(params.begin(), params.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::string query;
  for (const auto& [k, v] : params) {
    if (!query.empty()) query += "&";
    query += PercentEncode(k, true) + "=" + PercentEncode(v, true);
  }
  u.has_query = true;
  u.raw_query = query;
  return Value::String(UrlString(u));
}

Result<Value> UrlSetPath(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string raw, StringArg(a, 0));
  ASSIGN_OR_RETURN(std::string path, StringArg(a, 1));
  ASSIGN_OR_RETURN(GoUrl u, ParseUrl(raw));
  u.opaque.clear();
  u.raw_path = EscapePath(path);
  return Value::String(UrlString(u));
}

}  // namespace

void AddUrlFunctions(FunctionTable* t) {
  (*t)["urlescape"] = {1, 1, UrlEscape};
  (*t)["urluserinfo"] = {2, 3, UrlUserinfo};
  (*t)["urlqueryset"] = {3, 3, UrlQuerySet};
  (*t)["urlsetpath"] = {2, 2, UrlSetPath};
}

}  // namespace strata::hcl
