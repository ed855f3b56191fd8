// An ephemeral local database server for dev URLs (ephemeral://postgres,
// ephemeral://mariadb): a private temp dir, a free loopback port, a random
// password; stopped and removed when the Server is destroyed. This module
// only manages processes: it hands out a connection URL and links no client.
//
// Cleanup when Strata cannot do it itself: the server runs under a watchdog
// shell in its own session that reads a pipe from this process. When the pipe
// closes (normal exit, _exit on a second ^C, a crash, kill -9), the watchdog
// stops the server and removes the temp dir.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include <sys/types.h>

#include "base/status.h"
#include "base/url.h"
#include "ephemeral/request.h"

namespace strata::ephemeral {

struct StartTimings {
  bool from_cache = false;  // the data dir was copied from the template cache
  double prepare_ms = 0;    // copy of the template, or initdb (+ storing the template)
  double start_ms = 0;      // server process start until it accepts connections
  double setup_ms = 0;      // password and database
  double total_ms = 0;
  std::string Describe() const;  // one line, for STRATA_EPHEMERAL_DEBUG
};

struct StartOptions {
  int timeout_seconds = 60;
  int port_attempts = 3;  // a port found free can be taken before the server binds it
  int first_port = 0;     // tests: try this port first (0 = a free one)
  // Set by the CLI's signal handler: stop waiting for the server.
  const std::atomic<bool>* interrupted = nullptr;
};

class Server {
 public:
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The connection URL (postgres:// or mysql://) with the password: never print it.
  const Url& url() const { return url_; }
  const std::string& label() const { return label_; }
  const std::string& dir() const { return dir_; }
  pid_t watchdog_pid() const { return watchdog_; }
  pid_t server_pid() const;  // 0 if unknown
  const StartTimings& timings() const { return timings_; }

  // Stops the server and removes the temp dir; waits for both. Idempotent.
  Status Stop();

 private:
  friend Result<std::unique_ptr<Server>> Start(const Request&, const StartOptions&);
  Server() = default;

  Url url_;
  std::string label_;
  std::string dir_;
  pid_t watchdog_ = 0;
  int keepalive_fd_ = -1;  // write end of the watchdog's pipe
  bool stopped_ = false;
  StartTimings timings_;
};

Result<std::unique_ptr<Server>> Start(const Request& request, const StartOptions& options = {});

}  // namespace strata::ephemeral
