// Encoder output checked byte for byte against what Atlas's marshaler
// prints (expected texts follow Atlas's own marshal tests and inspection
// goldens: sql/{sqlite,postgres}/sqlspec_test.go,
// internal/integration/testdata/sqlite/cli-inspect.txt).
#include "spec/encode.h"

#include <gtest/gtest.h>

#include "spec/spec_testing.h"

namespace strata::spec {
namespace {

using namespace testing;  // NOLINT(build/namespaces): terse model builders

schema::Table Table(const std::string& name, std::vector<schema::Column> cols) {
  schema::Table t;
  t.name = name;
  t.columns = std::move(cols);
  return t;
}

schema::Schema Schema(const std::string& name, std::vector<schema::Table> tables) {
  schema::Schema s;
  s.name = name;
  for (auto& t : tables) t.schema = name;
  s.tables = std::move(tables);
  return s;
}

schema::ForeignKey Fk(const std::string& symbol, std::vector<std::string> cols,
                      const std::string& ref_table, std::vector<std::string> ref_cols) {
  schema::ForeignKey fk;
  fk.symbol = symbol;
  fk.columns = std::move(cols);
  fk.ref_table = ref_table;
  fk.ref_columns = std::move(ref_cols);
  return fk;
}

TEST(EncodeTest, AutoIncrementColumn) {
  auto id = Col("id", "int");
  id.options.Set("auto_increment", "true");
  auto s = Schema("test", {Table("users", {id})});
  EXPECT_EQ(EncodeSchema(s, Sqlite()),
            R"hcl(table "users" {
  schema = schema.test
  column "id" {
    null           = false
    type           = int
    auto_increment = true
  }
}
schema "test" {
}
)hcl");
}

TEST(EncodeTest, InspectGolden) {
  auto s = Schema("main", {Table("users", {Col("id", "int"), Col("a", "int"), Col("b", "int"),
                                           Col("ab", "int"), Col("ac", "uint64")})});
  schema::Realm r;
  r.schemas.push_back(s);
  EXPECT_EQ(EncodeRealm(r, Sqlite()), R"hcl(table "users" {
  schema = schema.main
  column "id" {
    null = false
    type = int
  }
  column "a" {
    null = false
    type = int
  }
  column "b" {
    null = false
    type = int
  }
  column "ab" {
    null = false
    type = int
  }
  column "ac" {
    null = false
    type = uint64
  }
}
schema "main" {
}
)hcl");
  schema::Realm empty;
  empty.schemas.push_back(Schema("main", {}));
  EXPECT_EQ(EncodeRealm(empty, Sqlite()), "schema \"main\" {\n}\n");
}

// Atlas's TestMarshalRealm: repeated table names are qualified, and so are
// foreign keys that point at them.
TEST(EncodeTest, RealmQualifiesRepeatedNames) {
  auto t2 = Table("t2", {Col("oid", "int")});
  t2.comment = "Qualified with s1";
  t2.foreign_keys.push_back(Fk("oid2id", {"oid"}, "t1", {"id"}));
  auto t4 = Table("t2", {Col("oid", "int")});
  t4.comment = "Qualified with s2";
  t4.foreign_keys.push_back(Fk("oid2id", {"oid"}, "t3", {"id"}));
  auto t5 = Table("t5", {Col("oid", "int")});
  t5.foreign_keys.push_back(Fk("oid2id1", {"oid"}, "t1", {"id"}));
  t5.foreign_keys.back().ref_schema = "s1";
  t5.foreign_keys.push_back(Fk("oid2id2", {"oid"}, "t2", {"oid"}));
  t5.foreign_keys.back().ref_schema = "s1";
  schema::Realm r;
  r.schemas.push_back(Schema("s1", {Table("t1", {Col("id", "int")}), t2}));
  r.schemas.push_back(Schema("s2", {Table("t3", {Col("id", "int")}), t4, t5}));
  EXPECT_EQ(EncodeRealm(r, Sqlite()), R"hcl(table "t1" {
  schema = schema.s1
  column "id" {
    null = false
    type = int
  }
}
table "s1" "t2" {
  schema  = schema.s1
  comment = "Qualified with s1"
  column "oid" {
    null = false
    type = int
  }
  foreign_key "oid2id" {
    columns     = [column.oid]
    ref_columns = [table.t1.column.id]
  }
}
table "t3" {
  schema = schema.s2
  column "id" {
    null = false
    type = int
  }
}
table "s2" "t2" {
  schema  = schema.s2
  comment = "Qualified with s2"
  column "oid" {
    null = false
    type = int
  }
  foreign_key "oid2id" {
    columns     = [column.oid]
    ref_columns = [table.t3.column.id]
  }
}
table "t5" {
  schema = schema.s2
  column "oid" {
    null = false
    type = int
  }
  foreign_key "oid2id1" {
    columns     = [column.oid]
    ref_columns = [table.t1.column.id]
  }
  foreign_key "oid2id2" {
    columns     = [column.oid]
    ref_columns = [table.s1.t2.column.oid]
  }
}
schema "s1" {
}
schema "s2" {
}
)hcl");
}

