#include "dialect/sqlite/normalize.h"

#include "base/strings.h"
#include "dialect/sqlite/literal.h"

namespace strata::dialect::sqlite {
namespace {

void NormalizeFlag(schema::Options& o, const std::string& key) {
  if (o.Has(key) && !o.Flag(key)) o.Erase(key);
}

// The collation as SQLite compares names (case-insensitively), "" for BINARY.
std::string Collation(const schema::Options& o) {
  std::string c = ToUpper(Trim(o.Get("collate")));
  return c == "BINARY" ? "" : c;
}

}  // namespace

void NormalizeTable(schema::Table& t) {
  t.comment.clear();
  NormalizeFlag(t.options, "strict");
  NormalizeFlag(t.options, "without_rowid");
  t.options.Erase("charset");
  t.options.Erase("collate");
  for (auto& c : t.columns) {
    c.comment.clear();
    c.options.Erase("charset");
    NormalizeFlag(c.options, "auto_increment");
    std::string coll = Collation(c.options);
    if (coll.empty()) {
      c.options.Erase("collate");
    } else {
      c.options.Set("collate", coll);
    }
    if (c.generated) {
      c.generated->type = ToUpper(Trim(c.generated->type));
      if (c.generated->type.empty()) c.generated->type = "VIRTUAL";
    }
  }
  auto normalize_parts = [&](schema::Index& idx) {
    idx.comment.clear();
    for (auto& p : idx.parts) {
      std::string coll = Collation(p.options);
      const schema::Column* col = p.column.empty() ? nullptr : t.FindColumn(p.column);
      std::string own = col ? Collation(col->options) : "";
      if (coll.empty() || (!p.column.empty() && coll == own)) {
        p.options.Erase("collate");
      } else {
        p.options.Set("collate", coll);
      }
    }
  };
  if (t.primary_key) normalize_parts(*t.primary_key);
  for (auto& idx : t.indexes) normalize_parts(idx);
  for (auto& fk : t.foreign_keys) {
    if (IsUnsignedInteger(fk.symbol)) fk.symbol.clear();
    NormalizeFlag(fk.options, "deferrable");
    NormalizeFlag(fk.options, "initially_deferred");
  }
}

}  // namespace strata::dialect::sqlite
