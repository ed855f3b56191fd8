// Parsers for CREATE TABLE / INDEX / VIEW over the tokens of ddl_lex.cc.
// Only the facts the pragmas do not report are extracted; everything else
// is skipped token by token, so unusual but valid clauses do not break it.
#include "dialect/sqlite/ddl.h"

#include "base/strings.h"

namespace strata::dialect::sqlite::ddl {
namespace {

// Words that start a column constraint and therefore end a type name.
bool StartsColumnConstraint(const Token& t) {
  static constexpr std::string_view kWords[] = {"CONSTRAINT", "PRIMARY",   "NOT",     "NULL",
                                                "UNIQUE",     "CHECK",     "DEFAULT", "COLLATE",
                                                "REFERENCES", "GENERATED", "AS"};
  for (auto w : kWords)
    if (t.Is(w)) return true;
  return false;
}

bool StartsTableConstraint(const Token& t) {
  return t.Is("CONSTRAINT") || t.Is("PRIMARY") || t.Is("UNIQUE") || t.Is("CHECK") || t.Is("FOREIGN");
}

class Parser {
 public:
  Parser(std::string_view sql, std::vector<Token> toks) : sql_(sql), t_(std::move(toks)) {}

  bool AtEnd() const { return i_ >= t_.size(); }
  const Token* Peek(size_t ahead = 0) const { return i_ + ahead < t_.size() ? &t_[i_ + ahead] : nullptr; }
  bool PeekIs(std::string_view kw, size_t ahead = 0) const {
    const Token* t = Peek(ahead);
    return t != nullptr && t->Is(kw);
  }
  bool PeekPunct(char c) const {
    const Token* t = Peek();
    return t != nullptr && t->IsPunct(c);
  }
  const Token& Next() { return t_[i_++]; }
  // Consumes the keyword when it is next.
  bool Accept(std::string_view kw) {
    if (!PeekIs(kw)) return false;
    ++i_;
    return true;
  }
  bool AcceptPunct(char c) {
    if (!PeekPunct(c)) return false;
    ++i_;
    return true;
  }
  Status Expect(std::string_view kw) {
    if (Accept(kw)) return Status::Ok();
    return Fail("expected " + std::string(kw));
  }
  Status ExpectPunct(char c) {
    if (AcceptPunct(c)) return Status::Ok();
    return Fail(std::string("expected \"") + c + "\"");
  }
  Status Fail(const std::string& what) const {
    std::string near = AtEnd() ? "end of statement" : GoQuote(std::string(t_[i_].text));
    return ParseError("sqlite: parsing " + GoQuote(std::string(Trim(sql_.substr(0, 60)))) + ": " + what +
                      " near " + near);
  }

  // A (possibly schema-qualified) object name; returns the last part.
  Result<std::string> QualifiedName() {
    if (AtEnd() || !Peek()->IsName()) return Fail("expected a name");
    std::string name = Next().value;
    if (AcceptPunct('.')) {
      if (AtEnd() || !Peek()->IsName()) return Fail("expected a name");
      name = Next().value;
    }
    return name;
  }

  // At "(": consumes through the matching ")" and returns the text between
  // them, verbatim and trimmed.
  Result<std::string> ParenText() {
    size_t open = i_;
    RETURN_IF_ERROR(ExpectPunct('('));
    int depth = 1;
    while (!AtEnd()) {
      const Token& t = Next();
      if (t.IsPunct('(')) ++depth;
      if (t.IsPunct(')') && --depth == 0) return Text(open + 1, i_ - 1);
    }
    i_ = open;
    return Fail("unbalanced parentheses");
  }

  // The source text of tokens [first, last), from the first token's start to
  // the last one's end. Comments before and after are left out: re-rendered
  // as "(<text>)" or followed by ";", a trailing "-- comment" would swallow
  // the rest of the statement.
  std::string Text(size_t first, size_t last) const {
    if (first >= last) return "";
    return std::string(sql_.substr(t_[first].offset, t_[last - 1].end() - t_[first].offset));
  }

  // The text from the current token to the end, without trailing ";".
  std::string Rest() const {
    size_t last = t_.size();
    while (last > i_ && t_[last - 1].IsPunct(';')) --last;
    return Text(i_, last);
  }

