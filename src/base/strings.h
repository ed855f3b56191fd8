// Small string helpers used everywhere.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace strata {

std::string ToLower(std::string_view s);
// Lower-cased identifier-like words of a SQL text (letters, digits, '_',
// non-ASCII bytes): a cheap way to find the names a definition mentions.
std::set<std::string> IdentifierWords(std::string_view sql);
std::string ToUpper(std::string_view s);
std::string Trim(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
bool EqualFold(std::string_view a, std::string_view b);
std::vector<std::string> Split(std::string_view s, std::string_view sep);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);
std::string ReplaceAll(std::string s, std::string_view from, std::string_view to);
// Upper-cases the first byte ("create table" -> "Create table").
std::string CapitalizeFirst(std::string s);
// Go's %q for plain strings: double-quoted with \" \\ \n \t escaped.
std::string GoQuote(std::string_view s);

}  // namespace strata
