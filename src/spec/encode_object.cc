#include "spec/encode_object.h"

#include <algorithm>
#include <map>

#include "base/strings.h"
#include "hcl/hcl.h"
#include "spec/literal.h"
#include "spec/type_name.h"

namespace strata::spec::internal {
namespace {

std::string RefStep(const std::string& name) {
  return hcl::IsIdentifier(name) ? "." + name : "[" + hcl::Quote(name) + "]";
}

bool IsNumberText(const std::string& s) {
  if (s.empty()) return false;
  size_t i = s[0] == '-' ? 1 : 0;
  bool digit = false, dot = false;
  for (; i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) digit = true;
    else if (s[i] == '.' && !dot) dot = true;
    else return false;
  }
  return digit;
}

// 'it''s' -> it's; nullopt when s is not one quoted literal.
std::optional<std::string> Unquoted(const std::string& s) {
  if (s.size() < 2 || s.front() != '\'' || s.back() != '\'') return std::nullopt;
  std::string out;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == '\'') {
      if (i + 2 < s.size() && s[i + 1] == '\'') {
        out += '\'';
        ++i;
        continue;
      }
      return std::nullopt;
    }
    out += s[i];
  }
  return out;
}

}  // namespace

ObjectEncoder::ObjectEncoder(const DialectSpec& d, const std::vector<const schema::Schema*>& schemas)
    : d_(d), schemas_(schemas) {
  for (const schema::Schema* s : schemas)
    for (const auto& o : s->objects)
      if (const ObjectSpec* os = d.FindObject(o.kind); os && os->type_name) types_.push_back({&o, s});
  for (size_t i = 0; i < types_.size(); ++i) {
    by_name_.emplace(std::make_pair(types_[i].s->name, types_[i].o->name), i);
    ++name_count_[types_[i].o->name];
    ++kind_name_count_[{types_[i].o->kind, types_[i].o->name}];
  }
}

const ObjectEncoder::TypeObject* ObjectEncoder::FindType(const std::string& schema,
                                                         const std::string& name) const {
  auto it = by_name_.find({schema, name});
  return it == by_name_.end() ? nullptr : &types_[it->second];
}

bool ObjectEncoder::Unique(const schema::Object& o) const {
  auto it = kind_name_count_.find({o.kind, o.name});
  return it == kind_name_count_.end() || it->second <= 1;
}

std::optional<std::string> ObjectEncoder::TypeRef(const std::string& raw, const std::string& from_schema,
                                                  const std::string& type_schema) const {
  auto tn = ParseTypeName(raw);
  if (!tn) return std::nullopt;
  if (tn->schema.empty()) tn->schema = type_schema.empty() ? from_schema : type_schema;
  const TypeObject* t = FindType(tn->schema, tn->name);
  if (t == nullptr) return std::nullopt;
  if (tn->dims == 0) {
    std::string ref = t->o->kind;
    if (!Unique(*t->o)) ref += RefStep(t->s->name);
    return ref + RefStep(t->o->name);
  }
  // Arrays stay raw; unqualified when the decoder resolves them back to
  // the same object (local or unique name).
  bool unique = name_count_.at(t->o->name) <= 1;
  TypeName out = *tn;
  out.schema = (t->s->name == from_schema || unique) ? "" : t->s->name;
  return SqlCall(FormatTypeName(out));
}

std::string ObjectEncoder::TypeToHCL(const std::string& sql, const std::string& from_schema) const {
  if (auto ref = TypeRef(sql, from_schema)) return *ref;
  schema::Type t = d_.types->ParseSQL(sql);
  if (t.unsupported || d_.types->Find(t.name) == nullptr) return SqlCall(sql);
  return d_.types->ToHCL(t);
}