  // At "(": a comma-separated list of names (index columns may carry
  // COLLATE/ASC/DESC, which are skipped).
  Result<std::vector<std::string>> NameList() {
    RETURN_IF_ERROR(ExpectPunct('('));
    std::vector<std::string> out;
    while (true) {
      if (AtEnd() || !Peek()->IsName()) return Fail("expected a column name");
      out.push_back(Next().value);
      SkipUntilListEnd();
      if (AcceptPunct(')')) return out;
      RETURN_IF_ERROR(ExpectPunct(','));
    }
  }

  // Skips tokens up to (not including) the next "," or ")" at this depth.
  void SkipUntilListEnd() {
    int depth = 0;
    while (!AtEnd()) {
      const Token& t = *Peek();
      if (depth == 0 && (t.IsPunct(',') || t.IsPunct(')'))) return;
      if (t.IsPunct('(')) ++depth;
      if (t.IsPunct(')')) --depth;
      ++i_;
    }
  }

  // Skips one token, or a whole parenthesized group.
  Status SkipTerm() {
    if (PeekPunct('(')) return ParenText().status();
    if (!AtEnd()) ++i_;
    return Status::Ok();
  }

  void SkipConflictClause() {
    if (PeekIs("ON") && PeekIs("CONFLICT", 1)) i_ += std::min<size_t>(3, t_.size() - i_);
  }

  // REFERENCES t [(cols)] followed by actions, MATCH and DEFERRABLE clauses.
  Status ForeignKeyClause(ForeignKeyDef* fk) {
    RETURN_IF_ERROR(Expect("REFERENCES"));
    ASSIGN_OR_RETURN(fk->ref_table, QualifiedName());
    if (PeekPunct('(')) {
      ASSIGN_OR_RETURN(fk->ref_columns, NameList());
    }
    while (!AtEnd()) {
      if (PeekIs("ON") && (PeekIs("DELETE", 1) || PeekIs("UPDATE", 1))) {
        i_ += 2;
        if (Accept("SET")) {
          if (!Accept("NULL") && !Accept("DEFAULT")) return Fail("expected NULL or DEFAULT");
        } else if (Accept("NO")) {
          RETURN_IF_ERROR(Expect("ACTION"));
        } else if (!Accept("CASCADE") && !Accept("RESTRICT")) {
          return Fail("expected a foreign key action");
        }
      } else if (Accept("MATCH")) {
        if (!AtEnd()) ++i_;
      } else if (PeekIs("NOT") && PeekIs("DEFERRABLE", 1)) {
        i_ += 2;
        DeferralMode(nullptr);
      } else if (Accept("DEFERRABLE")) {
        fk->deferrable = true;
        DeferralMode(fk);
      } else {
        break;
      }
    }
    return Status::Ok();
  }

  void DeferralMode(ForeignKeyDef* fk) {
    if (!Accept("INITIALLY")) return;
    if (Accept("DEFERRED")) {
      if (fk != nullptr) fk->initially_deferred = true;
    } else {
      Accept("IMMEDIATE");
    }
  }

