#include "dialect/postgres/inspect_types.h"

#include <map>

#include "base/strings.h"
#include "dialect/postgres/inspect.h"
#include "dialect/postgres/types.h"
#include "spec/type_name.h"

namespace strata::dialect::postgres {
namespace {

const char* const kNotExtensionMember = R"sql(
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = '%CLASS%'::regclass AND d.objid = %OID% AND d.deptype = 'e'))sql";

std::string NotExtensionMember(const std::string& cls, const std::string& oid) {
  return ReplaceAll(ReplaceAll(kNotExtensionMember, "%CLASS%", cls), "%OID%", oid);
}

// Enums, domains and composite types (not the row types of tables).
std::string TypesQuery() {
  return R"sql(
SELECT n.nspname AS schema, t.typname AS name,
       CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' ELSE 'composite' END AS kind,
       pg_catalog.obj_description(t.oid, 'pg_type') AS comment,
       ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid
             ORDER BY e.enumsortorder) AS enum_values,
       CASE WHEN t.typtype = 'd' THEN COALESCE()sql" +
         ObjectTypeSQL("t.typbasetype") + R"sql(,
            pg_catalog.format_type(t.typbasetype, t.typtypmod)) END AS base_type,
       t.typnotnull AS not_null, t.typdefault AS default_expr,
       CASE WHEN t.typtype = 'd' AND t.typcollation <> 0 AND t.typcollation <> bt.typcollation
            THEN co.collname END AS collation,
       ARRAY(SELECT c.conname FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'
             ORDER BY c.conname) AS check_names,
       ARRAY(SELECT pg_catalog.pg_get_expr(c.conbin, 0) FROM pg_catalog.pg_constraint c
             WHERE c.contypid = t.oid AND c.contype = 'c' ORDER BY c.conname) AS check_exprs,
       ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS fields,
       ARRAY(SELECT COALESCE()sql" +
         ObjectTypeSQL("a.atttypid") + R"sql(, pg_catalog.format_type(a.atttypid, a.atttypmod))
             FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS field_types,
       ARRAY(SELECT COALESCE(fc.collname, '') FROM pg_catalog.pg_attribute a
             JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
             LEFT JOIN pg_catalog.pg_collation fc ON fc.oid = a.attcollation AND a.attcollation <> at.typcollation
             WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS field_collations
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation
WHERE n.nspname = ANY($1::text[])
  AND (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND
       (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c')))sql" +
         NotExtensionMember("pg_catalog.pg_type", "t.oid") + R"sql(
ORDER BY n.nspname, t.typname)sql";
}

// Sequences other than those of identity columns (deptype 'i') and serial
// columns (owned, deptype 'a', and named <table>_<column>_seq).
std::string SequencesQuery() {
  return R"sql(
SELECT n.nspname AS schema, c.relname AS name, pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
       pg_catalog.format_type(s.seqtypid, NULL) AS type, s.seqstart AS start, s.seqincrement AS increment,
       s.seqmin AS min_value, s.seqmax AS max_value, s.seqcache AS cache, s.seqcycle AS cycle,
       oc.relname AS owner_table, oa.attname AS owner_column
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
  AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i')
LEFT JOIN pg_catalog.pg_class oc ON oc.oid = d.refobjid
LEFT JOIN pg_catalog.pg_attribute oa ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid
WHERE c.relkind = 'S' AND n.nspname = ANY($1::text[])
  AND (d.deptype IS NULL OR (d.deptype = 'a' AND c.relname <> oc.relname || '_' || oa.attname || '_seq')))sql" +
         NotExtensionMember("pg_catalog.pg_class", "c.oid") + R"sql(
ORDER BY n.nspname, c.relname)sql";
}

const char* const kExtensions = R"sql(
SELECT n.nspname AS schema, e.extname AS name, e.extversion AS version,
       pg_catalog.obj_description(e.oid, 'pg_extension') AS comment
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE n.nspname = ANY($1::text[])
ORDER BY n.nspname, e.extname)sql";

