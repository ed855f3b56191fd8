#include "ephemeral/process.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

namespace strata::ephemeral {

Result<RunAs> LookupUser(const std::string& name) {
  struct passwd pw {};
  struct passwd* out = nullptr;
  std::vector<char> buf(16384);
  if (getpwnam_r(name.c_str(), &pw, buf.data(), buf.size(), &out) != 0 || out == nullptr)
    return NotFound("system user " + name + " does not exist");
  RunAs r;
  r.set = true;
  r.uid = pw.pw_uid;
  r.gid = pw.pw_gid;
  r.name = name;
  return r;
}

namespace {

// Only async-signal-safe calls between fork and exec: the CLI may have threads.
[[noreturn]] void Child(const ProcessSpec& s, char* const* argv, int err_fd) {
  auto fail = [&](int step) {
    int e[2] = {step, errno};
    ssize_t n = write(err_fd, e, sizeof e);
    (void)n;
    _exit(127);
  };
  if (s.new_session && setsid() < 0) fail(1);
  if (s.as.set) {
    if (setgroups(0, nullptr) != 0 || setgid(s.as.gid) != 0 || setuid(s.as.uid) != 0) fail(2);
  }
  if (chdir(s.cwd.c_str()) != 0) fail(3);
  int in = s.stdin_fd >= 0 ? s.stdin_fd : open("/dev/null", O_RDONLY);
  int out = s.output.empty() ? open("/dev/null", O_WRONLY)
                             : open(s.output.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (in < 0 || out < 0) fail(4);
  if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0) fail(5);
  // Nothing else leaks into the servers: no DB sockets, no watchdog pipe ends.
  for (int fd = 3; fd < 1024; fd++)
    if (fd != err_fd) close(fd);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  signal(SIGHUP, SIG_DFL);
  signal(SIGPIPE, SIG_DFL);
  execv(argv[0], argv);
  fail(6);
  _exit(127);
}

const char* StepName(int step) {
  switch (step) {
    case 1: return "setsid";
    case 2: return "switch user";
    case 3: return "chdir";
    case 4: return "open stdio";
    case 5: return "dup2";
    default: return "exec";
  }
}

}  // namespace

Result<pid_t> StartProcess(const ProcessSpec& spec) {
  if (spec.argv.empty()) return Internal("ephemeral: empty command");
  std::vector<char*> argv;
  for (const auto& a : spec.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  int errp[2];
  if (pipe2(errp, O_CLOEXEC) != 0) return IOError(std::string("ephemeral: pipe: ") + strerror(errno));
  pid_t pid = fork();
  if (pid < 0) {
    close(errp[0]);
    close(errp[1]);
    return IOError(std::string("ephemeral: fork: ") + strerror(errno));
  }
  if (pid == 0) Child(spec, argv.data(), errp[1]);
  close(errp[1]);
  int e[2];
  ssize_t n;
  do n = read(errp[0], e, sizeof e); while (n < 0 && errno == EINTR);
  close(errp[0]);
  if (n == sizeof e) {
    waitpid(pid, nullptr, 0);
    return IOError("ephemeral: " + std::string(StepName(e[0])) + " for " + spec.argv[0] + ": " + strerror(e[1]));
  }
  return pid;
}

Result<int> RunProcess(const ProcessSpec& spec, const std::string& input) {
  ProcessSpec s = spec;
  int p[2] = {-1, -1};
  if (!input.empty()) {
    if (pipe2(p, O_CLOEXEC) != 0) return IOError(std::string("ephemeral: pipe: ") + strerror(errno));
    s.stdin_fd = p[0];
  }
  auto pid = StartProcess(s);
  if (p[0] >= 0) close(p[0]);
  if (!pid.ok()) {
    if (p[1] >= 0) close(p[1]);
    return pid.status();
  }
  if (p[1] >= 0) {
    // Small inputs (setup SQL) fit the pipe buffer; a child that exits early gives EPIPE, not SIGPIPE.
    struct sigaction ign {}, old {};
    ign.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ign, &old);
    size_t off = 0;
    while (off < input.size()) {
      ssize_t w = write(p[1], input.data() + off, input.size() - off);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) break;
      off += static_cast<size_t>(w);
    }
    close(p[1]);
    sigaction(SIGPIPE, &old, nullptr);
  }
  int st = 0;
  while (waitpid(*pid, &st, 0) < 0) {
    if (errno != EINTR) return IOError(std::string("ephemeral: waitpid: ") + strerror(errno));
  }
  if (WIFEXITED(st)) return WEXITSTATUS(st);
  if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
  return 255;
}

std::string FileTail(const std::string& path, size_t max) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  if (s.size() > max) s = s.substr(s.size() - max);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

bool ProcessAlive(pid_t pid) {
  if (pid <= 0) return false;
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  if (!in) return false;
  std::string line;
  std::getline(in, line);
  size_t r = line.rfind(')');
  return r != std::string::npos && r + 2 < line.size() && line[r + 2] != 'Z';
}

}  // namespace strata::ephemeral
