#include "dialect/sqlite/spec.h"

#include "dialect/sqlite/types.h"

namespace strata::dialect::sqlite {

using spec::AttrKind;
using spec::AttrPlacement;
using spec::AttrSpec;

const spec::DialectSpec& SqliteSpec() {
  static const spec::DialectSpec kSpec = [] {
    spec::DialectSpec d;
    d.name = "sqlite";
    d.types = &SqliteTypes();
    // Atlas adds these table options as an embedded (anonymous) resource
    // after the child blocks, WITHOUT ROWID first; inspection prints them
    // only when set.
    d.table_attrs = {
        AttrSpec{"without_rowid",
                 "without_rowid",
                 AttrKind::kBool,
                 "false",
                 {},
                 AttrPlacement::kTrailing},
        AttrSpec{"strict", "strict", AttrKind::kBool, "false", {}, AttrPlacement::kTrailing},
    };
    // `INTEGER PRIMARY KEY AUTOINCREMENT`; printed after `comment`.
    d.column_attrs = {
        AttrSpec{"auto_increment",
                 "auto_increment",
                 AttrKind::kBool,
                 "false",
                 {},
                 AttrPlacement::kAttributes},
        // Beyond Atlas's SQLite surface: SQLite keeps column and index-part
        // collations (NOCASE, RTRIM, ...), so Strata round-trips them.
        AttrSpec{"collate", "collate", AttrKind::kString, "", {}, AttrPlacement::kAttributes},
    };
    d.index_part_attrs = {
        AttrSpec{"collate", "collate", AttrKind::kString, "", {}, AttrPlacement::kAttributes},
    };
    d.foreign_key_attrs = {
        AttrSpec{"deferrable", "deferrable", AttrKind::kBool, "false", {}, AttrPlacement::kAttributes},
        AttrSpec{"initially_deferred", "initially_deferred", AttrKind::kBool, "false", {},
                 AttrPlacement::kAttributes},
    };
    // SQLite generated columns are VIRTUAL unless STORED is given.
    d.default_generated_type = "VIRTUAL";
    d.generated_types = {"VIRTUAL", "STORED"};
    d.partial_indexes = true;
    d.views = true;
    d.triggers = true;
    return d;
  }();
  return kSpec;
}

}  // namespace strata::dialect::sqlite
