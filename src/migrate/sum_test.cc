#include "migrate/sum.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>

#include "base/base64.h"
#include "base/sha256.h"
#include "migrate/dir.h"

namespace strata::migrate {
namespace {

namespace fs = std::filesystem;

using NamedContent = std::pair<std::string, std::string>;

// --- An independent implementation of the atlas.sum algorithm ---------------
//
// Written differently from sum.cc on purpose: no running hasher and no
// digest-of-a-copy. Every entry hash is the SHA-256 of the whole stream fed
// so far, rebuilt from scratch, and the "atlas:sum ignore" rule is Atlas's own
// regular expression run by std::regex instead of the hand-written matcher.
std::string ReferenceSumFile(std::vector<NamedContent> files) {
  std::sort(files.begin(), files.end());  // byte-wise by name (names are unique)
  static const std::regex kDirective(R"(^([ -~]*)atlas:(\w+)(?: +([ -~]*))*)");
  std::string stream, entry_lines, total_input;
  for (const auto& [name, content] : files) {
    stream += name;
    std::smatch m;
    const bool ignored = std::regex_search(content, m, kDirective, std::regex_constants::match_continuous) &&
                         m[2].str() == "sum" && m[3].str() == "ignore";
    if (ignored) continue;
    stream += content;
    const std::string hash = Base64Encode(Sha256::Hash(stream));
    entry_lines += name + " h1:" + hash + "\n";
    total_input += name + hash;
  }
  return "h1:" + Base64Encode(Sha256::Hash(total_input)) + "\n" + entry_lines;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A scratch directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "strata-migrate-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  void Write(const std::string& name, const std::string& data) const {
    std::ofstream(path_ / name, std::ios::binary) << data;
  }

