// PostgreSQL: initdb, a postgres process on a loopback port with its socket in
// the private dir, fsync off; psql (over that socket, trust auth) sets the
// random password and gives the template's database "dev" its name.
#include <csignal>
#include <fstream>

#include <unistd.h>

#include "base/strings.h"
#include "ephemeral/engine.h"

namespace strata::ephemeral {
namespace {

class PostgresOps : public EngineOps {
 public:
  const char* Label() const override { return "PostgreSQL"; }
  const char* Key() const override { return "postgres"; }
  const char* SystemUser() const override { return "postgres"; }
  // SIGQUIT is PostgreSQL's immediate shutdown: no checkpoint, children follow.
  int StopSignal() const override { return SIGQUIT; }

  Status InitData(const Binaries& b, const std::string& data, const std::string& dir,
                  const RunAs& as) const override {
    // initdb wants a superuser password when host auth is scram; this one is
    // replaced by the per-run password in AfterReady.
    std::string pwfile = dir + "/initdb.pw";
    RETURN_IF_ERROR(WriteOwnedFile(pwfile, RandomHex(16) + "\n", as));
    ProcessSpec s;
    s.argv = {b.init, "-D", data, "-U", "postgres", "--pwfile=" + pwfile, "--auth-local=trust",
              "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
              // 1 MiB WAL segments: the cached template is 16 MiB smaller to copy.
              "--wal-segsize=1", "--no-instructions"};
    s.cwd = dir;
    s.as = as;
    s.output = dir + "/initdb.log";
    auto rc = RunProcess(s);
    unlink(pwfile.c_str());
    if (!rc.ok()) return rc.status();
    if (*rc != 0) return Error("ephemeral: initdb failed:\n" + FileTail(s.output));
    // The template carries an empty database "dev": renaming it per run costs a
    // third of a CREATE DATABASE (measured 23 ms against 67 ms).
    ProcessSpec single = s;
    single.argv = {b.server, "--single", "-F", "-D", data, "postgres"};
    single.output = dir + "/single.log";
    ASSIGN_OR_RETURN(int src, RunProcess(single, "CREATE DATABASE dev\n"));
    if (src != 0 || FileTail(single.output).find("ERROR") != std::string::npos)
      return Error("ephemeral: create the template database dev:\n" + FileTail(single.output));
    return Status::Ok();
  }

  Status BeforeStart(const Request&, const Layout&, const RunAs&) const override { return Status::Ok(); }

  std::vector<std::string> ServerArgv(const Binaries& b, const Layout& l) const override {
    return {b.server, "-D", l.data, "-p", std::to_string(l.port), "-k", l.dir,
            "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_permissions=0700",
            "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off",
            "-c", "wal_level=minimal", "-c", "max_wal_senders=0", "-c", "shared_buffers=16MB",
            "-c", "max_connections=20", "-c", "autovacuum=off", "-c", "jit=off"};
  }

  // Line 8 of postmaster.pid is the postmaster's status; "ready" once it accepts connections.
  bool Ready(const Layout& l) const override {
    std::ifstream in(l.data + "/postmaster.pid");
    std::string line;
    for (int i = 0; i < 8 && std::getline(in, line); i++) {
    }
    return line.rfind("ready", 0) == 0;
  }

  Status AfterReady(const Request& r, const Binaries& b, const Layout& l) const override {
    std::string sql = "ALTER ROLE postgres PASSWORD '" + l.password + "';\n";
    if (r.database != "dev") sql += "ALTER DATABASE dev RENAME TO " + QuoteIdent(r.database, '"') + ";\n";
    if (!r.schema.empty() && r.schema != "public") {
      sql += "\\connect " + QuoteIdent(r.database, '"') + "\n";
      sql += "CREATE SCHEMA IF NOT EXISTS " + QuoteIdent(r.schema, '"') + ";\n";
    }
    ProcessSpec s;
    s.argv = {b.client, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", l.dir, "-p", std::to_string(l.port),
              "-U", "postgres", "-d", "postgres"};
    s.cwd = l.dir;
    s.output = l.dir + "/setup.log";
    ASSIGN_OR_RETURN(int rc, RunProcess(s, sql));
    if (rc != 0) return Error("ephemeral: PostgreSQL setup failed: " + RedactSecret(FileTail(s.output), l.password));
    return Status::Ok();
  }

  Url ConnectionUrl(const Request& r, const Layout& l) const override {
    Url u;
    u.scheme = "postgres";
    u.user = "postgres";
    u.password = l.password;
    u.has_password = true;
    u.host = "127.0.0.1:" + std::to_string(l.port);
    u.path = "/" + r.database;
    u.query = r.query;
    bool has_ssl = false;
    for (const auto& [k, v] : u.query) has_ssl |= k == "sslmode";
    if (!has_ssl) u.query.emplace_back("sslmode", "disable");
    std::vector<std::string> parts;
    for (const auto& [k, v] : u.query) parts.push_back(PercentEncode(k, true) + "=" + PercentEncode(v, true));
    u.raw_query = Join(parts, "&");
    return u;
  }

  std::string LogFile(const Layout& l) const override { return l.dir + "/server.log"; }
};

}  // namespace

std::unique_ptr<EngineOps> NewPostgresOps() { return std::make_unique<PostgresOps>(); }

}  // namespace strata::ephemeral
