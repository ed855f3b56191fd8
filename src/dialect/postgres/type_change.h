// How PostgreSQL converts a column from one type to another, for the
// planner: whether ALTER COLUMN ... TYPE needs a USING clause (there is no
// implicit or assignment cast) and whether the change can lose data
// (narrowing, or a move to another type family). The core's
// schema::IsDestructive marks every type change; the PostgreSQL planner
// asks IsNarrowingTypeChange instead, so widening changes
// (varchar(10) -> varchar(255), int -> bigint) are not flagged.
#pragma once

#include "schema/schema.h"

namespace strata::dialect::postgres {

// True when `from` -> `to` has no assignment cast in PostgreSQL
// (text -> integer, varchar -> enum, integer -> boolean, text -> jsonb), so
// the statement must say USING "c"::<to>. Conversions inside the numeric
// family, to a string type, between date/timestamp types, between
// time/timetz and between bit strings do not.
bool NeedsUsing(const schema::Type& from, const schema::Type& to);

// True when values of `from` may not fit `to`: a smaller integer, a lower
// numeric precision or scale, a shorter string (text -> varchar(n)), a
// lower time precision, date <- timestamp, or any change of family
// (bigint -> text, text -> enum). False for equal types and widenings.
bool IsNarrowingTypeChange(const schema::Type& from, const schema::Type& to);

}  // namespace strata::dialect::postgres
