// Decoder semantics: what each construct of an Atlas schema file becomes
// in the model. Error texts are covered by testdata/spec/sqlite/errors-*.
#include "spec/decode.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "base/strings.h"
#include "spec/spec_testing.h"
#include "spec/trigger_events.h"

namespace strata::spec {
namespace {

using namespace testing;  // NOLINT(build/namespaces): terse model builders

Result<schema::Realm> Decode(const std::string& text, const InputValues& vars = {}) {
  return DecodeSources({{"schema.hcl", text}}, vars, Sqlite());
}

TEST(DecodeTest, AtlasSqliteExample) {
  auto r = Decode(R"hcl(
schema "main" {}
table "users" {
  schema = schema.main
  column "id"   {
    type           = integer
    auto_increment = true
  }
  column "name" { type = text }
  column "active" {
    type = bool
    default = true
  }
  primary_key { columns = [column.id] }
  index "active_users" {
    columns = [column.name]
    where   = "active"
  }
  strict = true
}
)hcl");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->schemas.size(), 1u);
  const schema::Table& t = r->schemas[0].tables.at(0);
  EXPECT_EQ(t.schema, "main");
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[0].type, T("integer"));
  EXPECT_FALSE(t.columns[0].nullable);  // NOT NULL unless `null = true`
  EXPECT_EQ(t.columns[0].options.Get("auto_increment"), "true");
  EXPECT_EQ(t.columns[2].default_value, Lit("true"));
  ASSERT_TRUE(t.primary_key.has_value());
  EXPECT_EQ(t.primary_key->parts, std::vector<schema::IndexPart>{Part("id")});
  ASSERT_EQ(t.indexes.size(), 1u);
  EXPECT_EQ(t.indexes[0].where, "active");
  EXPECT_EQ(t.options.Get("strict"), "true");
  EXPECT_FALSE(t.options.Has("without_rowid"));
}

TEST(DecodeTest, TypesAndDefaults) {
  auto r = Decode(R"hcl(
schema "main" {}
table "t" {
  schema = schema.main
  column "a" {
    type    = varchar(255)
    default = "it's"
  }
  column "b" {
    type    = decimal(10, 2)
    default = 1.50
  }
  column "c" {
    type    = double_precision
    default = -7
  }
  column "d" {
    type    = sql("point")
    default = sql("CURRENT_TIMESTAMP")
    null    = true
  }
  column "e" {
    type    = sql("VARCHAR(10)")
    default = null
  }
}
)hcl");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const auto& cols = r->schemas[0].tables[0].columns;
  EXPECT_EQ(cols[0].type.name, "varchar");
  EXPECT_EQ(cols[0].type.args, std::vector<std::string>{"255"});
  EXPECT_EQ(cols[0].default_value, Lit("'it''s'"));
  EXPECT_EQ(cols[1].type.args, (std::vector<std::string>{"10", "2"}));
  EXPECT_EQ(cols[1].default_value, Lit("1.5"));
  EXPECT_EQ(cols[2].type.name, "double precision");
  EXPECT_EQ(cols[2].default_value, Lit("-7"));
  EXPECT_TRUE(cols[3].type.unsupported);
  EXPECT_EQ(cols[3].type.raw, "point");
  EXPECT_EQ(cols[3].default_value, Raw("CURRENT_TIMESTAMP"));
  EXPECT_TRUE(cols[3].nullable);
  // sql("...") naming a registered type maps to the canonical type.
  EXPECT_FALSE(cols[4].type.unsupported);
  EXPECT_EQ(cols[4].type.name, "varchar");
  EXPECT_FALSE(cols[4].default_value.has_value());
}

TEST(DecodeTest, GeneratedColumnsDefaultToVirtual) {
  auto r = Decode(R"hcl(
schema "main" {}
table "users" {
  schema = schema.main
  column "a" { type = int }
  column "b" {
    type = int
    as   = "a * 2"
  }
  column "c" {
    type = int
    as {
      expr = "a * 3"
      type = STORED
    }
  }
  column "d" {
    type = int
    as {
      expr = "a * 4"
    }
  }
}
)hcl");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const auto& cols = r->schemas[0].tables[0].columns;
  EXPECT_EQ(cols[1].generated, (schema::GeneratedExpr{"a * 2", "VIRTUAL"}));
  EXPECT_EQ(cols[2].generated, (schema::GeneratedExpr{"a * 3", "STORED"}));
  EXPECT_EQ(cols[3].generated, (schema::GeneratedExpr{"a * 4", "VIRTUAL"}));
}

TEST(DecodeTest, SchemaNameOverrideIsReferencedByLabel) {
  auto r = Decode(R"hcl(
table "t" {
  schema = schema.app
  column "id" { type = int }
}
schema "app" {
  name    = "main"
  comment = "renamed"
}
)hcl");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->schemas[0].name, "main");
  EXPECT_EQ(r->schemas[0].comment, "renamed");
  EXPECT_EQ(r->schemas[0].tables[0].schema, "main");
}

TEST(DecodeTest, ForeignKeysResolveForwardAndQualifiedReferences) {
  auto r = Decode(R"hcl(
schema "main" {}
schema "aux" {}
table "main" "posts" {
  schema = schema.main
  column "id" { type = int }
  column "author" { type = int }
  column "parent" {
    type = int
    null = true
  }
  foreign_key "author_fk" {
    columns     = [column.author]
    ref_columns = [table.main.users.column.id]
    on_delete   = CASCADE
    on_update   = "SET NULL"
  }
  foreign_key "parent_fk" {
    columns     = [column.parent]
    ref_columns = [column.id]
  }
  foreign_key "aux_fk" {
    columns     = [table.main.posts.column.author]
    ref_columns = [table.aux.users.column.id]
  }
}
table "main" "users" {
  schema = schema.main
  column "id" { type = int }
}
table "aux" "users" {
  schema = schema.aux
  column "id" { type = int }
}
)hcl");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const auto& fks = r->schemas[0].tables[0].foreign_keys;
  ASSERT_EQ(fks.size(), 3u);
  EXPECT_EQ(fks[0].ref_table, "users");
  EXPECT_EQ(fks[0].ref_schema, "");
  EXPECT_EQ(fks[0].on_delete, schema::ReferenceAction::kCascade);
  EXPECT_EQ(fks[0].on_update, schema::ReferenceAction::kSetNull);
  EXPECT_EQ(fks[1].ref_table, "posts");
  EXPECT_EQ(fks[1].on_delete, schema::ReferenceAction::kNone);
  EXPECT_EQ(fks[2].ref_schema, "aux");
  EXPECT_EQ(fks[2].columns, std::vector<std::string>{"author"});
}

TEST(DecodeTest, IndexPartsAcceptTableQualifiedColumnRefs) {
  auto r = Decode(R"hcl(
schema "main" {}
table "users" {
  schema = schema.main
  column "rank" { type = int }
  column "score" { type = int }
  index "rank_score_idx" {
    on {
      column = table.users.column.rank
    }
    on {
      column = table.users.column.score
      desc = true
    }
    on {
      expr = "rank + score"
    }
  }
}
)hcl");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->schemas[0].tables[0].indexes[0].parts,
            (std::vector<schema::IndexPart>{Part("rank"), Part("score", true),
                                            ExprPart("rank + score")}));
}

