// Inspection of PostgreSQL's type-like schema objects into schema::Object:
// enums, domains, composite types (one query), sequences (one query) and
// extensions (one query), each filtered by the list of inspected schemas.
// Objects owned by an extension (pg_depend deptype 'e') are left out, and
// so are the sequences of identity and serial columns (they belong to
// their column).
//
// Object options (read by render_types.cc, named in HCL by spec_types.cc):
//   domain     def = base type; "null" = "false" (NOT NULL); "default" (SQL);
//              "collate"; "check.<name>.expr" (without CHECK ( ))
//   composite  values = field names in order; "field.<f>.type",
//              "field.<f>.collate"
//   sequence   "type" (when not bigint), "start", "increment", "min_value",
//              "max_value", "cache" (when not the defaults), "cycle" = "true",
//              "owned_by" = "<table>.<column>"
//   extension  "version"
// Types naming user-defined types are schema-qualified ("public.status").
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "db/conn.h"
#include "schema/schema.h"

namespace strata::dialect::postgres {

// Adds the objects of realm's schemas (which must already be listed) to
// them. Runs 3 queries.
Status InspectTypeObjects(db::Conn& conn, schema::Realm* realm);


// SQL: the schema-qualified name of a user-defined type (enum, domain,
// composite, or an array of one) with oid `oid_expr`, or NULL for other
// types. Used by the column query so that column types naming objects
// do not depend on the search_path.
std::string ObjectTypeSQL(const std::string& oid_expr);

// The column type naming a user-defined type: raw = the quoted name (with
// "[]" for arrays), schema = its schema.
schema::Type ObjectColumnType(const std::string& name, const std::string& schema);

// Sequence defaults for a type and an increment: {start, min, max}.
struct SequenceBounds {
  std::string start, min, max;
};
SequenceBounds DefaultSequenceBounds(const std::string& type, const std::string& increment);

}  // namespace strata::dialect::postgres
