// SQL text for functions, procedures, policies and row-level security
// (model conventions in routines.h). Views and triggers are in render.h.
#pragma once

#include <string>

#include "base/status.h"
#include "dialect/postgres/render.h"
#include "schema/schema.h"

namespace strata::dialect::postgres {

// CREATE [OR REPLACE] FUNCTION|PROCEDURE "s"."f"(args) [RETURNS r]
// LANGUAGE l [IMMUTABLE|STABLE] [STRICT] [SECURITY DEFINER] [LEAKPROOF]
// [PARALLEL x] AS $$body$$ (or the SQL-standard body as is).
Result<std::string> CreateRoutine(const schema::Object& o, const RenderOptions& opts, bool or_replace = false);
// DROP FUNCTION|PROCEDURE "s"."f"(integer, text)
std::string DropRoutine(const schema::Object& o, const RenderOptions& opts);
std::string RoutineComment(const schema::Object& o, const std::string& text, const RenderOptions& opts);

// CREATE POLICY "p" ON "s"."t" [AS RESTRICTIVE] [FOR c] [TO r] [USING (e)] [WITH CHECK (e)]
Result<std::string> CreatePolicy(const schema::Object& o, const RenderOptions& opts);
std::string DropPolicy(const schema::Object& o, const RenderOptions& opts);
std::string PolicyComment(const schema::Object& o, const std::string& text, const RenderOptions& opts);

// ALTER TABLE "s"."t" ENABLE|DISABLE ROW LEVEL SECURITY (key
// "row_security_enabled") or [NO] FORCE ROW LEVEL SECURITY
// ("row_security_enforced").
std::string RowSecurity(const schema::Table& t, const std::string& key, bool on, const RenderOptions& opts);

// $$text$$ with a tag that does not occur in the text ($$, $body$, $body1$...).
std::string DollarQuote(const std::string& text);

}  // namespace strata::dialect::postgres
