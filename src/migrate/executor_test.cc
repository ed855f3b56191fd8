#include "migrate/executor.h"

#include <gtest/gtest.h>

#include "migrate/sum.h"

namespace strata::migrate {
namespace {

// Records what the executor runs; fails statements containing `fail_on`.
class FakeSession : public Session {
 public:
  Status Exec(const std::string& stmt) override {
    log.push_back(stmt);
    if (!fail_on.empty() && stmt.find(fail_on) != std::string::npos) return ExecError("boom");
    ran.push_back(stmt);
    return Status::Ok();
  }
  Status Begin() override {
    log.push_back("BEGIN");
    return Status::Ok();
  }
  Status Commit() override {
    log.push_back("COMMIT");
    return Status::Ok();
  }
  Status Rollback() override {
    log.push_back("ROLLBACK");
    return Status::Ok();
  }
  std::vector<std::string> log, ran;
  std::string fail_on;
};

class DirtyStore : public MemRevisionStore {
 public:
  DirtyStore() { dirty_reason = "found table \"t\""; }
};

struct Fixture {
  MemDir dir;
  MemRevisionStore revs;
  FakeSession session;
  void Add(const std::string& name, const std::string& body) { ASSERT_TRUE(dir.WriteFile(name, body).ok()); }
  Executor Exec(ExecOptions o = {}, RevisionStore* store = nullptr) {
    return Executor(dir, store ? *store : revs, session, ScannerOptionsFor(ScanDialect::kSQLite), o);
  }
  std::vector<std::string> PendingNames(ExecOptions o = {}) {
    auto p = Exec(o).Pending();
    std::vector<std::string> names;
    if (p.ok())
      for (const File& f : *p) names.push_back(f.name());
    return names;
  }
  void Rev(const std::string& v, int64_t applied = 1, int64_t total = 1) {
    Revision r;
    r.version = v;
    r.applied = applied;
    r.total = total;
    ASSERT_TRUE(revs.Write(r).ok());
  }
};

using Names = std::vector<std::string>;

TEST(ParseTest, ModesAndOrders) {
  EXPECT_EQ(*ParseTxMode("all"), TxMode::kAll);
  EXPECT_EQ(ParseTxMode("x").status().message(), "unknown tx-mode \"x\"");
  EXPECT_EQ(*ParseExecOrder("LINEAR_SKIP"), ExecOrder::kLinearSkip);
  EXPECT_EQ(*ParseExecOrder("non-linear"), ExecOrder::kNonLinear);
  EXPECT_EQ(ParseExecOrder("x").status().message(), "unknown execution order: \"x\"");
}

TEST(PendingTest, CleanDatabaseRunsEverything) {
  Fixture f;
  f.Add("1_a.sql", "A;");
  f.Add("2_b.sql", "B;");
  EXPECT_EQ(f.PendingNames(), (Names{"1_a.sql", "2_b.sql"}));
}

TEST(PendingTest, NothingToDo) {
  Fixture f;
  f.Add("1_a.sql", "A;");
  f.Rev("1");
  auto p = f.Exec().Pending();
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), Code::kNoPlan);
}

TEST(PendingTest, AmountTruncates) {
  Fixture f;
  f.Add("1_a.sql", "A;");
  f.Add("2_b.sql", "B;");
  f.Add("3_c.sql", "C;");
  ExecOptions o;
  o.amount = 2;
  EXPECT_EQ(f.PendingNames(o), (Names{"1_a.sql", "2_b.sql"}));
}

TEST(PendingTest, DirtyDatabaseNeedsBaselineOrAllowDirty) {
  Fixture f;
  f.Add("1_a.sql", "A;");
  f.Add("2_b.sql", "B;");
  DirtyStore dirty;
  auto p = f.Exec({}, &dirty).Pending();
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().message(),
            "sql/migrate: connected database is not clean: found table \"t\". baseline version or allow-dirty is "
            "required");
  ExecOptions allow;
  allow.allow_dirty = true;
  auto all = f.Exec(allow, &dirty).Pending();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);

  ExecOptions base;
  base.baseline = "1";
  auto after = f.Exec(base, &dirty).Pending();
  ASSERT_TRUE(after.ok()) << after.status().message();
  ASSERT_EQ(after->size(), 1u);
  EXPECT_EQ((*after)[0].name(), "2_b.sql");
  auto rows = dirty.ReadAll();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].type, kRevisionBaseline);
  EXPECT_EQ((*rows)[0].description, "a");

  DirtyStore dirty2;
  ExecOptions missing;
  missing.baseline = "9";
  EXPECT_EQ(f.Exec(missing, &dirty2).Pending().status().message(), "baseline version \"9\" not found");
}

TEST(PendingTest, CheckpointsOnCleanAndUsedDatabases) {
  Fixture f;
  f.Add("1_a.sql", "A;");
  f.Add("2_cp.sql", "-- atlas:checkpoint\n\nCP;");
  f.Add("3_c.sql", "C;");
  EXPECT_EQ(f.PendingNames(), (Names{"2_cp.sql", "3_c.sql"}));
  f.Rev("1");
  EXPECT_EQ(f.PendingNames(), (Names{"3_c.sql"}));  // checkpoints are skipped once revisions exist
}