std::string ObjectEncoder::AttrToHCL(const AttrSpec& spec, const std::string& v,
                                     const std::string& schema) const {
  switch (spec.kind) {
    case AttrKind::kBool: return v == "true" ? "true" : "false";
    case AttrKind::kString: return hcl::Quote(v);
    case AttrKind::kIdentifier: {
      std::string w = spec.underscore_spaces ? ReplaceAll(v, " ", "_") : v;
      bool listed = spec.enum_values.empty() || std::find(spec.enum_values.begin(), spec.enum_values.end(),
                                                          ToUpper(w)) != spec.enum_values.end();
      return listed && hcl::IsIdentifier(w) ? w : hcl::Quote(w);
    }
    case AttrKind::kInt: return v;
    case AttrKind::kRawSQL: return SqlCall(v);
    case AttrKind::kColumnRefList: {
      std::vector<std::string> refs;
      for (const auto& c : Split(v, ","))
        if (!c.empty()) refs.push_back("column" + RefStep(c));
      return "[" + Join(refs, ", ") + "]";
    }
    case AttrKind::kType: return TypeToHCL(v, schema);
    case AttrKind::kColumnRef: {
      std::vector<std::string> parts = Split(v, ".");
      std::string ref = "table";
      for (size_t i = 0; i + 1 < parts.size(); ++i) ref += RefStep(parts[i]);
      return ref + ".column" + RefStep(parts.back());
    }
    case AttrKind::kExpr:
      if (v == "true" || v == "false" || IsNumberText(v)) return v;
      if (auto s = Unquoted(v)) return hcl::Quote(*s);
      return SqlCall(v);
  }
  return hcl::Quote(v);
}

void ObjectEncoder::EncodeObject(const schema::Schema& s, const schema::Object& o,
                                 const ObjectSpec& spec, HclBody& root) const {
  HclBody& b = root.Block(spec.kind, {o.name});
  if (!s.name.empty()) b.Attr("schema", "schema" + RefStep(s.name));
  if (!spec.def_attr.empty() && !o.def.empty())
    b.Attr(spec.def_attr, AttrToHCL(AttrSpec{spec.def_attr, "def", spec.def_kind}, o.def, s.name));
  if (spec.values) {
    std::vector<std::string> vals;
    for (const auto& v : o.values) vals.push_back(hcl::Quote(v));
    b.Attr("values", "[" + Join(vals, ", ") + "]");
  }
  for (const auto& a : spec.attrs) {
    const std::string* v = o.options.Find(a.option_key);
    if (v == nullptr || (!a.default_value.empty() && *v == a.default_value)) continue;
    b.Attr(a.hcl_name, AttrToHCL(a, *v, s.name));
  }
  if (!o.comment.empty()) b.Attr("comment", hcl::Quote(o.comment));
  for (const auto& bs : spec.blocks) {
    std::vector<std::string> labels;
    if (bs.ordered) {
      labels = o.values;
    } else {
      const std::string prefix = bs.type + ".";
      for (const auto& [k, v] : o.options.items()) {
        if (!StartsWith(k, prefix)) continue;
        for (const auto& a : bs.attrs) {
          const std::string suffix = "." + a.option_key;
          if (EndsWith(k, suffix) && k.size() > prefix.size() + suffix.size()) {
            std::string label = k.substr(prefix.size(), k.size() - prefix.size() - suffix.size());
            if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
          }
        }
      }
      std::sort(labels.begin(), labels.end());
    }
    for (const auto& label : labels) {
      HclBody& cb = b.Block(bs.type, {label});
      for (const auto& a : bs.attrs) {
        const std::string* v = o.options.Find(bs.type + "." + label + "." + a.option_key);
        if (v == nullptr || (!a.default_value.empty() && *v == a.default_value)) continue;
        cb.Attr(a.hcl_name, AttrToHCL(a, *v, s.name));
      }
    }
  }
  if (spec.encode_hook) spec.encode_hook(o, b);
}

void ObjectEncoder::Encode(HclBody& root) const {
  for (const auto& spec : d_.objects) {
    std::vector<std::pair<const schema::Schema*, const schema::Object*>> objs;
    for (const schema::Schema* s : schemas_)
      for (const auto& o : s->objects)
        if (o.kind == spec.kind) objs.emplace_back(s, &o);
    std::stable_sort(objs.begin(), objs.end(), [](const auto& a, const auto& b) {
      if (a.second->name != b.second->name) return a.second->name < b.second->name;
      if (a.second->signature != b.second->signature) return a.second->signature < b.second->signature;
      return a.first->name < b.first->name;
    });
    for (const auto& [s, o] : objs) EncodeObject(*s, *o, spec, root);
  }
}

}  // namespace strata::spec::internal
