#include "migrate/scanner.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <unordered_map>

#include "base/base64.h"
#include "base/sha256.h"
#include "base/strings.h"
#include "migrate/directive.h"
#include "migrate/text.h"

namespace strata::migrate {
namespace {

using Rune = int32_t;
constexpr Rune kEos = -1;
constexpr std::string_view kDefaultDelimiter = ";";
constexpr std::string_view kDelimiterCommand = "delimiter";

// --- Keyword prefixes (Go regexp semantics: \s is [\t\n\f\r ], (?i) folds
// ASCII letters; none of the words involved has a non-ASCII fold). ----------

size_t SkipRegexpSpaces(std::string_view s, size_t i) {
  while (i < s.size() && text::IsRegexpSpace(s[i])) ++i;
  return i;
}

bool WordAt(std::string_view s, size_t i, std::string_view upper_word) {
  if (s.size() - std::min(i, s.size()) < upper_word.size()) return false;
  for (size_t k = 0; k < upper_word.size(); ++k) {
    char c = s[i + k];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != upper_word[k]) return false;
  }
  return true;
}

// Length of the match of ^\s*WORD\s+ (all_words in sequence, each followed
// by at least one space), or 0.
size_t MatchWords(std::string_view s, std::initializer_list<std::string_view> words) {
  size_t i = SkipRegexpSpaces(s, 0);
  for (std::string_view w : words) {
    if (!WordAt(s, i, w)) return 0;
    i += w.size();
    const size_t j = SkipRegexpSpaces(s, i);
    if (j == i) return 0;
    i = j;
  }
  return i;
}

// (?i)^\s*BEGIN\s+
size_t MatchBegin(std::string_view s) { return MatchWords(s, {"BEGIN"}); }

// (?i)^\s*BEGIN\s+ATOMIC\s+
size_t MatchBeginAtomic(std::string_view s) { return MatchWords(s, {"BEGIN", "ATOMIC"}); }

// (?i)^\s*END\s*  -- trailing spaces optional, so "END;" and "ENDING" match.
size_t MatchEnd(std::string_view s) {
  size_t i = SkipRegexpSpaces(s, 0);
  if (!WordAt(s, i, "END")) return 0;
  return SkipRegexpSpaces(s, i + 3);
}

// --- Dollar quotes: ^\$([A-Za-zÈ-ÿ_][\wÈ-ÿ]*)*\$ ----------------------------

bool IsLatinTagRune(char32_t r) { return r >= 0xC8 && r <= 0xFF; }  // È-ÿ

bool IsTagStart(char32_t r) {
  return (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || r == '_' || IsLatinTagRune(r);
}

bool IsTagPart(char32_t r) { return IsTagStart(r) || (r >= '0' && r <= '9'); }

// Length of the opening tag at the start of s ("$$", "$body$"), or 0.
size_t DollarTagLength(std::string_view s) {
  if (s.empty() || s[0] != '$') return 0;
  size_t i = 1;
  text::Rune r = text::DecodeRune(s, i);
  if (r.width > 0 && IsTagStart(r.value)) {
    do {
      i += r.width;
      r = text::DecodeRune(s, i);
    } while (r.width > 0 && IsTagPart(r.value));
  }
  return (i < s.size() && s[i] == '$') ? i + 1 : 0;
}

// Go's %q of a rune: '\'' '"' '`'.
std::string QuoteRune(Rune quote) {
  if (quote == '\'') return "'\\''";
  return std::string("'") + static_cast<char>(quote) + "'";
}

// Nested scans for BEGIN blocks depend only on where they start, so their
// outcome is remembered per start offset. Without this, a file with many
// unterminated BEGINs would be rescanned exponentially often.
//
// Each look into a block nests one more scanner on the stack. Real code nests
// a handful of blocks; beyond kMaxBlockDepth (only reachable with long chains
// of unterminated BEGINs, where no END can match anyway) BEGIN is taken as a
// plain word.
constexpr int kMaxBlockDepth = 256;

struct BlockMemo {
  const char* root = nullptr;                      // start of the whole input
  std::unordered_map<uint64_t, int64_t> outcomes;  // key -> consumed bytes, -1 = not a block
};

class Scanner {
 public:
  Scanner(const ScannerOptions& options, BlockMemo* memo, int depth) : options_(options), memo_(memo), depth_(depth) {}

  Status Init(std::string_view input);
  // The next statement; nullopt at the end of the input.
  Result<std::optional<Stmt>> Next();

 private:
  Rune NextRune();
  Rune PeekRune();
  void AddPos(size_t n) {
    pos_ += n;
    total_ += n;
  }
  void SkipSpaces();
  Stmt Emit(std::string_view raw);
  Status SetDelimiter(std::string_view raw);
  Status Error(size_t pos, const std::string& message) const;

  Status SkipQuote(Rune quote);
  void SkipDollarQuote();
  void Comment(std::string_view left, std::string_view right);
  Status DelimiterCommand();
  bool SkipBlock(bool atomic);

  const ScannerOptions& options_;
  BlockMemo* memo_;
  int depth_;               // nesting of BEGIN blocks being looked into
  std::string_view src_;    // what Init was given: error positions refer to it
  std::string_view input_;  // the unscanned rest; always a suffix of src_
  size_t base_ = 0;         // offset of the scanned text in src_ (after a delimiter directive line)
  size_t pos_ = 0;          // position in input_ (just past the current rune)
  size_t total_ = 0;        // bytes consumed since Init, excluding a directive line
  size_t width_ = 0;        // width of the current rune
  std::string delim_;
  std::vector<std::string> comments_;
};

Status Scanner::Init(std::string_view input) {
  comments_.clear();
  pos_ = total_ = width_ = base_ = 0;
  src_ = input_ = input;
  delim_ = std::string(kDefaultDelimiter);
  if (auto d = FindDirective(input, kDirectiveDelimiter, kDirectivePrefixSql)) {
    RETURN_IF_ERROR(SetDelimiter(*d));
    const size_t eol = input.find('\n');
    if (eol == std::string_view::npos) return Error(pos_, "no input found after delimiter " + GoQuote(*d));
    input_ = input.substr(eol + 1);
    base_ = eol + 1;
  }
  return Status::Ok();
}

Status Scanner::SetDelimiter(std::string_view raw) {
  if (raw.empty()) return ParseError("empty delimiter");
  delim_ = UnescapeDelimiter(raw);
  return Status::Ok();
}

Status Scanner::Error(size_t pos, const std::string& message) const {
  const size_t p = static_cast<size_t>(input_.data() - src_.data()) + pos;
  const std::string_view before = src_.substr(0, p);
  const size_t line = 1 + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
  const size_t last_nl = before.rfind('\n');
  const size_t col = (last_nl == std::string_view::npos) ? p : p - last_nl - 1;
  return ParseError(std::to_string(line) + ":" + std::to_string(col) + ": " + message);
}

Rune Scanner::NextRune() {
  if (pos_ >= input_.size()) return kEos;
  text::Rune r = text::DecodeRune(input_, pos_);
  width_ = r.width;
  AddPos(r.width);
  return static_cast<Rune>(r.value);
}

Rune Scanner::PeekRune() {
  const size_t pos = pos_, width = width_, total = total_;
  Rune r = NextRune();
  pos_ = pos;
  width_ = width;
  total_ = total;
  return r;
}

void Scanner::SkipSpaces() {
  const size_t before = input_.size();
  input_ = text::TrimLeftSpace(input_);
  total_ += before - input_.size();
}

Stmt Scanner::Emit(std::string_view raw) {
  Stmt stmt;
  stmt.pos = static_cast<int>(base_ + total_ - raw.size());
  stmt.comments = std::move(comments_);
  comments_.clear();
  input_ = input_.substr(pos_);
  pos_ = 0;
  if (delim_ != kDefaultDelimiter && EndsWith(raw, delim_)) raw.remove_suffix(delim_.size());
  stmt.text = std::string(text::TrimSpace(raw));
  return stmt;
}

Result<std::optional<Stmt>> Scanner::Next() {
  int depth = 0;
  size_t opening = 0;
  std::string_view text;
  SkipSpaces();
  for (;;) {
    const Rune r = NextRune();
    if (r == kEos) {
      if (depth > 0) return Error(opening, "unclosed '('");
      if (pos_ == 0) return std::optional<Stmt>();
      text = input_;
      break;
    }
    if (r == '(') {
      if (depth == 0) opening = pos_;
      ++depth;
      continue;
    }
    if (r == ')') {
      if (depth == 0) return Error(pos_, "unexpected ')'");
      --depth;
      continue;
    }
    if (r == '\'' || r == '"' || r == '`') {
      RETURN_IF_ERROR(SkipQuote(r));
      continue;
    }
    // The MySQL client's DELIMITER command, at the start of a statement.
    if (pos_ == 1 && input_.size() > kDelimiterCommand.size() &&
        EqualFold(input_.substr(0, kDelimiterCommand.size()), kDelimiterCommand)) {
      AddPos(kDelimiterCommand.size() - 1);
      RETURN_IF_ERROR(DelimiterCommand());
      SkipSpaces();
      continue;
    }
    // The delimiter ends the statement; it takes precedence over comments.
    if (depth == 0 && StartsWith(input_.substr(pos_ - width_), delim_)) {
      AddPos(delim_.size() - width_);
      text = input_.substr(0, pos_);
      break;
    }
    if (options_.match_dollar_quote && r == '$' && DollarTagLength(input_.substr(pos_ - 1)) > 0) {
      SkipDollarQuote();
      continue;
    }
    if (r == '#' && options_.hash_comments) {
      Comment("#", "\n");
      continue;
    }
    if (r == '-' && PeekRune() == '-') {
      NextRune();
      Comment("--", "\n");
      continue;
    }
    if (r == '/' && PeekRune() == '*') {
      NextRune();
      Comment("/*", "*/");
      continue;
    }
    const bool default_delim = delim_ == kDefaultDelimiter;
    if (default_delim && options_.match_begin_atomic && MatchBeginAtomic(input_.substr(pos_ - 1)) > 0) {
      if (SkipBlock(/*atomic=*/true)) {
        text = input_.substr(0, pos_);
        break;
      }
      continue;  // not a BEGIN ATOMIC block after all
    }
    // BEGIN opens a block at the start of a statement, or after a space.
    if (default_delim && options_.match_begin &&
        ((pos_ == 1 && MatchBegin(input_) > 0) || (pos_ > 1 && MatchBegin(input_.substr(pos_ - 2)) > 0))) {
      if (SkipBlock(/*atomic=*/false)) {
        text = input_.substr(0, pos_);
        break;
      }
      continue;  // no matching END: BEGIN was an ordinary word
    }
  }
  return std::optional<Stmt>(Emit(text));
}

Status Scanner::SkipQuote(Rune quote) {
  const size_t start = pos_;
  // PostgreSQL's E'...' strings take backslash escapes: the byte before the
  // opening quote is an E.
  const bool escaped = options_.backslash_escapes || (options_.escaped_string_ext && pos_ >= 2 &&
                                                      (input_[pos_ - 2] == 'E' || input_[pos_ - 2] == 'e'));
  for (;;) {
    const Rune r = NextRune();
    if (r == kEos) return Error(start, "unclosed quote " + QuoteRune(quote));
    if (r == '\\' && escaped) {
      NextRune();
      continue;
    }
    if (r == quote) return Status::Ok();
  }
}

void Scanner::SkipDollarQuote() {
  const size_t n = DollarTagLength(input_.substr(pos_ - 1));
  const std::string_view tag = input_.substr(pos_ - 1, n);
  AddPos(n - 1);
  for (;;) {
    const Rune r = NextRune();
    if (r == kEos) return;  // an unterminated body runs to the end of the input
    if (r == '$' && StartsWith(input_.substr(pos_ - 1), tag)) {
      AddPos(n - 1);
      return;
    }
  }
}

void Scanner::Comment(std::string_view left, std::string_view right) {
  const size_t found = input_.find(right, pos_);
  if (found == std::string_view::npos) return;  // an unterminated marker is plain text
  const size_t end = found + right.size();
  const bool at_statement_start = pos_ == left.size();
  AddPos(end - pos_);
  if (!at_statement_start) return;  // comments inside a statement stay in its text
  comments_.emplace_back(input_.substr(0, pos_));
  input_ = input_.substr(pos_);
  pos_ = 0;
  // A blank line detaches the group from the statement that follows.
  if (StartsWith(input_, "\n\n") || (right == "\n" && StartsWith(input_, "\n"))) comments_.clear();
  SkipSpaces();
}

Status Scanner::DelimiterCommand() {
  if (PeekRune() != ' ') return Status::Ok();  // a word that merely starts with "delimiter"
  // The rest of the line, its '\n' included, is the command.
  for (Rune r = PeekRune(); r != kEos && r != '\n'; r = NextRune()) {
  }
  std::string_view arg = text::TrimSpace(input_.substr(kDelimiterCommand.size(), pos_ - kDelimiterCommand.size()));
  std::string delim(arg);
  // The client accepts a quoted delimiter, with '' standing for '.
  if (arg.size() >= 2 && arg.front() == '\'' && arg.back() == '\'') {
    delim = ReplaceAll(std::string(arg.substr(1, arg.size() - 2)), "''", "'");
  }
  RETURN_IF_ERROR(SetDelimiter(delim));
  Emit(input_.substr(0, pos_));  // drop the command and any comments before it
  return Status::Ok();
}

bool Scanner::SkipBlock(bool atomic) {
  const std::string_view at = input_.substr(pos_ - 1);
  const size_t head = atomic ? MatchBeginAtomic(at) : MatchBegin(at);
  if (head == 0) return false;
  AddPos(head - 1);  // the header is consumed even when no block follows
  const std::string_view body = input_.substr(pos_);
  const uint64_t key = (static_cast<uint64_t>(body.data() - memo_->root) << 1) | (atomic ? 1 : 0);
  int64_t consumed = -1;
  if (auto it = memo_->outcomes.find(key); it != memo_->outcomes.end()) {
    consumed = it->second;
  } else if (depth_ < kMaxBlockDepth) {
    Scanner nested(options_, memo_, depth_ + 1);
    if (nested.Init(body).ok()) {
      for (;;) {
        Result<std::optional<Stmt>> stmt = nested.Next();
        if (!stmt.ok() || !stmt->has_value()) break;  // error or EOF: not a block
        const std::string& t = (*stmt)->text;
        const size_t end = MatchEnd(t);
        if (end == 0) continue;
        // BEGIN ATOMIC ends at any statement starting with END; BEGIN ends
        // at a statement that is just END, optionally with the delimiter.
        if (atomic || end == t.size() || std::string_view(t).substr(end) == delim_) {
          consumed = static_cast<int64_t>(nested.total_);
          break;
        }
      }
    }
    memo_->outcomes.emplace(key, consumed);
  }
  if (consumed < 0) return false;
  AddPos(static_cast<size_t>(consumed));
  return true;
}

}  // namespace

ScannerOptions ScannerOptionsFor(ScanDialect dialect) {
  ScannerOptions o;
  switch (dialect) {
    case ScanDialect::kMySQL:
      o.match_begin = true;
      o.backslash_escapes = true;
      o.hash_comments = true;
      break;
    case ScanDialect::kPostgres:
      o.match_begin = true;
      o.match_begin_atomic = true;
      o.match_dollar_quote = true;
      o.escaped_string_ext = true;
      break;
    case ScanDialect::kSQLite:
      o.match_begin = true;
      break;
    case ScanDialect::kGeneric:
      o.match_begin_atomic = true;
      o.match_dollar_quote = true;
      break;
  }
  return o;
}

std::vector<std::string> Stmt::Directive(std::string_view name) const { return CommentDirectives(comments, name); }

Result<std::vector<Stmt>> ScanStmts(std::string_view input, const ScannerOptions& options) {
  BlockMemo memo;
  memo.root = input.data();
  Scanner scanner(options, &memo, /*depth=*/0);
  RETURN_IF_ERROR(scanner.Init(input));
  std::vector<Stmt> stmts;
  for (;;) {
    ASSIGN_OR_RETURN(std::optional<Stmt> stmt, scanner.Next());
    if (!stmt) return stmts;
    stmts.push_back(std::move(*stmt));
  }
}

Result<std::vector<std::string>> ScanStmtTexts(std::string_view input, const ScannerOptions& options) {
  ASSIGN_OR_RETURN(std::vector<Stmt> stmts, ScanStmts(input, options));
  std::vector<std::string> texts;
  texts.reserve(stmts.size());
  for (Stmt& s : stmts) texts.push_back(std::move(s.text));
  return texts;
}

std::vector<std::string> HashStmts(const std::vector<std::string>& texts) {
  std::vector<std::string> hashes;
  hashes.reserve(texts.size());
  Sha256 running;
  for (const std::string& t : texts) {
    running.Update(t);
    hashes.push_back("h1:" + Base64Encode(running.Digest()));
  }
  return hashes;
}

}  // namespace strata::migrate
