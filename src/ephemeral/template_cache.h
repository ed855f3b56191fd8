// Pristine data directories cached per engine and server build, so a start
// copies a directory (cp -a, reflink where the filesystem can) instead of
// running initdb / mariadb-install-db every time.
#pragma once

#include <string>

#include "base/status.h"
#include "ephemeral/binaries.h"

namespace strata::ephemeral {

// $STRATA_EPHEMERAL_CACHE (a directory, or "off" to disable), else
// $XDG_CACHE_HOME/strata/ephemeral, else ~/.cache/strata/ephemeral. "" = disabled.
std::string CacheRoot();

// "<engine>[-<major>]-<hash of the binaries' paths, sizes and mtimes>": an
// upgraded server package gets a new template.
std::string TemplateKey(const std::string& engine, const Binaries& b);

// Copies the cached template to `dest` (which must not exist); false when there is none.
Result<bool> CopyTemplate(const std::string& root, const std::string& key, const std::string& dest);

// Stores `data` as the template (atomically: copy beside, then rename; a
// concurrent writer that won is kept).
Status StoreTemplate(const std::string& root, const std::string& key, const std::string& data);

}  // namespace strata::ephemeral
