#include "migrate/file.h"

#include <gtest/gtest.h>

#include "migrate/directive.h"

namespace strata::migrate {
namespace {

TEST(File, VersionAndDesc) {
  struct Case {
    std::string name, version, desc;
  };
  const std::vector<Case> cases = {
      {"20220318104614_initial.sql", "20220318104614", "initial"},
      {"1.sql", "1", ""},
      {"2.10.x-20_description.sql", "2.10.x-20", "description"},
      {"3_add_users_table.sql", "3", "add_users_table"},
      {"4_.sql", "4", ""},
      {"_leading.sql", "", "leading"},
      {"5_x.sql.sql", "5", "x.sql"},
      {"noext", "noext", ""},
  };
  for (const Case& c : cases) {
    File f(c.name, "");
    EXPECT_EQ(f.Version(), c.version) << c.name;
    EXPECT_EQ(f.Desc(), c.desc) << c.name;
  }
}

TEST(File, HeaderNeedsABlankLineAfterIt) {
  EXPECT_EQ(File("1.sql", "-- a\n-- b\n\nSELECT 1;").HeaderComments(), (std::vector<std::string>{"-- a", "-- b"}));
  // Spaces and tabs on the separating line are fine.
  EXPECT_EQ(File("1.sql", "-- a\n \t\nSELECT 1;").HeaderComments(), std::vector<std::string>{"-- a"});
  // Lines are trimmed; '#' comments count.
  EXPECT_EQ(File("1.sql", "#  hash  \n--x \t\n\n").HeaderComments(), (std::vector<std::string>{"#  hash", "--x"}));
  // Without the blank line, the comments belong to the first statement.
  EXPECT_TRUE(File("1.sql", "-- a\nSELECT 1;").HeaderComments().empty());
  // Indented comments are not header comments.
  EXPECT_TRUE(File("1.sql", " -- a\n\nSELECT 1;").HeaderComments().empty());
  // A file of comments only has no header...
  EXPECT_TRUE(File("1.sql", "-- atlas:checkpoint\n").HeaderComments().empty());
  EXPECT_TRUE(File("1.sql", "-- atlas:checkpoint").HeaderComments().empty());
  // ...unless a blank line follows.
  EXPECT_EQ(File("1.sql", "-- atlas:checkpoint\n\n").HeaderComments(), std::vector<std::string>{"-- atlas:checkpoint"});
  // CRLF files: "\r\n" is not a blank line for this rule.
  EXPECT_TRUE(File("1.sql", "-- a\r\n\r\nSELECT 1;").HeaderComments().empty());
  EXPECT_TRUE(File("1.sql", "").HeaderComments().empty());
}

TEST(File, Directives) {
  File f("1.sql",
         "-- atlas:nolint DS103 MF101\n"
         "# atlas:nolint\n"
         "-- not a directive\n"
         "\n"
         "-- atlas:nolint ignored-in-statement-comments\n"
         "SELECT 1;\n");
  EXPECT_EQ(f.Directive("nolint"), (std::vector<std::string>{"DS103 MF101", ""}));
  EXPECT_TRUE(f.Directive("txmode").empty());
}

TEST(File, TxMode) {
  auto mode = [](const std::string& content) { return File("1_case.sql", content).TxMode(); };
  EXPECT_EQ(*mode("SELECT 1;"), "");
  EXPECT_EQ(*mode("-- atlas:txmode none\n\nSELECT 1;"), "none");
  EXPECT_EQ(*mode("-- atlas:txmode file\n\nSELECT 1;"), "file");
  EXPECT_EQ(*mode("-- atlas:txmode none\nSELECT 1;"), "");  // not a header: no blank line
  EXPECT_EQ(mode("-- atlas:txmode all\n\n").status().message(),
            "txmode \"all\" is not allowed in file directive \"1_case.sql\". Use \"file\" instead");
  EXPECT_EQ(mode("-- atlas:txmode statement\n\n").status().message(),
            "unknown txmode \"statement\" found in file directive \"1_case.sql\"");
  EXPECT_EQ(mode("-- atlas:txmode FILE\n\n").status().message(),
            "unknown txmode \"FILE\" found in file directive \"1_case.sql\"");
  EXPECT_EQ(mode("-- atlas:txmode\tnone\n\n").status().message(),
            "unknown txmode \"\" found in file directive \"1_case.sql\"");
  EXPECT_EQ(mode("-- atlas:txmode none\n-- atlas:txmode file\n\n").status().message(),
            "multiple txmode values found in file \"1_case.sql\": [\"none\" \"file\"]");
  EXPECT_EQ(mode("-- atlas:txmode all\n\n").status().code(), Code::kInvalidArgument);
}

TEST(File, Checkpoint) {
  File plain("1.sql", "SELECT 1;");
  EXPECT_FALSE(plain.IsCheckpoint());
  EXPECT_EQ(plain.CheckpointTag().status().message(), "not a checkpoint file");
  EXPECT_EQ(plain.CheckpointTag().status().code(), Code::kNotFound);

  File untagged("3_checkpoint.sql", "-- atlas:checkpoint\n\nCREATE TABLE t (id int);\n");
  EXPECT_TRUE(untagged.IsCheckpoint());
  EXPECT_EQ(*untagged.CheckpointTag(), "");

  File tagged("5_checkpoint.sql", "-- atlas:checkpoint v1.2\n-- other comment\n\nCREATE TABLE t (id int);\n");
  EXPECT_EQ(*tagged.CheckpointTag(), "v1.2");
}

TEST(File, AddDirective) {
  File no_header("1.sql", "CREATE TABLE t (id int);\n");
  no_header.AddDirective(kDirectiveCheckpoint);
  EXPECT_EQ(no_header.bytes(), "-- atlas:checkpoint\n\nCREATE TABLE t (id int);\n");
  EXPECT_TRUE(no_header.IsCheckpoint());

  File with_header("1.sql", "-- atlas:txmode none\n\nCREATE TABLE t (id int);\n");
  with_header.AddDirective(kDirectiveCheckpoint, {"tag"});
  EXPECT_EQ(with_header.bytes(), "-- atlas:checkpoint tag\n-- atlas:txmode none\n\nCREATE TABLE t (id int);\n");
  EXPECT_EQ(*with_header.CheckpointTag(), "tag");
  EXPECT_EQ(*with_header.TxMode(), "none");

  File two_args("1.sql", "");
  two_args.AddDirective("nolint", {"DS103", "MF101"});
  EXPECT_EQ(two_args.bytes(), "-- atlas:nolint DS103 MF101\n\n");
}

TEST(File, DelimiterDirective) {
  EXPECT_EQ(File("1.sql", "-- atlas:delimiter \\n\\n\n\nSELECT 1").Delimiter(), "\n\n");
  EXPECT_EQ(File("1.sql", "-- atlas:delimiter -- end\nSELECT 1").Delimiter(), "-- end");
  EXPECT_EQ(File("1.sql", "-- atlas:delimiter //\r\nSELECT 1").Delimiter(), "//");
  EXPECT_EQ(File("1.sql", "-- atlas:delimiter \\t;").Delimiter(), "\t;");
  // The prefix must be exactly "-- ", and the directive must be on line 1.
  EXPECT_FALSE(File("1.sql", "--atlas:delimiter //\n").Delimiter());
  EXPECT_FALSE(File("1.sql", "# atlas:delimiter //\n").Delimiter());
  EXPECT_FALSE(File("1.sql", "\n-- atlas:delimiter //\n").Delimiter());
  EXPECT_FALSE(File("1.sql", "SELECT 1;").Delimiter());
}

TEST(File, SumIgnored) {
  EXPECT_TRUE(File("1.sql", "-- atlas:sum ignore\nSELECT 1;").SumIgnored());
  EXPECT_TRUE(File("1.sql", "atlas:sum ignore").SumIgnored());
  EXPECT_TRUE(File("1.sql", "#atlas:sum ignore\r\n").SumIgnored());
  EXPECT_TRUE(File("1.sql", "-- atlas:sum   ignore\n").SumIgnored());
  EXPECT_FALSE(File("1.sql", "-- atlas:sum ignore \n").SumIgnored());  // argument "ignore "
  EXPECT_FALSE(File("1.sql", "-- atlas:sum ignored\n").SumIgnored());
  EXPECT_FALSE(File("1.sql", "-- atlas:sum\n").SumIgnored());
  EXPECT_FALSE(File("1.sql", "SELECT 1;\n-- atlas:sum ignore\n").SumIgnored());
  EXPECT_FALSE(File("1.sql", "\t-- atlas:sum ignore\n").SumIgnored());  // a tab is not printable
  EXPECT_FALSE(File("1.sql", "").SumIgnored());
}

TEST(File, LayoutOverrides) {
  File f("V2__add_users.sql", "CREATE TABLE a (x int);\nCREATE TABLE b (x int);\n");
  EXPECT_EQ(f.Version(), "V2");
  f.SetVersionDesc("2", "add_users");
  EXPECT_EQ(f.Version(), "2");
  EXPECT_EQ(f.Desc(), "add_users");
  auto all = f.StmtDecls(ScannerOptionsFor(ScanDialect::kSQLite));
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);
  // An up text replaces the file's bytes as the statement source.
  f.SetUpText(std::string("-- c\nCREATE TABLE b (x int);"));
  auto up = f.StmtDecls(ScannerOptionsFor(ScanDialect::kSQLite));
  ASSERT_TRUE(up.ok());
  ASSERT_EQ(up->size(), 1u);
  EXPECT_EQ((*up)[0].text, "CREATE TABLE b (x int);");
  EXPECT_EQ((*up)[0].comments, std::vector<std::string>{"-- c\n"});
  // An extraction error surfaces when the statements are asked for.
  f.SetUpText(ParseError("bad layout"));
  auto bad = f.StmtDecls(ScannerOptionsFor(ScanDialect::kSQLite));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "bad layout");
  // The bytes (and so atlas.sum) never change.
  EXPECT_EQ(f.bytes(), "CREATE TABLE a (x int);\nCREATE TABLE b (x int);\n");
}

}  // namespace
}  // namespace strata::migrate
