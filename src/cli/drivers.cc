#include "cli/drivers.h"

#include "base/strings.h"
#include "cli/ephemeral_servers.h"
#include "dialect/mysql/driver.h"
#include "dialect/mysql/spec.h"
#include "dialect/postgres/driver.h"
#include "dialect/postgres/spec.h"
#include "dialect/sqlite/driver.h"
#include "dialect/sqlite/spec.h"

namespace strata::cli {

bool IsDatabaseScheme(const std::string& scheme) {
  return scheme != "file" && scheme != "env" && scheme != "mem" && scheme != "atlas" && scheme != "ent";
}

Result<std::unique_ptr<dialect::Driver>> OpenDatabase(const std::string& raw_url) {
  auto url = Url::Parse(raw_url);
  if (!url.ok()) return url.status();
  const std::string& s = url->scheme;
  if (s == "ephemeral") {  // a local server started for this command (cli/ephemeral_servers.h)
    ASSIGN_OR_RETURN(std::string started, StartEphemeralServer(*url));
    return OpenDatabase(started);
  }
  // Client libraries may echo the URL in their errors: passwords are masked.
  auto redacted = [](Result<std::unique_ptr<dialect::Driver>> d) -> Result<std::unique_ptr<dialect::Driver>> {
    if (!d.ok()) return Status(d.status().code(), RedactSecrets(d.status().message()));
    return d;
  };
  if (s == "sqlite" || s == "sqlite3") return redacted(dialect::sqlite::OpenDriver(*url));
  if (s == "postgres" || s == "postgresql") return redacted(dialect::postgres::OpenDriver(*url));
  if (s == "mysql" || s == "mysql+unix" || s == "mariadb" || s == "maria" || s == "mariadb+unix" ||
      s == "maria+unix")
    return redacted(dialect::mysql::OpenDriver(*url));
  if (s == "clickhouse") {
    return Unsupported("driver " + GoQuote(s) + " is not available in this build yet (URL " +
                       url->Redacted() + ")");
  }
  return InvalidArgument("unknown driver " + GoQuote(s) + ". See: https://atlasgo.io/url");
}

Result<const spec::DialectSpec*> SpecFor(const std::string& driver_name) {
  if (driver_name == "sqlite") return &dialect::sqlite::SqliteSpec();
  if (driver_name == "postgres") return &dialect::postgres::PostgresSpec();
  if (driver_name == "mysql") return &dialect::mysql::MysqlSpec();
  return Unsupported("no HCL schema support for driver " + GoQuote(driver_name));
}

}  // namespace strata::cli
