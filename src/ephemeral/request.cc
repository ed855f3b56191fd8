#include "ephemeral/request.h"

#include "base/strings.h"

namespace strata::ephemeral {

bool IsEphemeralScheme(const std::string& scheme) { return scheme == "ephemeral"; }

Result<Request> ParseRequest(const Url& url) {
  Request r;
  const std::string& kind = url.host;
  if (kind == "postgres" || kind == "postgresql") {
    r.engine = Engine::kPostgres;
  } else if (kind == "mariadb" || kind == "maria" || kind == "mysql") {
    r.engine = Engine::kMariaDB;
  } else {
    return InvalidArgument("ephemeral: unknown server " + GoQuote(kind) +
                           " (want ephemeral://postgres or ephemeral://mariadb)");
  }
  if (!url.user.empty() || url.has_password)
    return InvalidArgument("ephemeral: the URL takes no user or password (a random one is generated)");
  std::string db = url.path;
  while (!db.empty() && db.front() == '/') db.erase(0, 1);
  while (!db.empty() && db.back() == '/') db.pop_back();
  if (db.find('/') != std::string::npos)
    return InvalidArgument("ephemeral: want at most one path segment (the database name), got " + GoQuote(url.path));
  for (const auto& [k, v] : url.query) {
    if (k == "search_path") {
      if (r.engine != Engine::kPostgres)
        return InvalidArgument("ephemeral: search_path is a PostgreSQL parameter");
      if (v.find(',') != std::string::npos)
        return InvalidArgument("ephemeral: search_path must name one schema, got " + GoQuote(v));
      r.schema = v;
    }
    r.query.emplace_back(k, v);
  }
  r.database = db;
  if (r.engine == Engine::kPostgres && r.database.empty()) r.database = "dev";
  if (r.engine == Engine::kPostgres &&
      (r.database == "postgres" || r.database == "template0" || r.database == "template1"))
    return InvalidArgument("ephemeral: database " + GoQuote(r.database) + " is reserved; pick another name");
  if (r.engine == Engine::kMariaDB &&
      (r.database == "mysql" || r.database == "sys" || r.database == "information_schema" ||
       r.database == "performance_schema"))
    return InvalidArgument("ephemeral: database " + GoQuote(r.database) + " is a system schema; pick another name");
  return r;
}

}  // namespace strata::ephemeral
