// SQL schema files (desired states) as the PostgreSQL dev database runs them.
// Such files are often `pg_dump --schema-only` output, which is a psql script,
// not plain SQL. Migration directories do not come through here: they are
// split by the Atlas scanner alone (migrate/scanner.h).
//
// Rules, applied to the statements the PostgreSQL scanner splits:
//  - psql meta-command lines (a backslash first on a line, before a
//    statement's SQL starts: `\restrict KEY`, `\unrestrict KEY`, `\set ...`)
//    are left out; the server would reject them. The ones that change what
//    runs or where (`\c[onnect]`, `\i[r]`, `\include[_relative]`, `\if`,
//    `\elif`, `\else`, `\endif`) are errors: skipping them would load
//    something else than psql does.
//  - Ownership and privilege statements are left out: `ALTER ... OWNER TO r`
//    (alone, without other ALTER actions), `GRANT`, `REVOKE`,
//    `ALTER DEFAULT PRIVILEGES` and `SET SESSION AUTHORIZATION`. Strata's
//    schema model has no owners and no privileges, the roles they name
//    usually do not exist on the dev server, and default privileges would
//    outlive the dev database's reset. Skipping them all keeps the result
//    independent of the roles the dev server happens to have.
//  - `CREATE SCHEMA public` runs as `CREATE SCHEMA IF NOT EXISTS public`:
//    some pg_dump versions emit it, and a clean dev database already has it.
//  - `SET name ...` of a parameter the dev server does not know is left out
//    (pg_dump 17 writes `SET transaction_timeout = 0;`, which a PostgreSQL 15
//    dev server rejects; a setting the server lacks cannot change what the
//    script creates). ScriptStmt::setting names the parameter; the driver
//    decides, as only it knows the server's settings.
// Session settings the script makes (SET, set_config) are undone by the
// driver after the script (see PostgresDriver::ExecScript).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace strata::dialect::postgres {

struct ScriptStmt {
  int pos = 0;       // byte offset in the file, for error positions
  std::string text;  // what is sent to the server
  // For `SET [SESSION] name {TO|=} ...`: the parameter's name, lower-cased
  // ("" for every other statement).
  std::string setting;
};

// The statements of a schema file to execute, after the rules above. Scanner
// errors and refused meta-commands read "<line>:<col>: <message>".
Result<std::vector<ScriptStmt>> PrepareSchemaScript(std::string_view sql);

}  // namespace strata::dialect::postgres
