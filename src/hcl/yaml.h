// A small YAML codec for yamldecode/yamlencode/yamlmerge. It covers the
// data-only subset used in configuration: block mappings and sequences,
// flow collections, plain/quoted scalars, literal (|) and folded (>) block
// scalars, comments, one document. Anchors, aliases and tags other than
// !!str are rejected.
#pragma once

#include <string>

#include "hcl/hcl.h"

namespace strata::hcl {

Result<Value> YamlDecode(const std::string& text);
// Block style; strings and keys are double-quoted, object keys sorted.
Result<std::string> YamlEncode(const Value& v);

}  // namespace strata::hcl
