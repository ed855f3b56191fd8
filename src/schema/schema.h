// THE schema model: Realm > Schema > Table/View/Trigger/Object. Objects refer to
// each other by name (not pointer), so states copy, compare and serialize
// trivially. Dialect-specific settings live in ordered `Options` bags whose
// keys are data in each dialect's tables (e.g. "strict", "without_rowid").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/source.h"

namespace strata::schema {

// Ordered key/value settings. Values are kept as text: "true", "InnoDB", "42".
class Options {
 public:
  const std::string* Find(const std::string& key) const;
  std::string Get(const std::string& key, const std::string& def = "") const;
  bool Has(const std::string& key) const { return Find(key) != nullptr; }
  bool Flag(const std::string& key) const { return Get(key) == "true"; }
  void Set(const std::string& key, std::string value);
  void Erase(const std::string& key);
  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }
  bool empty() const { return items_.empty(); }
  // Order-insensitive: options are a set of key/value pairs.
  bool operator==(const Options& o) const;

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

// A column type. `raw` is the SQL text the database reports or the user
// wrote; `name` + `args` is the dialect type registry's parsed form, e.g.
// raw "varchar(255)" -> name "varchar", args {"255"}.
struct Type {
  std::string raw;
  std::string name;               // lower-case canonical name
  std::vector<std::string> args;  // size/precision/scale or enum values
  bool is_unsigned = false;
  bool unsupported = false;       // unknown to the registry; printed as sql("raw")
  bool operator==(const Type& o) const = default;
};

// A default value or expression. Literals are SQL literals ("'a'", "1",
// "true"); raw expressions are any SQL expression ("CURRENT_TIMESTAMP").
struct Expr {
  enum class Kind { kLiteral, kRaw };
  Kind kind = Kind::kLiteral;
  std::string text;
  bool operator==(const Expr& o) const = default;
};

struct GeneratedExpr {
  std::string expr;
  std::string type;  // "VIRTUAL" or "STORED"
  bool operator==(const GeneratedExpr& o) const = default;
};

struct Column {
  std::string name;
  Type type;
  bool nullable = false;
  std::optional<Expr> default_value;
  std::optional<GeneratedExpr> generated;
  std::string comment;
  Options options;  // dialect: "auto_increment", "collate", "charset", "on_update", ...
  SourceRange pos;  // where the desired state defined it (empty when inspected)
  bool operator==(const Column& o) const {
    return name == o.name && type == o.type && nullable == o.nullable &&
           default_value == o.default_value && generated == o.generated && comment == o.comment &&
           options == o.options;
  }
};

// One part of an index key: a column or an expression.
struct IndexPart {
  std::string column;  // empty when expr is set
  std::string expr;
  bool desc = false;
  Options options;  // "collate", "prefix", "ops", "nulls_first", ...
  bool operator==(const IndexPart& o) const = default;
};

struct Index {
  std::string name;
  bool unique = false;
  std::vector<IndexPart> parts;
  std::string where;  // partial index predicate, without "WHERE"
  std::string comment;
  Options options;    // "type", "include", ...
  // Set by inspection when the name was made up by the database
  // (sqlite_autoindex_*, implicit constraint indexes).
  bool implicit = false;
  bool operator==(const Index& o) const {
    return name == o.name && unique == o.unique && parts == o.parts && where == o.where &&
           comment == o.comment && options == o.options;
  }
};

enum class ReferenceAction { kNone, kNoAction, kRestrict, kCascade, kSetNull, kSetDefault };
// "NO ACTION", "CASCADE", ... ("" for kNone).
std::string ReferenceActionSQL(ReferenceAction a);
// Accepts "CASCADE", "SET_NULL", "set null", ...; nullopt when unknown.
std::optional<ReferenceAction> ParseReferenceAction(const std::string& s);

struct ForeignKey {
  std::string symbol;  // constraint name; may be empty on SQLite
  std::vector<std::string> columns;
  std::string ref_schema;  // empty = same schema
  std::string ref_table;
  std::vector<std::string> ref_columns;
  ReferenceAction on_update = ReferenceAction::kNone;
  ReferenceAction on_delete = ReferenceAction::kNone;
  Options options;  // "deferrable", "initially_deferred", "match"
  bool operator==(const ForeignKey& o) const = default;
};

struct Check {
  std::string name;
  std::string expr;  // without the surrounding CHECK ( )
  Options options;   // "enforced", "no_inherit", "not_valid"
  bool operator==(const Check& o) const = default;
};

struct Table {
  std::string name;
  std::string schema;  // back-link by name
  std::vector<Column> columns;
  std::optional<Index> primary_key;
  std::vector<Index> indexes;
  std::vector<ForeignKey> foreign_keys;
  std::vector<Check> checks;
  std::string comment;
  Options options;  // "strict", "without_rowid", "engine", "charset", ...
  SourceRange pos;

