// Table-level decoding: columns (types, defaults, generated expressions),
// primary keys, indexes, checks and foreign keys.
#include <algorithm>

#include "base/strings.h"
#include "spec/decoder.h"
#include "spec/literal.h"
#include "spec/partition.h"

namespace strata::spec::internal {
namespace {

std::string Quoted(const std::string& s) { return GoQuote(s); }

}  // namespace

void Decoder::DecodeTable(const hcl::Block& b) {
  std::string name = b.labels.empty() ? "" : b.labels.back();
  BlockReader r(this, b, "table " + Quoted(name));
  bool ok = r.Labels(1, 2);
  auto schema_idx = SchemaOf(r);
  cur_schema_ = schema_idx.value_or(static_cast<size_t>(-1));
  schema::Table t;
  t.name = name;
  t.pos = b.range;
  if (auto c = r.String("comment")) t.comment = *c;
  r.Extra(ObjectKind::kTable, &t.options);
  auto deps = r.RefList("depends_on");
  for (const hcl::Block* cb : r.Blocks("column")) {
    auto c = DecodeColumn(*cb, name);
    if (!c) continue;
    if (t.FindColumn(c->name) != nullptr) {
      Error(cb->range, "column " + Quoted(c->name) + " is defined more than once in " + r.what());
      continue;
    }
    t.columns.push_back(std::move(*c));
  }
  if (d_.table_partitions) DecodeTablePartition(this, r, t);
  auto pks = r.Blocks("primary_key");
  if (pks.size() > 1) Error(pks[1]->range, r.what() + " has more than one primary_key block");
  if (!pks.empty()) t.primary_key = DecodeIndex(*pks[0], t, /*primary=*/true);
  for (const hcl::Block* ib : r.Blocks("index")) {
    auto idx = DecodeIndex(*ib, t, /*primary=*/false);
    if (!idx) continue;
    if (t.FindIndex(idx->name) != nullptr) {
      Error(ib->range, "index " + Quoted(idx->name) + " is defined more than once in " + r.what());
      continue;
    }
    t.indexes.push_back(std::move(*idx));
  }
  for (const IndexBlockSpec& spec : d_.index_blocks) {
    for (const hcl::Block* ib : r.Blocks(spec.block)) {
      auto idx = DecodeIndex(*ib, t, /*primary=*/false, &spec);
      if (!idx) continue;
      if (t.FindIndex(idx->name) != nullptr) {
        Error(ib->range, spec.block + " " + Quoted(idx->name) + " is defined more than once in " + r.what());
        continue;
      }
      t.indexes.push_back(std::move(*idx));
    }
  }
  std::vector<const hcl::Block*> fks = r.Blocks("foreign_key");
  for (const hcl::Block* kb : r.Blocks("check")) {
    auto ck = DecodeCheck(*kb);
    if (!ck) continue;
    bool dup = !ck->name.empty() && std::any_of(t.checks.begin(), t.checks.end(),
                                                [&](const auto& o) { return o.name == ck->name; });
    if (dup) {
      Error(kb->range, "check " + Quoted(ck->name) + " is defined more than once in " + r.what());
      continue;
    }
    t.checks.push_back(std::move(*ck));
  }
  r.Finish();
  if (!ok || !schema_idx) return;
  schema::Schema& s = realm_.schemas[*schema_idx];
  if (s.FindTable(name) != nullptr) {
    Error(b.range, r.what() + " is defined more than once in schema " + Quoted(s.name));
    return;
  }
  t.schema = s.name;
  if (t.options.Get("partition_of_schema") == t.schema) t.options.Erase("partition_of_schema");
  s.tables.push_back(std::move(t));
  // Foreign keys may point at tables defined later; resolve them once all
  // tables exist, keeping source order within the table.
  for (const hcl::Block* kb : fks) pending_fks_.push_back({*schema_idx, s.tables.size() - 1, kb});
  if (deps) pending_deps_.push_back({*schema_idx, 0, std::move(*deps), /*store=*/false});
}

std::optional<schema::Column> Decoder::DecodeColumn(const hcl::Block& b, const std::string& table) {
  std::string name = b.labels.empty() ? "" : b.labels[0];
  BlockReader r(this, b, "column " + Quoted(name) + " of table " + Quoted(table));
  bool ok = r.Labels(1, 1);
  schema::Column c;
  c.name = name;
  c.pos = b.range;
  if (const hcl::Attribute* a = r.Required("type")) {
    if (auto ty = DecodeType(*a, name)) c.type = std::move(*ty);
  }
  // NOT NULL unless said otherwise, as in Atlas.
  if (auto n = r.Bool("null")) c.nullable = *n;
  if (const hcl::Attribute* a = r.Get("default")) {
    const hcl::Value& v = a->value;
    using K = hcl::Value::Kind;
    switch (v.kind()) {
      case K::kString:
        c.default_value = schema::Expr{schema::Expr::Kind::kLiteral, SqlQuote(v.str())};
        break;
      case K::kNumber:
        c.default_value = schema::Expr{schema::Expr::Kind::kLiteral,
                                       CanonicalNumber(v.number_text()).value_or(v.number_text())};
        break;
      case K::kBool:
        c.default_value =
            schema::Expr{schema::Expr::Kind::kLiteral, v.bool_value() ? "true" : "false"};
        break;
      case K::kRawSQL:
        if (Trim(v.str()).empty()) {
          Error(a->value_range, "default of " + r.what() + " is an empty sql() expression");
        } else {
          c.default_value = schema::Expr{schema::Expr::Kind::kRaw, v.str()};
        }
        break;
      default: r.WrongKind(*a, "a string, number, bool or sql(\"...\")");
    }
  }
  if (auto cm = r.String("comment")) c.comment = *cm;
  if (d_.unsigned_attr) {
    if (auto u = r.Bool("unsigned"); u && *u != c.type.is_unsigned && !c.type.unsupported) {
      c.type.is_unsigned = *u;
      c.type.raw = d_.types->ToSQL(c.type);
    }
  }
  r.Extra(ObjectKind::kColumn, &c.options);
  DecodeGenerated(r, &c);
  r.Finish();
  if (!ok) return std::nullopt;
  return c;
}

std::optional<schema::Type> Decoder::DecodeType(const hcl::Attribute& a,
                                                const std::string& column) {
  const hcl::Value& v = a.value;
  const TypeRegistry& types = *d_.types;
  auto fail = [&](const std::string& msg) {
    Error(a.value_range, "column " + Quoted(column) + ": " + msg);
    return std::nullopt;
  };
  using K = hcl::Value::Kind;
  schema::Type object_type;
  switch (ObjectTypeRef(v, a.value_range, "column " + Quoted(column), cur_schema_, &object_type)) {
    case TypeRef::kOk: return object_type;
    case TypeRef::kError: return std::nullopt;
    case TypeRef::kNotObject: break;
  }
  Result<schema::Type> t = InvalidArgument("");
  switch (v.kind()) {
    case K::kRef:
      if (v.path().size() != 1) return fail("unknown type " + Quoted(RefText(v.path())));
      t = types.FromHCL(v.path()[0], {});
      break;
    case K::kCall: {
      std::vector<std::string> args;
      for (const auto& arg : v.items()) {
        if (arg.kind() == K::kNumber) {
          args.push_back(arg.number_text());
        } else if (arg.kind() == K::kString) {
          args.push_back(arg.str());
        } else {
          return fail("argument of type " + Quoted(v.str()) +
                      " must be a number or a string, got " + KindName(arg));
        }
      }
      t = types.FromHCL(v.str(), args);
      break;
    }
    case K::kRawSQL:
      // sql("...") passes any type through; a registered spelling still
      // maps to its canonical type, as Atlas's raw-type parser does.
      if (Trim(v.str()).empty()) return fail("empty sql() type");
      {
        schema::Type parsed = types.ParseSQL(v.str());
        // Known types get the canonical spelling FromHCL gives them, so that
        // sql("VARCHAR(10)") and varchar(10) decode to equal types.
        if (!parsed.unsupported) parsed.raw = types.ToSQL(parsed);
        return parsed;
      }
    default:
      Error(a.value_range, "attribute \"type\" of column " + Quoted(column) +
                               " must be a type (int, varchar(255), sql(\"...\")), got " +
                               KindName(v));
      return std::nullopt;
  }
  if (!t.ok()) return fail(t.status().message());
  return std::move(t).value();
}

void Decoder::DecodeGenerated(BlockReader& r, schema::Column* c) {
  const hcl::Attribute* attr = r.Get("as");
  std::vector<const hcl::Block*> blocks = r.Blocks("as");
  if (attr != nullptr && !blocks.empty()) {
    Error(attr->range, "multiple as definitions for " + r.what());
    return;
  }
  if (attr != nullptr) {
    if (auto expr = r.String("as"))
      c->generated = schema::GeneratedExpr{*expr, d_.default_generated_type};
    return;
  }
  if (blocks.empty()) return;
  if (blocks.size() > 1) Error(blocks[1]->range, "multiple as definitions for " + r.what());
  BlockReader ar(this, *blocks[0], "as block of " + r.what());
  ar.Labels(0, 0);
  auto expr = ar.Required("expr") ? ar.String("expr") : std::nullopt;
  std::string type = d_.default_generated_type;
  if (auto ty = ar.Identifier("type")) {
    type = ToUpper(*ty);
    const auto& allowed = d_.generated_types;
    if (std::find(allowed.begin(), allowed.end(), type) == allowed.end()) {
      Error(ar.block().Attr("type")->value_range, "unknown generated column type " + *ty + " in " +
                                                      ar.what() + " (expected " +
                                                      Join(allowed, " or ") + ")");
    }
  }
  ar.Finish();
  if (expr) c->generated = schema::GeneratedExpr{*expr, type};
}

std::optional<std::string> Decoder::LocalColumn(const std::vector<std::string>& path,
                                                const schema::Table& t, const SourceRange& at) {
  std::string col;
  size_t n = path.size();
  if (n == 2 && path[0] == "column") {
    col = path[1];
  } else if ((n == 4 || n == 5) && path[0] == "table" && path[n - 2] == "column") {
    // table.<t>.column.<c> or table.<schema>.<t>.column.<c>: must be this table.
    if (path[n - 3] != t.name) {
      Error(at, "reference " + RefText(path) + " points into table " + Quoted(path[n - 3]) +
                    ", expected a column of table " + Quoted(t.name));
      return std::nullopt;
    }
    col = path[n - 1];
  } else {
    Error(at, "invalid column reference " + RefText(path) + " (expected column.<name>)");
    return std::nullopt;
  }
  // A partition's columns are its parent's, not repeated in its block.
  bool partition = d_.table_partitions && t.options.Has("partition_of");
  if (t.FindColumn(col) == nullptr && !partition) {
    Error(at, "column " + Quoted(col) + " was not found in table " + Quoted(t.name));
    return std::nullopt;
  }
  return col;
}

std::optional<schema::Index> Decoder::DecodeIndex(const hcl::Block& b, const schema::Table& t,
                                                  bool primary, const IndexBlockSpec* as) {
  std::string name = b.labels.empty() ? "" : b.labels[0];
  std::string what = primary ? "primary key of table " + Quoted(t.name)
                             : (as != nullptr ? as->block : std::string("index")) + " " + Quoted(name);
  BlockReader r(this, b, what);
  bool ok = primary ? r.Labels(0, 1) : r.Labels(1, 1);
  schema::Index idx;
  idx.name = name;
  if (as != nullptr) {
    idx.unique = as->unique;
    idx.options.Set(as->option_key, "true");
  } else if (!primary) {
    if (auto u = r.Bool("unique")) idx.unique = *u;
  }
  if (auto c = r.String("comment")) idx.comment = *c;
  if (!primary) {
    if (d_.partial_indexes) {
      if (auto w = r.String("where")) idx.where = *w;
    }
  }
  r.Extra(primary ? ObjectKind::kPrimaryKey : ObjectKind::kIndex, &idx.options);
  bool parts_ok = DecodeParts(r, t, what, &idx);
  r.Finish();
  if (!ok || !parts_ok) return std::nullopt;
  return idx;
}

bool Decoder::DecodeParts(BlockReader& r, const schema::Table& t, const std::string& noun,
                          schema::Index* idx) {
  bool has_columns = r.Get("columns") != nullptr;
  std::vector<const hcl::Block*> on = r.Blocks("on");
  const SourceRange& at = r.block().range;
  if (has_columns && !on.empty()) {
    Error(at, "multiple definitions for " + noun + ", use \"columns\" or \"on\"");
    return false;
  }
  bool ok = true;
  if (has_columns) {
    auto refs = r.RefList("columns");
    if (!refs) return false;
    for (const auto& [path, range] : *refs) {
      auto col = LocalColumn(path, t, range);
      if (!col) {
        ok = false;
        continue;
      }
      schema::IndexPart part;
      part.column = *col;
      idx->parts.push_back(std::move(part));
    }
    if (refs->empty()) {
      Error(at, "missing definition for " + noun);
      return false;
    }
    return ok;
  }
  if (on.empty()) {
    Error(at, "missing definition for " + noun);
    return false;
  }
  for (size_t i = 0; i < on.size(); ++i) {
    const hcl::Block& ob = *on[i];
    BlockReader pr(this, ob, "on block of " + noun);
    pr.Labels(0, 0);
    schema::IndexPart part;
    const hcl::Attribute* col = pr.Get("column");
    std::optional<std::string> expr = pr.String("expr");
    if (auto desc = pr.Bool("desc")) part.desc = *desc;
    std::string pos = " at position " + std::to_string(i);
    if (col != nullptr && pr.block().Attr("expr") != nullptr) {
      Error(ob.range, "cannot use both \"column\" and \"expr\" in " + noun + pos);
      ok = false;
    } else if (col == nullptr && pr.block().Attr("expr") == nullptr) {
      Error(ob.range, "\"column\" or \"expr\" are required for " + noun + pos);
      ok = false;
    } else if (col != nullptr) {
      if (col->value.kind() != hcl::Value::Kind::kRef) {
        pr.WrongKind(*col, "a column reference");
        ok = false;
      } else if (auto c = LocalColumn(col->value.path(), t, col->value_range)) {
        part.column = *c;
      } else {
        ok = false;
      }
    } else if (expr) {
      part.expr = *expr;
    } else {
      ok = false;  // wrong kind, already reported
    }
    pr.Extra(ObjectKind::kIndexPart, &part.options);
    pr.Finish();
    idx->parts.push_back(std::move(part));
  }
  return ok;
}

std::optional<schema::Check> Decoder::DecodeCheck(const hcl::Block& b) {
  std::string name = b.labels.empty() ? "" : b.labels[0];
  BlockReader r(this, b, name.empty() ? std::string("check") : "check " + Quoted(name));
  bool ok = r.Labels(0, 1);
  schema::Check ck;
  ck.name = name;
  std::optional<std::string> expr = r.Required("expr") ? r.String("expr") : std::nullopt;
  if (auto c = r.String("comment")) ck.options.Set("comment", *c);
  r.Extra(ObjectKind::kCheck, &ck.options);
  r.Finish();
  if (!ok || !expr) return std::nullopt;
  ck.expr = *expr;
  return ck;
}

void Decoder::DecodeForeignKey(const PendingForeignKey& p) {
  schema::Table& t = realm_.schemas[p.schema].tables[p.table];
  const hcl::Block& b = *p.block;
  std::string symbol = b.labels.empty() ? "" : b.labels[0];
  BlockReader r(
      this, b,
      symbol.empty() ? "foreign key of table " + Quoted(t.name) : "foreign key " + Quoted(symbol));
  bool ok = r.Labels(0, 1);
  schema::ForeignKey fk;
  fk.symbol = symbol;
  auto cols = r.Required("columns") ? r.RefList("columns") : std::nullopt;
  // Strata extension: `ref_table = table.t` without ref_columns is an FK that
  // references the table's primary key implicitly (`REFERENCES t`), which
  // SQLite keeps as such in its catalog.
  const hcl::Attribute* ref_table = r.Get("ref_table");
  std::optional<RefItems> refs;
  if (ref_table != nullptr && r.block().Attr("ref_columns") == nullptr) {
    refs = RefItems{};
  } else {
    refs = r.Required("ref_columns") ? r.RefList("ref_columns") : std::nullopt;
  }
  for (const char* name : {"on_update", "on_delete"}) {
    auto v = r.Identifier(name);
    if (!v) continue;
    auto action = schema::ParseReferenceAction(*v);
    if (!action || *action == schema::ReferenceAction::kNone) {
      Error(r.block().Attr(name)->value_range,
            "unknown reference action " + *v + " for " + name + " of " + r.what() +
                " (expected NO_ACTION, RESTRICT, CASCADE, SET_NULL or SET_DEFAULT)");
      ok = false;
      continue;
    }
    (std::string(name) == "on_update" ? fk.on_update : fk.on_delete) = *action;
  }
  r.Extra(ObjectKind::kForeignKey, &fk.options);
  r.Finish();
  if (!cols || !refs) return;
  for (const auto& [path, at] : *cols) {
    if (auto c = LocalColumn(path, t, at)) {
      fk.columns.push_back(*c);
    } else {
      ok = false;
    }
  }
  std::optional<std::pair<size_t, std::string>> target;
  for (const auto& [path, at] : *refs) {
    size_t n = path.size();
    if (n < 2 || path[n - 2] != "column") {
      Error(at, "invalid column reference " + RefText(path) +
                    " in ref_columns (expected table.<name>.column.<name>)");
      ok = false;
      continue;
    }
    std::optional<std::pair<size_t, std::string>> ref;
    if (n == 2) {
      ref = std::make_pair(p.schema, t.name);  // column.<c>: a self reference
    } else {
      std::vector<std::string> obj(path.begin(), path.end() - 2);
      if (obj[0] != "table") {
        Error(at,
              "ref_columns of " + r.what() + " must reference table columns, got " + RefText(path));
        ok = false;
        continue;
      }
      ref = ResolveObjectRef(obj, p.schema, at, r.what());
    }
    if (!ref) {
      ok = false;
      continue;
    }
    if (target && *target != *ref) {
      Error(at, "more than 1 table was referenced for " + r.what());
      ok = false;
      continue;
    }
    target = ref;
    const schema::Table* rt = realm_.schemas[ref->first].FindTable(ref->second);
    if (rt->FindColumn(path.back()) == nullptr) {
      Error(at, "column " + Quoted(path.back()) + " was not found in table " + Quoted(rt->name));
      ok = false;
      continue;
    }
    fk.ref_columns.push_back(path.back());
  }
  if (ref_table != nullptr) {
    std::optional<std::pair<size_t, std::string>> ref;
    if (ref_table->value.kind() == hcl::Value::Kind::kString) {
      // A quoted name: a table outside the document (SQLite accepts
      // references to tables that do not exist).
      ref = std::make_pair(p.schema, ref_table->value.str());
    } else if (ref_table->value.kind() != hcl::Value::Kind::kRef || ref_table->value.path().empty() ||
        ref_table->value.path()[0] != "table") {
      Error(ref_table->value_range, "ref_table of " + r.what() + " must be a table reference (table.<name>)");
      ok = false;
    } else {
      ref = ResolveObjectRef(ref_table->value.path(), p.schema, ref_table->value_range, r.what());
      if (!ref) ok = false;
    }
    if (ref && target && *target != *ref) {
      Error(ref_table->value_range, "ref_table and ref_columns of " + r.what() + " name different tables");
      ok = false;
    }
    if (ref) target = ref;
  }
  if (ok && !fk.ref_columns.empty() && fk.columns.size() != fk.ref_columns.size()) {
    Error(b.range, "number of referencing and referenced columns do not match for " + r.what());
    ok = false;
  }
  if (!ok || !target) return;
  if (!symbol.empty() && t.FindForeignKey(symbol) != nullptr) {
    Error(b.range, r.what() + " is defined more than once in table " + Quoted(t.name));
    return;
  }
  fk.ref_table = target->second;
  if (target->first != p.schema) fk.ref_schema = realm_.schemas[target->first].name;
  t.foreign_keys.push_back(std::move(fk));
}

}  // namespace strata::spec::internal
