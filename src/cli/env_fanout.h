// Runs one command over several envs (an env block with for_each) in child
// processes, a bounded number at a time. Each child is this binary with the
// same arguments plus the hidden `--env-index N`, so it selects exactly one
// env of the expansion and runs in isolation (its own flags, connections,
// locks and output). The parent prints each child's output in env order.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace strata::cli {

struct FanoutOptions {
  std::vector<std::string> argv;  // the command line to re-run (argv[0] = this binary)
  size_t envs = 0;                // how many envs the selection expanded to
  size_t parallelism = 4;         // children running at once (>= 1)
  bool separate_with_newline = false;  // a blank line between outputs (custom --format)
};

// How many children may run at once: $STRATA_ENV_PARALLELISM, else 4.
size_t EnvParallelism();

// Runs the children, relays their stdout/stderr in env order, and fails when
// any child failed. After a failure no new child is started.
Status RunEnvFanout(const FanoutOptions& o);

}  // namespace strata::cli
