// Regular expressions for the stdlib. Patterns use RE2 syntax as in Go
// (named groups "(?P<name>...)", flags "(?i)", "(?s)", "(?m)", "\A", "\z");
// they are translated to ECMAScript for <regex>. Only stdlib_regex.cc
// includes <regex>.
#pragma once

#include <string>

#include "base/status.h"

namespace strata::hcl {

// Replaces every match of `pattern` in s. `repl` uses Go's template syntax:
// $1, ${1}, ${name}, $$.
Result<std::string> RegexReplaceAll(const std::string& s, const std::string& pattern,
                                    const std::string& repl);

}  // namespace strata::hcl
