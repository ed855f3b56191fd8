#include "cli/ephemeral_servers.h"

#include <cstdlib>
#include <iostream>
#include <memory>
#include <vector>

#include "cli/interaction.h"
#include "ephemeral/server.h"

namespace strata::cli {
namespace {

// Destroyed at exit, after the drivers that connect to the servers.
std::vector<std::unique_ptr<ephemeral::Server>>& Servers() {
  static std::vector<std::unique_ptr<ephemeral::Server>> servers;
  return servers;
}

}  // namespace

Result<std::string> StartEphemeralServer(const Url& url) {
  ASSIGN_OR_RETURN(ephemeral::Request req, ephemeral::ParseRequest(url));
  ephemeral::StartOptions opts;
  opts.interrupted = &Interrupted();
  ASSIGN_OR_RETURN(std::unique_ptr<ephemeral::Server> srv, ephemeral::Start(req, opts));
  if (const char* d = std::getenv("STRATA_EPHEMERAL_DEBUG"); d && *d && std::string(d) != "0")
    std::cerr << "ephemeral: " << srv->label() << " " << srv->url().Redacted() << " ready in "
              << srv->timings().Describe() << "\n";
  std::string out = srv->url().String();
  Servers().push_back(std::move(srv));
  return out;
}

void StopEphemeralServers() { Servers().clear(); }

}  // namespace strata::cli
