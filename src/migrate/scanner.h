// The statement scanner: splits a migration file into statements exactly as
// Atlas does, because statement boundaries are part of the on-disk contract
// (the revisions table counts statements and hashes them one by one).
//
// The scanner is lexical, not a parser. It tracks parentheses, quotes,
// comments, the current delimiter, and BEGIN ... END blocks:
//  - a statement ends at the delimiter (';' by default) outside parentheses;
//    the delimiter wins over comments;
//  - '...', "..." and `...` are skipped whole (backslash escapes per options);
//  - $tag$...$tag$ dollar-quoted bodies are skipped whole (option);
//  - comments at the start of a statement are removed from its text and
//    collected as its comment group; a blank line after them detaches the
//    group (it is dropped); comments inside a statement stay in its text;
//  - "DELIMITER <d>" (MySQL client command) at a statement start switches the
//    delimiter and is not itself a statement;
//  - "-- atlas:delimiter <d>" on line 1 sets the file's delimiter;
//  - with the default delimiter, BEGIN ... END and BEGIN ATOMIC ... END blocks
//    (options) are kept whole, nested statements included.
// Statement text is trimmed; a custom delimiter is stripped from it, the
// default ';' is kept.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace strata::migrate {

struct ScannerOptions {
  bool match_begin = false;         // BEGIN ... END compound statements
  bool match_begin_atomic = false;  // BEGIN ATOMIC ... END (SQL-standard bodies)
  bool match_dollar_quote = false;  // $tag$ ... $tag$ (PostgreSQL)
  bool backslash_escapes = false;   // '\'' inside any quote (MySQL)
  bool escaped_string_ext = false;  // backslash escapes inside E'...' (PostgreSQL)
  bool hash_comments = false;       // '#' line comments (MySQL)
  bool operator==(const ScannerOptions&) const = default;
};

// Per-dialect presets, as each Atlas driver configures its scanner.
enum class ScanDialect { kMySQL, kPostgres, kSQLite, kGeneric };
ScannerOptions ScannerOptionsFor(ScanDialect dialect);

struct Stmt {
  int pos = 0;                        // byte offset of the statement in the input
  std::string text;                   // trimmed statement text
  std::vector<std::string> comments;  // the attached comment group, verbatim

  // Arguments of statement-level directives named `name` in the comment
  // group (e.g. "atlas:nolint DS103").
  std::vector<std::string> Directive(std::string_view name) const;
};

// Splits `input` into statements. Errors (kParse) read "<line>:<col>: msg"
// relative to `input`: "unexpected ')'", "unclosed '('", "unclosed quote
// '\''" (the quote in Go's %q rune form), "no input found after delimiter
// %q", "empty delimiter".
Result<std::vector<Stmt>> ScanStmts(std::string_view input, const ScannerOptions& options);

// Just the statement texts.
Result<std::vector<std::string>> ScanStmtTexts(std::string_view input, const ScannerOptions& options);

// Cumulative statement hashes, as recorded for partially applied files: a
// single SHA-256 runs over the statement texts in order and after statement
// i the value "h1:" + base64(digest so far) is hashes[i].
std::vector<std::string> HashStmts(const std::vector<std::string>& texts);

}  // namespace strata::migrate
