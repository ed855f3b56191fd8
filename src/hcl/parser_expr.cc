// Expression parsing: operators, terms, traversals, calls, collections, for.
#include <array>
#include <utility>

#include "hcl/parser_impl.h"

namespace strata::hcl {
namespace {

struct OpEntry {
  TokenType token;
  Operator op;
};

// Binary operators from the loosest to the tightest level.
const std::vector<std::vector<OpEntry>>& BinaryLevels() {
  static const std::vector<std::vector<OpEntry>> levels = {
      {{TokenType::kOr, Operator::kOr}},
      {{TokenType::kAnd, Operator::kAnd}},
      {{TokenType::kEqualOp, Operator::kEqual}, {TokenType::kNotEqual, Operator::kNotEqual}},
      {{TokenType::kLess, Operator::kLess},
       {TokenType::kLessEq, Operator::kLessEq},
       {TokenType::kGreater, Operator::kGreater},
       {TokenType::kGreaterEq, Operator::kGreaterEq}},
      {{TokenType::kPlus, Operator::kAdd}, {TokenType::kMinus, Operator::kSub}},
      {{TokenType::kStar, Operator::kMul},
       {TokenType::kSlash, Operator::kDiv},
       {TokenType::kPercent, Operator::kMod}},
  };
  return levels;
}

template <typename T>
std::unique_ptr<T> Node(const SourceRange& r) {
  auto n = std::make_unique<T>();
  n->range = r;
  return n;
}

}  // namespace

const char* OperatorSymbol(Operator op) {
  switch (op) {
    case Operator::kNegate:
      return "-";
    case Operator::kNot:
      return "!";
    case Operator::kOr:
      return "||";
    case Operator::kAnd:
      return "&&";
    case Operator::kEqual:
      return "==";
    case Operator::kNotEqual:
      return "!=";
    case Operator::kLess:
      return "<";
    case Operator::kLessEq:
      return "<=";
    case Operator::kGreater:
      return ">";
    case Operator::kGreaterEq:
      return ">=";
    case Operator::kAdd:
      return "+";
    case Operator::kSub:
      return "-";
    case Operator::kMul:
      return "*";
    case Operator::kDiv:
      return "/";
    case Operator::kMod:
      return "%";
  }
  return "?";
}

ExprPtr Parser::ParseExpression() {
  DepthGuard guard(this, Peek());
  return ParseTernary();
}

ExprPtr Parser::ParseTernary() {
  ExprPtr cond = ParseBinary(0);
  if (Peek().type != TokenType::kQuestion) return cond;
  Next();
  ExprPtr t = ParseExpression();
  const Token& colon = Peek();
  if (colon.type != TokenType::kColon) {
    if (colon.type == TokenType::kInvalid) Abort();
    Fail(colon, "Missing false expression in conditional",
         "The conditional operator (...?...:...) requires a false expression, delimited by a "
         "colon.");
  }
  Next();
  ExprPtr f = ParseExpression();
  auto n = Node<ConditionalExpr>(Join(cond->range, f->range));
  n->condition = std::move(cond);
  n->true_result = std::move(t);
  n->false_result = std::move(f);
  return n;
}

ExprPtr Parser::ParseBinary(int level) {
  const auto& levels = BinaryLevels();
  if (level >= static_cast<int>(levels.size())) return ParseWithTraversals();
  ExprPtr lhs = ParseBinary(level + 1);
  while (true) {
    TokenType t = Peek().type;
    const OpEntry* found = nullptr;
    for (const auto& e : levels[level])
      if (e.token == t) found = &e;
    if (found == nullptr) return lhs;
    Next();
    ExprPtr rhs = ParseBinary(level + 1);
    auto n = Node<BinaryExpr>(Join(lhs->range, rhs->range));
    n->op = found->op;
    n->lhs = std::move(lhs);
    n->rhs = std::move(rhs);
    lhs = std::move(n);
  }
}

ExprPtr Parser::ParseWithTraversals() { return ParseTraversals(ParseTerm()); }

ExprPtr Parser::ParseTraversals(ExprPtr from) {
  ExprPtr ret = std::move(from);
  while (true) {
    const Token& next = Peek();
    if (next.type == TokenType::kDot) {
      const Token& dot = Next();
      const Token& attr = Peek();
      if (attr.type == TokenType::kIdent) {
        Next();
        auto n = Node<GetAttrExpr>(Join(ret->range, Range(attr)));
        n->name = attr.text;
        n->name_range = Range(attr);
        n->object = std::move(ret);
        ret = std::move(n);
      } else if (attr.type == TokenType::kNumber) {
        Next();
        if (attr.text.find_first_not_of("0123456789") != std::string::npos) {
          size_t dot_at = attr.text.find('.');
          std::string hint =
              dot_at == std::string::npos
                  ? "[" + attr.text + "]"
                  : "[" + attr.text.substr(0, dot_at) + "][" + attr.text.substr(dot_at + 1) + "]";
          Fail(attr, "Invalid legacy index syntax",
               "When using the legacy index syntax, chaining two indexes together is not "
               "permitted. Use the proper index syntax instead, like " +
                   hint + ".");
        }
        auto n = Node<IndexExpr>(Join(ret->range, Range(attr)));
        n->key = MakeNumber(attr);
        n->legacy = true;
        n->collection = std::move(ret);
        ret = std::move(n);
      } else if (attr.type == TokenType::kStar) {
        // Attribute-only splat: the following .name / .N steps apply to
        // each element; anything after them applies to the result.
        const Token& star = Next();
        ExprPtr each = Node<AnonSymbolExpr>(Range(dot, star));
        while (Peek().type == TokenType::kDot) {
          const Token& d = Next();
          const Token& step = Peek();
          if (step.type == TokenType::kIdent) {
            Next();
            auto n = Node<GetAttrExpr>(Join(each->range, Range(step)));
            n->name = step.text;
            n->name_range = Range(step);
            n->object = std::move(each);
            each = std::move(n);
          } else if (step.type == TokenType::kNumber &&
                     step.text.find_first_not_of("0123456789") == std::string::npos) {
            Next();
            auto n = Node<IndexExpr>(Join(each->range, Range(step)));
            n->key = MakeNumber(step);
            n->legacy = true;
            n->collection = std::move(each);
            each = std::move(n);
          } else if (step.type == TokenType::kStar) {
            Fail(step, "Nested splat expression not allowed",
                 "A splat expression (*) cannot be used inside another attribute-only splat "
                 "expression.");
          } else {
            Fail(Range(d), "Invalid attribute name", "An attribute name is required after a dot.");
          }
        }
        auto n = Node<SplatExpr>(Join(ret->range, each->range));
        n->source = std::move(ret);
        n->each = std::move(each);
        ret = std::move(n);
      } else {
        if (attr.type == TokenType::kInvalid) Abort();
        Fail(Range(dot), "Invalid attribute name", "An attribute name is required after a dot.");
      }
      continue;
    }
    if (next.type == TokenType::kOBrack) {
      const Token& open = Next();
      if (Peek().type == TokenType::kStar) {
        Next();
        const Token& close = Next();
        if (close.type != TokenType::kCBrack)
          Fail(close, "Missing close bracket on splat index",
               "The star for a full splat operator must be immediately followed by a closing "
               "bracket (\"]\").");
        DepthGuard guard(this, close);
        ExprPtr each = ParseTraversals(Node<AnonSymbolExpr>(Range(open, close)));
        auto n = Node<SplatExpr>(Join(ret->range, each->range));
        n->full = true;
        n->source = std::move(ret);
        n->each = std::move(each);
        ret = std::move(n);
        continue;
      }
      ExprPtr key;
      const Token* close = nullptr;
      {
        NewlineScope scope(this, false);
        key = ParseExpression();
        close = &Next();
      }
      if (close->type != TokenType::kCBrack) {
        if (close->type == TokenType::kInvalid) Abort();
        Fail(*close, "Missing close bracket on index",
             "The index operator must end with a closing bracket (\"]\").");
      }
      auto n = Node<IndexExpr>(Join(ret->range, Range(*close)));
      n->key = std::move(key);
      n->collection = std::move(ret);
      ret = std::move(n);
      continue;
    }
    return ret;
  }
}

ExprPtr Parser::MakeNumber(const Token& t) {
  auto n = Node<LiteralExpr>(Range(t));
  n->value = Value::NumberText(t.text);
  return n;
}

ExprPtr Parser::ParseTerm() {
  const Token& start = Peek();
  switch (start.type) {
    case TokenType::kOParen: {
      const Token& open = Next();
      ExprPtr inner;
      const Token* close = nullptr;
      {
        NewlineScope scope(this, false);
        inner = ParseExpression();
        if (Peek().type != TokenType::kCParen) {
          if (Peek().type == TokenType::kInvalid) Abort();
          Fail(Peek(), "Unbalanced parentheses",
               "Expected a closing parenthesis to terminate the expression.");
        }
        close = &Next();
      }
      auto n = Node<ParensExpr>(Range(open, *close));
      n->inner = std::move(inner);
      return n;
    }
    case TokenType::kNumber:
      return MakeNumber(Next());
    case TokenType::kIdent: {
      const Token& tok = Next();
      if (Peek().type == TokenType::kOParen) return FinishCall(tok);
      if (tok.text == "true" || tok.text == "false") {
        auto n = Node<LiteralExpr>(Range(tok));
        n->value = Value::Bool(tok.text == "true");
        return n;
      }
      if (tok.text == "null") return Node<LiteralExpr>(Range(tok));
      auto n = Node<VariableExpr>(Range(tok));
      n->name = tok.text;
      return n;
    }
    case TokenType::kOQuote:
    case TokenType::kOHeredoc:
      return ParseTemplate();
    case TokenType::kMinus:
    case TokenType::kBang: {
      DepthGuard guard(this, start);
      const Token& op = Next();
      ExprPtr operand = ParseWithTraversals();
      auto n = Node<UnaryExpr>(Join(Range(op), operand->range));
      n->op = op.type == TokenType::kMinus ? Operator::kNegate : Operator::kNot;
      n->operand = std::move(operand);
      return n;
    }
    case TokenType::kOBrack:
      return ParseTuple();
    case TokenType::kOBrace:
      return ParseObject();
    case TokenType::kInvalid:
      Next();
      Abort();
    case TokenType::kEOF:
      Fail(start, "Missing expression",
           "Expected the start of an expression, but found the end of the file.");
    default:
      Fail(start, "Invalid expression",
           "Expected the start of an expression, but found an invalid expression token.");
  }
}

ExprPtr Parser::FinishCall(const Token& name) {
  const Token& open = Next();
  NewlineScope scope(this, false);
  auto n = Node<CallExpr>(Range(name));
  n->name = name.text;
  n->name_range = Range(name);
  while (true) {
    if (Peek().type == TokenType::kCParen) {
      n->range = Join(n->range, Range(Next()));
      return n;
    }
    n->args.push_back(ParseExpression());
    const Token& sep = Next();
    switch (sep.type) {
      case TokenType::kCParen:
        n->range = Join(n->range, Range(sep));
        return n;
      case TokenType::kEllipsis: {
        n->expand_final = true;
        const Token& close = Next();
        if (close.type != TokenType::kCParen)
          Fail(sep, "Missing closing parenthesis",
               "An expanded function argument (with ...) must be immediately followed by "
               "closing parentheses.");
        n->range = Join(n->range, Range(close));
        return n;
      }
      case TokenType::kComma:
        continue;
      case TokenType::kInvalid:
        Abort();
      case TokenType::kEOF:
        Fail(Range(name, open), "Unterminated function call",
             "There is no closing parenthesis for this function call before the end of the file. "
             "This may be caused by incorrect parenthesis nesting elsewhere in this file.");
      default:
        Fail(sep, "Missing argument separator",
             "A comma is required to separate each function argument from the next.");
    }
  }
}

ExprPtr Parser::ParseTuple() {
  const Token& open = Next();
  NewlineScope scope(this, false);
  if (Peek().IsKeyword("for")) return FinishFor(open);
  auto n = Node<TupleExpr>(Range(open));
  while (true) {
    if (Peek().type == TokenType::kCBrack) {
      n->range = Join(n->range, Range(Next()));
      return n;
    }
    n->items.push_back(ParseExpression());
    const Token& next = Peek();
    if (next.type == TokenType::kCBrack) continue;
    if (next.type == TokenType::kComma) {
      Next();
      continue;
    }
    if (next.type == TokenType::kInvalid) Abort();
    if (next.type == TokenType::kEOF)
      Fail(open, "Unterminated tuple constructor expression",
           "There is no corresponding closing bracket before the end of the file. This may be "
           "caused by incorrect bracket nesting elsewhere in this file.");
    Fail(next, "Missing item separator",
         "Expected a comma to mark the beginning of the next item.");
  }
}

ExprPtr Parser::ParseObject() {
  const Token& open = Next();
  bool is_for;
  {
    NewlineScope scope(this, false);
    is_for = Peek().IsKeyword("for");
  }
  if (is_for) {
    NewlineScope scope(this, false);
    return FinishFor(open);
  }
  NewlineScope scope(this, true);
  auto n = Node<ObjectExpr>(Range(open));
  static constexpr const char* kUnterminated =
      "There is no corresponding closing brace before the end of the file. This may be caused "
      "by incorrect brace nesting elsewhere in this file.";
  while (true) {
    const Token& next = Peek();
    if (next.type == TokenType::kNewline) {
      Next();
      continue;
    }
    if (next.type == TokenType::kCBrace) {
      n->range = Join(n->range, Range(Next()));
      return n;
    }
    if (next.type == TokenType::kEOF)
      Fail(open, "Unterminated object constructor expression", kUnterminated);
    ObjectItem item;
    size_t key_start = PeekIndex();
    bool parenthesized = next.type == TokenType::kOParen;
    item.key = ParseExpression();
    // A bare identifier (or true/false/null) names the attribute literally.
    if (!parenthesized && pos_ == key_start + 1 && toks_[key_start].type == TokenType::kIdent &&
        (item.key->kind == ExprKind::kVariable || item.key->kind == ExprKind::kLiteral)) {
      item.has_literal_key = true;
      item.literal_key = toks_[key_start].text;
    }
    const Token& sep = Peek();
    if (sep.type != TokenType::kEqual && sep.type != TokenType::kColon) {
      switch (sep.type) {
        case TokenType::kInvalid:
          Next();
          Abort();
        case TokenType::kNewline:
        case TokenType::kComma:
          Fail(sep, "Missing attribute value",
               "Expected an attribute value, introduced by an equals sign (\"=\").");
        case TokenType::kIdent:
          Fail(sep, "Missing key/value separator",
               "Expected an equals sign (\"=\") to mark the beginning of the attribute value. If "
               "you intended to given an attribute name containing periods or spaces, write the "
               "name in quotes to create a string literal.");
        case TokenType::kEOF:
          Fail(open, "Unterminated object constructor expression", kUnterminated);
        default:
          Fail(sep, "Missing key/value separator",
               "Expected an equals sign (\"=\") to mark the beginning of the attribute value.");
      }
    }
    Next();
    item.value = ParseExpression();
    n->items.push_back(std::move(item));
    const Token& after = Peek();
    switch (after.type) {
      case TokenType::kCBrace:
        continue;
      case TokenType::kComma:
      case TokenType::kNewline:
        Next();
        continue;
      case TokenType::kInvalid:
        Next();
        Abort();
      case TokenType::kEOF:
        Fail(open, "Unterminated object constructor expression", kUnterminated);
      default:
        Fail(after, "Missing attribute separator",
             "Expected a newline or comma to mark the beginning of the next attribute.");
    }
  }
}

ExprPtr Parser::FinishFor(const Token& open) {
  bool object = open.type == TokenType::kOBrace;
  TokenType close_type = object ? TokenType::kCBrace : TokenType::kCBrack;
  Next();  // "for"
  auto n = Node<ForExpr>(Range(open));
  n->object = object;
  auto fail = [&](const std::string& detail) {
    const Token& at = Peek();
    if (at.type == TokenType::kInvalid) {
      Next();
      Abort();
    }
    Fail(at, "Invalid 'for' expression", detail);
  };
  if (Peek().type != TokenType::kIdent) fail("For expression requires variable name after 'for'.");
  n->value_var = Next().text;
  if (Peek().type == TokenType::kComma) {
    Next();
    n->key_var = n->value_var;
    if (Peek().type != TokenType::kIdent)
      fail("For expression requires value variable name after comma.");
    n->value_var = Next().text;
  }
  if (!Peek().IsKeyword("in"))
    fail("For expression requires the 'in' keyword after its name declarations.");
  Next();
  n->collection = ParseExpression();
  if (Peek().type != TokenType::kColon)
    fail("For expression requires a colon after the collection expression.");
  Next();
  n->value = ParseExpression();
  if (Peek().type == TokenType::kFatArrow) {
    Next();
    n->key = std::move(n->value);
    n->value = ParseExpression();
  }
  SourceRange ellipsis_range;
  if (Peek().type == TokenType::kEllipsis) {
    ellipsis_range = Range(Next());
    n->group = true;
  }
  if (Peek().IsKeyword("if")) {
    Next();
    n->condition = ParseExpression();
  }
  if (Peek().type != close_type) fail("Extra characters after the end of the 'for' expression.");
  n->range = Join(n->range, Range(Next()));
  if (!object && n->key)
    Fail(n->key->range, "Invalid 'for' expression",
         "Key expression is not valid when building a tuple.");
  if (!object && n->group)
    Fail(ellipsis_range, "Invalid 'for' expression",
         "Grouping ellipsis (...) cannot be used when building a tuple.");
  if (object && !n->key)
    Fail(n->value->range, "Invalid 'for' expression",
         "Key expression is required when building an object.");
  return n;
}

}  // namespace strata::hcl
