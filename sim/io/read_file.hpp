#pragma once
// Reads a whole input file into memory, turning every failure into an InputError that names
// the path and the operating system's reason.

#include <filesystem>
#include <string>

namespace parcours::io {

/// The file's bytes, unchanged (no newline or encoding conversion). Throws InputError
/// "<path>: cannot open file: <reason>" if it is missing, a directory or unreadable.
std::string read_file(const std::filesystem::path& path);

}  // namespace parcours::io
