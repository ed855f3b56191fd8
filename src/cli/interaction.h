// Terminal interaction: the "Are you sure?" prompt and Ctrl-C handling.
#pragma once

#include <atomic>

#include "base/status.h"

namespace strata::cli {

// Installs SIGINT/SIGTERM/SIGHUP handlers: the first signal sets the flag
// (and prints Atlas's notice), the second exits with code 1.
void InstallSignalHandlers();
const std::atomic<bool>& Interrupted();

// Asks "Are you sure?" with Apply / Abort. On a terminal the user types
// a choice; otherwise one line is read from stdin ("apply"/"yes" apply).
// Returns true to apply, false to abort.
Result<bool> ConfirmApply();

}  // namespace strata::cli
