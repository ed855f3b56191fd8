// A dialect's HCL surface as data. The codec (decode.h / encode.h) is
// generic: everything that differs between SQLite, MySQL and PostgreSQL
// schema files — which extra attributes exist on which object, how their
// values are spelled, which defaults inspection leaves out, which top-level
// blocks are allowed — is listed here by each dialect (e.g.
// dialect/sqlite/spec.cc), never coded into the codec.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "hcl/hcl.h"
#include "schema/schema.h"

#include "spec/type_registry.h"

namespace strata::spec {

// How an extra attribute's value is written in HCL and kept in the model's
// Options bag (always as text).
enum class AttrKind {
  kBool,        // true/false                   -> "true" / "false"
  kString,      // "text"                       -> text
  kIdentifier,  // BTREE (bare word) or "BTREE" -> BTREE
  kInt,         // 42                           -> "42"
  kRawSQL,      // sql("expr") or "expr"        -> expr
  // A list of column references, kept comma-separated:
  //   [column.a, column.b]                      -> "a,b"
  kColumnRefList,
  // Schema-level objects (ObjectSpec) only:
  // A column type: int, varchar(10), sql("t[]"), enum.status -> its SQL
  // text ("integer", "public.status").
  kType,
  // One column reference, table.t.column.c                -> "t.c"
  kColumnRef,
  // A value: "text" -> 'text', 42 -> 42, true -> true, sql("x") -> x.
  kExpr,
};

// Where the encoder prints an extra attribute inside its block.
enum class AttrPlacement {
  // With the block's own attributes, after the built-in ones (e.g. a
  // column's `auto_increment` follows `null`, `type`, `default`, `comment`).
  kAttributes,
  // After all child blocks. Atlas embeds some options as an anonymous
  // resource, which hclwrite prints last (SQLite's `without_rowid`/`strict`).
  kTrailing,
};

struct AttrSpec {
  std::string hcl_name;    // attribute name in HCL: "without_rowid"
  std::string option_key;  // key in the model's Options: "without_rowid"
  AttrKind kind = AttrKind::kBool;
  // The value the database assumes when the attribute is absent. Inspection
  // omits it, and decoding does not store it, so "set to the default" and
  // "not set" compare equal. Empty: every value is printed.
  std::string default_value;
  // For kIdentifier: the accepted values, upper-case ("BTREE", "HASH"). A
  // value outside this list is accepted only as a quoted string. Empty: any.
  std::vector<std::string> enum_values;
  AttrPlacement placement = AttrPlacement::kAttributes;
  // Non-empty: the attribute lives in a nested block of this name, e.g.
  // PostgreSQL's column `identity { generated = ALWAYS }` has block
  // "identity". Attributes sharing a block are printed together in one
  // block (after the object's attributes, placement is ignored), which is
  // printed only when one of them has a value.
  std::string block;
  // For kIdentifier: underscores in HCL are spaces in the option value
  // (BY_DEFAULT <-> "BY DEFAULT").
  bool underscore_spaces = false;
  // Decoding reports the attribute missing when its block is present but
  // the attribute is not (only meaningful with block).
  bool required = false;
};

// A labelled table block that declares an index backing a constraint, e.g.
// PostgreSQL's `unique "n" { columns = [...] }` (a UNIQUE constraint rather
// than a unique index) or `exclude "n" { type = GIST, on { column, op } }`.
// It has an index block's attributes except `unique`, and decodes to an
// Index with option `option_key` = "true" and Index::unique = `unique`;
// indexes carrying that option are encoded as this block.
struct IndexBlockSpec {
  std::string block;       // "unique"
  std::string option_key;  // "constraint"
  bool unique = false;
};

// The objects that carry extra attributes.
enum class ObjectKind {
  kSchema,
  kTable,
  kColumn,
  kIndex,
  kPrimaryKey,
  kIndexPart,
  kForeignKey,
  kCheck,
  kView,
};

class HclBody;

// Labelled child blocks of a schema-level object, e.g. a composite's
// `field "street" { type = text }` or a domain's `check "positive" { expr =
// "..." }`. Attribute values are kept in the object's options under
// "<type>.<label>.<option_key>" ("field.street.type"); an ordered block
// also lists its labels, in order, in Object::values (so a kind has either
// `values` or one ordered block, not both).
struct ObjectBlockSpec {
  std::string type;
  bool ordered = false;
  std::vector<AttrSpec> attrs;
};

// A kind of schema-level object (schema::Object) as an HCL block:
//   <kind> "<name>" { schema = schema.s, <def_attr> = ..., values = [...],
//                     <attrs>..., comment = "...", <blocks>... }
// Decoding and encoding are generic; `decode_hook`/`encode_hook` handle
// the few shapes the data cannot express (the names they read are listed
// in hook_names so that they are not reported as unknown).
struct ObjectSpec {
  std::string kind;          // HCL block type and Object::kind: "enum"
  bool values = false;       // `values = [..strings..]` <-> Object::values
  bool values_required = false;
  // The object names a type usable as a column type (`type = enum.status`).
  bool type_name = false;
  // The attribute holding Object::def, and how it is written ("" = none).
  std::string def_attr;
  AttrKind def_kind = AttrKind::kString;
  bool def_required = false;
  std::vector<AttrSpec> attrs;          // -> Object::options, printed in this order
  std::vector<ObjectBlockSpec> blocks;  // printed after the attributes
  std::vector<std::string> hook_names;
  // Reads what the data does not; returns false after reporting an error
  // through `error(range, message)`.
  std::function<bool(const hcl::Block& b, schema::Object* o,
                     const std::function<void(const SourceRange&, std::string)>& error)>
      decode_hook;
  std::function<void(const schema::Object& o, HclBody& body)> encode_hook;
};

struct DialectSpec {
  std::string name;                     // "sqlite"
  const TypeRegistry* types = nullptr;  // column types (never null)

