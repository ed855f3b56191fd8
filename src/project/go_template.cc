#include "project/go_template.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "base/strings.h"

namespace strata::project {
namespace {

struct Node {
  enum class Kind { kText, kValue, kIf, kRange };
  Kind kind = Kind::kText;
  std::string text;  // kText; kValue/kIf/kRange: the pipeline (".a.b" or ".")
  std::vector<std::unique_ptr<Node>> body;
  std::vector<std::unique_ptr<Node>> else_body;
};
using Nodes = std::vector<std::unique_ptr<Node>>;

struct Action {
  std::string text;  // trimmed action text; empty for pure text tokens
  bool is_action = false;
  std::string literal;
};

Result<std::vector<Action>> Lex(const std::string& name, const std::string& src) {
  std::vector<Action> out;
  size_t pos = 0;
  while (pos < src.size()) {
    size_t open = src.find("{{", pos);
    std::string lit = src.substr(pos, open == std::string::npos ? std::string::npos : open - pos);
    if (open == std::string::npos) {
      out.push_back({"", false, lit});
      break;
    }
    size_t close = src.find("}}", open + 2);
    if (close == std::string::npos) return InvalidArgument("template: " + name + ": unclosed action");
    std::string inner = src.substr(open + 2, close - open - 2);
    bool trim_left = inner.size() >= 2 && inner[0] == '-' && inner[1] == ' ';
    bool trim_right = inner.size() >= 2 && inner[inner.size() - 1] == '-' && inner[inner.size() - 2] == ' ';
    if (trim_left) {
      inner = inner.substr(1);
      while (!lit.empty() && std::isspace(static_cast<unsigned char>(lit.back()))) lit.pop_back();
    }
    if (trim_right) inner.pop_back();
    out.push_back({"", false, lit});
    out.push_back({std::string(Trim(inner)), true, ""});
    pos = close + 2;
    if (trim_right)
      while (pos < src.size() && std::isspace(static_cast<unsigned char>(src[pos]))) ++pos;
  }
  return out;
}

class Parser {
 public:
  Parser(std::string name, std::vector<Action> actions) : name_(std::move(name)), actions_(std::move(actions)) {}

  Result<Nodes> Parse() {
    Nodes nodes;
    std::string stop;
    RETURN_IF_ERROR(ParseList(&nodes, &stop));
    if (!stop.empty()) return Err("unexpected {{" + stop + "}}");
    return nodes;
  }

 private:
  Status Err(const std::string& m) { return InvalidArgument("template: " + name_ + ": " + m); }

  // Parses until {{end}}/{{else...}} (returned in *stop) or the input end.
  Status ParseList(Nodes* out, std::string* stop) {
    while (i_ < actions_.size()) {
      const Action& a = actions_[i_++];
      if (!a.is_action) {
        if (!a.literal.empty()) {
          auto n = std::make_unique<Node>();
          n->text = a.literal;
          out->push_back(std::move(n));
        }
        continue;
      }
      const std::string& t = a.text;
      if (t.rfind("/*", 0) == 0) continue;
      if (t == "end" || t == "else" || t.rfind("else ", 0) == 0) {
        *stop = t;
        return Status::Ok();
      }
      if (t.rfind("if ", 0) == 0 || t.rfind("range ", 0) == 0) {
        bool is_if = t[0] == 'i';
        auto n = std::make_unique<Node>();
        n->kind = is_if ? Node::Kind::kIf : Node::Kind::kRange;
        n->text = std::string(Trim(t.substr(is_if ? 3 : 6)));
        RETURN_IF_ERROR(CheckPipeline(n->text));
        std::string s;
        RETURN_IF_ERROR(ParseList(&n->body, &s));
        if (s == "else") {
          RETURN_IF_ERROR(ParseList(&n->else_body, &s));
        } else if (is_if && s.rfind("else if ", 0) == 0) {
          // {{ else if x }} is an if nested in the else branch sharing one {{ end }}.
          actions_[--i_].text = s.substr(5);
          RETURN_IF_ERROR(ParseIfChain(&n->else_body));
          s = "end";
        }
        if (s != "end") return Err(s.empty() ? "unexpected EOF" : "unexpected {{" + s + "}}");
        out->push_back(std::move(n));
        continue;
      }
      RETURN_IF_ERROR(CheckPipeline(t));
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::kValue;
      n->text = t;
      out->push_back(std::move(n));
    }
    return Status::Ok();
  }

  // The `if` of an `else if`, consuming the shared {{ end }}.
  Status ParseIfChain(Nodes* out) {
    std::string t = actions_[i_++].text;
    auto n = std::make_unique<Node>();
    n->kind = Node::Kind::kIf;
    n->text = std::string(Trim(t.substr(3)));
    RETURN_IF_ERROR(CheckPipeline(n->text));
    std::string s;
    RETURN_IF_ERROR(ParseList(&n->body, &s));
    if (s == "else") {
      RETURN_IF_ERROR(ParseList(&n->else_body, &s));
    } else if (s.rfind("else if ", 0) == 0) {
      actions_[--i_].text = s.substr(5);
      RETURN_IF_ERROR(ParseIfChain(&n->else_body));
      s = "end";
    }
    if (s != "end") return Err(s.empty() ? "unexpected EOF" : "unexpected {{" + s + "}}");
    out->push_back(std::move(n));
    return Status::Ok();
  }

