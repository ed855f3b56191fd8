#include "plan/order.h"

#include <gtest/gtest.h>

namespace strata::plan {
namespace {

using namespace schema;  // NOLINT

Table T(const std::string& name, const std::string& ref = "") {
  Table t;
  t.name = name;
  t.schema = "main";
  if (!ref.empty()) {
    ForeignKey fk;
    fk.symbol = name + "_fk";
    fk.columns = {"r"};
    fk.ref_table = ref;
    fk.ref_columns = {"id"};
    t.foreign_keys.push_back(fk);
  }
  return t;
}

std::string Name(const Change& c) {
  if (auto* a = std::get_if<AddTable>(&c)) return "add:" + a->t.name;
  if (auto* d = std::get_if<DropTable>(&c)) return "drop:" + d->t.name;
  if (auto* v = std::get_if<AddView>(&c)) return "addview:" + v->v.name;
  if (auto* v = std::get_if<DropView>(&c)) return "dropview:" + v->v.name;
  if (auto* s = std::get_if<AddSchema>(&c)) return "schema:" + s->s.name;
  if (auto* m = std::get_if<ModifyTable>(&c)) return "modify:" + m->to.name;
  if (auto* a = std::get_if<AddObject>(&c)) return "add" + a->o.kind + ":" + a->o.name;
  if (auto* d = std::get_if<DropObject>(&c)) return "drop" + d->o.kind + ":" + d->o.name;
  return "?";
}

std::vector<std::string> Names(const ChangeList& cs) {
  std::vector<std::string> out;
  for (const auto& c : cs) out.push_back(Name(c));
  return out;
}

TEST(OrderChanges, ReferencedTablesFirstOtherwiseInputOrder) {
  ChangeList in{AddTable{T("c", "b")}, AddTable{T("a")}, AddTable{T("b", "a")}, AddTable{T("d")}};
  EXPECT_EQ(Names(OrderChanges(in)), (std::vector<std::string>{"add:a", "add:b", "add:c", "add:d"}));
}

TEST(OrderChanges, SelfReferenceAndCyclesDoNotHang) {
  ChangeList in{AddTable{T("a", "b")}, AddTable{T("b", "a")}, AddTable{T("s", "s")}};
  // "s" only references itself, so it is ready first; the a<->b cycle is
  // broken at its earliest member.
  EXPECT_EQ(Names(OrderChanges(in)), (std::vector<std::string>{"add:s", "add:a", "add:b"}));
}

TEST(OrderChanges, PhasesDropsLastViewsAfterTables) {
  View v;
  v.name = "v";
  v.schema = "main";
  v.def = "SELECT * FROM b";
  View old = v;
  old.name = "old";
  Schema s;
  s.name = "main";
  ChangeList in{DropTable{T("x")}, AddView{v}, AddTable{T("b")}, DropView{old}, AddSchema{s}};
  EXPECT_EQ(Names(OrderChanges(in)),
            (std::vector<std::string>{"dropview:old", "schema:main", "add:b", "addview:v", "drop:x"}));
}

TEST(OrderChanges, DropsReferencingTablesBeforeReferenced) {
  ChangeList in{DropTable{T("parent")}, DropTable{T("child", "parent")}};
  EXPECT_EQ(Names(OrderChanges(in)), (std::vector<std::string>{"drop:child", "drop:parent"}));
}

TEST(OrderChanges, ViewsOnViews) {
  View a, b;
  a.name = "a";
  a.schema = b.schema = "main";
  a.def = "SELECT * FROM b";
  b.name = "b";
  b.def = "SELECT * FROM t";
  ChangeList in{AddView{a}, AddView{b}, AddTable{T("t")}};
  EXPECT_EQ(Names(OrderChanges(in)), (std::vector<std::string>{"add:t", "addview:b", "addview:a"}));
}

TEST(OrderChanges, ScalesToThousandsOfTables) {
  ChangeList in;
  for (int i = 4999; i >= 0; --i)
    in.push_back(AddTable{T("t" + std::to_string(i), i ? "t" + std::to_string(i - 1) : "")});
  auto out = OrderChanges(in);
  ASSERT_EQ(out.size(), 5000u);
  EXPECT_EQ(Name(out[0]), "add:t0");
  EXPECT_EQ(Name(out[4999]), "add:t4999");
}

Object Obj(const std::string& kind, const std::string& name, const std::string& def = "") {
  Object o;
  o.kind = kind;
  o.name = name;
  o.schema = "main";
  o.def = def;
  return o;
}

Table WithColumn(const std::string& name, const std::string& type, const std::string& def = "") {
  Table t = T(name);
  Column c;
  c.name = "c";
  c.type.raw = type;
  c.type.name = type;
  if (!def.empty()) c.default_value = Expr{Expr::Kind::kRaw, def};
  t.columns.push_back(c);
  return t;
}

TEST(OrderChanges, ObjectsBeforeTheTablesThatNameThem) {
  // The table is listed first; its column type names the enum and its
  // default calls the function, which takes a domain.
  ChangeList in{AddTable{WithColumn("t", "status", "next_code()")},
                AddObject{Obj("function", "next_code", "SELECT 1::code")},
                AddObject{Obj("domain", "code")}, AddObject{Obj("enum", "status")},
                AddTable{T("plain")}};
  EXPECT_EQ(Names(OrderChanges(in)),
            (std::vector<std::string>{"adddomain:code", "addfunction:next_code", "addenum:status",
                                      "add:t", "add:plain"}));
}

TEST(OrderChanges, ObjectsDroppedAfterTheirUsers) {
  ChangeList in{DropObject{Obj("enum", "status")}, DropTable{WithColumn("t", "status")},
                AddTable{T("n")}};
  EXPECT_EQ(Names(OrderChanges(in)), (std::vector<std::string>{"add:n", "drop:t", "dropenum:status"}));
}

TEST(OrderChanges, PolicyAfterItsTable) {
  Object p = Obj("policy", "p");
  p.options.Set("table", "t");
  ChangeList in{AddObject{p}, AddTable{T("t")}};
  EXPECT_EQ(Names(OrderChanges(in)), (std::vector<std::string>{"add:t", "addpolicy:p"}));
}

}  // namespace
}  // namespace strata::plan
