#include "project/env.h"

#include <filesystem>

#include "base/strings.h"
#include "base/url.h"

namespace strata::project {
namespace fs = std::filesystem;
namespace {

Status AttrError(const hcl::Attribute& a, const std::string& what) {
  return InvalidArgument(a.value_range.ToString() + ": attribute " + GoQuote(a.name) + ": " + what);
}

// Strings, numbers, bools and bare identifiers (`format = atlas`,
// `exec_order = LINEAR`) as text.
Result<std::string> Text(const hcl::Attribute& a) {
  const hcl::Value& v = a.value;
  switch (v.kind()) {
    case hcl::Value::Kind::kString:
      return v.str();
    case hcl::Value::Kind::kNumber:
      return v.number_text();
    case hcl::Value::Kind::kBool:
      return std::string(v.bool_value() ? "true" : "false");
    case hcl::Value::Kind::kRef:
      if (v.path().size() == 1) return v.path()[0];
      break;
    case hcl::Value::Kind::kNull:
      return std::string();
    default:
      break;
  }
  return AttrError(a, "string required, got " + v.TypeName());
}

Result<std::vector<std::string>> TextList(const hcl::Attribute& a) {
  if (a.value.kind() != hcl::Value::Kind::kList) {
    ASSIGN_OR_RETURN(std::string s, Text(a));
    if (s.empty()) return std::vector<std::string>{};
    return std::vector<std::string>{s};
  }
  std::vector<std::string> out;
  for (const auto& item : a.value.items()) {
    hcl::Attribute tmp{a.name, item, a.range, a.value_range};
    ASSIGN_OR_RETURN(std::string s, Text(tmp));
    out.push_back(std::move(s));
  }
  return out;
}

// `diff { skip { ... } }` keys: one per schema change type (reference 3.5).
bool IsSkipKey(const std::string& k) {
  static const std::set<std::string> keys = [] {
    std::set<std::string> s{
        "add_schema",   "drop_schema",     "modify_schema",    "add_table",          "drop_table",       "modify_table",
        "rename_table", "add_column",      "drop_column",      "modify_column",      "add_index",        "drop_index",
        "modify_index", "add_foreign_key", "drop_foreign_key", "modify_foreign_key", "rename_constraint"};
    for (const char* op : {"add_", "drop_", "modify_", "rename_"})
      for (const char* obj : {"view", "func", "proc", "trigger"}) s.insert(std::string(op) + obj);
    return s;
  }();
  return keys.count(k) > 0;
}

Result<bool> Bool(const hcl::Attribute& a) {
  if (a.value.kind() != hcl::Value::Kind::kBool) return AttrError(a, "bool required, got " + a.value.TypeName());
  return a.value.bool_value();
}

// `file://rel/path` (or a bare relative path) becomes an absolute file:// URL
// anchored at the project file's directory; other URLs pass unchanged.
std::string AbsoluteSource(const std::string& src, const std::string& config_dir) {
  std::string path = src;
  std::string query;
  if (src.rfind("file://", 0) == 0) {
    path = src.substr(7);
    size_t q = path.find('?');
    if (q != std::string::npos) {
      query = path.substr(q);
      path = path.substr(0, q);
    }
  } else if (src.find("://") != std::string::npos) {
    return src;
  }
  fs::path p(path);
  if (p.is_relative()) p = fs::absolute(fs::path(config_dir) / p).lexically_normal();
  std::string s = p.string();
  if (s.size() > 1 && s.back() == '/') s.pop_back();
  return "file://" + s + query;
}

Result<MigrationConfig> DecodeMigration(const hcl::Block& b) {
  MigrationConfig m;
  for (const auto& a : b.attributes) {
    ASSIGN_OR_RETURN(std::string s, Text(a));
    if (a.name == "dir")
      m.dir = s;
    else if (a.name == "format")
      m.format = s;
    else if (a.name == "baseline")
      m.baseline = s;
    else if (a.name == "lock_timeout")
      m.lock_timeout = s;
    else if (a.name == "revisions_schema")
      m.revisions_schema = s;
    else if (a.name == "exec_order") {
      // Normalized like Atlas: lower-case, '_' -> '-'.
      for (char& c : s) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      m.exec_order = s;
    }
  }
  return m;
}

Status DecodeFormat(const hcl::Block& b, std::map<std::string, std::string>* out) {
  for (const auto& group : b.blocks) {
    for (const auto& a : group.attributes) {
      ASSIGN_OR_RETURN(std::string s, Text(a));
      (*out)[group.type + "." + a.name] = s;
    }
  }
  return Status::Ok();
}

const std::set<std::string>& EnvKeywords() {
  static const std::set<std::string> k{"name", "url", "dev", "src", "schemas", "exclude", "include", "for_each"};
  return k;
}

}  // namespace

Result<LintConfig> DecodeLint(const hcl::Block& block) {
  LintConfig l;
  l.present = true;
  const hcl::Attribute* log = block.Attr("log");
  const hcl::Attribute* format = block.Attr("format");
  if (log != nullptr && format != nullptr)
    return InvalidArgument("cannot use both 'log' and 'format' in the same lint block");
  for (const auto& a : block.attributes) {
    if (a.name == "format" || a.name == "log") {
      ASSIGN_OR_RETURN(l.format, Text(a));
    } else if (a.name == "latest") {
      if (a.value.kind() != hcl::Value::Kind::kNumber) return AttrError(a, "number required");
      l.latest = static_cast<int64_t>(a.value.number());
    } else if (a.name == "review") {
      ASSIGN_OR_RETURN(l.review, Text(a));
    }
  }
  for (const auto& child : block.blocks) {
    if (child.type == "git") {
      if (const auto* a = child.Attr("base")) {
        ASSIGN_OR_RETURN(std::string s, Text(*a));
        l.git_base = s;
      }
      if (const auto* a = child.Attr("dir")) {
        ASSIGN_OR_RETURN(std::string s, Text(*a));
        l.git_dir = s;
      }
    } else {
      l.analyzers.push_back(child);
    }
  }
  return l;
}

Result<DiffConfig> DecodeDiff(const hcl::Block& block) {
  DiffConfig d;
  d.present = true;
  for (const auto& child : block.blocks) {
    if (child.type == "skip") {
      d.has_skip = true;
      for (const auto& a : child.attributes) {
        if (!IsSkipKey(a.name))
          return InvalidArgument(a.range.ToString() + ": Unsupported argument: An argument named " + GoQuote(a.name) +
                                 " is not expected here.");
        ASSIGN_OR_RETURN(bool on, Bool(a));
        if (on) d.skip.insert(a.name);
      }
    } else if (child.type == "concurrent_index") {
      d.has_concurrent_index = true;
      for (const auto& a : child.attributes) {
        ASSIGN_OR_RETURN(bool on, Bool(a));
        if (a.name == "create" || a.name == "add")
          d.concurrent_create = on;
        else if (a.name == "drop")
          d.concurrent_drop = on;
      }
    }
  }
  return d;
}

LintConfig MergeLint(const LintConfig& env, const LintConfig& global) {
  if (!env.present) return global;
  LintConfig out = env;
  if (out.format.empty()) out.format = global.format;
  if (out.review.empty()) out.review = global.review;
  if (out.analyzers.empty()) out.analyzers = global.analyzers;
  if (!out.latest) out.latest = global.latest;
  if (!out.git_base && !out.git_dir) {
    out.git_base = global.git_base;
    out.git_dir = global.git_dir;
  }
  return out;
}

DiffConfig MergeDiff(const DiffConfig& env, const DiffConfig& global) {
  if (!env.present) return global;
  DiffConfig out = env;
  if (!out.has_skip) {
    out.has_skip = global.has_skip;
    out.skip = global.skip;
  }
  if (!out.has_concurrent_index) {
    out.has_concurrent_index = global.has_concurrent_index;
    out.concurrent_create = global.concurrent_create;
    out.concurrent_drop = global.concurrent_drop;
  }
  return out;
}

Result<Env> DecodeEnv(const hcl::Block& block, const std::string& config_dir) {
  Env e;
  e.block = block;
  if (!block.labels.empty()) e.name = block.labels[0];
  bool has_src = false;
  for (const auto& a : block.attributes) {
    if (a.name == "name") {
      if (e.name.empty()) {
        ASSIGN_OR_RETURN(e.name, Text(a));
      }
    } else if (a.name == "url") {
      ASSIGN_OR_RETURN(e.url, Text(a));
    } else if (a.name == "dev") {
      ASSIGN_OR_RETURN(e.dev, Text(a));
    } else if (a.name == "src") {
      ASSIGN_OR_RETURN(e.src, TextList(a));
      has_src = true;
    } else if (a.name == "schemas") {
      ASSIGN_OR_RETURN(e.schemas, TextList(a));
    } else if (a.name == "exclude") {
      ASSIGN_OR_RETURN(e.exclude, TextList(a));
    } else if (a.name == "include") {
      ASSIGN_OR_RETURN(e.include, TextList(a));
    } else if (!EnvKeywords().count(a.name)) {
      e.extra[a.name] = a.value;
    }
  }
  for (const auto& child : block.blocks) {
    if (child.type == "migration") {
      ASSIGN_OR_RETURN(e.migration, DecodeMigration(child));
    } else if (child.type == "format" || child.type == "log") {
      RETURN_IF_ERROR(DecodeFormat(child, &e.format));
    } else if (child.type == "lint") {
      ASSIGN_OR_RETURN(e.lint, DecodeLint(child));
    } else if (child.type == "diff") {
      ASSIGN_OR_RETURN(e.diff, DecodeDiff(child));
    } else if (child.type == "schema" && !has_src) {
      if (const auto* a = child.Attr("src")) {
        ASSIGN_OR_RETURN(e.src, TextList(*a));
      }
    }
  }
  for (auto& s : e.src) s = AbsoluteSource(s, config_dir);
  return e;
}

Result<std::string> Env::Lookup(const std::string& path) const {
  if (path == "url") return url;
  if (path == "dev") return dev;
  if (path == "src" || path == "schema.src") {
    if (src.size() != 1) return InvalidArgument("env://" + path + " must be a single URL");
    return src[0];
  }
  if (path == "migration.dir") return migration.dir;
  const hcl::Attribute* a = block.Attr(path);
  if (a == nullptr)
    return InvalidArgument("env://" + path + ": attribute " + GoQuote(path) + " not found in env " + GoQuote(name));
  if (a->value.kind() != hcl::Value::Kind::kString)
    return InvalidArgument("env://" + path + ": attribute " + GoQuote(path) + " is not a string");
  return a->value.str();
}

}  // namespace strata::project
