// Realm-level decoding: schema, view and trigger blocks, reference
// resolution across schemas, and the public entry points.
#include "spec/decode.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "base/strings.h"
#include "spec/decoder.h"
#include "spec/trigger_events.h"

namespace strata::spec {
namespace internal {
namespace {

std::string Quoted(const std::string& s) { return GoQuote(s); }

// SQL definitions read from heredocs end with a newline; the model keeps
// the statement itself. Whitespace-only lines become empty: Atlas prints a
// blank line of a multi-line definition indented like the others, and
// `<<-` leaves such lines alone, so this undoes the indentation.
std::string TrimDefinition(const std::string& s) {
  size_t end = s.find_last_not_of(" \t\r\n");
  if (end == std::string::npos) return "";
  std::vector<std::string> lines = Split(s.substr(0, end + 1), "\n");
  for (auto& l : lines)
    if (l.find_first_not_of(" \t\r") == std::string::npos) l.clear();
  return Join(lines, "\n");
}

bool IsCreateStatement(const std::string& def) { return StartsWith(ToUpper(Trim(def)), "CREATE"); }

}  // namespace

schema::Realm Decoder::Decode(const hcl::Document& doc) {
  for (const auto& a : doc.attributes)
    Error(a.range, "unknown attribute \"" + a.name + "\" at the top level");
  // Schemas first, so that every table can resolve `schema = schema.x`
  // whatever the block order; then tables, so that foreign keys, views and
  // triggers can refer to any of them.
  for (const auto& b : doc.blocks)
    if (b.type == "schema") DecodeSchemaBlock(b);
  CollectObjectNames(doc);
  for (const auto& b : doc.blocks)
    if (b.type == "table") DecodeTable(b);
  for (const auto& p : pending_fks_) DecodeForeignKey(p);
  for (const auto& b : doc.blocks)
    if (const ObjectSpec* os = d_.FindObject(b.type)) DecodeObject(b, *os);
  for (const auto& b : doc.blocks) {
    if (b.type == "view" && d_.views) DecodeView(b, /*materialized=*/false);
    if (b.type == "materialized" && d_.materialized_views) DecodeView(b, /*materialized=*/true);
  }
  for (const auto& b : doc.blocks)
    if (b.type == "trigger" && d_.triggers) DecodeTrigger(b);
  for (const auto& p : pending_deps_) ResolveDeps(p);
  for (const auto& b : doc.blocks) {
    bool known = b.type == "schema" || b.type == "table" || (b.type == "view" && d_.views) ||
                 (b.type == "materialized" && d_.materialized_views) ||
                 (b.type == "trigger" && d_.triggers) || d_.FindObject(b.type) != nullptr ||
                 // Consumed by evaluation; tolerated if an evaluator keeps them.
                 b.type == "variable" || b.type == "locals";
    if (!known) Error(b.range, "unknown block type \"" + b.type + "\"");
  }
  return std::move(realm_);
}

std::optional<size_t> Decoder::SchemaByLabel(const std::string& label,
                                             const std::string* key) const {
  std::vector<size_t> found;
  for (const auto& s : schema_labels_)
    if (s.label == label && (key == nullptr || realm_.schemas[s.index].name == *key))
      found.push_back(s.index);
  // for_each-expanded schemas share a label; `schema.tenant["a"]` picks the
  // one named by the key (the evaluated document keeps no for_each keys, so
  // this relies on Atlas's idiom `name = each.value` over a set).
  if (found.size() == 1) return found[0];
  if (!found.empty() || key != nullptr) return std::nullopt;
  // A schema whose `name` overrides its label may also be found by name.
  for (size_t i = 0; i < realm_.schemas.size(); ++i)
    if (realm_.schemas[i].name == label) return i;
  return std::nullopt;
}

void Decoder::DecodeSchemaBlock(const hcl::Block& b) {
  std::string label = b.labels.empty() ? "" : b.labels[0];
  BlockReader r(this, b, "schema " + Quoted(label));
  bool labels_ok = r.Labels(1, 1);
  schema::Schema s;
  s.name = label;
  if (auto n = r.String("name")) s.name = *n;
  if (auto c = r.String("comment")) s.comment = *c;
  r.Extra(ObjectKind::kSchema, &s.options);
  s.pos = b.range;
  r.Finish();
  if (!labels_ok) return;
  for (const auto& other : schema_labels_) {
    // Blocks expanded by for_each share their label; names must differ.
    if (realm_.schemas[other.index].name == s.name) {
      Error(b.range, "schema " + Quoted(s.name) + " is defined more than once");
      return;
    }
  }
  schema_labels_.push_back({label, realm_.schemas.size()});
  realm_.schemas.push_back(std::move(s));
}

std::optional<size_t> Decoder::SchemaOf(BlockReader& r) {
  const hcl::Attribute* a = r.Required("schema");
  if (a == nullptr) return std::nullopt;
  const hcl::Value& v = a->value;
  const auto& path = v.path();
  if (v.kind() != hcl::Value::Kind::kRef || path.size() < 2 || path.size() > 3 ||
      path[0] != "schema") {
    r.WrongKind(*a, "a schema reference (schema.<name>)");
    return std::nullopt;
  }
  auto idx = SchemaByLabel(path[1], path.size() == 3 ? &path[2] : nullptr);
  if (!idx) {
    std::string name = path.size() == 3 ? path[1] + "[" + Quoted(path[2]) + "]" : path[1];
    Error(a->value_range, "schema " + Quoted(name) + " was not found for " + r.what());
  }
  return idx;
}

std::optional<std::pair<size_t, std::string>> Decoder::ResolveObjectRef(
    const std::vector<std::string>& path, size_t from_schema, const SourceRange& at,
    const std::string& what) {
  const std::string& kind = path.empty() ? "" : path[0];
  auto exists = [&](size_t s, const std::string& name) {
    const schema::Schema& sc = realm_.schemas[s];
    if (kind == "table") return sc.FindTable(name) != nullptr;
    const schema::View* v = sc.FindView(name);
    return v != nullptr && v->materialized == (kind == "materialized");
  };
  bool kind_ok = kind == "table" || kind == "view" || kind == "materialized";
  if (!kind_ok || path.size() < 2 || path.size() > 3) {
    Error(at, "invalid reference " + RefText(path) + " in " + what +
                  " (expected table.<name>, view.<name> or a schema-qualified form)");
    return std::nullopt;
  }
  if (path.size() == 3) {
    auto s = SchemaByLabel(path[1], nullptr);
    if (!s || !exists(*s, path[2])) {
      Error(at, kind + " " + Quoted(path[1] + "." + path[2]) + " was not found (referenced by " +
                    what + ")");
      return std::nullopt;
    }
    return std::make_pair(*s, path[2]);
  }
  // Unqualified: the referring object's schema first, then a unique match.
  const std::string& name = path[1];
  if (from_schema < realm_.schemas.size() && exists(from_schema, name))
    return std::make_pair(from_schema, name);
  std::vector<size_t> found;
  for (size_t i = 0; i < realm_.schemas.size(); ++i)
    if (exists(i, name)) found.push_back(i);
  if (found.size() == 1) return std::make_pair(found[0], name);
  if (found.empty()) {
    Error(at, kind + " " + Quoted(name) + " was not found (referenced by " + what + ")");
  } else {
    Error(at, kind + " " + Quoted(name) + " exists in several schemas; qualify the reference as " +
                  kind + ".<schema>." + name + " (in " + what + ")");
  }
  return std::nullopt;
}

void Decoder::DecodeView(const hcl::Block& b, bool materialized) {
  const char* kind = materialized ? "materialized view " : "view ";
  std::string name = b.labels.empty() ? "" : b.labels.back();
  BlockReader r(this, b, kind + Quoted(name));
  bool ok = r.Labels(1, 2);
  auto schema_idx = SchemaOf(r);
  schema::View v;
  v.name = name;
  v.materialized = materialized;
  v.pos = b.range;
  for (const hcl::Block* cb : r.Blocks("column")) {
    std::string cname = cb->labels.empty() ? "" : cb->labels[0];
    BlockReader cr(this, *cb, "column " + Quoted(cname) + " of " + r.what());
    bool cok = cr.Labels(1, 1);
    schema::ViewColumn c;
    c.name = cname;
    if (const hcl::Attribute* t = cr.Required("type")) {
      if (auto ty = DecodeType(*t, cname)) c.type = *ty;
    }
    // Informational only: the model does not diff view columns.
    cr.Bool("null");
    cr.String("comment");
    cr.Finish();
    if (cok) v.columns.push_back(std::move(c));
  }
  if (r.Get("as") != nullptr) {
    if (auto def = r.String("as")) v.def = TrimDefinition(*def);
  } else {
    Error(b.range, "missing 'as' definition for " + r.what());
  }
  if (materialized) {
    // Index blocks as in a table; column references name the view's columns.
    schema::Table rel;
    rel.name = name;
    for (const auto& c : v.columns) rel.columns.push_back(schema::Column{c.name, c.type});
    for (const hcl::Block* ib : r.Blocks("index")) {
      auto idx = DecodeIndex(*ib, rel, /*primary=*/false);
      if (!idx) continue;
      bool dup = std::any_of(v.indexes.begin(), v.indexes.end(), [&](const auto& x) { return x.name == idx->name; });
      if (dup) {
        Error(ib->range, "index " + Quoted(idx->name) + " is defined more than once in " + r.what());
        continue;
      }
      v.indexes.push_back(std::move(*idx));
    }
  }
  if (auto co = r.Identifier("check_option")) v.check_option = ToUpper(*co);
  if (auto c = r.String("comment")) v.comment = *c;
  r.Extra(ObjectKind::kView, &v.options);
  auto deps = r.RefList("depends_on");
  r.Finish();
  if (!ok || !schema_idx) return;
  schema::Schema& s = realm_.schemas[*schema_idx];
  if (s.FindView(name) != nullptr || s.FindTable(name) != nullptr) {
    Error(b.range, r.what() + " conflicts with another table or view in schema " + Quoted(s.name));
    return;
  }
  v.schema = s.name;
  s.views.push_back(std::move(v));
  if (deps) pending_deps_.push_back({*schema_idx, s.views.size() - 1, std::move(*deps), true});
}

void Decoder::ResolveDeps(const PendingDeps& p) {
  schema::Schema& s = realm_.schemas[p.schema];
  std::string what = p.store ? "view " + Quoted(s.views[p.view].name) : "table";
  for (const auto& [path, at] : p.refs) {
    auto target = ResolveObjectRef(path, p.schema, at, what + " depends_on");
    if (!target || !p.store) continue;
    // Stored relative to the view's schema: "table.t", or "table.s.t".
    std::string dep = path[0] + ".";
    if (target->first != p.schema) dep += realm_.schemas[target->first].name + ".";
    s.views[p.view].depends_on.push_back(dep + target->second);
  }
}

void Decoder::DecodeTrigger(const hcl::Block& b) {
  std::string name = b.labels.empty() ? "" : b.labels[0];
  BlockReader r(this, b, "trigger " + Quoted(name));
  bool ok = r.Labels(1, 1);
  schema::Trigger tr;
  tr.name = name;
  tr.pos = b.range;
  std::optional<std::pair<size_t, std::string>> on;
  const schema::Table* on_table = nullptr;
  if (const hcl::Attribute* a = r.Required("on")) {
    if (a->value.kind() != hcl::Value::Kind::kRef) {
      r.WrongKind(*a, "a table or view reference");
    } else {
      on = ResolveObjectRef(a->value.path(), realm_.schemas.size(), a->value_range, r.what());
      if (on) on_table = realm_.schemas[on->first].FindTable(on->second);
    }
  }
  if (d_.trigger_comments)
    if (auto c = r.String("comment"); c && !c->empty()) tr.options.Set(kTriggerComment, *c);
  std::vector<const hcl::Block*> timing;
  std::string timing_name;
  for (const char* t : {"before", "after", "instead_of"}) {
    for (const hcl::Block* tb : r.Blocks(t)) {
      timing.push_back(tb);
      timing_name = t;
    }
  }
  std::vector<TriggerEvent> events;
  if (timing.size() > 1)
    Error(timing[1]->range, r.what() + " has more than one before/after/instead_of block");
  if (!timing.empty()) {
    const hcl::Block& tb = *timing[0];
    BlockReader er(this, tb, tb.type + " block of " + r.what());
    er.Labels(0, 0);
    for (const char* ev : {"insert", "update", "delete", "truncate"})
      if (auto set = er.Bool(ev); set && *set) events.push_back({ToUpper(ev), {}});
    if (auto cols = er.RefList("update_of")) {
      TriggerEvent ev{"UPDATE", {}};
      for (const auto& [path, at] : *cols) {
        if (on_table != nullptr) {
          if (auto c = LocalColumn(path, *on_table, at)) ev.columns.push_back(*c);
        } else if (path.size() >= 2 && path[path.size() - 2] == "column") {
          ev.columns.push_back(path.back());
        }
      }
      // `update = true` next to `update_of` is the same event.
      events.erase(std::remove_if(events.begin(), events.end(),
                                  [](const TriggerEvent& e) { return e.name == "UPDATE"; }),
                   events.end());
      events.push_back(std::move(ev));
    }
    er.Finish();
  }
  std::optional<std::string> for_each = r.Identifier("for");
  // Atlas also spells it `foreach`.
  if (auto fe = r.Identifier("foreach")) {
    if (for_each) Error(b.range, r.what() + " has both \"for\" and \"foreach\"");
    for_each = fe;
  }
  std::optional<std::string> when = r.String("when");
  std::vector<const hcl::Block*> exec;
  if (d_.trigger_execute) exec = r.Blocks("execute");
  if (!exec.empty()) {
    // execute { function = function.f | function.s.f | "f", args = ["a"] }
    BlockReader xr(this, *exec[0], "execute block of " + r.what());
    xr.Labels(0, 0);
    TriggerExecute ex;
    if (const hcl::Attribute* f = xr.Required("function")) {
      const hcl::Value& v = f->value;
      if (v.kind() == hcl::Value::Kind::kRef && v.path().size() >= 2 && v.path().size() <= 3 &&
          v.path()[0] == "function") {
        std::vector<std::string> parts;
        for (size_t i = 1; i < v.path().size(); ++i) parts.push_back(hcl::IsIdentifier(v.path()[i]) && ToLower(v.path()[i]) == v.path()[i] ? v.path()[i] : "\"" + ReplaceAll(v.path()[i], "\"", "\"\"") + "\"");
        ex.function = Join(parts, ".");
      } else if (v.kind() == hcl::Value::Kind::kString) {
        ex.function = v.str();
      } else {
        xr.WrongKind(*f, "a function reference (function.<name>)");
      }
    }
    if (const hcl::Attribute* a = xr.Get("args")) {
      if (a->value.kind() != hcl::Value::Kind::kList) xr.WrongKind(*a, "a list of strings");
      for (const auto& item : a->value.items()) {
        if (item.kind() == hcl::Value::Kind::kString) ex.args.push_back(item.str());
        else xr.WrongKind(*a, "a list of strings");
      }
    }
    xr.Finish();
    if (exec.size() > 1) Error(exec[1]->range, r.what() + " has more than one execute block");
    if (r.Get("as") != nullptr) Error(exec[0]->range, r.what() + " has both \"as\" and an execute block");
    tr.def = FormatTriggerExecute(ex);
  } else if (r.Get("as") != nullptr) {
    if (auto def = r.String("as")) tr.def = TrimDefinition(*def);
  } else {
    Error(b.range, "missing 'as' definition for " + r.what());
  }
  r.Finish();
  if (IsCreateStatement(tr.def)) {
    // The whole statement is the definition; timing blocks would restate
    // (and could contradict) it.
    if (!timing.empty())
      Error(timing[0]->range, r.what() + ": \"as\" holds a full CREATE TRIGGER statement, " +
                                  "remove the " + timing[0]->type + " block");
  } else {
    if (timing.empty()) {
      Error(b.range, "missing before, after or instead_of block in " + r.what());
    } else if (events.empty()) {
      Error(timing[0]->range, r.what() + " defines no events (insert, update, update_of, delete)");
    }
    tr.options.Set(kTriggerTiming, TimingFromBlockName(timing_name));
    tr.options.Set(kTriggerEvents, FormatTriggerEvents(events));
    if (for_each) tr.options.Set(kTriggerForEach, ToUpper(*for_each));
    if (when) tr.options.Set(kTriggerWhen, *when);
  }
  if (!ok || !on) return;
  schema::Schema& s = realm_.schemas[on->first];
  // Names are per table (PostgreSQL); SQLite's schema-wide rule is the server's to enforce.
  bool dup = std::any_of(s.triggers.begin(), s.triggers.end(),
                         [&](const schema::Trigger& t) { return t.name == name && t.table == on->second; });
  if (dup) {
    Error(b.range, r.what() + " is defined more than once on " + Quoted(on->second) + " in schema " + Quoted(s.name));
    return;
  }
  tr.schema = s.name;
  tr.table = on->second;
  s.triggers.push_back(std::move(tr));
}

}  // namespace internal

namespace {

// Errors in source order (file, line, column) read better than in pass
// order; files are compared by name, the order Atlas loads them in.
Status SortedStatus(const Diagnostics& diags) {
  std::vector<Diagnostic> items = diags.items();
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    const auto& x = a.range;
    const auto& y = b.range;
    if (x.filename != y.filename) return x.filename < y.filename;
    if (x.start.line != y.start.line) return x.start.line < y.start.line;
    return x.start.column < y.start.column;
  });
  Diagnostics sorted;
  for (auto& d : items) sorted.Add(std::move(d));
  return sorted.ToStatus();
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IOError("spec: read " + path + ": " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Result<schema::Realm> DecodeRealm(const hcl::Document& doc, const DialectSpec& dialect) {
  Diagnostics diags;
  internal::Decoder dec(dialect, &diags);
  schema::Realm realm = dec.Decode(doc);
  if (diags.HasErrors()) return SortedStatus(diags);
  return realm;
}

Result<schema::Schema> DecodeSchema(const hcl::Document& doc, const DialectSpec& dialect) {
  ASSIGN_OR_RETURN(schema::Realm realm, DecodeRealm(doc, dialect));
  if (realm.schemas.size() != 1) {
    return ParseError("spec: expecting document to contain a single schema, got " +
                      std::to_string(realm.schemas.size()));
  }
  return std::move(realm.schemas[0]);
}

Result<schema::Realm> DecodeSources(const std::vector<std::pair<std::string, std::string>>& sources,
                                    const InputValues& inputs, const DialectSpec& dialect) {
  hcl::EvalOptions opts;
  opts.inputs = inputs;
  if (!sources.empty()) {
    std::string dir = std::filesystem::path(sources[0].first).parent_path().string();
    if (!dir.empty()) opts.base_dir = dir;
  }
  ASSIGN_OR_RETURN(hcl::Document doc, hcl::ParseAndEvaluate(sources, opts));
  return DecodeRealm(doc, dialect);
}

Result<schema::Realm> DecodeFiles(const std::vector<std::string>& paths, const InputValues& inputs,
                                  const DialectSpec& dialect) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> sources;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> files;
      for (const auto& e : fs::directory_iterator(p, ec))
        if (e.is_regular_file() && e.path().extension() == ".hcl")
          files.push_back(e.path().string());
      if (ec) return IOError("spec: read directory " + p + ": " + ec.message());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        ASSIGN_OR_RETURN(std::string src, ReadFile(f));
        sources.emplace_back(f, std::move(src));
      }
      continue;
    }
    ASSIGN_OR_RETURN(std::string src, ReadFile(p));
    sources.emplace_back(p, std::move(src));
  }
  return DecodeSources(sources, inputs, dialect);
}

}  // namespace strata::spec
