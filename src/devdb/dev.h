// The dev database: a throwaway database that turns desired states into what
// the engine really stores (normalization), and runs SQL schema files.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "dialect/driver.h"
#include "migrate/dir.h"

namespace strata::devdb {

// Which files of a migration directory ReplayDir executes.
struct ReplayOptions {
  // "" = every file; otherwise the files up to and including this version
  // (versions compare as strings, as everywhere in migration directories).
  std::string to_version;
};

struct SourceFile {
  std::string name;
  std::string content;
};

class DevDatabase {
 public:
  explicit DevDatabase(std::unique_ptr<dialect::Driver> driver) : driver_(std::move(driver)) {}

  dialect::Driver& driver() { return *driver_; }

  // Applies `desired` to the (clean) dev database, inspects it back and
  // cleans up. The result is what the engine makes of the desired state.
  Result<schema::Realm> Normalize(const schema::Realm& desired);
  // Executes SQL files in order on the clean dev database, inspects the
  // result and cleans up.
  Result<schema::Realm> LoadSQL(const std::vector<SourceFile>& files);
  // Replays a migration directory on the clean dev database: the files from
  // the last checkpoint on (within the version bound), statement by
  // statement as the driver's scanner splits them (file directives such as
  // "-- atlas:delimiter" honoured), then inspects the result and cleans up.
  // A failing statement reads `sql/migrate: executing statement "<stmt>"
  // from version "<v>": <error>`.
  Result<schema::Realm> ReplayDir(const migrate::Dir& dir, const ReplayOptions& opts = {});

 private:
  Result<schema::Realm> InspectAll(const std::vector<std::string>& schemas);
  // Drops everything the dev database holds now.
  Status Reset();

  std::unique_ptr<dialect::Driver> driver_;
};

}  // namespace strata::devdb
