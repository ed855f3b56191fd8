#include "hcl/json.h"

#include <algorithm>
#include <cstdio>

#include "hcl/functions.h"
#include "hcl/utf8.h"

namespace strata::hcl {

std::string JsonQuote(const std::string& s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = Utf8Length(s, i);
    uint32_t cp = DecodeUtf8(s, i);
    char buf[8];
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
      case '<':
      case '>':
      case '&':
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
        break;
      default:
        if (c < 0x20) {
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else if (cp == 0x2028 || cp == 0x2029) {
          std::snprintf(buf, sizeof buf, "\\u%04x", cp);
          out += buf;
        } else {
          out.append(s, i, n);
        }
    }
    i += n;
  }
  return out + "\"";
}

namespace {

Status EncodeTo(const Value& v, std::string* out) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      *out += "null";
      return Status::Ok();
    case Value::Kind::kBool:
      *out += v.bool_value() ? "true" : "false";
      return Status::Ok();
    case Value::Kind::kNumber:
      *out += v.number_text();
      return Status::Ok();
    case Value::Kind::kString:
      *out += JsonQuote(v.str());
      return Status::Ok();
    case Value::Kind::kList: {
      *out += '[';
      for (size_t i = 0; i < v.items().size(); ++i) {
        if (i) *out += ',';
        RETURN_IF_ERROR(EncodeTo(v.items()[i], out));
      }
      *out += ']';
      return Status::Ok();
    }
    case Value::Kind::kObject: {
      std::vector<const std::pair<std::string, Value>*> fields;
      for (const auto& f : v.fields()) fields.push_back(&f);
      std::stable_sort(fields.begin(), fields.end(),
                       [](auto* a, auto* b) { return a->first < b->first; });
      *out += '{';
      for (size_t i = 0; i < fields.size(); ++i) {
        if (i) *out += ',';
        *out += JsonQuote(fields[i]->first) + ":";
        RETURN_IF_ERROR(EncodeTo(fields[i]->second, out));
      }
      *out += '}';
      return Status::Ok();
    }
    default:
      return InvalidArgument("a value of type " + v.TypeName() + " (" + v.ToHCL() +
                             ") cannot be encoded as JSON");
  }
}

class JsonParser {
 public:
  explicit JsonParser(const std::string& s) : s_(s) {}

  Result<Value> Document() {
    ASSIGN_OR_RETURN(Value v, ParseValue(0));
    SkipSpace();
    if (i_ != s_.size()) return Error("invalid character after top-level value");
    return v;
  }

 private:
  Status Error(const std::string& what) const {
    return InvalidArgument(what + " at offset " + std::to_string(i_));
  }

  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
      ++i_;
  }

  bool Literal(const char* word) {
    size_t n = std::char_traits<char>::length(word);
    if (s_.compare(i_, n, word) != 0) return false;
    i_ += n;
    return true;
  }

  Result<Value> ParseValue(int depth) {
    if (depth > 512) return Error("exceeded max depth");
    SkipSpace();
    if (i_ >= s_.size()) return Error("unexpected end of JSON input");
    char c = s_[i_];
    if (c == '{') return ParseObject(depth);
    if (c == '[') return ParseArray(depth);
    if (c == '"') {
      ASSIGN_OR_RETURN(std::string str, ParseString());
      return Value::String(std::move(str));
    }
    if (Literal("true")) return Value::Bool(true);
    if (Literal("false")) return Value::Bool(false);
    if (Literal("null")) return Value();
    if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber();
    return Error(std::string("invalid character '") + c + "' looking for beginning of value");
  }

  Result<Value> ParseNumber() {
    size_t start = i_;
    if (s_[i_] == '-') ++i_;
    auto digits = [&] {
      size_t b = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      return i_ > b;
    };
    if (!digits()) return Error("invalid number");
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (!digits()) return Error("invalid number");
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!digits()) return Error("invalid number");
    }
    return Value::NumberText(s_.substr(start, i_ - start));
  }

  Result<std::string> ParseString() {
    ++i_;  // opening quote
    std::string out;
    while (true) {
      if (i_ >= s_.size()) return Error("unexpected end of JSON input");
      char c = s_[i_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) return Error("invalid character in string literal");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) return Error("unexpected end of JSON input");
      char e = s_[i_++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          ASSIGN_OR_RETURN(uint32_t cp, Hex4());
          if (cp >= 0xD800 && cp <= 0xDBFF && s_.compare(i_, 2, "\\u") == 0) {
            i_ += 2;
            ASSIGN_OR_RETURN(uint32_t lo, Hex4());
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else {
              AppendUtf8(&out, 0xFFFD);
              cp = lo;
            }
          } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
          }
          AppendUtf8(&out, cp);
          break;
        }
        default:
          return Error(std::string("invalid escape '\\") + e + "' in string literal");
      }
    }
  }

  Result<uint32_t> Hex4() {
    if (i_ + 4 > s_.size()) return Error("invalid \\u escape");
    uint32_t cp = 0;
    for (int k = 0; k < 4; ++k) {
      int h = HexDigitValue(s_[i_++]);
      if (h < 0) return Error("invalid \\u escape");
      cp = cp * 16 + static_cast<uint32_t>(h);
    }
    return cp;
  }

  Result<Value> ParseArray(int depth) {
    ++i_;
    ValueList items;
    SkipSpace();
    if (i_ < s_.size() && s_[i_] == ']') {
      ++i_;
      return Value::List(std::move(items));
    }
    while (true) {
      ASSIGN_OR_RETURN(Value v, ParseValue(depth + 1));
      items.push_back(std::move(v));
      SkipSpace();
      if (i_ >= s_.size()) return Error("unexpected end of JSON input");
      char c = s_[i_++];
      if (c == ']') return Value::List(std::move(items));
      if (c != ',') return Error("invalid character after array element");
    }
  }

  Result<Value> ParseObject(int depth) {
    ++i_;
    ValueMap fields;
    SkipSpace();
    if (i_ < s_.size() && s_[i_] == '}') {
      ++i_;
      return Value::Object(std::move(fields));
    }
    while (true) {
      SkipSpace();
      if (i_ >= s_.size() || s_[i_] != '"')
        return Error("invalid character looking for beginning of object key string");
      ASSIGN_OR_RETURN(std::string key, ParseString());
      SkipSpace();
      if (i_ >= s_.size() || s_[i_] != ':') return Error("invalid character after object key");
      ++i_;
      ASSIGN_OR_RETURN(Value v, ParseValue(depth + 1));
      auto it =
          std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == key; });
      if (it != fields.end())
        it->second = std::move(v);
      else
        fields.emplace_back(std::move(key), std::move(v));
      SkipSpace();
      if (i_ >= s_.size()) return Error("unexpected end of JSON input");
      char c = s_[i_++];
      if (c == '}') return SortedObject(std::move(fields));
      if (c != ',') return Error("invalid character after object key:value pair");
    }
  }

  const std::string& s_;
  size_t i_ = 0;
};

}  // namespace

Result<std::string> JsonEncode(const Value& v) {
  std::string out;
  RETURN_IF_ERROR(EncodeTo(v, &out));
  return out;
}

Result<Value> JsonDecode(const std::string& text) { return JsonParser(text).Document(); }

}  // namespace strata::hcl
