#include "base/txtar.h"
#include "migrate/scanner.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "base/base64.h"
#include "base/sha256.h"
#include "base/strings.h"

namespace strata::migrate {
namespace {

namespace fs = std::filesystem;

// --- Golden cases: testdata/migrate/scan/*.txtar ----------------------------
//
// Each archive holds the sections
//   -- options --    "dialect: <mysql|postgres|sqlite|generic>", then "+flag"
//                    or "-flag" lines (flag = a ScannerOptions field name), and
//                    the input modifiers "crlf" and "no-final-newline"
//   -- input.sql --  the file to scan
//   -- stmts --      expected statement texts joined by "\n-- end --\n"
//   -- decls --      expected "<i>: pos=<offset> comments=[<%q>...]" per statement
//   -- error --      or: the expected scan error
// Only these section names start a section, so expected statements may
// contain "-- end --" lines. UPDATE_GOLDEN=1 rewrites the expected sections.

const std::set<std::string, std::less<>> kSections = {"options", "input.sql", "stmts", "decls", "error"};

using Archive = txtar::Archive;

Archive ParseArchive(std::string_view data) {
  return txtar::Parse(data, [](std::string_view name) { return kSections.contains(name); });
}
std::string FormatArchive(const Archive& a) { return txtar::Format(a); }

struct CaseConfig {
  ScannerOptions options;
  bool crlf = false;
  bool no_final_newline = false;
};

CaseConfig ParseOptions(const std::string& text) {
  CaseConfig cfg;
  for (std::string line : Split(text, "\n")) {
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    if (StartsWith(line, "dialect:")) {
      const std::string d = Trim(line.substr(8));
      if (d == "mysql")
        cfg.options = ScannerOptionsFor(ScanDialect::kMySQL);
      else if (d == "postgres")
        cfg.options = ScannerOptionsFor(ScanDialect::kPostgres);
      else if (d == "sqlite")
        cfg.options = ScannerOptionsFor(ScanDialect::kSQLite);
      else if (d == "generic")
        cfg.options = ScannerOptionsFor(ScanDialect::kGeneric);
      else
        ADD_FAILURE() << "unknown dialect " << d;
      continue;
    }
    if (line == "crlf") {
      cfg.crlf = true;
      continue;
    }
    if (line == "no-final-newline") {
      cfg.no_final_newline = true;
      continue;
    }
    const bool on = line[0] == '+';
    if (line[0] != '+' && line[0] != '-') {
      ADD_FAILURE() << "bad option line " << line;
      continue;
    }
    const std::string flag = line.substr(1);
    bool* field = flag == "match_begin"          ? &cfg.options.match_begin
                  : flag == "match_begin_atomic" ? &cfg.options.match_begin_atomic
                  : flag == "match_dollar_quote" ? &cfg.options.match_dollar_quote
                  : flag == "backslash_escapes"  ? &cfg.options.backslash_escapes
                  : flag == "escaped_string_ext" ? &cfg.options.escaped_string_ext
                  : flag == "hash_comments"      ? &cfg.options.hash_comments
                                                 : nullptr;
    if (field == nullptr) {
      ADD_FAILURE() << "unknown flag " << flag;
      continue;
    }
    *field = on;
  }
  return cfg;
}

std::string FormatDecls(const std::vector<Stmt>& stmts) {
  std::string out;
  for (size_t i = 0; i < stmts.size(); ++i) {
    std::vector<std::string> quoted;
    for (const std::string& c : stmts[i].comments) quoted.push_back(GoQuote(c));
    out += std::to_string(i) + ": pos=" + std::to_string(stmts[i].pos) + " comments=[" + Join(quoted, " ") + "]\n";
  }
  return out;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path ScanDir() { return fs::path(STRATA_SOURCE_DIR) / "testdata" / "migrate" / "scan"; }

bool UpdateGolden() {
  const char* v = std::getenv("UPDATE_GOLDEN");
  return v != nullptr && std::string_view(v) == "1";
}

TEST(ScannerGolden, AllCases) {
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(ScanDir()))
    if (e.path().extension() == ".txtar") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  ASSERT_GE(paths.size(), 30u) << "expected at least 30 scanner cases in " << ScanDir();

  for (const fs::path& path : paths) {
    SCOPED_TRACE(path.filename().string());
    Archive archive = ParseArchive(ReadFile(path));
    const std::string* options = archive.Find("options");
    const std::string* input = archive.Find("input.sql");
    ASSERT_NE(options, nullptr) << "missing -- options --";
    ASSERT_NE(input, nullptr) << "missing -- input.sql --";
    CaseConfig cfg = ParseOptions(*options);
    std::string sql = *input;
    if (cfg.no_final_newline && EndsWith(sql, "\n")) sql.pop_back();
    if (cfg.crlf) sql = ReplaceAll(sql, "\n", "\r\n");

    Result<std::vector<Stmt>> got = ScanStmts(sql, cfg.options);
    std::vector<std::pair<std::string, std::string>> want;
    if (got.ok()) {
      std::vector<std::string> texts;
      for (const Stmt& s : *got) texts.push_back(s.text);
      want.emplace_back("stmts", texts.empty() ? "" : Join(texts, "\n-- end --\n") + "\n");
      want.emplace_back("decls", FormatDecls(*got));
    } else {
      want.emplace_back("error", got.status().message() + "\n");
    }

    if (UpdateGolden()) {
      Archive updated;
      updated.comment = archive.comment;
      updated.files = {{"options", *options}, {"input.sql", *input}};
      for (auto& s : want) updated.files.push_back(s);
      std::ofstream(path, std::ios::binary) << FormatArchive(updated);
      continue;
    }
    for (const auto& [name, body] : want) {
      const std::string* expected = archive.Find(name);
      ASSERT_NE(expected, nullptr) << "missing -- " << name << " -- (run with UPDATE_GOLDEN=1)";
      EXPECT_EQ(body, *expected) << "section " << name;
    }
    for (const char* name : {"stmts", "decls", "error"}) {
      bool produced = false;
      for (const auto& s : want) produced |= s.first == name;
      EXPECT_TRUE(produced || archive.Find(name) == nullptr) << "unexpected section " << name;
    }
  }
}

// --- Focused unit tests ------------------------------------------------------

std::vector<std::string> Texts(std::string_view input, const ScannerOptions& o) {
  auto r = ScanStmtTexts(input, o);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : std::vector<std::string>{};
}

TEST(Scanner, DialectPresets) {
  const ScannerOptions my = ScannerOptionsFor(ScanDialect::kMySQL);
  EXPECT_TRUE(my.match_begin && my.backslash_escapes && my.hash_comments);
  EXPECT_FALSE(my.match_begin_atomic || my.match_dollar_quote || my.escaped_string_ext);
  const ScannerOptions pg = ScannerOptionsFor(ScanDialect::kPostgres);
  EXPECT_TRUE(pg.match_begin && pg.match_begin_atomic && pg.match_dollar_quote && pg.escaped_string_ext);
  EXPECT_FALSE(pg.backslash_escapes || pg.hash_comments);
  const ScannerOptions lite = ScannerOptionsFor(ScanDialect::kSQLite);
  EXPECT_EQ(lite, (ScannerOptions{.match_begin = true}));
  const ScannerOptions generic = ScannerOptionsFor(ScanDialect::kGeneric);
  EXPECT_EQ(generic, (ScannerOptions{.match_begin_atomic = true, .match_dollar_quote = true}));
}

TEST(Scanner, PositionsPointIntoTheInput) {
  const std::string input =
      "  CREATE TABLE a (x int);\n\n-- note\nINSERT INTO a VALUES (1);\n/* c */ SELECT 1;\nSELECT 2";
  auto stmts = ScanStmts(input, ScannerOptionsFor(ScanDialect::kMySQL));
  ASSERT_TRUE(stmts.ok());
  ASSERT_EQ(stmts->size(), 4u);
  for (const Stmt& s : *stmts) {
    EXPECT_EQ(input.substr(static_cast<size_t>(s.pos), s.text.size()), s.text) << s.text;
  }
  EXPECT_EQ((*stmts)[1].comments, std::vector<std::string>{"-- note\n"});
  EXPECT_EQ((*stmts)[2].comments, std::vector<std::string>{"/* c */"});
}

TEST(Scanner, PositionsAccountForTheDelimiterDirectiveLine) {
  const std::string input = "-- atlas:delimiter //\nSELECT 1//\n  SELECT 2//";
  auto stmts = ScanStmts(input, ScannerOptionsFor(ScanDialect::kGeneric));
  ASSERT_TRUE(stmts.ok());
  ASSERT_EQ(stmts->size(), 2u);
  EXPECT_EQ((*stmts)[0].pos, static_cast<int>(input.find("SELECT 1")));
  EXPECT_EQ((*stmts)[1].pos, static_cast<int>(input.find("SELECT 2")));
  // Errors count lines of the whole file too.
  auto bad = ScanStmts("-- atlas:delimiter //\nSELECT 1//\nSELECT (2//", ScannerOptionsFor(ScanDialect::kGeneric));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "3:8: unclosed '('");
  EXPECT_EQ(bad.status().code(), Code::kParse);
}

TEST(Scanner, CommentGroupsAndStatementDirectives) {
  const std::string input =
      "first;\n"
      "-- one\n"
      "second;\n\n"
      "-- dropped\n"
      "# dropped too\n\n"
      "/* kept */\n"
      "# kept\n"
      "third;\n\n"
      "--atlas:nolint\n"
      "-- atlas:nolint DS103 MF101\n"
      "#atlas:nolint hash\n"
      "/*atlas:nolint block*/\n"
      "/* atlas:nolint spaced-block-is-not-a-directive */\n"
      "/*\natlas:nolint multi-line-is-not-either\n*/\n"
      "fourth;\n";
  auto stmts = ScanStmts(input, ScannerOptionsFor(ScanDialect::kMySQL));
  ASSERT_TRUE(stmts.ok());
  ASSERT_EQ(stmts->size(), 4u);
  EXPECT_TRUE((*stmts)[0].comments.empty());
  EXPECT_EQ((*stmts)[1].comments, std::vector<std::string>{"-- one\n"});
  EXPECT_EQ((*stmts)[2].comments, (std::vector<std::string>{"/* kept */", "# kept\n"}));
  EXPECT_EQ((*stmts)[3].text, "fourth;");
  EXPECT_EQ((*stmts)[3].Directive("nolint"), (std::vector<std::string>{"", "DS103 MF101", "hash", "block"}));
  EXPECT_TRUE((*stmts)[3].Directive("lint").empty());
}

TEST(Scanner, HashCommentsOnlyWhenEnabled) {
  const std::string input = "# note\nSELECT 1;\n";
  auto my = ScanStmts(input, ScannerOptionsFor(ScanDialect::kMySQL));
  ASSERT_TRUE(my.ok());
  ASSERT_EQ(my->size(), 1u);
  EXPECT_EQ((*my)[0].text, "SELECT 1;");
  EXPECT_EQ(Texts(input, ScannerOptionsFor(ScanDialect::kPostgres)), std::vector<std::string>{"# note\nSELECT 1;"});
}

TEST(Scanner, EmptyAndBlankInputs) {
  for (const char* input : {"", "   \n\t\n", "-- only a comment\n", "/* only */", "-- a\n\n-- b\n"}) {
    auto r = ScanStmts(input, ScannerOptionsFor(ScanDialect::kPostgres));
    ASSERT_TRUE(r.ok()) << input;
    EXPECT_TRUE(r->empty()) << input;
  }
}

TEST(Scanner, ErrorMessagesAndPositions) {
  struct Case {
    std::string input;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"'open", "1:1: unclosed quote '\\''"},
      {"abc 'open", "1:5: unclosed quote '\\''"},
      {"x;\n  \"open", "2:3: unclosed quote '\"'"},
      {"x;\n\n`open", "3:1: unclosed quote '`'"},
      {"(", "1:1: unclosed '('"},
      {"SELECT ((1)", "1:8: unclosed '('"},
      {"SELECT 1)", "1:9: unexpected ')'"},
      {"SELECT 1;\nSELECT 2)", "2:9: unexpected ')'"},
      {"-- atlas:delimiter \\n\\n", "1:0: no input found after delimiter \"\\\\n\\\\n\""},
      {"-- atlas:delimiter\nSELECT 1;", "empty delimiter"},
      {"DELIMITER \nSELECT 1;", "empty delimiter"},
  };
  for (const Case& c : cases) {
    auto r = ScanStmts(c.input, ScannerOptionsFor(ScanDialect::kGeneric));
    ASSERT_FALSE(r.ok()) << c.input;
    EXPECT_EQ(r.status().message(), c.error) << c.input;
    EXPECT_EQ(r.status().code(), Code::kParse);
  }
}

