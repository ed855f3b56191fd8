#include "dialect/mysql/normalize.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <regex>

#include "base/strings.h"
#include "dialect/mysql/types.h"
#include "diff/differ.h"

namespace strata::dialect::mysql {
namespace {

void DropFalse(schema::Options& o, const char* key) {
  if (o.Has(key) && o.Get(key) != "true") o.Erase(key);
}

std::string EngineName(const std::string& e) {
  static const char* const kEngines[] = {"InnoDB", "MyISAM", "MEMORY", "CSV", "ARCHIVE", "Aria",
                                         "BLACKHOLE", "MRG_MyISAM", "ndbcluster", "FEDERATED"};
  for (const char* k : kEngines)
    if (EqualFold(e, k)) return k;
  if (EqualFold(e, "Memory")) return "MEMORY";
  if (EqualFold(e, "NDB")) return "ndbcluster";
  return e;
}

// A check MariaDB adds to json columns: CHECK (json_valid(`c`)) named c.
bool IsJsonValidCheck(const schema::Check& ck, const std::string& column) {
  return ck.name == column &&
         CanonicalExpr(ck.expr) == CanonicalExpr("json_valid(`" + column + "`)");
}

// Parses a plain decimal number; false for anything else.
bool ParseNumber(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  if (end == nullptr || *end != '\0') return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E')
      return false;
  return true;
}

// True for the index InnoDB adds for a foreign key that has none.
bool IsForeignKeyIndex(const schema::Index& idx, const schema::Table& t) {
  if (idx.unique || !idx.comment.empty() || !idx.options.empty()) return false;
  for (const auto& fk : t.foreign_keys) {
    if (fk.symbol != idx.name || fk.columns.size() != idx.parts.size()) continue;
    bool same = true;
    for (size_t i = 0; i < fk.columns.size(); ++i)
      same &= idx.parts[i].column == fk.columns[i] && !idx.parts[i].desc && idx.parts[i].options.empty();
    if (same) return true;
  }
  return false;
}

}  // namespace

std::string DefaultCollation(const std::string& charset, const Flavor& f) {
  std::string cs = ToLower(charset);
  if (cs.empty()) return "";
  if (cs == "latin1") return "latin1_swedish_ci";
  if (cs == "binary") return "binary";
  if (cs == "utf8") cs = "utf8mb3";
  if (cs == "utf8mb4" && !f.mariadb && f.AtLeast(8, 0)) return "utf8mb4_0900_ai_ci";
  if (cs == "utf8mb4" && f.mariadb && f.AtLeast(11, 5)) return "utf8mb4_uca1400_ai_ci";
  return cs + "_general_ci";
}

std::string CanonicalExpr(const std::string& e) {
  std::string out;
  for (size_t i = 0; i < e.size(); ++i) {
    char c = e[i];
    if (c == '\'' || c == '"') {
      out += c;
      for (++i; i < e.size(); ++i) {
        out += e[i];
        if (e[i] == '\\' && i + 1 < e.size()) {
          out += e[++i];
          continue;
        }
        if (e[i] == c) {
          if (i + 1 < e.size() && e[i + 1] == c) {
            out += e[++i];
            continue;
          }
          break;
        }
      }
      continue;
    }
    if (c == '`') continue;  // identifiers compare unquoted
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return diff::CanonicalExpr(out);
}

std::string CanonicalDefault(const std::string& in) {
  std::string e = Trim(in);
  // Literal values: 'x' and x, '1' and 1, 1.0 and 1.
  if (e.size() >= 2 && e.front() == '\'' && e.back() == '\'') {
    e = ReplaceAll(e.substr(1, e.size() - 2), "''", "'");
  } else {
    e = CanonicalExpr(e);
  }
  if (EqualFold(e, "TRUE")) return "1";
  if (EqualFold(e, "FALSE")) return "0";
  double d = 0;
  if (ParseNumber(e, &d)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", d);
    return buf;
  }
  static const std::regex kNow(R"(^(CURRENT_TIMESTAMP|NOW|LOCALTIMESTAMP|LOCALTIME)(\((\d*)\))?$)",
                               std::regex::icase);
  std::smatch m;
  std::string upper = ToUpper(e);
  if (std::regex_match(upper, m, kNow)) {
    std::string p = m[3].str();
    return p.empty() || p == "0" ? "CURRENT_TIMESTAMP" : "CURRENT_TIMESTAMP(" + p + ")";
  }
  return e;
}

void NormalizeTable(schema::Table& t, const Flavor& f) {
  std::string table_charset = ToLower(t.options.Get("charset"));
  std::string table_collate = ToLower(t.options.Get("collate"));
  if (t.options.Has("engine")) t.options.Set("engine", EngineName(t.options.Get("engine")));
  if (t.options.Has("charset")) t.options.Set("charset", table_charset);
  if (t.options.Has("collate")) t.options.Set("collate", table_collate);
  for (auto& c : t.columns) {
    if (!c.type.raw.empty() || !c.type.name.empty()) {
      std::string text = c.type.unsupported || c.type.name.empty() ? c.type.raw : FormatType(c.type);
      c.type = ParseType(text);
    }
    for (const char* k : {"charset", "collate"}) {
      if (!c.options.Has(k)) continue;
      std::string v = ToLower(c.options.Get(k));
      if (v == (std::string(k) == "charset" ? table_charset : table_collate)) {
        c.options.Erase(k);
      } else {
        c.options.Set(k, v);
      }
    }
    if (c.options.Has("collate")) {
      std::string cs = c.options.Has("charset") ? c.options.Get("charset") : table_charset;
      if (ToLower(c.options.Get("collate")) == DefaultCollation(cs, f) && c.options.Has("charset"))
        c.options.Erase("collate");
    }
    DropFalse(c.options, "auto_increment");
    DropFalse(c.options, "invisible");
    if (c.generated) {
      c.generated->type = ToUpper(c.generated->type);
      if (c.generated->type.empty()) c.generated->type = "VIRTUAL";
    }
    if (c.generated && f.mariadb) c.nullable = true;
    if (c.default_value && EqualFold(Trim(c.default_value->text), "NULL")) c.default_value.reset();
    if (f.mariadb && c.type.name == "longtext") {
      for (size_t i = 0; i < t.checks.size(); ++i) {
        if (!IsJsonValidCheck(t.checks[i], c.name)) continue;
        c.type = ParseType("json");
        t.checks.erase(t.checks.begin() + static_cast<long>(i));
        break;
      }
    }
  }
  auto norm_index = [](schema::Index& idx) {
    if (idx.options.Has("type")) {
      std::string ty = ToUpper(idx.options.Get("type"));
      if (ty == "BTREE") {
        idx.options.Erase("type");
      } else {
        idx.options.Set("type", ty);
      }
    }
    if (idx.options.Has("parser")) idx.options.Set("parser", ToLower(idx.options.Get("parser")));
    // Spatial keys have no prefix (MariaDB reports SUB_PART 32 for them).
    if (idx.options.Get("type") == "SPATIAL")
      for (auto& p : idx.parts) p.options.Erase("prefix");
  };
  if (t.primary_key) norm_index(*t.primary_key);
  for (auto& idx : t.indexes) norm_index(idx);
  t.indexes.erase(std::remove_if(t.indexes.begin(), t.indexes.end(),
                                 [&](const schema::Index& idx) { return IsForeignKeyIndex(idx, t); }),
                  t.indexes.end());
  for (auto& fk : t.foreign_keys) {
    for (auto* a : {&fk.on_update, &fk.on_delete})
      if (*a == schema::ReferenceAction::kNoAction || *a == schema::ReferenceAction::kRestrict)
        *a = schema::ReferenceAction::kNone;
  }
  for (auto& ck : t.checks)
    if (ck.options.Get("enforced") == "true") ck.options.Erase("enforced");
}

}  // namespace strata::dialect::mysql
