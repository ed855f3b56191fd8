// runner.cc - runs the CLI scripts testdata/cli/**/*.txtar, one GoogleTest test per file.
//
// The comment section of a .txtar file (everything before the first "-- name --" line) is the script;
// the file sections are written to a fresh temporary directory, which is the script's working directory
// and $WORK. The commands are documented in docs/testing.md. Only the C++ standard library, POSIX and
// GoogleTest are used, so the runner builds even when src/ does not.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;

// --------------------------------------------------------------------------- txtar archives
struct Section {
  std::string name, data;
};
struct Archive {
  std::string comment;
  std::vector<Section> files;
};

// A marker line is "-- NAME --" (NAME trimmed and not empty), as in Go's txtar package.
std::optional<std::string> MarkerName(std::string_view line) {
  if (line.size() < 7 || !line.starts_with("-- ") || !line.ends_with(" --")) return std::nullopt;
  std::string_view n = line.substr(3, line.size() - 6);
  while (!n.empty() && n.front() == ' ') n.remove_prefix(1);
  while (!n.empty() && n.back() == ' ') n.remove_suffix(1);
  if (n.empty()) return std::nullopt;
  return std::string(n);
}

Archive ParseTxtar(const std::string& text) {
  Archive ar;
  std::string* out = &ar.comment;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    size_t next = end == std::string::npos ? text.size() : end + 1;
    std::string_view line(text.data() + pos, (end == std::string::npos ? text.size() : end) - pos);
    if (auto name = MarkerName(line)) {
      ar.files.push_back({*name, ""});
      out = &ar.files.back().data;
    } else {
      out->append(text, pos, next - pos);
    }
    pos = next;
  }
  return ar;
}

std::string FormatTxtar(const Archive& ar) {
  auto with_nl = [](const std::string& s) { return s.empty() || s.back() == '\n' ? s : s + "\n"; };
  std::string out = with_nl(ar.comment);
  for (const auto& f : ar.files) out += "-- " + f.name + " --\n" + with_nl(f.data);
  return out;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const fs::path& p, const std::string& data) {
  if (p.has_parent_path()) fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << data;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

// --------------------------------------------------------------------------- diff
// Line diff (LCS) of want against got: "-" lines are only in want, "+" only in got; long runs of
// equal lines are folded.
std::string LineDiff(const std::string& want, const std::string& got) {
  auto split = [](const std::string& s) {
    std::vector<std::string> v;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) v.push_back(l);
    if (!s.empty() && s.back() != '\n') v.back() += "  (no newline at end)";
    return v;
  };
  const auto a = split(want), b = split(got);
  const size_t n = a.size(), m = b.size();
  if (n * m > 4'000'000) return "--- want\n" + want + "\n+++ got\n" + got;
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::vector<std::string> lines;
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      lines.push_back("  " + a[i++]);
      ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      lines.push_back("- " + a[i++]);
    } else {
      lines.push_back("+ " + b[j++]);
    }
  }
  std::string out = "--- want\n+++ got\n";
  for (size_t k = 0; k < lines.size();) {
    size_t e = k;
    while (e < lines.size() && lines[e][0] == ' ') ++e;
    if (e - k > 7) {  // fold the middle of a long run of equal lines, keep 3 lines of context
      size_t lo = k == 0 ? k : k + 3, hi = e == lines.size() ? e : e - 3;
      for (size_t x = k; x < lo; ++x) out += lines[x] + "\n";
      out += "  ... (" + std::to_string(hi - lo) + " equal lines)\n";
      for (size_t x = hi; x < e; ++x) out += lines[x] + "\n";
      k = e;
    } else {
      out += lines[k++] + "\n";
    }
  }
  return out;
}

// --------------------------------------------------------------------------- process execution
struct Output {
  int status = 0;  // exit status, valid when signal == 0
  int signal = 0;  // terminating signal, 0 if the process exited
  bool timed_out = false;
  std::string out, err;
};

using Env = std::map<std::string, std::string>;

std::string Resolve(const std::string& prog, const Env& env, const fs::path& cwd) {
  if (prog.find('/') != std::string::npos) return (cwd / prog).string();
  auto it = env.find("PATH");
  std::istringstream path(it == env.end() ? "/usr/bin:/bin" : it->second);
  for (std::string dir; std::getline(path, dir, ':');) {
    fs::path p = fs::path(dir.empty() ? "." : dir) / prog;
    if (access(p.c_str(), X_OK) == 0 && !fs::is_directory(p)) return p.string();
  }
  return prog;  // execve fails with ENOENT, reported as exit status 127
}

