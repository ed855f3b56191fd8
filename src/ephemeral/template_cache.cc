#include "ephemeral/template_cache.h"

#include <cstdlib>
#include <filesystem>

#include <sys/stat.h>
#include <unistd.h>

#include "base/sha256.h"
#include "ephemeral/process.h"

namespace strata::ephemeral {
namespace fs = std::filesystem;
namespace {

Result<int> Copy(const std::string& from, const std::string& to) {
  ProcessSpec s;
  // -a keeps the owner (the server's user) and the 0700 mode the servers insist on.
  s.argv = {"/bin/cp", "-a", "--reflink=auto", from, to};
  return RunProcess(s);
}

}  // namespace

std::string CacheRoot() {
  const char* env = std::getenv("STRATA_EPHEMERAL_CACHE");
  if (env && *env) {
    std::string v = env;
    if (v == "off" || v == "0" || v == "false") return "";
    return v;
  }
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/strata/ephemeral";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/strata/ephemeral";
  return "";
}

std::string TemplateKey(const std::string& engine, const Binaries& b) {
  Sha256 h;
  h.Update("template-v2\n");  // bump when a template's contents change
  for (const auto& p : {b.server, b.init}) {
    std::error_code ec;
    std::string real = fs::canonical(p, ec).string();
    struct stat st {};
    stat(real.c_str(), &st);
    h.Update(real + "\n" + std::to_string(st.st_size) + "\n" + std::to_string(st.st_mtim.tv_sec) + "." +
             std::to_string(st.st_mtim.tv_nsec) + "\n");
  }
  std::string key = engine;
  if (!b.major.empty()) key += "-" + b.major;
  return key + "-" + HexDigest(h.Digest()).substr(0, 16);
}

Result<bool> CopyTemplate(const std::string& root, const std::string& key, const std::string& dest) {
  std::string src = root + "/" + key + "/data";
  std::error_code ec;
  if (root.empty() || !fs::is_directory(src, ec)) return false;
  ASSIGN_OR_RETURN(int rc, Copy(src, dest));
  if (rc != 0) {
    fs::remove_all(dest, ec);
    return false;  // a broken cache entry is not fatal: initialise afresh
  }
  return true;
}

Status StoreTemplate(const std::string& root, const std::string& key, const std::string& data) {
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec) return IOError("ephemeral: create cache dir " + root + ": " + ec.message());
  std::string tmpl = root + "/.tmp-" + key + "-XXXXXX";
  if (!mkdtemp(tmpl.data())) return IOError("ephemeral: create temp dir in " + root);
  ASSIGN_OR_RETURN(int rc, Copy(data, tmpl + "/data"));
  if (rc != 0) {
    fs::remove_all(tmpl, ec);
    return IOError("ephemeral: copy the data directory into the cache " + root);
  }
  if (rename(tmpl.c_str(), (root + "/" + key).c_str()) != 0) fs::remove_all(tmpl, ec);
  return Status::Ok();
}

}  // namespace strata::ephemeral