// Atlas's TestMarshalQualifiers: a table named like a schema that is used
// as a qualifier is qualified too.
TEST(EncodeTest, QualifiesNamesThatLookLikeQualifiers) {
  schema::Realm r;
  r.schemas.push_back(Schema("s1", {Table("t1", {Col("id", "int")})}));
  r.schemas.push_back(Schema("s2", {Table("t1", {Col("id", "int")})}));
  r.schemas.push_back(Schema("s3", {Table("s1", {Col("id", "int")})}));
  std::string out = EncodeRealm(r, Sqlite());
  EXPECT_NE(out.find("table \"s1\" \"t1\" {"), std::string::npos) << out;
  EXPECT_NE(out.find("table \"s2\" \"t1\" {"), std::string::npos) << out;
  EXPECT_NE(out.find("table \"s3\" \"s1\" {"), std::string::npos) << out;
}

TEST(EncodeTest, SelfReferenceIsRelativeOnlyInSchemaScope) {
  auto t = Table("nodes", {Col("id", "integer"), Col("parent_id", "integer", true)});
  t.primary_key = Pk({"id"});
  t.foreign_keys.push_back(Fk("parent", {"parent_id"}, "nodes", {"id"}));
  t.foreign_keys.back().on_update = schema::ReferenceAction::kNoAction;
  t.foreign_keys.back().on_delete = schema::ReferenceAction::kSetNull;
  auto s = Schema("main", {t});
  std::string fk_schema = R"hcl(  foreign_key "parent" {
    columns     = [column.parent_id]
    ref_columns = [column.id]
    on_update   = NO_ACTION
    on_delete   = SET_NULL
  }
)hcl";
  EXPECT_NE(EncodeSchema(s, Sqlite()).find(fk_schema), std::string::npos)
      << EncodeSchema(s, Sqlite());
  schema::Realm r;
  r.schemas.push_back(s);
  EXPECT_NE(EncodeRealm(r, Sqlite()).find("ref_columns = [table.nodes.column.id]"),
            std::string::npos);
}

TEST(EncodeTest, TableOptionsFollowChildBlocks) {
  auto t = Table("t1", {Col("id", "integer")});
  t.primary_key = Pk({"id"});
  t.options.Set("strict", "true");
  t.options.Set("without_rowid", "true");
  auto plain = Table("t2", {Col("id", "integer")});
  plain.options.Set("strict", "false");  // the default: not printed
  EXPECT_EQ(EncodeSchema(Schema("main", {t, plain}), Sqlite()), R"hcl(table "t1" {
  schema = schema.main
  column "id" {
    null = false
    type = integer
  }
  primary_key {
    columns = [column.id]
  }
  without_rowid = true
  strict        = true
}
table "t2" {
  schema = schema.main
  column "id" {
    null = false
    type = integer
  }
}
schema "main" {
}
)hcl");
}

