// How a trigger's timing and events are kept in schema::Trigger::options,
// so that the codec, the inspector and the SQL renderer agree:
//   "timing"   BEFORE | AFTER | INSTEAD OF
//   "events"   SQL order, joined by " OR ": "INSERT OR UPDATE OF a, b"
//   "for_each" ROW | STATEMENT (absent: the database default)
//   "when"     the WHEN condition, without the keyword
// A trigger without "timing" keeps the whole CREATE TRIGGER statement in
// Trigger::def instead (the SQLite inspector's natural form).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace strata::spec {

inline constexpr char kTriggerTiming[] = "timing";
inline constexpr char kTriggerEvents[] = "events";
inline constexpr char kTriggerForEach[] = "for_each";
inline constexpr char kTriggerWhen[] = "when";
// COMMENT ON TRIGGER text (PostgreSQL).
inline constexpr char kTriggerComment[] = "comment";

struct TriggerEvent {
  std::string name;                  // INSERT, UPDATE, DELETE, TRUNCATE
  std::vector<std::string> columns;  // UPDATE OF columns
  bool operator==(const TriggerEvent& o) const = default;
};

std::vector<TriggerEvent> ParseTriggerEvents(const std::string& events);
std::string FormatTriggerEvents(const std::vector<TriggerEvent>& events);

// A trigger's "EXECUTE FUNCTION f(args)" definition: function name (as
// written, possibly schema-qualified) and its literal arguments, unquoted.
struct TriggerExecute {
  std::string function;
  std::vector<std::string> args;
};
std::optional<TriggerExecute> ParseTriggerExecute(const std::string& def);
std::string FormatTriggerExecute(const TriggerExecute& e);

// HCL block of a timing: "INSTEAD OF" -> "instead_of"; and back.
std::string TimingBlockName(const std::string& timing);
std::string TimingFromBlockName(const std::string& block);

}  // namespace strata::spec
