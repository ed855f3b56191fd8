// Schema-level objects in the differ, and views re-created around column
// changes (DiffHooks::RecreateDependentViews).
#include <gtest/gtest.h>

#include "diff/differ.h"

namespace strata::diff {
namespace {

using namespace schema;  // NOLINT

Object Enum(const std::string& name, std::vector<std::string> values) {
  Object o;
  o.kind = "enum";
  o.name = name;
  o.schema = "public";
  o.values = std::move(values);
  return o;
}

Object Func(const std::string& sig, const std::string& body) {
  Object o;
  o.kind = "function";
  o.name = "f";
  o.schema = "public";
  o.signature = sig;
  o.def = body;
  return o;
}

Schema Public() {
  Schema s;
  s.name = "public";
  return s;
}

std::string Describe(const Change& c) {
  if (auto* a = std::get_if<AddObject>(&c)) return "add " + a->o.Id();
  if (auto* d = std::get_if<DropObject>(&c)) return "drop " + d->o.Id();
  if (auto* m = std::get_if<ModifyObject>(&c)) return "modify " + m->to.Id();
  if (auto* a = std::get_if<AddView>(&c)) return "add view " + a->v.name;
  if (auto* d = std::get_if<DropView>(&c)) return "drop view " + d->v.name;
  if (auto* m = std::get_if<ModifyView>(&c)) return "modify view " + m->to.name;
  if (auto* m = std::get_if<ModifyTable>(&c)) return "modify table " + m->to.name;
  return "?";
}

std::vector<std::string> Describe(const ChangeList& cs) {
  std::vector<std::string> out;
  for (const auto& c : cs) out.push_back(Describe(c));
  return out;
}

const DiffHooks kHooks;

TEST(DiffObjects, AddDropModifyByKindNameAndSignature) {
  Schema from = Public(), to = Public();
  from.objects = {Enum("status", {"a"}), Enum("gone", {"x"}), Func("(integer)", "SELECT 1")};
  to.objects = {Enum("status", {"a", "b"}), Func("(integer)", "select  1"), Func("(text)", "SELECT 2")};
  auto changes = DiffSchema(from, to, kHooks);
  ASSERT_TRUE(changes.ok()) << changes.status().message();
  // The body differs only in case and spacing: no change for f(integer).
  EXPECT_EQ(Describe(*changes), (std::vector<std::string>{"modify enum status", "drop enum gone",
                                                          "add function f(text)"}));
}

TEST(DiffObjects, SkipKeysUseTheKind) {
  Schema from = Public(), to = Public();
  from.objects = {Enum("gone", {"x"})};
  to.objects = {Func("()", "SELECT 1")};
  DiffOptions opts;
  opts.skip = {"drop_enum"};
  auto changes = DiffSchema(from, to, kHooks, opts);
  ASSERT_TRUE(changes.ok());
  EXPECT_EQ(Describe(*changes), (std::vector<std::string>{"add function f()"}));
}

TEST(DiffObjects, NewSchemaBringsItsObjects) {
  Realm from, to;
  Schema s = Public();
  s.name = "app";
  s.objects = {Enum("e", {"x"})};
  to.schemas = {s};
  auto changes = DiffRealm(from, to, kHooks);
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->size(), 2u);
  EXPECT_TRUE(std::holds_alternative<AddSchema>((*changes)[0]));
  EXPECT_EQ(Describe((*changes)[1]), "add enum e");
}

// ---- dependent views ----

class PgLikeHooks : public DiffHooks {
 public:
  bool RecreateDependentViews() const override { return true; }
};

Table Orders(const std::string& amount_type) {
  Table t;
  t.name = "orders";
  t.schema = "public";
  Column id;
  id.name = "id";
  id.type = {"integer", "integer", {}};
  Column amount;
  amount.name = "amount";
  amount.type = {amount_type, amount_type, {}};
  t.columns = {id, amount};
  return t;
}

View V(const std::string& name, const std::string& def, std::vector<std::string> deps = {}) {
  View v;
  v.name = name;
  v.schema = "public";
  v.def = def;
  v.depends_on = std::move(deps);
  return v;
}

TEST(RecreateDependentViews, TypeChangeDropsAndRecreatesViewsTransitively) {
  Schema from = Public(), to = Public();
  from.tables = {Orders("integer")};
  to.tables = {Orders("bigint")};
  // big uses orders.amount; top is built on big; ids does not use amount;
  // other does not use orders at all.
  std::vector<View> views = {V("big", "SELECT id, amount FROM orders WHERE amount > 10", {"table.public.orders"}),
                             V("top", "SELECT id FROM big", {"view.public.big"}),
                             V("ids", "SELECT id FROM orders", {"table.public.orders"}),
                             V("other", "SELECT 1 AS amount")};
  from.views = views;
  to.views = views;
  PgLikeHooks hooks;
  auto changes = DiffSchema(from, to, hooks);
  ASSERT_TRUE(changes.ok());
  EXPECT_EQ(Describe(*changes),
            (std::vector<std::string>{"modify table orders", "drop view big", "add view big",
                                      "drop view top", "add view top"}));
  // Without the hook nothing but the table changes.
  auto plain = DiffSchema(from, to, kHooks);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(Describe(*plain), (std::vector<std::string>{"modify table orders"}));
}

TEST(RecreateDependentViews, ModifiedViewIsSplitAndDroppedViewLeftAlone) {
  Schema from = Public(), to = Public();
  from.tables = {Orders("integer")};
  to.tables = {Orders("text")};
  from.views = {V("a", "SELECT amount FROM orders"), V("b", "SELECT amount, id FROM orders")};
  to.views = {V("a", "SELECT amount, id FROM orders")};  // a changes, b goes away
  PgLikeHooks hooks;
  auto changes = DiffSchema(from, to, hooks);
  ASSERT_TRUE(changes.ok());
  EXPECT_EQ(Describe(*changes), (std::vector<std::string>{"modify table orders", "drop view a",
                                                          "drop view b", "add view a"}));
}

TEST(RecreateDependentViews, DroppedColumnCountsToo) {
  Schema from = Public(), to = Public();
  from.tables = {Orders("integer")};
  Table t = Orders("integer");
  t.columns.pop_back();
  to.tables = {t};
  from.views = {V("a", "SELECT id, amount FROM orders")};
  to.views = {V("a", "SELECT id FROM orders")};
  PgLikeHooks hooks;
  auto changes = DiffSchema(from, to, hooks);
  ASSERT_TRUE(changes.ok());
  EXPECT_EQ(Describe(*changes),
            (std::vector<std::string>{"modify table orders", "drop view a", "add view a"}));
}

}  // namespace
}  // namespace strata::diff
