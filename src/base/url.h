// URLs for databases, files and dev databases. Parsed like Go's net/url so
// Atlas URLs behave the same; passwords are never printed unredacted.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/status.h"

namespace strata {

struct Url {
  std::string scheme;    // lower-case, e.g. "sqlite", "file", "postgres"
  std::string user;      // decoded
  std::string password;  // decoded
  bool has_password = false;
  std::string host;      // may include ":port"
  std::string path;      // decoded, with leading "/" when present
  std::string raw_query; // without "?"
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order

  static Result<Url> Parse(const std::string& raw);

  // Everything after "scheme://" up to "?" (Atlas's host+path), decoded.
  std::string HostPath() const { return host + path; }
  // First value of a query parameter, or "" when absent.
  std::string Query(const std::string& key) const;
  bool HasQuery(const std::string& key) const;
  // Canonical text with the password replaced by "xxxxx".
  std::string Redacted() const;
  // Full canonical text (with password). Never print this.
  std::string String() const;
};

// Replaces the password of every URL-looking substring of s ("://user:pass@")
// with "xxxxx". Used on error texts that may echo a URL.
std::string RedactSecrets(const std::string& s);

std::string PercentDecode(const std::string& s);
std::string PercentEncode(const std::string& s, bool query_component);

}  // namespace strata
