#include "ephemeral/stale.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <signal.h>
#include <unistd.h>

#include "ephemeral/process.h"

namespace strata::ephemeral {
namespace fs = std::filesystem;
namespace {

int ReadPidFile(const fs::path& p) {
  std::ifstream in(p);
  int pid = 0;
  in >> pid;
  return pid;
}

}  // namespace

bool ProcessMentions(int pid, const std::string& needle) {
  if (!ProcessAlive(pid)) return false;
  std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string cmd = ss.str();
  for (char& c : cmd)
    if (c == '\0') c = ' ';
  return cmd.find(needle) != std::string::npos;
}

int SweepStale(const std::string& root) {
  int removed = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(root, ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind(kDirPrefix, 0) != 0 || !e.is_directory(ec)) continue;
    std::string dir = e.path().string();
    int watchdog = ReadPidFile(e.path() / "watchdog.pid");
    if (watchdog <= 0 || ProcessMentions(watchdog, dir)) continue;
    int server = ReadPidFile(e.path() / "server.pid");
    if (server > 0 && ProcessMentions(server, dir + "/data")) {
      // SIGQUIT: both servers stop at once, and PostgreSQL removes its /dev/shm segments (SIGKILL would leak them).
      kill(server, SIGQUIT);
      for (int i = 0; i < 200 && ProcessAlive(server); i++) usleep(10000);
      if (ProcessAlive(server)) kill(server, SIGKILL);
    }
    fs::remove_all(e.path(), ec);
    if (!ec) removed++;
  }
  return removed;
}

}  // namespace strata::ephemeral
