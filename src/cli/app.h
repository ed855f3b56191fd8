#pragma once

namespace strata::cli {

// Parses argv, runs the command, prints "Error: ..." on failure. Returns
// the process exit code.
int Run(int argc, char** argv);

}  // namespace strata::cli
