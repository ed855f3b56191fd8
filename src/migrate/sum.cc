#include "migrate/sum.h"

#include "base/base64.h"
#include "base/sha256.h"
#include "base/strings.h"
#include "migrate/dir.h"
#include "migrate/text.h"

namespace strata::migrate {
namespace {

constexpr std::string_view kHashPrefix = "h1:";

// Lines as Go's bufio.ScanLines yields them: split at '\n', one trailing
// '\r' dropped per line, no empty token after a final '\n'.
std::vector<std::string_view> ScanLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    if (EndsWith(line, "\r")) line.remove_suffix(1);
    lines.push_back(line);
    if (eol == std::string_view::npos) break;
    text.remove_prefix(eol + 1);
  }
  return lines;
}

Status MismatchError() { return Status(Code::kChecksumMismatch, std::string(kErrChecksumMismatch)); }

// Length of an entry's line in the canonical file, '\n' included.
int64_t EntryLineLength(const HashEntry& e) {
  return static_cast<int64_t>(e.name.size() + 1 + kHashPrefix.size() + e.hash.size() + 1);
}

}  // namespace

std::string HashFile::Sum() const {
  Sha256 h;
  for (const HashEntry& e : entries_) {
    h.Update(e.name);
    h.Update(e.hash);
  }
  return Base64Encode(h.Digest());
}

std::string HashFile::MarshalText() const {
  std::string out;
  out.append(kHashPrefix).append(Sum()).push_back('\n');
  for (const HashEntry& e : entries_) {
    out.append(e.name).append(" ").append(kHashPrefix).append(e.hash).push_back('\n');
  }
  return out;
}

Result<HashFile> HashFile::UnmarshalText(std::string_view text) {
  std::vector<std::string_view> lines = ScanLines(text);
  std::string_view stored_sum = lines.empty() ? std::string_view() : lines.front();
  if (StartsWith(stored_sum, kHashPrefix)) stored_sum.remove_prefix(kHashPrefix.size());
  std::vector<HashEntry> entries;
  for (size_t i = 1; i < lines.size(); ++i) {
    const size_t at = lines[i].find(kHashPrefix);
    if (at == std::string_view::npos) {
      return Status(Code::kChecksumMismatch, std::string(kErrChecksumFormat));
    }
    entries.push_back(HashEntry{std::string(text::TrimSpace(lines[i].substr(0, at))),
                                std::string(lines[i].substr(at + kHashPrefix.size()))});
  }
  HashFile file(std::move(entries));
  if (file.Sum() != stored_sum) return MismatchError();
  return file;
}

Result<std::string> HashFile::SumByName(std::string_view name) const {
  for (const HashEntry& e : entries_) {
    if (e.name == name) return e.hash;
  }
  return NotFound("checksum not found");
}

HashFile NewHashFile(const std::vector<File>& files) {
  std::vector<HashEntry> entries;
  entries.reserve(files.size());
  Sha256 running;  // one hasher for the whole directory
  for (const File& f : files) {
    running.Update(f.name());
    if (f.SumIgnored()) continue;  // the name counts, the content does not
    running.Update(f.bytes());
    entries.push_back(HashEntry{f.name(), Base64Encode(running.Digest())});
  }
  return HashFile(std::move(entries));
}

Status WriteSumFile(Dir& dir, const HashFile& sum) { return dir.WriteFile(kHashFileName, sum.MarshalText()); }

std::string_view ToString(ChecksumReason reason) {
  switch (reason) {
    case ChecksumReason::kAdded:
      return "added";
    case ChecksumReason::kEdited:
      return "edited";
    case ChecksumReason::kRemoved:
      return "removed";
  }
  return "edited";
}

std::string ChecksumError::Pointer() const {
  return "L" + std::to_string(line) + ": " + file + " was " + std::string(ToString(reason));
}

std::optional<ChecksumError> FindChecksumError(const HashFile& stored, const HashFile& computed) {
  const std::vector<HashEntry>& old_entries = stored.entries();
  const std::vector<HashEntry>& new_entries = computed.entries();
  const auto computed_has = [&](const std::string& name) {
    for (const HashEntry& e : new_entries) {
      if (e.name == name) return true;
    }
    return false;
  };
  // Offset of the current line: line 1 is "h1:" + the directory hash + '\n'.
  int64_t pos = static_cast<int64_t>(kHashPrefix.size() + stored.Sum().size() + 1);
  for (size_t i = 0; i < old_entries.size(); ++i) {
    const HashEntry& old_entry = old_entries[i];
    const bool has_new = i < new_entries.size();
    if (has_new && old_entry == new_entries[i]) {
      pos += EntryLineLength(old_entry);
      continue;
    }
    ChecksumError err;
    err.line = static_cast<int>(i) + 2;
    err.pos = pos;
    if (!computed_has(old_entry.name)) {
      err.reason = ChecksumReason::kRemoved;
      err.file = old_entry.name;
    } else if (has_new && new_entries[i].name == old_entry.name) {
      err.reason = ChecksumReason::kEdited;
      err.file = old_entry.name;
    } else if (has_new) {
      err.reason = ChecksumReason::kAdded;
      err.file = new_entries[i].name;
    } else {
      // Only reachable with duplicate names in a hand-edited atlas.sum: the
      // name exists, but not at or after this index.
      err.reason = ChecksumReason::kRemoved;
      err.file = old_entry.name;
    }
    return err;
  }
  if (new_entries.size() > old_entries.size()) {
    return ChecksumError{static_cast<int>(old_entries.size()) + 2, new_entries[old_entries.size()].name,
                         ChecksumReason::kAdded, pos};
  }
  return std::nullopt;
}

Status Validate(const Dir& dir, std::optional<ChecksumError>* error) {
  if (error != nullptr) error->reset();
  Result<std::string> raw = dir.ReadFile(kHashFileName);
  if (!raw.ok() && raw.status().code() == Code::kNotFound) {
    // No atlas.sum is fine as long as there is nothing to protect.
    ASSIGN_OR_RETURN(std::vector<File> files, dir.Files());
    if (!files.empty()) return NotFound(std::string(kErrChecksumNotFound));
    return Status::Ok();
  }
  if (!raw.ok()) return raw.status();
  ASSIGN_OR_RETURN(HashFile stored, HashFile::UnmarshalText(*raw));
  ASSIGN_OR_RETURN(HashFile computed, dir.Checksum());
  if (stored.Sum() == computed.Sum()) return Status::Ok();
  if (error != nullptr) *error = FindChecksumError(stored, computed);
  return MismatchError();
}

std::string ChecksumErrorReport(const std::optional<ChecksumError>& error) {
  std::string out = "You have a checksum error in your migration directory.\n";
  if (error) out += "\n\t" + error->Pointer() + "\n\n";
  out += "Please check your migration files and run 'atlas migrate hash' to re-hash the contents\n\n";
  return out;
}

}  // namespace strata::migrate
