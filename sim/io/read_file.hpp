#pragma once
// Reads a whole input file into memory, turning every failure into an InputError that names
// the path and the operating system's reason.

#include <cstddef>
#include <filesystem>
#include <limits>
#include <string>

namespace parcours::io {

/// The file's bytes, unchanged (no newline or encoding conversion). Only regular files are
/// read: a directory, a device (/dev/zero), a FIFO or a socket is refused before any byte is
/// read, and opening never blocks. Throws InputError "<shown_as or path>: <reason>" if the
/// file is missing, unreadable, not regular or larger than `max_bytes`.
std::string read_file(const std::filesystem::path& path,
                      std::size_t max_bytes = std::numeric_limits<std::size_t>::max(),
                      const std::string& shown_as = "");

}  // namespace parcours::io
