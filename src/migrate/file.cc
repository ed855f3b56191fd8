#include "migrate/file.h"

#include "base/strings.h"
#include "migrate/directive.h"
#include "migrate/text.h"

namespace strata::migrate {
namespace {

constexpr std::string_view kSqlSuffix = ".sql";

std::string_view TrimSqlSuffix(std::string_view s) {
  if (EndsWith(s, kSqlSuffix)) s.remove_suffix(kSqlSuffix.size());
  return s;
}

// Go's %q of a []string: ["a" "b"].
std::string QuoteList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ' ';
    out += GoQuote(items[i]);
  }
  return out + "]";
}

}  // namespace

std::string File::Version() const {
  if (version_) return *version_;
  std::string_view base = TrimSqlSuffix(name_);
  return std::string(base.substr(0, base.find('_')));
}

std::string File::Desc() const {
  if (desc_) return *desc_;
  const size_t underscore = name_.find('_');
  if (underscore == std::string::npos) return "";
  return std::string(TrimSqlSuffix(std::string_view(name_).substr(underscore + 1)));
}

void File::SetVersionDesc(std::string version, std::string desc) {
  version_ = std::move(version);
  desc_ = std::move(desc);
}

void File::SetUpText(Result<std::string> text) { up_text_ = std::move(text); }

Result<std::vector<Stmt>> File::StmtDecls(const ScannerOptions& options) const {
  if (!up_text_) return ScanStmts(bytes_, options);
  if (!up_text_->ok()) return up_text_->status();
  return ScanStmts(up_text_->value(), ScannerOptionsFor(ScanDialect::kGeneric));
}

std::vector<std::string> File::HeaderComments() const {
  std::vector<std::string> comments;
  std::string_view rest = bytes_;
  while (StartsWith(rest, "#") || StartsWith(rest, "--")) {
    const size_t eol = rest.find('\n');
    if (eol == std::string_view::npos) {
      // The file is nothing but comments: no blank line can follow, so the
      // block is not a header (checked below).
      comments.emplace_back(rest);
      break;
    }
    comments.emplace_back(text::TrimSpace(rest.substr(0, eol)));
    rest.remove_prefix(eol + 1);
  }
  // Only a blank line (spaces and tabs allowed before its '\n') detaches the
  // block from the first statement.
  const size_t first = rest.find_first_not_of(" \t");
  if (first == std::string_view::npos || rest[first] != '\n') return {};
  return comments;
}

std::vector<std::string> File::Directive(std::string_view name) const {
  std::vector<std::string> out;
  for (const std::string& c : HeaderComments()) {
    if (auto d = FindDirective(c, name)) out.push_back(std::move(*d));
  }
  return out;
}

bool File::IsCheckpoint() const { return !Directive(kDirectiveCheckpoint).empty(); }

Result<std::string> File::CheckpointTag() const {
  std::vector<std::string> ds = Directive(kDirectiveCheckpoint);
  if (ds.empty()) return NotFound("not a checkpoint file");
  return ds.front();
}

Result<std::string> File::TxMode() const {
  std::vector<std::string> ds = Directive(kDirectiveTxMode);
  if (ds.empty()) return std::string();
  if (ds.size() > 1) {
    return InvalidArgument("multiple txmode values found in file " + GoQuote(name_) + ": " + QuoteList(ds));
  }
  const std::string& mode = ds.front();
  if (mode == "all") {
    return InvalidArgument("txmode \"all\" is not allowed in file directive " + GoQuote(name_) +
                           ". Use \"file\" instead");
  }
  if (mode == "none" || mode == "file") return mode;
  return InvalidArgument("unknown txmode " + GoQuote(mode) + " found in file directive " + GoQuote(name_));
}

void File::AddDirective(std::string_view name, const std::vector<std::string>& args) {
  std::string head = "-- atlas:";
  head += name;
  if (!args.empty()) {
    head += ' ';
    head += Join(args, " ");
  }
  head += '\n';
  if (HeaderComments().empty()) head += '\n';
  bytes_.insert(0, head);
}

std::optional<std::string> File::Delimiter() const {
  auto d = FindDirective(bytes_, kDirectiveDelimiter, kDirectivePrefixSql);
  if (!d) return std::nullopt;
  return UnescapeDelimiter(*d);
}

bool File::SumIgnored() const {
  auto mode = FindDirective(bytes_, kDirectiveSum);
  return mode && *mode == kSumModeIgnore;
}

}  // namespace strata::migrate
