// MariaDB (also for ephemeral://mysql: Debian ships no MySQL server):
// mariadb-install-db, a mariadbd on a loopback port without binary log and
// with relaxed InnoDB durability; the password and database come from an
// --init-file, which the server runs before it accepts connections.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <fcntl.h>

#include "base/strings.h"
#include "ephemeral/engine.h"

namespace strata::ephemeral {
namespace {

// Connects to the port and reads the first bytes of the server's greeting
// (a handshake or an error packet): the server has accepted the connection.
bool Greets(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) return false;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = false;
  int rc = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  if (rc == 0 || errno == EINPROGRESS) {
    pollfd p{fd, POLLOUT, 0};
    if (rc == 0 || (poll(&p, 1, 200) == 1 && (p.revents & POLLOUT))) {
      int err = 0;
      socklen_t len = sizeof err;
      getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
      if (err == 0) {
        p = {fd, POLLIN, 0};
        unsigned char buf[5];
        if (poll(&p, 1, 500) == 1 && (p.revents & POLLIN)) ok = read(fd, buf, sizeof buf) == sizeof buf;
      }
    }
  }
  close(fd);
  return ok;
}

class MariaDBOps : public EngineOps {
 public:
  const char* Label() const override { return "MariaDB"; }
  const char* Key() const override { return "mariadb"; }
  const char* SystemUser() const override { return "mysql"; }
  int StopSignal() const override { return SIGKILL; }

  Status InitData(const Binaries& b, const std::string& data, const std::string& dir,
                  const RunAs& as) const override {
    ProcessSpec s;
    // --no-defaults must come first; the remaining server options apply to the bootstrap.
    s.argv = {b.init, "--no-defaults", "--datadir=" + data, "--auth-root-authentication-method=normal",
              "--skip-test-db", "--skip-name-resolve", "--skip-log-bin", "--innodb-log-file-size=8M",
              "--innodb-buffer-pool-size=32M"};
    s.cwd = dir;
    s.as = as;
    s.output = dir + "/install-db.log";
    ASSIGN_OR_RETURN(int rc, RunProcess(s));
    if (rc != 0) return Error("ephemeral: mariadb-install-db failed:\n" + FileTail(s.output));
    return Status::Ok();
  }

  Status BeforeStart(const Request& r, const Layout& l, const RunAs& as) const override {
    std::string sql;
    for (const char* host : {"localhost", "127.0.0.1", "::1"})
      sql += "ALTER USER IF EXISTS 'root'@'" + std::string(host) + "' IDENTIFIED BY '" + l.password + "';\n";
    if (!r.database.empty()) sql += "CREATE DATABASE IF NOT EXISTS " + QuoteIdent(r.database, '`') + ";\n";
    return WriteOwnedFile(l.dir + "/init.sql", sql, as);
  }

  std::vector<std::string> ServerArgv(const Binaries& b, const Layout& l) const override {
    return {b.server, "--no-defaults", "--datadir=" + l.data, "--socket=" + l.dir + "/mariadbd.sock",
            "--port=" + std::to_string(l.port), "--bind-address=127.0.0.1",
            // Private temporary files: MariaDB servers sharing /tmp crashed
            // (signal 11 dropping an information_schema temp table).
            "--tmpdir=" + l.dir,
            "--pid-file=" + l.dir + "/mariadbd.pid", "--log-error=" + LogFile(l), "--init-file=" + l.dir + "/init.sql",
            "--skip-name-resolve", "--skip-log-bin", "--innodb-buffer-pool-size=32M",
            "--innodb-log-file-size=8M", "--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0",
            "--performance-schema=OFF", "--max-connections=30", "--character-set-server=utf8mb4",
            "--collation-server=utf8mb4_general_ci"};
  }

  bool Ready(const Layout& l) const override { return Greets(l.port); }

  Status AfterReady(const Request&, const Binaries&, const Layout& l) const override {
    unlink((l.dir + "/init.sql").c_str());  // it holds the password
    return Status::Ok();
  }

  Url ConnectionUrl(const Request& r, const Layout& l) const override {
    Url u;
    u.scheme = "mysql";
    u.user = "root";
    u.password = l.password;
    u.has_password = true;
    u.host = "127.0.0.1:" + std::to_string(l.port);
    u.path = "/" + r.database;
    u.query = r.query;
    std::vector<std::string> parts;
    for (const auto& [k, v] : u.query) parts.push_back(PercentEncode(k, true) + "=" + PercentEncode(v, true));
    u.raw_query = Join(parts, "&");
    return u;
  }

  std::string LogFile(const Layout& l) const override { return l.dir + "/error.log"; }
};

}  // namespace

std::unique_ptr<EngineOps> NewMariaDBOps() { return std::make_unique<MariaDBOps>(); }

}  // namespace strata::ephemeral
