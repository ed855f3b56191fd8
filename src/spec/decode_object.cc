// Decoding of schema-level object blocks (enum, domain, composite,
// sequence, extension, ... as listed in DialectSpec::objects) and of column
// types that name such objects (`type = enum.status`, `sql("status[]")`).
#include <algorithm>

#include "base/strings.h"
#include "spec/decoder.h"
#include "spec/literal.h"
#include "spec/type_name.h"

namespace strata::spec::internal {
namespace {

std::string Quoted(const std::string& s) { return GoQuote(s); }

constexpr size_t kNoSchema = static_cast<size_t>(-1);

}  // namespace

void Decoder::CollectObjectNames(const hcl::Document& doc) {
  // Only names and schemas: enough for type references from tables and
  // other objects, whatever the block order. Errors are reported later by
  // DecodeObject.
  for (const auto& b : doc.blocks) {
    const ObjectSpec* os = d_.FindObject(b.type);
    if (os == nullptr || !os->type_name || b.labels.empty()) continue;
    const hcl::Attribute* a = b.Attr("schema");
    if (a == nullptr || a->value.kind() != hcl::Value::Kind::kRef) continue;
    const auto& path = a->value.path();
    if (path.size() < 2 || path.size() > 3 || path[0] != "schema") continue;
    auto idx = SchemaByLabel(path[1], path.size() == 3 ? &path[2] : nullptr);
    if (idx) object_names_.push_back({b.type, b.labels.back(), *idx});
  }
}

Decoder::TypeRef Decoder::ObjectTypeRef(const hcl::Value& v, const SourceRange& at,
                                        const std::string& what, size_t schema,
                                        schema::Type* out) {
  using K = hcl::Value::Kind;
  // Candidates by kind ("" = any type kind) and name, then by schema.
  auto find = [&](const std::string& kind, const std::string& name,
                  const std::string* schema_label) -> std::vector<const ObjectName*> {
    std::vector<const ObjectName*> found;
    for (const auto& o : object_names_) {
      if ((!kind.empty() && o.kind != kind) || o.name != name) continue;
      if (schema_label != nullptr) {
        auto s = SchemaByLabel(*schema_label, nullptr);
        if (!s || *s != o.schema) continue;
      }
      found.push_back(&o);
    }
    if (found.size() > 1) {
      std::vector<const ObjectName*> local;
      for (const auto* o : found)
        if (o->schema == schema) local.push_back(o);
      if (local.size() == 1) return local;
    }
    return found;
  };
  // schema::Type::schema holds the type's schema; raw is the bare name.
  auto set = [&](const ObjectName& o, int dims) {
    std::string raw = FormatTypeName(TypeName{"", o.name, dims});
    *out = schema::Type{};
    out->raw = raw;
    out->name = ToLower(raw);
    out->unsupported = true;
    out->schema = realm_.schemas[o.schema].name;
    if (cur_deps_ != nullptr) cur_deps_->push_back(o.kind + "." + out->schema + "." + o.name);
  };
  if (v.kind() == K::kRef) {
    const auto& path = v.path();
    const ObjectSpec* os = path.empty() ? nullptr : d_.FindObject(path[0]);
    if (os == nullptr || !os->type_name) return TypeRef::kNotObject;
    if (path.size() < 2 || path.size() > 3) {
      Error(at, "invalid type reference " + RefText(path) + " in " + what);
      return TypeRef::kError;
    }
    auto found = find(path[0], path.back(), path.size() == 3 ? &path[1] : nullptr);
    if (found.size() != 1) {
      Error(at, found.empty() ? path[0] + " " + Quoted(RefText({path.begin() + 1, path.end()})) +
                                    " was not found (referenced by " + what + ")"
                              : path[0] + " " + Quoted(path.back()) +
                                    " exists in several schemas; qualify the reference as " +
                                    path[0] + ".<schema>." + path.back() + " (in " + what + ")");
      return TypeRef::kError;
    }
    set(*found[0], 0);
    return TypeRef::kOk;
  }
  if (v.kind() == K::kRawSQL) {
    auto tn = ParseTypeName(v.str());
    if (!tn) return TypeRef::kNotObject;
    std::vector<const ObjectName*> found;
    if (tn->schema.empty()) {
      found = find("", tn->name, nullptr);
    } else {
      for (const auto& o : object_names_)
        if (o.name == tn->name && realm_.schemas[o.schema].name == tn->schema) found.push_back(&o);
    }
    if (found.size() != 1) return TypeRef::kNotObject;
    set(*found[0], tn->dims);
    return TypeRef::kOk;
  }
  return TypeRef::kNotObject;
}

std::optional<std::string> Decoder::TypeText(const hcl::Attribute& a, const std::string& what,
                                             size_t schema) {
  size_t saved = cur_schema_;
  cur_schema_ = schema;
  auto t = DecodeType(a, what);
  cur_schema_ = saved;
  if (!t) return std::nullopt;
  if (!t->schema.empty()) {
    // Relative to the object's schema (render_types qualifies it from
    // depends_on where needed).
    if (schema < realm_.schemas.size() && realm_.schemas[schema].name == t->schema) return t->raw;
    return QuoteIdentIfNeeded(t->schema) + "." + t->raw;
  }
  if (t->unsupported || d_.types->Find(t->name) == nullptr) return t->raw;
  return d_.types->ToSQL(*t);
}

std::optional<std::string> Decoder::ObjectAttr(BlockReader& r, const AttrSpec& spec, size_t schema) {
  using K = hcl::Value::Kind;
  if (spec.kind != AttrKind::kType && spec.kind != AttrKind::kColumnRef &&
      spec.kind != AttrKind::kExpr) {
    if (spec.required && r.Required(spec.hcl_name) == nullptr) return std::nullopt;
    schema::Options tmp;
    r.ExtraAttr(spec, &tmp);
    if (const std::string* v = tmp.Find(spec.option_key)) return *v;
    return std::nullopt;
  }
  const hcl::Attribute* a = spec.required ? r.Required(spec.hcl_name) : r.Get(spec.hcl_name);
  if (a == nullptr) return std::nullopt;
  const hcl::Value& v = a->value;
  std::optional<std::string> out;
  switch (spec.kind) {
    case AttrKind::kType: out = TypeText(*a, spec.hcl_name + " of " + r.what(), schema); break;
    case AttrKind::kColumnRef: {
      const auto& path = v.path();
      // table.t.column.c (the object's schema) or table.s.t.column.c.
      bool shape = v.kind() == K::kRef && (path.size() == 4 || path.size() == 5) &&
                   path[0] == "table" && path[path.size() - 2] == "column";
      if (!shape) {
        r.WrongKind(*a, "a column reference (table.<t>.column.<c>)");
        break;
      }
      size_t s = schema;
      if (path.size() == 5) {
        auto idx = SchemaByLabel(path[1], nullptr);
        if (!idx) {
          Error(a->value_range, "schema " + Quoted(path[1]) + " was not found for " + r.what());
          break;
        }
        s = *idx;
      }
      const std::string& table = path[path.size() - 3];
      const schema::Table* t = s < realm_.schemas.size() ? realm_.schemas[s].FindTable(table) : nullptr;
      if (t == nullptr || t->FindColumn(path.back()) == nullptr) {
        Error(a->value_range, "column " + Quoted(table + "." + path.back()) +
                                  " was not found (referenced by " + r.what() + ")");
        break;
      }
      out = (s == schema ? "" : realm_.schemas[s].name + ".") + table + "." + path.back();
      break;
    }
    case AttrKind::kExpr:
      switch (v.kind()) {
        case K::kString: out = SqlQuote(v.str()); break;
        case K::kNumber: out = CanonicalNumber(v.number_text()).value_or(v.number_text()); break;
        case K::kBool: out = v.bool_value() ? "true" : "false"; break;
        case K::kRawSQL: out = v.str(); break;
        default: r.WrongKind(*a, "a string, number, bool or sql(\"...\")");
      }
      break;
    default: break;
  }
  if (out && !spec.default_value.empty() && *out == spec.default_value) return std::nullopt;
  return out;
}

void Decoder::DecodeObject(const hcl::Block& b, const ObjectSpec& spec) {
  std::string name = b.labels.empty() ? "" : b.labels.back();
  BlockReader r(this, b, spec.kind + " " + Quoted(name));
  bool ok = r.Labels(1, 1);
  auto schema_idx = SchemaOf(r);
  size_t sidx = schema_idx.value_or(kNoSchema);
  schema::Object o;
  o.kind = spec.kind;
  o.name = name;
  o.pos = b.range;
  cur_deps_ = &o.depends_on;
  if (!spec.def_attr.empty()) {
    AttrSpec def{spec.def_attr, "def", spec.def_kind};
    def.required = spec.def_required;
    if (auto v = ObjectAttr(r, def, sidx)) o.def = *v;
  }
  if (spec.values) {
    const hcl::Attribute* a = spec.values_required ? r.Required("values") : r.Get("values");
    if (a != nullptr) {
      bool good = a->value.kind() == hcl::Value::Kind::kList;
      for (const auto& item : a->value.items()) {
        if (item.kind() != hcl::Value::Kind::kString) {
          good = false;
          break;
        }
        if (std::find(o.values.begin(), o.values.end(), item.str()) != o.values.end()) {
          Error(a->value_range, "value " + Quoted(item.str()) + " is listed more than once in " + r.what());
          continue;
        }
        o.values.push_back(item.str());
      }
      if (!good) r.WrongKind(*a, "a list of strings");
    }
  }
  for (const auto& attr : spec.attrs)
    if (auto v = ObjectAttr(r, attr, sidx)) o.options.Set(attr.option_key, *v);
  if (auto c = r.String("comment")) o.comment = *c;
  for (const auto& bs : spec.blocks) {
    for (const hcl::Block* cb : r.Blocks(bs.type)) {
      std::string label = cb->labels.empty() ? "" : cb->labels[0];
      BlockReader cr(this, *cb, bs.type + " " + Quoted(label) + " of " + r.what());
      if (!cr.Labels(1, 1)) continue;
      std::string prefix = bs.type + "." + label + ".";
      bool dup = false;
      for (const auto& [k, v] : o.options.items())
        if (StartsWith(k, prefix)) dup = true;
      if (dup || (bs.ordered && std::find(o.values.begin(), o.values.end(), label) != o.values.end())) {
        Error(cb->range, bs.type + " " + Quoted(label) + " is defined more than once in " + r.what());
        continue;
      }
      for (const auto& attr : bs.attrs)
        if (auto v = ObjectAttr(cr, attr, sidx)) o.options.Set(prefix + attr.option_key, *v);
      cr.Finish();
      if (bs.ordered) o.values.push_back(label);
    }
  }
  for (const auto& h : spec.hook_names) {
    r.Get(h);
    r.Blocks(h);
  }
  bool hook_ok = true;
  if (spec.decode_hook) {
    hook_ok = spec.decode_hook(b, &o, [this](const SourceRange& at, std::string msg) {
      Error(at, std::move(msg));
    });
  }
  cur_deps_ = nullptr;
  r.Finish();
  if (!ok || !schema_idx || !hook_ok) return;
  schema::Schema& s = realm_.schemas[*schema_idx];
  o.schema = s.name;
  if (s.FindObject(o.Id()) != nullptr) {
    Error(b.range, r.what() + " is defined more than once in schema " + Quoted(s.name));
    return;
  }
  s.objects.push_back(std::move(o));
}

}  // namespace strata::spec::internal
