// Document evaluation: files together, `variable` and `locals` blocks,
// `for_each` on top-level blocks, and the public Parse/Evaluate entry points.
#include <algorithm>
#include <map>
#include <optional>

#include "base/strings.h"
#include "hcl/eval.h"
#include "hcl/parser.h"
#include "hcl/types.h"

namespace strata::hcl {
namespace {

class DocumentEvaluator {
 public:
  DocumentEvaluator(const std::vector<ParsedFile>& files, const EvalOptions& opts)
      : opts_(opts), evaluator_(MakeConfig()), static_evaluator_(StaticConfig()) {
    for (const auto& f : files)
      if (f.ast) files_.push_back(f.ast.get());
    std::stable_sort(files_.begin(), files_.end(),
                     [](const File* a, const File* b) { return a->filename < b->filename; });
  }

  Result<Document> Run() {
    CollectVariables();
    CollectLocals();
    for (const auto& [name, value] : opts_.variables) root_.Set(name, value);
    ValueMap vars(variables_.begin(), variables_.end());
    root_.Set("var", Value::Object(std::move(vars)));
    for (auto& [name, def] : locals_) {
      current_ = def.attr->name_range;
      (void)ResolveLocal(name, def.attr->name_range);
    }
    Document doc;
    for (const File* file : files_) {
      for (const auto& attr : file->body.attributes) {
        current_ = attr.range;
        auto dup = std::find_if(doc.attributes.begin(), doc.attributes.end(),
                                [&](const Attribute& a) { return a.name == attr.name; });
        if (dup != doc.attributes.end()) {
          Record(ErrorAt(attr.name_range, "Attribute redefined",
                         "The argument \"" + attr.name + "\" was already set at " +
                             dup->range.ToString() + ". Each argument may be set only once."));
          continue;
        }
        if (auto a = EvalAttribute(attr, root_)) doc.attributes.push_back(std::move(*a));
      }
      for (const auto& block : file->body.blocks) {
        if (block.type == "variable" || block.type == "locals") continue;
        current_ = block.range;
        const AttributeNode* for_each = block.body->Attr("for_each");
        if (for_each == nullptr) {
          doc.blocks.push_back(EvalBlock(block, root_, nullptr));
          continue;
        }
        ExpandForEach(block, *for_each, &doc.blocks);
      }
    }
    if (errors_.empty()) return doc;
    std::stable_sort(errors_.begin(), errors_.end(), [](const Recorded& a, const Recorded& b) {
      return a.file != b.file ? a.file < b.file : a.offset < b.offset;
    });
    std::vector<std::string> lines;
    for (const auto& e : errors_) lines.push_back(e.message);
    return InvalidArgument(Join(lines, "\n"));
  }

 private:
  struct LocalDef {
    const AttributeNode* attr = nullptr;
    enum class State { kPending, kInProgress, kDone, kFailed } state = State::kPending;
    Value value;
  };
  struct Recorded {
    std::string file;
    int offset;
    std::string message;
  };

  EvalConfig MakeConfig() {
    functions_ = Stdlib();
    AddFileFunctions(&functions_, opts_.base_dir);
    for (const auto& [name, fn] : opts_.functions) functions_[name] = FunctionDef{0, -1, fn};
    EvalConfig c;
    c.functions = &functions_;
    c.symbolic = opts_.symbolic;
    c.resolve_local = [this](const std::string& name, const SourceRange& r) {
      return ResolveLocal(name, r);
    };
    c.resolve_all_locals = [this](const SourceRange& r) { return ResolveAllLocals(r); };
    return c;
  }

  // For variable defaults: functions only, no references.
  EvalConfig StaticConfig() {
    EvalConfig c;
    c.functions = &functions_;
    c.symbolic = false;
    return c;
  }

  void Record(const Status& st) {
    if (st.ok() || IsAlreadyReported(st)) return;
    errors_.push_back({current_.filename, current_.start.offset, st.message()});
  }

  std::string SourceText(const SourceRange& r) const {
    for (const File* f : files_) {
      if (f->filename != r.filename) continue;
      if (r.end.offset <= static_cast<int>(f->source.size()) && r.start.offset <= r.end.offset)
        return f->source.substr(r.start.offset, r.end.offset - r.start.offset);
    }
    return "";
  }

  void RejectBlocks(const Body& body) {
    for (const auto& b : body.blocks)
      Record(ErrorAt(b.type_range, "Unsupported block type",
                     "Blocks of type \"" + b.type + "\" are not expected here."));
  }

