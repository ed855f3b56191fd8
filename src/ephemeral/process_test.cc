#include "ephemeral/process.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <sys/wait.h>
#include <unistd.h>

namespace strata::ephemeral {
namespace {

TEST(EphemeralProcess, ExitCodeAndInput) {
  std::string out = std::filesystem::temp_directory_path().string() + "/strata-proc-" + std::to_string(getpid());
  ProcessSpec s;
  s.argv = {"/bin/sh", "-c", "read a; echo got=$a; exit 3"};
  s.output = out;
  auto rc = RunProcess(s, "hello\n");
  ASSERT_TRUE(rc.ok()) << rc.status().message();
  EXPECT_EQ(*rc, 3);
  EXPECT_EQ(FileTail(out), "got=hello");
  EXPECT_EQ(FileTail(out, 6), "hello") << "the last bytes, final newline dropped";
  unlink(out.c_str());
}

TEST(EphemeralProcess, ExecFailureIsAnError) {
  ProcessSpec s;
  s.argv = {"/nonexistent/prog"};
  auto rc = RunProcess(s);
  ASSERT_FALSE(rc.ok());
  EXPECT_NE(rc.status().message().find("exec for /nonexistent/prog: No such file"), std::string::npos)
      << rc.status().message();
}

TEST(EphemeralProcess, NewSessionAndAlive) {
  ProcessSpec s;
  s.argv = {"/bin/sh", "-c", "sleep 5"};
  s.new_session = true;
  auto pid = StartProcess(s);
  ASSERT_TRUE(pid.ok());
  EXPECT_TRUE(ProcessAlive(*pid));
  EXPECT_EQ(getsid(*pid), *pid) << "the child leads its own session";
  kill(*pid, SIGKILL);
  // A zombie is not alive.
  for (int i = 0; i < 200 && ProcessAlive(*pid); i++) usleep(5000);
  EXPECT_FALSE(ProcessAlive(*pid));
  waitpid(*pid, nullptr, 0);
}

TEST(EphemeralProcess, UnknownUser) {
  auto u = LookupUser("no-such-user-strata");
  EXPECT_FALSE(u.ok());
  auto root = LookupUser("root");
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(root->uid, 0u);
}

}  // namespace
}  // namespace strata::ephemeral