Output Spawn(const std::vector<std::string>& argv, const Env& env, const fs::path& cwd,
             const fs::path& out_dir, int timeout_s) {
  const fs::path out_path = out_dir / "stdout", err_path = out_dir / "stderr";
  std::vector<std::string> env_strs;
  for (const auto& [k, v] : env) env_strs.push_back(k + "=" + v);
  std::vector<char*> cenv, cargv;
  for (auto& s : env_strs) cenv.push_back(s.data());
  cenv.push_back(nullptr);
  std::vector<std::string> args = argv;
  args[0] = Resolve(argv[0], env, cwd);
  for (auto& s : args) cargv.push_back(s.data());
  cargv.push_back(nullptr);

  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {  // child: only async-signal-safe calls from here on
    setpgid(0, 0);
    int in = open("/dev/null", O_RDONLY);
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0 || chdir(cwd.c_str()) != 0) _exit(126);
    dup2(in, 0), dup2(out, 1), dup2(err, 2);
    execve(cargv[0], cargv.data(), cenv.data());
    const char msg[] = "exec failed: no such program or not executable\n";
    [[maybe_unused]] auto n = write(2, msg, sizeof msg - 1);
    _exit(127);
  }
  Output res;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  int wstatus = 0;
  for (int sleep_ms = 1;; sleep_ms = std::min(sleep_ms * 2, 10)) {
    if (waitpid(pid, &wstatus, WNOHANG) == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &wstatus, 0);
      res.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(sleep_ms));
  }
  if (WIFEXITED(wstatus)) res.status = WEXITSTATUS(wstatus);
  if (WIFSIGNALED(wstatus)) res.signal = WTERMSIG(wstatus);
  res.out = ReadFile(out_path);
  res.err = ReadFile(err_path);
  return res;
}

// --------------------------------------------------------------------------- scripts
struct Failure {
  std::string msg;
  int line = 0;  // script line, 0 if none
};
struct Skip {
  std::string reason;
};

std::string Getenv(const char* name, const char* def = "") {
  const char* v = std::getenv(name);
  return v && *v ? v : def;
}

class Script {
 public:
  Script(fs::path file, std::string display, fs::path source_dir)
      : file_(std::move(file)), display_(std::move(display)), source_dir_(std::move(source_dir)) {}

