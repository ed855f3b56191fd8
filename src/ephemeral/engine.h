// The per-engine steps of an ephemeral server (postgres.cc, mariadb.cc);
// server.cc runs them in order: init (or copy the cached template), start,
// wait until ready, set up the password and database, hand out the URL.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/url.h"
#include "ephemeral/binaries.h"
#include "ephemeral/process.h"
#include "ephemeral/request.h"

namespace strata::ephemeral {

// Where one server instance lives.
struct Layout {
  std::string dir;       // private temp dir (0700, owned by the server's user)
  std::string data;      // dir + "/data"
  int port = 0;          // loopback TCP port
  std::string password;  // random, never printed
};

class EngineOps {
 public:
  virtual ~EngineOps() = default;
  virtual const char* Label() const = 0;        // "PostgreSQL"
  virtual const char* Key() const = 0;          // cache key prefix, "postgres"
  virtual const char* SystemUser() const = 0;   // account used when running as root
  virtual int StopSignal() const = 0;           // the data is thrown away: stop hard
  // Creates a pristine data directory (initdb / mariadb-install-db).
  virtual Status InitData(const Binaries& b, const std::string& data, const std::string& dir,
                          const RunAs& as) const = 0;
  // Files the server needs before it starts (e.g. MariaDB's --init-file).
  virtual Status BeforeStart(const Request& r, const Layout& l, const RunAs& as) const = 0;
  virtual std::vector<std::string> ServerArgv(const Binaries& b, const Layout& l) const = 0;
  // True once the server accepts connections.
  virtual bool Ready(const Layout& l) const = 0;
  // Password and database, once ready.
  virtual Status AfterReady(const Request& r, const Binaries& b, const Layout& l) const = 0;
  virtual Url ConnectionUrl(const Request& r, const Layout& l) const = 0;
  // The file the server logs to (for error messages).
  virtual std::string LogFile(const Layout& l) const = 0;
};

std::unique_ptr<EngineOps> NewPostgresOps();
std::unique_ptr<EngineOps> NewMariaDBOps();

// Hex of `bytes` bytes from /dev/urandom (passwords).
std::string RandomHex(size_t bytes);

// Writes a 0600 file owned by `as`.
Status WriteOwnedFile(const std::string& path, const std::string& text, const RunAs& as);

// Replaces every occurrence of secret with "xxxxx".
std::string RedactSecret(std::string s, const std::string& secret);

// Quotes an SQL identifier with `q` ('"' or '`'), doubling it inside.
std::string QuoteIdent(const std::string& name, char q);

}  // namespace strata::ephemeral
