// Reading and writing other tools' directories: golden tests over
// testdata/migrate/formats/<tool>/ (inputs) and <tool>.read.golden /
// <tool>.write.golden (expected). UPDATE_GOLDEN=1 rewrites the goldens.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/strings.h"
#include "migrate/formats/dir_url.h"
#include "migrate/formats/format.h"
#include "migrate/formats/formatter.h"
#include "migrate/formats/layout.h"

namespace strata::migrate::formats {
namespace {

const std::string kRoot = std::string(STRATA_SOURCE_DIR) + "/testdata/migrate/formats";

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void ExpectGolden(const std::string& path, const std::string& got) {
  if (std::getenv("UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << got;
    return;
  }
  EXPECT_EQ(ReadText(path), got) << "golden " << path << " (UPDATE_GOLDEN=1 rewrites it)";
}

// Every migration file with its version, description and statements.
std::string DumpDir(const Dir& dir) {
  auto files = dir.Files();
  if (!files.ok()) return "error: " + files.status().message() + "\n";
  std::string out;
  for (const File& f : *files) {
    out += "== " + f.name() + " version=" + GoQuote(f.Version()) + " desc=" + GoQuote(f.Desc()) + "\n";
    auto stmts = f.StmtDecls(ScannerOptionsFor(ScanDialect::kSQLite));
    if (!stmts.ok()) {
      out += "error: " + stmts.status().message() + "\n";
      continue;
    }
    for (const Stmt& s : *stmts) {
      for (const std::string& c : s.comments) out += "comment: " + GoQuote(c) + "\n";
      out += s.text + "\n-- end --\n";
    }
  }
  auto sum = dir.Checksum();
  out += "== atlas.sum entries:";
  if (sum.ok()) {
    for (const HashEntry& e : sum->entries()) out += " " + e.name;
  }
  return out + "\n";
}

// A plan with a comment-less change, one with two reverses and one
// irreversible change.
plan::Plan SamplePlan() {
  plan::Plan p;
  plan::PlannedChange a;
  a.cmd = "CREATE TABLE `users` (`id` integer NOT NULL, PRIMARY KEY (`id`))";
  a.comment = "create \"users\" table";
  a.reverse = {"DROP TABLE `users`"};
  plan::PlannedChange b;
  b.cmd = "DROP TABLE `old`";
  b.comment = "drop \"old\" table";
  b.reverse = {"CREATE TABLE `old` (`id` integer)", "CREATE INDEX `old_id` ON `old` (`id`)"};
  plan::PlannedChange c;
  c.cmd = "UPDATE `users` SET `id` = `id`";
  p.changes = {a, b, c};
  return p;
}

std::string DumpFiles(const std::vector<File>& files) {
  std::string out;
  for (const File& f : files) out += "-- file: " + f.name() + " --\n" + f.bytes();
  return out;
}

class ReadGolden : public testing::TestWithParam<Format> {};

TEST_P(ReadGolden, Files) {
  const std::string tool(FormatName(GetParam()));
  auto dir = OpenDir(GetParam(), kRoot + "/" + tool);
  ASSERT_TRUE(dir.ok()) << dir.status().message();
  ExpectGolden(kRoot + "/" + tool + ".read.golden", DumpDir(**dir));
}

TEST_P(ReadGolden, Write) {
  const std::string tool(FormatName(GetParam()));
  FormatInput in;
  in.now = "20240102030405";
  in.name = "sample";
  std::string got = DumpFiles(FormatPlan(GetParam(), SamplePlan(), in));
  in.name = "";
  got += "-- without a name --\n";
  for (const File& f : FormatPlan(GetParam(), plan::Plan{}, in)) got += f.name() + "\n";
  ExpectGolden(kRoot + "/" + tool + ".write.golden", got);
}

INSTANTIATE_TEST_SUITE_P(Tools, ReadGolden,
                         testing::Values(Format::kGolangMigrate, Format::kGoose, Format::kFlyway, Format::kLiquibase,
                                         Format::kDbmate),
                         [](const auto& info) {
                           std::string n(FormatName(info.param));
                           std::erase(n, '-');
                           return n;
                         });

TEST(AtlasFormatter, CapitalizesCommentsAndUsesVersion) {
  FormatInput in;
  in.now = "20240102030405";
  in.version = "7";
  in.name = "add";
  auto files = FormatPlan(Format::kAtlas, SamplePlan(), in);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].name(), "7_add.sql");
  EXPECT_EQ(files[0].bytes(),
            "-- Create \"users\" table\n"
            "CREATE TABLE `users` (`id` integer NOT NULL, PRIMARY KEY (`id`));\n"
            "-- Drop \"old\" table\n"
            "DROP TABLE `old`;\n"
            "UPDATE `users` SET `id` = `id`;\n");
  in.version = "";
  EXPECT_EQ(FormatPlan(Format::kAtlas, plan::Plan{}, in)[0].name(), "20240102030405_add.sql");
}

TEST(AtlasFormatter, DelimiterDirective) {
  plan::Plan p;
  p.delimiter = "\n\n";
  plan::PlannedChange c;
  c.cmd = "CREATE TABLE t (a int)";
  p.changes = {c, c};
  FormatInput in;
  in.now = "1";
  EXPECT_EQ(FormatPlan(Format::kAtlas, p, in)[0].bytes(),
            "-- atlas:delimiter \\n\\n\n\nCREATE TABLE t (a int)\n\n\nCREATE TABLE t (a int)\n\n\n");
}

TEST(Registry, NamesRoundTrip) {
  for (Format f : AllFormats()) {
    auto parsed = ParseFormat(FormatName(f));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, f);
  }
  auto bad = ParseFormat("sqitch");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "unknown dir format \"sqitch\"");
}

