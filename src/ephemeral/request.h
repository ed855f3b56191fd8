// What an ephemeral:// URL asks for:
//   ephemeral://postgres                         database "dev", realm scope
//   ephemeral://postgres/<db>[?search_path=<s>]  database <db>; schema scope with search_path
//   ephemeral://mariadb | ephemeral://mysql      realm scope (a MariaDB server either way)
//   ephemeral://mariadb/<db>                     schema (database) scope <db>
// Other query parameters are passed on to the server's URL.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "base/url.h"

namespace strata::ephemeral {

enum class Engine { kPostgres, kMariaDB };

struct Request {
  Engine engine = Engine::kPostgres;
  std::string database;  // postgres: always set ("dev" by default); mariadb: "" = realm
  std::string schema;    // postgres search_path, created when missing
  std::vector<std::pair<std::string, std::string>> query;  // passed through
};

bool IsEphemeralScheme(const std::string& scheme);
Result<Request> ParseRequest(const Url& url);

}  // namespace strata::ephemeral
