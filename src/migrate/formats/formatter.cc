#include "migrate/formats/formatter.h"

#include <ctime>

#include "base/strings.h"
#include "migrate/directive.h"

namespace strata::migrate::formats {
namespace {

std::string WithName(const std::string& base, const std::string& sep, const std::string& name) {
  return name.empty() ? base : base + sep + name;
}

// "-- <comment>\n<stmt>;\n" per change, comments as planned.
std::string UpBody(const plan::Plan& p) {
  std::string out;
  for (const auto& c : p.changes) {
    if (!c.comment.empty()) out += "-- " + c.comment + "\n";
    out += c.cmd + ";\n";
  }
  return out;
}

// The reverse statements, last change first, each change's group under
// "-- reverse: <comment>". Changes without reverses are left out.
std::string DownBody(const plan::Plan& p) {
  std::string out;
  for (auto it = p.changes.rbegin(); it != p.changes.rend(); ++it) {
    if (it->reverse.empty()) continue;
    if (!it->comment.empty()) out += "-- reverse: " + it->comment + "\n";
    for (const std::string& r : it->reverse) out += r + ";\n";
  }
  return out;
}

std::string AtlasBody(const plan::Plan& p) {
  std::string out;
  if (!p.delimiter.empty()) {
    out += "-- atlas:delimiter " + EscapeDelimiter(p.delimiter) + "\n\n";
  }
  const std::string delim = p.delimiter.empty() ? ";" : p.delimiter;
  for (const auto& c : p.changes) {
    if (!c.comment.empty()) out += "-- " + CapitalizeFirst(c.comment) + "\n";
    out += c.cmd + delim + "\n";
  }
  return out;
}

std::string LiquibaseBody(const plan::Plan& p, const std::string& now) {
  std::string out = "--liquibase formatted sql";
  for (size_t i = 0; i < p.changes.size(); ++i) {
    const auto& c = p.changes[i];
    out += "\n--changeset atlas:" + now + "-" + std::to_string(i + 1) + "\n";
    if (!c.comment.empty()) out += "--comment: " + c.comment;
    out += "\n" + c.cmd + ";\n";
    for (const std::string& r : c.reverse) out += "--rollback: " + r + ";\n";
  }
  return out;
}

}  // namespace

std::vector<File> FormatPlan(Format f, const plan::Plan& p, const FormatInput& in) {
  const std::string& now = in.now;
  switch (f) {
    case Format::kAtlas:
      return {File(WithName(in.version.empty() ? now : in.version, "_", in.name) + ".sql", AtlasBody(p))};
    case Format::kGolangMigrate:
      return {File(WithName(now, "_", in.name) + ".up.sql", UpBody(p)),
              File(WithName(now, "_", in.name) + ".down.sql", DownBody(p))};
    case Format::kGoose:
      return {File(WithName(now, "_", in.name) + ".sql",
                   "-- +goose Up\n" + UpBody(p) + "\n-- +goose Down\n" + DownBody(p))};
    case Format::kDbmate:
      return {File(WithName(now, "_", in.name) + ".sql",
                   "-- migrate:up\n" + UpBody(p) + "\n-- migrate:down\n" + DownBody(p))};
    case Format::kFlyway:
      return {File(WithName("V" + now, "__", in.name) + ".sql", UpBody(p)),
              File(WithName("U" + now, "__", in.name) + ".sql", DownBody(p))};
    case Format::kLiquibase: return {File(WithName(now, "_", in.name) + ".sql", LiquibaseBody(p, now))};
  }
  return {};
}

std::string NowVersion() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d%H%M%S", &tm);
  return buf;
}

}  // namespace strata::migrate::formats