TEST(Scanner, DelimiterCommandIsCaseInsensitiveAndNeedsASpace) {
  EXPECT_EQ(Texts("delimiter $$\nSELECT 1$$\nDeLiMiTeR ;\nSELECT 2;", ScannerOptionsFor(ScanDialect::kMySQL)),
            (std::vector<std::string>{"SELECT 1", "SELECT 2;"}));
  // "delimiters" is an ordinary word.
  EXPECT_EQ(Texts("delimiters_table;\nSELECT 1;", ScannerOptionsFor(ScanDialect::kMySQL)),
            (std::vector<std::string>{"delimiters_table;", "SELECT 1;"}));
  // Quoted, with '' standing for a quote.
  EXPECT_EQ(Texts("DELIMITER 'a''b'\nSELECT 1a'b\nDELIMITER ;\nSELECT 2;", ScannerOptionsFor(ScanDialect::kSQLite)),
            (std::vector<std::string>{"SELECT 1", "SELECT 2;"}));
}

TEST(Scanner, ManyUnterminatedBeginsStayFast) {
  // Each BEGIN without END makes the scanner look ahead to the end of the
  // input; outcomes are remembered, so this stays far from exponential.
  std::string input;
  for (int i = 0; i < 400; ++i)
    input += "BEGIN TRANSACTION;\nINSERT INTO t VALUES (" + std::to_string(i) + ");\nCOMMIT;\n";
  const auto start = std::chrono::steady_clock::now();
  auto r = ScanStmtTexts(input, ScannerOptionsFor(ScanDialect::kSQLite));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 1200u);
  EXPECT_EQ((*r)[0], "BEGIN TRANSACTION;");
  EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(), 10);
}

