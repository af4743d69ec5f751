#include "experiment/table_file.hpp"

#include <system_error>

namespace parcours::experiment {

std::ofstream open_output(const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out)
    throw std::filesystem::filesystem_error("cannot write", path,
                                            std::make_error_code(std::errc::io_error));
  return out;
}

void close_output(std::ofstream& out, const std::filesystem::path& path) {
  out.close();
  if (!out)
    throw std::filesystem::filesystem_error("cannot write", path,
                                            std::make_error_code(std::errc::io_error));
}

}  // namespace parcours::experiment
