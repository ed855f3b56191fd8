// Locating the server programs of an ephemeral engine.
#pragma once

#include <string>

#include "base/status.h"
#include "ephemeral/request.h"

namespace strata::ephemeral {

struct Binaries {
  std::string server;  // postgres | mariadbd
  std::string init;    // initdb | mariadb-install-db
  std::string client;  // psql (PostgreSQL setup only)
  std::string major;   // "15" when known from the install path
};

// PostgreSQL: $STRATA_PG_BIN, else the newest /usr/lib/postgresql/<N>/bin, else PATH.
// MariaDB: $STRATA_MARIADB_BIN, else PATH, /usr/sbin and /usr/bin.
Result<Binaries> FindBinaries(Engine engine);

}  // namespace strata::ephemeral