  const Column* FindColumn(const std::string& n) const;
  Column* FindColumn(const std::string& n);
  const Index* FindIndex(const std::string& n) const;
  const ForeignKey* FindForeignKey(const std::string& symbol) const;
  bool operator==(const Table& o) const {
    return name == o.name && schema == o.schema && columns == o.columns &&
           primary_key == o.primary_key && indexes == o.indexes && foreign_keys == o.foreign_keys &&
           checks == o.checks && comment == o.comment && options == o.options;
  }
};

struct ViewColumn {
  std::string name;
  Type type;
  bool operator==(const ViewColumn& o) const = default;
};

struct View {
  std::string name;
  std::string schema;
  std::string def;  // the SELECT (Atlas's `as`)
  bool materialized = false;
  std::string check_option;
  std::string comment;
  std::vector<ViewColumn> columns;  // informational; not diffed
  std::vector<std::string> depends_on;  // "table.t" / "view.v" names, for ordering
  std::vector<Index> indexes;           // materialized views only
  Options options;
  SourceRange pos;
  bool operator==(const View& o) const {
    return name == o.name && schema == o.schema && def == o.def && materialized == o.materialized &&
           check_option == o.check_option && comment == o.comment && options == o.options &&
           indexes == o.indexes;
  }
};

struct Trigger {
  std::string name;
  std::string schema;
  std::string table;  // or view
  std::string def;    // the full CREATE TRIGGER statement (SQLite) or body
  Options options;    // "timing", "events", "for_each", "when"
  SourceRange pos;
  bool operator==(const Trigger& o) const {
    return name == o.name && schema == o.schema && table == o.table && def == o.def &&
           options == o.options;
  }
};

// A schema-level object other than a table, view or trigger: enum, domain,
// composite type, sequence, function, procedure, extension, policy, event...
// `kind` is data: each dialect says which kinds it inspects, renders and
// encodes. Objects are matched by kind + name + signature (the signature
// tells function overloads apart).
struct Object {
  std::string kind;       // "enum", "sequence", "function", ...
  std::string name;
  std::string schema;
  std::string signature;  // routines: "(integer, text)"; "" for other kinds
  std::string def;        // the dialect's definition text (body, base type, ...)
  std::vector<std::string> values;  // ordered members: enum labels, composite fields
  std::string comment;
  Options options;        // kind attributes: "lang", "volatility", "start", "table", ...
  // What it uses, as "<kind>.<schema>.<name>" ("table.public.t",
  // "function.public.f"); for ordering only, not compared.
  std::vector<std::string> depends_on;
  SourceRange pos;

  // "function f(integer)": unique among one schema's objects.
  std::string Id() const { return kind + " " + name + signature; }
  bool operator==(const Object& o) const {
    return kind == o.kind && name == o.name && schema == o.schema && signature == o.signature &&
           def == o.def && values == o.values && comment == o.comment && options == o.options;
  }
};

struct Schema {
  std::string name;
  std::vector<Table> tables;
  std::vector<View> views;
  std::vector<Trigger> triggers;
  std::vector<Object> objects;
  std::string comment;
  Options options;  // "charset", "collate"
  SourceRange pos;

  const Table* FindTable(const std::string& n) const;
  Table* FindTable(const std::string& n);
  const View* FindView(const std::string& n) const;
  const Trigger* FindTrigger(const std::string& n) const;
  // By Object::Id().
  const Object* FindObject(const std::string& id) const;
  bool operator==(const Schema& o) const {
    return name == o.name && tables == o.tables && views == o.views && triggers == o.triggers &&
           objects == o.objects && comment == o.comment && options == o.options;
  }
};

struct Realm {
  std::vector<Schema> schemas;
  Options options;

  const Schema* FindSchema(const std::string& n) const;
  Schema* FindSchema(const std::string& n);
  bool operator==(const Realm& o) const = default;
};

}  // namespace strata::schema
