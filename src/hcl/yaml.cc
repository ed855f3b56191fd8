#include "hcl/yaml.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "hcl/functions.h"
#include "hcl/number.h"
#include "hcl/utf8.h"

namespace strata::hcl {
namespace {

std::string TrimBoth(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// Removes a trailing "# comment" outside quotes.
std::string StripComment(const std::string& s) {
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote != 0) {
      if (quote == '"' && c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if ((c == '"' || c == '\'') &&
        (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '[' || s[i - 1] == '{' ||
         s[i - 1] == ',' || s[i - 1] == ':' || s[i - 1] == '-')) {
      quote = c;
    } else if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
      return s.substr(0, i);
    }
  }
  return s;
}

bool IsDigits(const std::string& s, size_t from, const char* set) {
  if (from >= s.size()) return false;
  return s.find_first_not_of(set, from) == std::string::npos;
}

// YAML 1.2 core schema resolution of a plain scalar.
Value ResolvePlain(const std::string& s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return Value();
  if (s == "true" || s == "True" || s == "TRUE") return Value::Bool(true);
  if (s == "false" || s == "False" || s == "FALSE") return Value::Bool(false);
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o') &&
      IsDigits(s, 2, s[1] == 'x' ? "0123456789abcdefABCDEF" : "01234567")) {
    unsigned long long v = std::strtoull(s.c_str() + 2, nullptr, s[1] == 'x' ? 16 : 8);
    return Value::NumberText(std::to_string(v));
  }
  std::string t = s[0] == '+' ? s.substr(1) : s;
  if (!t.empty() &&
      (std::isdigit(static_cast<unsigned char>(t[0])) || t[0] == '-' || t[0] == '.')) {
    if (CanonicalNumberText(t) && t.find_first_not_of("0123456789.eE+-") == std::string::npos)
      return Value::NumberText(t);
  }
  return Value::String(s);
}

class YamlParser {
 public:
  explicit YamlParser(const std::string& text) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t nl = text.find('\n', start);
      std::string line =
          text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines_.push_back(line);
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }

  Result<Value> Document() {
    SkipBlank();
    while (i_ < lines_.size() && Content(i_).rfind("%", 0) == 0) Next();
    SkipBlank();
    if (i_ < lines_.size() && Content(i_) == "---") ++i_;
    ASSIGN_OR_RETURN(Value v, ParseBlock(-1));
    SkipBlank();
    if (i_ < lines_.size() && Content(i_) == "...") ++i_;
    SkipBlank();
    if (i_ < lines_.size()) {
      Here();
      if (Content(i_) == "---") return Error("multiple YAML documents are not supported");
      return Error("unexpected content");
    }
    return v;
  }

 private:
  Status Error(const std::string& what) const {
    return InvalidArgument("yaml: line " + std::to_string(line_ + 1) + ": " + what);
  }
  // Consumes the current line; errors point at the last consumed line.
  void Next() { line_ = i_++; }
  // Points errors at the current (unconsumed) line.
  void Here() { line_ = i_; }
  int Indent(size_t i) const {
    const std::string& l = lines_[i];
    size_t n = l.find_first_not_of(' ');
    return n == std::string::npos ? static_cast<int>(l.size()) : static_cast<int>(n);
  }
  std::string Content(size_t i) const { return TrimBoth(StripComment(lines_[i])); }
  bool Blank(size_t i) const { return Content(i).empty(); }
  void SkipBlank() {
    while (i_ < lines_.size() && Blank(i_)) ++i_;
  }

  static bool IsDocumentMarker(const std::string& c) { return c == "---" || c == "..."; }
  static bool IsSeqItem(const std::string& c) { return c == "-" || c.rfind("- ", 0) == 0; }

  // The offset of the ':' ending a mapping key in c, or npos.
  static size_t KeyEnd(const std::string& c) {
    if (c.empty() || c[0] == '[' || c[0] == '{' || IsSeqItem(c)) return std::string::npos;
    size_t i = 0;
    if (c[0] == '"' || c[0] == '\'') {
      char q = c[0];
      for (i = 1; i < c.size(); ++i) {
        if (q == '"' && c[i] == '\\') {
          ++i;
          continue;
        }
        if (c[i] == q) {
          if (q == '\'' && i + 1 < c.size() && c[i + 1] == '\'') {
            ++i;
            continue;
          }
          break;
        }
      }
      ++i;
      while (i < c.size() && c[i] == ' ') ++i;
      return i < c.size() && c[i] == ':' && (i + 1 == c.size() || c[i + 1] == ' ')
                 ? i
                 : std::string::npos;
    }
    for (; i < c.size(); ++i)
      if (c[i] == ':' && (i + 1 == c.size() || c[i + 1] == ' ' || c[i + 1] == '\t')) return i;
    return std::string::npos;
  }

