// SQL for PostgreSQL's type-like objects (inspect_types.h lists the option
// keys): CREATE/DROP TYPE (enum, composite), DOMAIN, SEQUENCE and
// EXTENSION, and COMMENT ON them.
#pragma once

#include <string>

#include "base/status.h"
#include "dialect/postgres/render.h"
#include "schema/schema.h"

namespace strata::dialect::postgres {

// True for the kinds render_types.cc handles: enum, domain, composite,
// sequence, extension.
bool IsTypeObject(const schema::Object& o);

// A type an object uses (domain base type, composite field type), qualified
// under ro when it is a user-defined type named in o.depends_on.
std::string ObjectTypeText(const schema::Object& o, const std::string& text, const RenderOptions& ro);

// "s"."name" (extensions: "name"; they are database-wide).
std::string ObjectName(const schema::Object& o, const RenderOptions& ro);
// TYPE / DOMAIN / SEQUENCE / EXTENSION: the word after CREATE, DROP, COMMENT ON.
std::string ObjectKeyword(const schema::Object& o);

Result<std::string> CreateTypeObject(const schema::Object& o, const RenderOptions& ro);
std::string DropTypeObject(const schema::Object& o, const RenderOptions& ro, bool if_exists = false);
// COMMENT ON <keyword> <name> IS 'text' (IS NULL for "").
std::string ObjectComment(const schema::Object& o, const std::string& text, const RenderOptions& ro);

// Sequence clauses: [AS t] [INCREMENT BY n] [MINVALUE n] [MAXVALUE n]
// [START WITH n] [CACHE n] [CYCLE]; with `all`, absent options are spelled
// as their resets (NO MINVALUE, NO CYCLE, ...), for ALTER SEQUENCE.
std::string SequenceOptions(const schema::Options& opts, bool all);
// ALTER SEQUENCE "s"."q" OWNED BY "s"."t"."c" (or NONE for "").
std::string SequenceOwnedBy(const schema::Object& o, const std::string& owned_by,
                            const RenderOptions& ro);

}  // namespace strata::dialect::postgres
