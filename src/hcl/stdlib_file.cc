// Project functions: file(path), fileset(pattern), glob(pattern) and
// getenv(name). Relative paths resolve against EvalOptions.base_dir.
// Patterns support *, ?, [...], {a,b} and ** (any number of directories).
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "hcl/functions.h"

namespace strata::hcl {
namespace {

namespace fs = std::filesystem;

// Expands the first {a,b,...} group, recursively.
std::vector<std::string> ExpandBraces(const std::string& p) {
  size_t open = std::string::npos;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
      continue;
    }
    if (p[i] == '{') {
      open = i;
      break;
    }
  }
  if (open == std::string::npos) return {p};
  int depth = 0;
  std::vector<std::string> alts;
  size_t start = open + 1;
  for (size_t i = open; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
      continue;
    }
    if (p[i] == '{') {
      ++depth;
    } else if (p[i] == '}') {
      if (--depth == 0) {
        alts.push_back(p.substr(start, i - start));
        std::vector<std::string> out;
        for (const auto& alt : alts)
          for (auto& e : ExpandBraces(p.substr(0, open) + alt + p.substr(i + 1)))
            out.push_back(std::move(e));
        return out;
      }
    } else if (p[i] == ',' && depth == 1) {
      alts.push_back(p.substr(start, i - start));
      start = i + 1;
    }
  }
  return {p};  // unbalanced: literal
}

bool MatchSegment(const char* p, const char* s) {
  while (*p != '\0') {
    switch (*p) {
      case '*':
        for (const char* t = s;; ++t) {
          if (MatchSegment(p + 1, t)) return true;
          if (*t == '\0') return false;
        }
      case '?':
        if (*s == '\0') return false;
        ++p;
        ++s;
        break;
      case '[': {
        if (*s == '\0') return false;
        const char* q = p + 1;
        bool negate = *q == '!' || *q == '^';
        if (negate) ++q;
        bool matched = false;
        bool first = true;
        while (*q != '\0' && (first || *q != ']')) {
          first = false;
          char lo = *q == '\\' && q[1] ? *++q : *q;
          char hi = lo;
          if (q[1] == '-' && q[2] != '\0' && q[2] != ']') {
            hi = q[2] == '\\' && q[3] ? q[3] : q[2];
            q += q[2] == '\\' ? 3 : 2;
          }
          if (*s >= lo && *s <= hi) matched = true;
          ++q;
        }
        if (*q != ']') return false;  // malformed class matches nothing
        if (matched == negate) return false;
        p = q + 1;
        ++s;
        break;
      }
      case '\\':
        if (p[1] != '\0') ++p;
        [[fallthrough]];
      default:
        if (*p != *s) return false;
        ++p;
        ++s;
    }
  }
  return *s == '\0';
}

bool MatchPath(const std::vector<std::string>& pat, size_t pi, const std::vector<std::string>& path,
               size_t si) {
  if (pi == pat.size()) return si == path.size();
  if (pat[pi] == "**") {
    for (size_t k = si; k <= path.size(); ++k)
      if (MatchPath(pat, pi + 1, path, k)) return true;
    return false;
  }
  if (si == path.size()) return false;
  return MatchSegment(pat[pi].c_str(), path[si].c_str()) && MatchPath(pat, pi + 1, path, si + 1);
}

std::vector<std::string> SplitPath(const std::string& p) {
  std::vector<std::string> out;
  std::stringstream ss(p);
  std::string seg;
  while (std::getline(ss, seg, '/'))
    if (!seg.empty() && seg != ".") out.push_back(seg);
  return out;
}

bool HasMeta(const std::string& s) { return s.find_first_of("*?[{\\") != std::string::npos; }

Result<Value> Glob(const std::string& base_dir, const std::string& pattern, bool files_only) {
  std::vector<std::string> found;
  for (const std::string& expanded : ExpandBraces(pattern)) {
    bool absolute = !expanded.empty() && expanded[0] == '/';
    std::vector<std::string> segs = SplitPath(expanded);
    fs::path root = absolute ? fs::path("/") : fs::path(base_dir);
    size_t literal = 0;
    while (literal < segs.size() && !HasMeta(segs[literal])) root /= segs[literal++];
    std::vector<std::string> rest(segs.begin() + static_cast<long>(literal), segs.end());
    std::error_code ec;
    auto consider = [&](const fs::path& p, const std::vector<std::string>& rel) {
      std::error_code e2;
      bool is_dir = fs::is_directory(p, e2);
      if (files_only && is_dir) return;
      if (MatchPath(rest, 0, rel, 0)) found.push_back(p.lexically_normal().generic_string());
    };
    if (rest.empty()) {
      if (fs::exists(root, ec)) consider(root, {});
      continue;
    }
    if (!fs::is_directory(root, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(
             root, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::vector<std::string> rel =
          SplitPath(it->path().lexically_relative(root).generic_string());
      // Without "**" nothing deeper than the pattern can match.
      if (std::find(rest.begin(), rest.end(), "**") == rest.end() && rel.size() >= rest.size())
        it.disable_recursion_pending();
      consider(it->path(), rel);
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  ValueList out;
  for (auto& f : found) out.push_back(Value::String(f));
  return Value::List(std::move(out));
}

fs::path Resolve(const std::string& base_dir, const std::string& path) {
  fs::path p(path);
  if (p.is_absolute()) return p;
  return (fs::path(base_dir) / p).lexically_normal();
}

}  // namespace

void AddFileFunctions(FunctionTable* t, const std::string& base_dir) {
  (*t)["file"] = {
      1, 1, [base_dir](const ValueList& a) -> Result<Value> {
        ASSIGN_OR_RETURN(std::string path, StringArg(a, 0));
        fs::path p = Resolve(base_dir, path);
        std::ifstream in(p, std::ios::binary);
        if (!in) return InvalidArgument("open " + p.generic_string() + ": " + std::strerror(errno));
        std::ostringstream ss;
        ss << in.rdbuf();
        return Value::String(ss.str());
      }};
  (*t)["fileset"] = {1, 1, [base_dir](const ValueList& a) -> Result<Value> {
                       ASSIGN_OR_RETURN(std::string pattern, StringArg(a, 0));
                       return Glob(base_dir, pattern, /*files_only=*/true);
                     }};
  (*t)["glob"] = {1, 1, [base_dir](const ValueList& a) -> Result<Value> {
                    ASSIGN_OR_RETURN(std::string pattern, StringArg(a, 0));
                    return Glob(base_dir, pattern, /*files_only=*/false);
                  }};
  (*t)["getenv"] = {1, 1, [](const ValueList& a) -> Result<Value> {
                      ASSIGN_OR_RETURN(std::string name, StringArg(a, 0));
                      const char* v = std::getenv(name.c_str());
                      return Value::String(v != nullptr ? v : "");
                    }};
}

}  // namespace strata::hcl
