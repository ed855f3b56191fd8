#include "dialect/postgres/routines.h"

#include "base/strings.h"
#include "dialect/postgres/render.h"

namespace strata::dialect::postgres {

std::string FormatRoutineArg(const RoutineArg& a) {
  std::string s = (a.mode.empty() ? std::string("IN") : ToUpper(a.mode)) + " " + Quote(a.name) + " " + a.type;
  if (!a.default_expr.empty()) s += " DEFAULT " + a.default_expr;
  return s;
}

RoutineArg ParseRoutineArg(const std::string& text) {
  RoutineArg a;
  std::string s = Trim(text);
  size_t sp = s.find(' ');
  a.mode = s.substr(0, sp);
  s = sp == std::string::npos ? "" : Trim(s.substr(sp + 1));
  if (!s.empty() && s[0] == '"') {
    size_t i = 1;
    for (; i < s.size(); ++i) {
      if (s[i] != '"') {
        a.name += s[i];
        continue;
      }
      if (i + 1 < s.size() && s[i + 1] == '"') {
        a.name += '"';
        ++i;
        continue;
      }
      break;
    }
    s = i + 1 < s.size() ? Trim(s.substr(i + 1)) : "";
  }
  size_t def = s.find(" DEFAULT ");
  a.type = Trim(s.substr(0, def));
  if (def != std::string::npos) a.default_expr = Trim(s.substr(def + 9));
  return a;
}

std::vector<RoutineArg> RoutineArgs(const schema::Object& o) {
  std::vector<RoutineArg> out;
  for (const auto& v : o.values) out.push_back(ParseRoutineArg(v));
  return out;
}

std::string RoutineArgsSQL(const std::vector<RoutineArg>& args) {
  std::vector<std::string> parts;
  for (const auto& a : args) {
    std::string s;
    std::string mode = ToUpper(a.mode);
    if (!mode.empty() && mode != "IN") s += mode + " ";
    if (!a.name.empty()) s += Quote(a.name) + " ";
    s += a.type;
    if (!a.default_expr.empty()) s += " DEFAULT " + a.default_expr;
    parts.push_back(std::move(s));
  }
  return Join(parts, ", ");
}

std::string RoutineSignature(const std::vector<RoutineArg>& args) {
  std::vector<std::string> types;
  for (const auto& a : args) {
    std::string mode = ToUpper(a.mode);
    if (mode == "OUT" || mode == "TABLE") continue;
    types.push_back(a.type);
  }
  return "(" + Join(types, ", ") + ")";
}

std::vector<std::string> SplitTopLevel(const std::string& list) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    char c = list[i];
    if (quote) {
      cur += c;
      if (c == quote) {
        if (i + 1 < list.size() && list[i + 1] == quote) {
          cur += list[++i];
          continue;
        }
        quote = 0;
      }
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    if (c == '(' || c == '[') ++depth;
    if (c == ')' || c == ']') --depth;
    if (c == ',' && depth == 0) {
      out.push_back(Trim(cur));
      cur.clear();
      continue;
    }
    cur += c;
  }
  if (!Trim(cur).empty()) out.push_back(Trim(cur));
  return out;
}

std::string RoutineSetClauses(const schema::Object& o) {
  std::string out;
  for (const auto& [k, v] : o.options.items()) {
    if (!StartsWith(k, "set.")) continue;
    std::string param = k.substr(4);
    // List-valued settings are stored "a, b"; each element is its own literal.
    bool list = param == "search_path" || param == "temp_tablespaces" ||
                EndsWith(param, "_preload_libraries");
    std::vector<std::string> items;
    if (list) {
      for (const auto& item : SplitTopLevel(v)) items.push_back(QuoteString(item));
    } else {
      items.push_back(QuoteString(v));
    }
    out += " SET " + param + " TO " + Join(items, ", ");
  }
  return out;
}

std::string PolicySignature(const std::string& table) { return " ON " + table; }

bool IsRoutine(const schema::Object& o) { return o.kind == kFunctionKind || o.kind == kProcedureKind; }

}  // namespace strata::dialect::postgres
