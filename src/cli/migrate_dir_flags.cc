// Directory flags and the checksum pre-check shared by the authoring commands.
#include <ostream>

#include "base/strings.h"
#include "cli/migrate_authoring.h"
#include "migrate/sum.h"

namespace strata::cli {

Result<std::unique_ptr<migrate::Dir>> OpenFormatDir(const std::string& dir_url, const std::string& dir_format,
                                                    bool create, migrate::formats::DirUrl* parsed) {
  ASSIGN_OR_RETURN(migrate::formats::DirUrl u, migrate::formats::ParseDirUrl(dir_url, dir_format));
  if (parsed != nullptr) *parsed = u;
  return migrate::formats::OpenDirUrl(u, create);
}

Status CheckDirSum(const migrate::Dir& dir, std::ostream& err, bool allow_missing_sum) {
  std::optional<migrate::ChecksumError> where;
  Status st = migrate::Validate(dir, &where);
  if (st.ok() || (allow_missing_sum && st.code() == Code::kNotFound)) return Status::Ok();
  if (st.code() == Code::kChecksumMismatch || st.code() == Code::kNotFound) {
    err << migrate::ChecksumErrorReport(where);
  }
  return st;
}

}  // namespace strata::cli
