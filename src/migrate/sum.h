// atlas.sum: the integrity file of a migration directory.
//
// One running SHA-256 hasher walks the migration files in order. Every file
// feeds its name and (unless its first line says "atlas:sum ignore") its raw
// bytes; after each non-ignored file the digest of the state reached so far is
// recorded as that file's hash. The first line holds a hash over all entries.
// See docs/formats/atlas-sum.md for the exact layout.
//
// Integrity failures are codes, not log lines:
//   kChecksumMismatch  "checksum mismatch"            (recomputed hashes differ)
//   kChecksumMismatch  "checksum file format invalid" (an entry line lacks "h1:")
//   kNotFound          "checksum file not found"      (files but no atlas.sum)
// The messages are Atlas's, as the CLI prints them verbatim.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "migrate/file.h"

namespace strata::migrate {

class Dir;

inline constexpr std::string_view kHashFileName = "atlas.sum";
inline constexpr std::string_view kErrChecksumMismatch = "checksum mismatch";
inline constexpr std::string_view kErrChecksumFormat = "checksum file format invalid";
inline constexpr std::string_view kErrChecksumNotFound = "checksum file not found";

struct HashEntry {
  std::string name;  // migration file name
  std::string hash;  // standard base64 of a SHA-256 digest, without "h1:"
  bool operator==(const HashEntry&) const = default;
};

class HashFile {
 public:
  HashFile() = default;
  explicit HashFile(std::vector<HashEntry> entries) : entries_(std::move(entries)) {}

  const std::vector<HashEntry>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }

  // The directory hash (base64, without "h1:"): SHA-256 over every entry's
  // name followed by its hash text, in order.
  std::string Sum() const;

  // The file's bytes: "h1:<Sum>\n" then "<name> h1:<hash>\n" per entry.
  std::string MarshalText() const;

  // Parses atlas.sum bytes. Lines end at '\n' (a '\r' before it is dropped).
  // Line 1 minus "h1:" is the stored directory hash; every other line splits
  // at its first "h1:" into a trimmed name and the hash text. Errors: a line
  // without "h1:" (kErrChecksumFormat), a stored directory hash that does
  // not match the entries (kErrChecksumMismatch).
  static Result<HashFile> UnmarshalText(std::string_view text);

  // The hash recorded for `name`; kNotFound "checksum not found" otherwise.
  Result<std::string> SumByName(std::string_view name) const;

  bool operator==(const HashFile&) const = default;

 private:
  std::vector<HashEntry> entries_;
};

// Computes the hash file of `files`, taken in the order given.
HashFile NewHashFile(const std::vector<File>& files);

// Writes dir's atlas.sum from `sum`.
Status WriteSumFile(Dir& dir, const HashFile& sum);

// Where and how a directory disagrees with its atlas.sum.
enum class ChecksumReason { kAdded, kEdited, kRemoved };
std::string_view ToString(ChecksumReason reason);  // "added", "edited", "removed"

struct ChecksumError {
  int line = 0;  // 1-based line of atlas.sum; line 1 is the directory hash
  std::string file;
  ChecksumReason reason = ChecksumReason::kEdited;
  int64_t pos = 0;  // byte offset of that line in atlas.sum
  bool operator==(const ChecksumError&) const = default;

  // "L3: 2_second.sql was added"
  std::string Pointer() const;
};

// Locates the first disagreement between a stored and a recomputed hash file:
// walking the stored entries, the first one that differs from the recomputed
// entry at the same index was removed (its name is gone), edited (the same
// name sits at that index) or pushed down by an added file (the recomputed
// name at that index). When every stored entry matches, the next recomputed
// file was added. nullopt when the two agree.
std::optional<ChecksumError> FindChecksumError(const HashFile& stored, const HashFile& computed);

// Checks `dir` against its atlas.sum. A directory with neither files nor
// atlas.sum is valid. On a mismatch that can be pinned to one entry, *error
// (when given) receives it.
Status Validate(const Dir& dir, std::optional<ChecksumError>* error = nullptr);

// The text Atlas prints before failing on a checksum error:
//   You have a checksum error in your migration directory.
//   [blank line, "\tL<n>: <file> was <reason>", blank line]
//   Please check your migration files and run 'atlas migrate hash' to re-hash the contents
//   (blank line)
std::string ChecksumErrorReport(const std::optional<ChecksumError>& error);

}  // namespace strata::migrate
