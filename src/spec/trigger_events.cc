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

std::string TimingBlockName(const std::string& timing) {
  return ToLower(ReplaceAll(Trim(timing), " ", "_"));
}

std::string TimingFromBlockName(const std::string& block) {
  return ToUpper(ReplaceAll(block, "_", " "));
}

}  // namespace strata::spec
