// Writing a plan as migration files, in each format's layout (what
// `migrate diff` and `migrate import` produce):
//   atlas           "<version|now>[_<name>].sql": the directives header
//                   ("-- atlas:delimiter <d>" and a blank line) when the plan
//                   has a custom delimiter, then per change "-- <Comment>"
//                   (first letter upper-cased) and "<stmt><delim or ;>".
//   golang-migrate  "<now>[_<name>].up.sql" with "-- <comment>" + "stmt;"
//                   (comments as planned), and "<now>[_<name>].down.sql"
//                   with the reverses, last change first, each under
//                   "-- reverse: <comment>".
//   goose           "<now>[_<name>].sql": "-- +goose Up", the changes, a
//                   blank line, "-- +goose Down", the reverses.
//   dbmate          the same with "-- migrate:up" / "-- migrate:down".
//   flyway          "V<now>[__<name>].sql" and the reverses in
//                   "U<now>[__<name>].sql".
//   liquibase       "<now>[_<name>].sql": "--liquibase formatted sql", then
//                   per change "--changeset atlas:<now>-<n>" (n from 1),
//                   "--comment: <comment>", "stmt;" and one
//                   "--rollback: <reverse>;" line per reverse statement,
//                   changesets separated by a blank line.
// Changes without reverse statements are left out of down files.
#pragma once

#include <string>
#include <vector>

#include "migrate/file.h"
#include "migrate/formats/format.h"
#include "plan/plan.h"

namespace strata::migrate::formats {

struct FormatInput {
  std::string now;      // UTC "YYYYMMDDhhmmss"
  std::string version;  // atlas only: the version to use instead of `now`
  std::string name;     // the optional name part of the file name
};

// The files that hold `p` in format `f`, up file first.
std::vector<File> FormatPlan(Format f, const plan::Plan& p, const FormatInput& in);

// The current UTC time as "YYYYMMDDhhmmss" (Atlas's version layout).
std::string NowVersion();

}  // namespace strata::migrate::formats
