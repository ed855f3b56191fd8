#include "spec/dialect_spec.h"

namespace strata::spec {

const std::vector<AttrSpec>& DialectSpec::Attrs(ObjectKind kind) const {
  switch (kind) {
    case ObjectKind::kSchema: return schema_attrs;
    case ObjectKind::kTable: return table_attrs;
    case ObjectKind::kColumn: return column_attrs;
    case ObjectKind::kIndex: return index_attrs;
    case ObjectKind::kPrimaryKey: return primary_key_attrs;
    case ObjectKind::kIndexPart: return index_part_attrs;
    case ObjectKind::kForeignKey: return foreign_key_attrs;
    case ObjectKind::kCheck: return check_attrs;
    case ObjectKind::kView: return view_attrs;
  }
  return schema_attrs;  // unreachable: every enumerator is handled above
}

const AttrSpec* DialectSpec::FindAttr(ObjectKind kind, const std::string& hcl_name) const {
  for (const auto& a : Attrs(kind))
    if (a.block.empty() && a.hcl_name == hcl_name) return &a;
  return nullptr;
}

const ObjectSpec* DialectSpec::FindObject(const std::string& kind) const {
  for (const auto& o : objects)
    if (o.kind == kind) return &o;
  return nullptr;
}

std::string ObjectKindName(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::kSchema: return "schema";
    case ObjectKind::kTable: return "table";
    case ObjectKind::kColumn: return "column";
    case ObjectKind::kIndex: return "index";
    case ObjectKind::kPrimaryKey: return "primary key";
    case ObjectKind::kIndexPart: return "index part";
    case ObjectKind::kForeignKey: return "foreign key";
    case ObjectKind::kCheck: return "check";
    case ObjectKind::kView: return "view";
  }
  return "object";
}

}  // namespace strata::spec
