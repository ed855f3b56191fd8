#include "ephemeral/server.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/strings.h"
#include "ephemeral/binaries.h"
#include "ephemeral/engine.h"
#include "ephemeral/process.h"
#include "ephemeral/stale.h"
#include "ephemeral/template_cache.h"

namespace strata::ephemeral {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

// Runs as the server's user in its own session, stdin = the keep-alive pipe.
// $1 = temp dir, $2 = stop signal, the rest = the server's command. sh starts
// background commands with SIGQUIT ignored, so a server stopped before it set
// its own handler misses the first SIGQUIT: the guard repeats the signal every
// 0.2 s and sends SIGKILL after 10 s.
constexpr const char* kWatchdog = R"sh(d=$1; sig=$2; shift 2
"$@" </dev/null >>"$d/server.log" 2>&1 &
spid=$!
echo "$spid" >"$d/server.pid"
cat >/dev/null
kill -"$sig" "$spid" 2>/dev/null
( trap 'kill "$s" 2>/dev/null; exit 0' TERM
  i=0
  while [ "$i" -lt 50 ]; do
    sleep 0.2 & s=$!; wait "$s"
    kill -"$sig" "$spid" 2>/dev/null; i=$((i + 1))
  done
  kill -KILL "$spid" 2>/dev/null ) &
guard=$!
wait "$spid"
kill "$guard" 2>/dev/null
wait "$guard"
case $d in /*/strata-ephemeral-??????) rm -rf "$d" ;; esac
)sh";

// Every directory up to / must be searchable by the server's user.
bool Traversable(const fs::path& dir) {
  for (fs::path p = dir; !p.empty() && p != p.root_path(); p = p.parent_path()) {
    struct stat st {};
    if (stat(p.c_str(), &st) != 0 || !(st.st_mode & S_IXOTH)) return false;
  }
  return true;
}

// $STRATA_EPHEMERAL_TMPDIR, else /dev/shm when it has room (the data is thrown
// away, and on tmpfs copying the template costs no disk writes: under load it
// was 4 times faster than on ext4), else $TMPDIR, else /tmp.
std::string TempRoot(const RunAs& as) {
  // The PostgreSQL socket path (dir + "/.s.PGSQL.NNNNN") must fit in sun_path (108 bytes).
  auto usable = [&](const char* d) {
    return d && *d == '/' && std::string(d).size() < 60 && access(d, W_OK | X_OK) == 0 &&
           (!as.set || Traversable(d));
  };
  if (const char* e = std::getenv("STRATA_EPHEMERAL_TMPDIR"); usable(e)) return e;
  struct statvfs vfs {};
  if (usable("/dev/shm") && statvfs("/dev/shm", &vfs) == 0 &&
      static_cast<unsigned long long>(vfs.f_bavail) * vfs.f_frsize >= (512ull << 20))
    return "/dev/shm";
  if (const char* t = std::getenv("TMPDIR"); usable(t)) return t;
  return "/tmp";
}

// Every root TempRoot may pick: an orphan left in /dev/shm must be swept
// even when this start, with /dev/shm short of room, picks /tmp.
void SweepAllRoots() {
  std::vector<std::string> roots;
  const char* candidates[] = {std::getenv("STRATA_EPHEMERAL_TMPDIR"), "/dev/shm", std::getenv("TMPDIR"), "/tmp"};
  for (const char* r : candidates)
    if (r != nullptr && *r == '/' && std::find(roots.begin(), roots.end(), std::string(r)) == roots.end())
      roots.emplace_back(r);
  for (const auto& r : roots) SweepStale(r);
}

Result<std::string> MakeDir(const RunAs& as) {
  std::string root = TempRoot(as);
  SweepAllRoots();
  std::string tmpl = root + "/" + kDirPrefix + "XXXXXX";
  if (!mkdtemp(tmpl.data())) return IOError("ephemeral: create temp dir " + tmpl + ": " + std::strerror(errno));
  if (as.set && chown(tmpl.c_str(), as.uid, as.gid) != 0) {
    rmdir(tmpl.c_str());
    return IOError("ephemeral: chown " + tmpl + " to " + as.name);
  }
  return tmpl;
}

// Binds port 0 on loopback and returns what the kernel picked. Another process
// may take it before the server binds; Start retries with a new port then.
Result<int> FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return IOError("ephemeral: socket: " + std::string(std::strerror(errno)));
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  int port = -1;
  if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  close(fd);
  if (port <= 0) return IOError("ephemeral: no free loopback port: " + std::string(std::strerror(errno)));
  return port;
}

pid_t ReadPid(const std::string& path) {
  std::ifstream in(path);
  long pid = 0;
  if (!(in >> pid)) return 0;
  return static_cast<pid_t>(pid);
}

// The data directory: a copy of the cached template, else a fresh init (stored as the template).
Status PrepareData(const EngineOps& ops, const Binaries& b, const Layout& l, const RunAs& as,
                   StartTimings& t) {
  auto t0 = Clock::now();
  std::string root = CacheRoot();
  std::string key = TemplateKey(ops.Key(), b);
  ASSIGN_OR_RETURN(bool copied, CopyTemplate(root, key, l.data));
  struct stat st {};
  if (copied && as.set && stat(l.data.c_str(), &st) == 0 && st.st_uid != as.uid) {
    // A cache shared with another account: cp -a kept that account as the owner.
    ProcessSpec chown_spec;
    chown_spec.argv = {"/bin/chown", "-R", std::to_string(as.uid) + ":" + std::to_string(as.gid), l.data};
    ASSIGN_OR_RETURN(int rc, RunProcess(chown_spec));
    if (rc != 0) return IOError("ephemeral: chown " + l.data + " to " + as.name);
  }
  if (copied) chmod(l.data.c_str(), 0700);  // both servers refuse a data dir others can read
  if (!copied) {
    RETURN_IF_ERROR(ops.InitData(b, l.data, l.dir, as));
    // A cache that cannot be written only costs speed.
    if (!root.empty()) (void)StoreTemplate(root, key, l.data);
  }
  t.from_cache = copied;
  t.prepare_ms = Ms(t0);
  return Status::Ok();
}

// util-linux's setpriv (Debian: essential), or "".
std::string Setpriv() {
  for (const char* p : {"/usr/bin/setpriv", "/bin/setpriv"})
    if (access(p, X_OK) == 0) return p;
  return "";
}

}  // namespace

std::string StartTimings::Describe() const {
  char buf[200];
  std::snprintf(buf, sizeof buf, "%.0f ms (%s %.0f ms, start %.0f ms, setup %.0f ms)", total_ms,
                from_cache ? "template copy" : "init", prepare_ms, start_ms, setup_ms);
  return buf;
}

pid_t Server::server_pid() const { return dir_.empty() ? 0 : ReadPid(dir_ + "/server.pid"); }

Server::~Server() { (void)Stop(); }

Status Server::Stop() {
  if (stopped_) return Status::Ok();
  stopped_ = true;
  if (keepalive_fd_ >= 0) close(keepalive_fd_);  // EOF: the watchdog stops the server and removes dir_
  keepalive_fd_ = -1;
  Status st;
  if (watchdog_ > 0) {
    auto deadline = Clock::now() + std::chrono::seconds(20);
    int ws = 0;
    pid_t r;
    while ((r = waitpid(watchdog_, &ws, WNOHANG)) == 0 && Clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    if (r == 0) {
      // The watchdog is its session's leader, so its group holds the server too.
      kill(-watchdog_, SIGKILL);
      waitpid(watchdog_, &ws, 0);
      st = Error("ephemeral: " + label_ + " did not stop in 20s; killed");
    }
    watchdog_ = 0;
  }
  std::error_code ec;
  if (!dir_.empty() && fs::exists(dir_, ec)) {
    pid_t spid = ReadPid(dir_ + "/server.pid");
    if (ProcessMentions(spid, dir_)) kill(spid, SIGKILL);  // not a reused PID
    fs::remove_all(dir_, ec);
    if (ec && st.ok()) st = IOError("ephemeral: remove " + dir_ + ": " + ec.message());
  }
  return st;
}

Result<std::unique_ptr<Server>> Start(const Request& request, const StartOptions& options) {
  auto t0 = Clock::now();
  std::unique_ptr<EngineOps> ops = request.engine == Engine::kPostgres ? NewPostgresOps() : NewMariaDBOps();
  ASSIGN_OR_RETURN(Binaries bins, FindBinaries(request.engine));
  RunAs as;
  if (geteuid() == 0) {
    // The servers refuse to run as root.
    auto u = LookupUser(ops->SystemUser());
    if (!u.ok())
      return NotFound("ephemeral: running as root needs the " + std::string(ops->SystemUser()) +
                      " system user to run " + ops->Label() + " (it comes with the server package)");
    as = *u;
  }
  for (int attempt = 1;; attempt++) {
    std::unique_ptr<Server> srv(new Server());
    srv->label_ = ops->Label();
    ASSIGN_OR_RETURN(srv->dir_, MakeDir(as));
    Layout l;
    l.dir = srv->dir_;
    l.data = l.dir + "/data";
    Status st = PrepareData(*ops, bins, l, as, srv->timings_);
    if (!st.ok()) {
      (void)srv->Stop();
      return st;
    }
    if (attempt == 1 && options.first_port > 0) {
      l.port = options.first_port;
    } else {
      ASSIGN_OR_RETURN(l.port, FreePort());
    }
    l.password = RandomHex(16);
    RETURN_IF_ERROR(ops->BeforeStart(request, l, as));

    auto t_start = Clock::now();
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) return IOError("ephemeral: pipe: " + std::string(std::strerror(errno)));
    srv->keepalive_fd_ = p[1];
    ProcessSpec w;
    w.argv = {"/bin/sh", "-c", kWatchdog, "strata-ephemeral-watchdog", l.dir,
              ops->StopSignal() == SIGKILL ? "KILL" : "QUIT"};
    // As root, the watchdog stays root so that it can remove the dir from any
    // temp root, and only the server switches user (setpriv execs, so $! is
    // the server). Without setpriv the watchdog runs as the server's user,
    // which can remove its dir from sticky roots like /tmp and /dev/shm.
    std::string setpriv = as.set ? Setpriv() : "";
    if (!setpriv.empty())
      w.argv.insert(w.argv.end(), {setpriv, "--reuid=" + std::to_string(as.uid),
                                   "--regid=" + std::to_string(as.gid), "--clear-groups", "--"});
    for (auto& a : ops->ServerArgv(bins, l)) w.argv.push_back(a);
    w.cwd = l.dir;
    if (setpriv.empty()) w.as = as;
    w.new_session = true;
    w.stdin_fd = p[0];
    w.output = l.dir + "/watchdog.log";
    auto wpid = StartProcess(w);
    close(p[0]);
    if (!wpid.ok()) return wpid.status();  // ~Server closes the pipe and removes the dir
    srv->watchdog_ = *wpid;
    // For SweepStale, in case the watchdog itself is killed.
    (void)WriteOwnedFile(l.dir + "/watchdog.pid", std::to_string(*wpid) + "\n", w.as);

    // Wait until the server accepts connections, or find out why it did not.
    auto deadline = t_start + std::chrono::seconds(options.timeout_seconds);
    bool port_taken = false;
    while (!ops->Ready(l)) {
      pid_t spid = srv->server_pid();
      if (spid > 0 && !ProcessAlive(spid)) {
        std::string log = FileTail(ops->LogFile(l));
        if (log.find("already in use") != std::string::npos && attempt < options.port_attempts) {
          port_taken = true;
          break;
        }
        return Error("ephemeral: " + srv->label_ + " exited during start-up:\n" + RedactSecret(log, l.password));
      }
      int ws;
      if (waitpid(srv->watchdog_, &ws, WNOHANG) == srv->watchdog_) {
        srv->watchdog_ = 0;
        return Error("ephemeral: the watchdog of " + srv->label_ +
                     " exited during start-up: " + FileTail(l.dir + "/watchdog.log"));
      }
      if (options.interrupted && options.interrupted->load())
        return Status(Code::kAborted, "ephemeral: interrupted while " + srv->label_ + " was starting");
      if (Clock::now() > deadline)
        return Error("ephemeral: " + srv->label_ + " not ready after " + std::to_string(options.timeout_seconds) +
                     "s:\n" + RedactSecret(FileTail(ops->LogFile(l)), l.password));
      std::this_thread::sleep_for(std::chrono::milliseconds(3));
    }
    if (port_taken) continue;  // ~Server cleans this attempt up
    srv->timings_.start_ms = Ms(t_start);

    auto t_setup = Clock::now();
    RETURN_IF_ERROR(ops->AfterReady(request, bins, l));
    srv->timings_.setup_ms = Ms(t_setup);
    srv->url_ = ops->ConnectionUrl(request, l);
    srv->timings_.total_ms = Ms(t0);
    return srv;
  }
}

}  // namespace strata::ephemeral