TEST(Scanner, InvalidUtf8IsScannedByteWise) {
  const std::string input = "SELECT '\xff\xfe';\nSELECT 2;";
  EXPECT_EQ(Texts(input, ScannerOptionsFor(ScanDialect::kPostgres)),
            (std::vector<std::string>{"SELECT '\xff\xfe';", "SELECT 2;"}));
}

// --- Statement hashes ----------------------------------------------------------

TEST(StmtHashes, CumulativeOverStatementTexts) {
  const std::vector<std::string> texts = {"CREATE TABLE t (a int);", "INSERT INTO t VALUES (1);", "DROP TABLE t;"};
  std::vector<std::string> hashes = HashStmts(texts);
  ASSERT_EQ(hashes.size(), 3u);
  // Computed a second way: hash every prefix of the concatenation from scratch.
  std::string prefix;
  for (size_t i = 0; i < texts.size(); ++i) {
    prefix += texts[i];
    EXPECT_EQ(hashes[i], "h1:" + Base64Encode(Sha256::Hash(prefix))) << i;
  }
  EXPECT_TRUE(HashStmts({}).empty());
  // A known value: sha256("abc") in standard base64.
  EXPECT_EQ(HashStmts({"a", "bc"})[1], "h1:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
}

}  // namespace
}  // namespace strata::migrate
