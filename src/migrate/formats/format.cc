#include "migrate/formats/format.h"

#include "base/strings.h"
#include "migrate/formats/layout.h"

namespace strata::migrate::formats {

std::string_view FormatName(Format f) {
  switch (f) {
    case Format::kAtlas: return "atlas";
    case Format::kGolangMigrate: return "golang-migrate";
    case Format::kGoose: return "goose";
    case Format::kFlyway: return "flyway";
    case Format::kLiquibase: return "liquibase";
    case Format::kDbmate: return "dbmate";
  }
  return "";
}

const std::vector<Format>& AllFormats() {
  static const std::vector<Format> kAll = {Format::kAtlas,  Format::kGolangMigrate, Format::kGoose,
                                           Format::kFlyway, Format::kLiquibase,     Format::kDbmate};
  return kAll;
}

Result<Format> ParseFormat(std::string_view name) {
  for (Format f : AllFormats()) {
    if (FormatName(f) == name) return f;
  }
  return InvalidArgument("unknown dir format " + GoQuote(name));
}

Result<std::unique_ptr<Dir>> OpenDir(Format f, const std::string& path) {
  ASSIGN_OR_RETURN(std::unique_ptr<LocalDir> local, LocalDir::Open(path));
  if (f == Format::kAtlas) return std::unique_ptr<Dir>(std::move(local));
  return std::unique_ptr<Dir>(std::make_unique<ToolDir>(f, std::move(local)));
}

}  // namespace strata::migrate::formats
