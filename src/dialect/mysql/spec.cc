// The attribute tables below map HCL names to the model's Options keys,
// which are the inspector's and the renderer's (render.h, CONVENTIONS.md).
// Defaults that inspection leaves out (engine InnoDB, index type BTREE,
// enforced checks) are AttrSpec defaults, so writing them or not gives the
// same model.
//
// Not expressible yet with spec::DialectSpec, so not accepted in HCL
// although the model and the planner handle them: table `partition`
// blocks (option partition holds the raw clause).
#include "dialect/mysql/spec.h"

#include "dialect/mysql/types.h"

namespace strata::dialect::mysql {

using spec::AttrKind;
using spec::AttrPlacement;
using spec::AttrSpec;

const spec::DialectSpec& MysqlSpec() {
  static const spec::DialectSpec kSpec = [] {
    spec::DialectSpec d;
    d.name = "mysql";
    d.types = &MysqlTypes();
    d.unsigned_attr = true;
    const AttrSpec charset{"charset", "charset", AttrKind::kString, "", {}, AttrPlacement::kAttributes};
    const AttrSpec collate{"collate", "collate", AttrKind::kString, "", {}, AttrPlacement::kAttributes};
    d.schema_attrs = {charset, collate};
    d.table_attrs = {
        charset,
        collate,
        // `engine = InnoDB` (bare word for the known engines, a string for
        // others); InnoDB is the default and is left out.
        AttrSpec{"engine",
                 "engine",
                 AttrKind::kIdentifier,
                 "InnoDB",
                 {"INNODB", "MYISAM", "MEMORY", "CSV", "NDB", "ARCHIVE", "ARIA", "BLACKHOLE"},
                 AttrPlacement::kAttributes},
        // The table's AUTO_INCREMENT start value.
        AttrSpec{"auto_increment", "auto_increment", AttrKind::kInt, "", {}, AttrPlacement::kAttributes},
        // `partition = "PARTITION BY ..."`: the clause as the server prints it
        // (a Strata extension: Atlas has no MySQL partition block).
        AttrSpec{"partition", "partition", AttrKind::kString, "", {}, AttrPlacement::kAttributes},
    };
    d.column_attrs = {
        charset,
        collate,
        AttrSpec{"on_update", "on_update", AttrKind::kRawSQL, "", {}, AttrPlacement::kAttributes},
        AttrSpec{"auto_increment", "auto_increment", AttrKind::kBool, "false", {}, AttrPlacement::kAttributes},
        // INVISIBLE columns (MySQL 8.0.23, MariaDB 10.3): a Strata extension,
        // Atlas's OSS HCL has no spelling for it; without it an inspected
        // invisible column would not round-trip.
        AttrSpec{"invisible", "invisible", AttrKind::kBool, "false", {}, AttrPlacement::kAttributes},
    };
    const AttrSpec index_type{"type",
                              "type",
                              AttrKind::kIdentifier,
                              "BTREE",
                              {"BTREE", "HASH", "FULLTEXT", "SPATIAL"},
                              AttrPlacement::kAttributes};
    d.index_attrs = {
        index_type,
        // FULLTEXT parser plugin: `parser = ngram`.
        AttrSpec{"parser", "parser", AttrKind::kIdentifier, "", {}, AttrPlacement::kAttributes},
    };
    d.primary_key_attrs = {index_type};
    // Key prefix length: `on { column = column.c, prefix = 10 }`.
    d.index_part_attrs = {
        AttrSpec{"prefix", "prefix", AttrKind::kInt, "", {}, AttrPlacement::kAttributes},
    };
    // MySQL 8 NOT ENFORCED checks: `enforced = false`.
    d.check_attrs = {
        AttrSpec{"enforced", "enforced", AttrKind::kBool, "true", {}, AttrPlacement::kAttributes},
    };
    d.view_attrs = {
        AttrSpec{"security", "security", AttrKind::kIdentifier, "", {"DEFINER", "INVOKER"},
                 AttrPlacement::kAttributes},
    };
    d.default_generated_type = "VIRTUAL";
    d.generated_types = {"VIRTUAL", "STORED"};
    d.views = true;
    d.triggers = true;
    // function / procedure / event "n" { schema = schema.s, as = "CREATE ..." }:
    // the definition is the whole CREATE statement as the server keeps it
    // (no DEFINER); the attributes inspection derives from it (arguments,
    // DETERMINISTIC, schedule, ...) come back when the desired state is
    // normalized on the dev database, so they are not repeated in HCL.
    for (const char* kind : {"function", "procedure", "event"}) {
      spec::ObjectSpec o;
      o.kind = kind;
      o.def_attr = "as";
      o.def_required = true;
      d.objects.push_back(o);
    }
    return d;
  }();
  return kSpec;
}

}  // namespace strata::dialect::mysql
