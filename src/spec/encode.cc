#include "spec/encode.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "hcl/hcl.h"
#include "spec/encode_object.h"
#include "spec/hcl_writer.h"
#include "spec/literal.h"
#include "spec/partition.h"
#include "spec/trigger_events.h"
#include "spec/type_name.h"

namespace strata::spec {
namespace {

using schema::Schema;
using schema::Table;

// `.name`, or `["name"]` when name is not an HCL identifier.
std::string RefStep(const std::string& name) {
  return hcl::IsIdentifier(name) ? "." + name : "[" + hcl::Quote(name) + "]";
}

std::string Ref(const std::string& type, const std::vector<std::string>& names) {
  std::string s = type;
  for (const auto& n : names) s += RefStep(n);
  return s;
}

std::string List(const std::vector<std::string>& items) { return "[" + Join(items, ", ") + "]"; }

std::string Bool(bool b) { return b ? "true" : "false"; }

// Enum-like values are bare words when they can be (`on_delete = CASCADE`).
std::string IdentOrString(const std::string& v, const std::vector<std::string>& allowed) {
  bool listed =
      allowed.empty() || std::find(allowed.begin(), allowed.end(), ToUpper(v)) != allowed.end();
  return listed && hcl::IsIdentifier(v) ? v : hcl::Quote(v);
}

std::string AttrValueToHCL(const AttrSpec& spec, const std::string& v) {
  switch (spec.kind) {
    case AttrKind::kBool: return v == "true" ? "true" : "false";
    case AttrKind::kString: return hcl::Quote(v);
    case AttrKind::kIdentifier:
      return IdentOrString(spec.underscore_spaces ? ReplaceAll(v, " ", "_") : v, spec.enum_values);
    case AttrKind::kInt: return v;
    case AttrKind::kRawSQL: return SqlCall(v);
    case AttrKind::kColumnRefList: {
      std::vector<std::string> refs;
      for (const auto& c : Split(v, ","))
        if (!c.empty()) refs.push_back(Ref("column", std::vector<std::string>{c}));
      return List(refs);
    }
    // Object attributes (encode_object.cc).
    case AttrKind::kType:
    case AttrKind::kColumnRef:
    case AttrKind::kExpr: return SqlCall(v);
  }
  return hcl::Quote(v);
}

// Prints the dialect attributes of one placement, skipping defaults.
void EncodeExtra(const std::vector<AttrSpec>& specs, const schema::Options& opts,
                 AttrPlacement where, HclBody& body) {
  for (const auto& spec : specs) {
    if (spec.placement != where || !spec.block.empty()) continue;
    const std::string* v = opts.Find(spec.option_key);
    if (v == nullptr || (!spec.default_value.empty() && *v == spec.default_value)) continue;
    body.Attr(spec.hcl_name, AttrValueToHCL(spec, *v));
  }
}

// Prints the dialect attributes that live in nested blocks
// (`identity { generated = ALWAYS }`), one block per name in order of first
// mention, each only when one of its attributes has a value.
void EncodeExtraBlocks(const std::vector<AttrSpec>& specs, const schema::Options& opts,
                       HclBody& body) {
  std::vector<std::string> blocks;
  for (const auto& spec : specs)
    if (!spec.block.empty() && std::find(blocks.begin(), blocks.end(), spec.block) == blocks.end())
      blocks.push_back(spec.block);
  for (const auto& name : blocks) {
    HclBody* b = nullptr;
    for (const auto& spec : specs) {
      if (spec.block != name) continue;
      const std::string* v = opts.Find(spec.option_key);
      if (v == nullptr || (!spec.default_value.empty() && *v == spec.default_value)) continue;
      if (b == nullptr) b = &body.Block(name);
      b->Attr(spec.hcl_name, AttrValueToHCL(spec, *v));
    }
  }
}

// The reference-action identifier: "SET NULL" -> SET_NULL.
std::string ActionIdent(schema::ReferenceAction a) {
  return ReplaceAll(schema::ReferenceActionSQL(a), " ", "_");
}

// Qualifiers for objects whose names repeat across schemas, computed the way
// Atlas does (specutil.QualifyObjects): every object carrying a repeated
// name is qualified with its schema, and so is any object named like a
// schema used as a qualifier (table "s1" in schema "s3" next to table
// "s1" "t1"), which would otherwise read as that qualifier.
class Qualifiers {
 public:
  void Add(const std::string& schema, const std::string& name) { objs_.emplace_back(schema, name); }

