// The project-file evaluator: env selection (partial parse), variables,
// lazy locals and data sources, for_each on envs, decoding.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/strings.h"
#include "hcl/eval.h"
#include "hcl/functions.h"
#include "project/data_sources.h"
#include "project/project.h"
#include "project/refs.h"
#include "project/variables.h"

namespace strata::project {
namespace fs = std::filesystem;
namespace {

class Loader {
 public:
  Loader(const hcl::File& file, const LoadOptions& opts, std::string path)
      : file_(file), opts_(opts), path_(std::move(path)), evaluator_(Config()), static_eval_(StaticConfig()) {
    std::string dir = fs::path(path_).parent_path().string();
    dir_ = fs::absolute(dir.empty() ? fs::path(".") : fs::path(dir)).lexically_normal().string();
    functions_ = hcl::Stdlib();
    hcl::AddFileFunctions(&functions_, dir_);
    mem_ = opts_.mem != nullptr ? opts_.mem : &own_mem_;
    sources_ = BuiltinDataSources(mem_, dir_);
    for (const auto& [k, v] : opts_.data_sources) sources_[k] = v;
  }

  Result<Project> Run() {
    Project p;
    p.path = path_;
    std::vector<VariableDecl> vars;
    for (const auto& b : file_.body.blocks) {
      if (b.type == "variable") {
        if (b.labels.size() != 1)
          return InvalidArgument(b.range.ToString() +
                                 ": Missing name for variable: All variable blocks must have 1 labels (name).");
        vars.push_back({&b, b.labels[0]});
      } else if (b.type == "locals") {
        for (const auto& a : b.body->attributes) {
          if (locals_.count(a.name))
            return InvalidArgument(a.name_range.ToString() +
                                   ": Duplicate local value definition: A local value named " + GoQuote(a.name) +
                                   " was already defined.");
          locals_[a.name].attr = &a;
        }
      } else if (b.type == "data") {
        if (b.labels.size() != 2)
          return InvalidArgument(b.range.ToString() + ": data blocks need 2 labels (source and name)");
        data_[b.labels[0] + "." + b.labels[1]].block = &b;
      }
    }
    root_.Set("atlas", hcl::Value::Object({{"env", hcl::Value::String(opts_.env)}}));
    root_.Set("data", hcl::Value::Object({}));
    ASSIGN_OR_RETURN(p.variables, BindVariables(vars, opts_.inputs, static_eval_));
    hcl::ValueMap var_obj(p.variables.begin(), p.variables.end());
    root_.Set("var", hcl::Value::Object(std::move(var_obj)));
    RETURN_IF_ERROR(ValidateVariables(vars, [this](const hcl::Expr& e) { return Eval(e, root_); }));

    for (const auto& b : file_.body.blocks) {
      if (b.type == "lint") {
        ASSIGN_OR_RETURN(hcl::Block lb, EvalBlock(b, root_, nullptr));
        ASSIGN_OR_RETURN(p.lint, DecodeLint(lb));
      } else if (b.type == "diff") {
        ASSIGN_OR_RETURN(hcl::Block db, EvalBlock(b, root_, nullptr));
        ASSIGN_OR_RETURN(p.diff, DecodeDiff(db));
      }
    }
    if (opts_.env.empty()) return p;
    ASSIGN_OR_RETURN(std::vector<const hcl::BlockNode*> selected, SelectEnvs());
    for (const hcl::BlockNode* b : selected) RETURN_IF_ERROR(ExpandEnv(*b, p));
    if (p.envs.empty()) return NotFound("env " + GoQuote(opts_.env) + " not defined in config file");
    return p;
  }

 private:
  struct LocalDef {
    const hcl::AttributeNode* attr = nullptr;
    enum class State { kPending, kInProgress, kDone } state = State::kPending;
    bool walked = false;
    hcl::Value value;
  };
  struct DataDef {
    const hcl::BlockNode* block = nullptr;
    enum class State { kPending, kInProgress, kDone } state = State::kPending;
    hcl::Value value;
  };

  hcl::EvalConfig Config() {
    hcl::EvalConfig c;
    c.functions = &functions_;
    c.symbolic = true;  // `format = atlas`, `exec_order = LINEAR`
    c.resolve_local = [this](const std::string& n, const SourceRange& r) { return ResolveLocal(n, r); };
    c.resolve_all_locals = [this](const SourceRange& r) -> Result<hcl::Value> {
      hcl::ValueMap all;
      for (const auto& entry : locals_) {
        ASSIGN_OR_RETURN(hcl::Value v, ResolveLocal(entry.first, r));
        all.emplace_back(entry.first, std::move(v));
      }
      return hcl::Value::Object(std::move(all));
    };
    return c;
  }
  hcl::EvalConfig StaticConfig() {
    hcl::EvalConfig c;
    c.functions = &functions_;
    c.symbolic = false;
    return c;
  }

