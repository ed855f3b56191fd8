#include "cli/template.h"

#include <cctype>

#include "base/strings.h"

namespace strata::cli {
namespace {

// Splits an action body into words, keeping "quoted strings" whole.
Result<std::vector<std::string>> Words(const std::string& body) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < body.size()) {
    if (std::isspace(static_cast<unsigned char>(body[i]))) {
      ++i;
      continue;
    }
    if (body[i] == '"' || body[i] == '`') {
      char q = body[i];
      std::string s;
      size_t j = i + 1;
      for (; j < body.size() && body[j] != q; ++j) {
        if (q == '"' && body[j] == '\\' && j + 1 < body.size()) {
          char e = body[++j];
          s += e == 'n' ? '\n' : e == 't' ? '\t' : e;
          continue;
        }
        s += body[j];
      }
      if (j >= body.size()) return InvalidArgument("template: unterminated quoted string");
      out.push_back(s);
      i = j + 1;
      continue;
    }
    size_t j = i;
    while (j < body.size() && !std::isspace(static_cast<unsigned char>(body[j]))) ++j;
    out.push_back(body.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

Result<std::string> ExecuteTemplate(const std::string& tmpl, const std::map<std::string, TemplateFunc>& funcs) {
  std::string out;
  size_t pos = 0;
  while (pos < tmpl.size()) {
    size_t open = tmpl.find("{{", pos);
    if (open == std::string::npos) {
      out += tmpl.substr(pos);
      break;
    }
    std::string text = tmpl.substr(pos, open - pos);
    size_t body_start = open + 2;
    if (body_start < tmpl.size() && tmpl[body_start] == '-') {
      while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
      ++body_start;
    }
    out += text;
    size_t close = tmpl.find("}}", body_start);
    if (close == std::string::npos) return InvalidArgument("template: unclosed action");
    size_t body_end = close;
    bool trim_after = body_end > body_start && tmpl[body_end - 1] == '-';
    if (trim_after) --body_end;
    ASSIGN_OR_RETURN(std::vector<std::string> words, Words(tmpl.substr(body_start, body_end - body_start)));
    pos = close + 2;
    if (trim_after)
      while (pos < tmpl.size() && std::isspace(static_cast<unsigned char>(tmpl[pos]))) ++pos;
    if (words.empty()) return InvalidArgument("template: missing value for command");
    std::string fn = words[0];
    std::vector<std::string> args;
    if (fn == "." || fn == "$") {
      fn = ".";
    } else {
      if (words.size() < 2 || (words[1] != "." && words[1] != "$")) {
        return InvalidArgument("template: unsupported action {{ " + Join(words, " ") +
                               " }}: supported are {{ sql . }}, {{ json . }}, {{ mermaid . }}");
      }
      args.assign(words.begin() + 2, words.end());
    }
    auto it = funcs.find(fn);
    if (it == funcs.end()) return InvalidArgument("template: function " + GoQuote(fn) + " not defined");
    ASSIGN_OR_RETURN(std::string v, it->second(args));
    out += v;
  }
  return out;
}

}  // namespace strata::cli
