// mem:// states produced by project data sources: hcl_schema (schema files
// with their own input variables), external_schema (SQL text) and
// composite_schema (several states merged, labeled parts scoped to a schema).
#include <algorithm>

#include "base/strings.h"
#include "cli/state.h"
#include "migrate/sum.h"
#include "project/mem_registry.h"

namespace strata::cli {
namespace {

// Adds the schemas of `part` to `out`, merging schemas of the same name.
void Merge(schema::Realm part, schema::Realm* out) {
  for (auto& s : part.schemas) {
    auto it = std::find_if(out->schemas.begin(), out->schemas.end(),
                           [&](const schema::Schema& o) { return o.name == s.name; });
    if (it == out->schemas.end()) {
      out->schemas.push_back(std::move(s));
      continue;
    }
    for (auto& t : s.tables) it->tables.push_back(std::move(t));
    for (auto& v : s.views) it->views.push_back(std::move(v));
    for (auto& t : s.triggers) it->triggers.push_back(std::move(t));
  }
}

Result<State> ReadComposite(const std::string& url, const project::MemSchema& m, DevProvider& dev,
                            const StateOptions& opts) {
  State out;
  for (const auto& [name, part_url] : m.parts) {
    if (part_url == url) return InvalidArgument("composite schema " + GoQuote(url) + " includes itself");
    ASSIGN_OR_RETURN(State part, ReadState({part_url}, dev, opts));
    if (out.driver.empty()) {
      out.driver = part.driver;
      out.bound_schema = part.bound_schema;
      out.from_hcl = part.from_hcl;
    }
    if (!name.empty()) {
      // A labeled part is scoped to that schema: its single schema is it.
      if (part.realm.schemas.size() > 1)
        return InvalidArgument("composite schema part " + GoQuote(name) + " defines " +
                               std::to_string(part.realm.schemas.size()) + " schemas, want at most 1");
      if (part.realm.schemas.empty()) part.realm.schemas.emplace_back();
      part.realm.schemas[0].name = name;
      for (auto& t : part.realm.schemas[0].tables) t.schema = name;
      for (auto& v : part.realm.schemas[0].views) v.schema = name;
      for (auto& t : part.realm.schemas[0].triggers) t.schema = name;
    }
    Merge(std::move(part.realm), &out.realm);
  }
  if (out.realm.schemas.size() > 1) out.bound_schema.clear();
  return out;
}

}  // namespace

Result<State> ReadMemState(const std::string& url, DevProvider& dev, const StateOptions& opts) {
  const project::MemSchema* m = opts.mem == nullptr ? nullptr : opts.mem->Get(url);
  if (m == nullptr) return NotFound("no data source registered the state " + GoQuote(url));
  switch (m->kind) {
    case project::MemSchema::Kind::kHCLFiles: {
      std::vector<std::string> files;
      for (const auto& p : m->paths) files.push_back("file://" + p);
      StateOptions sub = opts;
      sub.vars = m->vars;
      return ReadState(files, dev, sub);
    }
    case project::MemSchema::Kind::kSQL: {
      ASSIGN_OR_RETURN(devdb::DevDatabase * d, dev.Get());
      State st;
      st.driver = d->driver().Name();
      ASSIGN_OR_RETURN(st.realm, d->LoadSQL({{url, m->sql}}));
      st.bound_schema = d->driver().BoundSchema();
      return st;
    }
    case project::MemSchema::Kind::kComposite:
      return ReadComposite(url, *m, dev, opts);
  }
  return Internal("unknown mem state kind");
}

Result<std::unique_ptr<migrate::MemDir>> OpenMemDir(const project::MemRegistry* mem, const std::string& url) {
  const project::MemDirFiles* d = mem == nullptr ? nullptr : mem->GetDir(url);
  if (d == nullptr) return NotFound("no data source registered the migration directory " + GoQuote(url));
  auto dir = std::make_unique<migrate::MemDir>();
  for (const auto& [name, content] : d->files) RETURN_IF_ERROR(dir->WriteFile(name, content));
  // The rendered files are the source of truth: their atlas.sum is computed
  // here, as Atlas does for template_dir.
  ASSIGN_OR_RETURN(std::vector<migrate::File> files, dir->Files());
  RETURN_IF_ERROR(migrate::WriteSumFile(*dir, migrate::NewHashFile(files)));
  return dir;
}

}  // namespace strata::cli
