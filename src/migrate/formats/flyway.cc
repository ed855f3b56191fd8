// Flyway's layout: a recursive walk, baseline/versioned/repeatable files and
// numeric version order.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "base/strings.h"
#include "migrate/formats/layout.h"

namespace strata::migrate::formats {
namespace {

std::string_view BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Go's strconv.Atoi, with 0 for anything that is not a plain integer.
long long AtoiOrZero(const std::string& s) {
  if (s.empty()) return 0;
  size_t i = (s[0] == '+' || s[0] == '-') ? 1 : 0;
  if (i == s.size()) return 0;
  for (size_t j = i; j < s.size(); ++j)
    if (s[j] < '0' || s[j] > '9') return 0;
  errno = 0;
  long long v = std::strtoll(s.c_str(), nullptr, 10);
  return errno == ERANGE ? 0 : v;
}

std::vector<long long> VersionParts(std::string_view v) {
  std::string s(v);
  std::replace(s.begin(), s.end(), '_', '.');
  std::vector<long long> parts;
  for (const std::string& p : Split(s, ".")) parts.push_back(AtoiOrZero(p));
  return parts;
}

// Collects the migration files as the walk finds them.
struct Collected {
  std::string baseline;
  std::vector<std::string> versioned;
  std::vector<std::string> repeatable;

  void Add(const std::string& path) {
    switch (BaseName(path)[0]) {
      case 'B': {
        // Only the highest baseline counts; it replaces the versioned
        // files it includes.
        if (!baseline.empty() && CompareFlywayVersions(FlywayVersion(path), FlywayVersion(baseline)) < 0) return;
        baseline = path;
        std::string bv = FlywayVersion(baseline);
        std::erase_if(versioned,
                      [&](const std::string& v) { return CompareFlywayVersions(FlywayVersion(v), bv) <= 0; });
        return;
      }
      case 'V':
        if (baseline.empty() || CompareFlywayVersions(FlywayVersion(path), FlywayVersion(baseline)) > 0) {
          versioned.push_back(path);
        }
        return;
      case 'R': repeatable.push_back(path); return;
    }
  }
};

Status Walk(const std::string& root, const std::string& rel, Collected& out) {
  const std::string full = rel.empty() ? root : root + "/" + rel;
  DIR* d = ::opendir(full.c_str());
  if (d == nullptr) {
    return Status(errno == ENOENT ? Code::kNotFound : Code::kIO,
                  "migrate: list dir " + GoQuote(full) + ": " + std::strerror(errno));
  }
  std::vector<std::string> names;
  while (struct dirent* e = ::readdir(d)) {
    std::string n = e->d_name;
    if (n != "." && n != "..") names.push_back(std::move(n));
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) {
    const std::string child = rel.empty() ? n : rel + "/" + n;
    struct stat st;
    if (::stat((root + "/" + child).c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      if (n[0] == '.') continue;  // hidden folders are skipped
      RETURN_IF_ERROR(Walk(root, child, out));
      continue;
    }
    const char kind = n[0];
    if (!EndsWith(n, ".sql") || n.size() < 4 || (kind != 'V' && kind != 'B' && kind != 'R')) continue;
    out.Add(child);
  }
  return Status::Ok();
}

}  // namespace

std::string FlywayVersion(std::string_view path) {
  std::string_view base = BaseName(path);
  if (base.empty() || base[0] == 'R') return "";
  if (EndsWith(base, ".sql")) base.remove_suffix(4);
  base = base.substr(0, base.find("__"));
  return std::string(base.substr(1));
}

std::string FlywayDesc(std::string_view path) {
  size_t sep = path.find("__");
  if (sep == std::string_view::npos) return "";
  std::string_view desc = path.substr(sep + 2);
  if (EndsWith(desc, ".sql")) desc.remove_suffix(4);
  return std::string(desc);
}

int CompareFlywayVersions(std::string_view a, std::string_view b) {
  std::vector<long long> x = VersionParts(a), y = VersionParts(b);
  for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
  }
  if (x.size() == y.size()) return 0;
  return x.size() < y.size() ? -1 : 1;
}

Result<std::vector<std::string>> FlywayFileNames(const std::string& root) {
  Collected c;
  RETURN_IF_ERROR(Walk(root, "", c));
  auto by_version = [](const std::string& a, const std::string& b) {
    return CompareFlywayVersions(FlywayVersion(a), FlywayVersion(b)) < 0;
  };
  std::stable_sort(c.versioned.begin(), c.versioned.end(), by_version);
  std::vector<std::string> names;
  if (!c.baseline.empty()) names.push_back(c.baseline);
  names.insert(names.end(), c.versioned.begin(), c.versioned.end());
  names.insert(names.end(), c.repeatable.begin(), c.repeatable.end());
  return names;
}

void SetRepeatableVersions(std::vector<File>& files) {
  auto first = std::find_if(files.begin(), files.end(), [](const File& f) { return f.Version().empty(); });
  if (first == files.end()) return;
  const std::string version = (first == files.begin() ? "0" : std::prev(first)->Version()) + "R";
  for (auto it = first; it != files.end(); ++it) {
    std::string desc = it->Desc();
    File renamed("V" + version + "__" + desc + ".sql", it->bytes());
    renamed.SetVersionDesc(version, desc);
    *it = std::move(renamed);
  }
}

}  // namespace strata::migrate::formats
