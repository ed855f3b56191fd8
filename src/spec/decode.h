// HCL -> model: decodes Atlas-compatible schema files into a schema::Realm.
//
// Every problem in the document is reported, not only the first: the
// status is kParse and its message holds one "file:line:col: message" line
// per error, in source order of discovery (schemas, then tables, then
// foreign keys, views and triggers).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "hcl/hcl.h"
#include "schema/schema.h"
#include "spec/dialect_spec.h"

namespace strata::spec {

// Decodes an evaluated document (for_each already expanded).
Result<schema::Realm> DecodeRealm(const hcl::Document& doc, const DialectSpec& dialect);

// Like DecodeRealm, for a document that must define exactly one schema.
Result<schema::Schema> DecodeSchema(const hcl::Document& doc, const DialectSpec& dialect);

// Input values for `variable` blocks, by variable name (from --var).
using InputValues = std::map<std::string, hcl::Value>;

// Parses and evaluates (file name, source) pairs together, then decodes.
Result<schema::Realm> DecodeSources(const std::vector<std::pair<std::string, std::string>>& sources,
                                    const InputValues& inputs, const DialectSpec& dialect);

// Reads the given files — a directory stands for its *.hcl files in name
// order, as Atlas loads a schema directory — then DecodeSources.
Result<schema::Realm> DecodeFiles(const std::vector<std::string>& paths, const InputValues& inputs,
                                  const DialectSpec& dialect);

}  // namespace strata::spec