TEST(EncodeTest, ColumnsIndexesChecks) {
  auto name = Col("name", "varchar(255)", true);
  name.default_value = Lit("'it''s'");
  name.comment = "display name";
  auto price = Col("price", "decimal(10,2)");
  price.default_value = Lit("1.50");
  auto active = Col("active", "bool");
  active.default_value = Lit("TRUE");
  auto created = Col("created", "datetime");
  created.default_value = Raw("CURRENT_TIMESTAMP");
  auto flags = Col("flags", "blob", true);
  flags.default_value = Lit("x'00'");
  auto total = Col("total", "double precision");
  total.generated = schema::GeneratedExpr{"price * 2", "stored"};
  auto custom = Col("geo", "geometry", true);
  auto t = Table("items", {name, price, active, created, flags, total, custom});
  auto by_name = Idx("by_name", {Part("name")}, /*unique=*/true);
  by_name.where = "active";
  t.indexes.push_back(by_name);
  t.indexes.push_back(Idx("by_expr", {Part("price", /*desc=*/true), ExprPart("lower(name)")}));
  schema::Check ck;
  ck.name = "positive";
  ck.expr = "price > 0";
  t.checks.push_back(ck);
  EXPECT_EQ(EncodeSchema(Schema("main", {t}), Sqlite()), R"hcl(table "items" {
  schema = schema.main
  column "name" {
    null    = true
    type    = varchar(255)
    default = "it's"
    comment = "display name"
  }
  column "price" {
    null    = false
    type    = decimal(10,2)
    default = 1.5
  }
  column "active" {
    null    = false
    type    = bool
    default = true
  }
  column "created" {
    null    = false
    type    = datetime
    default = sql("CURRENT_TIMESTAMP")
  }
  column "flags" {
    null    = true
    type    = blob
    default = sql("x'00'")
  }
  column "total" {
    null = false
    type = double_precision
    as {
      expr = "price * 2"
      type = STORED
    }
  }
  column "geo" {
    null = true
    type = sql("geometry")
  }
  index "by_name" {
    unique  = true
    columns = [column.name]
    where   = "active"
  }
  index "by_expr" {
    on {
      desc   = true
      column = column.price
    }
    on {
      expr = "lower(name)"
    }
  }
  check "positive" {
    expr = "price > 0"
  }
}
schema "main" {
}
)hcl");
}

TEST(EncodeTest, ViewsAndTriggers) {
  auto s = Schema("main", {Table("orders", {Col("id", "int"), Col("amount", "int")})});
  schema::View v;
  v.name = "big";
  v.schema = "main";
  v.def = "SELECT id\nFROM orders\nWHERE amount > 100";
  v.depends_on = {"table.orders"};
  v.columns.push_back({"id", T("int")});
  s.views.push_back(v);
  schema::Trigger tr;
  tr.name = "audit";
  tr.schema = "main";
  tr.table = "orders";
  tr.def = "BEGIN\n  SELECT 1;\nEND";
  tr.options.Set("timing", "AFTER");
  tr.options.Set("events", "UPDATE OF amount");
  s.triggers.push_back(tr);
  EXPECT_EQ(EncodeSchema(s, Sqlite()), R"hcl(table "orders" {
  schema = schema.main
  column "id" {
    null = false
    type = int
  }
  column "amount" {
    null = false
    type = int
  }
}
view "big" {
  schema = schema.main
  column "id" {
    null = true
    type = int
  }
  as         = <<-SQL
  SELECT id
  FROM orders
  WHERE amount > 100
  SQL
  depends_on = [table.orders]
}
trigger "audit" {
  on = table.orders
  after {
    update_of = [table.orders.column.amount]
  }
  as = <<-SQL
  BEGIN
    SELECT 1;
  END
  SQL
}
schema "main" {
}
)hcl");
}

TEST(EncodeTest, QuotesNamesThatAreNotIdentifiers) {
  auto t = Table("my table", {Col("a b", "int")});
  t.primary_key = Pk({"a b"});
  std::string out = EncodeSchema(Schema("main", {t}), Sqlite());
  EXPECT_NE(out.find("table \"my table\" {"), std::string::npos) << out;
  EXPECT_NE(out.find("columns = [column[\"a b\"]]"), std::string::npos) << out;
}

}  // namespace
}  // namespace strata::spec
