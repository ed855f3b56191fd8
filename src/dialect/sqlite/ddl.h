// A small tokenizer and parser for the CREATE statements SQLite keeps in
// sqlite_schema.sql. The pragmas report columns, indexes and foreign keys,
// but some facts live only in the statement text: CHECK constraints and
// their names, AUTOINCREMENT, generated-column expressions, COLLATE,
// foreign-key constraint names, index expressions and partial-index
// predicates, and view bodies. The parser reads exactly those and skips the
// rest; it assumes the statement is valid (SQLite accepted it).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace strata::dialect::sqlite::ddl {

enum class TokenKind {
  kIdent,   // bare word (keywords included)
  kQuoted,  // "x", `x` or [x] identifier
  kString,  // 'x'
  kBlob,    // x'00'
  kNumber,
  kParam,  // ?1 :a @a $a
  kPunct,  // ( ) , ; .
  kOp,     // any other operator character(s)
};

struct Token {
  TokenKind kind;
  std::string_view text;  // verbatim source slice
  std::string value;      // identifier with quotes removed; else == text
  size_t offset = 0;      // byte offset of `text` in the statement

  bool Is(std::string_view keyword) const;  // case-insensitive bare word
  bool IsPunct(char c) const { return kind == TokenKind::kPunct && text.size() == 1 && text[0] == c; }
  bool IsName() const {
    return kind == TokenKind::kIdent || kind == TokenKind::kQuoted || kind == TokenKind::kString;
  }
  size_t end() const { return offset + text.size(); }
};

// Splits `sql` into tokens, dropping whitespace and comments. Fails on an
// unterminated quote.
Result<std::vector<Token>> Tokenize(std::string_view sql);

struct ColumnDef {
  std::string name;
  std::string type;     // declared type, verbatim ("" when omitted)
  std::string collate;  // COLLATE name ("" when omitted)
  bool primary_key = false;
  bool autoincrement = false;
  bool generated = false;
  std::string generated_expr;  // inside the AS ( ... ) parentheses
  std::string generated_type;  // "STORED", "VIRTUAL" or "" (defaults to VIRTUAL)
};

struct CheckDef {
  std::string name;  // CONSTRAINT name ("" when unnamed)
  std::string expr;  // inside the CHECK ( ... ) parentheses
};

struct ForeignKeyDef {
  std::string name;  // CONSTRAINT name ("" when unnamed)
  std::vector<std::string> columns;
  std::string ref_table;
  std::vector<std::string> ref_columns;  // empty: the parent's primary key
  bool deferrable = false;
  bool initially_deferred = false;
};

struct CreateTable {
  std::string name;
  std::vector<ColumnDef> columns;
  std::vector<CheckDef> checks;             // column and table checks, in text order
  std::vector<ForeignKeyDef> foreign_keys;  // column and table FKs, in text order
  bool as_select = false;                   // CREATE TABLE ... AS SELECT
  bool without_rowid = false;
  bool strict = false;

  const ColumnDef* FindColumn(std::string_view name) const;  // case-insensitive
};

struct IndexPartDef {
  std::string column;   // set for a plain column part
  std::string expr;     // otherwise the expression, verbatim
  std::string collate;  // COLLATE of a column part
  bool desc = false;
};

struct CreateIndex {
  std::string name;
  std::string table;
  bool unique = false;
  std::vector<IndexPartDef> parts;
  std::string where;  // partial-index predicate, verbatim ("" when none)
};

struct CreateView {
  std::string name;
  std::vector<std::string> columns;  // optional column-name list
  std::string select;                // everything after AS, verbatim
};

Result<CreateTable> ParseCreateTable(std::string_view sql);
Result<CreateIndex> ParseCreateIndex(std::string_view sql);
Result<CreateView> ParseCreateView(std::string_view sql);

}  // namespace strata::dialect::sqlite::ddl
