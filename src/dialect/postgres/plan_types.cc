#include "dialect/postgres/plan_types.h"

#include <algorithm>
#include <set>

#include "base/strings.h"
#include "dialect/postgres/render_types.h"

namespace strata::dialect::postgres::internal {
namespace {

std::string SourceOf(const std::string& verb, const schema::Object& o) {
  return verb + "_" + o.kind + " " + GoQuote(o.name);
}

plan::PlannedChange Change(std::string cmd, std::string comment, std::vector<std::string> reverse,
                           std::string source, bool destructive = false) {
  plan::PlannedChange c;
  c.cmd = std::move(cmd);
  c.comment = std::move(comment);
  c.reverse = std::move(reverse);
  c.source = std::move(source);
  c.destructive = destructive;
  return c;
}

std::string What(const schema::Object& o) { return GoQuote(o.name) + " " + o.kind; }

// The CREATE statements of an object (without OWNED BY), as a reverse.
Result<std::vector<std::string>> CreateStatements(const schema::Object& o, const RenderOptions& ro) {
  ASSIGN_OR_RETURN(std::string create, CreateTypeObject(o, ro));
  std::vector<std::string> out = {std::move(create)};
  if (!o.comment.empty()) out.push_back(ObjectComment(o, o.comment, ro));
  return out;
}

Status ModifyEnum(const schema::Object& from, const schema::Object& to, const RenderOptions& ro,
                  std::vector<plan::PlannedChange>* out) {
  // Existing values must keep their relative order; new ones are inserted
  // around them with ADD VALUE ... BEFORE/AFTER.
  for (const auto& v : from.values)
    if (std::find(to.values.begin(), to.values.end(), v) == to.values.end())
      return Unsupported("dropping enum " + GoQuote(to.name) + " value " + GoQuote(v) + " is not supported");
  size_t next = 0;  // index in from.values of the next existing value expected
  for (const auto& v : to.values) {
    auto it = std::find(from.values.begin(), from.values.end(), v);
    if (it == from.values.end()) continue;
    if (static_cast<size_t>(it - from.values.begin()) != next)
      return Unsupported("reordering enum " + GoQuote(to.name) + " value " + GoQuote(v) + " is not supported");
    ++next;
  }
  // Values are added in order, so the neighbour named is always present.
  for (size_t i = 0; i < to.values.size(); ++i) {
    const std::string& v = to.values[i];
    if (std::find(from.values.begin(), from.values.end(), v) != from.values.end()) continue;
    std::string cmd = "ALTER TYPE " + ObjectName(to, ro) + " ADD VALUE " + QuoteString(v);
    if (i == 0) {
      if (!from.values.empty()) cmd += " BEFORE " + QuoteString(from.values.front());
    } else if (i + 1 < to.values.size()) {
      cmd += " AFTER " + QuoteString(to.values[i - 1]);
    }
    // No reverse: PostgreSQL cannot drop an enum value.
    out->push_back(Change(std::move(cmd), "add value to enum type: " + GoQuote(to.name), {},
                          SourceOf("modify", to)));
  }
  return Status::Ok();
}

std::vector<std::pair<std::string, std::string>> Checks(const schema::Object& o) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [k, v] : o.options.items())
    if (StartsWith(k, "check.") && EndsWith(k, ".expr")) out.emplace_back(k.substr(6, k.size() - 11), v);
  std::sort(out.begin(), out.end());
  return out;
}

