#include "ephemeral/binaries.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <unistd.h>

#include "base/strings.h"

namespace strata::ephemeral {
namespace fs = std::filesystem;
namespace {

bool Executable(const std::string& p) { return !p.empty() && access(p.c_str(), X_OK) == 0 && !fs::is_directory(p); }

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// The first executable `name` in dirs (PATH entries first).
std::string Which(const std::string& name, std::vector<std::string> extra = {}) {
  std::vector<std::string> dirs = Split(Env("PATH"), ":");
  dirs.insert(dirs.end(), extra.begin(), extra.end());
  for (const auto& d : dirs) {
    if (d.empty()) continue;
    std::string p = d + "/" + name;
    if (Executable(p)) return p;
  }
  return "";
}

// First existing `dir/name` among names.
std::string InDir(const std::string& dir, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    std::string p = dir + "/" + n;
    if (Executable(p)) return p;
  }
  return "";
}

Result<Binaries> FindPostgres() {
  const char* kMissing =
      "ephemeral: PostgreSQL server binaries not found (install postgresql-15 or set STRATA_PG_BIN)";
  Binaries b;
  auto from_dir = [&](const std::string& dir) {
    b.server = InDir(dir, {"postgres"});
    b.init = InDir(dir, {"initdb"});
    b.client = InDir(dir, {"psql"});
    return !b.server.empty() && !b.init.empty() && !b.client.empty();
  };
  if (std::string dir = Env("STRATA_PG_BIN"); !dir.empty()) {
    if (!from_dir(dir))
      return NotFound("ephemeral: STRATA_PG_BIN=" + dir + " lacks postgres, initdb or psql");
    return b;
  }
  // Debian/Ubuntu keep each major version apart; take the newest complete one.
  std::vector<int> majors;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    std::string n = e.path().filename().string();
    if (!n.empty() && std::all_of(n.begin(), n.end(), ::isdigit)) majors.push_back(std::stoi(n));
  }
  std::sort(majors.rbegin(), majors.rend());
  for (int m : majors) {
    if (from_dir("/usr/lib/postgresql/" + std::to_string(m) + "/bin")) {
      b.major = std::to_string(m);
      return b;
    }
  }
  b.server = Which("postgres");
  b.init = Which("initdb");
  b.client = Which("psql");
  if (b.server.empty() || b.init.empty() || b.client.empty()) return NotFound(kMissing);
  return b;
}

Result<Binaries> FindMariaDB() {
  Binaries b;
  if (std::string dir = Env("STRATA_MARIADB_BIN"); !dir.empty()) {
    b.server = InDir(dir, {"mariadbd", "mysqld"});
    b.init = InDir(dir, {"mariadb-install-db", "mysql_install_db"});
    if (b.server.empty() || b.init.empty())
      return NotFound("ephemeral: STRATA_MARIADB_BIN=" + dir + " lacks mariadbd or mariadb-install-db");
    return b;
  }
  std::vector<std::string> extra = {"/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"};
  b.server = Which("mariadbd", extra);
  b.init = Which("mariadb-install-db", extra);
  if (b.server.empty() || b.init.empty())
    return NotFound(
        "ephemeral: MariaDB server binaries not found (install mariadb-server or set STRATA_MARIADB_BIN)");
  return b;
}

}  // namespace

Result<Binaries> FindBinaries(Engine engine) {
  return engine == Engine::kPostgres ? FindPostgres() : FindMariaDB();
}

}  // namespace strata::ephemeral