  void Compute() {
    std::map<std::string, std::set<std::string>> schemas_by_name;
    for (const auto& [s, n] : objs_) schemas_by_name[n].insert(s);
    std::set<std::string> used;
    for (const auto& [s, n] : objs_)
      if (schemas_by_name[n].size() > 1) {
        qualified_.insert({s, n});
        used.insert(s);
      }
    for (const auto& [s, n] : objs_)
      if (used.count(n)) qualified_.insert({s, n});
  }

  bool Qualified(const std::string& schema, const std::string& name) const {
    return qualified_.count({schema, name}) > 0;
  }

 private:
  std::vector<std::pair<std::string, std::string>> objs_;
  std::set<std::pair<std::string, std::string>> qualified_;
};

class Encoder {
 public:
  Encoder(const DialectSpec& d, bool realm) : d_(d), realm_(realm) {}

  std::string Encode(const std::vector<const Schema*>& schemas) {
    schemas_ = schemas;
    objects_.emplace(d_, schemas);
    if (realm_) {
      for (const Schema* s : schemas) {
        for (const auto& t : s->tables) tables_q_.Add(s->name, t.name);
        for (const auto& v : s->views)
          (v.materialized ? mat_views_q_ : views_q_).Add(s->name, v.name);
      }
      tables_q_.Compute();
      views_q_.Compute();
      mat_views_q_.Compute();
    }
    HclBody root;
    for (const Schema* s : schemas)
      for (const auto& t : s->tables) EncodeTable(*s, t, root);
    objects_->Encode(root);
    for (bool materialized : {false, true})
      for (const Schema* s : schemas)
        for (const auto& v : s->views)
          if (v.materialized == materialized) EncodeView(*s, v, root);
    for (const Schema* s : schemas)
      for (const auto& tr : s->triggers) EncodeTrigger(*s, tr, root);
    for (const Schema* s : schemas) EncodeSchemaBlock(*s, root);
    return RenderFile(root);
  }

 private:
  const Schema* FindSchema(const std::string& name) const {
    for (const Schema* s : schemas_)
      if (s->name == name) return s;
    return nullptr;
  }

  std::vector<std::string> Labels(bool qualified, const std::string& schema,
                                  const std::string& name) const {
    if (qualified) return {schema, name};
    return {name};
  }

  // `table.t` or `table.s.t` for a table that is printed qualified.
  std::string TableRef(const std::string& schema, const std::string& table) const {
    if (realm_ && tables_q_.Qualified(schema, table)) return Ref("table", {schema, table});
    return Ref("table", {table});
  }

  std::string ViewRef(const std::string& schema, const std::string& view, bool materialized) const {
    const char* type = materialized ? "materialized" : "view";
    const Qualifiers& q = materialized ? mat_views_q_ : views_q_;
    if (realm_ && q.Qualified(schema, view)) return Ref(type, {schema, view});
    return Ref(type, {view});
  }

  std::string TypeToHCL(const schema::Type& t) const {
    if (auto ref = objects_->TypeRef(t.raw, cur_schema_, t.schema)) return *ref;
    if (!t.schema.empty() && t.schema != cur_schema_)
      return SqlCall(QuoteIdentIfNeeded(t.schema) + "." + t.raw);
    if (t.unsupported || d_.types == nullptr || d_.types->Find(t.name) == nullptr)
      return SqlCall(t.raw.empty() ? t.name : t.raw);
    return d_.types->ToHCL(t);
  }

  void EncodeSchemaBlock(const Schema& s, HclBody& root) {
    HclBody& b = root.Block("schema", {s.name});
    if (!s.comment.empty()) b.Attr("comment", hcl::Quote(s.comment));
    EncodeExtra(d_.schema_attrs, s.options, AttrPlacement::kAttributes, b);
    EncodeExtraBlocks(d_.schema_attrs, s.options, b);
    EncodeExtra(d_.schema_attrs, s.options, AttrPlacement::kTrailing, b);
  }

