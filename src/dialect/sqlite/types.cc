#include "dialect/sqlite/types.h"

namespace strata::dialect::sqlite {

const spec::TypeRegistry& SqliteTypes() {
  static const spec::TypeRegistry kTypes({
      {"integer", 1}, {"int", 1}, {"tinyint", 1}, {"smallint", 1}, {"mediumint", 1},
      {"bigint", 1}, {"unsigned big int", 1}, {"int2", 1}, {"int8", 1}, {"uint64", 0},
      {"real", 2}, {"double", 2}, {"double precision", 2}, {"float", 2},
      {"numeric", 2}, {"decimal", 2},
      {"text", 1}, {"character", 1}, {"char", 1}, {"varchar", 1}, {"varying character", 1},
      {"nchar", 1}, {"native character", 1}, {"nvarchar", 1}, {"clob", 1},
      {"blob", 1},
      {"bool", 0}, {"boolean", 0},
      {"date", 0}, {"datetime", 1}, {"time", 1}, {"timestamp", 1},
      {"json", 0}, {"jsonb", 0}, {"uuid", 0},
  });
  return kTypes;
}

}  // namespace strata::dialect::sqlite
