// Orders changes by phase, then by dependencies inside each phase:
//   1. drop triggers, drop views (dependents first)
//   2. schema creation and schema attributes
//   3. table creation (referenced tables first), table modifications, and
//      schema-level objects (types, sequences, functions before the tables
//      whose columns, defaults or checks name them; policies after their table)
//   4. view creation/modification (after what they select from), triggers
//   5. table and object drops (users first), schema drops
// Inside a phase, a change waits for the changes it depends on; otherwise
// input order is kept (Kahn's algorithm with a min-heap on input position).
#include "plan/order.h"

#include <map>
#include <queue>
#include <set>

#include "base/strings.h"

namespace strata::plan {
namespace {

using namespace schema;  // NOLINT

int Phase(const Change& c) {
  if (std::holds_alternative<DropTrigger>(c) || std::holds_alternative<DropView>(c)) return 0;
  // Objects bound to a table (policies) go before any table change, like
  // triggers: nothing depends on them, and they may block column changes.
  if (const auto* d = std::get_if<DropObject>(&c); d && d->o.options.Has("table")) return 0;
  if (std::holds_alternative<AddSchema>(c) || std::holds_alternative<ModifySchemaAttr>(c)) return 1;
  if (std::holds_alternative<AddTable>(c) || std::holds_alternative<ModifyTable>(c) ||
      std::holds_alternative<RenameTable>(c) || std::holds_alternative<AddObject>(c) ||
      std::holds_alternative<ModifyObject>(c))
    return 2;
  if (std::holds_alternative<DropObject>(c)) return 4;
  if (std::holds_alternative<AddView>(c) || std::holds_alternative<ModifyView>(c) ||
      std::holds_alternative<AddTrigger>(c) || std::holds_alternative<ModifyTrigger>(c))
    return 3;
  if (std::holds_alternative<DropTable>(c)) return 4;
  return 5;  // DropSchema
}

std::string Key(const std::string& schema, const std::string& name) { return schema + "\x1f" + name; }

// Keys of the objects a table's column types, defaults, generated columns
// and checks may name (types, sequences, functions), in any schema.
void ObjectNeeds(const Table& t, std::vector<std::string>& needs) {
  std::set<std::string> words;
  auto add = [&](const std::string& text) {
    for (auto& w : IdentifierWords(text)) words.insert(std::move(w));
  };
  for (const auto& c : t.columns) {
    add(c.type.raw.empty() ? c.type.name : c.type.raw);
    if (c.default_value) add(c.default_value->text);
    if (c.generated) add(c.generated->expr);
  }
  for (const auto& ch : t.checks) add(ch.expr);
  for (const auto& w : words) needs.push_back("o:" + w);
}

// An object's own needs: its schema, the objects its definition and
// options name (a domain's base type, a function's argument types), and the tables it
// is declared on ("table" option, "table.<schema>.<name>" dependencies).
void ObjectNeeds(const Object& o, std::vector<std::string>& needs) {
  needs.push_back("s:" + o.schema);
  const std::string self = ToLower(o.name);
  // Every option value may name a type or a function (a composite's field
  // types, a domain's default and checks, a routine's return type).
  std::string text = o.def + " " + o.signature;
  for (const auto& [k, v] : o.options.items()) text += " " + v;
  for (const auto& w : IdentifierWords(text))
    if (w != self) needs.push_back("o:" + w);
  if (o.options.Has("table")) needs.push_back("t:" + Key(o.schema, o.options.Get("table")));
  // Argument and return types may be a table's or view's row type
  // (RETURNS SETOF t): such a routine comes after the relation.
  for (const auto& w : IdentifierWords(o.signature + " " + o.options.Get("return")))
    if (w != self) needs.push_back("w:" + Key(o.schema, w));
  for (const auto& d : o.depends_on) {
    // "<kind>.<schema>.<name>"
    auto a = d.find('.'), b = d.rfind('.');
    if (a == std::string::npos || a == b) continue;
    std::string kind = d.substr(0, a), schema = d.substr(a + 1, b - a - 1), name = d.substr(b + 1);
    if (kind == "table") needs.push_back("t:" + Key(schema, name));
    else if (kind == "view") needs.push_back("w:" + Key(schema, ToLower(name)));
    else needs.push_back("o:" + ToLower(name));
  }
}

// The objects a change creates or touches, and the objects it needs.
struct Node {
  std::vector<std::string> provides;  // "t:<key>", "v:<key>", "s:<name>"
  std::vector<std::string> needs;
};

Node Describe(const Change& c) {
  Node n;
  auto table_needs = [&](const Table& t) {
    n.needs.push_back("s:" + t.schema);
    ObjectNeeds(t, n.needs);
    for (const auto& fk : t.foreign_keys) {
      std::string rs = fk.ref_schema.empty() ? t.schema : fk.ref_schema;
      if (fk.ref_table != t.name || rs != t.schema) n.needs.push_back("t:" + Key(rs, fk.ref_table));
    }
    // A partition (PostgreSQL's option partition_of) comes after its parent.
    if (std::string parent = t.options.Get("partition_of"); !parent.empty())
      n.needs.push_back("t:" + Key(t.options.Get("partition_of_schema", t.schema), parent));
  };
  auto words_needs = [&](const std::string& schema, const std::string& def, const std::string& self) {
    n.needs.push_back("s:" + schema);
    for (const auto& w : IdentifierWords(def))
      if (w != ToLower(self)) n.needs.push_back("w:" + Key(schema, w));
  };
  if (const auto* a = std::get_if<AddSchema>(&c)) n.provides.push_back("s:" + a->s.name);
  if (const auto* a = std::get_if<AddTable>(&c)) {
    n.provides.push_back("t:" + Key(a->t.schema, a->t.name));
    n.provides.push_back("w:" + Key(a->t.schema, ToLower(a->t.name)));
    table_needs(a->t);
  }
  if (const auto* m = std::get_if<ModifyTable>(&c)) {
    n.provides.push_back("t:" + Key(m->to.schema, m->to.name));
    n.provides.push_back("w:" + Key(m->to.schema, ToLower(m->to.name)));
    table_needs(m->to);
  }
  if (const auto* r = std::get_if<RenameTable>(&c)) {
    n.provides.push_back("t:" + Key(r->to.schema, r->to.name));
    n.provides.push_back("w:" + Key(r->to.schema, ToLower(r->to.name)));
  }
  // A view's recorded dependencies ("table.<schema>.<name>", "view.s.v",
  // "materialized.s.m", or without the schema): relations of other schemas.
  auto view_deps = [&](const View& v) {
    for (const auto& d : v.depends_on) {
      auto a = d.find('.'), b = d.rfind('.');
      if (a == std::string::npos) continue;
      std::string schema = a == b ? v.schema : d.substr(a + 1, b - a - 1);
      n.needs.push_back("w:" + Key(schema, ToLower(d.substr(b + 1))));
    }
  };
  if (const auto* a = std::get_if<AddView>(&c)) {
    n.provides.push_back("w:" + Key(a->v.schema, ToLower(a->v.name)));
    words_needs(a->v.schema, a->v.def, a->v.name);
    view_deps(a->v);
  }
  if (const auto* m = std::get_if<ModifyView>(&c)) {
    n.provides.push_back("w:" + Key(m->to.schema, ToLower(m->to.name)));
    words_needs(m->to.schema, m->to.def, m->to.name);
    view_deps(m->to);
  }
  if (const auto* a = std::get_if<AddTrigger>(&c)) words_needs(a->t.schema, a->t.def, a->t.name);
  if (const auto* m = std::get_if<ModifyTrigger>(&c)) words_needs(m->to.schema, m->to.def, m->to.name);
  // A dropped trigger goes before the view it is on (drops reverse the edge).
  if (const auto* d = std::get_if<DropTrigger>(&c)) n.needs.push_back("w:" + Key(d->t.schema, ToLower(d->t.table)));
  auto object_provides = [&](const Object& o) {
    n.provides.push_back("o:" + ToLower(o.name));
    n.provides.push_back("w:" + Key(o.schema, ToLower(o.name)));
    ObjectNeeds(o, n.needs);
  };
  if (const auto* a = std::get_if<AddObject>(&c)) object_provides(a->o);
  if (const auto* m = std::get_if<ModifyObject>(&c)) object_provides(m->to);
  if (const auto* d = std::get_if<DropObject>(&c)) object_provides(d->o);
  // Drops: a dropped object "needs" its dependents to go first, which we
  // express by providing the names of what it references, reversed below.
  if (const auto* d = std::get_if<DropTable>(&c)) {
    n.provides.push_back("t:" + Key(d->t.schema, d->t.name));
    n.provides.push_back("w:" + Key(d->t.schema, ToLower(d->t.name)));  // its row type
    table_needs(d->t);
  }
  if (const auto* d = std::get_if<DropView>(&c)) {
    n.provides.push_back("w:" + Key(d->v.schema, ToLower(d->v.name)));
    words_needs(d->v.schema, d->v.def, d->v.name);
    view_deps(d->v);
  }
  return n;
}

bool IsDrop(const Change& c) {
  return std::holds_alternative<DropTable>(c) || std::holds_alternative<DropView>(c) ||
         std::holds_alternative<DropObject>(c) ||
         std::holds_alternative<DropTrigger>(c) || std::holds_alternative<DropSchema>(c);
}

// Sorts one phase. For creations an edge runs provider -> consumer; for
// drops it is reversed (consumers are dropped before what they use).
std::vector<size_t> SortPhase(const ChangeList& all, const std::vector<size_t>& idx) {
  std::vector<Node> nodes;
  std::map<std::string, std::vector<size_t>> providers;
  for (size_t i = 0; i < idx.size(); ++i) {
    nodes.push_back(Describe(all[idx[i]]));
    for (const auto& p : nodes.back().provides) providers[p].push_back(i);
  }
  std::vector<std::vector<size_t>> out_edges(idx.size());
  std::vector<int> indeg(idx.size(), 0);
  for (size_t i = 0; i < idx.size(); ++i) {
    std::set<size_t> seen;
    for (const auto& need : nodes[i].needs) {
      auto it = providers.find(need);
      if (it == providers.end()) continue;
      for (size_t j : it->second) {
        if (j == i || !seen.insert(j).second) continue;
        bool drop = IsDrop(all[idx[i]]);
        size_t from = drop ? i : j, to = drop ? j : i;
        out_edges[from].push_back(to);
        ++indeg[to];
      }
    }
  }
  std::priority_queue<size_t, std::vector<size_t>, std::greater<>> ready;
  for (size_t i = 0; i < idx.size(); ++i)
    if (indeg[i] == 0) ready.push(i);
  std::vector<size_t> order;
  std::vector<bool> done(idx.size(), false);
  while (order.size() < idx.size()) {
    if (ready.empty()) {
      // A cycle: release the earliest remaining change and go on.
      for (size_t i = 0; i < idx.size(); ++i)
        if (!done[i]) {
          indeg[i] = 0;
          ready.push(i);
          break;
        }
    }
    size_t i = ready.top();
    ready.pop();
    if (done[i]) continue;
    done[i] = true;
    order.push_back(idx[i]);
    for (size_t j : out_edges[i])
      if (!done[j] && --indeg[j] == 0) ready.push(j);
  }
  return order;
}

}  // namespace

ChangeList OrderChanges(ChangeList changes) {
  std::vector<std::vector<size_t>> phases(6);
  for (size_t i = 0; i < changes.size(); ++i) phases[Phase(changes[i])].push_back(i);
  ChangeList out;
  out.reserve(changes.size());
  for (const auto& p : phases)
    for (size_t i : SortPhase(changes, p)) out.push_back(std::move(changes[i]));
  return out;
}

}  // namespace strata::plan