  void EncodeTable(const Schema& s, const Table& t, HclBody& root) {
    cur_schema_ = s.name;
    HclBody& b =
        root.Block("table", Labels(realm_ && tables_q_.Qualified(s.name, t.name), s.name, t.name));
    if (!s.name.empty()) b.Attr("schema", Ref("schema", {s.name}));
    if (!t.comment.empty()) b.Attr("comment", hcl::Quote(t.comment));
    if (d_.table_partitions) EncodePartitionOf(t, b);
    EncodeExtra(d_.table_attrs, t.options, AttrPlacement::kAttributes, b);
    EncodeExtraBlocks(d_.table_attrs, t.options, b);
    for (const auto& c : t.columns) EncodeColumn(c, b);
    if (t.primary_key) EncodeIndex(*t.primary_key, /*primary=*/true, b);
    for (const auto& fk : t.foreign_keys) EncodeForeignKey(s, t, fk, b);
    for (const auto& idx : t.indexes) EncodeIndex(idx, /*primary=*/false, b);
    for (const auto& ck : t.checks) EncodeCheck(ck, b);
    if (d_.table_partitions) EncodePartitionBlock(t, b);
    EncodeExtra(d_.table_attrs, t.options, AttrPlacement::kTrailing, b);
  }

  void EncodeColumn(const schema::Column& c, HclBody& parent) {
    HclBody& b = parent.Block("column", {c.name});
    b.Attr("null", Bool(c.nullable));
    schema::Type type = c.type;
    bool is_unsigned = d_.unsigned_attr && type.is_unsigned && !type.unsupported;
    if (is_unsigned) type.is_unsigned = false;
    b.Attr("type", TypeToHCL(type));
    if (c.default_value) b.Attr("default", DefaultToHCL(*c.default_value, c.type));
    if (!c.comment.empty()) b.Attr("comment", hcl::Quote(c.comment));
    if (is_unsigned) b.Attr("unsigned", "true");
    EncodeExtra(d_.column_attrs, c.options, AttrPlacement::kAttributes, b);
    EncodeExtraBlocks(d_.column_attrs, c.options, b);
    if (c.generated) {
      // Atlas always prints the block form, with the storage type spelled out.
      HclBody& as = b.Block("as");
      as.Attr("expr", hcl::Quote(c.generated->expr));
      std::string type = ToUpper(c.generated->type);
      as.Attr("type", IdentOrString(type.empty() ? d_.default_generated_type : type, {}));
    }
    EncodeExtra(d_.column_attrs, c.options, AttrPlacement::kTrailing, b);
  }

  // Plain ascending column parts are printed as `columns = [...]`, anything
  // else as `on` blocks (what Atlas's FromIndex decides).
  static bool ColumnsOnly(const schema::Index& idx) {
    for (const auto& p : idx.parts)
      if (p.column.empty() || p.desc || !p.options.empty()) return false;
    return !idx.parts.empty();
  }

  void EncodeIndex(const schema::Index& idx, bool primary, HclBody& parent) {
    std::vector<std::string> labels;
    if (!idx.name.empty()) labels.push_back(idx.name);
    const IndexBlockSpec* as = nullptr;
    if (!primary)
      for (const auto& spec : d_.index_blocks)
        if (idx.options.Flag(spec.option_key)) as = &spec;
    HclBody& b = parent.Block(primary ? "primary_key" : as != nullptr ? as->block : "index", labels);
    if (!primary && as == nullptr && idx.unique) b.Attr("unique", "true");
    bool columns_only = ColumnsOnly(idx);
    if (columns_only) {
      std::vector<std::string> cols;
      for (const auto& p : idx.parts) cols.push_back(Ref("column", {p.column}));
      b.Attr("columns", List(cols));
    }
    if (!idx.comment.empty()) b.Attr("comment", hcl::Quote(idx.comment));
    if (!primary && d_.partial_indexes && !idx.where.empty())
      b.Attr("where", hcl::Quote(idx.where));
    const std::vector<AttrSpec>& extra = primary ? d_.primary_key_attrs : d_.index_attrs;
    EncodeExtra(extra, idx.options, AttrPlacement::kAttributes, b);
    EncodeExtraBlocks(extra, idx.options, b);
    if (!columns_only) {
      for (const auto& p : idx.parts) {
        HclBody& on = b.Block("on");
        if (p.desc) on.Attr("desc", "true");
        if (!p.column.empty()) {
          on.Attr("column", Ref("column", {p.column}));
        } else {
          on.Attr("expr", hcl::Quote(p.expr));
        }
        EncodeExtra(d_.index_part_attrs, p.options, AttrPlacement::kAttributes, on);
        EncodeExtraBlocks(d_.index_part_attrs, p.options, on);
        EncodeExtra(d_.index_part_attrs, p.options, AttrPlacement::kTrailing, on);
      }
    }
    EncodeExtra(extra, idx.options, AttrPlacement::kTrailing, b);
  }