  Result<Value> ParseBlock(int parent) {
    if (++depth_ > 256) return Error("nesting too deep");
    struct Leave {
      int* d;
      ~Leave() { --*d; }
    } leave{&depth_};
    SkipBlank();
    if (i_ >= lines_.size()) return Value();
    int indent = Indent(i_);
    if (indent <= parent) return Value();
    std::string c = Content(i_);
    if (c == "---" || c == "...") return Value();
    if (IsSeqItem(c)) return ParseSequence(indent);
    if (KeyEnd(c) != std::string::npos) return ParseMapping(indent);
    Next();
    return ParseValueText(c, parent);
  }

  Result<Value> ParseSequence(int indent) {
    ValueList items;
    while (true) {
      SkipBlank();
      if (i_ >= lines_.size() || Indent(i_) != indent) break;
      std::string c = Content(i_);
      if (!IsSeqItem(c) || IsDocumentMarker(c)) break;
      if (c == "-") {
        Next();
        ASSIGN_OR_RETURN(Value v, ParseBlock(indent));
        items.push_back(std::move(v));
        continue;
      }
      lines_[i_][static_cast<size_t>(indent)] = ' ';  // "- x" becomes "  x", one level deeper
      ASSIGN_OR_RETURN(Value v, ParseBlock(indent));
      items.push_back(std::move(v));
    }
    if (i_ < lines_.size() && !Blank(i_) && Indent(i_) > indent)
      return Error("bad indentation of a sequence entry");
    return Value::List(std::move(items));
  }

