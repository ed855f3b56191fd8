// Atlas-style SQLite URLs to connection options.
//
//   sqlite://file.db            relative path "file.db"
//   sqlite:///abs/file.db       absolute path "/abs/file.db"
//   sqlite://dev?mode=memory    private in-memory database named "dev"
//   sqlite3://...               the same (the driver's old name)
//
// Query parameters follow mattn/go-sqlite3, the driver Atlas links:
// SQLite's own URI parameters (mode, cache, vfs, immutable, nolock, psow)
// are passed through in a "file:" URI; the underscore parameters become
// PRAGMAs run after opening (_fk, _journal_mode, _synchronous, ...) or
// connection settings (_busy_timeout, _txlock). Go-only parameters (_loc,
// _mutex, _auth*) and unknown ones are ignored, as go-sqlite3 does.
#pragma once

#include "base/status.h"
#include "base/url.h"
#include "db/sqlite/conn.h"

namespace strata::db::sqlite {

Result<OpenOptions> OptionsFromUrl(const Url& url);

}  // namespace strata::db::sqlite
