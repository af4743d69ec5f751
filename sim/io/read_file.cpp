#include "io/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <system_error>

#include "io/input_error.hpp"

namespace parcours::io {

namespace {

std::string os_reason(int error) { return std::generic_category().message(error); }

std::string mebibytes(std::size_t bytes) {
  return std::to_string((bytes + (std::size_t{1} << 20) - 1) >> 20) + " MiB";
}

// Closes the descriptor whatever happens.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

std::string read_file(const std::filesystem::path& path, std::size_t max_bytes,
                      const std::string& shown_as) {
  const std::string name = shown_as.empty() ? path.string() : shown_as;
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. It
  // changes nothing for the regular files that pass the check below.
  const Descriptor file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (file.get() < 0) throw InputError(name, "cannot open file: " + os_reason(errno));
  struct stat info {};
  if (::fstat(file.get(), &info) != 0)
    throw InputError(name, "cannot open file: " + os_reason(errno));
  if (S_ISDIR(info.st_mode)) throw InputError(name, "cannot open file: it is a directory");
  if (!S_ISREG(info.st_mode)) {
    throw InputError(name, "cannot read it: not a regular file (a device, FIFO or socket)");
  }
  if (static_cast<std::size_t>(info.st_size) > max_bytes) {
    throw InputError(name, "file too large: " + mebibytes(static_cast<std::size_t>(info.st_size)) +
                               " (the limit is " + mebibytes(max_bytes) + ")");
  }

  std::string content;
  content.reserve(static_cast<std::size_t>(info.st_size));
  std::array<char, 1 << 16> buffer{};
  for (;;) {
    const ssize_t n = ::read(file.get(), buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw InputError(name, "cannot read file: " + os_reason(errno));
    }
    if (n == 0) break;
    if (content.size() + static_cast<std::size_t>(n) > max_bytes) {  // it grew while read
      throw InputError(name, "file too large (the limit is " + mebibytes(max_bytes) + ")");
    }
    content.append(buffer.data(), static_cast<std::size_t>(n));
  }
  return content;
}

}  // namespace parcours::io
