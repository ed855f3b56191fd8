// The SQLite dialect's spec data, compiled into this test binary. The codec
// tests need a real dialect, but strata_spec must not link dialect
// libraries (dependencies point from dialect/ to spec/, not back), and the
// two files below depend on nothing but spec/.
#include "dialect/sqlite/spec.cc"   // NOLINT(build/include)
#include "dialect/sqlite/types.cc"  // NOLINT(build/include)
