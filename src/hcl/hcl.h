// Public API of the HCL2 native-syntax library. It knows nothing about SQL:
// it parses files into an AST with spans, evaluates them into plain values,
// and formats source canonically (like hclwrite.Format).
//
// Evaluation is "symbolic" for schema files: a traversal whose root is not a
// known variable (e.g. `column.id`, `table.users.column.id`, `CASCADE`,
// `int`) evaluates to a kRef value holding its path, and a call to an
// unknown function (e.g. `varchar(255)`) evaluates to a kCall value. The
// schema codec gives those meaning; HCL does not have to.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/source.h"
#include "base/status.h"

namespace strata::hcl {

class Value;
using ValueList = std::vector<Value>;
using ValueMap = std::vector<std::pair<std::string, Value>>;  // ordered object

class Value {
 public:
  enum class Kind {
    kNull,
    kBool,
    kNumber,
    kString,
    kList,    // tuple/list/set (is_set() tells sets apart)
    kObject,  // object/map, keys kept in source order (sorted for maps from functions)
    kRef,     // unresolved traversal: path {"table","users","column","id"}
    kCall,    // call of an unknown function: name + evaluated args
    kRawSQL,  // the result of sql("..."): raw SQL text in str()
  };

  Value() = default;  // null
  static Value Null() { return Value(); }
  static Value Bool(bool b);
  static Value Number(double d);
  static Value NumberText(std::string text);  // keeps big integers exact
  static Value String(std::string s);
  static Value List(ValueList items, bool is_set = false);
  static Value Object(ValueMap fields);
  static Value Ref(std::vector<std::string> path);
  static Value Call(std::string name, ValueList args);
  static Value RawSQL(std::string sql);

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool bool_value() const { return bool_; }
  double number() const { return number_; }
  // The number as written/canonical text: "1", "2.5", "100000000000000000000".
  const std::string& number_text() const { return str_; }
  const std::string& str() const { return str_; }  // kString, kRawSQL, kCall name
  const ValueList& items() const { return items_; }  // kList, kCall args
  const ValueMap& fields() const { return fields_; }  // kObject
  const std::vector<std::string>& path() const { return path_; }  // kRef
  bool is_set() const { return is_set_; }
  const Value* Field(const std::string& key) const;

  // Human-readable type name for errors: "string", "number", "list", ...
  std::string TypeName() const;
  // HCL source text of the value (strings quoted, refs as dotted paths).
  std::string ToHCL() const;
  bool operator==(const Value& o) const;

 private:
  Kind kind_ = Kind::kNull;
  bool bool_ = false;
  bool is_set_ = false;
  double number_ = 0;
  std::string str_;
  ValueList items_;
  ValueMap fields_;
  std::vector<std::string> path_;
};

// ---- Evaluated documents ----
struct Attribute {
  std::string name;
  Value value;
  SourceRange range;        // the whole `name = expr`
  SourceRange value_range;  // the expression
};

struct Block {
  std::string type;
  std::vector<std::string> labels;
  std::vector<Attribute> attributes;  // in source order
  std::vector<Block> blocks;          // in source order
  SourceRange range;                  // the block header (type and labels)

  const Attribute* Attr(const std::string& name) const;
  std::vector<const Block*> Children(const std::string& type) const;
};

// Top-level attributes and blocks of all files, in file-name then source order.
// `variable` and `locals` blocks are consumed by evaluation; `for_each` on
// top-level blocks is expanded.
struct Document {
  std::vector<Attribute> attributes;
  std::vector<Block> blocks;
};

// ---- Parsing ----
struct File;  // AST; see ast.h
struct ParsedFile {
  std::shared_ptr<File> ast;
  std::string filename;
};
// Parses one file. Every syntax error in the file is reported; the status
// message is one "file:line:col: message" line per error.
Result<ParsedFile> Parse(const std::string& filename, const std::string& source);

// ---- Evaluation ----
using Function = std::function<Result<Value>(const ValueList& args)>;

struct EvalOptions {
  // Input values for `variable "x" {}` blocks (from --var); strings are
  // converted to the declared type.
  std::map<std::string, Value> inputs;
  // Extra root variables, e.g. {"atlas": {env = "dev"}}.
  std::map<std::string, Value> variables;
  // Extra functions besides the standard library (file, getenv, ...).
  std::map<std::string, Function> functions;
  // Unknown roots/functions become kRef/kCall values instead of errors.
  bool symbolic = true;
  // Directory for relative paths in file()/fileset() etc.
  std::string base_dir = ".";
};

// Evaluates the files together (as one document). Every evaluation error is
// reported: the status is kInvalidArgument with one "file:line:col: message"
// line per error, in source order.
Result<Document> Evaluate(const std::vector<ParsedFile>& files, const EvalOptions& opts);

// Convenience: parse every (name, source) pair, then evaluate. Syntax errors
// of all files are reported together (kParse) before any evaluation.
Result<Document> ParseAndEvaluate(const std::vector<std::pair<std::string, std::string>>& sources,
                                  const EvalOptions& opts);

// ---- Formatting ----
// Canonical formatting of HCL source (indentation, spacing, `=` alignment),
// as `hclwrite.Format` does. Comments are kept. Fails on syntax errors.
Result<std::string> Format(const std::string& filename, const std::string& source);

// An HCL quoted string literal for s, escaping `"`, `\`, control chars,
// and `${` / `%{` sequences.
std::string Quote(const std::string& s);
// True when s is a valid HCL identifier (and not a keyword-like literal).
bool IsIdentifier(const std::string& s);

}  // namespace strata::hcl