Status ModifyDomain(const schema::Object& from, const schema::Object& to, const RenderOptions& ro,
                    std::vector<plan::PlannedChange>* out) {
  if (from.def != to.def || from.options.Get("collate") != to.options.Get("collate")) {
    return Unsupported("changing the type or collation of domain " + GoQuote(to.name) +
                       " is not supported; drop and re-create it");
  }
  const std::string alter = "ALTER DOMAIN " + ObjectName(to, ro);
  const std::string src = SourceOf("modify", to);
  auto def_clause = [](const std::string& d) { return d.empty() ? " DROP DEFAULT" : " SET DEFAULT " + d; };
  if (std::string a = from.options.Get("default"), b = to.options.Get("default"); a != b)
    out->push_back(Change(alter + def_clause(b), "set default of domain: " + GoQuote(to.name), {alter + def_clause(a)}, src));
  auto null_clause = [](const schema::Object& o) {
    return o.options.Get("null") == "false" ? " SET NOT NULL" : " DROP NOT NULL";
  };
  if (from.options.Get("null") != to.options.Get("null"))
    out->push_back(Change(alter + null_clause(to), "set nullability of domain: " + GoQuote(to.name),
                          {alter + null_clause(from)}, src));
  auto old_checks = Checks(from), new_checks = Checks(to);
  auto add = [&](const std::string& n, const std::string& e) {
    return alter + " ADD CONSTRAINT " + Quote(n) + " CHECK " + MayWrap(e);
  };
  auto drop = [&](const std::string& n) { return alter + " DROP CONSTRAINT " + Quote(n); };
  for (const auto& c : old_checks)
    if (std::find(new_checks.begin(), new_checks.end(), c) == new_checks.end())
      out->push_back(Change(drop(c.first), "drop check of domain: " + GoQuote(to.name), {add(c.first, c.second)}, src));
  for (const auto& c : new_checks)
    if (std::find(old_checks.begin(), old_checks.end(), c) == old_checks.end())
      out->push_back(Change(add(c.first, c.second), "add check to domain: " + GoQuote(to.name), {drop(c.first)}, src));
  return Status::Ok();
}

Status ModifyComposite(const schema::Object& from, const schema::Object& to, const RenderOptions& ro,
                       std::vector<plan::PlannedChange>* out) {
  // Kept fields keep their order and come first: PostgreSQL appends new
  // attributes at the end.
  std::vector<std::string> kept;
  for (const auto& f : to.values)
    if (std::find(from.values.begin(), from.values.end(), f) != from.values.end()) kept.push_back(f);
  std::vector<std::string> old_kept;
  for (const auto& f : from.values)
    if (std::find(to.values.begin(), to.values.end(), f) != to.values.end()) old_kept.push_back(f);
  bool prefix = std::equal(kept.begin(), kept.end(), to.values.begin());
  if (kept != old_kept || !prefix)
    return Unsupported("reordering the fields of composite type " + GoQuote(to.name) + " is not supported");
  auto type_of = [&](const schema::Object& o, const std::string& f) {
    std::string t = ObjectTypeText(o, o.options.Get("field." + f + ".type"), ro);
    if (std::string c = o.options.Get("field." + f + ".collate"); !c.empty()) t += " COLLATE " + Quote(c);
    return t;
  };
  std::vector<std::string> up, down;
  for (const auto& f : from.values) {
    if (std::find(to.values.begin(), to.values.end(), f) != to.values.end()) continue;
    up.push_back("DROP ATTRIBUTE " + Quote(f));
    down.push_back("ADD ATTRIBUTE " + Quote(f) + " " + type_of(from, f));
  }
  for (const auto& f : kept) {
    if (type_of(from, f) == type_of(to, f)) continue;
    up.push_back("ALTER ATTRIBUTE " + Quote(f) + " TYPE " + type_of(to, f));
    down.push_back("ALTER ATTRIBUTE " + Quote(f) + " TYPE " + type_of(from, f));
  }
  for (const auto& f : to.values) {
    if (std::find(from.values.begin(), from.values.end(), f) != from.values.end()) continue;
    up.push_back("ADD ATTRIBUTE " + Quote(f) + " " + type_of(to, f));
    down.push_back("DROP ATTRIBUTE " + Quote(f));
  }
  if (up.empty()) return Status::Ok();
  std::reverse(down.begin(), down.end());
  const std::string alter = "ALTER TYPE " + ObjectName(to, ro) + " ";
  out->push_back(Change(alter + Join(up, ", "), "modify composite type: " + GoQuote(to.name),
                        {alter + Join(down, ", ")}, SourceOf("modify", to)));
  return Status::Ok();
}

Status ModifySequence(const schema::Object& from, const schema::Object& to, const RenderOptions& ro,
                      std::vector<plan::PlannedChange>* out) {
  schema::Options a = from.options, b = to.options;
  a.Erase("owned_by");
  b.Erase("owned_by");
  const std::string alter = "ALTER SEQUENCE " + ObjectName(to, ro) + " ";
  if (!(a == b)) {
    out->push_back(Change(alter + SequenceOptions(b, true), "modify sequence: " + GoQuote(to.name),
                          {alter + SequenceOptions(a, true)}, SourceOf("modify", to)));
  }
  std::string ob_from = from.options.Get("owned_by"), ob_to = to.options.Get("owned_by");
  if (ob_from != ob_to) {
    out->push_back(Change(SequenceOwnedBy(to, ob_to, ro), "set owner of sequence: " + GoQuote(to.name),
                          {SequenceOwnedBy(to, ob_from, ro)}, SourceOf("modify", to)));
  }
  return Status::Ok();
}