  Status ColumnDefinition(CreateTable* out) {
    ColumnDef col;
    if (AtEnd() || !Peek()->IsName()) return Fail("expected a column name");
    col.name = Next().value;
    // The type name: words, then an optional "(n)" or "(p, s)".
    size_t type_start = AtEnd() ? sql_.size() : Peek()->offset, type_end = type_start;
    while (!AtEnd() && !PeekPunct(',') && !PeekPunct(')') && !StartsColumnConstraint(*Peek())) {
      if (PeekPunct('(')) {
        RETURN_IF_ERROR(ParenText().status());
        type_end = t_[i_ - 1].end();
        continue;
      }
      type_end = Next().end();
    }
    col.type = Trim(sql_.substr(type_start, type_end - type_start));
    std::string pending_name;  // CONSTRAINT <name> applies to the next constraint
    while (!AtEnd() && !PeekPunct(',') && !PeekPunct(')')) {
      if (Accept("CONSTRAINT")) {
        if (AtEnd() || !Peek()->IsName()) return Fail("expected a constraint name");
        pending_name = Next().value;
        continue;
      }
      std::string name = std::move(pending_name);
      pending_name.clear();
      if (Accept("PRIMARY")) {
        RETURN_IF_ERROR(Expect("KEY"));
        col.primary_key = true;
        if (!Accept("ASC")) Accept("DESC");
        SkipConflictClause();
        if (Accept("AUTOINCREMENT")) col.autoincrement = true;
      } else if (Accept("NOT")) {
        RETURN_IF_ERROR(Expect("NULL"));
        SkipConflictClause();
      } else if (Accept("NULL")) {
        SkipConflictClause();
      } else if (Accept("UNIQUE")) {
        SkipConflictClause();
      } else if (Accept("CHECK")) {
        ASSIGN_OR_RETURN(std::string expr, ParenText());
        out->checks.push_back({name, expr});
      } else if (Accept("DEFAULT")) {
        // A signed number is two tokens; everything else is one term.
        if (!AtEnd() && Peek()->kind == TokenKind::kOp && (Peek()->text == "-" || Peek()->text == "+")) ++i_;
        RETURN_IF_ERROR(SkipTerm());
      } else if (Accept("COLLATE")) {
        if (AtEnd() || !Peek()->IsName()) return Fail("expected a collation name");
        col.collate = Next().value;
      } else if (PeekIs("REFERENCES")) {
        ForeignKeyDef fk;
        fk.name = name;
        fk.columns.push_back(col.name);
        RETURN_IF_ERROR(ForeignKeyClause(&fk));
        out->foreign_keys.push_back(std::move(fk));
      } else if (PeekIs("GENERATED") || PeekIs("AS")) {
        if (Accept("GENERATED")) RETURN_IF_ERROR(Expect("ALWAYS"));
        RETURN_IF_ERROR(Expect("AS"));
        col.generated = true;
        ASSIGN_OR_RETURN(col.generated_expr, ParenText());
        if (Accept("STORED")) {
          col.generated_type = "STORED";
        } else if (Accept("VIRTUAL")) {
          col.generated_type = "VIRTUAL";
        }
      } else {
        RETURN_IF_ERROR(SkipTerm());
      }
    }
    out->columns.push_back(std::move(col));
    return Status::Ok();
  }

  Status TableConstraint(CreateTable* out) {
    std::string name;
    if (Accept("CONSTRAINT")) {
      if (AtEnd() || !Peek()->IsName()) return Fail("expected a constraint name");
      name = Next().value;
    }
    if (Accept("CHECK")) {
      ASSIGN_OR_RETURN(std::string expr, ParenText());
      out->checks.push_back({name, expr});
    } else if (Accept("FOREIGN")) {
      RETURN_IF_ERROR(Expect("KEY"));
      ForeignKeyDef fk;
      fk.name = name;
      ASSIGN_OR_RETURN(fk.columns, NameList());
      RETURN_IF_ERROR(ForeignKeyClause(&fk));
      out->foreign_keys.push_back(std::move(fk));
    }
    // PRIMARY KEY (...) and UNIQUE (...) are reported by the pragmas.
    SkipUntilListEnd();
    return Status::Ok();
  }

  Result<CreateTable> Table() {
    CreateTable out;
    RETURN_IF_ERROR(Expect("CREATE"));
    if (!Accept("TEMP")) Accept("TEMPORARY");
    RETURN_IF_ERROR(Expect("TABLE"));
    SkipIfNotExists();
    ASSIGN_OR_RETURN(out.name, QualifiedName());
    if (Accept("AS")) {
      out.as_select = true;
      return out;
    }
    RETURN_IF_ERROR(ExpectPunct('('));
    while (true) {
      if (AtEnd()) return Fail("unexpected end of column list");
      if (StartsTableConstraint(*Peek())) {
        RETURN_IF_ERROR(TableConstraint(&out));
      } else {
        RETURN_IF_ERROR(ColumnDefinition(&out));
      }
      if (AcceptPunct(')')) break;
      RETURN_IF_ERROR(ExpectPunct(','));
    }
    // Table options: WITHOUT ROWID and STRICT, comma separated.
    while (!AtEnd()) {
      if (Accept("WITHOUT")) {
        RETURN_IF_ERROR(Expect("ROWID"));
        out.without_rowid = true;
      } else if (Accept("STRICT")) {
        out.strict = true;
      } else if (!AcceptPunct(',') && !AcceptPunct(';')) {
        return Fail("unexpected table option");
      }
    }
    return out;
  }

