// A small JSON codec for hcl::Value (jsonencode/jsondecode). Kept here
// instead of nlohmann/json to keep this library light to compile.
#pragma once

#include <string>

#include "hcl/hcl.h"

namespace strata::hcl {

// Compact JSON like Go's encoding/json: object keys sorted, "<", ">" and
// "&" escaped as \u003c etc. References and calls cannot be encoded.
Result<std::string> JsonEncode(const Value& v);
// Parses one JSON document. Numbers keep their exact text; object keys
// come out sorted.
Result<Value> JsonDecode(const std::string& text);
// A JSON string literal for s (Go-style escaping).
std::string JsonQuote(const std::string& s);

}  // namespace strata::hcl
