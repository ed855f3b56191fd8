#include "db/sqlite/dsn.h"

#include <gtest/gtest.h>

namespace strata::db::sqlite {
namespace {

OpenOptions Options(const std::string& raw) {
  auto url = Url::Parse(raw);
  EXPECT_TRUE(url.ok());
  auto o = OptionsFromUrl(*url);
  EXPECT_TRUE(o.ok()) << o.status().message();
  return o.ok() ? *o : OpenOptions{};
}

TEST(SqliteDsnTest, Forms) {
  struct Case {
    std::string url, filename, display;
  } cases[] = {
      {"sqlite://file.db", "file:file.db", "file.db"},
      {"sqlite:///abs/file.db", "file:/abs/file.db", "/abs/file.db"},
      {"sqlite3://dir/file.db", "file:dir/file.db", "dir/file.db"},
      {"sqlite://dev?mode=memory", "file:dev?mode=memory", "dev"},
      {"sqlite://dev?mode=memory&cache=shared", "file:dev?mode=memory&cache=shared", "dev"},
      {"sqlite://a%20b.db?mode=ro", "file:a%20b.db?mode=ro", "a b.db"},
      {"sqlite://q%3Fx.db", "file:q%3Fx.db", "q?x.db"},
      {"sqlite://file::memory:?cache=shared", "file::memory:?cache=shared", "file::memory:"},
  };
  for (const auto& c : cases) {
    OpenOptions o = Options(c.url);
    EXPECT_TRUE(o.uri) << c.url;
    EXPECT_EQ(o.filename, c.filename) << c.url;
    EXPECT_EQ(o.display_name, c.display) << c.url;
  }
}

TEST(SqliteDsnTest, DriverParameters) {
  OpenOptions o = Options(
      "sqlite://x?mode=memory&_fk=1&_journal_mode=wal&_sync=NORMAL&_busy_timeout=250&_txlock=immediate"
      "&_loc=auto&_unknown=1");
  EXPECT_EQ(o.filename, "file:x?mode=memory");
  EXPECT_EQ(o.init, (std::vector<std::string>{"PRAGMA foreign_keys = on", "PRAGMA journal_mode = WAL",
                                              "PRAGMA synchronous = NORMAL"}));
  EXPECT_EQ(o.busy_timeout_ms, 250);
  EXPECT_EQ(o.tx_lock, TxLock::kImmediate);
  EXPECT_EQ(Options("sqlite://x?_foreign_keys=false").init,
            (std::vector<std::string>{"PRAGMA foreign_keys = off"}));
}

TEST(SqliteDsnTest, Errors) {
  auto bad = [](const std::string& raw) {
    auto o = OptionsFromUrl(*Url::Parse(raw));
    EXPECT_FALSE(o.ok()) << raw;
    return o.ok() ? "" : o.status().message();
  };
  EXPECT_EQ(bad("sqlite://?mode=memory"),
            "sqlite: missing database file in URL \"sqlite://?mode=memory\" (e.g. sqlite://file.db or "
            "sqlite://dev?mode=memory)");
  EXPECT_EQ(bad("sqlite://x?mode=fast"),
            "sqlite: invalid value \"fast\" for URL parameter mode: want one of RO, RW, RWC, MEMORY");
  EXPECT_EQ(bad("sqlite://x?_busy_timeout=soon"),
            "sqlite: invalid value \"soon\" for URL parameter _busy_timeout: want an integer");
  EXPECT_EQ(bad("postgres://x"), "sqlite: unexpected URL scheme \"postgres\"");
}

}  // namespace
}  // namespace strata::db::sqlite
