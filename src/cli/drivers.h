// The registry of dialect drivers, built explicitly (no static init).
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "base/url.h"
#include "dialect/driver.h"
#include "spec/dialect_spec.h"

namespace strata::cli {

// True for URL schemes that name a database (not file://, env://, ...).
bool IsDatabaseScheme(const std::string& scheme);
// Opens a database URL. Errors never contain the password.
Result<std::unique_ptr<dialect::Driver>> OpenDatabase(const std::string& raw_url);
// The HCL surface of a driver's dialect ("sqlite", ...).
Result<const spec::DialectSpec*> SpecFor(const std::string& driver_name);

}  // namespace strata::cli
