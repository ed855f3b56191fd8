// Starts real servers (needs postgresql-15 / mariadb-server installed; each
// test skips when its binaries are missing). No shared server is used.
#include "ephemeral/server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ephemeral/binaries.h"
#include "ephemeral/process.h"
#include "ephemeral/stale.h"

namespace strata::ephemeral {
namespace {
namespace fs = std::filesystem;

// Runs a shell command, returns its stdout (trimmed) and sets *rc.
std::string Sh(const std::string& cmd, int* rc = nullptr) {
  std::string out;
  FILE* f = popen((cmd + " 2>/dev/null").c_str(), "r");
  char buf[512];
  while (f && fgets(buf, sizeof buf, f)) out += buf;
  int st = f ? pclose(f) : -1;
  if (rc) *rc = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string Port(const Url& u) { return u.host.substr(u.host.find(':') + 1); }

class EphemeralServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One cache for every run of these tests (ctest runs each test in its own
    // process): the first start inits, the rest copy.
    static const std::string cache =
        fs::temp_directory_path().string() + "/strata-test-ephemeral-cache-" + std::to_string(geteuid());
    cache_ = cache;
    setenv("STRATA_EPHEMERAL_CACHE", cache_.c_str(), 1);
  }
  void Need(Engine e) {
    if (!FindBinaries(e).ok()) GTEST_SKIP() << "server binaries not installed";
  }
  std::string cache_;
};

std::string Psql(const Url& u, const std::string& sql, int* rc = nullptr) {
  return Sh("psql -X -w -At '" + u.String() + "' -c \"" + sql + "\"", rc);
}

TEST_F(EphemeralServerTest, PostgresStartConnectStop) {
  Need(Engine::kPostgres);
  Request r;
  r.engine = Engine::kPostgres;
  r.database = "dev";
  auto s = Start(r);
  ASSERT_TRUE(s.ok()) << s.status().message();
  const Url& u = (*s)->url();
  EXPECT_EQ(u.scheme, "postgres");
  EXPECT_EQ(u.host.rfind("127.0.0.1:", 0), 0u);
  EXPECT_EQ(u.path, "/dev");
  EXPECT_EQ(u.password.size(), 32u);
  EXPECT_EQ(u.Redacted().find(u.password), std::string::npos);
  EXPECT_EQ(Psql(u, "SELECT current_database() || ',' || current_user || ',' || current_setting('fsync')"),
            "dev,postgres,off");
  // The password is required over TCP.
  Url nopw = u;
  nopw.has_password = false;
  int rc = 0;
  Psql(nopw, "SELECT 1", &rc);
  EXPECT_NE(rc, 0);
  std::string dir = (*s)->dir();
  pid_t spid = (*s)->server_pid();
  struct stat st {};
  ASSERT_EQ(stat(dir.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  if (geteuid() == 0) {
    auto pg = LookupUser("postgres");
    ASSERT_TRUE(pg.ok());
    EXPECT_EQ(st.st_uid, pg->uid) << "as root the server runs as postgres";
  }
  EXPECT_TRUE(ProcessAlive(spid));
  EXPECT_NE(getsid(spid), getsid(0)) << "no terminal signal reaches the server";
  std::cout << "postgres start: " << (*s)->timings().Describe() << "\n";
  ASSERT_TRUE((*s)->Stop().ok());
  EXPECT_FALSE(fs::exists(dir)) << "Stop waits for the temp dir to be removed";
  EXPECT_FALSE(ProcessAlive(spid));
  EXPECT_TRUE((*s)->Stop().ok()) << "idempotent";
}

TEST_F(EphemeralServerTest, PostgresSchemaScope) {
  Need(Engine::kPostgres);
  auto url = Url::Parse("ephemeral://postgres/app?search_path=s1");
  auto r = ParseRequest(*url);
  ASSERT_TRUE(r.ok());
  auto s = Start(*r);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ((*s)->url().path, "/app");
  EXPECT_EQ((*s)->url().Query("search_path"), "s1");
  EXPECT_EQ((*s)->url().Query("sslmode"), "disable");
  Url plain = (*s)->url();
  plain.raw_query = "sslmode=disable";  // psql does not know search_path
  EXPECT_EQ(Psql(plain, "SELECT current_database() || '.' || nspname FROM pg_namespace WHERE nspname = 's1'"),
            "app.s1");
}

TEST_F(EphemeralServerTest, ColdStartInitsAndFillsTheCache) {
  Need(Engine::kPostgres);
  std::string t = fs::temp_directory_path().string() + "/strata-test-ephemeral-cold-XXXXXX";
  ASSERT_NE(mkdtemp(t.data()), nullptr);
  setenv("STRATA_EPHEMERAL_CACHE", t.c_str(), 1);
  Request r;
  r.database = "dev";
  auto cold = Start(r);
  ASSERT_TRUE(cold.ok()) << cold.status().message();
  EXPECT_FALSE((*cold)->timings().from_cache);
  std::cout << "postgres cold start (initdb): " << (*cold)->timings().Describe() << "\n";
  auto warm = Start(r);
  ASSERT_TRUE(warm.ok()) << warm.status().message();
  EXPECT_TRUE((*warm)->timings().from_cache);
  std::cout << "postgres warm start (template copy): " << (*warm)->timings().Describe() << "\n";
  EXPECT_NE((*cold)->url().host, (*warm)->url().host) << "two servers, two ports";
  EXPECT_NE((*cold)->url().password, (*warm)->url().password);
  EXPECT_EQ(Psql((*warm)->url(), "SELECT 1"), "1");
  setenv("STRATA_EPHEMERAL_CACHE", "off", 1);
  auto nocache = Start(r);
  ASSERT_TRUE(nocache.ok()) << nocache.status().message();
  EXPECT_FALSE((*nocache)->timings().from_cache);
  fs::remove_all(t);
}

// The port found free is taken before the server binds it: Start retries on another port.
TEST_F(EphemeralServerTest, PortTakenRetries) {
  Need(Engine::kPostgres);
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  ASSERT_EQ(listen(fd, 1), 0);
  ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len), 0);
  int taken = ntohs(a.sin_port);
  Request r;
  r.database = "dev";
  StartOptions o;
  o.first_port = taken;
  auto s = Start(r, o);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_NE(Port((*s)->url()), std::to_string(taken));
  EXPECT_EQ(Psql((*s)->url(), "SELECT 1"), "1");
  o.port_attempts = 1;  // no retry: the bind error is reported
  auto f = Start(r, o);
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("already in use"), std::string::npos) << f.status().message();
  close(fd);
}

// A set interrupt flag stops the wait for the server (and cleans up).
TEST_F(EphemeralServerTest, InterruptedStart) {
  Need(Engine::kPostgres);
  std::atomic<bool> stop{true};
  StartOptions o;
  o.interrupted = &stop;
  Request r;
  r.database = "dev";
  auto t0 = std::chrono::steady_clock::now();
  auto s = Start(r, o);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Code::kAborted);
  // Start returns after the half-started server is stopped: promptly, even
  // though sh had it ignore the first SIGQUIT (the watchdog repeats it).
  EXPECT_LT(secs, 5.0);
}

