#include "dialect/postgres/normalize.h"

#include <cctype>
#include <string_view>

#include "base/strings.h"
#include "dialect/postgres/types.h"

namespace strata::dialect::postgres {
namespace {

const char* const kFlagOptions[] = {"unlogged", "deferrable", "initially_deferred", "not_valid",
                                    "no_inherit", "constraint", "nulls_first", "nulls_last",
                                    "row_security_enabled", "row_security_enforced", "exclude"};

void DropFalseFlags(schema::Options& o) {
  for (const char* k : kFlagOptions)
    if (o.Has(k) && o.Get(k) != "true") o.Erase(k);
  if (o.Has("nulls_distinct") && o.Get("nulls_distinct") != "false") o.Erase("nulls_distinct");
}

}  // namespace

std::string StripOuterParens(std::string s) {
  s = Trim(s);
  while (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    int depth = 0;
    char quote = 0;
    bool wraps = true;
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '\'' || c == '"') quote = c;
      else if (c == '(') ++depth;
      else if (c == ')' && --depth == 0 && i + 1 < s.size()) {
        wraps = false;
        break;
      }
    }
    if (!wraps) break;
    s = Trim(s.substr(1, s.size() - 2));
  }
  return s;
}

std::string StripLiteralCast(const std::string& expr) {
  std::string e = StripOuterParens(expr);
  if (e.empty() || (e[0] != '\'' && !(e.size() > 1 && (e[0] == 'E' || e[0] == 'e') && e[1] == '\'')))
    return e;
  size_t i = e[0] == '\'' ? 1 : 2;
  for (; i < e.size(); ++i) {
    if (e[i] == '\\' && e[0] != '\'') {
      ++i;
      continue;
    }
    if (e[i] == '\'') {
      if (i + 1 < e.size() && e[i + 1] == '\'') {
        ++i;
        continue;
      }
      break;
    }
  }
  if (i >= e.size()) return e;
  std::string rest = e.substr(i + 1);
  if (rest.empty() || !StartsWith(rest, "::")) return e;
  for (char c : rest)
    if (!std::isalnum(static_cast<unsigned char>(c)) &&
        std::string_view(":_ ().,[]\"").find(c) == std::string_view::npos)
      return e;
  return e.substr(0, i + 1);
}

void NormalizeTable(schema::Table& t) {
  DropFalseFlags(t.options);
  for (auto& c : t.columns) {
    // User-defined types (Type::schema set) are already canonical.
    if (c.type.schema.empty() && (!c.type.raw.empty() || !c.type.name.empty())) {
      std::string text = c.type.unsupported || c.type.name.empty() ? c.type.raw : FormatType(c.type);
      c.type = ParseType(text);
    }
    DropFalseFlags(c.options);
    if (c.options.Has("identity")) {
      std::string v = ToUpper(ReplaceAll(c.options.Get("identity"), "_", " "));
      c.options.Set("identity", v.empty() ? "BY DEFAULT" : v);
    }
  }
  auto norm_index = [](schema::Index& idx) {
    DropFalseFlags(idx.options);
    if (idx.options.Has("type")) {
      std::string ty = ToUpper(idx.options.Get("type"));
      if (ty == "BTREE") idx.options.Erase("type");
      else idx.options.Set("type", ty);
    }
    if (idx.options.Get("page_per_range") == "128") idx.options.Erase("page_per_range");  // BRIN default
    for (auto& p : idx.parts) DropFalseFlags(p.options);
  };
  if (t.primary_key) norm_index(*t.primary_key);
  for (auto& idx : t.indexes) norm_index(idx);
  for (auto& fk : t.foreign_keys) {
    DropFalseFlags(fk.options);
    if (fk.on_update == schema::ReferenceAction::kNone) fk.on_update = schema::ReferenceAction::kNoAction;
    if (fk.on_delete == schema::ReferenceAction::kNone) fk.on_delete = schema::ReferenceAction::kNoAction;
    if (fk.options.Get("match") == "SIMPLE") fk.options.Erase("match");
  }
  for (auto& ck : t.checks) DropFalseFlags(ck.options);
}

}  // namespace strata::dialect::postgres
