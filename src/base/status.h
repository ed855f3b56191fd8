// Status and Result<T>: errors are values. Context is wrapped as lower-case
// "module: action: cause" so messages read as a chain.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace strata {

// Codes that callers branch on. Everything else is kError with a message.
enum class Code {
  kOk = 0,
  kError,             // generic failure, message says why
  kInvalidArgument,   // bad user input (flags, URLs, HCL values)
  kNotFound,          // a file, object or env that does not exist
  kParse,             // malformed HCL/SQL; message carries file:line:col
  kExec,              // a database statement failed
  kUnsupported,       // a feature this build or dialect does not have
  kAborted,           // the user said no, or a signal arrived
  kNoPlan,            // nothing to do
  kLocked,            // lock held by another session
  kChecksumMismatch,  // atlas.sum mismatch
  kIO,                // filesystem or network I/O
  kInternal,          // a bug in Strata
};

class Status {
 public:
  Status() = default;
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy with "context: " prepended to the message.
  Status Wrap(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

inline Status Error(std::string message) { return Status(Code::kError, std::move(message)); }
inline Status InvalidArgument(std::string m) { return Status(Code::kInvalidArgument, std::move(m)); }
inline Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
inline Status ParseError(std::string m) { return Status(Code::kParse, std::move(m)); }
inline Status ExecError(std::string m) { return Status(Code::kExec, std::move(m)); }
inline Status Unsupported(std::string m) { return Status(Code::kUnsupported, std::move(m)); }
inline Status Internal(std::string m) { return Status(Code::kInternal, std::move(m)); }
inline Status IOError(std::string m) { return Status(Code::kIO, std::move(m)); }

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(v_).ok() && "Result built from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  Status status() const { return ok() ? Status() : std::get<Status>(v_); }

  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace strata

#define STRATA_CONCAT_INNER(a, b) a##b
#define STRATA_CONCAT(a, b) STRATA_CONCAT_INNER(a, b)

#define RETURN_IF_ERROR(expr)                 \
  do {                                        \
    ::strata::Status _st = (expr);            \
    if (!_st.ok()) return _st;                \
  } while (0)

#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.status();         \
  lhs = std::move(tmp).value()

#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL(STRATA_CONCAT(_res_, __LINE__), lhs, expr)
