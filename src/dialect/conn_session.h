// migrate::Session over a db::Conn: how the executor runs statements on a
// driver's connection. Database errors reach the revision table and the
// user without the client's "<driver>: " prefix, as Atlas prints them.
#pragma once

#include <string>

#include "db/conn.h"
#include "migrate/executor.h"

namespace strata::dialect {

class ConnSession final : public migrate::Session {
 public:
  // `prefix` is the client's error prefix to strip, e.g. "sqlite: ".
  ConnSession(db::Conn& conn, std::string prefix) : conn_(conn), prefix_(std::move(prefix)) {}

  Status Exec(const std::string& stmt) override;
  Status Begin() override { return conn_.Begin(); }
  Status Commit() override { return conn_.Commit(); }
  Status Rollback() override { return conn_.Rollback(); }

 private:
  db::Conn& conn_;
  std::string prefix_;
};

}  // namespace strata::dialect
