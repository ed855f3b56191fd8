// Atlas directives: comments of the form "<prefix>atlas:<name> <argument>".
//
// One matcher serves every kind of directive (first-line, file-level and
// statement-level); they differ only in which text is matched and in which
// prefix is required. The matcher reproduces Atlas's expression
//   ^([ -~]*)atlas:(\w+)(?: +([ -~]*))*
// applied to the START of a text:
//   - only the leading run of printable ASCII (0x20..0x7e) can take part, so
//     a match never crosses a line end (nor a '\r' or a tab);
//   - the prefix is greedy: with two "atlas:" markers on the line, the last
//     one followed by a word character names the directive;
//   - the name is a maximal run of [0-9A-Za-z_];
//   - the argument is the rest of the printable run after the spaces that
//     follow the name (trailing spaces kept); it is empty when the name is
//     followed by anything but a space.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strata::migrate {

// Directive names and values Strata understands.
inline constexpr std::string_view kDirectiveSum = "sum";
inline constexpr std::string_view kSumModeIgnore = "ignore";
inline constexpr std::string_view kDirectiveDelimiter = "delimiter";
inline constexpr std::string_view kDirectiveCheckpoint = "checkpoint";
inline constexpr std::string_view kDirectiveTxMode = "txmode";
inline constexpr std::string_view kDirectiveNoLint = "nolint";
// The exact prefix "-- atlas:delimiter" needs.
inline constexpr std::string_view kDirectivePrefixSql = "-- ";

struct DirectiveMatch {
  std::string prefix;    // text before "atlas:", e.g. "-- "
  std::string name;      // e.g. "sum"
  std::string argument;  // e.g. "ignore"; may be empty
};

// Matches a directive at the start of `text`; nullopt when there is none.
std::optional<DirectiveMatch> MatchDirective(std::string_view text);

// The argument of directive `name` at the start of `text`, whatever its prefix.
std::optional<std::string> FindDirective(std::string_view text, std::string_view name);

// Like FindDirective, but the text before "atlas:" must equal `prefix`.
std::optional<std::string> FindDirective(std::string_view text, std::string_view name, std::string_view prefix);

// Directives of `name` found in a statement's comment group. A single-line
// block comment counts when written "/*atlas:name ...*/" (no space after
// "/*"); line comments count with the prefixes "#", "--" and "-- ".
std::vector<std::string> CommentDirectives(const std::vector<std::string>& comments, std::string_view name);

// Replaces the two-character escapes \n, \r and \t with the characters they
// name (as "-- atlas:delimiter \n\n" means "a blank line").
std::string UnescapeDelimiter(std::string_view delimiter);

// The reverse: writes '\n', '\r' and '\t' as two-character escapes.
std::string EscapeDelimiter(std::string_view delimiter);

}  // namespace strata::migrate