 private:
  fs::path path_;
};

// --- Atlas's own vectors ---------------------------------------------------------

TEST(AtlasSum, ReproducesAtlasCliTestdataByteForByte) {
  const fs::path dir_path = fs::path(STRATA_SOURCE_DIR) / "testdata" / "migrate" / "atlas-sqlite";
  auto dir = LocalDir::Open(dir_path.string());
  ASSERT_TRUE(dir.ok()) << dir.status().message();
  auto sum = (*dir)->Checksum();
  ASSERT_TRUE(sum.ok()) << sum.status().message();
  const std::string want = ReadAll(dir_path / "atlas.sum");
  EXPECT_EQ(sum->MarshalText(), want);
  EXPECT_EQ("h1:" + sum->Sum(), "h1:GMi7mvWSIHv0I/Wrc2NCGVt9Z5hWZbPa6wL986t7Z2o=");
  EXPECT_TRUE(Validate(**dir).ok());
  // The reference agrees too.
  auto listed = (*dir)->Files();
  ASSERT_TRUE(listed.ok());
  std::vector<NamedContent> files;
  for (const File& f : *listed) files.emplace_back(f.name(), f.bytes());
  EXPECT_EQ(ReferenceSumFile(files), want);
}

TEST(AtlasSum, ReproducesAtlasSqlite2Vector) {
  // cmd/atlas/internal/cmdapi/testdata/sqlite2 in ariga/atlas.
  MemDir dir;
  ASSERT_TRUE(
      dir.WriteFile("20220318104614_initial.sql", "-- create \"tbl\" table\nCREATE TABLE tbl (`col` int NOT NULL);\n")
          .ok());
  ASSERT_TRUE(dir.WriteFile("20220318104615_second.sql",
                            "ALTER TABLE `tbl` ADD `col_2` bigint;\n"
                            "asdasd ALTER TABLE `tbl` ADD `col_3` bigint; -- will fail\n"
                            "ALTER TABLE `tbl` ADD `col_4` bigint;\n")
                  .ok());
  auto sum = dir.Checksum();
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(sum->MarshalText(),
            "h1:lXdG49p5Vr5b9eARNKq3Gkgd+flbQXDM+XDyB6b2nzw=\n"
            "20220318104614_initial.sql h1:FifWjY2X0g2YVnb18Qm+QBPvoldDOOob7bS0LrFuCXc=\n"
            "20220318104615_second.sql h1:UA1TOODS2yU138E2HBlChe/O8vSmTRxkHs4OJOUK3K8=\n");
}

// --- Generated directories against the reference ---------------------------

template <size_t N>
std::string Bytes(const char (&literal)[N]) {
  return std::string(literal, N - 1);
}

std::string RandomName(std::mt19937& rng, int index) {
  static const std::vector<std::string> kDescs = {"",         "_init",  "_add_users", "_x",
                                                  "_Ünïcode", "_a.b-c", "_",          "_multi_part_name"};
  static const std::vector<std::string> kVersions = {"1", "2", "10", "1.1", "2.10.x-20", "20220318104614",
                                                     "A", "a", "001"};
  return kVersions[rng() % kVersions.size()] + std::to_string(index) + kDescs[rng() % kDescs.size()] + ".sql";
}

std::string RandomContent(std::mt19937& rng) {
  static const std::vector<std::string> kFirstLines = {
      "-- atlas:sum ignore\n",         // ignored
      "atlas:sum ignore\n",            // ignored: any printable prefix
      "/* atlas:sum ignore */\n",      // NOT ignored: argument "ignore */"
      "-- atlas:sum ignore\r\n",       // ignored: the argument stops at '\r'
      "-- atlas:sum ignore \n",        // NOT ignored: argument "ignore "
      "-- atlas:sum  ignore\n",        // ignored: several spaces before the argument
      "-- atlas:sum\tignore\n",        // NOT ignored: a tab is no separator
      "-- atlas:sum ignored\n",        // NOT ignored
      "-- atlas:txmode none\n",        // another directive
      "-- create \"t\" table\n",       // plain comment
      "CREATE TABLE t (id int);\r\n",  // CRLF content
      "",                              // empty file
  };
  static const std::vector<std::string> kBodies = {
      "CREATE TABLE users (id int NOT NULL, name varchar(255));\n",
      "ALTER TABLE users ADD COLUMN email text;\r\nALTER TABLE users ADD COLUMN age int;\r\n",
      "-- atlas:sum ignore\n",                            // only line 1 counts
      Bytes("INSERT INTO b VALUES ('\x00\xff\xfe');\n"),  // binary, NUL included
      "SELECT 'ünïcödé';\n",
      std::string(200, 'x') + "\n",  // spans several SHA-256 blocks
      "",
  };
  std::string out = kFirstLines[rng() % kFirstLines.size()];
  const int bodies = static_cast<int>(rng() % 4);
  for (int i = 0; i < bodies; ++i) out += kBodies[rng() % kBodies.size()];
  return out;
}

TEST(AtlasSum, MatchesReferenceOnGeneratedDirectories) {
  std::mt19937 rng(20240611);
  int ignored_seen = 0, crlf_seen = 0;
  for (int round = 0; round < 60; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    std::vector<NamedContent> files;
    const int n = static_cast<int>(rng() % 10);
    for (int i = 0; i < n; ++i) files.emplace_back(RandomName(rng, i), RandomContent(rng));

    MemDir mem;
    TempDir tmp;
    for (const auto& [name, content] : files) {
      ASSERT_TRUE(mem.WriteFile(name, content).ok());
      tmp.Write(name, content);
      ignored_seen += File(name, content).SumIgnored();
      crlf_seen += content.find("\r\n") != std::string::npos;
    }
    // Entries that are not migration files must not count.
    ASSERT_TRUE(mem.WriteFile("README.md", "not a migration").ok());
    ASSERT_TRUE(mem.WriteFile("atlas.sum", "stale").ok());
    tmp.Write("notes.sql.bak", "not a migration");
    fs::create_directory(tmp.path() / "nested");
    tmp.Write("nested/9_deep.sql", "SELECT 1;");

    const std::string want = ReferenceSumFile(files);
    auto mem_sum = mem.Checksum();
    ASSERT_TRUE(mem_sum.ok());
    EXPECT_EQ(mem_sum->MarshalText(), want);

    auto local = LocalDir::Open(tmp.path().string());
    ASSERT_TRUE(local.ok());
    auto local_sum = (*local)->Checksum();
    ASSERT_TRUE(local_sum.ok()) << local_sum.status().message();
    EXPECT_EQ(local_sum->MarshalText(), want);

    // Written, read back and validated.
    ASSERT_TRUE(WriteSumFile(**local, *local_sum).ok());
    EXPECT_EQ(ReadAll(tmp.path() / "atlas.sum"), want);
    auto parsed = HashFile::UnmarshalText(want);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, *local_sum);
    EXPECT_TRUE(Validate(**local).ok());
  }
  EXPECT_GT(ignored_seen, 5);  // the generator did exercise the interesting cases
  EXPECT_GT(crlf_seen, 5);
}

// --- atlas:sum ignore ----------------------------------------------------------