std::string Col(const db::Rows& rows, size_t r, const char* name) {
  int c = rows.Col(name);
  if (c < 0 || !rows.rows[r][c]) return "";
  return *rows.rows[r][c];
}

bool IsNull(const db::Rows& rows, size_t r, const char* name) {
  int c = rows.Col(name);
  return c < 0 || !rows.rows[r][c];
}

// "(VALUE > 0)" -> "VALUE > 0" when the parentheses wrap the whole text
// (pg_get_expr's spelling of a check; HCL files leave them out).
std::string Unwrap(const std::string& s) {
  if (s.size() < 2 || s.front() != '(' || s.back() != ')') return s;
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    else if (c == '(') ++depth;
    else if (c == ')' && --depth == 0 && i + 1 < s.size()) return s;
  }
  return Trim(s.substr(1, s.size() - 2));
}

std::string CanonicalType(const std::string& text) { return FormatType(ParseType(text)); }

// A type an object uses: user-defined types come schema-qualified from
// ObjectTypeSQL; they are kept relative to the object's schema (bare when
// the same) and recorded in depends_on, which orders the plan and tells
// the renderer how to qualify them (render_types.cc).
std::string ObjectUsesType(const std::string& text, schema::Object* o) {
  auto tn = spec::ParseTypeName(text);
  if (!tn || tn->schema.empty()) return CanonicalType(text);
  o->depends_on.push_back("type." + tn->schema + "." + tn->name);
  if (tn->schema == o->schema) tn->schema.clear();
  return spec::FormatTypeName(*tn);
}

}  // namespace

schema::Type ObjectColumnType(const std::string& name, const std::string& schema) {
  schema::Type t;
  t.raw = name;
  t.name = ToLower(name);
  t.unsupported = true;
  t.schema = schema;
  return t;
}


std::string ObjectTypeSQL(const std::string& oid_expr) {
  return "(SELECT pg_catalog.quote_ident(en.nspname) || '.' || pg_catalog.quote_ident(e.typname) ||"
         " CASE WHEN e.oid <> ty.oid THEN '[]' ELSE '' END"
         " FROM pg_catalog.pg_type ty"
         " JOIN pg_catalog.pg_type e ON e.oid = CASE WHEN ty.typcategory = 'A' AND ty.typelem <> 0"
         " THEN ty.typelem ELSE ty.oid END"
         " JOIN pg_catalog.pg_namespace en ON en.oid = e.typnamespace"
         " WHERE ty.oid = " + oid_expr + " AND e.typtype IN ('e', 'd', 'c')"
         " AND en.nspname NOT IN ('pg_catalog', 'information_schema'))";
}

SequenceBounds DefaultSequenceBounds(const std::string& type, const std::string& increment) {
  std::string t = ToLower(type);
  std::string min = "-9223372036854775808", max = "9223372036854775807";
  if (t == "integer" || t == "int" || t == "int4") {
    min = "-2147483648";
    max = "2147483647";
  } else if (t == "smallint" || t == "int2") {
    min = "-32768";
    max = "32767";
  }
  bool desc = !increment.empty() && increment[0] == '-';
  if (desc) return {"-1", min, "-1"};
  return {"1", "1", max};
}

