// Runs an external program (data "external" / "external_schema").
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace strata::project {

struct ProgramOutput {
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs argv[0] (looked up in PATH) with argv in working_dir (empty: the
// current directory). A non-zero exit is an error naming the program and
// quoting its stderr.
Result<ProgramOutput> RunProgram(const std::vector<std::string>& argv, const std::string& working_dir);

}  // namespace strata::project
