#include "cli/state.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fnmatch.h>

#include "base/strings.h"
#include "base/url.h"
#include "cli/drivers.h"
#include "spec/decode.h"

namespace strata::cli {
namespace fs = std::filesystem;
namespace {

Result<std::string> ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return IOError("open " + p.string() + ": no such file or directory");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Files {
  std::vector<devdb::SourceFile> hcl, sql;
};

Result<Files> CollectFiles(const std::vector<std::string>& urls) {
  Files out;
  for (const auto& raw : urls) {
    ASSIGN_OR_RETURN(Url u, Url::Parse(raw));
    fs::path p = u.HostPath();
    std::error_code ec;
    if (!fs::exists(p, ec)) return IOError("stat " + p.string() + ": no such file or directory");
    std::vector<fs::path> paths;
    if (fs::is_directory(p, ec)) {
      for (const auto& e : fs::directory_iterator(p, ec))
        if (e.is_regular_file()) paths.push_back(e.path());
      std::sort(paths.begin(), paths.end());
    } else {
      paths.push_back(p);
    }
    for (const auto& f : paths) {
      std::string ext = f.extension().string();
      if (ext != ".hcl" && ext != ".sql") {
        if (!fs::is_directory(p, ec))
          return InvalidArgument("unsupported schema file " + GoQuote(f.string()) + ": expect .hcl or .sql");
        continue;
      }
      ASSIGN_OR_RETURN(std::string content, ReadFile(f));
      (ext == ".hcl" ? out.hcl : out.sql).push_back({f.string(), std::move(content)});
    }
    if (out.hcl.empty() && out.sql.empty())
      return InvalidArgument("no schema files found in " + GoQuote(p.string()));
  }
  if (!out.hcl.empty() && !out.sql.empty())
    return InvalidArgument("ambiguous schema: both SQL and HCL files found");
  return out;
}

bool Excluded(const std::string& name, const std::vector<std::string>& patterns) {
  for (const auto& p : patterns)
    if (fnmatch(p.c_str(), name.c_str(), 0) == 0) return true;
  return false;
}

}  // namespace

Result<devdb::DevDatabase*> DevProvider::Get() {
  if (dev_) return dev_.get();
  if (url_.empty()) return InvalidArgument("--dev-url cannot be empty");
  ASSIGN_OR_RETURN(auto driver, OpenDatabase(url_));
  dev_ = std::make_unique<devdb::DevDatabase>(std::move(driver));
  return dev_.get();
}

Result<State> InspectDatabase(dialect::Driver& d, const StateOptions& opts) {
  State st;
  st.is_database = true;
  st.driver = d.Name();
  st.bound_schema = d.BoundSchema();
  dialect::InspectOptions io;
  io.schemas = opts.schemas;
  io.exclude = opts.exclude;
  if (!st.bound_schema.empty()) {
    ASSIGN_OR_RETURN(schema::Schema s, d.InspectSchema(st.bound_schema, io));
    st.realm.schemas.push_back(std::move(s));
  } else {
    ASSIGN_OR_RETURN(st.realm, d.InspectRealm(io));
  }
  return st;
}

Result<State> ReadState(const std::vector<std::string>& urls, DevProvider& dev, const StateOptions& opts) {
  if (urls.empty()) return InvalidArgument("no state URL given");
  std::string scheme;
  for (const auto& raw : urls) {
    ASSIGN_OR_RETURN(Url u, Url::Parse(raw));
    if (!scheme.empty() && scheme != u.scheme)
      return InvalidArgument("got mixed --to url schemes: " + GoQuote(scheme) + " and " + GoQuote(u.scheme) +
                             ", the desired state should be declared from a single kind");
    scheme = u.scheme;
  }
  if (scheme != "file") {
    if (urls.size() > 1) return InvalidArgument("only multiple 'file://' urls are supported");
    if (scheme == "mem") return ReadMemState(urls[0], dev, opts);
    if (!IsDatabaseScheme(scheme))
      return Unsupported("state URL scheme " + GoQuote(scheme) + " is not supported by this build");
    ASSIGN_OR_RETURN(auto driver, OpenDatabase(urls[0]));
    return InspectDatabase(*driver, opts);
  }
  ASSIGN_OR_RETURN(Files files, CollectFiles(urls));
  ASSIGN_OR_RETURN(devdb::DevDatabase * d, dev.Get());
  State st;
  st.driver = d->driver().Name();
  if (!files.sql.empty()) {
    ASSIGN_OR_RETURN(st.realm, d->LoadSQL(files.sql));
    st.bound_schema = d->driver().BoundSchema();
    return st;
  }
  ASSIGN_OR_RETURN(const spec::DialectSpec* sp, SpecFor(st.driver));
  std::vector<std::pair<std::string, std::string>> sources;
  for (auto& f : files.hcl) sources.emplace_back(f.name, f.content);
  hcl::EvalOptions eo;
  eo.inputs = opts.vars;
  ASSIGN_OR_RETURN(hcl::Document doc, hcl::ParseAndEvaluate(sources, eo));
  for (const auto& b : doc.blocks)
    if (b.type == "env")
      return InvalidArgument("cannot parse project file " + GoQuote(b.range.filename) + " as a schema file");
  ASSIGN_OR_RETURN(schema::Realm desired, spec::DecodeRealm(doc, *sp));
  if (!opts.schemas.empty()) {
    std::vector<schema::Schema> kept;
    for (auto& s : desired.schemas)
      if (std::find(opts.schemas.begin(), opts.schemas.end(), s.name) != opts.schemas.end())
        kept.push_back(std::move(s));
    desired.schemas = std::move(kept);
  }
  if (!opts.exclude.empty()) {
    for (auto& s : desired.schemas) {
      std::vector<schema::Table> kept;
      for (auto& t : s.tables)
        if (!Excluded(t.name, opts.exclude) && !Excluded(s.name + "." + t.name, opts.exclude))
          kept.push_back(std::move(t));
      s.tables = std::move(kept);
    }
  }
  ASSIGN_OR_RETURN(st.realm, d->Normalize(desired));
  st.from_hcl = true;
  return st;
}

Result<std::map<std::string, hcl::Value>> ParseVars(const std::vector<std::string>& vars) {
  std::map<std::string, std::vector<std::string>> raw;
  std::vector<std::string> order;
  for (const auto& v : vars) {
    for (const auto& field : Split(v, ",")) {
      size_t eq = field.find('=');
      if (eq == std::string::npos)
        return InvalidArgument("variables must be format as key=value, got: " + GoQuote(field));
      std::string k = field.substr(0, eq);
      if (!raw.count(k)) order.push_back(k);
      raw[k].push_back(field.substr(eq + 1));
    }
  }
  std::map<std::string, hcl::Value> out;
  for (const auto& [k, vs] : raw) {
    if (vs.size() == 1) {
      out[k] = hcl::Value::String(vs[0]);
    } else {
      hcl::ValueList items;
      for (const auto& s : vs) items.push_back(hcl::Value::String(s));
      out[k] = hcl::Value::List(items);
    }
  }
  return out;
}

}  // namespace strata::cli
