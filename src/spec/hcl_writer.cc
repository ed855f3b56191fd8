#include "spec/hcl_writer.h"

#include <algorithm>

#include "hcl/hcl.h"

namespace strata::spec {

HclBody::~HclBody() = default;

void HclBody::Attr(const std::string& name, std::string value) {
  Item it;
  it.name = name;
  it.value = std::move(value);
  items_.push_back(std::move(it));
}

HclBody& HclBody::Block(const std::string& type, const std::vector<std::string>& labels) {
  Item it;
  it.header = type;
  for (const auto& l : labels) it.header += " " + hcl::Quote(l);
  it.body = std::make_unique<HclBody>();
  items_.push_back(std::move(it));
  return *items_.back().body;
}

void HclBody::Render(int depth, std::string* out) const {
  const std::string indent(static_cast<size_t>(depth) * 2, ' ');
  for (size_t i = 0; i < items_.size();) {
    if (items_[i].body) {
      const Item& b = items_[i++];
      *out += indent + b.header + " {\n";
      b.body->Render(depth + 1, out);
      *out += indent + "}\n";
      continue;
    }
    // hclwrite aligns `=` over a run of attribute lines; a block (or the
    // end of the body) ends the run.
    size_t end = i;
    size_t width = 0;
    while (end < items_.size() && !items_[end].body)
      width = std::max(width, items_[end++].name.size());
    for (; i < end; ++i) {
      const Item& a = items_[i];
      *out += indent + a.name + std::string(width - a.name.size(), ' ') + " = " + a.value + "\n";
    }
  }
}

std::string RenderFile(const HclBody& root) {
  std::string out;
  root.Render(0, &out);
  return out;
}

}  // namespace strata::spec
