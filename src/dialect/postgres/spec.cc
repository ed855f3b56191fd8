// The attribute tables below map HCL names to the model's Options keys,
// which are the inspector's (inspect.cc) and the renderer's (render.h).
//
// Nested blocks (`identity { ... }`) and column-reference lists
// (`include = [...]`) are AttrSpec data (AttrSpec::block,
// AttrKind::kColumnRefList). Not expressible yet with spec::DialectSpec
// Partitions (DialectSpec::table_partitions, spec/partition.h):
//   table `partition { type, columns | by {...} }`      -> option partition
//   `partition_of = table.p`, `partition_bound = "..."` -> options of the same names
// Constraint-backed indexes are DialectSpec::index_blocks:
//   `unique "n" { columns = [...], include = [...] }`   -> Index option constraint
//   `exclude "n" { type = GIST, on { column = c, op = "&&" }, where }`
//                                                       -> Index option exclude,
//                                                          IndexPart option op
#include "dialect/postgres/spec.h"

#include "dialect/postgres/spec_code.h"
#include "dialect/postgres/spec_types.h"
#include "dialect/postgres/types.h"

namespace strata::dialect::postgres {

using spec::AttrKind;
using spec::AttrPlacement;
using spec::AttrSpec;

const spec::DialectSpec& PostgresSpec() {
  static const spec::DialectSpec kSpec = [] {
    spec::DialectSpec d;
    d.name = "postgres";
    d.types = &PostgresTypes();
    // Column collations other than the type's default.
    d.column_attrs = {
        AttrSpec{"collate", "collate", AttrKind::kString, "", {}, AttrPlacement::kAttributes},
        // `identity { generated = ALWAYS|BY_DEFAULT, start = N, increment = N }`;
        // start/increment 1 are the defaults (inspection omits them, as Atlas).
        AttrSpec{"generated", "identity", AttrKind::kIdentifier, "", {"ALWAYS", "BY_DEFAULT"},
                 AttrPlacement::kAttributes, "identity", /*underscore_spaces=*/true,
                 /*required=*/true},
        AttrSpec{"start", "identity_start", AttrKind::kInt, "1", {}, AttrPlacement::kAttributes,
                 "identity"},
        AttrSpec{"increment", "identity_increment", AttrKind::kInt, "1", {},
                 AttrPlacement::kAttributes, "identity"},
        // Per-column statistics target (ALTER COLUMN ... SET STATISTICS n);
        // a Strata extension, Atlas has no attribute for it.
        AttrSpec{"statistics", "statistics", AttrKind::kInt, "", {}, AttrPlacement::kAttributes},
    };
    // INCLUDE columns: `include = [column.a, column.b]` -> option include "a,b".
    const AttrSpec include{"include", "include", AttrKind::kColumnRefList, "", {},
                           AttrPlacement::kAttributes};
    d.primary_key_attrs = {include};
    // `type = GIN` (the default BTREE is omitted on inspection); other access
    // methods as strings. `where` is Index::where (partial_indexes below).
    d.index_attrs = {
        AttrSpec{"type",
                 "type",
                 AttrKind::kIdentifier,
                 "BTREE",
                 {"BTREE", "BRIN", "HASH", "GIN", "GIST", "SPGIST"},
                 AttrPlacement::kAttributes},
        // PostgreSQL 15: NULLS NOT DISTINCT.
        AttrSpec{"nulls_distinct", "nulls_distinct", AttrKind::kBool, "true", {}, AttrPlacement::kAttributes},
        // BRIN storage parameter; 128 is the server default.
        AttrSpec{"page_per_range", "page_per_range", AttrKind::kInt, "128", {}, AttrPlacement::kAttributes},
        include,
        // UNIQUE and EXCLUDE constraints (unique/exclude blocks).
        AttrSpec{"deferrable", "deferrable", AttrKind::kBool, "false", {}, AttrPlacement::kAttributes},
        AttrSpec{"initially_deferred", "initially_deferred", AttrKind::kBool, "false", {},
                 AttrPlacement::kAttributes},
    };
    d.index_part_attrs = {
        // Operator class: `ops = int4_ops` or `ops = "text_pattern_ops"`.
        AttrSpec{"ops", "ops", AttrKind::kIdentifier, "", {}, AttrPlacement::kAttributes},
        AttrSpec{"nulls_first", "nulls_first", AttrKind::kBool, "false", {}, AttrPlacement::kAttributes},
        AttrSpec{"nulls_last", "nulls_last", AttrKind::kBool, "false", {}, AttrPlacement::kAttributes},
        AttrSpec{"collate", "collate", AttrKind::kString, "", {}, AttrPlacement::kAttributes},
        // The operator of an exclusion constraint part: `op = "&&"`.
        AttrSpec{"op", "op", AttrKind::kString, "", {}, AttrPlacement::kAttributes},
    };
    d.index_blocks = {{"unique", "constraint", /*unique=*/true}, {"exclude", "exclude", /*unique=*/false}};
    // Declarative partitioning: `partition { type, columns | by {...} }` on a
    // partitioned table; a partition says `partition_of = table.parent` and
    // `partition_bound = "FOR VALUES ..."` (or "DEFAULT"), and repeats none
    // of the parent's columns, indexes or constraints (spec/partition.h).
    d.table_partitions = true;
    d.table_attrs.push_back(
        AttrSpec{"partition_bound", "partition_bound", AttrKind::kString, "", {}, AttrPlacement::kAttributes});
    // Atlas Pro attributes; the inspector reports them.
    d.foreign_key_attrs = {
        AttrSpec{"deferrable", "deferrable", AttrKind::kBool, "false", {}, AttrPlacement::kAttributes},
        AttrSpec{"initially_deferred", "initially_deferred", AttrKind::kBool, "false", {},
                 AttrPlacement::kAttributes},
    };
    d.check_attrs = {
        AttrSpec{"no_inherit", "no_inherit", AttrKind::kBool, "false", {}, AttrPlacement::kAttributes},
    };
    // PostgreSQL has only STORED generated columns: `as = "expr"` is STORED.
    d.default_generated_type = "STORED";
    d.generated_types = {"STORED"};
    d.partial_indexes = true;
    d.views = true;
    d.materialized_views = true;
    d.triggers = true;
    d.trigger_comments = true;
    d.trigger_execute = true;
    AddTypeObjectSpecs(d);
    AddCodeObjectSpecs(d);  // function, procedure, policy (spec_code.h)
    // Atlas Pro `row_security { enabled = true, enforced = true }`.
    d.table_attrs.push_back(AttrSpec{"enabled", "row_security_enabled", AttrKind::kBool, "false", {},
                                     AttrPlacement::kAttributes, "row_security"});
    d.table_attrs.push_back(AttrSpec{"enforced", "row_security_enforced", AttrKind::kBool, "false", {},
                                     AttrPlacement::kAttributes, "row_security"});
    return d;
  }();
  return kSpec;
}

}  // namespace strata::dialect::postgres