  // Runs the script; throws Failure or Skip.
  void Run(const fs::path& root) {
    ar_ = ParseTxtar(ReadFile(file_));
    work_ = root / "work";
    fs::create_directories(work_);
    fs::create_directories(root / "home");
    for (const auto& f : ar_.files) {
      fs::path rel = fs::path(f.name).lexically_normal();
      if (rel.is_absolute() || rel.string().starts_with(".."))
        throw Failure{"section name escapes $WORK: " + f.name};
      WriteFile(work_ / rel, f.data);
    }
    out_dir_ = root;
    for (char** e = environ; *e; ++e) {
      std::string kv = *e;
      if (auto eq = kv.find('='); eq != std::string::npos) env_[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    strata_ = Getenv("STRATA_BIN", STRATA_BIN_DEFAULT);
    env_["WORK"] = work_.string();
    env_["HOME"] = (root / "home").string();
    env_["STRATA"] = strata_;
    env_["SOURCE_DIR"] = source_dir_.string();
    // digits unique to this run of the script, for names on shared servers (schemas, databases)
    env_["RUN_ID"] = std::to_string(getpid());
    timeout_s_ = std::stoi(Getenv("STRATA_TXTAR_TIMEOUT", "60"));

    std::istringstream lines(ar_.comment);
    int lineno = 0;
    for (std::string line; std::getline(lines, line);) {
      ++lineno;
      auto first = line.find_first_not_of(" \t\r");
      if (first == std::string::npos || line[first] == '#') continue;
      line_ = lineno;
      text_ = line.substr(first);
      while (!text_.empty() && (text_.back() == '\r' || text_.back() == ' ')) text_.pop_back();
      Exec(text_);
    }
    if (golden_dirty_) WriteFile(file_, FormatTxtar(ar_));
  }

 private:
  [[noreturn]] void Fail(const std::string& msg, bool show_output = false) const {
    std::string m = display_ + ":" + std::to_string(line_) + ": " + text_ + "\n" + msg + "\n";
    if (show_output && last_) {
      m += "> " + last_cmd_ + "\n";
      m += last_->signal      ? "[killed by signal " + std::to_string(last_->signal) + "]\n"
           : last_->timed_out ? "[timed out]\n"
                              : "[exit status " + std::to_string(last_->status) + "]\n";
      m += "[stdout]\n" + last_->out + (last_->out.ends_with('\n') || last_->out.empty() ? "" : "\n");
      m += "[stderr]\n" + last_->err;
    }
    throw Failure{m, line_};
  }

  std::string Lookup(const std::string& name) const {
    auto it = env_.find(name);
    return it == env_.end() ? "" : it->second;
  }

  // Splits a command line into words: '...' is literal ('' inside it is one quote), "..." expands
  // variables and takes \" and \\ escapes, bare words expand $NAME and ${NAME}.
  std::vector<std::string> Split(const std::string& s) const {
    std::vector<std::string> words;
    std::string cur;
    bool in_word = false, quoted = false;  // an unquoted word that expands to nothing is dropped
    auto expand = [&](size_t& i) {         // s[i] == '$'
      size_t j = i + 1;
      std::string name;
      if (j < s.size() && s[j] == '{') {
        size_t close = s.find('}', j);
        if (close == std::string::npos) Fail("unterminated ${");
        name = s.substr(j + 1, close - j - 1);
        i = close;
      } else {
        while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
        if (j == i + 1) return void(cur += '$');
        name = s.substr(i + 1, j - i - 1);
        i = j - 1;
      }
      cur += Lookup(name);
    };
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (c == ' ' || c == '\t') {
        if (in_word && (quoted || !cur.empty())) words.push_back(std::move(cur));
        cur.clear(), in_word = quoted = false;
        continue;
      }
      in_word = true;
      if (c == '\'' || c == '"') quoted = true;
      if (c == '\'') {
        for (++i;; ++i) {
          if (i >= s.size()) Fail("unterminated single quote");
          if (s[i] == '\'' && i + 1 < s.size() && s[i + 1] == '\'')
            cur += s[++i];
          else if (s[i] == '\'')
            break;
          else
            cur += s[i];
        }
      } else if (c == '"') {
        for (++i;; ++i) {
          if (i >= s.size()) Fail("unterminated double quote");
          if (s[i] == '"') break;
          if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == '"' || s[i + 1] == '\\'))
            cur += s[++i];
          else if (s[i] == '$')
            expand(i);
          else
            cur += s[i];
        }
      } else if (c == '$') {
        expand(i);
      } else {
        cur += c;
      }
    }
    if (in_word && (quoted || !cur.empty())) words.push_back(std::move(cur));
    return words;
  }

  void RunProcess(std::vector<std::string> argv, bool negate) {
    last_cmd_ = text_;
    last_ = Spawn(argv, env_, work_, out_dir_, timeout_s_);
    if (last_->timed_out) Fail("command timed out after " + std::to_string(timeout_s_) + "s", true);
    if (last_->signal) Fail("command crashed (a crash is never an expected failure)", true);
    if (negate && last_->status == 0) Fail("command succeeded unexpectedly", true);
    if (!negate && last_->status != 0) Fail("command failed", true);
  }

  const std::string& Stream(const std::string& which) {
    if (!last_) Fail("no command has run yet");
    return which == "stdout" ? last_->out : last_->err;
  }

  // The last command's stdout/stderr, or the file NAME in $WORK.
  std::string Content(const std::string& name) {
    if (name == "stdout" || name == "stderr") return Stream(name);
    if (!fs::is_regular_file(work_ / name)) Fail("no such file: " + name);
    return ReadFile(work_ / name);
  }

  void Exec(const std::string& line) {
    auto args = Split(line);
    bool negate = false;
    if (!args.empty() && args[0] == "!") negate = true, args.erase(args.begin());
    if (args.empty()) Fail("missing command");
    const std::string cmd = args[0];
    args.erase(args.begin());
    auto want_args = [&](size_t lo, size_t hi, bool may_negate) {
      if (args.size() < lo || args.size() > hi) Fail("wrong number of arguments for " + cmd);
      if (negate && !may_negate) Fail(cmd + " does not support !");
    };
    if (cmd == "exec") {
      want_args(1, SIZE_MAX, true);
      if (args[0] == "strata") {
        if (access(strata_.c_str(), X_OK) != 0)
          Fail("strata binary not found: " + strata_ + " (set STRATA_BIN)");
        args[0] = strata_;
      }
      RunProcess(args, negate);
    } else if (cmd == "sqlite") {
      want_args(2, SIZE_MAX, true);
      args.insert(args.begin(), {"sqlite3", "-batch", "-bail"});
      RunProcess(args, negate);
    } else if (cmd == "stdout" || cmd == "stderr") {
      want_args(1, 1, true);
      std::regex re;
      try {
        re = std::regex(args[0], std::regex::ECMAScript | std::regex::multiline);
      } catch (const std::regex_error& e) {
        Fail("bad regexp: " + std::string(e.what()));
      }
      bool found = std::regex_search(Stream(cmd), re);
      if (found && negate) Fail("unexpected match for `" + args[0] + "` in " + cmd, true);
      if (!found && !negate) Fail("no match for `" + args[0] + "` in " + cmd, true);
    } else if (cmd == "cmp") {
      want_args(2, 2, false);
      std::string got = Content(args[0]), want = Content(args[1]);
      if (got == want) return;
      auto sec = std::find_if(ar_.files.begin(), ar_.files.end(), [&](auto& f) { return f.name == args[1]; });
      if (Getenv("UPDATE_GOLDEN") == "1" && (args[0] == "stdout" || args[0] == "stderr") &&
          sec != ar_.files.end()) {
        sec->data = got;
        WriteFile(work_ / args[1], got);
        golden_dirty_ = true;
        return;
      }
      Fail(args[0] + " and " + args[1] + " differ:\n" + LineDiff(want, got),
           args[0] == "stdout" || args[0] == "stderr");
    } else if (cmd == "cp") {
      want_args(2, 2, false);
      WriteFile(work_ / args[1], Content(args[0]));
    } else if (cmd == "exists") {
      want_args(1, SIZE_MAX, true);
      for (const auto& a : args) {
        bool e = fs::exists(work_ / a);
        if (!e && !negate) Fail(a + " does not exist");
        if (e && negate) Fail(a + " exists but should not");
      }
    } else if (cmd == "env") {
      want_args(1, SIZE_MAX, false);
      for (const auto& a : args) {
        auto eq = a.find('=');
        if (eq == std::string::npos || eq == 0) Fail("env wants NAME=value, got: " + a);
        env_[a.substr(0, eq)] = a.substr(eq + 1);
      }
    } else if (cmd == "requires-env") {
      // skip unless every named variable is set and not empty (e.g. a service URL)
      for (const auto& a : args) {
        if (Lookup(a).empty()) throw Skip{display_ + ":" + std::to_string(line_) + ": " + a + " is not set"};
      }
    } else if (cmd == "skip") {
      std::string reason;
      for (const auto& a : args) reason += (reason.empty() ? "" : " ") + a;
      throw Skip{display_ + ":" + std::to_string(line_) + ": " + (reason.empty() ? "skipped" : reason)};
    } else {
      Fail("unknown command: " + cmd);
    }
  }

  fs::path file_;
  std::string display_;
  fs::path source_dir_, work_, out_dir_;
  Archive ar_;
  Env env_;
  std::string strata_;
  int timeout_s_ = 60;
  int line_ = 0;
  std::string text_, last_cmd_;
  std::optional<Output> last_;
  bool golden_dirty_ = false;
};

