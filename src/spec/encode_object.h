// Internal to the encoder: schema-level object blocks (DialectSpec::objects)
// and column types that name objects (`type = enum.status`).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "schema/schema.h"
#include "spec/dialect_spec.h"
#include "spec/hcl_writer.h"

namespace strata::spec::internal {

class ObjectEncoder {
 public:
  ObjectEncoder(const DialectSpec& d, const std::vector<const schema::Schema*>& schemas);

  // The HCL of a type whose SQL text names a type object (`enum.status`,
  // `sql("status[]")`); nullopt for any other type. `from_schema` is the
  // schema of the table or object that uses it.
  // type_schema: schema::Type::schema ("" = qualified in raw, or from_schema).
  std::optional<std::string> TypeRef(const std::string& raw, const std::string& from_schema,
                                     const std::string& type_schema = "") const;
  // Any type as HCL: an object reference, a registry type or sql("...").
  std::string TypeToHCL(const std::string& sql, const std::string& from_schema) const;
  // Every object of every schema: by kind (DialectSpec order), then name,
  // then schema.
  void Encode(HclBody& root) const;

 private:
  struct TypeObject {
    const schema::Object* o;
    const schema::Schema* s;
  };
  const TypeObject* FindType(const std::string& schema, const std::string& name) const;
  bool Unique(const schema::Object& o) const;
  std::string AttrToHCL(const AttrSpec& spec, const std::string& v, const std::string& schema) const;
  void EncodeObject(const schema::Schema& s, const schema::Object& o, const ObjectSpec& spec,
                    HclBody& root) const;

  const DialectSpec& d_;
  std::vector<const schema::Schema*> schemas_;
  std::vector<TypeObject> types_;
  // Lookups by (schema, name), and the number of type objects per name and
  // per (kind, name): inspect output of large schemas calls them per column.
  std::map<std::pair<std::string, std::string>, size_t> by_name_;
  std::map<std::string, int> name_count_;
  std::map<std::pair<std::string, std::string>, int> kind_name_count_;
};

}  // namespace strata::spec::internal
