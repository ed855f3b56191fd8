// A tiny builder for canonical HCL text, laid out the way Atlas's
// marshaler (hashicorp/hclwrite) prints it: two-space indentation, one
// attribute per line, `=` aligned across each run of consecutive
// attributes, child blocks never separated by blank lines, and an empty
// block printed as `{` newline `}`.
//
// Values are HCL source fragments the caller renders (refs, lists, quoted
// strings, calls), so that e.g. a type call `decimal(10,2)` keeps its bytes
// exactly: hclwrite emits such tokens raw, while re-formatting the whole
// text would respace them.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace strata::spec {

class HclBody {
 public:
  HclBody() = default;
  HclBody(HclBody&&) = default;
  HclBody& operator=(HclBody&&) = default;
  ~HclBody();

  // Appends `name = value`; value is HCL source (may span lines, e.g. a
  // heredoc; it still counts as one attribute for alignment).
  void Attr(const std::string& name, std::string value);
  // Appends a child block and returns its body for filling.
  HclBody& Block(const std::string& type, const std::vector<std::string>& labels = {});
  bool empty() const { return items_.empty(); }

  // The body's lines at the given indentation depth (2 spaces per level).
  void Render(int depth, std::string* out) const;

 private:
  struct Item {
    // Exactly one of the two is used.
    std::string name, value;        // attribute
    std::string header;             // block: `type "l1" "l2"`
    std::unique_ptr<HclBody> body;  // block body
  };
  std::vector<Item> items_;
};

// Renders a whole file: the top-level body, newline-terminated.
std::string RenderFile(const HclBody& root);

}  // namespace strata::spec
