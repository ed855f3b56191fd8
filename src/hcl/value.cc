// hcl::Value: constructors, equality, type names and HCL rendering.
#include <algorithm>
#include <cstdlib>

#include "hcl/hcl.h"
#include "hcl/number.h"

namespace strata::hcl {

Value Value::Bool(bool b) {
  Value v;
  v.kind_ = Kind::kBool;
  v.bool_ = b;
  return v;
}

Value Value::Number(double d) {
  Value v;
  v.kind_ = Kind::kNumber;
  v.number_ = d;
  v.str_ = FormatNumber(d);
  return v;
}

Value Value::NumberText(std::string text) {
  Value v;
  v.kind_ = Kind::kNumber;
  v.number_ = std::strtod(text.c_str(), nullptr);
  auto canonical = CanonicalNumberText(text);
  v.str_ = canonical ? *canonical : FormatNumber(v.number_);
  return v;
}

Value Value::String(std::string s) {
  Value v;
  v.kind_ = Kind::kString;
  v.str_ = std::move(s);
  return v;
}

Value Value::List(ValueList items, bool is_set) {
  Value v;
  v.kind_ = Kind::kList;
  v.items_ = std::move(items);
  v.is_set_ = is_set;
  return v;
}

Value Value::Object(ValueMap fields) {
  Value v;
  v.kind_ = Kind::kObject;
  v.fields_ = std::move(fields);
  return v;
}

Value Value::Ref(std::vector<std::string> path) {
  Value v;
  v.kind_ = Kind::kRef;
  v.path_ = std::move(path);
  return v;
}

Value Value::Call(std::string name, ValueList args) {
  Value v;
  v.kind_ = Kind::kCall;
  v.str_ = std::move(name);
  v.items_ = std::move(args);
  return v;
}

Value Value::RawSQL(std::string sql) {
  Value v;
  v.kind_ = Kind::kRawSQL;
  v.str_ = std::move(sql);
  return v;
}

const Value* Value::Field(const std::string& key) const {
  if (kind_ != Kind::kObject) return nullptr;
  for (const auto& [k, v] : fields_)
    if (k == key) return &v;
  return nullptr;
}

std::string Value::TypeName() const {
  switch (kind_) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return "bool";
    case Kind::kNumber:
      return "number";
    case Kind::kString:
      return "string";
    case Kind::kList:
      return is_set_ ? "set" : "list";
    case Kind::kObject:
      return "object";
    case Kind::kRef:
      return "reference";
    case Kind::kCall:
      return "function call";
    case Kind::kRawSQL:
      return "sql expression";
  }
  return "unknown";
}

namespace {

std::string KeyToHCL(const std::string& k) { return IsIdentifier(k) ? k : Quote(k); }

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string Value::ToHCL() const {
  switch (kind_) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return bool_ ? "true" : "false";
    case Kind::kNumber:
      return str_;
    case Kind::kString:
      return Quote(str_);
    case Kind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < items_.size(); ++i) {
        if (i) out += ", ";
        out += items_[i].ToHCL();
      }
      return out + "]";
    }
    case Kind::kObject: {
      if (fields_.empty()) return "{}";
      std::string out = "{ ";
      for (size_t i = 0; i < fields_.size(); ++i) {
        if (i) out += ", ";
        out += KeyToHCL(fields_[i].first) + " = " + fields_[i].second.ToHCL();
      }
      return out + " }";
    }
    case Kind::kRef: {
      std::string out;
      for (size_t i = 0; i < path_.size(); ++i) {
        const std::string& p = path_[i];
        if (i == 0) {
          out += p;
        } else if (IsIdentifier(p)) {
          out += "." + p;
        } else if (AllDigits(p)) {
          out += "[" + p + "]";
        } else {
          out += "[" + Quote(p) + "]";
        }
      }
      return out;
    }
    case Kind::kCall: {
      std::string out = str_ + "(";
      for (size_t i = 0; i < items_.size(); ++i) {
        if (i) out += ", ";
        out += items_[i].ToHCL();
      }
      return out + ")";
    }
    case Kind::kRawSQL:
      return "sql(" + Quote(str_) + ")";
  }
  return "null";
}

bool Value::operator==(const Value& o) const {
  if (kind_ != o.kind_) return false;
  switch (kind_) {
    case Kind::kNull:
      return true;
    case Kind::kBool:
      return bool_ == o.bool_;
    case Kind::kNumber:
      return str_ == o.str_;
    case Kind::kString:
    case Kind::kRawSQL:
      return str_ == o.str_;
    case Kind::kList: {
      if (is_set_ != o.is_set_ || items_.size() != o.items_.size()) return false;
      if (!is_set_) return items_ == o.items_;
      for (const auto& v : items_)
        if (std::find(o.items_.begin(), o.items_.end(), v) == o.items_.end()) return false;
      return true;
    }
    case Kind::kObject: {
      if (fields_.size() != o.fields_.size()) return false;
      for (const auto& [k, v] : fields_) {
        const Value* other = o.Field(k);
        if (other == nullptr || !(*other == v)) return false;
      }
      return true;
    }
    case Kind::kRef:
      return path_ == o.path_;
    case Kind::kCall:
      return str_ == o.str_ && items_ == o.items_;
  }
  return false;
}

const Attribute* Block::Attr(const std::string& name) const {
  for (const auto& a : attributes)
    if (a.name == name) return &a;
  return nullptr;
}

std::vector<const Block*> Block::Children(const std::string& type) const {
  std::vector<const Block*> out;
  for (const auto& b : blocks)
    if (b.type == type) out.push_back(&b);
  return out;
}

}  // namespace strata::hcl
