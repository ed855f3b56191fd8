#include "dialect/exclude.h"

#include <fnmatch.h>

#include <algorithm>

#include "base/strings.h"

namespace strata::dialect {
namespace {

// Splits "a.b.c" at dots; a part may be double-quoted to contain dots
// ("\"a.b\".c"), as Atlas reads patterns with a CSV reader.
Result<std::vector<std::string>> SplitPattern(const std::string& p) {
  if (p.empty()) return InvalidArgument("empty pattern: " + GoQuote(p));
  std::vector<std::string> parts;
  std::string cur;
  bool quoted = false, was_quoted = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (quoted) {
      if (c == '"' && i + 1 < p.size() && p[i + 1] == '"') {
        cur += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur += c;
      }
      continue;
    }
    if (c == '"' && cur.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == '.') {
      parts.push_back(std::move(cur));
      cur.clear();
      was_quoted = false;
    } else {
      cur += c;
    }
  }
  if (quoted) return InvalidArgument("unexpected pattern: " + GoQuote(p));
  parts.push_back(std::move(cur));
  return parts;
}

// Go's filepath.Match: '*' and '?' do not cross '/'.
bool Match(const std::string& glob, const std::string& name) {
  return fnmatch(glob.c_str(), name.c_str(), FNM_PATHNAME) == 0;
}

template <typename T, typename Pred>
void EraseIf(std::vector<T>& v, Pred pred) {
  v.erase(std::remove_if(v.begin(), v.end(), pred), v.end());
}

// Removes the columns, indexes, foreign keys and checks of `t` matching
// `glob`, with the indexes and foreign keys that use a removed column.
void ExcludeInTable(schema::Table& t, const std::string& glob) {
  std::vector<std::string> gone;
  for (const auto& c : t.columns)
    if (Match(glob, c.name)) gone.push_back(c.name);
  auto removed = [&](const std::string& col) {
    return std::find(gone.begin(), gone.end(), col) != gone.end();
  };
  auto uses_removed = [&](const schema::Index& idx) {
    return std::any_of(idx.parts.begin(), idx.parts.end(),
                       [&](const schema::IndexPart& p) { return removed(p.column); });
  };
  EraseIf(t.columns, [&](const schema::Column& c) { return removed(c.name); });
  if (t.primary_key && uses_removed(*t.primary_key)) t.primary_key.reset();
  EraseIf(t.indexes, [&](const schema::Index& idx) { return uses_removed(idx) || Match(glob, idx.name); });
  EraseIf(t.foreign_keys, [&](const schema::ForeignKey& fk) {
    return std::any_of(fk.columns.begin(), fk.columns.end(), removed) || Match(glob, fk.symbol);
  });
  EraseIf(t.checks, [&](const schema::Check& c) { return !c.name.empty() && Match(glob, c.name); });
}

// Applies a pattern whose schema part already matched.
void ExcludeInSchema(schema::Schema& s, const std::vector<std::string>& glob) {
  if (glob.size() == 1) {
    EraseIf(s.tables, [&](const schema::Table& t) { return Match(glob[0], t.name); });
    EraseIf(s.views, [&](const schema::View& v) { return Match(glob[0], v.name); });
    // Triggers belong to their table (or view).
    EraseIf(s.triggers,
            [&](const schema::Trigger& tr) { return Match(glob[0], tr.name) || Match(glob[0], tr.table); });
    return;
  }
  for (auto& t : s.tables)
    if (Match(glob[0], t.name)) ExcludeInTable(t, glob[1]);
}

}  // namespace

Status ExcludeRealm(schema::Realm& r, const std::vector<std::string>& patterns) {
  std::vector<std::vector<std::string>> globs;
  for (const auto& p : patterns) {
    ASSIGN_OR_RETURN(auto parts, SplitPattern(p));
    if (parts.size() > 3) return InvalidArgument("too many parts in pattern: " + GoQuote(p));
    globs.push_back(std::move(parts));
  }
  std::vector<schema::Schema> kept;
  for (auto& s : r.schemas) {
    bool drop = false;
    for (const auto& g : globs) {
      if (!Match(g[0], s.name)) continue;
      if (g.size() == 1) {
        drop = true;
        break;
      }
      ExcludeInSchema(s, std::vector<std::string>(g.begin() + 1, g.end()));
    }
    if (!drop) kept.push_back(std::move(s));
  }
  r.schemas = std::move(kept);
  return Status::Ok();
}

Status ExcludeSchema(schema::Schema& s, const std::vector<std::string>& patterns) {
  for (const auto& p : patterns) {
    ASSIGN_OR_RETURN(auto parts, SplitPattern(p));
    if (parts.size() > 2) return InvalidArgument("too many parts in pattern: " + GoQuote(s.name + "." + p));
    ExcludeInSchema(s, parts);
  }
  return Status::Ok();
}

}  // namespace strata::dialect
