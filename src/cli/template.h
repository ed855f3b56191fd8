// The subset of Go's text/template that Atlas's --format flags use:
// literal text plus actions `{{ fn . [args...] }}` / `{{ . }}`, with
// `{{-`/`-}}` whitespace trimming. Anything else is a clear error.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"

namespace strata::cli {

// args are the action's arguments after the ".", with string literals unquoted.
using TemplateFunc = std::function<Result<std::string>(const std::vector<std::string>& args)>;

// Funcs are looked up by name; the key "." handles a bare `{{ . }}`.
Result<std::string> ExecuteTemplate(const std::string& tmpl, const std::map<std::string, TemplateFunc>& funcs);

}  // namespace strata::cli
