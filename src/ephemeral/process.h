// Starting helper processes (initdb, cp, psql, the watchdog) without a shell
// in between, optionally as another user and in a new session.
#pragma once

#include <string>
#include <vector>

#include <sys/types.h>

#include "base/status.h"

namespace strata::ephemeral {

// The unprivileged account servers run as when Strata runs as root.
struct RunAs {
  bool set = false;
  uid_t uid = 0;
  gid_t gid = 0;
  std::string name;
};

// Looks up a system user (e.g. "postgres") for running a server as root.
Result<RunAs> LookupUser(const std::string& name);

struct ProcessSpec {
  std::vector<std::string> argv;  // argv[0] is an absolute path
  std::string cwd = "/";
  RunAs as;
  bool new_session = false;  // setsid(): no terminal signals, own process group
  int stdin_fd = -1;         // -1: /dev/null
  std::string output;        // file for stdout and stderr (appended), "" = /dev/null
};

// Forks and execs; exec failures are reported here (not as exit code 127).
Result<pid_t> StartProcess(const ProcessSpec& spec);

// Runs to completion feeding `input` on stdin; returns the exit code
// (128+N when killed by signal N).
Result<int> RunProcess(const ProcessSpec& spec, const std::string& input = "");

// The last `max` bytes of a text file, for error messages.
std::string FileTail(const std::string& path, size_t max = 2000);

// True when pid exists and is not a zombie.
bool ProcessAlive(pid_t pid);

}  // namespace strata::ephemeral
