// Go's time.Duration text: the --lock-timeout values users write ("10s",
// "1m30s", "500ms") and the durations Atlas prints ("1.234567ms").
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "base/status.h"

namespace strata::cli {

// time.ParseDuration: a sequence of decimal numbers with units ns, us, µs,
// ms, s, m, h; "0" alone is allowed.
Result<std::chrono::nanoseconds> ParseGoDuration(const std::string& s);
// time.Duration.String: "0s", "850ns", "1.5µs", "12.345ms", "2m3.5s".
std::string FormatGoDuration(std::chrono::nanoseconds d);
// time.Time's MarshalJSON text in UTC: RFC 3339 with nanoseconds, trailing
// zeros cut ("2026-11-25T20:12:57.9055206Z"); 0 is Go's zero time.
std::string FormatGoTimeJSON(int64_t unix_ns);

}  // namespace strata::cli
