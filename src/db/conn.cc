#include "db/conn.h"

namespace strata::db {

int Rows::Col(const std::string& name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return static_cast<int>(i);
  return -1;
}

}  // namespace strata::db
