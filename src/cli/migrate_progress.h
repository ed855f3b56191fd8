// The migrate apply logger: records the ApplyReport and, for the default
// output, prints Atlas's lines as the files run. On a terminal it also keeps
// a live last line ("[files done/total] current statement") that is erased
// before every permanent line, so the final text is the same either way.
#pragma once

#include <iosfwd>
#include <string>

#include "cli/migrate_report.h"
#include "migrate/executor.h"

namespace strata::cli {

struct ProgressOptions {
  bool stream_text = true;  // print the default lines while running
  bool live = false;        // draw the live line (stdout is a terminal)
};

class ApplyProgress final : public migrate::Logger {
 public:
  ApplyProgress(ApplyReport& report, std::ostream& out, ProgressOptions opts)
      : report_(report), out_(out), opts_(opts) {}

  void Start(const std::vector<migrate::File>& pending) override;
  void FileStart(const migrate::File& f, int index, int count) override;
  void Resume(const migrate::File& f, int skipped) override;
  void Stmt(const std::string& stmt) override;
  void FileDone(const migrate::File& f, std::chrono::nanoseconds took) override;
  void FileError(const migrate::File& f, const std::string& stmt, const std::string& error) override;

  // Prints the summary. A file still open (the run stopped between two of
  // its statements) is closed as failed with `error`.
  void Finish(const std::string& error);

 private:
  void Print(const std::string& text);  // permanent text
  void DrawLive();
  void ClearLive();

  ApplyReport& report_;
  std::ostream& out_;
  ProgressOptions opts_;
  int done_ = 0, total_ = 0;
  bool live_shown_ = false;
  bool file_open_ = false;
  std::string current_;
};

}  // namespace strata::cli
