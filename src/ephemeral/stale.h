// Second line of defence after the watchdog: if a watchdog itself was killed
// (kill -9 of its process), its server and temp dir would stay. Every start
// sweeps such leftovers from the temp root.
#pragma once

#include <string>

namespace strata::ephemeral {

// Name prefix of the per-server temp dirs.
inline constexpr const char* kDirPrefix = "strata-ephemeral-";

// For each <root>/strata-ephemeral-* whose watchdog.pid names a process that is
// gone (or no longer this dir's watchdog): kills its server, removes the dir.
// Dirs without watchdog.pid are starting up and left alone. Returns how many were removed.
int SweepStale(const std::string& root);

// True when pid is alive and its command line mentions `needle` (guards against PID reuse).
bool ProcessMentions(int pid, const std::string& needle);

}  // namespace strata::ephemeral
