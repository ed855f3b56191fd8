// Replaying a migration directory on the dev database.
#include "base/strings.h"
#include "devdb/dev.h"

namespace strata::devdb {
namespace {

// The files within the bound, from the last checkpoint among them.
std::vector<migrate::File> FilesToReplay(std::vector<migrate::File> files, const ReplayOptions& opts) {
  if (!opts.to_version.empty()) {
    std::erase_if(files, [&](const migrate::File& f) { return f.Version() > opts.to_version; });
  }
  size_t start = 0;
  for (size_t i = files.size(); i > 0; --i) {
    if (files[i - 1].IsCheckpoint()) {
      start = i - 1;
      break;
    }
  }
  return std::vector<migrate::File>(files.begin() + static_cast<long>(start), files.end());
}

}  // namespace

Result<schema::Realm> DevDatabase::ReplayDir(const migrate::Dir& dir, const ReplayOptions& opts) {
  RETURN_IF_ERROR(driver_->CheckClean());
  ASSIGN_OR_RETURN(std::vector<migrate::File> all, dir.Files());
  const migrate::ScannerOptions scanner = driver_->StatementScanner();
  for (const migrate::File& f : FilesToReplay(std::move(all), opts)) {
    auto stmts = f.StmtDecls(scanner);
    if (!stmts.ok()) {
      (void)Reset();
      return stmts.status().Wrap("sql/migrate: scanning statements of " + GoQuote(f.name()));
    }
    for (const migrate::Stmt& s : *stmts) {
      Status st = driver_->Conn().Exec(s.text);
      if (!st.ok()) {
        (void)Reset();
        return Status(st.code(), "sql/migrate: executing statement " + GoQuote(s.text) + " from version " +
                                     GoQuote(f.Version()) + ": " + st.message());
      }
    }
  }
  auto inspected = InspectAll({});
  Status reset = Reset();
  if (!inspected.ok()) return inspected.status();
  RETURN_IF_ERROR(reset);
  return inspected;
}

}  // namespace strata::devdb