  Status CheckPipeline(const std::string& p) {
    if (p.empty() || p[0] != '.' || p.find(' ') != std::string::npos)
      return Err("unsupported action {{" + p + "}} (only .field paths, if, range, else and end)");
    return Status::Ok();
  }

  std::string name_;
  std::vector<Action> actions_;
  size_t i_ = 0;
};

class Executor {
 public:
  explicit Executor(std::string name) : name_(std::move(name)) {}

  Status Run(const Nodes& nodes, const hcl::Value& dot, std::string* out) {
    for (const auto& n : nodes) {
      switch (n->kind) {
        case Node::Kind::kText:
          *out += n->text;
          break;
        case Node::Kind::kValue: {
          ASSIGN_OR_RETURN(hcl::Value v, Resolve(n->text, dot));
          *out += Print(v);
          break;
        }
        case Node::Kind::kIf: {
          ASSIGN_OR_RETURN(hcl::Value v, Resolve(n->text, dot));
          RETURN_IF_ERROR(Run(Truthy(v) ? n->body : n->else_body, dot, out));
          break;
        }
        case Node::Kind::kRange: {
          ASSIGN_OR_RETURN(hcl::Value v, Resolve(n->text, dot));
          std::vector<hcl::Value> items;
          if (v.kind() == hcl::Value::Kind::kList) {
            items = v.items();
          } else if (v.kind() == hcl::Value::Kind::kObject) {
            hcl::ValueMap f = v.fields();
            std::stable_sort(f.begin(), f.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            for (auto& kv : f) items.push_back(kv.second);
          } else if (!v.is_null()) {
            return InvalidArgument("template: " + name_ + ": range can't iterate over " + Print(v));
          }
          if (items.empty()) RETURN_IF_ERROR(Run(n->else_body, dot, out));
          for (const auto& item : items) RETURN_IF_ERROR(Run(n->body, item, out));
          break;
        }
      }
    }
    return Status::Ok();
  }

 private:
  Result<hcl::Value> Resolve(const std::string& path, const hcl::Value& dot) {
    hcl::Value cur = dot;
    if (path == ".") return cur;
    for (const auto& key : Split(path.substr(1), ".")) {
      const hcl::Value* f = cur.kind() == hcl::Value::Kind::kObject ? cur.Field(key) : nullptr;
      if (f == nullptr) return InvalidArgument("template: " + name_ + ": map has no entry for key " + GoQuote(key));
      cur = *f;
    }
    return cur;
  }

  static bool Truthy(const hcl::Value& v) {
    switch (v.kind()) {
      case hcl::Value::Kind::kNull:
        return false;
      case hcl::Value::Kind::kBool:
        return v.bool_value();
      case hcl::Value::Kind::kNumber:
        return v.number() != 0;
      case hcl::Value::Kind::kString:
        return !v.str().empty();
      case hcl::Value::Kind::kList:
        return !v.items().empty();
      case hcl::Value::Kind::kObject:
        return !v.fields().empty();
      default:
        return true;
    }
  }

  static std::string Print(const hcl::Value& v) {
    switch (v.kind()) {
      case hcl::Value::Kind::kNull:
        return "<no value>";
      case hcl::Value::Kind::kBool:
        return v.bool_value() ? "true" : "false";
      case hcl::Value::Kind::kNumber:
        return v.number_text();
      case hcl::Value::Kind::kString:
        return v.str();
      case hcl::Value::Kind::kList: {
        std::vector<std::string> parts;
        for (const auto& i : v.items()) parts.push_back(Print(i));
        return "[" + Join(parts, " ") + "]";
      }
      case hcl::Value::Kind::kObject: {
        std::vector<std::string> parts;
        for (const auto& [k, f] : v.fields()) parts.push_back(k + ":" + Print(f));
        return "map[" + Join(parts, " ") + "]";
      }
      default:
        return v.ToHCL();
    }
  }

  std::string name_;
};

Result<Nodes> ParseTemplate(const std::string& name, const std::string& text) {
  ASSIGN_OR_RETURN(std::vector<Action> actions, Lex(name, text));
  return Parser(name, std::move(actions)).Parse();
}

}  // namespace

Status CheckGoTemplate(const std::string& name, const std::string& text) { return ParseTemplate(name, text).status(); }

Result<std::string> RenderGoTemplate(const std::string& name, const std::string& text, const hcl::Value& data) {
  ASSIGN_OR_RETURN(Nodes nodes, ParseTemplate(name, text));
  std::string out;
  RETURN_IF_ERROR(Executor(name).Run(nodes, data, &out));
  return out;
}

}  // namespace strata::project
