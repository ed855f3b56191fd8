// Internal to the decoder (decode*.cc): the Decoder state shared by the
// realm-level and table-level passes, and BlockReader, which reads one
// block's attributes with kind checks and reports whatever it did not read
// as unknown. Not part of the public API; include decode.h instead.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/source.h"
#include "hcl/hcl.h"
#include "schema/schema.h"
#include "spec/dialect_spec.h"

namespace strata::spec::internal {

// "bool", "string", "reference", ... for "must be X, got Y" errors.
std::string KindName(const hcl::Value& v);
// The dotted form of a reference path, for messages: table.users.column.id
std::string RefText(const std::vector<std::string>& path);

class Decoder;

// A list of reference paths, each with the range to report errors at.
using RefItems = std::vector<std::pair<std::vector<std::string>, SourceRange>>;

// Reads one block. Every attribute or child block type that was not asked
// for by the time Finish() runs is reported as unknown, so new attributes
// cannot be silently ignored.
class BlockReader {
 public:
  BlockReader(Decoder* dec, const hcl::Block& block, std::string what);

  const hcl::Block& block() const { return block_; }
  const std::string& what() const { return what_; }  // `table "users"`

  // Marks name as known and returns it (nullptr when absent).
  const hcl::Attribute* Get(const std::string& name);
  // Like Get, but reports a missing attribute.
  const hcl::Attribute* Required(const std::string& name);
  // Typed getters: nullopt when absent or of the wrong kind (reported).
  std::optional<bool> Bool(const std::string& name);
  std::optional<std::string> String(const std::string& name);
  // A bare identifier (`CASCADE`) or a string; returns the text.
  std::optional<std::string> Identifier(const std::string& name);
  // A list of references; nullopt when absent or malformed (reported).
  std::optional<RefItems> RefList(const std::string& name);

  // Child blocks of a type (marks the type as known).
  std::vector<const hcl::Block*> Blocks(const std::string& type);
  // Reads the dialect's extra attributes of kind into opts.
  void Extra(ObjectKind kind, schema::Options* opts);
  // Reads one extra attribute of this block into opts.
  void ExtraAttr(const AttrSpec& spec, schema::Options* opts);
  // Checks the label count: [min, max].
  bool Labels(size_t min, size_t max);
  // Reports unknown attributes and blocks.
  void Finish();

  // Reports a wrong value kind for attribute a.
  void WrongKind(const hcl::Attribute& a, const std::string& want);

 private:
  Decoder* dec_;
  const hcl::Block& block_;
  std::string what_;
  std::set<std::string> known_attrs_;
  std::set<std::string> known_blocks_;
};

// A foreign key waiting for every table to exist (refs may point forward).
struct PendingForeignKey {
  size_t schema = 0;  // index in realm.schemas
  size_t table = 0;   // index in schema.tables
  const hcl::Block* block = nullptr;
};

// A view or table depends_on list, resolved once every object exists.
struct PendingDeps {
  size_t schema = 0;
  size_t view = 0;  // index in schema.views
  RefItems refs;
  bool store = true;  // false for tables: the model keeps no table deps
};

class Decoder {
 public:
  Decoder(const DialectSpec& dialect, Diagnostics* diags) : d_(dialect), diags_(diags) {}

  schema::Realm Decode(const hcl::Document& doc);

  void Error(const SourceRange& r, std::string message) { diags_->Error(r, std::move(message)); }
  const DialectSpec& dialect() const { return d_; }

 private:
  struct SchemaLabel {
    std::string label;  // how HCL refers to it: schema.<label>
    size_t index = 0;   // in realm_.schemas
  };

  // decode.cc: realm-level objects.
  void DecodeSchemaBlock(const hcl::Block& b);
  std::optional<size_t> SchemaOf(BlockReader& r);
  void DecodeView(const hcl::Block& b, bool materialized);
  void DecodeTrigger(const hcl::Block& b);
  void ResolveDeps(const PendingDeps& p);
  // A table (or view) reference -> (schema index, name); reported on failure.
  std::optional<std::pair<size_t, std::string>> ResolveObjectRef(
      const std::vector<std::string>& path, size_t from_schema, const SourceRange& at,
      const std::string& what);
  // schema.<label>, or schema.<label>[<key>] when key is set.
  std::optional<size_t> SchemaByLabel(const std::string& label, const std::string* key) const;

  // decode_table.cc: tables and their children.
  void DecodeTable(const hcl::Block& b);
  std::optional<schema::Column> DecodeColumn(const hcl::Block& b, const std::string& table);
  std::optional<schema::Type> DecodeType(const hcl::Attribute& a, const std::string& column);
  void DecodeGenerated(BlockReader& r, schema::Column* c);
  // `as`: the block is one of DialectSpec::index_blocks.
  std::optional<schema::Index> DecodeIndex(const hcl::Block& b, const schema::Table& t,
                                           bool primary, const IndexBlockSpec* as = nullptr);
  bool DecodeParts(BlockReader& r, const schema::Table& t, const std::string& name,
                   schema::Index* idx);
  std::optional<schema::Check> DecodeCheck(const hcl::Block& b);
  void DecodeForeignKey(const PendingForeignKey& p);
  // column.c / table.t.column.c / table.s.t.column.c inside table t.
  std::optional<std::string> LocalColumn(const std::vector<std::string>& path,
                                         const schema::Table& t, const SourceRange& at);

  // decode_object.cc: schema-level objects (DialectSpec::objects).
  struct ObjectName {
    std::string kind, name;
    size_t schema = 0;
  };
  void CollectObjectNames(const hcl::Document& doc);
  void DecodeObject(const hcl::Block& b, const ObjectSpec& spec);
  // Reads one object attribute of the kinds only objects use (kType,
  // kColumnRef, kExpr) or any other AttrKind through BlockReader.
  std::optional<std::string> ObjectAttr(BlockReader& r, const AttrSpec& spec, size_t schema);
  // A type that names an object: enum.x / enum.s.x, or sql("x[]") when x
  // is an object. kNotObject leaves the value to the type registry.
  enum class TypeRef { kNotObject, kOk, kError };
  TypeRef ObjectTypeRef(const hcl::Value& v, const SourceRange& at, const std::string& what,
                        size_t schema, schema::Type* out);
  // Any column type (registry or object) as SQL text.
  std::optional<std::string> TypeText(const hcl::Attribute& a, const std::string& what, size_t schema);

  const DialectSpec& d_;
  Diagnostics* diags_;
  std::vector<ObjectName> object_names_;
  // The schema of the table being decoded (object type references prefer it).
  size_t cur_schema_ = static_cast<size_t>(-1);
  // The depends_on list of the object being decoded: object types it names.
  std::vector<std::string>* cur_deps_ = nullptr;
  schema::Realm realm_;
  std::vector<SchemaLabel> schema_labels_;
  std::vector<PendingForeignKey> pending_fks_;
  std::vector<PendingDeps> pending_deps_;
};

}  // namespace strata::spec::internal
