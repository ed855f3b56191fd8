#include "dialect/mysql/flavor.h"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace strata::dialect::mysql {

bool Flavor::AtLeast(int maj, int min, int pat) const {
  return std::tie(major, minor, patch) >= std::tie(maj, min, pat);
}

Flavor ParseVersion(const std::string& version) {
  Flavor f;
  // Some MariaDB builds report "5.5.5-10.11.6-MariaDB" (the replication
  // compatibility prefix); the real version follows it.
  std::string v = version;
  if (v.rfind("5.5.5-", 0) == 0) v = v.substr(6);
  int parts[3] = {0, 0, 0};
  int n = 0;
  size_t i = 0;
  while (i < v.size() && n < 3 && std::isdigit(static_cast<unsigned char>(v[i]))) {
    int x = 0;
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) x = x * 10 + (v[i++] - '0');
    parts[n++] = x;
    if (i < v.size() && v[i] == '.') ++i;
    else break;
  }
  if (n == 0) return f;
  f.major = parts[0];
  f.minor = parts[1];
  f.patch = parts[2];
  std::string lower(version.size(), ' ');
  std::transform(version.begin(), version.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  f.mariadb = lower.find("mariadb") != std::string::npos || f.major >= 10;
  return f;
}

bool HidesDisplayWidth(const Flavor& f) { return !f.mariadb && f.AtLeast(8, 0, 19); }

}  // namespace strata::dialect::mysql
