#include "io/input_error.hpp"

#include <utility>

namespace parcours::io {

std::string format_input_location(const std::string& file, std::size_t line, std::size_t column,
                                  const std::string& message) {
  std::string out = file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  if (!out.empty()) out += ": ";
  out += message;
  return out;
}

InputError::InputError(std::string file, std::size_t line, std::size_t column, std::string message)
    : std::runtime_error(format_input_location(file, line, column, message)),
      parts_(std::make_shared<const Parts>(Parts{std::move(file), std::move(message)})),
      line_(line),
      column_(column) {}

InputError::InputError(std::string file, std::size_t line, std::string message)
    : InputError(std::move(file), line, 0, std::move(message)) {}

InputError::InputError(std::string file, std::string message)
    : InputError(std::move(file), 0, 0, std::move(message)) {}

}  // namespace parcours::io
