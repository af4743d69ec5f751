#pragma once
// The one exception type for bad user input (scenario files, CSV tables, command-line values).
// It carries a location so every layer reports problems the same way, "file:line:column:
// message", which editors and terminals recognise and can jump to.

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>

namespace parcours::io {

class InputError : public std::runtime_error {
 public:
  /// `line` and `column` are 1-based; 0 means unknown. `file` may be empty when the input
  /// has no name (e.g. a command-line value).
  InputError(std::string file, std::size_t line, std::size_t column, std::string message);
  InputError(std::string file, std::size_t line, std::string message);
  InputError(std::string file, std::string message);

  [[nodiscard]] const std::string& file() const noexcept { return parts_->file; }
  [[nodiscard]] std::size_t line() const noexcept { return line_; }
  [[nodiscard]] std::size_t column() const noexcept { return column_; }
  /// The message without the location prefix.
  [[nodiscard]] const std::string& message() const noexcept { return parts_->message; }

 private:
  // Shared so that copying the exception (as throw/catch may) cannot throw.
  struct Parts {
    std::string file;
    std::string message;
  };
  std::shared_ptr<const Parts> parts_;
  std::size_t line_;
  std::size_t column_;
};

/// "file:line:column: message", leaving out the parts that are unknown. A column is only shown
/// together with a line, since "file:3: ..." would otherwise read as line 3.
std::string format_input_location(const std::string& file, std::size_t line, std::size_t column,
                                  const std::string& message);

}  // namespace parcours::io
