// `migrate import`: converts another tool's migration directory into an
// Atlas directory, one file per source file, statements re-written through
// the Atlas formatter with their attached comments kept verbatim.
#include <ostream>

#include "base/strings.h"
#include "cli/migrate_authoring.h"
#include "migrate/formats/formatter.h"
#include "migrate/formats/layout.h"
#include "migrate/sum.h"

namespace strata::cli {
namespace {

// One plan change per statement: its comment group, then the statement
// without its trailing ";" (the formatter adds it back).
Result<plan::Plan> FilePlan(const migrate::File& f) {
  ASSIGN_OR_RETURN(std::vector<migrate::Stmt> stmts,
                   f.StmtDecls(migrate::ScannerOptionsFor(migrate::ScanDialect::kGeneric)));
  plan::Plan p;
  for (const migrate::Stmt& s : stmts) {
    plan::PlannedChange c;
    for (const std::string& comment : s.comments) {
      c.cmd += comment;
      if (!EndsWith(comment, "\n")) c.cmd += "\n";
    }
    std::string_view text = s.text;
    if (EndsWith(text, ";")) text.remove_suffix(1);
    c.cmd += text;
    p.changes.push_back(std::move(c));
  }
  return p;
}

}  // namespace

Status MigrateImport(const GlobalOptions& g, const MigrateImportOptions& o, std::ostream& out, std::ostream& err) {
  (void)g;
  if (o.from.empty()) return InvalidArgument("required flag(s) \"from\" not set");
  migrate::formats::DirUrl from_url;
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::Dir> src, OpenFormatDir(o.from, o.dir_format, false, &from_url));
  // A source without atlas.sum is fine: it usually comes from another tool.
  RETURN_IF_ERROR(CheckDirSum(*src, err, /*allow_missing_sum=*/true));
  if (!from_url.format_given || from_url.format == migrate::formats::Format::kAtlas) {
    return InvalidArgument("cannot import a migration directory already in \"atlas\" format");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::Dir> target, OpenFormatDir(o.to, "", true));
  ASSIGN_OR_RETURN(std::vector<migrate::File> existing, target->Files());
  if (!existing.empty()) return InvalidArgument("target migration directory must be empty");
  ASSIGN_OR_RETURN(std::vector<migrate::File> files, src->Files());
  if (files.empty()) {
    err << "nothing to import";
    return Status::Ok();
  }
  if (from_url.format == migrate::formats::Format::kFlyway) migrate::formats::SetRepeatableVersions(files);
  const std::string now = migrate::formats::NowVersion();
  for (const migrate::File& f : files) {
    ASSIGN_OR_RETURN(plan::Plan p, FilePlan(f));
    migrate::formats::FormatInput in;
    in.now = now;
    in.version = f.Version();
    in.name = f.Desc();
    for (const migrate::File& written : migrate::formats::FormatPlan(migrate::formats::Format::kAtlas, p, in)) {
      RETURN_IF_ERROR(target->WriteFile(written.name(), written.bytes()));
    }
  }
  (void)out;
  ASSIGN_OR_RETURN(migrate::HashFile sum, target->Checksum());
  return migrate::WriteSumFile(*target, sum);
}

}  // namespace strata::cli