class ScriptTest : public testing::Test {
 public:
  ScriptTest(fs::path file, std::string display, fs::path source_dir)
      : display_(display), script_(std::move(file), std::move(display), std::move(source_dir)) {}

  void TestBody() override {
    std::string tmpl = (fs::path(Getenv("TMPDIR", "/tmp")) / "strata-txtar-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr) << "mkdtemp failed";
    const fs::path root = tmpl;
    std::optional<Failure> failure;
    std::optional<Skip> skip;
    try {
      script_.Run(root);
    } catch (const Failure& f) {
      failure = f;
    } catch (const Skip& s) {
      skip = s;
    } catch (const std::exception& e) {
      failure = Failure{std::string("runner error: ") + e.what()};
    }
    if (failure && Getenv("TXTAR_KEEP") == "1") {
      failure->msg += "\n(work directory kept: " + (root / "work").string() + ")";
    } else {
      std::error_code ec;
      fs::remove_all(root, ec);
    }
    if (skip) GTEST_SKIP() << skip->reason;
    // reported at the script's own file and line, so editors and CI annotations point there
    if (failure) ADD_FAILURE_AT(display_.c_str(), std::max(failure->line, 1)) << failure->msg;
  }

 private:
  std::string display_;
  Script script_;
};

// gtest filters treat '-' and ':' specially, so names keep only [A-Za-z0-9_].
std::string Sanitize(std::string s) {
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') c = '_';
  return s;
}

void RegisterScripts(const fs::path& root_dir, const fs::path& source_dir) {
  if (!fs::is_directory(root_dir)) return;
  const fs::path root = fs::absolute(root_dir).lexically_normal();
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().extension() == ".txtar") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    fs::path rel = f.lexically_relative(root);
    std::string suite = rel.has_parent_path() ? Sanitize(rel.parent_path().string()) : "cli";
    std::string name = Sanitize(f.stem().string());
    std::string display = f.lexically_relative(source_dir).string();
    if (display.empty() || display.starts_with("..")) display = f.string();
    testing::RegisterTest(suite.c_str(), name.c_str(), nullptr, nullptr, f.c_str(), 1,
                          [=]() -> testing::Test* { return new ScriptTest(f, display, source_dir); });
  }
}

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  RegisterScripts(Getenv("STRATA_TXTAR_ROOT", STRATA_TXTAR_ROOT_DEFAULT), STRATA_SOURCE_DIR_DEFAULT);
  return RUN_ALL_TESTS();
}
