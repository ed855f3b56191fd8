// Servers started for ephemeral:// URLs (src/ephemeral). Each opened URL gets
// its own server, which lives until the command ends (process exit); if
// Strata dies without running destructors, the server's watchdog cleans up.
#pragma once

#include <string>

#include "base/status.h"
#include "base/url.h"

namespace strata::cli {

// Starts the server an ephemeral:// URL asks for and returns its connection
// URL (postgres:// or mysql://, with a random password: never print it).
// STRATA_EPHEMERAL_DEBUG=1 prints the start-up time to stderr.
Result<std::string> StartEphemeralServer(const Url& url);

// Stops every server started so far (also done at exit).
void StopEphemeralServers();

}  // namespace strata::cli
