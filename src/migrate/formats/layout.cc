#include "migrate/formats/layout.h"

#include "base/strings.h"
#include "migrate/text.h"

namespace strata::migrate::formats {
namespace {

constexpr std::string_view kGoosePrefix = "-- +goose";
constexpr std::string_view kDbmatePrefix = "-- migrate:";
// Ends every goose statement in the rewritten text; the scanner strips it.
constexpr std::string_view kGooseDelimiter = "-- ATLAS_DELIM_END";

// Lines as Go's bufio.ScanLines yields them: split at '\n', a '\r' before
// it dropped, no empty last line after a final '\n'.
std::vector<std::string_view> Lines(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    size_t nl = s.find('\n');
    std::string_view line = s.substr(0, nl);
    if (nl != std::string_view::npos && !line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    if (nl == std::string_view::npos) break;
    s.remove_prefix(nl + 1);
  }
  return out;
}

// The annotation keyword of a line starting with `prefix`, or "".
std::string_view Keyword(std::string_view line, std::string_view prefix) {
  if (!StartsWith(line, prefix)) return "";
  return text::TrimSpace(line.substr(prefix.size()));
}

bool IsGooseAnnotation(std::string_view kw) {
  return kw == "Up" || kw == "Down" || kw == "StatementBegin" || kw == "StatementEnd";
}

Status UnexpectedGoose(const std::string& name, int line, std::string_view kw) {
  return Status(Code::kParse, "sql/migrate: goose: " + name + ":" + std::to_string(line) + " unexpected goosePragma '" +
                                  std::string(kw) + "'");
}

}  // namespace

Result<std::string> GooseUpText(const std::string& name, std::string_view bytes) {
  enum class State { kNone, kUp, kBegin, kEnd };
  State state = State::kNone;
  std::vector<std::string> lines = {"-- atlas:delimiter " + std::string(kGooseDelimiter), ""};
  int number = 0;
  for (std::string_view line : Lines(bytes)) {
    ++number;
    std::string_view kw = Keyword(line, kGoosePrefix);
    if (kw == "Up") {
      if (state != State::kNone) return UnexpectedGoose(name, number, kw);
      state = State::kUp;
    } else if (kw == "Down") {
      if (state != State::kUp) return UnexpectedGoose(name, number, kw);
      break;
    } else if (kw == "StatementBegin") {
      if (state != State::kUp) return UnexpectedGoose(name, number, kw);
      state = State::kBegin;
    } else if (kw == "StatementEnd") {
      if (state != State::kBegin) return UnexpectedGoose(name, number, kw);
      state = State::kEnd;
    }
    if (!IsGooseAnnotation(kw) && state != State::kEnd) {
      std::string_view trimmed = text::TrimRightSpace(line);
      lines.emplace_back(trimmed);
      // Outside StatementBegin/End, a line ending in ";" ends a statement.
      if (state == State::kUp && EndsWith(trimmed, ";") && !StartsWith(trimmed, "--")) {
        lines.emplace_back(kGooseDelimiter);
      }
    }
    if (state == State::kEnd) {
      state = State::kUp;
      lines.emplace_back(kGooseDelimiter);
    }
  }
  return Join(lines, "\n");
}

std::string DbmateUpText(std::string_view bytes) {
  bool up = false;
  std::vector<std::string> lines;
  for (std::string_view line : Lines(bytes)) {
    // "-- migrate:up transaction:false": options follow the keyword.
    std::string_view kw = Keyword(line, kDbmatePrefix);
    kw = kw.substr(0, kw.find_first_of(" \t"));
    if (kw == "up") {
      up = true;
      continue;
    }
    if (kw == "down") break;
    if (up) lines.emplace_back(line);
  }
  return Join(lines, "\n");
}

Result<std::vector<File>> ToolDir::Files() const {
  switch (format_) {
    case Format::kAtlas:
    case Format::kLiquibase: return base_->Files();
    case Format::kGolangMigrate: {
      ASSIGN_OR_RETURN(std::vector<File> all, base_->Files());
      std::vector<File> out;
      for (File& f : all) {
        if (!EndsWith(f.name(), ".up.sql")) continue;
        std::string desc = f.Desc();
        if (EndsWith(desc, ".up")) desc.resize(desc.size() - 3);
        f.SetVersionDesc(f.Version(), desc);
        out.push_back(std::move(f));
      }
      return out;
    }
    case Format::kGoose: {
      ASSIGN_OR_RETURN(std::vector<File> files, base_->Files());
      for (File& f : files) f.SetUpText(GooseUpText(f.name(), f.bytes()));
      return files;
    }
    case Format::kDbmate: {
      ASSIGN_OR_RETURN(std::vector<File> files, base_->Files());
      for (File& f : files) f.SetUpText(DbmateUpText(f.bytes()));
      return files;
    }
    case Format::kFlyway: {
      ASSIGN_OR_RETURN(std::vector<std::string> names, FlywayFileNames(path()));
      std::vector<File> files;
      for (const std::string& n : names) {
        ASSIGN_OR_RETURN(std::string bytes, base_->ReadFile(n));
        File f(n, std::move(bytes));
        f.SetVersionDesc(FlywayVersion(n), FlywayDesc(n));
        files.push_back(std::move(f));
      }
      return files;
    }
  }
  return base_->Files();
}

}  // namespace strata::migrate::formats
