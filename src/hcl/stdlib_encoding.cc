// Encoding functions: jsonencode/jsondecode, csvdecode, yamlencode,
// yamldecode and yamlmerge.
#include <algorithm>

#include "hcl/functions.h"
#include "hcl/json.h"
#include "hcl/yaml.h"

namespace strata::hcl {
namespace {

Result<Value> JsonEncodeFn(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, JsonEncode(a[0]));
  return Value::String(s);
}

Result<Value> JsonDecodeFn(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  return JsonDecode(s);
}

Result<Value> YamlEncodeFn(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, YamlEncode(a[0]));
  return Value::String(s);
}

Result<Value> YamlDecodeFn(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  return YamlDecode(s);
}

Value DeepMerge(const Value& base, const Value& over) {
  if (base.kind() != Value::Kind::kObject || over.kind() != Value::Kind::kObject) return over;
  ValueMap out = base.fields();
  for (const auto& [k, v] : over.fields()) {
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& f) { return f.first == k; });
    if (it == out.end())
      out.emplace_back(k, v);
    else
      it->second = DeepMerge(it->second, v);
  }
  return SortedObject(std::move(out));
}

// yamlmerge(a, b, ...): deep-merges YAML documents (later documents win;
// mappings merge key by key, anything else is replaced) and returns YAML.
Result<Value> YamlMergeFn(const ValueList& a) {
  Value merged;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].is_null()) continue;
    ASSIGN_OR_RETURN(std::string s, StringArg(a, i));
    ASSIGN_OR_RETURN(Value doc, YamlDecode(s));
    if (doc.is_null()) continue;
    merged = merged.is_null() ? doc : DeepMerge(merged, doc);
  }
  ASSIGN_OR_RETURN(std::string out, YamlEncode(merged));
  return Value::String(out);
}

// RFC 4180 records; quoted fields may hold commas, quotes ("") and newlines.
Result<std::vector<std::vector<std::string>>> ParseCsv(const std::string& s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, field_started = false;
  int line = 1;
  size_t i = 0;
  auto end_row = [&] {
    row.push_back(field);
    rows.push_back(row);
    row.clear();
    field.clear();
    field_started = false;
  };
  while (i < s.size()) {
    char c = s[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        ++i;
        if (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r')
          return InvalidArgument("parse error on line " + std::to_string(line) +
                                 ": extraneous or missing \" in quoted-field");
        continue;
      }
      if (c == '\n') ++line;
      field += c;
      ++i;
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
      ++i;
      continue;
    }
    if (c == '"')
      return InvalidArgument("parse error on line " + std::to_string(line) +
                             ": bare \" in non-quoted-field");
    if (c == ',') {
      row.push_back(field);
      field.clear();
      field_started = false;
      ++i;
      continue;
    }
    if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    if (c == '\n' || c == '\r') {
      end_row();
      ++line;
      ++i;
      continue;
    }
    field += c;
    field_started = true;
    ++i;
  }
  if (quoted)
    return InvalidArgument("parse error on line " + std::to_string(line) +
                           ": extraneous or missing \" in quoted-field");
  if (field_started || !row.empty()) end_row();
  return rows;
}

Result<Value> CsvDecode(const ValueList& a) {
  ASSIGN_OR_RETURN(std::string s, StringArg(a, 0));
  ASSIGN_OR_RETURN(auto rows, ParseCsv(s));
  if (rows.empty()) return InvalidArgument("missing header line");
  const auto& header = rows[0];
  ValueList out;
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() != header.size())
      return InvalidArgument("record on line " + std::to_string(r + 1) +
                             ": wrong number of fields");
    ValueMap obj;
    for (size_t k = 0; k < header.size(); ++k)
      obj.emplace_back(header[k], Value::String(rows[r][k]));
    out.push_back(SortedObject(std::move(obj)));
  }
  return Value::List(std::move(out));
}

}  // namespace

void AddEncodingFunctions(FunctionTable* t) {
  (*t)["csvdecode"] = {1, 1, CsvDecode};
  (*t)["jsondecode"] = {1, 1, JsonDecodeFn};
  (*t)["jsonencode"] = {1, 1, JsonEncodeFn};
  (*t)["yamldecode"] = {1, 1, YamlDecodeFn};
  (*t)["yamlencode"] = {1, 1, YamlEncodeFn};
  (*t)["yamlmerge"] = {1, -1, YamlMergeFn};
}

}  // namespace strata::hcl
