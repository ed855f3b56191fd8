#include "migrate/dir.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstring>

#include "base/strings.h"
#include "migrate/directive.h"

namespace strata::migrate {
namespace {

constexpr std::string_view kSqlSuffix = ".sql";

// strerror text in Go's style ("no such file or directory").
std::string ErrnoText(int err) {
  std::string s = std::strerror(err);
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

Status ErrnoStatus(int err, const std::string& context) {
  const Code code = (err == ENOENT) ? Code::kNotFound : Code::kIO;
  return Status(code, context + ": " + ErrnoText(err));
}

// A migration file name: top level, ends in ".sql".
bool IsMigrationName(std::string_view name) {
  return EndsWith(name, kSqlSuffix) && name.find('/') == std::string_view::npos;
}

// Names are relative paths that stay inside the directory.
Status CheckName(std::string_view name) {
  bool ok = !name.empty() && name.front() != '/' && name.find('\0') == std::string_view::npos;
  for (const std::string& part : Split(name, "/")) {
    if (part == ".." || part == "." || part.empty()) ok = false;
  }
  if (!ok) return InvalidArgument("migrate: invalid file name " + GoQuote(name));
  return Status::Ok();
}

Result<std::string> ReadWholeFile(const std::string& path, std::string_view name) {
  const std::string context = "migrate: read file " + GoQuote(name);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus(errno, context);
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return ErrnoStatus(err, context);
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return ErrnoStatus(EISDIR, context);
  }
  std::string data;
  if (st.st_size > 0) data.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return ErrnoStatus(err, context);
    }
    if (n == 0) break;
    data.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return data;
}

Status WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status(Code::kIO, ErrnoText(errno));
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

}  // namespace

Result<HashFile> Dir::Checksum() const {
  ASSIGN_OR_RETURN(std::vector<File> files, Files());
  return NewHashFile(files);
}

// --- LocalDir ------------------------------------------------------------

Result<std::unique_ptr<LocalDir>> LocalDir::Open(std::string path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return ErrnoStatus(errno, "migrate: open dir " + GoQuote(path));
  if (!S_ISDIR(st.st_mode)) return InvalidArgument("migrate: " + GoQuote(path) + " is not a dir");
  return std::unique_ptr<LocalDir>(new LocalDir(std::move(path)));
}

Result<std::vector<File>> LocalDir::Files() const {
  DIR* d = ::opendir(path_.c_str());
  if (d == nullptr) return ErrnoStatus(errno, "migrate: list dir " + GoQuote(path_));
  std::vector<std::string> names;
  errno = 0;
  while (struct dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (IsMigrationName(name)) names.emplace_back(name);
  }
  const int err = errno;
  ::closedir(d);
  if (err != 0) return ErrnoStatus(err, "migrate: list dir " + GoQuote(path_));
  std::sort(names.begin(), names.end());  // byte-wise: char_traits compares as unsigned
  std::vector<File> files;
  files.reserve(names.size());
  for (std::string& name : names) {
    ASSIGN_OR_RETURN(std::string bytes, ReadWholeFile(path_ + "/" + name, name));
    files.emplace_back(std::move(name), std::move(bytes));
  }
  return files;
}

Result<std::string> LocalDir::ReadFile(std::string_view name) const {
  RETURN_IF_ERROR(CheckName(name));
  return ReadWholeFile(path_ + "/" + std::string(name), name);
}

Status LocalDir::WriteFile(std::string_view name, std::string_view data) {
  RETURN_IF_ERROR(CheckName(name));
  static std::atomic<uint64_t> counter{0};
  const std::string context = "migrate: write file " + GoQuote(name);
  const std::string target = path_ + "/" + std::string(name);
  const size_t slash = target.rfind('/');
  const std::string temp = target.substr(0, slash + 1) + "." + target.substr(slash + 1) + ".tmp-" +
                           std::to_string(::getpid()) + "-" + std::to_string(counter++);
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus(errno, context);
  // Keep the permissions of a file being replaced.
  struct stat st;
  if (::stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode)) ::fchmod(fd, st.st_mode & 07777);
  Status written = WriteAll(fd, data);
  if (::close(fd) != 0 && written.ok()) written = Status(Code::kIO, ErrnoText(errno));
  if (written.ok() && ::rename(temp.c_str(), target.c_str()) != 0) {
    written = Status(Code::kIO, ErrnoText(errno));
  }
  if (!written.ok()) {
    ::unlink(temp.c_str());
    return written.Wrap(context);
  }
  return Status::Ok();
}

// --- MemDir ---------------------------------------------------------------

Result<std::vector<File>> MemDir::Files() const {
  std::vector<File> files;
  for (const auto& [name, bytes] : files_) {  // std::map keeps byte-wise order
    if (IsMigrationName(name)) files.emplace_back(name, bytes);
  }
  return files;
}

Result<std::string> MemDir::ReadFile(std::string_view name) const {
  auto it = files_.find(name);
  if (it == files_.end()) return NotFound("migrate: read file " + GoQuote(name) + ": file does not exist");
  return it->second;
}

Status MemDir::WriteFile(std::string_view name, std::string_view data) {
  RETURN_IF_ERROR(CheckName(name));
  files_.insert_or_assign(std::string(name), std::string(data));
  return Status::Ok();
}

Status MemDir::RemoveFile(std::string_view name) {
  auto it = files_.find(name);
  if (it == files_.end()) return NotFound("migrate: remove file " + GoQuote(name) + ": file does not exist");
  files_.erase(it);
  return Status::Ok();
}

std::vector<std::string> MemDir::Names() const {
  std::vector<std::string> names;
  names.reserve(files_.size());
  for (const auto& entry : files_) names.push_back(entry.first);
  return names;
}

// --- Checkpoints -------------------------------------------------------------

Status WriteCheckpoint(Dir& dir, std::string_view name, std::string_view tag, std::string_view content) {
  File f{std::string(name), std::string(content)};
  std::vector<std::string> args;
  if (!tag.empty()) args.emplace_back(tag);
  f.AddDirective(kDirectiveCheckpoint, args);
  return dir.WriteFile(name, f.bytes());
}

Result<std::vector<File>> CheckpointFiles(const Dir& dir) {
  ASSIGN_OR_RETURN(std::vector<File> files, dir.Files());
  std::vector<File> out;
  for (File& f : files) {
    if (f.IsCheckpoint()) out.push_back(std::move(f));
  }
  return out;
}

Result<std::vector<File>> FilesFromCheckpoint(const Dir& dir, std::string_view name) {
  ASSIGN_OR_RETURN(std::vector<File> files, dir.Files());
  for (size_t i = files.size(); i-- > 0;) {
    if (files[i].name() == name && files[i].IsCheckpoint()) {
      return std::vector<File>(std::make_move_iterator(files.begin() + static_cast<ptrdiff_t>(i)),
                               std::make_move_iterator(files.end()));
    }
  }
  return NotFound("no checkpoint found");
}

Result<std::vector<File>> FilesFromLastCheckpoint(const Dir& dir) {
  ASSIGN_OR_RETURN(std::vector<File> files, dir.Files());
  for (size_t i = files.size(); i-- > 0;) {
    if (files[i].IsCheckpoint()) {
      return std::vector<File>(std::make_move_iterator(files.begin() + static_cast<ptrdiff_t>(i)),
                               std::make_move_iterator(files.end()));
    }
  }
  return files;
}

std::vector<File> SkipCheckpointFiles(const std::vector<File>& files) {
  std::vector<File> out;
  for (const File& f : files) {
    if (!f.IsCheckpoint()) out.push_back(f);
  }
  return out;
}

}  // namespace strata::migrate