// kill -9 of the process that started the server: its watchdog sees the pipe
// close, stops the server and removes the temp dir.
TEST_F(EphemeralServerTest, KilledParentStopsServer) {
  Need(Engine::kPostgres);
  int p[2];
  ASSERT_EQ(pipe(p), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(p[0]);
    Request r;
    r.database = "dev";
    auto s = Start(r);
    std::string msg = s.ok() ? (*s)->dir() + "\n" + std::to_string((*s)->server_pid()) + "\n" : "error\n";
    if (write(p[1], msg.data(), msg.size()) < 0) _exit(1);
    pause();
    _exit(0);
  }
  close(p[1]);
  std::string got;
  char buf[256];
  ssize_t n;
  while ((n = read(p[0], buf, sizeof buf)) > 0) {
    got.append(buf, n);
    if (std::count(got.begin(), got.end(), '\n') >= 2) break;
  }
  close(p[0]);
  ASSERT_NE(got.rfind("error", 0), 0u);
  std::string dir = got.substr(0, got.find('\n'));
  pid_t spid = std::stoi(got.substr(got.find('\n') + 1));
  ASSERT_TRUE(ProcessAlive(spid));
  ASSERT_TRUE(fs::exists(dir));
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  bool gone = false;
  const std::string count_procs = "ps -eo args | grep -F -- '" + dir + "' | grep -v grep | wc -l";
  for (int i = 0; i < 500 && !gone; i++) {  // up to 5 s
    // The watchdog itself exits just after removing the directory.
    gone = !ProcessAlive(spid) && !fs::exists(dir) && Sh(count_procs) == "0";
    if (!gone) usleep(10000);
  }
  EXPECT_TRUE(gone) << "server " << spid << ", " << dir << " or a process naming it left behind";
}