TEST(DecodeTest, DefaultValuedOptionsAreNotStored) {
  auto r = Decode(R"hcl(
schema "main" {}
table "t" {
  schema = schema.main
  column "id" {
    type           = integer
    auto_increment = false
  }
  strict        = false
  without_rowid = true
}
)hcl");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const schema::Table& t = r->schemas[0].tables[0];
  EXPECT_FALSE(t.options.Has("strict"));
  EXPECT_EQ(t.options.Get("without_rowid"), "true");
  EXPECT_TRUE(t.columns[0].options.empty());
}

TEST(DecodeTest, ForEachAndVariables) {
  // Atlas's multi-tenant idiom: expanded schema blocks share a label and
  // are told apart by the for_each key.
  auto r = Decode(R"hcl(
variable "owner" {
  type = string
}
locals {
  tenants = ["t1", "t2"]
}
schema "tenant" {
  for_each = toset(local.tenants)
  name     = each.value
  comment  = "tenant ${each.value} of ${var.owner}"
}
table "users" {
  for_each = toset(local.tenants)
  schema   = schema.tenant[each.value]
  column "id" { type = int }
}
)hcl",
                  {{"owner", hcl::Value::String("acme")}});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->schemas.size(), 2u);
  EXPECT_EQ(r->schemas[0].name, "t1");
  EXPECT_EQ(r->schemas[0].comment, "tenant t1 of acme");
  EXPECT_EQ(r->schemas[1].name, "t2");
  ASSERT_EQ(r->schemas[1].tables.size(), 1u);
  EXPECT_EQ(r->schemas[1].tables[0].schema, "t2");
}

