// One exception hierarchy; each error carries the process exit code it maps to.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace quotegraph {

/// Exit codes of the command line tool.
enum class ExitCode : int { kOk = 0, kInputFailed = 1, kUsage = 2 };

/// Base of every quotegraph error.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what, ExitCode code = ExitCode::kInputFailed)
      : std::runtime_error(what), code_(code) {}
  [[nodiscard]] ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

/// Misuse of the command line or API: exit code 2.
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& what) : Error(what, ExitCode::kUsage) {}
};

/// A problem with one input, located as file:line:col (line/col 0 = unknown).
class InputError : public Error {
 public:
  InputError(std::string file, std::size_t line, std::size_t col, const std::string& message)
      : Error(format(file, line, col, message)), file_(std::move(file)), line_(line), col_(col) {}
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] std::size_t line() const { return line_; }
  [[nodiscard]] std::size_t col() const { return col_; }

  static std::string format(const std::string& file, std::size_t line, std::size_t col,
                            const std::string& message) {
    std::string out = file;
    if (line > 0) {
      out += ':';
      out += std::to_string(line);
      if (col > 0) {
        out += ':';
        out += std::to_string(col);
      }
    }
    out += ": ";
    out += message;
    return out;
  }

 private:
  std::string file_;
  std::size_t line_;
  std::size_t col_;
};

}  // namespace quotegraph
