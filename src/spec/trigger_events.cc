#include "spec/trigger_events.h"

#include "base/strings.h"

namespace strata::spec {

std::vector<TriggerEvent> ParseTriggerEvents(const std::string& events) {
  std::vector<TriggerEvent> out;
  if (Trim(events).empty()) return out;
  for (const auto& part : Split(events, " OR ")) {
    TriggerEvent ev;
    std::string p = Trim(part);
    size_t of = ToUpper(p).find(" OF ");
    if (of == std::string::npos) {
      ev.name = ToUpper(p);
    } else {
      ev.name = ToUpper(Trim(p.substr(0, of)));
      for (const auto& c : Split(p.substr(of + 4), ",")) ev.columns.push_back(Trim(c));
    }
    out.push_back(std::move(ev));
  }
  return out;
}

std::string FormatTriggerEvents(const std::vector<TriggerEvent>& events) {
  std::vector<std::string> parts;
  for (const auto& ev : events) {
    std::string p = ev.name;
    if (!ev.columns.empty()) p += " OF " + Join(ev.columns, ", ");
    parts.push_back(p);
  }
  return Join(parts, " OR ");
}

std::optional<TriggerExecute> ParseTriggerExecute(const std::string& def) {
  std::string d = Trim(def);
  std::string u = ToUpper(d);
  size_t start = 0;
  for (const char* kw : {"EXECUTE FUNCTION ", "EXECUTE PROCEDURE "})
    if (StartsWith(u, kw)) start = std::string(kw).size();
  if (start == 0 || d.back() != ')') return std::nullopt;
  size_t open = d.find('(', start);
  if (open == std::string::npos) return std::nullopt;
  TriggerExecute e;
  e.function = Trim(d.substr(start, open - start));
  std::string args = d.substr(open + 1, d.size() - open - 2);
  // Arguments are string literals ('a', 'it''s'); anything else is kept raw.
  std::string cur;
  bool in = false, any = false;
  for (size_t i = 0; i < args.size(); ++i) {
    char c = args[i];
    if (in) {
      if (c == '\'' && i + 1 < args.size() && args[i + 1] == '\'') {
        cur += '\'';
        ++i;
      } else if (c == '\'') {
        in = false;
      } else {
        cur += c;
      }
      continue;
    }
    if (c == '\'') {
      in = any = true;
    } else if (c == ',') {
      e.args.push_back(cur);
      cur.clear();
      any = false;
    } else if (c != ' ') {
      return std::nullopt;  // not a plain literal list
    }
  }
  if (any || !e.args.empty()) e.args.push_back(cur);
  return e;
}

std::string FormatTriggerExecute(const TriggerExecute& e) {
  std::vector<std::string> args;
  for (const auto& a : e.args) args.push_back("'" + ReplaceAll(a, "'", "''") + "'");
  return "EXECUTE FUNCTION " + e.function + "(" + Join(args, ", ") + ")";
}

std::string TimingBlockName(const std::string& timing) {
  return ToLower(ReplaceAll(Trim(timing), " ", "_"));
}

std::string TimingFromBlockName(const std::string& block) {
  return ToUpper(ReplaceAll(block, "_", " "));
}

}  // namespace strata::spec
