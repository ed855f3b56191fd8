// Which server the MySQL dialect talks to: MySQL or MariaDB, and its version.
// The two differ in DDL details (DROP CHECK vs DROP CONSTRAINT, display
// widths, json), so planning and diffing take the flavor as input.
#pragma once

#include <string>

namespace strata::dialect::mysql {

struct Flavor {
  bool mariadb = true;
  int major = 10, minor = 11, patch = 0;
  // True when the server version is maj.min.pat or later.
  bool AtLeast(int maj, int min, int pat = 0) const;
};

// Parses SELECT VERSION() text: "10.11.6-MariaDB-0+deb12u1" or "8.0.36".
// MariaDB is recognized by the "MariaDB" marker (any case) in the text, or a
// major version of 10 or more; a text without digits gives the defaults.
Flavor ParseVersion(const std::string& version);

// MySQL 8.0.19 and later hide integer display widths (int(11) -> int);
// MariaDB still prints them.
bool HidesDisplayWidth(const Flavor& f);

}  // namespace strata::dialect::mysql