TEST(PendingTest, PartialCheckpointContinuesWithItself) {
  Fixture f;
  f.Add("1_a.sql", "A;");
  f.Add("2_cp.sql", "-- atlas:checkpoint\n\nCP1;CP2;");
  f.Add("3_c.sql", "C;");
  f.Rev("2", 1, 2);
  EXPECT_EQ(f.PendingNames(), (Names{"2_cp.sql", "3_c.sql"}));
}

TEST(PendingTest, PartialFileIsPendingAgain) {
  Fixture f;
  f.Add("1_a.sql", "A;");
  f.Add("2_b.sql", "B1;B2;");
  f.Rev("1");
  f.Rev("2", 1, 2);
  EXPECT_EQ(f.PendingNames(), (Names{"2_b.sql"}));
}

TEST(PendingTest, ResolvedPartialFileIsDone) {
  Fixture f;
  f.Add("1_a.sql", "A1;A2;");
  f.Add("2_b.sql", "B;");
  Revision r;
  r.version = "1";
  r.type = kRevisionExecuted | kRevisionResolved;
  r.applied = 1;
  r.total = 2;
  ASSERT_TRUE(f.revs.Write(r).ok());
  EXPECT_EQ(f.PendingNames(), (Names{"2_b.sql"}));
}

TEST(PendingTest, PartialFileMissing) {
  Fixture f;
  f.Add("1_a.sql", "A;");
  Revision r;
  r.version = "2";
  r.description = "b";
  r.applied = 1;
  r.total = 2;
  ASSERT_TRUE(f.revs.Write(r).ok());
  EXPECT_EQ(f.Exec().Pending().status().message(),
            "sql/migrate: missing migration: revision \"2\" is partially applied but migration file \"2_b.sql\" "
            "was not found");
}

TEST(PendingTest, ExecOrders) {
  Fixture f;
  f.Add("1_a.sql", "A;");
  f.Add("2_b.sql", "B;");
  f.Add("3_c.sql", "C;");
  f.Add("4_d.sql", "D;");
  f.Add("5_e.sql", "E;");
  f.Rev("1");
  f.Rev("4");
  auto linear = f.Exec().Pending();
  EXPECT_EQ(linear.status().message(),
            "migration files 2_b.sql, 3_c.sql were added out of order. See: "
            "https://atlasgo.io/versioned/apply#non-linear-error");
  ExecOptions skip;
  skip.exec_order = ExecOrder::kLinearSkip;
  EXPECT_EQ(f.PendingNames(skip), (Names{"5_e.sql"}));
  ExecOptions nonlinear;
  nonlinear.exec_order = ExecOrder::kNonLinear;
  EXPECT_EQ(f.PendingNames(nonlinear), (Names{"2_b.sql", "3_c.sql", "5_e.sql"}));
  f.Rev("3");
  EXPECT_EQ(f.Exec().Pending().status().message(),
            "migration file 2_b.sql was added out of order. See: https://atlasgo.io/versioned/apply#non-linear-error");
}

TEST(PendingTest, FilesBeforeFirstRevisionAreNotOutOfOrder) {
  Fixture f;
  f.Add("1_a.sql", "A;");
  f.Add("2_b.sql", "B;");
  f.Add("3_c.sql", "C;");
  f.Rev("2");  // e.g. a baseline
  EXPECT_EQ(f.PendingNames(), (Names{"3_c.sql"}));
}

TEST(ExecuteTest, FileModeWrapsEachFile) {
  Fixture f;
  f.Add("1_a.sql", "A1;\nA2;");
  f.Add("2_b.sql", "B;");
  ASSERT_TRUE(WriteSumFile(f.dir, *f.dir.Checksum()).ok());
  Executor e = f.Exec();
  ASSERT_TRUE(e.ExecuteN(*e.Pending()).ok());
  EXPECT_EQ(f.session.log, (Names{"BEGIN", "A1;", "A2;", "COMMIT", "BEGIN", "B;", "COMMIT"}));
  auto r = *f.revs.Read("1");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->applied, 2);
  EXPECT_EQ(r->total, 2);
  EXPECT_TRUE(r->partial_hashes.empty());
  EXPECT_EQ(r->hash, *f.dir.Checksum()->SumByName("1_a.sql"));
  EXPECT_EQ(r->type, kRevisionExecuted);
  EXPECT_EQ(r->operator_version, "Strata CLI v0.1.0");
}

TEST(ExecuteTest, AllModeIsOneTransaction) {
  Fixture f;
  f.Add("1_a.sql", "A;");
  f.Add("2_b.sql", "B;");
  ExecOptions o;
  o.tx_mode = TxMode::kAll;
  Executor e = f.Exec(o);
  ASSERT_TRUE(e.ExecuteN(*e.Pending()).ok());
  EXPECT_EQ(f.session.log, (Names{"BEGIN", "A;", "B;", "COMMIT"}));
}

