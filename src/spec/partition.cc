#include "spec/partition.h"

#include <cctype>

#include "base/strings.h"
#include "hcl/hcl.h"
#include "spec/decoder.h"

namespace strata::spec {
namespace {

// Splits at top-level commas, outside parentheses and quotes.
std::vector<std::string> SplitTop(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  char quote = 0;
  for (char c : s) {
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == ',' && depth == 0) {
      out.push_back(Trim(cur));
      cur.clear();
      continue;
    }
    cur += c;
  }
  if (!Trim(cur).empty()) out.push_back(Trim(cur));
  return out;
}

// True when the parenthesis at s[0] closes at the end.
bool Wrapped(const std::string& s) {
  if (s.size() < 2 || s.front() != '(' || s.back() != ')') return false;
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0 && i + 1 < s.size()) return false;
  }
  return true;
}

bool IsPlainIdent(const std::string& s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '$') return false;
  return true;
}

std::string QuoteIdent(const std::string& s) { return "\"" + ReplaceAll(s, "\"", "\"\"") + "\""; }

}  // namespace

std::optional<PartitionKey> ParsePartitionKey(const std::string& text) {
  std::string s = Trim(text);
  size_t open = s.find('(');
  if (open == std::string::npos || s.back() != ')') return std::nullopt;
  PartitionKey k;
  k.type = ToUpper(Trim(s.substr(0, open)));
  if (k.type.empty()) return std::nullopt;
  for (const auto& item : SplitTop(s.substr(open + 1, s.size() - open - 2))) {
    PartitionKey::Part p;
    if (IsPlainIdent(item)) {
      p.column = item;
    } else if (item.size() >= 2 && item.front() == '"' && item.back() == '"' &&
               item.find('"', 1) == item.size() - 1) {
      p.column = item.substr(1, item.size() - 2);
    } else {
      std::string e = item;
      while (Wrapped(e)) e = Trim(e.substr(1, e.size() - 2));
      p.expr = e;
    }
    k.parts.push_back(std::move(p));
  }
  if (k.parts.empty()) return std::nullopt;
  return k;
}

std::string FormatPartitionKey(const PartitionKey& k) {
  std::vector<std::string> items;
  for (const auto& p : k.parts) items.push_back(p.column.empty() ? "(" + p.expr + ")" : QuoteIdent(p.column));
  return k.type + " (" + Join(items, ", ") + ")";
}

void EncodePartitionOf(const schema::Table& t, HclBody& b) {
  std::string parent = t.options.Get("partition_of");
  if (parent.empty()) return;
  auto step = [](const std::string& n) { return hcl::IsIdentifier(n) ? "." + n : "[" + hcl::Quote(n) + "]"; };
  // A parent in another schema: table.<schema>.<name>.
  std::string schema = t.options.Get("partition_of_schema");
  b.Attr("partition_of", "table" + (schema.empty() ? "" : step(schema)) + step(parent));
}

void EncodePartitionBlock(const schema::Table& t, HclBody& b) {
  std::string text = t.options.Get("partition");
  if (text.empty()) return;
  auto k = ParsePartitionKey(text);
  HclBody& pb = b.Block("partition");
  if (!k) {
    // Unknown shape: kept verbatim so nothing is lost.
    pb.Attr("type", hcl::Quote(text));
    return;
  }
  pb.Attr("type", hcl::IsIdentifier(k->type) ? k->type : hcl::Quote(k->type));
  bool columns_only = true;
  for (const auto& p : k->parts) columns_only &= !p.column.empty();
  if (columns_only) {
    std::vector<std::string> cols;
    for (const auto& p : k->parts)
      cols.push_back(hcl::IsIdentifier(p.column) ? "column." + p.column : "column[" + hcl::Quote(p.column) + "]");
    pb.Attr("columns", "[" + Join(cols, ", ") + "]");
    return;
  }
  for (const auto& p : k->parts) {
    HclBody& by = pb.Block("by");
    if (!p.column.empty()) {
      by.Attr("column", hcl::IsIdentifier(p.column) ? "column." + p.column : "column[" + hcl::Quote(p.column) + "]");
    } else {
      by.Attr("expr", hcl::Quote(p.expr));
    }
  }
}

namespace internal {

void DecodeTablePartition(Decoder* dec, BlockReader& r, schema::Table& t) {
  if (const hcl::Attribute* a = r.Get("partition_of")) {
    const hcl::Value& v = a->value;
    if (v.kind() == hcl::Value::Kind::kRef && v.path().size() >= 2 && v.path().size() <= 3 && v.path()[0] == "table") {
      t.options.Set("partition_of", v.path().back());
      // table.<schema>.<name>; dropped again when it is the table's own schema.
      if (v.path().size() == 3) t.options.Set("partition_of_schema", v.path()[1]);
    } else if (v.kind() == hcl::Value::Kind::kString) {
      t.options.Set("partition_of", v.str());
    } else {
      r.WrongKind(*a, "a table reference (table.<name>)");
    }
  }
  auto blocks = r.Blocks("partition");
  if (blocks.empty()) return;
  if (blocks.size() > 1) dec->Error(blocks[1]->range, r.what() + " has more than one partition block");
  BlockReader pr(dec, *blocks[0], "partition block of " + r.what());
  pr.Labels(0, 0);
  PartitionKey k;
  if (auto ty = pr.Required("type") ? pr.Identifier("type") : std::nullopt) k.type = ToUpper(*ty);
  // Columns are checked against the table unless it is itself a partition
  // (whose columns come from its parent and are not repeated).
  bool check = t.options.Get("partition_of").empty();
  auto column = [&](const std::vector<std::string>& path, const SourceRange& at) -> std::optional<std::string> {
    if (path.size() != 2 || path[0] != "column") {
      dec->Error(at, "invalid column reference " + RefText(path) + " in " + pr.what() + " (expected column.<name>)");
      return std::nullopt;
    }
    if (check && t.FindColumn(path[1]) == nullptr) {
      dec->Error(at, "column " + GoQuote(path[1]) + " was not found in table " + GoQuote(t.name));
      return std::nullopt;
    }
    return path[1];
  };
  if (auto refs = pr.RefList("columns")) {
    for (const auto& [path, at] : *refs)
      if (auto c = column(path, at)) k.parts.push_back({*c, ""});
  }
  for (const hcl::Block* bb : pr.Blocks("by")) {
    BlockReader br(dec, *bb, "by block of " + pr.what());
    br.Labels(0, 0);
    const hcl::Attribute* col = br.Get("column");
    auto expr = br.String("expr");
    if ((col != nullptr) == expr.has_value()) {
      dec->Error(bb->range, "\"column\" or \"expr\" is required in " + br.what());
    } else if (col != nullptr) {
      if (col->value.kind() != hcl::Value::Kind::kRef) {
        br.WrongKind(*col, "a column reference");
      } else if (auto c = column(col->value.path(), col->value_range)) {
        k.parts.push_back({*c, ""});
      }
    } else {
      k.parts.push_back({"", *expr});
    }
    br.Finish();
  }
  pr.Finish();
  if (k.parts.empty()) {
    dec->Error(blocks[0]->range, "missing columns or by blocks in " + pr.what());
    return;
  }
  if (!k.type.empty()) t.options.Set("partition", FormatPartitionKey(k));
}

}  // namespace internal
}  // namespace strata::spec