  void CollectVariables() {
    for (const File* file : files_) {
      for (const auto& block : file->body.blocks) {
        if (block.type != "variable") continue;
        current_ = block.range;
        if (block.labels.size() != 1) {
          Record(block.labels.empty()
                     ? ErrorAt(block.range, "Missing name for variable",
                               "All variable blocks must have 1 labels (name).")
                     : ErrorAt(block.label_ranges[1], "Extraneous label for variable",
                               "Only 1 labels (name) are expected for variable blocks."));
          continue;
        }
        const std::string& name = block.labels[0];
        if (variables_.count(name) != 0) {
          Record(ErrorAt(block.label_ranges[0], "Duplicate variable declaration",
                         "A variable named \"" + name + "\" was already declared."));
          continue;
        }
        RejectBlocks(*block.body);
        auto v = EvalVariable(block, name);
        if (!v.ok()) {
          Record(v.status());
          continue;
        }
        variables_[name] = std::move(v).value();
      }
    }
  }

  Result<Value> EvalVariable(const BlockNode& block, const std::string& name) {
    Type type = Type::Of(Type::Kind::kAny);
    const AttributeNode* default_attr = nullptr;
    for (const auto& attr : block.body->attributes) {
      if (attr.name == "type") {
        auto t = ParseTypeExpr(*attr.expr);
        if (!t.ok())
          return ErrorAt(attr.expr->range,
                         "invalid type \"" + SourceText(attr.expr->range) + "\" for variable \"" +
                             name + "\". Valid types are: string, number, bool, list, map, or set");
        type = std::move(t).value();
      } else if (attr.name == "default") {
        default_attr = &attr;
      } else if (attr.name == "description") {
        ASSIGN_OR_RETURN(Value d, static_evaluator_.Eval(*attr.expr, Scope()));
        if (d.kind() != Value::Kind::kString)
          return ErrorAt(attr.expr->range, "Incorrect attribute value type",
                         "Inappropriate value for attribute \"description\": string required.");
      } else {
        return ErrorAt(attr.name_range, "Unsupported argument",
                       "An argument named \"" + attr.name + "\" is not expected here.");
      }
    }
    Value value;
    auto input = opts_.inputs.find(name);
    if (input != opts_.inputs.end()) {
      value = input->second;
    } else if (default_attr != nullptr) {
      ASSIGN_OR_RETURN(value, static_evaluator_.Eval(*default_attr->expr, Scope()));
    } else {
      return ErrorAt(block.range, "missing value for required variable \"" + name + "\"");
    }
    // A single value given for a list or set variable is wrapped, because
    // the caller (e.g. --var) may not know the declared type.
    if (type.is_collection() && !value.is_null() && value.kind() != Value::Kind::kList)
      value = Value::List({value});
    auto converted = Convert(value, type);
    if (!converted.ok())
      return ErrorAt(block.range, "variable \"" + name + "\": " + converted.status().message());
    return converted;
  }

  void CollectLocals() {
    for (const File* file : files_) {
      for (const auto& block : file->body.blocks) {
        if (block.type != "locals") continue;
        current_ = block.range;
        if (!block.labels.empty())
          Record(ErrorAt(block.label_ranges[0], "Extraneous label for locals",
                         "No labels are expected for locals blocks."));
        RejectBlocks(*block.body);
        for (const auto& attr : block.body->attributes) {
          auto it = locals_.find(attr.name);
          if (it != locals_.end()) {
            current_ = attr.range;
            Record(ErrorAt(attr.name_range, "Duplicate local value definition",
                           "A local value named \"" + attr.name + "\" was already defined at " +
                               it->second.attr->name_range.ToString() +
                               ". Local value names must be unique."));
            continue;
          }
          locals_[attr.name].attr = &attr;
        }
      }
    }
  }

