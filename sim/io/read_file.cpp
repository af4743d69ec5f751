#include "io/read_file.hpp"

#include <array>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <system_error>

#include "io/input_error.hpp"

namespace parcours::io {

namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

std::string os_reason(int error) { return std::generic_category().message(error); }

}  // namespace

std::string read_file(const std::filesystem::path& path) {
  // fopen succeeds on a directory on Linux and only the read fails, with a vaguer message.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw InputError(path.string(), "cannot open file: it is a directory");
  }
  errno = 0;
  const std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) throw InputError(path.string(), "cannot open file: " + os_reason(errno));

  std::string content;
  std::array<char, 1 << 16> buffer{};
  for (;;) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file.get());
    content.append(buffer.data(), n);
    if (n < buffer.size()) break;
  }
  if (std::ferror(file.get()) != 0) {
    throw InputError(path.string(), "cannot read file: " + os_reason(errno));
  }
  return content;
}

}  // namespace parcours::io