TEST(DecodeTest, ViewsAndTriggers) {
  auto r = Decode(R"hcl(
schema "main" {}
table "orders" {
  schema = schema.main
  column "id" { type = int }
  column "amount" { type = int }
}
view "big" {
  schema = schema.main
  column "id" {
    type = int
  }
  as = <<-SQL
    SELECT id
      FROM orders
  SQL
  depends_on = [table.orders]
}
trigger "audit" {
  on = table.orders
  before {
    update_of = [table.orders.column.amount]
    delete    = true
  }
  for  = ROW
  when = "OLD.amount > 0"
  as   = "BEGIN SELECT 1; END"
}
trigger "raw" {
  on = view.big
  as = <<-SQL
  CREATE TRIGGER raw INSTEAD OF INSERT ON big BEGIN SELECT 1; END
  SQL
}
)hcl");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const schema::Schema& s = r->schemas[0];
  ASSERT_EQ(s.views.size(), 1u);
  EXPECT_EQ(s.views[0].def, "SELECT id\n  FROM orders");
  EXPECT_EQ(s.views[0].depends_on, std::vector<std::string>{"table.orders"});
  ASSERT_EQ(s.triggers.size(), 2u);
  const schema::Trigger& a = s.triggers[0];
  EXPECT_EQ(a.table, "orders");
  EXPECT_EQ(a.options.Get(kTriggerTiming), "BEFORE");
  EXPECT_EQ(a.options.Get(kTriggerEvents), "DELETE OR UPDATE OF amount");
  EXPECT_EQ(a.options.Get(kTriggerForEach), "ROW");
  EXPECT_EQ(a.options.Get(kTriggerWhen), "OLD.amount > 0");
  EXPECT_EQ(a.def, "BEGIN SELECT 1; END");
  EXPECT_EQ(s.triggers[1].table, "big");
  EXPECT_TRUE(s.triggers[1].options.empty());
  EXPECT_EQ(s.triggers[1].def, "CREATE TRIGGER raw INSTEAD OF INSERT ON big BEGIN SELECT 1; END");
}

TEST(DecodeTest, EveryRegisteredTypeDecodesAndRoundTrips) {
  // Guards against type names colliding with HCL functions or keywords.
  for (const TypeDef& def : dialect::sqlite::SqliteTypes().defs()) {
    std::string ident = ReplaceAll(def.name, " ", "_");
    std::vector<std::string> spellings = {ident};
    if (def.max_args != 0) spellings.push_back(ident + "(10)");
    for (const std::string& spelling : spellings) {
      std::string text =
          "schema \"main\" {}\ntable \"t\" {\n  schema = schema.main\n"
          "  column \"c\" {\n    type = " +
          spelling + "\n  }\n}\n";
      auto r = Decode(text);
      ASSERT_TRUE(r.ok()) << spelling << ": " << r.status().message();
      const schema::Type& t = r->schemas[0].tables[0].columns[0].type;
      EXPECT_EQ(t.name, def.name) << spelling;
      EXPECT_FALSE(t.unsupported) << spelling;
      EXPECT_EQ(dialect::sqlite::SqliteTypes().ToHCL(t), spelling);
    }
  }
}