  Result<Value> ParseMapping(int indent) {
    ValueMap fields;
    while (true) {
      SkipBlank();
      if (i_ >= lines_.size() || Indent(i_) != indent) break;
      std::string c = Content(i_);
      if (IsDocumentMarker(c)) break;
      size_t colon = KeyEnd(c);
      if (colon == std::string::npos) {
        if (IsSeqItem(c)) break;
        Here();
        return Error("could not find expected ':'");
      }
      std::string key_text = TrimBoth(c.substr(0, colon));
      Value key = key_text.empty() ? Value::String("") : Value();
      if (!key_text.empty()) {
        ASSIGN_OR_RETURN(key, ParseInline(key_text));
      }
      auto ks = key.kind() == Value::Kind::kString ? key.str()
                : key.is_null()                    ? std::string("null")
                                                   : key.ToHCL();
      std::string rest = TrimBoth(c.substr(colon + 1));
      Next();
      Value value;
      if (rest.empty()) {
        SkipBlank();
        if (i_ < lines_.size() && Indent(i_) == indent && IsSeqItem(Content(i_))) {
          ASSIGN_OR_RETURN(value, ParseSequence(indent));
        } else {
          ASSIGN_OR_RETURN(value, ParseBlock(indent));
        }
      } else {
        ASSIGN_OR_RETURN(value, ParseValueText(rest, indent));
      }
      auto it =
          std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == ks; });
      if (it != fields.end())
        it->second = std::move(value);
      else
        fields.emplace_back(ks, std::move(value));
    }
    if (i_ < lines_.size() && !Blank(i_) && Indent(i_) > indent)
      return Error("bad indentation of a mapping entry");
    return SortedObject(std::move(fields));
  }

  // A value written after "key:" or "- " (already consumed), which may
  // continue on following, more indented lines.
  Result<Value> ParseValueText(std::string text, int parent) {
    if (text[0] == '|' || text[0] == '>') return BlockScalar(text, parent);
    if (text[0] == '[' || text[0] == '{') {
      while (!Balanced(text) && i_ < lines_.size()) {
        text += " " + Content(i_);
        Next();
      }
    } else if (text[0] != '"' && text[0] != '\'') {
      // Multi-line plain scalar: more indented lines fold into it.
      while (i_ < lines_.size() && !Blank(i_) && Indent(i_) > parent) {
        std::string c = Content(i_);
        if (KeyEnd(c) != std::string::npos || IsSeqItem(c)) break;
        text += " " + c;
        Next();
      }
    }
    return ParseInline(text);
  }

  static bool Balanced(const std::string& s) {
    int depth = 0;
    char quote = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (quote) {
        if (quote == '"' && c == '\\')
          ++i;
        else if (c == quote)
          quote = 0;
        continue;
      }
      if (c == '"' || c == '\'') quote = c;
      if (c == '[' || c == '{') ++depth;
      if (c == ']' || c == '}') --depth;
    }
    return depth <= 0;
  }

  Result<Value> BlockScalar(const std::string& header, int parent) {
    bool folded = header[0] == '>';
    char chomp = 'c';
    int explicit_indent = 0;
    for (size_t k = 1; k < header.size(); ++k) {
      if (header[k] == '-' || header[k] == '+')
        chomp = header[k];
      else if (header[k] >= '1' && header[k] <= '9')
        explicit_indent = header[k] - '0';
      else if (header[k] != ' ')
        return Error("invalid block scalar header");
    }
    int block_indent = explicit_indent > 0 ? std::max(parent, 0) + explicit_indent : -1;
    std::vector<std::string> body;
    while (i_ < lines_.size()) {
      const std::string& raw = lines_[i_];
      bool blank = raw.find_first_not_of(' ') == std::string::npos;
      if (!blank) {
        int ind = Indent(i_);
        if (block_indent < 0) {
          if (ind <= parent) break;
          block_indent = ind;
        }
        if (ind < block_indent) break;
      }
      body.push_back(blank ? "" : raw.substr(static_cast<size_t>(block_indent)));
      Next();
    }
    size_t trailing = 0;
    while (trailing < body.size() && body[body.size() - 1 - trailing].empty()) ++trailing;
    std::vector<std::string> content(body.begin(), body.end() - static_cast<long>(trailing));
    std::string out;
    for (size_t k = 0; k < content.size(); ++k) {
      if (k > 0) {
        bool fold = folded && !content[k].empty() && !content[k - 1].empty() &&
                    content[k][0] != ' ' && content[k - 1][0] != ' ';
        out += fold ? " " : "\n";
      }
      out += content[k];
    }
    if (!content.empty()) {
      if (chomp == 'c') out += "\n";
      if (chomp == '+') out += std::string(trailing + 1, '\n');
    }
    return Value::String(out);
  }

  Result<Value> ParseInline(const std::string& text) {
    size_t pos = 0;
    ASSIGN_OR_RETURN(Value v, FlowValue(text, &pos, false));
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos != text.size()) return Error("unexpected characters after value: " + text.substr(pos));
    return v;
  }

  Result<std::string> Quoted(const std::string& s, size_t* pos) {
    char q = s[*pos];
    std::string out;
    size_t i = *pos + 1;
    for (; i < s.size(); ++i) {
      char c = s[i];
      if (q == '\'' && c == '\'') {
        if (i + 1 < s.size() && s[i + 1] == '\'') {
          out += '\'';
          ++i;
          continue;
        }
        *pos = i + 1;
        return out;
      }
      if (q == '"' && c == '"') {
        *pos = i + 1;
        return out;
      }
      if (q == '"' && c == '\\' && i + 1 < s.size()) {
        char e = s[++i];
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          case 'r':
            out += '\r';
            break;
          case '0':
            out += '\0';
            break;
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case ' ':
            out += ' ';
            break;
          case 'x':
          case 'u':
          case 'U': {
            size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            uint32_t cp = 0;
            for (size_t k = 0; k < n; ++k) {
              int h = i + 1 < s.size() ? HexDigitValue(s[++i]) : -1;
              if (h < 0) return Error("invalid escape in double-quoted string");
              cp = cp * 16 + static_cast<uint32_t>(h);
            }
            AppendUtf8(&out, cp);
            break;
          }
          default:
            return Error(std::string("invalid escape \\") + e + " in double-quoted string");
        }
        continue;
      }
      out += c;
    }
    return Error("unterminated quoted string");
  }

  Result<Value> FlowValue(const std::string& s, size_t* pos, bool in_flow) {
    if (++depth_ > 256) return Error("nesting too deep");
    struct Leave {
      int* d;
      ~Leave() { --*d; }
    } leave{&depth_};
    while (*pos < s.size() && s[*pos] == ' ') ++*pos;
    if (*pos >= s.size()) return Value();
    char c = s[*pos];
    if (c == '&' || c == '*') return Error("anchors and aliases are not supported");
    if (c == '!') {
      if (s.compare(*pos, 6, "!!str ") != 0) return Error("tags are not supported");
      *pos += 6;
      ASSIGN_OR_RETURN(Value v, FlowValue(s, pos, in_flow));
      if (v.is_null()) return Value::String("");
      auto str = v.kind() == Value::Kind::kString ? v.str() : v.ToHCL();
      return Value::String(str);
    }
    if (c == '"' || c == '\'') {
      ASSIGN_OR_RETURN(std::string str, Quoted(s, pos));
      return Value::String(str);
    }
    if (c == '[') {
      ++*pos;
      ValueList items;
      while (true) {
        while (*pos < s.size() && s[*pos] == ' ') ++*pos;
        if (*pos >= s.size()) return Error("unterminated flow sequence");
        if (s[*pos] == ']') {
          ++*pos;
          return Value::List(std::move(items));
        }
        ASSIGN_OR_RETURN(Value v, FlowValue(s, pos, true));
        items.push_back(std::move(v));
        while (*pos < s.size() && s[*pos] == ' ') ++*pos;
        if (*pos < s.size() && s[*pos] == ',')
          ++*pos;
        else if (*pos < s.size() && s[*pos] != ']')
          return Error("expected ',' or ']' in flow sequence");
      }
    }
    if (c == '{') {
      ++*pos;
      ValueMap fields;
      while (true) {
        while (*pos < s.size() && s[*pos] == ' ') ++*pos;
        if (*pos >= s.size()) return Error("unterminated flow mapping");
        if (s[*pos] == '}') {
          ++*pos;
          return SortedObject(std::move(fields));
        }
        ASSIGN_OR_RETURN(Value k, FlowValue(s, pos, true));
        while (*pos < s.size() && s[*pos] == ' ') ++*pos;
        Value v;
        if (*pos < s.size() && s[*pos] == ':') {
          ++*pos;
          ASSIGN_OR_RETURN(v, FlowValue(s, pos, true));
        }
        std::string key = k.kind() == Value::Kind::kString ? k.str()
                          : k.is_null()                    ? "null"
                                                           : k.ToHCL();
        fields.emplace_back(key, std::move(v));
        while (*pos < s.size() && s[*pos] == ' ') ++*pos;
        if (*pos < s.size() && s[*pos] == ',')
          ++*pos;
        else if (*pos < s.size() && s[*pos] != '}')
          return Error("expected ',' or '}' in flow mapping");
      }
    }
    size_t start = *pos;
    while (*pos < s.size()) {
      char ch = s[*pos];
      if (in_flow && (ch == ',' || ch == ']' || ch == '}')) break;
      if (in_flow && ch == ':' && (*pos + 1 == s.size() || s[*pos + 1] == ' ')) break;
      ++*pos;
    }
    return ResolvePlain(TrimBoth(s.substr(start, *pos - start)));
  }

  std::vector<std::string> lines_;
  size_t i_ = 0;
  size_t line_ = 0;
  int depth_ = 0;
};

