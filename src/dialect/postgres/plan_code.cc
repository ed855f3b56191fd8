#include "dialect/postgres/plan_code.h"

#include "base/strings.h"
#include "dialect/postgres/planner.h"
#include "dialect/postgres/render_code.h"
#include "dialect/postgres/routines.h"

namespace strata::dialect::postgres::internal {
namespace {

std::string What(const schema::Object& o) {
  return o.kind + " " + GoQuote(o.kind == kPolicyKind ? o.name : o.name + o.signature);
}

Result<std::string> Create(const schema::Object& o, const RenderOptions& ro, bool or_replace = false) {
  if (o.kind == kPolicyKind) return CreatePolicy(o, ro);
  return CreateRoutine(o, ro, or_replace);
}

std::string Drop(const schema::Object& o, const RenderOptions& ro) {
  return o.kind == kPolicyKind ? DropPolicy(o, ro) : DropRoutine(o, ro);
}

std::string Comment(const schema::Object& o, const std::string& text, const RenderOptions& ro) {
  return o.kind == kPolicyKind ? PolicyComment(o, text, ro) : RoutineComment(o, text, ro);
}

// The statements that create o (and its comment).
Result<std::vector<std::string>> CreateAll(const schema::Object& o, const RenderOptions& ro) {
  ASSIGN_OR_RETURN(std::string c, Create(o, ro));
  std::vector<std::string> out = {std::move(c)};
  if (!o.comment.empty()) out.push_back(Comment(o, o.comment, ro));
  return out;
}

bool CanReplaceRoutine(const schema::Object& from, const schema::Object& to) {
  if (from.kind != to.kind || from.options.Get("return") != to.options.Get("return")) return false;
  auto a = RoutineArgs(from), b = RoutineArgs(to);
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].name != b[i].name || ToUpper(a[i].mode) != ToUpper(b[i].mode) || a[i].type != b[i].type) return false;
    if (!a[i].default_expr.empty() && b[i].default_expr.empty()) return false;
  }
  return true;
}

bool ChecksBody(const schema::Object& o) {
  if (!IsRoutine(o) || o.options.Flag("sql_body")) return false;
  std::string lang = ToLower(o.options.Get("lang"));
  return lang == "sql" || lang == "plpgsql";
}

}  // namespace

bool IsCodeObject(const schema::Object& o) { return IsRoutine(o) || o.kind == kPolicyKind; }

Status PlanAddCode(const schema::Object& o, const RenderOptions& ro, std::vector<plan::PlannedChange>* out) {
  ASSIGN_OR_RETURN(std::string create, Create(o, ro));
  const std::string source = Source("add_" + o.kind, o.name);
  out->push_back({std::move(create), "create " + What(o), {Drop(o, ro)}, false, source});
  if (!o.comment.empty())
    out->push_back({Comment(o, o.comment, ro), "set comment to " + What(o), {Comment(o, "", ro)}, false, source});
  return Status::Ok();
}

Status PlanDropCode(const schema::Object& o, const RenderOptions& ro, std::vector<plan::PlannedChange>* out) {
  auto rev = CreateAll(o, ro);
  if (!rev.ok()) return rev.status().Wrap("postgres: calculate reverse for drop " + What(o));
  out->push_back({Drop(o, ro), "drop " + What(o), std::move(*rev), false, Source("drop_" + o.kind, o.name)});
  return Status::Ok();
}

Status PlanModifyCode(const schema::ModifyObject& m, const RenderOptions& ro,
                      std::vector<plan::PlannedChange>* out) {
  const schema::Object &from = m.from, &to = m.to;
  const std::string source = Source("modify_" + to.kind, to.name);
  schema::Object from_nc = from, to_nc = to;
  from_nc.comment = to_nc.comment = "";
  if (!(from_nc == to_nc)) {
    if (IsRoutine(to) && CanReplaceRoutine(from, to)) {
      ASSIGN_OR_RETURN(std::string up, CreateRoutine(to, ro, /*or_replace=*/true));
      ASSIGN_OR_RETURN(std::string down, CreateRoutine(from, ro, /*or_replace=*/true));
      out->push_back({std::move(up), "modify " + What(to), {std::move(down)}, false, source});
    } else {
      // Drop and create again; the comment goes with the object.
      ASSIGN_OR_RETURN(auto create_to, CreateAll(to, ro));
      ASSIGN_OR_RETURN(auto create_from, CreateAll(from, ro));
      out->push_back({Drop(from, ro), "drop " + What(from), std::move(create_from), false, source});
      std::vector<std::string> drop_to = {Drop(to, ro)};
      for (size_t i = 0; i < create_to.size(); ++i)
        out->push_back({create_to[i], i == 0 ? "create " + What(to) : "set comment to " + What(to),
                        i == 0 ? drop_to : std::vector<std::string>{Comment(to, "", ro)}, false, source});
      return Status::Ok();
    }
  }
  if (from.comment != to.comment)
    out->push_back({Comment(to, to.comment, ro), "set comment to " + What(to), {Comment(from, from.comment, ro)},
                    false, source});
  return Status::Ok();
}

std::vector<plan::PlannedChange> ViewIndexChanges(const schema::View& v, const RenderOptions& ro,
                                                  const std::string& source) {
  std::vector<plan::PlannedChange> out;
  schema::Table t;  // the indexes' relation: same naming rules as a table
  t.name = v.name;
  t.schema = v.schema;
  for (const auto& idx : v.indexes) {
    out.push_back({CreateIndex(t, idx, ro), "create index " + GoQuote(idx.name) + " to view: " + GoQuote(v.name),
                   {DropIndex(t, idx, ro)}, false, source});
    if (!idx.comment.empty())
      out.push_back({IndexComment(t, idx.name, idx.comment, ro),
                     "set comment to index: " + GoQuote(idx.name) + " on view: " + GoQuote(v.name),
                     {IndexComment(t, idx.name, "", ro)}, false, source});
  }
  return out;
}

bool NeedsBodyChecksOff(const schema::ChangeList& changes) {
  for (const auto& c : changes) {
    if (const auto* a = std::get_if<schema::AddObject>(&c); a && ChecksBody(a->o)) return true;
    if (const auto* m = std::get_if<schema::ModifyObject>(&c); m && (ChecksBody(m->to) || ChecksBody(m->from)))
      return true;
    if (const auto* d = std::get_if<schema::DropObject>(&c); d && ChecksBody(d->o)) return true;
  }
  return false;
}

plan::PlannedChange BodyChecksOff() {
  // Its own reverse: the reverse plan re-creates routines too.
  return {"SET check_function_bodies = off", "disable the check of function bodies",
          {"SET check_function_bodies = off"}, false, ""};
}

}  // namespace strata::dialect::postgres::internal
