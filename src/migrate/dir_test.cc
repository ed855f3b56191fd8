#include "migrate/dir.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>

namespace strata::migrate {
namespace {

namespace fs = std::filesystem;

class ScratchDir {
 public:
  ScratchDir() {
    std::string tmpl = (fs::temp_directory_path() / "strata-dir-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::vector<std::string> Names(const std::vector<File>& files) {
  std::vector<std::string> out;
  for (const File& f : files) out.push_back(f.name());
  return out;
}

// --- The same contract for every Dir ------------------------------------------

struct DirFactory {
  std::string label;
  std::function<std::unique_ptr<Dir>(const fs::path&)> make;
};

class DirConformance : public ::testing::TestWithParam<DirFactory> {
 protected:
  std::unique_ptr<Dir> MakeDir() { return GetParam().make(scratch_.path()); }
  ScratchDir scratch_;
};

TEST_P(DirConformance, FilesAreSqlOnlySortedByteWise) {
  auto dir = MakeDir();
  for (const char* name : {"2_b.sql", "10_c.sql", "1_a.sql", "B.sql", "a.sql", "1.1.sql", "_x.sql", "README.md",
                           "atlas.sum", "x.sql.bak", "UPPER.SQL"}) {
    ASSERT_TRUE(dir->WriteFile(name, std::string("-- ") + name + "\n").ok()) << name;
  }
  auto files = dir->Files();
  ASSERT_TRUE(files.ok()) << files.status().message();
  EXPECT_EQ(Names(*files),
            (std::vector<std::string>{"1.1.sql", "10_c.sql", "1_a.sql", "2_b.sql", "B.sql", "_x.sql", "a.sql"}));
  for (const File& f : *files) EXPECT_EQ(f.bytes(), "-- " + f.name() + "\n");
}

TEST_P(DirConformance, NonAsciiNamesSortByBytes) {
  auto dir = MakeDir();
  ASSERT_TRUE(dir->WriteFile("1_é.sql", "").ok());  // 0xC3 0xA9: sorts after every ASCII byte
  ASSERT_TRUE(dir->WriteFile("1_z.sql", "").ok());
  auto files = dir->Files();
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(Names(*files), (std::vector<std::string>{"1_z.sql", "1_é.sql"}));
}

TEST_P(DirConformance, ReadWriteRoundTrip) {
  auto dir = MakeDir();
  const std::string binary("a\0b\r\n\xff", 6);
  ASSERT_TRUE(dir->WriteFile("1.sql", binary).ok());
  EXPECT_EQ(*dir->ReadFile("1.sql"), binary);
  ASSERT_TRUE(dir->WriteFile("1.sql", "replaced").ok());
  EXPECT_EQ(*dir->ReadFile("1.sql"), "replaced");
  ASSERT_TRUE(dir->WriteFile("empty.sql", "").ok());
  EXPECT_EQ(*dir->ReadFile("empty.sql"), "");
}

TEST_P(DirConformance, MissingFileIsNotFound) {
  auto dir = MakeDir();
  auto r = dir->ReadFile("atlas.sum");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kNotFound);
  EXPECT_NE(r.status().message().find("migrate: read file \"atlas.sum\""), std::string::npos) << r.status().message();
}

TEST_P(DirConformance, RejectsNamesThatLeaveTheDirectory) {
  auto dir = MakeDir();
  for (const char* name : {"", "/etc/passwd", "../x.sql", "a/../../x.sql", "./x.sql", "a//b.sql"}) {
    Status st = dir->WriteFile(name, "x");
    EXPECT_EQ(st.code(), Code::kInvalidArgument) << name;
  }
}

TEST_P(DirConformance, ChecksumHashesTheFiles) {
  auto dir = MakeDir();
  ASSERT_TRUE(dir->WriteFile("1_a.sql", "SELECT 1;\n").ok());
  ASSERT_TRUE(dir->WriteFile("notes.txt", "ignored").ok());
  auto sum = dir->Checksum();
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(*sum, NewHashFile(*dir->Files()));
  ASSERT_EQ(sum->entries().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Dirs, DirConformance,
                         ::testing::Values(DirFactory{"Mem",
                                                      [](const fs::path&) -> std::unique_ptr<Dir> {
                                                        return std::make_unique<MemDir>();
                                                      }},
                                           DirFactory{"Local",
                                                      [](const fs::path& p) -> std::unique_ptr<Dir> {
                                                        auto d = LocalDir::Open(p.string());
                                                        return d.ok() ? std::move(*d) : nullptr;
                                                      }}),
                         [](const ::testing::TestParamInfo<DirFactory>& info) { return info.param.label; });

// --- LocalDir specifics ---------------------------------------------------------

TEST(LocalDir, OpenErrors) {
  auto missing = LocalDir::Open("/nonexistent/strata/dir");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Code::kNotFound);
  EXPECT_EQ(missing.status().message(), "migrate: open dir \"/nonexistent/strata/dir\": no such file or directory");

  ScratchDir scratch;
  const fs::path file = scratch.path() / "plain";
  std::ofstream(file) << "x";
  auto not_dir = LocalDir::Open(file.string());
  ASSERT_FALSE(not_dir.ok());
  EXPECT_EQ(not_dir.status().message(), "migrate: \"" + file.string() + "\" is not a dir");
}

TEST(LocalDir, DoesNotRecurse) {
  ScratchDir scratch;
  fs::create_directories(scratch.path() / "sub");
  std::ofstream(scratch.path() / "sub" / "2_deep.sql") << "SELECT 2;";
  std::ofstream(scratch.path() / "1_top.sql") << "SELECT 1;";
  auto dir = LocalDir::Open(scratch.path().string());
  ASSERT_TRUE(dir.ok());
  EXPECT_EQ(Names(*(*dir)->Files()), std::vector<std::string>{"1_top.sql"});
}

TEST(LocalDir, AFolderNamedLikeAMigrationIsAnError) {
  ScratchDir scratch;
  fs::create_directories(scratch.path() / "2_folder.sql");
  auto dir = LocalDir::Open(scratch.path().string());
  ASSERT_TRUE(dir.ok());
  auto files = (*dir)->Files();
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.status().message(), "migrate: read file \"2_folder.sql\": is a directory");
}

TEST(LocalDir, WriteKeepsPermissionsAndLeavesNoTemporaryFiles) {
  ScratchDir scratch;
  auto dir = LocalDir::Open(scratch.path().string());
  ASSERT_TRUE(dir.ok());
  ASSERT_TRUE((*dir)->WriteFile("atlas.sum", "one").ok());
  ::chmod((scratch.path() / "atlas.sum").c_str(), 0600);
  ASSERT_TRUE((*dir)->WriteFile("atlas.sum", "two").ok());
  struct stat st;
  ASSERT_EQ(::stat((scratch.path() / "atlas.sum").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(*(*dir)->ReadFile("atlas.sum"), "two");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(scratch.path())) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST(LocalDir, WriteIntoAMissingSubfolderFails) {
  ScratchDir scratch;
  auto dir = LocalDir::Open(scratch.path().string());
  ASSERT_TRUE(dir.ok());
  Status st = (*dir)->WriteFile("missing/1.sql", "x");
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.message(), "migrate: write file \"missing/1.sql\": no such file or directory");
}

// --- MemDir specifics -------------------------------------------------------------

TEST(MemDir, RemoveAndNames) {
  MemDir dir;
  ASSERT_TRUE(dir.WriteFile("b.sql", "").ok());
  ASSERT_TRUE(dir.WriteFile("a.txt", "").ok());
  EXPECT_EQ(dir.Names(), (std::vector<std::string>{"a.txt", "b.sql"}));
  ASSERT_TRUE(dir.RemoveFile("b.sql").ok());
  EXPECT_EQ(dir.RemoveFile("b.sql").code(), Code::kNotFound);
  EXPECT_TRUE(dir.Files()->empty());
}

// --- Checkpoints ------------------------------------------------------------------------

TEST(Checkpoints, WriteAndSelect) {
  MemDir dir;
  ASSERT_TRUE(dir.WriteFile("1_first.sql", "CREATE TABLE a (id int);\n").ok());
  ASSERT_TRUE(dir.WriteFile("2_second.sql", "CREATE TABLE b (id int);\n").ok());
  ASSERT_TRUE(
      WriteCheckpoint(dir, "3_checkpoint.sql", "", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n").ok());
  ASSERT_TRUE(dir.WriteFile("4_fourth.sql", "CREATE TABLE c (id int);\n").ok());
  ASSERT_TRUE(
      WriteCheckpoint(dir, "5_checkpoint.sql", "v2", "-- atlas:txmode none\n\nCREATE TABLE d (id int);\n").ok());
  ASSERT_TRUE(dir.WriteFile("6_sixth.sql", "CREATE TABLE e (id int);\n").ok());

  EXPECT_EQ(*dir.ReadFile("3_checkpoint.sql"),
            "-- atlas:checkpoint\n\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");
  EXPECT_EQ(*dir.ReadFile("5_checkpoint.sql"),
            "-- atlas:checkpoint v2\n-- atlas:txmode none\n\nCREATE TABLE d (id int);\n");

  EXPECT_EQ(Names(*CheckpointFiles(dir)), (std::vector<std::string>{"3_checkpoint.sql", "5_checkpoint.sql"}));
  EXPECT_EQ(Names(*FilesFromCheckpoint(dir, "3_checkpoint.sql")),
            (std::vector<std::string>{"3_checkpoint.sql", "4_fourth.sql", "5_checkpoint.sql", "6_sixth.sql"}));
  EXPECT_EQ(Names(*FilesFromLastCheckpoint(dir)), (std::vector<std::string>{"5_checkpoint.sql", "6_sixth.sql"}));
  EXPECT_EQ(Names(SkipCheckpointFiles(*dir.Files())),
            (std::vector<std::string>{"1_first.sql", "2_second.sql", "4_fourth.sql", "6_sixth.sql"}));

  auto missing = FilesFromCheckpoint(dir, "4_fourth.sql");  // exists, but is no checkpoint
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "no checkpoint found");
  EXPECT_EQ(missing.status().code(), Code::kNotFound);
}

TEST(Checkpoints, NoCheckpointMeansAllFiles) {
  MemDir dir;
  ASSERT_TRUE(dir.WriteFile("1.sql", "").ok());
  ASSERT_TRUE(dir.WriteFile("2.sql", "").ok());
  EXPECT_EQ(Names(*FilesFromLastCheckpoint(dir)), (std::vector<std::string>{"1.sql", "2.sql"}));
  EXPECT_TRUE(CheckpointFiles(dir)->empty());
}

}  // namespace
}  // namespace strata::migrate