  // Extra attributes per object kind, in the order the encoder prints them.
  std::vector<AttrSpec> schema_attrs;
  std::vector<AttrSpec> table_attrs;
  std::vector<AttrSpec> column_attrs;
  std::vector<AttrSpec> index_attrs;
  std::vector<AttrSpec> primary_key_attrs;
  std::vector<AttrSpec> index_part_attrs;
  std::vector<AttrSpec> foreign_key_attrs;
  std::vector<AttrSpec> check_attrs;
  std::vector<AttrSpec> view_attrs;

  // Generated columns: `as = "expr"` means default_generated_type; the
  // block form accepts any of generated_types (as bare words or strings).
  std::string default_generated_type = "VIRTUAL";
  std::vector<std::string> generated_types = {"VIRTUAL", "STORED"};

  // Index features shared by several dialects, kept as model fields.
  bool partial_indexes = false;  // index `where = "pred"` -> Index::where
  // Table `partition { ... }` blocks and `partition_of = table.p` (spec/partition.h).
  bool table_partitions = false;
  // Constraint-backed index blocks beside `index` (see IndexBlockSpec).
  std::vector<IndexBlockSpec> index_blocks;
  // Column `unsigned = true` holds Type::is_unsigned (MySQL): the type is
  // then printed without "unsigned" (`type = int`, `unsigned = true`).
  bool unsigned_attr = false;

  // Atlas Pro blocks this dialect accepts at the top level.
  bool views = false;               // view "v" { schema, column, as, depends_on, comment }
  bool materialized_views = false;  // materialized "m" { ... } (same attributes)
  bool triggers = false;            // trigger "t" { on, before|after|instead_of {...}, as }
  bool trigger_comments = false;    // trigger `comment` (PostgreSQL's COMMENT ON TRIGGER)
  // PostgreSQL: `execute { function = function.f, args = ["a"] }` instead
  // of `as` (Trigger::def "EXECUTE FUNCTION f('a')").
  bool trigger_execute = false;

  // Schema-level object blocks, in the order the encoder prints their kinds.
  std::vector<ObjectSpec> objects;
  const ObjectSpec* FindObject(const std::string& kind) const;

  // Returns the table for kind (never null).
  const std::vector<AttrSpec>& Attrs(ObjectKind kind) const;
  // The spec of an HCL attribute name for kind, or nullptr.
  const AttrSpec* FindAttr(ObjectKind kind, const std::string& hcl_name) const;
};

// Printable name of a kind for error messages: "table", "index part", ...
std::string ObjectKindName(ObjectKind kind);

}  // namespace strata::spec