TEST(DecodeTest, NamesThatAreNotIdentifiersRoundTrip) {
  auto r = Decode(R"hcl(
schema "main" {}
table "my table" {
  schema = schema.main
  column "a b" {
    type = int
  }
  index "by a b" {
    columns = [column["a b"]]
  }
  foreign_key "self ref" {
    columns     = [column["a b"]]
    ref_columns = [table["my table"].column["a b"]]
  }
}
)hcl");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const schema::Table& t = r->schemas[0].tables[0];
  EXPECT_EQ(t.indexes[0].parts, std::vector<schema::IndexPart>{Part("a b")});
  EXPECT_EQ(t.foreign_keys[0].ref_table, "my table");
  EXPECT_EQ(t.foreign_keys[0].ref_columns, std::vector<std::string>{"a b"});
}

TEST(DecodeTest, DecodeFilesReadsDirectoriesInNameOrder) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("strata_spec_files_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
  };
  // b.hcl defines the schema that a.hcl's table uses; c.txt is not HCL.
  write("b.hcl",
        "schema \"main\" {}\ntable \"b\" {\n  schema = schema.main\n  column \"x\" {\n    type = "
        "int\n  }\n}\n");
  write("a.hcl",
        "table \"a\" {\n  schema = schema.main\n  column \"x\" {\n    type = int\n  }\n}\n");
  write("c.txt", "not hcl {");
  auto r = DecodeFiles({dir.string()}, {}, Sqlite());
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->schemas[0].tables.size(), 2u);
  EXPECT_EQ(r->schemas[0].tables[0].name, "a");
  EXPECT_EQ(r->schemas[0].tables[1].name, "b");
  auto missing = DecodeFiles({(dir / "nope.hcl").string()}, {}, Sqlite());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Code::kIO);
  fs::remove_all(dir);
}

// Errors carry the attribute's or block's position; built by hand here so
// the positions do not depend on the HCL parser.
TEST(DecodeTest, ErrorsUseAttributeAndBlockRanges) {
  auto range = [](int line, int col) {
    SourceRange r;
    r.filename = "x.hcl";
    r.start.line = line;
    r.start.column = col;
    return r;
  };
  hcl::Document doc;
  hcl::Block s{"schema", {"main"}, {}, {}, range(1, 1)};
  doc.blocks.push_back(s);
  hcl::Block t{"table", {"t"}, {}, {}, range(2, 1)};
  t.attributes.push_back(
      {"schema", hcl::Value::Ref({"schema", "main"}), range(3, 3), range(3, 12)});
  hcl::Block c{"column", {"id"}, {}, {}, range(4, 3)};
  c.attributes.push_back({"type", hcl::Value::Ref({"int"}), range(5, 5), range(5, 12)});
  c.attributes.push_back({"null", hcl::Value::String("yes"), range(6, 5), range(6, 12)});
  c.attributes.push_back({"colour", hcl::Value::String("red"), range(7, 5), range(7, 14)});
  t.blocks.push_back(c);
  doc.blocks.push_back(t);
  auto r = DecodeRealm(doc, Sqlite());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kParse);
  EXPECT_EQ(r.status().message(),
            "x.hcl:6:12: attribute \"null\" of column \"id\" of table \"t\" must be a bool, got "
            "string\n"
            "x.hcl:7:5: unknown attribute \"colour\" in column \"id\" of table \"t\"");
}

}  // namespace
}  // namespace strata::spec
