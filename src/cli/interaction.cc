#include "cli/interaction.h"

#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>

#include <unistd.h>

#include "base/strings.h"

namespace strata::cli {
namespace {

std::atomic<bool> g_interrupted{false};

void OnSignal(int) {
  if (g_interrupted.exchange(true)) _exit(1);
  static const char kMsg[] = "\ninterrupt received, wait for exit or ^C to terminate\n";
  ssize_t n = write(STDERR_FILENO, kMsg, sizeof(kMsg) - 1);
  (void)n;
}

}  // namespace

void InstallSignalHandlers() {
  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGHUP, &sa, nullptr);
}

const std::atomic<bool>& Interrupted() { return g_interrupted; }

Result<bool> ConfirmApply() {
  bool tty = isatty(STDIN_FILENO);
  while (true) {
    std::cout << (tty ? "Are you sure? [Apply/Abort]: " : "Are you sure?\n") << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) {
      if (g_interrupted) return Status(Code::kAborted, "interrupted");
      return Status(Code::kAborted,
                    "no answer to the confirmation prompt (stdin closed); use --auto-approve or --dry-run");
    }
    std::string a = ToLower(Trim(line));
    if (a == "apply" || a == "a" || a == "yes" || a == "y") return true;
    if (a == "abort" || a == "n" || a == "no" || a.empty()) return false;
    if (!tty) return false;
  }
}

}  // namespace strata::cli