TEST(AtlasSum, IgnoredFileCountsByNameOnly) {
  MemDir a, b;
  ASSERT_TRUE(a.WriteFile("1_a.sql", "SELECT 1;\n").ok());
  ASSERT_TRUE(a.WriteFile("2_skip.sql", "-- atlas:sum ignore\nSELECT 2;\n").ok());
  ASSERT_TRUE(a.WriteFile("3_c.sql", "SELECT 3;\n").ok());
  auto sum = a.Checksum();
  ASSERT_TRUE(sum.ok());
  ASSERT_EQ(sum->entries().size(), 2u);
  EXPECT_EQ(sum->entries()[1].name, "3_c.sql");
  // Editing the ignored file's body changes nothing...
  ASSERT_TRUE(b.WriteFile("1_a.sql", "SELECT 1;\n").ok());
  ASSERT_TRUE(b.WriteFile("2_skip.sql", "-- atlas:sum ignore\nSELECT 'anything else';\n").ok());
  ASSERT_TRUE(b.WriteFile("3_c.sql", "SELECT 3;\n").ok());
  EXPECT_EQ(b.Checksum()->MarshalText(), sum->MarshalText());
  // ...but its name still feeds the hashes of the files after it.
  ASSERT_TRUE(b.RemoveFile("2_skip.sql").ok());
  ASSERT_TRUE(b.WriteFile("2_renamed.sql", "-- atlas:sum ignore\n").ok());
  auto renamed = b.Checksum();
  EXPECT_EQ(renamed->entries()[0], sum->entries()[0]);
  EXPECT_NE(renamed->entries()[1].hash, sum->entries()[1].hash);
}

// --- Text format -------------------------------------------------------------------

TEST(HashFileText, RoundTrip) {
  HashFile f(std::vector<HashEntry>{{"1_a.sql", "FifWjY2X0g2YVnb18Qm+QBPvoldDOOob7bS0LrFuCXc="},
                                    {"2_b.sql", "wbPDlODOQeixCiopAhlT7W4xOO9TgJxzjYjxf4TA2f4="}});
  const std::string text = f.MarshalText();
  EXPECT_EQ(text.substr(0, 3), "h1:");
  EXPECT_EQ(text.find('\n'), 47u);  // "h1:" + 44 base64 characters
  auto back = HashFile::UnmarshalText(text);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, f);
  EXPECT_EQ(*back->SumByName("2_b.sql"), "wbPDlODOQeixCiopAhlT7W4xOO9TgJxzjYjxf4TA2f4=");
  EXPECT_EQ(back->SumByName("3.sql").status().code(), Code::kNotFound);
  EXPECT_EQ(back->SumByName("3.sql").status().message(), "checksum not found");
}

TEST(HashFileText, EmptyDirectory) {
  HashFile empty;
  EXPECT_EQ(empty.MarshalText(), "h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");  // sha256 of nothing
  EXPECT_TRUE(HashFile::UnmarshalText(empty.MarshalText()).ok());
}

TEST(HashFileText, ToleratesCrlfAndAMissingFinalNewline) {
  HashFile f(std::vector<HashEntry>{{"1_a.sql", "abc="}});
  std::string crlf = "h1:" + f.Sum() + "\r\n1_a.sql h1:abc=\r\n";
  auto a = HashFile::UnmarshalText(crlf);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(*a, f);
  auto b = HashFile::UnmarshalText("h1:" + f.Sum() + "\n1_a.sql h1:abc=");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*b, f);
  // Names are trimmed; the hash text is taken as is.
  auto c = HashFile::UnmarshalText("h1:" + f.Sum() + "\n  1_a.sql   h1:abc=\n");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(*c, f);
}

TEST(HashFileText, Errors) {
  HashFile f(std::vector<HashEntry>{{"1_a.sql", "abc="}});
  // A line without "h1:" is a format error; so is a blank line.
  auto bad = HashFile::UnmarshalText("h1:" + f.Sum() + "\n1_a.sql abc=\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "checksum file format invalid");
  EXPECT_EQ(bad.status().code(), Code::kChecksumMismatch);
  EXPECT_EQ(HashFile::UnmarshalText("h1:" + f.Sum() + "\n\n1_a.sql h1:abc=\n").status().message(),
            "checksum file format invalid");
  // A directory hash that does not match the entries.
  auto tampered = HashFile::UnmarshalText("h1:" + f.Sum() + "\n1_a.sql h1:abd=\n");
  ASSERT_FALSE(tampered.ok());
  EXPECT_EQ(tampered.status().message(), "checksum mismatch");
  EXPECT_EQ(tampered.status().code(), Code::kChecksumMismatch);
  // An empty file claims no hash at all.
  EXPECT_EQ(HashFile::UnmarshalText("").status().message(), "checksum mismatch");
}

// --- Validate ---------------------------------------------------------------------------

// A directory with files 1..n and a matching atlas.sum.
void Seed(MemDir& dir, int n) {
  for (int i = 1; i <= n; ++i) {
    ASSERT_TRUE(dir.WriteFile(std::to_string(i) + "_f.sql", "SELECT " + std::to_string(i) + ";\n").ok());
  }
  ASSERT_TRUE(WriteSumFile(dir, *dir.Checksum()).ok());
}

ChecksumError MustFail(const Dir& dir) {
  std::optional<ChecksumError> detail;
  Status st = Validate(dir, &detail);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Code::kChecksumMismatch);
  EXPECT_EQ(st.message(), "checksum mismatch");
  EXPECT_TRUE(detail.has_value());
  return detail.value_or(ChecksumError{});
}