// If the watchdog itself is killed, the next start removes the orphan.
TEST_F(EphemeralServerTest, NextStartSweepsAnOrphanedServer) {
  Need(Engine::kPostgres);
  Request r;
  r.database = "dev";
  auto first = Start(r);
  ASSERT_TRUE(first.ok()) << first.status().message();
  std::string dir = (*first)->dir();
  pid_t spid = (*first)->server_pid();
  pid_t watchdog = (*first)->watchdog_pid();
  ASSERT_EQ(kill(watchdog, SIGKILL), 0);
  // kill() returns before the watchdog is gone; a start that sweeps while it
  // still runs rightly leaves its server alone.
  for (int i = 0; i < 500 && ProcessMentions(watchdog, dir); i++) usleep(10000);
  ASSERT_FALSE(ProcessMentions(watchdog, dir));
  // The server outlives its killed watchdog until some start sweeps it:
  // ours below, or one of a concurrently running test (ctest -j2), so its
  // liveness here is not asserted.
  auto second = Start(r);
  ASSERT_TRUE(second.ok()) << second.status().message();
  // A concurrent sweep may still be removing the directory when the server is gone.
  for (int i = 0; i < 1000 && (ProcessAlive(spid) || fs::exists(dir)); i++) usleep(10000);
  EXPECT_FALSE(ProcessAlive(spid));
  EXPECT_FALSE(fs::exists(dir));
  EXPECT_TRUE(fs::exists((*second)->dir())) << "a live server is left alone";
  EXPECT_EQ(Psql((*second)->url(), "SELECT 1"), "1");
}

TEST_F(EphemeralServerTest, MariaDBStartConnectStop) {
  Need(Engine::kMariaDB);
  for (const char* raw : {"ephemeral://mariadb/shop", "ephemeral://mysql"}) {
    auto r = ParseRequest(*Url::Parse(raw));
    ASSERT_TRUE(r.ok());
    auto s = Start(*r);
    ASSERT_TRUE(s.ok()) << s.status().message();
    const Url& u = (*s)->url();
    EXPECT_EQ(u.scheme, "mysql");
    EXPECT_EQ(u.user, "root");
    std::string base = "mariadb --no-defaults --protocol=tcp -h127.0.0.1 -P" + Port(u) + " -uroot";
    int rc = -1;
    std::string out = Sh(base + " -p" + u.password + " -N -e 'SELECT @@skip_networking, @@log_bin; SHOW DATABASES LIKE \"shop\"'", &rc);
    EXPECT_EQ(rc, 0) << raw;
    bool db_scope = std::string(raw).find("/shop") != std::string::npos;
    EXPECT_EQ(u.path, db_scope ? "/shop" : "/");
    EXPECT_EQ(out, db_scope ? "0\t0\nshop" : "0\t0") << raw;
    Sh(base + " -N -e 'SELECT 1'", &rc);
    EXPECT_NE(rc, 0) << "root needs the password";
    EXPECT_FALSE(fs::exists((*s)->dir() + "/init.sql")) << "the password file is removed once started";
    std::cout << "mariadb start: " << (*s)->timings().Describe() << "\n";
    std::string dir = (*s)->dir();
    pid_t spid = (*s)->server_pid();
    ASSERT_TRUE((*s)->Stop().ok());
    EXPECT_FALSE(fs::exists(dir));
    EXPECT_FALSE(ProcessAlive(spid));
  }
}

}  // namespace
}  // namespace strata::ephemeral
