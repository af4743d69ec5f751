#pragma once
// Opening and closing the files of a result folder, so that every table reports a failed
// write the same way (std::filesystem::filesystem_error naming the path).

#include <filesystem>
#include <fstream>

namespace parcours::experiment {

/// A binary output stream on `path`; throws if it cannot be opened.
std::ofstream open_output(const std::filesystem::path& path);
/// Closes `out`, throwing if anything written to it was lost.
void close_output(std::ofstream& out, const std::filesystem::path& path);

}  // namespace parcours::experiment