std::string YamlQuote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02X", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

Result<std::string> Scalar(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return std::string("null");
    case Value::Kind::kBool:
      return std::string(v.bool_value() ? "true" : "false");
    case Value::Kind::kNumber:
      return v.number_text();
    case Value::Kind::kString:
      return YamlQuote(v.str());
    case Value::Kind::kList:
      return std::string("[]");
    case Value::Kind::kObject:
      return std::string("{}");
    default:
      return InvalidArgument("a value of type " + v.TypeName() + " (" + v.ToHCL() +
                             ") cannot be encoded as YAML");
  }
}

bool IsBlock(const Value& v) {
  return (v.kind() == Value::Kind::kList && !v.items().empty()) ||
         (v.kind() == Value::Kind::kObject && !v.fields().empty());
}

Status EmitNode(const Value& v, int indent, bool first_inline, std::string* out);

Status EmitMap(const Value& v, int indent, bool first_inline, std::string* out) {
  ValueMap fields = v.fields();
  std::stable_sort(fields.begin(), fields.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0 || !first_inline) out->append(static_cast<size_t>(indent), ' ');
    *out += YamlQuote(fields[i].first) + ":";
    const Value& val = fields[i].second;
    if (IsBlock(val)) {
      *out += "\n";
      int child = val.kind() == Value::Kind::kObject ? indent + 2 : indent;
      RETURN_IF_ERROR(EmitNode(val, child, false, out));
    } else {
      ASSIGN_OR_RETURN(std::string s, Scalar(val));
      *out += " " + s + "\n";
    }
  }
  return Status::Ok();
}

Status EmitList(const Value& v, int indent, bool first_inline, std::string* out) {
  for (size_t i = 0; i < v.items().size(); ++i) {
    if (i > 0 || !first_inline) out->append(static_cast<size_t>(indent), ' ');
    *out += "- ";
    const Value& item = v.items()[i];
    if (IsBlock(item)) {
      RETURN_IF_ERROR(EmitNode(item, indent + 2, true, out));
    } else {
      ASSIGN_OR_RETURN(std::string s, Scalar(item));
      *out += s + "\n";
    }
  }
  return Status::Ok();
}

Status EmitNode(const Value& v, int indent, bool first_inline, std::string* out) {
  if (v.kind() == Value::Kind::kObject) return EmitMap(v, indent, first_inline, out);
  return EmitList(v, indent, first_inline, out);
}

}  // namespace

Result<Value> YamlDecode(const std::string& text) { return YamlParser(text).Document(); }

Result<std::string> YamlEncode(const Value& v) {
  std::string out;
  if (!IsBlock(v)) {
    ASSIGN_OR_RETURN(std::string s, Scalar(v));
    return s + "\n";
  }
  RETURN_IF_ERROR(EmitNode(v, 0, false, &out));
  return out;
}

}  // namespace strata::hcl