  // Everything an expression needs is prepared first: the data sources it
  // references, directly or through locals.
  Result<hcl::Value> Eval(const hcl::Expr& e, const hcl::Scope& scope) {
    RETURN_IF_ERROR(Prepare(e));
    return evaluator_.Eval(e, scope);
  }

  Status Prepare(const hcl::Expr& e) {
    std::vector<Reference> refs;
    CollectReferences(e, &refs);
    for (const auto& r : refs) {
      switch (r.kind) {
        case Reference::Kind::kLocal: {
          auto it = locals_.find(r.name);
          if (it == locals_.end() || it->second.walked) break;
          it->second.walked = true;
          RETURN_IF_ERROR(Prepare(*it->second.attr->expr));
          break;
        }
        case Reference::Kind::kAllLocals:
          for (auto& [name, def] : locals_) {
            if (def.walked) continue;
            def.walked = true;
            RETURN_IF_ERROR(Prepare(*def.attr->expr));
          }
          break;
        case Reference::Kind::kData:
          RETURN_IF_ERROR(EnsureData(r));
          break;
        case Reference::Kind::kAtlasEnv:
          break;
      }
    }
    return Status::Ok();
  }

  Result<hcl::Value> ResolveLocal(const std::string& name, const SourceRange& r) {
    auto it = locals_.find(name);
    if (it == locals_.end()) return hcl::ErrorAt(r, "Unknown local", "There is no local value named \"" + name + "\".");
    LocalDef& def = it->second;
    if (def.state == LocalDef::State::kDone) return def.value;
    if (def.state == LocalDef::State::kInProgress)
      return InvalidArgument(r.ToString() + ": cyclic reference to " + GoQuote("local." + name));
    def.state = LocalDef::State::kInProgress;
    auto v = evaluator_.Eval(*def.attr->expr, root_);
    def.state = LocalDef::State::kPending;
    if (!v.ok()) return v.status();
    def.state = LocalDef::State::kDone;
    def.value = std::move(v).value();
    return def.value;
  }

  Status EnsureData(const Reference& r) {
    auto it = data_.find(r.type + "." + r.name);
    if (it == data_.end()) return Status::Ok();  // evaluation reports the bad reference
    DataDef& def = it->second;
    if (def.state == DataDef::State::kDone) return Status::Ok();
    if (def.state == DataDef::State::kInProgress)
      return InvalidArgument(r.range.ToString() + ": cyclic reference to " + GoQuote("data." + r.type + "." + r.name));
    def.state = DataDef::State::kInProgress;
    auto src = sources_.find(r.type);
    if (src == sources_.end()) return InvalidArgument("missing data source handler for " + GoQuote(r.type));
    ASSIGN_OR_RETURN(hcl::Block args, EvalBlock(*def.block, root_, nullptr));
    auto v = src->second(args);
    if (!v.ok()) return v.status();
    def.value = std::move(v).value();
    def.state = DataDef::State::kDone;
    // Rebuild `data` = {type = {name = value}} from what is done.
    std::map<std::string, hcl::ValueMap> by_type;
    for (const auto& [key, d] : data_) {
      if (d.state != DataDef::State::kDone) continue;
      by_type[d.block->labels[0]].emplace_back(d.block->labels[1], d.value);
    }
    hcl::ValueMap obj;
    for (auto& [t, fields] : by_type) obj.emplace_back(t, hcl::Value::Object(std::move(fields)));
    root_.Set("data", hcl::Value::Object(std::move(obj)));
    return Status::Ok();
  }

  Result<hcl::Block> EvalBlock(const hcl::BlockNode& node, const hcl::Scope& scope, const hcl::AttributeNode* skip) {
    hcl::Block b;
    b.type = node.type;
    b.labels = node.labels;
    b.range = node.range;
    for (const auto& attr : node.body->attributes) {
      if (&attr == skip) continue;
      ASSIGN_OR_RETURN(hcl::Value v, Eval(*attr.expr, scope));
      b.attributes.push_back(hcl::Attribute{attr.name, std::move(v), attr.range, attr.expr->range});
    }
    for (const auto& child : node.body->blocks) {
      ASSIGN_OR_RETURN(hcl::Block cb, EvalBlock(child, scope, nullptr));
      b.blocks.push_back(std::move(cb));
    }
    return b;
  }

