#include "project/data_sources.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/strings.h"
#include "project/go_template.h"
#include "project/program.h"

namespace strata::project {
namespace fs = std::filesystem;
namespace {

std::string Label(const hcl::Block& b) { return b.labels.size() > 1 ? b.labels[1] : ""; }
std::string Where(const hcl::Block& b) {
  return "data." + (b.labels.empty() ? std::string() : b.labels[0]) + "." + Label(b);
}

Status ArgError(const hcl::Block& b, const std::string& msg) {
  return InvalidArgument(b.range.ToString() + ": " + Where(b) + ": " + msg);
}

Result<std::string> StringAttr(const hcl::Block& b, const std::string& name, bool required) {
  const hcl::Attribute* a = b.Attr(name);
  if (a == nullptr || a->value.is_null()) {
    if (required) return ArgError(b, "missing required argument " + GoQuote(name));
    return std::string();
  }
  if (a->value.kind() != hcl::Value::Kind::kString) return ArgError(b, GoQuote(name) + " must be a string");
  return a->value.str();
}

Result<std::vector<std::string>> StringList(const hcl::Block& b, const std::string& name) {
  const hcl::Attribute* a = b.Attr(name);
  std::vector<std::string> out;
  if (a == nullptr) return out;
  if (a->value.kind() == hcl::Value::Kind::kString) return std::vector<std::string>{a->value.str()};
  if (a->value.kind() != hcl::Value::Kind::kList) return ArgError(b, GoQuote(name) + " must be a list of strings");
  for (const auto& v : a->value.items()) {
    if (v.kind() != hcl::Value::Kind::kString) return ArgError(b, GoQuote(name) + " must be a list of strings");
    out.push_back(v.str());
  }
  return out;
}

std::string Absolute(const std::string& p, const std::string& base) {
  fs::path path(p.rfind("file://", 0) == 0 ? p.substr(7) : p);
  if (path.is_relative()) path = fs::path(base) / path;
  return fs::absolute(path).lexically_normal().string();
}

hcl::Value UrlObject(const std::string& url) { return hcl::Value::Object({{"url", hcl::Value::String(url)}}); }

Result<hcl::Value> HCLSchema(const hcl::Block& b, MemRegistry* mem, const std::string& dir) {
  bool has_path = b.Attr("path") != nullptr, has_paths = b.Attr("paths") != nullptr;
  if (has_path == has_paths) return ArgError(b, "exactly one of \"path\" or \"paths\" must be set");
  MemSchema s;
  s.kind = MemSchema::Kind::kHCLFiles;
  ASSIGN_OR_RETURN(std::vector<std::string> paths, StringList(b, has_path ? "path" : "paths"));
  for (const auto& p : paths) {
    std::string abs = Absolute(p, dir);
    std::error_code ec;
    if (!fs::exists(abs, ec)) return ArgError(b, "stat " + p + ": no such file or directory");
    s.paths.push_back(abs);
  }
  if (const hcl::Attribute* vars = b.Attr("vars")) {
    if (vars->value.kind() != hcl::Value::Kind::kObject) return ArgError(b, "\"vars\" must be a map");
    for (const auto& [k, v] : vars->value.fields()) s.vars[k] = v;
  }
  std::string url = "mem://hcl_schema/" + Label(b);
  mem->Put(url, std::move(s));
  return UrlObject(url);
}

Result<hcl::Value> CompositeSchema(const hcl::Block& b, MemRegistry* mem) {
  MemSchema s;
  s.kind = MemSchema::Kind::kComposite;
  for (const auto& child : b.blocks) {
    if (child.type != "schema") return ArgError(b, "unexpected block " + GoQuote(child.type));
    const hcl::Attribute* url = child.Attr("url");
    if (url == nullptr || url->value.kind() != hcl::Value::Kind::kString)
      return ArgError(b, "schema block requires a string \"url\"");
    s.parts.emplace_back(child.labels.empty() ? "" : child.labels[0], url->value.str());
  }
  if (s.parts.empty()) return ArgError(b, "at least one schema block is required");
  std::string url = "mem://composite_schema/" + Label(b);
  mem->Put(url, std::move(s));
  return UrlObject(url);
}

// Every file under `path` is parsed as a template (so broken ones are
// reported); the top-level *.sql files are rendered into the directory.
Result<hcl::Value> TemplateDir(const hcl::Block& b, MemRegistry* mem, const std::string& dir) {
  ASSIGN_OR_RETURN(std::string path, StringAttr(b, "path", true));
  std::string abs = Absolute(path, dir);
  std::error_code ec;
  if (!fs::is_directory(abs, ec)) return ArgError(b, "path " + GoQuote(path) + " is not a directory");
  hcl::Value vars = hcl::Value::Object({});
  if (const hcl::Attribute* v = b.Attr("vars")) {
    if (v->value.kind() != hcl::Value::Kind::kObject) return ArgError(b, "\"vars\" must be a map");
    vars = v->value;
  }
  MemDirFiles out;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(abs, ec))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string rel = fs::relative(f, abs).string();
    bool top_sql = f.parent_path() == fs::path(abs) && f.extension() == ".sql";
    if (!top_sql) {
      RETURN_IF_ERROR(CheckGoTemplate(rel, ss.str()));
      continue;
    }
    auto text = RenderGoTemplate(rel, ss.str(), vars);
    if (!text.ok()) return text.status().Wrap(Where(b));
    out.files[rel] = std::move(text).value();
  }
  std::string url = "mem://" + path + "/" + Label(b);
  mem->PutDir(url, std::move(out));
  return UrlObject(url);
}

Result<ProgramOutput> Run(const hcl::Block& b, const std::string& dir) {
  ASSIGN_OR_RETURN(std::vector<std::string> argv, StringList(b, "program"));
  if (argv.empty()) return ArgError(b, "missing required argument \"program\"");
  ASSIGN_OR_RETURN(std::string wd, StringAttr(b, "working_dir", false));
  auto out = RunProgram(argv, wd.empty() ? dir : Absolute(wd, dir));
  if (!out.ok()) return out.status().Wrap(Where(b));
  return out;
}

}  // namespace

hcl::Value SQLResult(const hcl::ValueList& values) {
  return hcl::Value::Object({
      {"count", hcl::Value::Number(static_cast<double>(values.size()))},
      {"values", hcl::Value::List(values)},
      {"value", values.empty() ? hcl::Value::Null() : values[0]},
  });
}

std::map<std::string, DataSource> BuiltinDataSources(MemRegistry* mem, const std::string& dir) {
  std::map<std::string, DataSource> m;
  m["hcl_schema"] = [mem, dir](const hcl::Block& b) { return HCLSchema(b, mem, dir); };
  m["template_dir"] = [mem, dir](const hcl::Block& b) { return TemplateDir(b, mem, dir); };
  m["composite_schema"] = [mem](const hcl::Block& b) { return CompositeSchema(b, mem); };
  m["external_schema"] = [mem, dir](const hcl::Block& b) -> Result<hcl::Value> {
    ASSIGN_OR_RETURN(ProgramOutput out, Run(b, dir));
    MemSchema s;
    s.kind = MemSchema::Kind::kSQL;
    s.sql = out.out;
    std::string url = "mem://external_schema/" + Label(b);
    mem->Put(url, std::move(s));
    return UrlObject(url);
  };
  m["external"] = [dir](const hcl::Block& b) -> Result<hcl::Value> {
    ASSIGN_OR_RETURN(ProgramOutput out, Run(b, dir));
    return hcl::Value::String(out.out);
  };
  return m;
}

}  // namespace strata::project