  Result<CreateIndex> Index() {
    CreateIndex out;
    RETURN_IF_ERROR(Expect("CREATE"));
    out.unique = Accept("UNIQUE");
    RETURN_IF_ERROR(Expect("INDEX"));
    SkipIfNotExists();
    ASSIGN_OR_RETURN(out.name, QualifiedName());
    RETURN_IF_ERROR(Expect("ON"));
    ASSIGN_OR_RETURN(out.table, QualifiedName());
    RETURN_IF_ERROR(ExpectPunct('('));
    while (true) {
      size_t first = i_;
      SkipUntilListEnd();
      if (first == i_) return Fail("expected an indexed column or expression");
      out.parts.push_back(IndexPart(first, i_));
      if (AcceptPunct(')')) break;
      RETURN_IF_ERROR(ExpectPunct(','));
    }
    if (Accept("WHERE")) out.where = Rest();
    return out;
  }

  // One indexed term in tokens [first, last): "expr [COLLATE c] [ASC|DESC]".
  IndexPartDef IndexPart(size_t first, size_t last) const {
    IndexPartDef p;
    if (last - first >= 2 && (t_[last - 1].Is("DESC") || t_[last - 1].Is("ASC"))) {
      p.desc = t_[last - 1].Is("DESC");
      --last;
    }
    // A plain column, possibly with its own collation.
    size_t n = last - first;
    bool collated = n == 3 && t_[first + 1].Is("COLLATE") && t_[first + 2].IsName();
    if ((n == 1 || collated) &&
        (t_[first].kind == TokenKind::kIdent || t_[first].kind == TokenKind::kQuoted)) {
      p.column = t_[first].value;
      if (collated) p.collate = t_[first + 2].value;
      return p;
    }
    size_t from = t_[first].offset, to = t_[last - 1].end();
    p.expr = Trim(sql_.substr(from, to - from));
    return p;
  }

  Result<CreateView> View() {
    CreateView out;
    RETURN_IF_ERROR(Expect("CREATE"));
    if (!Accept("TEMP")) Accept("TEMPORARY");
    RETURN_IF_ERROR(Expect("VIEW"));
    SkipIfNotExists();
    ASSIGN_OR_RETURN(out.name, QualifiedName());
    if (PeekPunct('(')) {
      ASSIGN_OR_RETURN(out.columns, NameList());
    }
    RETURN_IF_ERROR(Expect("AS"));
    if (AtEnd()) return Fail("expected a SELECT");
    out.select = Rest();
    return out;
  }

  void SkipIfNotExists() {
    if (PeekIs("IF") && PeekIs("NOT", 1) && PeekIs("EXISTS", 2)) i_ += 3;
  }

 private:
  std::string_view sql_;
  std::vector<Token> t_;
  size_t i_ = 0;
};

template <typename T, typename Fn>
Result<T> Parse(std::string_view sql, Fn fn) {
  ASSIGN_OR_RETURN(std::vector<Token> toks, Tokenize(sql));
  Parser p(sql, std::move(toks));
  return fn(p);
}

}  // namespace

const ColumnDef* CreateTable::FindColumn(std::string_view n) const {
  for (const auto& c : columns)
    if (EqualFold(c.name, n)) return &c;
  return nullptr;
}

Result<CreateTable> ParseCreateTable(std::string_view sql) {
  return Parse<CreateTable>(sql, [](Parser& p) { return p.Table(); });
}

Result<CreateIndex> ParseCreateIndex(std::string_view sql) {
  return Parse<CreateIndex>(sql, [](Parser& p) { return p.Index(); });
}

Result<CreateView> ParseCreateView(std::string_view sql) {
  return Parse<CreateView>(sql, [](Parser& p) { return p.View(); });
}

}  // namespace strata::dialect::sqlite::ddl