Status ModifyExtension(const schema::Object& from, const schema::Object& to, const RenderOptions& ro,
                       std::vector<plan::PlannedChange>* out) {
  std::string va = from.options.Get("version"), vb = to.options.Get("version");
  if (va != vb && !vb.empty()) {
    const std::string alter = "ALTER EXTENSION " + ObjectName(to, ro) + " UPDATE TO ";
    std::vector<std::string> reverse;
    if (!va.empty()) reverse.push_back(alter + QuoteString(va));
    out->push_back(Change(alter + QuoteString(vb), "update extension: " + GoQuote(to.name), std::move(reverse),
                          SourceOf("modify", to)));
  }
  return Status::Ok();
}

}  // namespace

Status PlanAddType(const schema::Object& o, const RenderOptions& ro, std::vector<plan::PlannedChange>* out,
                   std::vector<plan::PlannedChange>* deferred) {
  ASSIGN_OR_RETURN(std::string create, CreateTypeObject(o, ro));
  const std::string src = SourceOf("add", o);
  out->push_back(Change(std::move(create), "create " + What(o), {DropTypeObject(o, ro)}, src));
  if (!o.comment.empty())
    out->push_back(Change(ObjectComment(o, o.comment, ro), "set comment to " + What(o),
                          {ObjectComment(o, "", ro)}, src));
  if (o.kind == "sequence" && o.options.Has("owned_by")) {
    deferred->push_back(Change(SequenceOwnedBy(o, o.options.Get("owned_by"), ro),
                               "set owner of sequence: " + GoQuote(o.name), {SequenceOwnedBy(o, "", ro)}, src));
  }
  return Status::Ok();
}

Status PlanDropType(const schema::Object& o, const RenderOptions& ro, std::vector<plan::PlannedChange>* out) {
  auto reverse = CreateStatements(o, ro);
  if (!reverse.ok()) return reverse.status().Wrap("postgres: calculate reverse for drop " + What(o));
  bool owned = o.kind == "sequence" && o.options.Has("owned_by");
  out->push_back(Change(DropTypeObject(o, ro, /*if_exists=*/owned), "drop " + What(o), std::move(*reverse),
                        SourceOf("drop", o), /*destructive=*/o.kind == "sequence" || o.kind == "extension"));
  return Status::Ok();
}

bool EnumValueUsedLater(const std::vector<plan::PlannedChange>& changes) {
  for (size_t i = 0; i < changes.size(); ++i) {
    const std::string& cmd = changes[i].cmd;
    size_t at = cmd.find(" ADD VALUE '");
    if (!StartsWith(cmd, "ALTER TYPE ") || at == std::string::npos) continue;
    // The quoted literal: 'v' with '' inside.
    size_t b = at + 11, e = b + 1;
    while (e < cmd.size() && (cmd[e] != '\'' || (e + 1 < cmd.size() && cmd[e + 1] == '\''))) e += cmd[e] == '\'' ? 2 : 1;
    const std::string literal = cmd.substr(b, e - b + 1);
    for (size_t j = i + 1; j < changes.size(); ++j)
      if (changes[j].cmd.find(" ADD VALUE ") == std::string::npos && changes[j].cmd.find(literal) != std::string::npos)
        return true;
  }
  return false;
}

Status PlanModifyType(const schema::ModifyObject& m, const RenderOptions& ro,
                      std::vector<plan::PlannedChange>* out) {
  const schema::Object &from = m.from, &to = m.to;
  if (to.kind == "enum") RETURN_IF_ERROR(ModifyEnum(from, to, ro, out));
  if (to.kind == "domain") RETURN_IF_ERROR(ModifyDomain(from, to, ro, out));
  if (to.kind == "composite") RETURN_IF_ERROR(ModifyComposite(from, to, ro, out));
  if (to.kind == "sequence") RETURN_IF_ERROR(ModifySequence(from, to, ro, out));
  if (to.kind == "extension") RETURN_IF_ERROR(ModifyExtension(from, to, ro, out));
  if (from.comment != to.comment)
    out->push_back(Change(ObjectComment(to, to.comment, ro), "set comment to " + What(to),
                          {ObjectComment(from, from.comment, ro)}, SourceOf("modify", to)));
  return Status::Ok();
}

}  // namespace strata::dialect::postgres::internal