  void EncodeForeignKey(const Schema& s, const Table& t, const schema::ForeignKey& fk,
                        HclBody& parent) {
    std::vector<std::string> labels;
    if (!fk.symbol.empty()) labels.push_back(fk.symbol);
    HclBody& b = parent.Block("foreign_key", labels);
    std::vector<std::string> cols, refs;
    for (const auto& c : fk.columns) cols.push_back(Ref("column", {c}));
    const std::string ref_schema = fk.ref_schema.empty() ? s.name : fk.ref_schema;
    bool self = fk.ref_table == t.name && ref_schema == s.name;
    for (const auto& c : fk.ref_columns) {
      // A realm always names the referenced table (Atlas's
      // QualifyReferences), a single schema only when it is another table.
      if (self && !realm_) {
        refs.push_back(Ref("column", std::vector<std::string>{c}));
      } else {
        refs.push_back(TableRef(ref_schema, fk.ref_table) + "." + Ref("column", {c}));
      }
    }
    b.Attr("columns", List(cols));
    if (refs.empty()) {
      // `REFERENCES t` with no column list: the primary key, implicitly.
      bool dangling = ref_schema == s.name && s.FindTable(fk.ref_table) == nullptr;
      b.Attr("ref_table", dangling ? hcl::Quote(fk.ref_table) : TableRef(ref_schema, fk.ref_table));
    } else {
      b.Attr("ref_columns", List(refs));
    }
    if (fk.on_update != schema::ReferenceAction::kNone)
      b.Attr("on_update", ActionIdent(fk.on_update));
    if (fk.on_delete != schema::ReferenceAction::kNone)
      b.Attr("on_delete", ActionIdent(fk.on_delete));
    EncodeExtra(d_.foreign_key_attrs, fk.options, AttrPlacement::kAttributes, b);
    EncodeExtraBlocks(d_.foreign_key_attrs, fk.options, b);
    EncodeExtra(d_.foreign_key_attrs, fk.options, AttrPlacement::kTrailing, b);
  }

  void EncodeCheck(const schema::Check& ck, HclBody& parent) {
    std::vector<std::string> labels;
    if (!ck.name.empty()) labels.push_back(ck.name);
    HclBody& b = parent.Block("check", labels);
    b.Attr("expr", hcl::Quote(ck.expr));
    if (const std::string* c = ck.options.Find("comment"); c && !c->empty())
      b.Attr("comment", hcl::Quote(*c));
    EncodeExtra(d_.check_attrs, ck.options, AttrPlacement::kAttributes, b);
    EncodeExtraBlocks(d_.check_attrs, ck.options, b);
    EncodeExtra(d_.check_attrs, ck.options, AttrPlacement::kTrailing, b);
  }

  // A view dependency as stored by the decoder: "table.t", "view.v" (same
  // schema as the view) or "table.s.t" (another schema).
  std::string DependencyRef(const Schema& s, const std::string& dep) const {
    size_t dot = dep.find('.');
    if (dot == std::string::npos) return dep;
    std::string kind = dep.substr(0, dot), rest = dep.substr(dot + 1);
    std::string schema_name = s.name, name = rest;
    auto exists = [&](const Schema* in, const std::string& n) {
      if (in == nullptr) return false;
      if (kind == "table") return in->FindTable(n) != nullptr;
      return in->FindView(n) != nullptr;
    };
    if (!exists(&s, rest)) {
      size_t d2 = rest.find('.');
      if (d2 != std::string::npos && exists(FindSchema(rest.substr(0, d2)), rest.substr(d2 + 1))) {
        schema_name = rest.substr(0, d2);
        name = rest.substr(d2 + 1);
      }
    }
    if (kind == "table") return TableRef(schema_name, name);
    if (kind == "view" || kind == "materialized")
      return ViewRef(schema_name, name, kind == "materialized");
    return Ref(kind, {name});
  }

