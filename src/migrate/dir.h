// A migration directory: a flat set of named files. Migration files are the
// entries whose names end in ".sql", at the top level only, ordered by a plain
// byte-wise comparison of their names. Every other entry (atlas.sum included)
// is reachable by name but is not a migration file.
//
// Two implementations: LocalDir (a folder on disk) and MemDir (in memory, for
// tests and for directories computed on the fly).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "migrate/file.h"
#include "migrate/sum.h"

namespace strata::migrate {

class Dir {
 public:
  virtual ~Dir() = default;

  // The migration files, sorted byte-wise by name, with their contents.
  virtual Result<std::vector<File>> Files() const = 0;

  // Any file by name; kNotFound when it does not exist.
  virtual Result<std::string> ReadFile(std::string_view name) const = 0;

  // Creates or replaces a file.
  virtual Status WriteFile(std::string_view name, std::string_view data) = 0;

  // The hash file computed from Files(). Overridable by directory kinds
  // whose files are not plain Atlas files.
  virtual Result<HashFile> Checksum() const;
};

// A folder on the local file system.
class LocalDir final : public Dir {
 public:
  // Fails when `path` does not exist or is not a directory.
  static Result<std::unique_ptr<LocalDir>> Open(std::string path);

  const std::string& path() const { return path_; }

  Result<std::vector<File>> Files() const override;
  Result<std::string> ReadFile(std::string_view name) const override;
  // Writes through a temporary file renamed into place, so a reader never
  // sees half a file. New files get mode 0644 (less the umask).
  Status WriteFile(std::string_view name, std::string_view data) override;

 private:
  explicit LocalDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

// A directory held in memory.
class MemDir final : public Dir {
 public:
  MemDir() = default;

  Result<std::vector<File>> Files() const override;
  Result<std::string> ReadFile(std::string_view name) const override;
  Status WriteFile(std::string_view name, std::string_view data) override;

  // Deletes a file; kNotFound when it does not exist.
  Status RemoveFile(std::string_view name);

  // All names, migration files or not, sorted.
  std::vector<std::string> Names() const;

 private:
  std::map<std::string, std::string, std::less<>> files_;
};

// --- Checkpoints ---------------------------------------------------------
// A checkpoint is a migration file whose header carries "atlas:checkpoint".

// Writes `content` as a checkpoint file: "-- atlas:checkpoint[ <tag>]\n" is
// prepended, plus a blank line when the content had no header block.
Status WriteCheckpoint(Dir& dir, std::string_view name, std::string_view tag, std::string_view content);

// The checkpoint files of the directory, in order.
Result<std::vector<File>> CheckpointFiles(const Dir& dir);

// The files from the named checkpoint on (inclusive); kNotFound "no
// checkpoint found" when no checkpoint file has that name.
Result<std::vector<File>> FilesFromCheckpoint(const Dir& dir, std::string_view name);

// The files a clean database executes: from the last checkpoint on, or all
// files when there is no checkpoint.
Result<std::vector<File>> FilesFromLastCheckpoint(const Dir& dir);

// `files` without the checkpoint files (what a database that already has
// revisions executes).
std::vector<File> SkipCheckpointFiles(const std::vector<File>& files);

}  // namespace strata::migrate
