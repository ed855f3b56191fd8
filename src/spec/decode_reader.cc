// BlockReader: typed, checked access to one HCL block's attributes.
#include <algorithm>

#include "base/strings.h"
#include "spec/decoder.h"

namespace strata::spec::internal {

std::string KindName(const hcl::Value& v) {
  using K = hcl::Value::Kind;
  switch (v.kind()) {
    case K::kNull: return "null";
    case K::kBool: return "bool";
    case K::kNumber: return "number";
    case K::kString: return "string";
    case K::kList: return "list";
    case K::kObject: return "object";
    case K::kRef: return "reference " + RefText(v.path());
    case K::kCall: return "call " + v.str() + "(...)";
    case K::kRawSQL: return "sql expression";
  }
  return "value";
}

std::string RefText(const std::vector<std::string>& path) { return Join(path, "."); }

BlockReader::BlockReader(Decoder* dec, const hcl::Block& block, std::string what)
    : dec_(dec), block_(block), what_(std::move(what)) {}

const hcl::Attribute* BlockReader::Get(const std::string& name) {
  known_attrs_.insert(name);
  const hcl::Attribute* a = block_.Attr(name);
  // An explicit `null` means "not set", as in HCL's own semantics.
  if (a != nullptr && a->value.is_null()) return nullptr;
  return a;
}

const hcl::Attribute* BlockReader::Required(const std::string& name) {
  const hcl::Attribute* a = Get(name);
  if (a == nullptr)
    dec_->Error(block_.range, "missing required attribute \"" + name + "\" in " + what_);
  return a;
}

void BlockReader::WrongKind(const hcl::Attribute& a, const std::string& want) {
  dec_->Error(a.value_range, "attribute \"" + a.name + "\" of " + what_ + " must be " + want +
                                 ", got " + KindName(a.value));
}

std::optional<bool> BlockReader::Bool(const std::string& name) {
  const hcl::Attribute* a = Get(name);
  if (a == nullptr) return std::nullopt;
  if (a->value.kind() != hcl::Value::Kind::kBool) {
    WrongKind(*a, "a bool");
    return std::nullopt;
  }
  return a->value.bool_value();
}

std::optional<std::string> BlockReader::String(const std::string& name) {
  const hcl::Attribute* a = Get(name);
  if (a == nullptr) return std::nullopt;
  if (a->value.kind() != hcl::Value::Kind::kString) {
    WrongKind(*a, "a string");
    return std::nullopt;
  }
  return a->value.str();
}

std::optional<std::string> BlockReader::Identifier(const std::string& name) {
  const hcl::Attribute* a = Get(name);
  if (a == nullptr) return std::nullopt;
  const hcl::Value& v = a->value;
  if (v.kind() == hcl::Value::Kind::kRef && v.path().size() == 1) return v.path()[0];
  if (v.kind() == hcl::Value::Kind::kString) return v.str();
  WrongKind(*a, "an identifier or a string");
  return std::nullopt;
}

std::optional<RefItems> BlockReader::RefList(const std::string& name) {
  const hcl::Attribute* a = Get(name);
  if (a == nullptr) return std::nullopt;
  if (a->value.kind() != hcl::Value::Kind::kList) {
    WrongKind(*a, "a list of references");
    return std::nullopt;
  }
  RefItems out;
  for (const auto& item : a->value.items()) {
    if (item.kind() != hcl::Value::Kind::kRef) {
      dec_->Error(a->value_range, "attribute \"" + a->name + "\" of " + what_ +
                                      " must be a list of references, got an element of kind " +
                                      KindName(item));
      return std::nullopt;
    }
    out.emplace_back(item.path(), a->value_range);
  }
  return out;
}

std::vector<const hcl::Block*> BlockReader::Blocks(const std::string& type) {
  known_blocks_.insert(type);
  return block_.Children(type);
}

void BlockReader::Extra(ObjectKind kind, schema::Options* opts) {
  const auto& specs = dec_->dialect().Attrs(kind);
  std::vector<std::string> blocks;  // nested blocks, in order of first mention
  for (const AttrSpec& spec : specs) {
    if (spec.block.empty()) {
      ExtraAttr(spec, opts);
    } else if (std::find(blocks.begin(), blocks.end(), spec.block) == blocks.end()) {
      blocks.push_back(spec.block);
    }
  }
  for (const auto& name : blocks) {
    auto found = Blocks(name);
    if (found.empty()) continue;
    if (found.size() > 1)
      dec_->Error(found[1]->range, what_ + " has more than one " + name + " block");
    BlockReader sub(dec_, *found[0], name + " block of " + what_);
    sub.Labels(0, 0);
    for (const AttrSpec& spec : specs) {
      if (spec.block != name) continue;
      if (spec.required) {
        sub.Required(spec.hcl_name);
      }
      sub.ExtraAttr(spec, opts);
    }
    sub.Finish();
  }
}

void BlockReader::ExtraAttr(const AttrSpec& spec, schema::Options* opts) {
  {
    const hcl::Attribute* a = block_.Attr(spec.hcl_name);
    known_attrs_.insert(spec.hcl_name);
    if (a == nullptr || a->value.is_null()) return;
    std::optional<std::string> v;
    switch (spec.kind) {
      case AttrKind::kBool:
        if (auto b = Bool(spec.hcl_name)) v = *b ? "true" : "false";
        break;
      case AttrKind::kString: v = String(spec.hcl_name); break;
      case AttrKind::kIdentifier: {
        v = Identifier(spec.hcl_name);
        bool bare = a->value.kind() == hcl::Value::Kind::kRef;
        const auto& allowed = spec.enum_values;
        // A bare word must be one of the listed values; a string may be
        // anything (the escape hatch Atlas offers for e.g. engines).
        if (v && bare && !allowed.empty() &&
            std::find(allowed.begin(), allowed.end(), ToUpper(*v)) == allowed.end()) {
          dec_->Error(a->value_range, "unknown value " + *v + " for attribute \"" + spec.hcl_name +
                                          "\" of " + what_ + " (expected one of " +
                                          Join(allowed, ", ") + ")");
          v.reset();
        }
        break;
      }
      case AttrKind::kInt: {
        const hcl::Value& val = a->value;
        const std::string& text = val.number_text();
        bool integral = val.kind() == hcl::Value::Kind::kNumber &&
                        text.find_first_of(".eE") == std::string::npos;
        if (integral) {
          v = text;
        } else {
          WrongKind(*a, "an integer");
        }
        break;
      }
      case AttrKind::kRawSQL: {
        const hcl::Value& val = a->value;
        if (val.kind() == hcl::Value::Kind::kRawSQL || val.kind() == hcl::Value::Kind::kString) {
          v = val.str();
        } else {
          WrongKind(*a, "sql(\"...\") or a string");
        }
        break;
      }
      case AttrKind::kColumnRefList: {
        auto refs = RefList(spec.hcl_name);
        if (!refs) break;
        std::vector<std::string> cols;
        bool good = true;
        for (const auto& [path, range] : *refs) {
          // column.<c>, or table.<t>.column.<c> / table.<s>.<t>.column.<c>.
          if (path.size() < 2 || path[path.size() - 2] != "column" ||
              (path.size() > 2 && path[0] != "table")) {
            dec_->Error(range, "invalid column reference " + RefText(path) + " in attribute \"" +
                                   spec.hcl_name + "\" of " + what_ + " (expected column.<name>)");
            good = false;
            continue;
          }
          cols.push_back(path.back());
        }
        if (good && !cols.empty()) v = Join(cols, ",");
        break;
      }
      // Object attributes: Decoder::ObjectAttr reads them.
      case AttrKind::kType:
      case AttrKind::kColumnRef:
      case AttrKind::kExpr: break;
    }
    if (!v) return;
    if (spec.kind == AttrKind::kIdentifier && spec.underscore_spaces) *v = ReplaceAll(*v, "_", " ");
    // Defaults are not stored: "set to the default" equals "not set".
    if (!spec.default_value.empty() && *v == spec.default_value) return;
    opts->Set(spec.option_key, *v);
  }
}

bool BlockReader::Labels(size_t min, size_t max) {
  size_t n = block_.labels.size();
  if (n >= min && n <= max) return true;
  std::string want;
  if (max == 0) {
    want = "takes no labels";
  } else if (min == max) {
    want = "requires " + std::to_string(min) + (min == 1 ? " label" : " labels");
  } else if (min == 0) {
    want = "takes at most " + std::to_string(max) + (max == 1 ? " label" : " labels");
  } else {
    want = "requires " + std::to_string(min) + " or " + std::to_string(max) + " labels";
  }
  dec_->Error(block_.range, "block \"" + block_.type + "\" " + want + ", got " + std::to_string(n));
  return false;
}

void BlockReader::Finish() {
  for (const auto& a : block_.attributes)
    if (!known_attrs_.count(a.name))
      dec_->Error(a.range, "unknown attribute \"" + a.name + "\" in " + what_);
  for (const auto& b : block_.blocks)
    if (!known_blocks_.count(b.type))
      dec_->Error(b.range, "unknown block type \"" + b.type + "\" in " + what_);
}

}  // namespace strata::spec::internal