  void EncodeView(const Schema& s, const schema::View& v, HclBody& root) {
    const Qualifiers& q = v.materialized ? mat_views_q_ : views_q_;
    HclBody& b = root.Block(v.materialized ? "materialized" : "view",
                            Labels(realm_ && q.Qualified(s.name, v.name), s.name, v.name));
    if (!s.name.empty()) b.Attr("schema", Ref("schema", {s.name}));
    for (const auto& c : v.columns) {
      // The model does not keep view-column nullability; SQLite reports
      // every view column as nullable, which is what is printed.
      HclBody& cb = b.Block("column", {c.name});
      cb.Attr("null", "true");
      cb.Attr("type", TypeToHCL(c.type));
    }
    b.Attr("as", DefinitionToHCL(v.def));
    if (!v.check_option.empty() && ToUpper(v.check_option) != "NONE")
      b.Attr("check_option", IdentOrString(v.check_option, {"LOCAL", "CASCADED"}));
    std::vector<std::string> deps;
    for (const auto& d : v.depends_on) deps.push_back(DependencyRef(s, d));
    std::sort(deps.begin(), deps.end());
    deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
    if (!deps.empty()) b.Attr("depends_on", List(deps));
    if (!v.comment.empty()) b.Attr("comment", hcl::Quote(v.comment));
    EncodeExtra(d_.view_attrs, v.options, AttrPlacement::kAttributes, b);
    EncodeExtraBlocks(d_.view_attrs, v.options, b);
    EncodeExtra(d_.view_attrs, v.options, AttrPlacement::kTrailing, b);
    // Materialized views carry indexes (PostgreSQL), printed like a table's.
    for (const auto& idx : v.indexes) EncodeIndex(idx, /*primary=*/false, b);
  }

  void EncodeTrigger(const Schema& s, const schema::Trigger& tr, HclBody& root) {
    HclBody& b = root.Block("trigger", {tr.name});
    if (const schema::View* v = s.FindView(tr.table); v && s.FindTable(tr.table) == nullptr) {
      b.Attr("on", ViewRef(s.name, tr.table, v->materialized));
    } else {
      b.Attr("on", TableRef(s.name, tr.table));
    }
    std::string timing = tr.options.Get(kTriggerTiming);
    if (!timing.empty()) {
      HclBody& when = b.Block(TimingBlockName(timing));
      for (const auto& ev : ParseTriggerEvents(tr.options.Get(kTriggerEvents))) {
        if (ev.columns.empty()) {
          when.Attr(ToLower(ev.name), "true");
          continue;
        }
        std::vector<std::string> cols;
        for (const auto& c : ev.columns)
          cols.push_back(TableRef(s.name, tr.table) + "." + Ref("column", {c}));
        when.Attr("update_of", List(cols));
      }
    }
    if (std::string f = tr.options.Get(kTriggerForEach); !f.empty())
      b.Attr("for", IdentOrString(f, {"ROW", "STATEMENT"}));
    if (std::string w = tr.options.Get(kTriggerWhen); !w.empty()) b.Attr("when", hcl::Quote(w));
    if (auto ex = ParseTriggerExecute(tr.def); ex && d_.trigger_execute && !timing.empty()) {
      HclBody& eb = b.Block("execute");
      // Unqualified names refer to the trigger's schema.
      std::string fn = ex->function;
      std::vector<std::string> path;
      for (const auto& part : Split(fn, ".")) {
        std::string p = part;
        if (p.size() >= 2 && p.front() == '"' && p.back() == '"') p = ReplaceAll(p.substr(1, p.size() - 2), "\"\"", "\"");
        path.push_back(p);
      }
      eb.Attr("function", Ref("function", path));
      if (!ex->args.empty()) {
        std::vector<std::string> args;
        for (const auto& a : ex->args) args.push_back(hcl::Quote(a));
        eb.Attr("args", List(args));
      }
      EncodeTriggerComment(tr, b);
      return;
    }
    b.Attr("as", DefinitionToHCL(tr.def));
    EncodeTriggerComment(tr, b);
  }

  static void EncodeTriggerComment(const schema::Trigger& tr, HclBody& b) {
    if (const std::string* c = tr.options.Find(kTriggerComment); c && !c->empty())
      b.Attr("comment", hcl::Quote(*c));
  }

  const DialectSpec& d_;
  const bool realm_;
  std::vector<const Schema*> schemas_;
  Qualifiers tables_q_, views_q_, mat_views_q_;
  std::optional<internal::ObjectEncoder> objects_;
  std::string cur_schema_;  // of the table being encoded
};

}  // namespace

std::string EncodeRealm(const schema::Realm& realm, const DialectSpec& dialect) {
  std::vector<const Schema*> schemas;
  for (const auto& s : realm.schemas) schemas.push_back(&s);
  return Encoder(dialect, /*realm=*/true).Encode(schemas);
}

std::string EncodeSchema(const schema::Schema& schema, const DialectSpec& dialect) {
  return Encoder(dialect, /*realm=*/false).Encode({&schema});
}

}  // namespace strata::spec