  Result<Value> ResolveLocal(const std::string& name, const SourceRange& r) {
    auto it = locals_.find(name);
    if (it == locals_.end())
      return ErrorAt(r, "Unknown local", "There is no local value named \"" + name + "\".");
    LocalDef& def = it->second;
    switch (def.state) {
      case LocalDef::State::kDone:
        return def.value;
      case LocalDef::State::kFailed:
        return AlreadyReported();
      case LocalDef::State::kInProgress:
        return ErrorAt(r, "cyclic reference to \"local." + name + "\"");
      case LocalDef::State::kPending:
        break;
    }
    def.state = LocalDef::State::kInProgress;
    SourceRange saved = current_;
    current_ = def.attr->range;
    auto v = evaluator_.Eval(*def.attr->expr, root_);
    if (!v.ok()) {
      def.state = LocalDef::State::kFailed;
      Record(v.status());
      current_ = saved;
      return AlreadyReported();
    }
    current_ = saved;
    def.state = LocalDef::State::kDone;
    def.value = std::move(v).value();
    return def.value;
  }

  Result<Value> ResolveAllLocals(const SourceRange& r) {
    ValueMap all;
    for (const auto& entry : locals_) {
      ASSIGN_OR_RETURN(Value v, ResolveLocal(entry.first, r));
      all.emplace_back(entry.first, std::move(v));
    }
    return Value::Object(std::move(all));
  }

  std::optional<Attribute> EvalAttribute(const AttributeNode& attr, const Scope& scope) {
    auto v = evaluator_.Eval(*attr.expr, scope);
    if (!v.ok()) {
      Record(v.status());
      return std::nullopt;
    }
    return Attribute{attr.name, std::move(v).value(), attr.range, attr.expr->range};
  }

  Block EvalBlock(const BlockNode& node, const Scope& scope, const AttributeNode* skip) {
    Block b;
    b.type = node.type;
    b.labels = node.labels;
    b.range = node.range;
    for (const auto& attr : node.body->attributes) {
      if (&attr == skip) continue;
      if (auto a = EvalAttribute(attr, scope)) b.attributes.push_back(std::move(*a));
    }
    for (const auto& child : node.body->blocks)
      b.blocks.push_back(EvalBlock(child, scope, nullptr));
    return b;
  }

  void ExpandForEach(const BlockNode& block, const AttributeNode& for_each,
                     std::vector<Block>* out) {
    auto coll = evaluator_.Eval(*for_each.expr, root_);
    if (!coll.ok()) {
      Record(coll.status());
      return;
    }
    std::vector<std::pair<Value, Value>> elems;
    switch (coll->kind()) {
      case Value::Kind::kList:
        for (size_t i = 0; i < coll->items().size(); ++i) {
          const Value& v = coll->items()[i];
          elems.emplace_back(coll->is_set() ? v : Value::Number(static_cast<double>(i)), v);
        }
        break;
      case Value::Kind::kObject: {
        ValueMap fields = coll->fields();
        std::stable_sort(fields.begin(), fields.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [k, v] : fields) elems.emplace_back(Value::String(k), std::move(v));
        break;
      }
      default:
        Record(ErrorAt(for_each.expr->range, "Invalid for_each argument",
                       "for_each does not support " + coll->TypeName() +
                           " type; a set, a list, a map or an object is required."));
        return;
    }
    for (auto& [key, value] : elems) {
      Scope scope(&root_);
      scope.Set("each", Value::Object({{"key", key}, {"value", value}}));
      out->push_back(EvalBlock(block, scope, &for_each));
    }
  }

  const EvalOptions& opts_;
  std::vector<const File*> files_;
  FunctionTable functions_;
  Evaluator evaluator_;
  Evaluator static_evaluator_;
  Scope root_;
  std::map<std::string, Value> variables_;
  std::map<std::string, LocalDef> locals_;
  std::vector<Recorded> errors_;
  SourceRange current_;
};

}  // namespace

Result<ParsedFile> Parse(const std::string& filename, const std::string& source) {
  Diagnostics diags;
  std::shared_ptr<File> file = ParseConfig(filename, source, &diags);
  if (diags.HasErrors()) return diags.ToStatus();
  return ParsedFile{std::move(file), filename};
}

Result<Document> Evaluate(const std::vector<ParsedFile>& files, const EvalOptions& opts) {
  return DocumentEvaluator(files, opts).Run();
}

Result<Document> ParseAndEvaluate(const std::vector<std::pair<std::string, std::string>>& sources,
                                  const EvalOptions& opts) {
  std::vector<ParsedFile> files;
  Diagnostics diags;
  for (const auto& [name, source] : sources) {
    std::shared_ptr<File> file = ParseConfig(name, source, &diags);
    files.push_back(ParsedFile{std::move(file), name});
  }
  if (diags.HasErrors()) return diags.ToStatus();
  return Evaluate(files, opts);
}

}  // namespace strata::hcl
