// Syntactic reference collection: which `local.<x>` and `data.<t>.<n>` an
// expression mentions. Data sources are evaluated only when referenced, so
// the loader walks expressions before evaluating them.
#pragma once

#include <string>
#include <vector>

#include "base/source.h"
#include "hcl/ast.h"

namespace strata::project {

struct Reference {
  enum class Kind { kLocal, kAllLocals, kData, kAtlasEnv };
  Kind kind = Kind::kLocal;
  std::string type;  // kData: the source type
  std::string name;  // kLocal: the local; kData: the label
  SourceRange range;
};

// Appends the references found anywhere inside e.
void CollectReferences(const hcl::Expr& e, std::vector<Reference>* out);

}  // namespace strata::project
