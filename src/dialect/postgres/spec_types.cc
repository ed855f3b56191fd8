#include "dialect/postgres/spec_types.h"

namespace strata::dialect::postgres {

using spec::AttrKind;
using spec::AttrSpec;
using spec::ObjectBlockSpec;
using spec::ObjectSpec;

void AddTypeObjectSpecs(spec::DialectSpec& d) {
  // extension "hstore" { schema = schema.public, version = "1.8" }
  ObjectSpec ext;
  ext.kind = "extension";
  ext.attrs = {AttrSpec{"version", "version", AttrKind::kString}};
  d.objects.push_back(ext);

  // enum "status" { schema = schema.public, values = ["a", "b"] }
  ObjectSpec en;
  en.kind = "enum";
  en.values = true;
  en.values_required = true;
  en.type_name = true;
  d.objects.push_back(en);

  // domain "d" { schema, type, null, default, collate, check "c" { expr } }
  // NULL is the default, as in CREATE DOMAIN; `null = false` is NOT NULL.
  ObjectSpec dom;
  dom.kind = "domain";
  dom.type_name = true;
  dom.def_attr = "type";
  dom.def_kind = AttrKind::kType;
  dom.def_required = true;
  dom.attrs = {
      AttrSpec{"null", "null", AttrKind::kBool, "true"},
      AttrSpec{"default", "default", AttrKind::kExpr},
      AttrSpec{"collate", "collate", AttrKind::kString},
  };
  AttrSpec expr{"expr", "expr", AttrKind::kString};
  expr.required = true;
  dom.blocks = {ObjectBlockSpec{"check", false, {expr}}};
  d.objects.push_back(dom);

  // composite "c" { schema, field "f" { type, collate } }
  ObjectSpec comp;
  comp.kind = "composite";
  comp.type_name = true;
  AttrSpec ftype{"type", "type", AttrKind::kType};
  ftype.required = true;
  comp.blocks = {ObjectBlockSpec{"field", true, {ftype, AttrSpec{"collate", "collate", AttrKind::kString}}}};
  d.objects.push_back(comp);

  // sequence "s" { schema, type, start, increment, min_value, max_value,
  // cache, cycle, owner = table.t.column.c }. The defaults of start and
  // the bounds depend on the type and direction: inspection leaves them
  // out, and the diff hooks fill them in (PostgresDiffHooks::ObjectEqual).
  ObjectSpec seq;
  seq.kind = "sequence";
  seq.attrs = {
      AttrSpec{"type", "type", AttrKind::kType, "bigint"},
      AttrSpec{"start", "start", AttrKind::kInt},
      AttrSpec{"increment", "increment", AttrKind::kInt, "1"},
      AttrSpec{"min_value", "min_value", AttrKind::kInt},
      AttrSpec{"max_value", "max_value", AttrKind::kInt},
      AttrSpec{"cache", "cache", AttrKind::kInt, "1"},
      AttrSpec{"cycle", "cycle", AttrKind::kBool, "false"},
      AttrSpec{"owner", "owned_by", AttrKind::kColumnRef},
  };
  d.objects.push_back(seq);
}

}  // namespace strata::dialect::postgres
