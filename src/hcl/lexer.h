// The HCL lexer: source text to a flat token stream, comments and newlines
// included. Lexical errors (invalid characters, unterminated comments) are
// added to `diags` and leave a kInvalid token in the stream.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hcl/token.h"

namespace strata {
class Diagnostics;
}

namespace strata::hcl {

std::vector<Token> Lex(std::string_view source, const std::string& filename, Diagnostics* diags);

// A SourceRange from two positions.
SourceRange MakeRange(const std::string& filename, const SourcePos& start, const SourcePos& end);

}  // namespace strata::hcl
