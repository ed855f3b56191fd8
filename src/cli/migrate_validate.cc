// `migrate validate`: checks atlas.sum and, with --dev-url, replays every
// file on the dev database.
#include <ostream>

#include "cli/drivers.h"
#include "cli/migrate_common.h"
#include "dialect/conn_session.h"
#include "migrate/executor.h"

namespace strata::cli {
namespace {

Status Replay(const migrate::Dir& dir, dialect::Driver& dev) {
  RETURN_IF_ERROR(dev.CheckClean());
  migrate::MemRevisionStore revs;  // replays leave no revision rows
  dialect::ConnSession session(dev.Conn(), dev.Name() + ": ");
  migrate::ExecOptions eo;
  eo.tx_mode = migrate::TxMode::kNone;
  migrate::Executor exec(dir, revs, session, dev.StatementScanner(), eo);
  auto pending = exec.Pending();
  if (!pending.ok()) return pending.status().code() == Code::kNoPlan ? Status::Ok() : pending.status();
  return exec.ExecuteN(*pending);
}

}  // namespace

Status MigrateValidate(const MigrateValidateOptions& o, std::ostream& out) {
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::Dir> dir, OpenMigrationDir(o.d, false));
  RETURN_IF_ERROR(CheckDir(*dir, out));
  if (o.dev_url.empty()) return Status::Ok();
  ASSIGN_OR_RETURN(std::unique_ptr<dialect::Driver> dev, OpenDatabase(o.dev_url));
  Status st = Replay(*dir, *dev);
  return st.ok() ? st : st.Wrap("replaying the migration directory");
}

}  // namespace strata::cli
