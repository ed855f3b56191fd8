// One migration file of an Atlas-format directory: a name and raw bytes.
//
// Names look like "<version>[_<description>].sql". The version is compared
// as a plain string everywhere (see docs/formats/migration-dir.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "migrate/scanner.h"

namespace strata::migrate {

class File {
 public:
  File() = default;
  File(std::string name, std::string bytes) : name_(std::move(name)), bytes_(std::move(bytes)) {}

  const std::string& name() const { return name_; }
  const std::string& bytes() const { return bytes_; }

  // The name without ".sql", cut at the first '_':
  // "20220318104614_initial.sql" -> "20220318104614", "1.sql" -> "1".
  std::string Version() const;

  // Everything after the first '_' without ".sql"; "" when there is no '_'.
  std::string Desc() const;

  // --- Other tools' layouts (src/migrate/formats) -------------------------
  // Their files name versions differently (flyway "V2__x.sql" is version
  // "2"), and some keep more than the "up" statements in a file (goose,
  // dbmate). A layout sets these when it lists its files.
  void SetVersionDesc(std::string version, std::string desc);
  // The text that holds the file's "up" statements, scanned with the generic
  // scanner options; or the error found while extracting it.
  void SetUpText(Result<std::string> text);

  // The file's statements: the up text (generic options) when a layout set
  // one, otherwise the whole file scanned with `options` (the driver's).
  Result<std::vector<Stmt>> StmtDecls(const ScannerOptions& options) const;

  // --- File-level directives ---------------------------------------------
  // The file's leading comment block: consecutive lines that start with "#"
  // or "--" at column 1, each trimmed. The block holds file directives only
  // when a blank line (spaces and tabs allowed) separates it from the rest;
  // otherwise it belongs to the first statement and this returns nothing.
  // A file made only of comments has no file directives either.
  std::vector<std::string> HeaderComments() const;

  // Arguments of every file directive named `name`, in order.
  std::vector<std::string> Directive(std::string_view name) const;

  // True when the header carries "atlas:checkpoint [tag]".
  bool IsCheckpoint() const;
  // The checkpoint tag ("" when the directive has none); kNotFound with
  // "not a checkpoint file" when the file is not a checkpoint.
  Result<std::string> CheckpointTag() const;

  // The file's "atlas:txmode" directive: "" when absent, "none" or "file".
  // "all" is refused, as are unknown values and more than one directive,
  // with Atlas's messages.
  Result<std::string> TxMode() const;

  // Prepends "-- atlas:<name>[ <args joined by ' '>]\n", plus a blank line
  // when the file had no header block yet (so the directive becomes one).
  void AddDirective(std::string_view name, const std::vector<std::string>& args = {});

  // --- First-line directives ---------------------------------------------
  // "-- atlas:delimiter <d>" on line 1 (prefix exactly "-- "): the unescaped
  // delimiter. nullopt when absent.
  std::optional<std::string> Delimiter() const;

  // True when line 1 carries "atlas:sum ignore" (any printable prefix): the
  // file's content is left out of atlas.sum, its name still counts.
  bool SumIgnored() const;

 private:
  std::string name_;
  std::string bytes_;
  std::optional<std::string> version_, desc_;  // layout overrides
  std::optional<Result<std::string>> up_text_;
};

}  // namespace strata::migrate
