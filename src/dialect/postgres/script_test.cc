#include "dialect/postgres/script.h"

#include <gtest/gtest.h>

namespace strata::dialect::postgres {
namespace {

std::vector<std::string> Texts(std::string_view sql) {
  auto r = PrepareSchemaScript(sql);
  EXPECT_TRUE(r.ok()) << r.status().message();
  std::vector<std::string> out;
  if (r.ok())
    for (const auto& s : *r) out.push_back(s.text);
  return out;
}

// The shape pg_dump 15.14+/17.6+ writes: \restrict first, \unrestrict last.
TEST(PrepareSchemaScript, DropsMetaCommandLines) {
  std::string sql =
      "--\n-- PostgreSQL database dump\n--\n\n"
      "\\restrict AbC123xyz\n\n"
      "-- Dumped from database version 15.14\n\n"
      "SET statement_timeout = 0;\n"
      "SELECT pg_catalog.set_config('search_path', '', false);\n\n"
      "CREATE TABLE public.t (\n    id integer NOT NULL\n);\n\n"
      "--\n-- PostgreSQL database dump complete\n--\n\n"
      "\\unrestrict AbC123xyz\n\n";
  EXPECT_EQ(Texts(sql), (std::vector<std::string>{
                            "SET statement_timeout = 0;",
                            "SELECT pg_catalog.set_config('search_path', '', false);",
                            "CREATE TABLE public.t (\n    id integer NOT NULL\n);",
                        }));
}

TEST(PrepareSchemaScript, PositionsPointAtTheSql) {
  std::string sql = "\\restrict k\nCREATE TABLE t();\n";
  auto r = PrepareSchemaScript(sql);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].pos, 12);
}

// A backslash inside a statement (a string, a function body) is not a
// meta-command.
TEST(PrepareSchemaScript, KeepsBackslashesInsideStatements) {
  std::string sql =
      "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$\n\\restrict\n$$;\n"
      "CREATE TABLE t (c text DEFAULT E'\\\\x');\n";
  EXPECT_EQ(Texts(sql), (std::vector<std::string>{
                            "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$\n\\restrict\n$$;",
                            "CREATE TABLE t (c text DEFAULT E'\\\\x');",
                        }));
}

TEST(PrepareSchemaScript, RefusesMetaCommandsThatChangeWhatRuns) {
  for (std::string cmd : {"\\connect other", "\\c other", "\\i other.sql", "\\ir x.sql", "\\if :x"}) {
    auto r = PrepareSchemaScript("CREATE TABLE a();\n" + cmd + "\nCREATE TABLE b();\n");
    ASSERT_FALSE(r.ok()) << cmd;
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
    EXPECT_NE(r.status().message().find("2:1: psql meta-command \\"), std::string::npos) << r.status().message();
    EXPECT_NE(r.status().message().find("is not supported in a schema file"), std::string::npos);
  }
}

TEST(PrepareSchemaScript, SkipsOwnershipAndPrivileges) {
  std::string sql =
      "ALTER TABLE public.t OWNER TO alice;\n"
      "ALTER FUNCTION public.f(integer, text) OWNER TO \"Bob Smith\";\n"
      "ALTER SCHEMA app OWNER TO pg_database_owner;\n"
      "GRANT ALL ON TABLE public.t TO alice;\n"
      "REVOKE USAGE ON SCHEMA public FROM PUBLIC;\n"
      "ALTER DEFAULT PRIVILEGES FOR ROLE alice IN SCHEMA public GRANT SELECT ON TABLES TO bob;\n"
      "SET SESSION AUTHORIZATION 'alice';\n"
      "ALTER TABLE public.t ADD COLUMN c integer, OWNER TO alice;\n"
      "ALTER TABLE public.owner ADD COLUMN \"to\" integer;\n";
  EXPECT_EQ(Texts(sql), (std::vector<std::string>{
                            "ALTER TABLE public.t ADD COLUMN c integer, OWNER TO alice;",
                            "ALTER TABLE public.owner ADD COLUMN \"to\" integer;",
                        }));
}

TEST(PrepareSchemaScript, CreateSchemaPublicBecomesIfNotExists) {
  EXPECT_EQ(Texts("CREATE SCHEMA public;\nCREATE SCHEMA app;\nCOMMENT ON SCHEMA public IS 'x';\n"),
            (std::vector<std::string>{"CREATE SCHEMA IF NOT EXISTS public;", "CREATE SCHEMA app;",
                                      "COMMENT ON SCHEMA public IS 'x';"}));
}

TEST(PrepareSchemaScript, NamesTheParameterOfSet) {
  auto r = PrepareSchemaScript(
      "SET transaction_timeout = 0;\nSET SESSION Lock_Timeout TO 0;\nSET app.tenant = 'x';\n"
      "SET LOCAL x = 1;\nSELECT pg_catalog.set_config('search_path', '', false);\n");
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::vector<std::string> names;
  for (const auto& s : *r) names.push_back(s.setting);
  EXPECT_EQ(names, (std::vector<std::string>{"transaction_timeout", "lock_timeout", "app.tenant", "", ""}));
}

TEST(PrepareSchemaScript, ScannerErrorsKeepTheirPosition) {
  auto r = PrepareSchemaScript("\\restrict k\nCREATE TABLE t (a int;\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("unclosed '('"), std::string::npos) << r.status().message();
}

}  // namespace
}  // namespace strata::dialect::postgres
