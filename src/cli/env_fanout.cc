#include "cli/env_fanout.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace strata::cli {
namespace {

struct Child {
  pid_t pid = -1;
  int out_fd = -1, err_fd = -1;
  std::string out, err;
  int status = 0;
  bool done = false;
};

Status Spawn(const std::vector<std::string>& argv, Child& c) {
  int out[2], err[2];
  if (pipe2(out, O_CLOEXEC) != 0) return IOError(std::string("pipe: ") + std::strerror(errno));
  if (pipe2(err, O_CLOEXEC) != 0) {
    close(out[0]);
    close(out[1]);
    return IOError(std::string("pipe: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&fa, err[1], STDERR_FILENO);
  // No stdin: a child must never wait for a confirmation prompt.
  posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  int rc = posix_spawn(&c.pid, "/proc/self/exe", &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  close(err[1]);
  if (rc != 0) {
    close(out[0]);
    close(err[0]);
    return IOError(std::string("starting ") + argv[0] + ": " + std::strerror(rc));
  }
  c.out_fd = out[0];
  c.err_fd = err[0];
  return Status::Ok();
}

// Reads what is available on fd into buf; closes fd at EOF.
void Drain(int& fd, std::string& buf) {
  char tmp[8192];
  ssize_t n = read(fd, tmp, sizeof tmp);
  if (n > 0) {
    buf.append(tmp, static_cast<size_t>(n));
  } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
    close(fd);
    fd = -1;
  }
}

}  // namespace

size_t EnvParallelism() {
  const char* v = std::getenv("STRATA_ENV_PARALLELISM");
  if (v == nullptr || *v == '\0') return 4;
  long n = std::strtol(v, nullptr, 10);
  return n < 1 ? 1 : static_cast<size_t>(n);
}

Status RunEnvFanout(const FanoutOptions& o) {
  std::vector<Child> children(o.envs);
  size_t next = 0, printed = 0, running = 0;
  bool failed = false;
  Status spawn_error;
  auto start_more = [&] {
    while (!failed && next < o.envs && running < std::max<size_t>(1, o.parallelism)) {
      std::vector<std::string> argv = o.argv;
      argv.push_back("--env-index");
      argv.push_back(std::to_string(next));
      if (Status st = Spawn(argv, children[next]); !st.ok()) {
        spawn_error = st;
        failed = true;
        return;
      }
      ++next;
      ++running;
    }
  };
  start_more();
  while (running > 0) {
    std::vector<pollfd> fds;
    std::vector<std::pair<size_t, bool>> owners;  // child, is-stdout
    for (size_t i = 0; i < next; ++i) {
      Child& c = children[i];
      if (c.out_fd >= 0) {
        fds.push_back({c.out_fd, POLLIN, 0});
        owners.emplace_back(i, true);
      }
      if (c.err_fd >= 0) {
        fds.push_back({c.err_fd, POLLIN, 0});
        owners.emplace_back(i, false);
      }
    }
    if (!fds.empty() && poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR)
      return IOError(std::string("poll: ") + std::strerror(errno));
    for (size_t k = 0; k < fds.size(); ++k) {
      if (fds[k].revents == 0) continue;
      Child& c = children[owners[k].first];
      if (owners[k].second) Drain(c.out_fd, c.out);
      else Drain(c.err_fd, c.err);
    }
    for (size_t i = 0; i < next; ++i) {
      Child& c = children[i];
      if (c.done || c.out_fd >= 0 || c.err_fd >= 0) continue;
      while (waitpid(c.pid, &c.status, 0) < 0 && errno == EINTR) {
      }
      c.done = true;
      --running;
      if (!WIFEXITED(c.status) || WEXITSTATUS(c.status) != 0) failed = true;
    }
    // Print finished children in env order.
    while (printed < next && children[printed].done) {
      if (printed > 0 && o.separate_with_newline) std::cout << "\n";
      std::cout << children[printed].out << std::flush;
      std::cerr << children[printed].err << std::flush;
      ++printed;
    }
    start_more();
  }
  if (!spawn_error.ok()) return spawn_error;
  if (failed) {
    // The children printed their own "Error: ..." lines.
    return Status(Code::kAborted, "");
  }
  return Status::Ok();
}

}  // namespace strata::cli
