#pragma once
// Runs the parcours program for end-to-end tests and captures what it says.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace parcours::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

inline std::string parcours_binary() {
  return std::string(PARCOURS_BINARY_DIR) + "/sim/app/parcours";
}

/// Runs `parcours <arguments>` through the shell (arguments are not quoted for you). With
/// `deadline_seconds` > 0 the process is killed past it, so a hang fails the test instead of
/// stalling the suite.
inline CommandResult run_parcours(const std::string& arguments, int deadline_seconds = 0) {
  const std::string limit =
      deadline_seconds > 0 ? "timeout -s KILL " + std::to_string(deadline_seconds) + " " : "";
  const std::string command = limit + parcours_binary() + " " + arguments + " 2>&1 </dev/null";
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace parcours::testing
