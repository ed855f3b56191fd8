#include "cli/migrate_progress.h"

#include <ostream>

namespace strata::cli {
namespace {

constexpr size_t kLiveWidth = 72;

std::string FirstLine(const std::string& s) {
  std::string line = s.substr(0, s.find('\n'));
  if (line.size() > kLiveWidth) line = line.substr(0, kLiveWidth - 3) + "...";
  return line;
}

}  // namespace

void ApplyProgress::Print(const std::string& text) {
  if (!opts_.stream_text) return;
  ClearLive();
  out_ << text;
  out_.flush();
}

void ApplyProgress::ClearLive() {
  if (!live_shown_) return;
  out_ << "\r\033[K";
  live_shown_ = false;
}

void ApplyProgress::DrawLive() {
  if (!opts_.live || !opts_.stream_text) return;
  ClearLive();
  out_ << "  [" << done_ << "/" << total_ << " files] " << FirstLine(current_);
  out_.flush();
  live_shown_ = true;
}

void ApplyProgress::Start(const std::vector<migrate::File>& pending) {
  total_ = static_cast<int>(pending.size());
  Print(ApplyHeader(report_));
}

void ApplyProgress::FileStart(const migrate::File& f, int index, int count) {
  AppliedFileReport a;
  a.file = FileRef::Of(f);
  a.start_ns = NowUnixNanos();
  report_.applied.push_back(std::move(a));
  file_open_ = true;
  current_.clear();
  Print("\n  -- migrating version " + f.Version() + "\n");
  DrawLive();
}

void ApplyProgress::Resume(const migrate::File& f, int skipped) {
  if (!report_.applied.empty()) report_.applied.back().skipped = skipped;
}

void ApplyProgress::Stmt(const std::string& stmt) {
  if (report_.applied.empty()) return;
  report_.applied.back().applied.push_back(stmt);
  current_ = stmt;
  Print(ApplyStmtLine(stmt));
  DrawLive();
}

void ApplyProgress::FileDone(const migrate::File& f, std::chrono::nanoseconds took) {
  if (report_.applied.empty()) return;
  AppliedFileReport& a = report_.applied.back();
  a.end_ns = a.start_ns + took.count();
  file_open_ = false;
  ++done_;
  current_.clear();
  std::string text = ApplyFileText(a);
  // The block's "ok" line is the last line of the full rendering.
  Print(text.substr(text.rfind("  -- ok (")));
  DrawLive();
}

void ApplyProgress::FileError(const migrate::File& f, const std::string& stmt, const std::string& error) {
  if (report_.applied.empty()) return;
  AppliedFileReport& a = report_.applied.back();
  a.end_ns = NowUnixNanos();
  a.failed = true;
  a.error_stmt = stmt;
  a.error_text = error;
  file_open_ = false;
  Print("    Error: " + error + "\n");
}

void ApplyProgress::Finish(const std::string& error) {
  if (file_open_ && !report_.applied.empty()) {
    AppliedFileReport& a = report_.applied.back();
    a.end_ns = NowUnixNanos();
    a.failed = true;
    a.error_text = error;
    Print("    Error: " + error + "\n");
  }
  file_open_ = false;
  Print(ApplySummary(report_));
}

}  // namespace strata::cli
