// Views that must be re-created around a column change (see differ.h).
// PostgreSQL rejects ALTER COLUMN TYPE and DROP COLUMN on a column a view
// uses; the plan drops such views first (phase 0 of plan/order) and
// re-creates them after the table changes (phase 3).
#include <map>
#include <set>

#include "base/strings.h"
#include "diff/differ.h"

namespace strata::diff {
namespace {

using namespace schema;  // NOLINT

// Whether view `v` uses the relation `name` of schema `schema`: by its
// recorded dependencies when it has them, else by the words of its query.
bool Uses(const View& v, const std::string& schema, const std::string& name) {
  if (!v.depends_on.empty()) {
    for (const auto& d : v.depends_on) {
      // "table.t", "view.v", "table.s.t", "view.s.v"
      auto dot = d.rfind('.');
      if (dot == std::string::npos || d.substr(dot + 1) != name) continue;
      auto first = d.find('.');
      if (first == dot || d.substr(first + 1, dot - first - 1) == schema) return true;
    }
    return false;
  }
  return IdentifierWords(v.def).count(ToLower(name)) > 0;
}

std::string Key(const std::string& schema, const std::string& name) { return schema + "\x1f" + name; }

}  // namespace

void RecreateDependentViews(const Realm& from, const Realm& to, ChangeList& changes) {
  // Relations whose listed columns change type or go away.
  std::map<std::string, std::set<std::string>> touched;  // key -> lower column names
  for (const auto& c : changes) {
    const auto* m = std::get_if<ModifyTable>(&c);
    if (m == nullptr) continue;
    for (const auto& tc : m->changes) {
      if (const auto* mc = std::get_if<ModifyColumn>(&tc)) {
        if (mc->kind & kChangeType) touched[Key(m->from.schema, m->from.name)].insert(ToLower(mc->from.name));
      } else if (const auto* dc = std::get_if<DropColumn>(&tc)) {
        touched[Key(m->from.schema, m->from.name)].insert(ToLower(dc->c.name));
      }
    }
  }
  if (touched.empty()) return;

  // Views of `from` that use a touched column, then the views built on them.
  std::set<std::string> doomed;
  std::vector<const View*> order;
  for (const auto& s : from.schemas) {
    for (const auto& v : s.views) {
      auto words = IdentifierWords(v.def);
      for (const auto& [key, cols] : touched) {
        auto sep = key.find('\x1f');
        if (!Uses(v, key.substr(0, sep), key.substr(sep + 1))) continue;
        bool uses_col = false;
        for (const auto& c : cols) uses_col = uses_col || words.count(c) > 0;
        if (uses_col && doomed.insert(Key(v.schema, v.name)).second) order.push_back(&v);
      }
    }
  }
  for (size_t i = 0; i < order.size(); ++i) {
    const View* base = order[i];
    for (const auto& s : from.schemas)
      for (const auto& v : s.views)
        if (Uses(v, base->schema, base->name) && doomed.insert(Key(v.schema, v.name)).second)
          order.push_back(&v);
  }

  for (const View* v : order) {
    bool handled = false;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
      if (const auto* d = std::get_if<DropView>(&*it); d && d->v.schema == v->schema && d->v.name == v->name) {
        handled = true;
        break;
      }
      if (const auto* m = std::get_if<ModifyView>(&*it); m && m->from.schema == v->schema && m->from.name == v->name) {
        View target = m->to;
        *it = DropView{*v};
        changes.push_back(AddView{std::move(target)});
        handled = true;
        break;
      }
    }
    if (handled) continue;
    const Schema* ts = to.FindSchema(v->schema);
    const View* target = ts != nullptr ? ts->FindView(v->name) : nullptr;
    if (target == nullptr) continue;  // dropped with its schema
    changes.push_back(DropView{*v});
    changes.push_back(AddView{*target});
  }
}

}  // namespace strata::diff
