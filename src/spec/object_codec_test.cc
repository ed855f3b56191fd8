// The generic object codec (decode_object.cc, encode_object.cc) with a
// made-up dialect: what a dialect gets from ObjectSpec data alone, and from
// its hooks.
#include <gtest/gtest.h>

#include "spec/decode.h"
#include "spec/encode.h"
#include "spec/hcl_writer.h"

namespace strata::spec {
namespace {

const TypeRegistry& Types() {
  static const TypeRegistry kTypes({{"int", 0, false, {}}, {"text", 0, false, {}}});
  return kTypes;
}

// "widget": values, a string definition, options, an ordered block, and a
// hook that reads `owner_note` into an option and prints it back last.
// "gadget": printed before widgets, names a type (`type = gadget.g`).
const DialectSpec& Fake() {
  static const DialectSpec kSpec = [] {
    DialectSpec d;
    d.name = "fake";
    d.types = &Types();
    ObjectSpec gadget;
    gadget.kind = "gadget";
    gadget.type_name = true;
    ObjectSpec w;
    w.kind = "widget";
    w.values = true;
    w.def_attr = "as";
    w.def_kind = AttrKind::kString;
    w.def_required = true;
    w.attrs = {AttrSpec{"size", "size", AttrKind::kInt, "1"}, AttrSpec{"shiny", "shiny", AttrKind::kBool, "false"},
               AttrSpec{"mode", "mode", AttrKind::kIdentifier, "", {"FAST", "SLOW"}},
               AttrSpec{"elem", "elem", AttrKind::kType}};
    w.blocks = {ObjectBlockSpec{"part", true, {AttrSpec{"type", "type", AttrKind::kType}}}};
    w.hook_names = {"owner_note"};
    w.decode_hook = [](const hcl::Block& b, schema::Object* o,
                       const std::function<void(const SourceRange&, std::string)>& error) {
      const hcl::Attribute* a = b.Attr("owner_note");
      if (a == nullptr) return true;
      if (a->value.kind() != hcl::Value::Kind::kString) {
        error(a->value_range, "owner_note must be a string");
        return false;
      }
      o->options.Set("note", a->value.str());
      return true;
    };
    w.encode_hook = [](const schema::Object& o, HclBody& body) {
      if (o.options.Has("note")) body.Attr("owner_note", hcl::Quote(o.options.Get("note")));
    };
    d.objects = {gadget, w};
    return d;
  }();
  return kSpec;
}

const char* const kDoc = R"hcl(table "t" {
  schema = schema.s
  column "g" {
    null = false
    type = gadget.g
  }
}
gadget "g" {
  schema = schema.s
}
widget "a" {
  schema = schema.s
  as     = "def a"
  values = ["x", "y"]
  size   = 3
  mode   = FAST
  elem   = gadget.g
  part "p1" {
    type = int
  }
  part "p0" {
    type = sql("g[]")
  }
  owner_note = "n"
}
widget "b" {
  schema = schema.s
  as     = "def b"
  values = []
}
schema "s" {
}
)hcl";

TEST(ObjectCodec, DataAndHooksRoundTrip) {
  auto r = DecodeSources({{"f.hcl", kDoc}}, {}, Fake());
  ASSERT_TRUE(r.ok()) << r.status().message();
  const schema::Schema& s = r->schemas[0];
  const schema::Object* a = s.FindObject("widget a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->def, "def a");
  EXPECT_EQ(a->values, (std::vector<std::string>{"x", "y", "p1", "p0"}));
  EXPECT_EQ(a->options.Get("size"), "3");
  EXPECT_FALSE(a->options.Has("shiny"));
  EXPECT_EQ(a->options.Get("mode"), "FAST");
  EXPECT_EQ(a->options.Get("elem"), "g");  // same schema: bare
  EXPECT_EQ(a->options.Get("part.p1.type"), "int");
  EXPECT_EQ(a->options.Get("part.p0.type"), "g[]");
  EXPECT_EQ(a->options.Get("note"), "n");
  EXPECT_EQ(a->depends_on, (std::vector<std::string>{"gadget.s.g", "gadget.s.g"}));
  EXPECT_EQ(s.tables[0].columns[0].type.schema, "s");
  EXPECT_EQ(s.tables[0].columns[0].type.raw, "g");
  // Ordered blocks share Object::values with `values`: encoding prints
  // values then blocks, which is lossy for this made-up mix; compare a
  // widget without blocks instead.
  schema::Realm only_b = *r;
  auto& objs = only_b.schemas[0].objects;
  objs.erase(std::remove_if(objs.begin(), objs.end(), [](const auto& o) { return o.name == "a"; }), objs.end());
  std::string out = EncodeRealm(only_b, Fake());
  EXPECT_NE(out.find("widget \"b\" {\n  schema = schema.s\n  as     = \"def b\"\n  values = []\n}\n"),
            std::string::npos)
      << out;
  // Kind order: gadgets before widgets, whatever the model order.
  EXPECT_LT(out.find("gadget \"g\""), out.find("widget \"b\""));
  auto again = DecodeSources({{"f.hcl", out}}, {}, Fake());
  ASSERT_TRUE(again.ok()) << again.status().message() << "\n" << out;
  EXPECT_EQ(*again, only_b);
}

TEST(ObjectCodec, HookAndDataErrors) {
  auto r = DecodeSources({{"f.hcl", R"hcl(
schema "s" {}
widget "a" {
  schema     = schema.s
  mode       = MEDIUM
  owner_note = 1
  part "p" {
    type = nope
  }
}
)hcl"}},
                         {}, Fake());
  ASSERT_FALSE(r.ok());
  const std::string m = r.status().message();
  EXPECT_NE(m.find("missing required attribute \"as\" in widget \"a\""), std::string::npos) << m;
  EXPECT_NE(m.find("unknown value MEDIUM for attribute \"mode\""), std::string::npos) << m;
  EXPECT_NE(m.find("owner_note must be a string"), std::string::npos) << m;
  EXPECT_NE(m.find("nope"), std::string::npos) << m;
}

}  // namespace
}  // namespace strata::spec
