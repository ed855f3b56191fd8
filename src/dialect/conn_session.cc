#include "dialect/conn_session.h"

namespace strata::dialect {

Status ConnSession::Exec(const std::string& stmt) {
  Status st = conn_.Exec(stmt);
  if (st.ok() || prefix_.empty() || st.message().rfind(prefix_, 0) != 0) return st;
  return Status(st.code(), st.message().substr(prefix_.size()));
}

}  // namespace strata::dialect
