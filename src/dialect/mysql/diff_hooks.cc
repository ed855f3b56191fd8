#include "dialect/mysql/diff_hooks.h"

#include "base/strings.h"
#include "dialect/mysql/normalize.h"
#include "dialect/mysql/types.h"

namespace strata::dialect::mysql {
namespace {

bool IsInteger(const std::string& n) {
  return n == "tinyint" || n == "smallint" || n == "mediumint" || n == "int" || n == "bigint";
}

// A type in comparable form: canonical name and arguments, integer display
// widths dropped unless they mean something (tinyint(1) is MySQL's bool;
// ZEROFILL pads to the width), bool spelled tinyint(1), and the implicit
// length 1 of char/binary/bit spelled out.
std::string Comparable(const schema::Type& in) {
  schema::Type t = ParseType(in.unsupported || in.name.empty() ? in.raw : FormatType(in));
  if (t.unsupported) return ToLower(CanonicalExpr(t.raw));
  if (t.name == "bool") {
    t.name = "tinyint";
    t.args = {"1"};
  }
  if (IsInteger(t.name) && !IsZerofill(t) && !(t.name == "tinyint" && t.args == std::vector<std::string>{"1"}))
    t.args.clear();
  if ((t.name == "char" || t.name == "binary" || t.name == "bit") && t.args.empty()) t.args = {"1"};
  // MySQL's blob(n)/text(n) pick a type by size; an explicit text(65535)
  // is text.
  if ((t.name == "text" || t.name == "blob") && t.args.size() == 1 && t.args[0] == "65535") t.args.clear();
  std::string s = t.name;
  if (!t.args.empty()) s += "(" + Join(t.args, ",") + ")";
  if (t.is_unsigned) s += " unsigned";
  if (IsZerofill(t)) s += " zerofill";
  return s;
}

}  // namespace

void MysqlDiffHooks::NormalizeTable(schema::Table& t) const { mysql::NormalizeTable(t, flavor_); }

bool MysqlDiffHooks::TypesEqual(const schema::Type& a, const schema::Type& b) const {
  return Comparable(a) == Comparable(b);
}

bool MysqlDiffHooks::DefaultsEqual(const std::optional<schema::Expr>& a,
                                   const std::optional<schema::Expr>& b) const {
  auto is_null = [](const std::optional<schema::Expr>& e) { return !e || EqualFold(Trim(e->text), "NULL"); };
  if (is_null(a) || is_null(b)) return is_null(a) == is_null(b);
  return CanonicalDefault(a->text) == CanonicalDefault(b->text);
}

bool MysqlDiffHooks::ExprEqual(const std::string& a, const std::string& b) const {
  return CanonicalExpr(a) == CanonicalExpr(b);
}

bool MysqlDiffHooks::ColumnOptionsEqual(const schema::Column& a, const schema::Column& b) const {
  schema::Options x = a.options, y = b.options;
  for (auto* o : {&x, &y}) {
    if (o->Has("on_update")) o->Set("on_update", CanonicalDefault(o->Get("on_update")));
    for (const char* k : {"auto_increment", "invisible"})
      if (o->Has(k) && o->Get(k) != "true") o->Erase(k);
  }
  return x == y;
}

bool MysqlDiffHooks::IndexOptionsEqual(const schema::Index& a, const schema::Index& b) const {
  auto norm = [](schema::Options o) {
    if (o.Has("type")) {
      std::string ty = ToUpper(o.Get("type"));
      if (ty == "BTREE") {
        o.Erase("type");
      } else {
        o.Set("type", ty);
      }
    }
    if (o.Has("parser")) o.Set("parser", ToLower(o.Get("parser")));
    return o;
  };
  return norm(a.options) == norm(b.options);
}

bool MysqlDiffHooks::TableOptionEqual(const std::string& key, const std::string& a,
                                      const std::string& b) const {
  if (key == "engine") {
    // An engine left out means the server default (InnoDB).
    return EqualFold(a.empty() ? "InnoDB" : a, b.empty() ? "InnoDB" : b);
  }
  if (key == "charset" || key == "collate") {
    // Left out of the desired state: inherited from the schema, whatever
    // it is (the planner cannot spell "the schema's default").
    return b.empty() || EqualFold(a, b);
  }
  if (key == "auto_increment") {
    // The counter moves with every insert: only a desired start above the
    // current one is a change.
    if (b.empty()) return true;
    long long from = a.empty() ? 1 : std::atoll(a.c_str()), to = std::atoll(b.c_str());
    return from >= to;
  }
  if (key == "partition") return CanonicalExpr(a) == CanonicalExpr(b);
  return a == b;
}

bool MysqlDiffHooks::SchemaOptionEqual(const std::string& key, const std::string& a,
                                       const std::string& b) const {
  if (key == "charset" || key == "collate") return b.empty() || EqualFold(a, b);
  return a == b;
}

}  // namespace strata::dialect::mysql
