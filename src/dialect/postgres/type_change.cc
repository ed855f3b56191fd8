#include "dialect/postgres/type_change.h"

#include <cstdlib>
#include <string>

#include "base/strings.h"
#include "dialect/postgres/types.h"

namespace strata::dialect::postgres {
namespace {

enum class Family { kInteger, kExact, kFloat, kString, kDateTime, kTime, kBit, kOther };

struct Info {
  std::string name;  // canonical, serials mapped to their integer type
  std::vector<std::string> args;
  bool array = false;
};

Info Read(const schema::Type& t) {
  schema::Type p = ParseType(t.unsupported || t.name.empty() ? t.raw : FormatType(t));
  Info i;
  if (p.unsupported) {
    std::string raw = ToLower(Trim(p.raw));
    i.array = EndsWith(raw, "[]");
    i.name = raw;
    return i;
  }
  i.name = ToLower(p.name);
  if (i.name == "serial" || i.name == "serial4") i.name = "integer";
  if (i.name == "bigserial" || i.name == "serial8") i.name = "bigint";
  if (i.name == "smallserial" || i.name == "serial2") i.name = "smallint";
  i.args = p.args;
  return i;
}

Family FamilyOf(const std::string& n) {
  if (n == "smallint" || n == "integer" || n == "bigint") return Family::kInteger;
  if (n == "numeric" || n == "decimal") return Family::kExact;
  if (n == "real" || n == "double precision" || n == "float") return Family::kFloat;
  if (n == "text" || n == "varchar" || n == "char" || n == "bpchar" || n == "name" || n == "citext")
    return Family::kString;
  if (n == "date" || n == "timestamp" || n == "timestamptz") return Family::kDateTime;
  if (n == "time" || n == "timetz") return Family::kTime;
  if (n == "bit" || n == "bit varying") return Family::kBit;
  return Family::kOther;
}

bool Numeric(Family f) { return f == Family::kInteger || f == Family::kExact || f == Family::kFloat; }

long Arg(const std::vector<std::string>& a, size_t i, long def) {
  if (i >= a.size()) return def;
  char* end = nullptr;
  long v = std::strtol(a[i].c_str(), &end, 10);
  return end != nullptr && *end == '\0' ? v : def;
}

int IntRank(const std::string& n) { return n == "smallint" ? 2 : n == "integer" ? 4 : 8; }
// Decimal digits an integer type needs.
int IntDigits(const std::string& n) { return n == "smallint" ? 5 : n == "integer" ? 10 : 19; }

// Maximum length of a string type; -1 is unlimited.
long StringLength(const Info& i) {
  if (i.name == "varchar" || i.name == "bit varying") return Arg(i.args, 0, -1);
  if (i.name == "char" || i.name == "bit") return Arg(i.args, 0, 1);
  if (i.name == "bpchar") return Arg(i.args, 0, -1);
  if (i.name == "name") return 63;
  return -1;
}

// Fractional-second precision (6 when not given).
long TimePrecision(const Info& i) { return Arg(i.args, 0, 6); }

}  // namespace

bool NeedsUsing(const schema::Type& from, const schema::Type& to) {
  Info f = Read(from), t = Read(to);
  if (f.name == t.name && f.array == t.array) return false;
  if (f.array || t.array) return f.array != t.array || FamilyOf(f.name) != FamilyOf(t.name);
  Family ff = FamilyOf(f.name), tf = FamilyOf(t.name);
  if (Numeric(ff) && Numeric(tf)) return false;
  // Every type has an I/O conversion to string types, used as an assignment cast.
  if (tf == Family::kString) return false;
  if (ff == tf && ff != Family::kOther) return false;
  return true;
}

bool IsNarrowingTypeChange(const schema::Type& from, const schema::Type& to) {
  Info f = Read(from), t = Read(to);
  if (f.array != t.array) return true;
  Family ff = FamilyOf(f.name), tf = FamilyOf(t.name);
  if (ff == Family::kInteger && tf == Family::kInteger) return IntRank(t.name) < IntRank(f.name);
  if (tf == Family::kExact && (ff == Family::kInteger || ff == Family::kExact)) {
    if (t.args.empty()) return false;  // unconstrained numeric holds any value
    long p2 = Arg(t.args, 0, 0), s2 = Arg(t.args, 1, 0);
    if (ff == Family::kInteger) return p2 - s2 < IntDigits(f.name);
    if (f.args.empty()) return true;
    long p = Arg(f.args, 0, 0), s = Arg(f.args, 1, 0);
    return p2 - s2 < p - s || s2 < s;
  }
  if (ff == Family::kFloat && tf == Family::kFloat) return f.name == "double precision" && t.name == "real";
  if ((ff == Family::kString && tf == Family::kString) || (ff == Family::kBit && tf == Family::kBit)) {
    long fl = StringLength(f), tl = StringLength(t);
    if (tl < 0) return false;
    return fl < 0 || tl < fl;
  }
  if (ff == Family::kDateTime && tf == Family::kDateTime) {
    if (t.name == "date") return f.name != "date";
    if (f.name == "date") return false;
    // timestamp <-> timestamptz keeps the instant; precision may drop.
    return TimePrecision(t) < TimePrecision(f);
  }
  if (ff == Family::kTime && tf == Family::kTime) return TimePrecision(t) < TimePrecision(f);
  if (f.name == t.name) return f.args != t.args;
  return true;
}

}  // namespace strata::dialect::postgres