  // Reference 3.1 step 2: labeled blocks win; otherwise unlabeled blocks
  // whose `name` refers to atlas.env.
  Result<std::vector<const hcl::BlockNode*>> SelectEnvs() {
    std::vector<const hcl::BlockNode*> labeled, unlabeled;
    for (const auto& b : file_.body.blocks) {
      if (b.type != "env") continue;
      if (!b.labels.empty()) {
        if (b.labels[0] == opts_.env) labeled.push_back(&b);
        continue;
      }
      const hcl::AttributeNode* name = b.body->Attr("name");
      if (name == nullptr) return InvalidArgument("all envs must have names on file " + GoQuote(path_));
      std::vector<Reference> refs;
      CollectReferences(*name->expr, &refs);
      for (const auto& r : refs)
        if (r.kind == Reference::Kind::kAtlasEnv) {
          unlabeled.push_back(&b);
          break;
        }
    }
    if (!labeled.empty()) return labeled;
    if (unlabeled.empty()) return NotFound("env " + GoQuote(opts_.env) + " not defined in config file");
    return unlabeled;
  }

  Status AddEnv(const hcl::Block& block, Project& p) {
    ASSIGN_OR_RETURN(Env e, DecodeEnv(block, dir_));
    if (e.name.empty()) return InvalidArgument("all envs must have names on file " + GoQuote(path_));
    if (e.name != opts_.env) return Status::Ok();
    e.lint = MergeLint(e.lint, p.lint);
    e.diff = MergeDiff(e.diff, p.diff);
    p.envs.push_back(std::move(e));
    return Status::Ok();
  }

  Status ExpandEnv(const hcl::BlockNode& node, Project& p) {
    const hcl::AttributeNode* for_each = node.body->Attr("for_each");
    if (for_each == nullptr) {
      ASSIGN_OR_RETURN(hcl::Block b, EvalBlock(node, root_, nullptr));
      return AddEnv(b, p);
    }
    ASSIGN_OR_RETURN(hcl::Value coll, Eval(*for_each->expr, root_));
    std::vector<std::pair<hcl::Value, hcl::Value>> elems;
    if (coll.kind() == hcl::Value::Kind::kList) {
      for (size_t i = 0; i < coll.items().size(); ++i) {
        const hcl::Value& v = coll.items()[i];
        elems.emplace_back(coll.is_set() ? v : hcl::Value::Number(static_cast<double>(i)), v);
      }
    } else if (coll.kind() == hcl::Value::Kind::kObject) {
      hcl::ValueMap fields = coll.fields();
      std::stable_sort(fields.begin(), fields.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      for (auto& [k, v] : fields) elems.emplace_back(hcl::Value::String(k), v);
    } else {
      return InvalidArgument(for_each->expr->range.ToString() + ": for_each does not support " + coll.TypeName() +
                             " type; a set, a list, a map or an object is required");
    }
    for (auto& [key, value] : elems) {
      hcl::Scope scope(&root_);
      scope.Set("each", hcl::Value::Object({{"key", key}, {"value", value}}));
      ASSIGN_OR_RETURN(hcl::Block b, EvalBlock(node, scope, for_each));
      RETURN_IF_ERROR(AddEnv(b, p));
    }
    return Status::Ok();
  }

  const hcl::File& file_;
  const LoadOptions& opts_;
  std::string path_;
  std::string dir_;
  hcl::FunctionTable functions_;
  hcl::Evaluator evaluator_;
  hcl::Evaluator static_eval_;
  hcl::Scope root_;
  MemRegistry own_mem_;
  MemRegistry* mem_ = nullptr;
  std::map<std::string, DataSource> sources_;
  std::map<std::string, LocalDef> locals_;
  std::map<std::string, DataDef> data_;
};

}  // namespace

Result<Project> LoadSource(const std::string& path, const std::string& source, const LoadOptions& opts) {
  ASSIGN_OR_RETURN(hcl::ParsedFile parsed, hcl::Parse(path, source));
  return Loader(*parsed.ast, opts, path).Run();
}

Result<Project> Load(const LoadOptions& opts) {
  ASSIGN_OR_RETURN(std::string path, ResolveConfigPath(opts.config_url));
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("config file " + GoQuote(path) + " was not found");
  std::stringstream ss;
  ss << in.rdbuf();
  return LoadSource(path, ss.str(), opts);
}

}  // namespace strata::project
