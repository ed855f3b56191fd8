#include "dialect/postgres/queries_code.h"

namespace strata::dialect::postgres::queries {

const char* const kViews = R"sql(
SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind = 'm' AS materialized,
       pg_catalog.pg_get_viewdef(c.oid) AS def,
       (SELECT upper(split_part(o, '=', 2)) FROM unnest(c.reloptions) AS o
        WHERE o LIKE 'check\_option=%' LIMIT 1) AS check_option,
       obj_description(c.oid, 'pg_class') AS comment,
       ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS column_names,
       ARRAY(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS column_types,
       ARRAY(SELECT DISTINCT CASE rc.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized' ELSE 'table' END
                             || '.' || rn.nspname || '.' || rc.relname
             FROM pg_catalog.pg_rewrite r
             JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = r.oid
                  AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid <> c.oid
             JOIN pg_catalog.pg_class rc ON rc.oid = d.refobjid
             JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
             WHERE r.ev_class = c.oid ORDER BY 1) AS depends_on
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY($1::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname, c.relname)sql";

const char* const kViewIndexes = R"sql(
SELECT i.indrelid AS view_oid, i.indexrelid AS index_oid, ic.relname AS name,
       i.indisunique AS unique, am.amname AS method,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       i.indnullsnotdistinct AS nulls_not_distinct,
       obj_description(i.indexrelid, 'pg_class') AS comment,
       (SELECT split_part(o, '=', 2) FROM unnest(ic.reloptions) AS o
        WHERE o LIKE 'pages\_per\_range=%' LIMIT 1) AS pages_per_range,
       k.pos AS position,
       CASE WHEN i.indkey[k.pos - 1] <> 0 THEN a.attname END AS column,
       CASE WHEN i.indkey[k.pos - 1] = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.pos, true) END AS definition,
       COALESCE(i.indoption[k.pos - 1] & 1 = 1, false) AS desc,
       COALESCE(i.indoption[k.pos - 1] & 2 = 2, false) AS nulls_first,
       CASE WHEN k.pos <= i.indnkeyatts AND NOT opc.opcdefault THEN opc.opcname END AS opclass,
       CASE WHEN k.pos <= i.indnkeyatts AND i.indcollation[k.pos - 1] <> 0
             AND i.indcollation[k.pos - 1] <> COALESCE(a.attcollation, 100) THEN coll.collname END AS collation,
       k.pos <= i.indnkeyatts AS key
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class vc ON vc.oid = i.indrelid AND vc.relkind = 'm'
JOIN pg_catalog.pg_namespace n ON n.oid = vc.relnamespace
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
CROSS JOIN LATERAL generate_series(1, i.indnatts) AS k(pos)
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.pos - 1]
LEFT JOIN pg_catalog.pg_opclass opc ON k.pos <= i.indnkeyatts AND opc.oid = i.indclass[k.pos - 1]
LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = i.indcollation[k.pos - 1]
WHERE n.nspname = ANY($1::text[])
ORDER BY i.indrelid, ic.relname, k.pos)sql";

const char* const kRoutines = R"sql(
SELECT p.oid, n.nspname AS schema, p.proname AS name, p.prokind AS kind,
       pg_catalog.oidvectortypes(p.proargtypes) AS signature,
       p.proargnames AS arg_names, p.proargmodes AS arg_modes,
       ARRAY(SELECT pg_catalog.format_type(t.typ, NULL)
             FROM unnest(COALESCE(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY AS t(typ, ord)
             ORDER BY t.ord) AS arg_types,
       pg_catalog.pg_get_expr(p.proargdefaults, 0) AS arg_defaults,
       CASE WHEN p.prokind = 'f' THEN pg_catalog.pg_get_function_result(p.oid) END AS result,
       l.lanname AS lang, p.provolatile AS volatility, p.proisstrict AS strict,
       p.prosecdef AS security_definer, p.proleakproof AS leakproof, p.proparallel AS parallel,
       CASE WHEN p.prosqlbody IS NULL THEN p.prosrc END AS body,
       CASE WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_function_sqlbody(p.oid) END AS sql_body,
       obj_description(p.oid, 'pg_proc') AS comment, p.proconfig AS config
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_language l ON l.oid = p.prolang
WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY($1::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
ORDER BY n.nspname, p.proname, signature)sql";

// tgtype bits: 1 ROW, 2 BEFORE, 4 INSERT, 8 DELETE, 16 UPDATE, 32 TRUNCATE,
// 64 INSTEAD.
const char* const kTriggers = R"sql(
SELECT n.nspname AS schema, c.relname AS table, t.tgname AS name,
       pg_catalog.pg_get_triggerdef(t.oid) AS def,
       CASE WHEN t.tgtype & 2 = 2 THEN 'BEFORE' WHEN t.tgtype & 64 = 64 THEN 'INSTEAD OF' ELSE 'AFTER' END AS timing,
       ARRAY(SELECT e.name FROM (VALUES (4, 'INSERT', 1), (16, 'UPDATE', 2), (8, 'DELETE', 3), (32, 'TRUNCATE', 4))
                                AS e(bit, name, ord)
             WHERE t.tgtype & e.bit = e.bit ORDER BY e.ord) AS events,
       ARRAY(SELECT a.attname FROM unnest(t.tgattr::int2[]) WITH ORDINALITY AS k(num, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k.num
             ORDER BY k.ord) AS update_of,
       CASE WHEN t.tgtype & 1 = 1 THEN 'ROW' ELSE 'STATEMENT' END AS for_each,
       t.tgenabled AS enabled,
       obj_description(t.oid, 'pg_trigger') AS comment
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal AND n.nspname = ANY($1::text[]) AND t.tgparentid = 0
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname, c.relname, t.tgname)sql";

const char* const kPolicies = R"sql(
SELECT n.nspname AS schema, c.relname AS table, p.polname AS name, p.polpermissive AS permissive,
       CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                     WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS command,
       ARRAY(SELECT CASE WHEN k.role = 0 THEN 'PUBLIC' ELSE r.rolname END
             FROM unnest(p.polroles) WITH ORDINALITY AS k(role, ord)
             LEFT JOIN pg_catalog.pg_roles r ON r.oid = k.role
             ORDER BY 1) AS roles,
       pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expr,
       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr,
       obj_description(p.oid, 'pg_policy') AS comment
FROM pg_catalog.pg_policy p
JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY($1::text[])
ORDER BY n.nspname, c.relname, p.polname)sql";


}  // namespace strata::dialect::postgres::queries
