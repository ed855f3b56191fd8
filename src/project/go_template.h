// The subset of Go text/template that `data "template_dir"` renders:
//   {{ .name }} {{ .a.b }} {{ . }}          values (missingkey=error)
//   {{ if .x }}..{{ else if .y }}..{{ else }}..{{ end }}
//   {{ range .list }}..{{ . }}..{{ else }}..{{ end }}   (maps: values by sorted key)
//   {{- trim -}} markers and {{/* comments */}}
// Truthiness follows Go: false, 0, "", null and empty lists/maps are false.
// Lists print as [a b], like Go's fmt.
#pragma once

#include <string>

#include "base/status.h"
#include "hcl/hcl.h"

namespace strata::project {

// Parses and executes `text` with `data` as dot. `name` prefixes errors.
Result<std::string> RenderGoTemplate(const std::string& name, const std::string& text, const hcl::Value& data);

// Parses only (syntax errors), without executing.
Status CheckGoTemplate(const std::string& name, const std::string& text);

}  // namespace strata::project