// Byte offset of line `line` (1-based) in a canonical sum of files "<i>_f.sql".
int64_t LineOffset(int line) { return 48 + static_cast<int64_t>(line - 2) * (7 + 49); }

TEST(Validate, EmptyDirectoryWithoutSumIsValid) {
  MemDir dir;
  EXPECT_TRUE(Validate(dir).ok());
  ASSERT_TRUE(dir.WriteFile("README.md", "no migrations yet").ok());
  EXPECT_TRUE(Validate(dir).ok());
}

TEST(Validate, FilesWithoutSum) {
  MemDir dir;
  ASSERT_TRUE(dir.WriteFile("1_initial.sql", "create table t1 (c1 int)").ok());
  std::optional<ChecksumError> detail;
  Status st = Validate(dir, &detail);
  EXPECT_EQ(st.code(), Code::kNotFound);
  EXPECT_EQ(st.message(), "checksum file not found");
  EXPECT_FALSE(detail.has_value());
  EXPECT_EQ(ChecksumErrorReport(detail),
            "You have a checksum error in your migration directory.\n"
            "Please check your migration files and run 'atlas migrate hash' to re-hash the contents\n\n");
}

TEST(Validate, InSync) {
  MemDir dir;
  Seed(dir, 3);
  std::optional<ChecksumError> detail = ChecksumError{};
  EXPECT_TRUE(Validate(dir, &detail).ok());
  EXPECT_FALSE(detail.has_value());
}

TEST(Validate, AddedAtTheEnd) {
  // Atlas's own CLI test: one hashed file, then 2_second.sql is added.
  MemDir dir;
  ASSERT_TRUE(dir.WriteFile("1_initial.sql", "create table t1 (c1 int)").ok());
  ASSERT_TRUE(WriteSumFile(dir, *dir.Checksum()).ok());
  ASSERT_TRUE(dir.WriteFile("2_second.sql", "create table t2 (c2 int)").ok());
  ChecksumError e = MustFail(dir);
  EXPECT_EQ(e, (ChecksumError{3, "2_second.sql", ChecksumReason::kAdded, 48 + 13 + 49}));
  EXPECT_EQ(e.Pointer(), "L3: 2_second.sql was added");
  EXPECT_EQ(ChecksumErrorReport(e),
            "You have a checksum error in your migration directory.\n"
            "\n\tL3: 2_second.sql was added\n\n"
            "Please check your migration files and run 'atlas migrate hash' to re-hash the contents\n\n");
}

TEST(Validate, AddedInTheMiddle) {
  MemDir dir;
  Seed(dir, 3);
  ASSERT_TRUE(dir.WriteFile("2a_f.sql", "SELECT 'new';\n").ok());  // sorts between 2_ and 3_
  ChecksumError e = MustFail(dir);
  EXPECT_EQ(e, (ChecksumError{4, "2a_f.sql", ChecksumReason::kAdded, LineOffset(4)}));
}

TEST(Validate, AddedFirst) {
  MemDir dir;
  Seed(dir, 2);
  ASSERT_TRUE(dir.WriteFile("0_f.sql", "SELECT 0;\n").ok());
  EXPECT_EQ(MustFail(dir), (ChecksumError{2, "0_f.sql", ChecksumReason::kAdded, 48}));
}

TEST(Validate, Edited) {
  MemDir dir;
  Seed(dir, 3);
  ASSERT_TRUE(dir.WriteFile("2_f.sql", "SELECT 'changed';\n").ok());
  ChecksumError e = MustFail(dir);
  EXPECT_EQ(e, (ChecksumError{3, "2_f.sql", ChecksumReason::kEdited, LineOffset(3)}));
  EXPECT_EQ(e.Pointer(), "L3: 2_f.sql was edited");
}