TEST(DirUrl, Parse) {
  auto u = ParseDirUrl("file://migrations/pg?format=goose");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->path, "migrations/pg");
  EXPECT_EQ(u->format, Format::kGoose);
  EXPECT_TRUE(u->format_given);

  u = ParseDirUrl("file://");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->path, "migrations");
  EXPECT_EQ(u->format, Format::kAtlas);
  EXPECT_FALSE(u->format_given);

  // --dir-format applies only when the URL names no format.
  u = ParseDirUrl("file:///abs/dir", "flyway");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->path, "/abs/dir");
  EXPECT_EQ(u->format, Format::kFlyway);
  u = ParseDirUrl("file://d?format=dbmate", "flyway");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->format, Format::kDbmate);

  auto bad = ParseDirUrl("migrations");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "missing scheme for dir url. Did you mean \"file://migrations\"?");
  bad = ParseDirUrl("file://d?format=x");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "unknown dir format \"x\"");
}

TEST(Goose, UnexpectedAnnotations) {
  auto r = GooseUpText("1_x.sql", "-- +goose Down\nDROP TABLE t;\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "sql/migrate: goose: 1_x.sql:1 unexpected goosePragma 'Down'");
  r = GooseUpText("2_y.sql", "-- +goose Up\nSELECT 1;\n-- +goose StatementEnd\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "sql/migrate: goose: 2_y.sql:3 unexpected goosePragma 'StatementEnd'");
  r = GooseUpText("3_z.sql", "-- +goose Up\n-- +goose Up\n");
  ASSERT_FALSE(r.ok());
}

TEST(Goose, KeepsSqlThatMentionsAnnotationWords) {
  // Only annotation lines are dropped, not statements containing "Down".
  auto r =
      GooseUpText("1.sql", "-- +goose Up\nCREATE TABLE Downloads (id int);\n-- +goose Down\nDROP TABLE Downloads;\n");
  ASSERT_TRUE(r.ok());
  auto stmts = ScanStmtTexts(*r, ScannerOptionsFor(ScanDialect::kGeneric));
  ASSERT_TRUE(stmts.ok());
  EXPECT_EQ(*stmts, std::vector<std::string>{"CREATE TABLE Downloads (id int);"});
}

TEST(Dbmate, OnlyTheUpSection) {
  EXPECT_EQ(DbmateUpText("-- before\n-- migrate:up\nA;\r\nB;\n-- migrate:down\nC;\n"), "A;\nB;");
  EXPECT_EQ(DbmateUpText("A;\n"), "");
  // Options after the keyword do not hide the section.
  EXPECT_EQ(DbmateUpText("-- migrate:up transaction:false\nA;\n-- migrate:down transaction:false\nB;\n"), "A;");
}

TEST(Flyway, Versions) {
  EXPECT_EQ(FlywayVersion("V1_2__x.sql"), "1_2");
  EXPECT_EQ(FlywayVersion("sub/B3__base.sql"), "3");
  EXPECT_EQ(FlywayVersion("R__views.sql"), "");
  EXPECT_EQ(FlywayDesc("sub/V1__add_users.sql"), "add_users");
  EXPECT_EQ(FlywayDesc("V1.sql"), "");
  EXPECT_LT(CompareFlywayVersions("1.9", "1.10"), 0);
  EXPECT_LT(CompareFlywayVersions("3", "3_1"), 0);
  EXPECT_EQ(CompareFlywayVersions("1_0", "1.0"), 0);
  EXPECT_GT(CompareFlywayVersions("10", "9"), 0);
}

TEST(Flyway, RepeatablesTakeThePrecedingVersion) {
  std::vector<File> files = {File("V1__a.sql", "A"), File("R__v.sql", "V"), File("R__w.sql", "W")};
  files[0].SetVersionDesc("1", "a");
  files[1].SetVersionDesc("", "v");
  files[2].SetVersionDesc("", "w");
  SetRepeatableVersions(files);
  EXPECT_EQ(files[1].Version(), "1R");
  EXPECT_EQ(files[1].Desc(), "v");
  EXPECT_EQ(files[2].Version(), "1R");
  EXPECT_EQ(files[2].bytes(), "W");
  std::vector<File> only = {File("R__v.sql", "V")};
  only[0].SetVersionDesc("", "v");
  SetRepeatableVersions(only);
  EXPECT_EQ(only[0].Version(), "0R");
}

}  // namespace
}  // namespace strata::migrate::formats
