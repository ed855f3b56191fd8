// Small helpers shared by the engines.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "ephemeral/engine.h"

namespace strata::ephemeral {

std::string RandomHex(size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  size_t got = 0;
  int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  while (fd >= 0 && got < bytes) {
    ssize_t n = read(fd, buf.data() + got, bytes - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  if (fd >= 0) close(fd);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : buf) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

Status WriteOwnedFile(const std::string& path, const std::string& text, const RunAs& as) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return IOError("ephemeral: write " + path);
  size_t off = 0;
  while (off < text.size()) {
    ssize_t n = write(fd, text.data() + off, text.size() - off);
    if (n <= 0) {
      close(fd);
      return IOError("ephemeral: write " + path);
    }
    off += static_cast<size_t>(n);
  }
  bool owned = !as.set || fchown(fd, as.uid, as.gid) == 0;
  close(fd);
  if (!owned) return IOError("ephemeral: chown " + path);
  return Status::Ok();
}

std::string RedactSecret(std::string s, const std::string& secret) {
  if (secret.empty()) return s;
  for (size_t p; (p = s.find(secret)) != std::string::npos;) s.replace(p, secret.size(), "xxxxx");
  return s;
}

std::string QuoteIdent(const std::string& name, char q) {
  std::string out(1, q);
  for (char c : name) {
    if (c == q) out += q;
    out += c;
  }
  out += q;
  return out;
}

}  // namespace strata::ephemeral