TEST(Validate, EditedByLineEndingsOnly) {
  MemDir dir;
  Seed(dir, 2);
  ASSERT_TRUE(dir.WriteFile("1_f.sql", "SELECT 1;\r\n").ok());
  EXPECT_EQ(MustFail(dir), (ChecksumError{2, "1_f.sql", ChecksumReason::kEdited, 48}));
}

TEST(Validate, RemovedInTheMiddleAndAtTheEnd) {
  MemDir middle;
  Seed(middle, 3);
  ASSERT_TRUE(middle.RemoveFile("2_f.sql").ok());
  EXPECT_EQ(MustFail(middle), (ChecksumError{3, "2_f.sql", ChecksumReason::kRemoved, LineOffset(3)}));

  MemDir last;
  Seed(last, 3);
  ASSERT_TRUE(last.RemoveFile("3_f.sql").ok());
  EXPECT_EQ(MustFail(last), (ChecksumError{4, "3_f.sql", ChecksumReason::kRemoved, LineOffset(4)}));
}

TEST(Validate, RenamedReadsAsRemoved) {
  MemDir dir;
  Seed(dir, 2);
  ASSERT_TRUE(dir.RemoveFile("2_f.sql").ok());
  ASSERT_TRUE(dir.WriteFile("2_g.sql", "SELECT 2;\n").ok());
  EXPECT_EQ(MustFail(dir), (ChecksumError{3, "2_f.sql", ChecksumReason::kRemoved, LineOffset(3)}));
}

TEST(Validate, InconsistentSumFileHasNoPointer) {
  // Swapping two entry lines keeps every entry but breaks the directory hash:
  // the sum file disagrees with itself, so no line can be blamed.
  MemDir dir;
  Seed(dir, 2);
  std::string text = *dir.ReadFile("atlas.sum");
  const size_t l2 = text.find('\n') + 1, l3 = text.find('\n', l2) + 1;
  text = text.substr(0, l2) + text.substr(l3) + text.substr(l2, l3 - l2);
  ASSERT_TRUE(dir.WriteFile("atlas.sum", text).ok());
  std::optional<ChecksumError> detail;
  Status st = Validate(dir, &detail);
  EXPECT_EQ(st.code(), Code::kChecksumMismatch);
  EXPECT_EQ(st.message(), "checksum mismatch");
  EXPECT_FALSE(detail.has_value());
}

TEST(Validate, MalformedSumFile) {
  MemDir dir;
  Seed(dir, 1);
  ASSERT_TRUE(dir.WriteFile("atlas.sum", "h1:x\ngarbage\n").ok());
  Status st = Validate(dir);
  EXPECT_EQ(st.code(), Code::kChecksumMismatch);
  EXPECT_EQ(st.message(), "checksum file format invalid");
}

TEST(Validate, AddedIgnoredFileShowsAsTheNextEntryEdited) {
  // An ignored file has no entry, but its name shifts the hashes after it.
  MemDir dir;
  Seed(dir, 2);
  ASSERT_TRUE(dir.WriteFile("1a_f.sql", "-- atlas:sum ignore\n").ok());
  EXPECT_EQ(MustFail(dir), (ChecksumError{3, "2_f.sql", ChecksumReason::kEdited, LineOffset(3)}));
}

TEST(FindChecksumError, AgreesWhenEqual) {
  HashFile f(std::vector<HashEntry>{{"1.sql", "a"}});
  EXPECT_FALSE(FindChecksumError(f, f).has_value());
}

TEST(Validate, LocalDirectoryEndToEnd) {
  TempDir tmp;
  tmp.Write("1_init.sql", "CREATE TABLE t (id int);\n");
  auto dir = LocalDir::Open(tmp.path().string());
  ASSERT_TRUE(dir.ok());
  EXPECT_EQ(Validate(**dir).code(), Code::kNotFound);
  ASSERT_TRUE(WriteSumFile(**dir, *(*dir)->Checksum()).ok());
  EXPECT_TRUE(Validate(**dir).ok());
  tmp.Write("1_init.sql", "CREATE TABLE t (id bigint);\n");
  std::optional<ChecksumError> detail;
  EXPECT_EQ(Validate(**dir, &detail).code(), Code::kChecksumMismatch);
  ASSERT_TRUE(detail.has_value());
  EXPECT_EQ(detail->Pointer(), "L2: 1_init.sql was edited");
}

}  // namespace
}  // namespace strata::migrate