TEST(ExecuteTest, AllModeRejectsFileDirectives) {
  Fixture f;
  f.Add("1_a.sql", "-- atlas:txmode none\n\nA;");
  ExecOptions o;
  o.tx_mode = TxMode::kAll;
  Executor e = f.Exec(o);
  Status st = e.ExecuteN(*e.Pending());
  EXPECT_EQ(st.message(), "cannot set txmode directive to \"none\" in \"1_a.sql\" when txmode \"all\" is set globally");
  EXPECT_EQ(f.session.log, (Names{"BEGIN", "ROLLBACK"}));
}

TEST(ExecuteTest, FileDirectiveOverridesMode) {
  Fixture f;
  f.Add("1_a.sql", "-- atlas:txmode none\n\nA;");
  f.Add("2_b.sql", "B;");
  f.Add("3_c.sql", "-- atlas:txmode all\n\nC;");
  Executor e = f.Exec();
  Status st = e.ExecuteN(*e.Pending());
  EXPECT_EQ(f.session.log, (Names{"A;", "BEGIN", "B;", "COMMIT"}));
  EXPECT_EQ(st.message(), "txmode \"all\" is not allowed in file directive \"3_c.sql\". Use \"file\" instead");
}

TEST(ExecuteTest, FailureRecordsErrorAndResumes) {
  Fixture f;
  f.Add("1_a.sql", "A1;\nA2;\nA3;");
  f.session.fail_on = "A2";
  ExecOptions o;
  o.tx_mode = TxMode::kNone;
  Executor e = f.Exec(o);
  Status st = e.ExecuteN(*e.Pending());
  EXPECT_EQ(st.message(), "sql/migrate: executing statement \"A2;\" from version \"1\": boom");
  auto r = *f.revs.Read("1");
  EXPECT_EQ(r->applied, 1);
  EXPECT_EQ(r->total, 3);
  EXPECT_EQ(r->error, "boom");
  EXPECT_EQ(r->error_stmt, "A2;");
  EXPECT_EQ(r->partial_hashes, HashStmts({"A1;"}));

  f.session.fail_on.clear();
  f.session.ran.clear();
  Executor again = f.Exec(o);
  auto p = again.Pending();
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(again.ExecuteN(*p).ok());
  EXPECT_EQ(f.session.ran, (Names{"A2;", "A3;"}));
  r = *f.revs.Read("1");
  EXPECT_EQ(r->applied, 3);
  EXPECT_TRUE(r->error.empty());
  EXPECT_TRUE(r->partial_hashes.empty());
}

TEST(ExecuteTest, HistoryChanged) {
  Fixture f;
  f.Add("1_a.sql", "A1;\nA2;");
  f.session.fail_on = "A2";
  ExecOptions o;
  o.tx_mode = TxMode::kNone;
  Executor e = f.Exec(o);
  ASSERT_FALSE(e.ExecuteN(*e.Pending()).ok());
  f.Add("1_a.sql", "A1 edited;\nA2;");
  f.session.fail_on.clear();
  Executor again = f.Exec(o);
  Status st = again.ExecuteN(*again.Pending());
  EXPECT_EQ(st.message(), "sql/migrate: history changed: statement 1 from file \"1_a.sql\" changed");
}

TEST(ExecuteTest, DryRunRunsAndWritesNothing) {
  Fixture f;
  f.Add("1_a.sql", "A;");
  ExecOptions o;
  o.dry_run = true;
  Executor e = f.Exec(o);
  ASSERT_TRUE(e.ExecuteN(*e.Pending()).ok());
  EXPECT_TRUE(f.session.log.empty());
  EXPECT_TRUE(f.revs.ReadAll()->empty());
}

TEST(ExecuteTest, StopsWhenInterrupted) {
  Fixture f;
  f.Add("1_a.sql", "A;");
  std::atomic<bool> stop{true};
  ExecOptions o;
  o.interrupted = &stop;
  Executor e = f.Exec(o);
  Status st = e.ExecuteN(*e.Pending());
  EXPECT_EQ(st.code(), Code::kAborted);
  EXPECT_TRUE(f.session.ran.empty());
}

TEST(RevisionTest, TypeText) {
  EXPECT_EQ(RevisionTypeText(2), "applied");
  EXPECT_EQ(RevisionTypeText(1), "baseline");
  EXPECT_EQ(RevisionTypeText(4), "manually set");
  EXPECT_EQ(RevisionTypeText(6), "applied + manually set");
}

TEST(RevisionTest, MemStoreHidesCloudRowAndSorts) {
  MemRevisionStore s;
  Revision a, b, c;
  a.version = "2";
  b.version = "10";
  c.version = std::string(kCloudIdentifierVersion);
  ASSERT_TRUE(s.Write(a).ok());
  ASSERT_TRUE(s.Write(b).ok());
  ASSERT_TRUE(s.Write(c).ok());
  auto all = *s.ReadAll();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].version, "10");  // byte order, as Atlas compares versions
  ASSERT_TRUE(s.Delete("10").ok());
  EXPECT_EQ(s.ReadAll()->size(), 1u);
}

}  // namespace
}  // namespace strata::migrate