Status InspectTypeObjects(db::Conn& conn, schema::Realm* realm) {
  std::vector<std::string> names;
  std::map<std::string, schema::Schema*> by_name;
  for (auto& s : realm->schemas) {
    names.push_back(s.name);
    by_name[s.name] = &s;
  }
  if (names.empty()) return Status::Ok();
  const std::string arr = TextArrayLiteral(names);
  auto add = [&](const std::string& schema, schema::Object o) {
    auto it = by_name.find(schema);
    if (it == by_name.end()) return;
    o.schema = schema;
    it->second->objects.push_back(std::move(o));
  };

  auto types = conn.Query(TypesQuery(), {arr});
  if (!types.ok()) return types.status().Wrap("inspecting types");
  const db::Rows& tr = *types;
  for (size_t r = 0; r < tr.rows.size(); ++r) {
    schema::Object o;
    o.kind = Col(tr, r, "kind");
    o.name = Col(tr, r, "name");
    o.schema = Col(tr, r, "schema");
    o.comment = Col(tr, r, "comment");
    if (o.kind == "enum") {
      o.values = ParseTextArray(Col(tr, r, "enum_values"));
    } else if (o.kind == "domain") {
      o.def = ObjectUsesType(Col(tr, r, "base_type"), &o);
      if (Col(tr, r, "not_null") == "t") o.options.Set("null", "false");
      if (!IsNull(tr, r, "default_expr")) o.options.Set("default", Col(tr, r, "default_expr"));
      if (!IsNull(tr, r, "collation")) o.options.Set("collate", Col(tr, r, "collation"));
      auto cn = ParseTextArray(Col(tr, r, "check_names"));
      auto ce = ParseTextArray(Col(tr, r, "check_exprs"));
      for (size_t i = 0; i < cn.size() && i < ce.size(); ++i) {
        std::string e = Unwrap(ce[i]);
        o.options.Set("check." + cn[i] + ".expr", e);
      }
    } else {
      o.values = ParseTextArray(Col(tr, r, "fields"));
      auto ft = ParseTextArray(Col(tr, r, "field_types"));
      auto fc = ParseTextArray(Col(tr, r, "field_collations"));
      for (size_t i = 0; i < o.values.size(); ++i) {
        if (i < ft.size()) o.options.Set("field." + o.values[i] + ".type", ObjectUsesType(ft[i], &o));
        if (i < fc.size() && !fc[i].empty()) o.options.Set("field." + o.values[i] + ".collate", fc[i]);
      }
    }
    add(Col(tr, r, "schema"), std::move(o));
  }

  auto seqs = conn.Query(SequencesQuery(), {arr});
  if (!seqs.ok()) return seqs.status().Wrap("inspecting sequences");
  const db::Rows& sr = *seqs;
  for (size_t r = 0; r < sr.rows.size(); ++r) {
    schema::Object o;
    o.kind = "sequence";
    o.name = Col(sr, r, "name");
    o.comment = Col(sr, r, "comment");
    std::string type = CanonicalType(Col(sr, r, "type"));
    std::string inc = Col(sr, r, "increment");
    SequenceBounds def = DefaultSequenceBounds(type, inc);
    if (type != "bigint") o.options.Set("type", type);
    if (inc != "1") o.options.Set("increment", inc);
    // The start's default follows the bounds actually set.
    std::string min = Col(sr, r, "min_value"), max = Col(sr, r, "max_value");
    std::string start = Col(sr, r, "start");
    if (min != def.min) o.options.Set("min_value", min);
    if (max != def.max) o.options.Set("max_value", max);
    bool desc = !inc.empty() && inc[0] == '-';
    if (start != (desc ? max : min)) o.options.Set("start", start);
    if (std::string cache = Col(sr, r, "cache"); cache != "1") o.options.Set("cache", cache);
    if (Col(sr, r, "cycle") == "t") o.options.Set("cycle", "true");
    if (!IsNull(sr, r, "owner_table"))
      o.options.Set("owned_by", Col(sr, r, "owner_table") + "." + Col(sr, r, "owner_column"));
    add(Col(sr, r, "schema"), std::move(o));
  }

  auto exts = conn.Query(kExtensions, {arr});
  if (!exts.ok()) return exts.status().Wrap("inspecting extensions");
  const db::Rows& er = *exts;
  for (size_t r = 0; r < er.rows.size(); ++r) {
    schema::Object o;
    o.kind = "extension";
    o.name = Col(er, r, "name");
    o.comment = Col(er, r, "comment");
    o.options.Set("version", Col(er, r, "version"));
    add(Col(er, r, "schema"), std::move(o));
  }
  return Status::Ok();
}

}  // namespace strata::dialect::postgres
