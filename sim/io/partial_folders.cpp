#include "io/partial_folders.hpp"

#include <signal.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <string_view>
#include <system_error>

namespace parcours::io {

namespace fs = std::filesystem;

void PartialFolders::add(const fs::path& folder) {
  const std::lock_guard hold(mutex_);
  folders_.push_back(folder);
}

void PartialFolders::remove(const fs::path& folder) {
  const std::lock_guard hold(mutex_);
  remove_locked(folder);
}

void PartialFolders::remove_locked(const fs::path& folder) {
  folders_.erase(std::remove(folders_.begin(), folders_.end(), folder), folders_.end());
}

void PartialFolders::remove_all() noexcept {
  const std::lock_guard hold(mutex_);
  closed_ = true;
  for (const fs::path& folder : folders_) {
    std::error_code ec;
    fs::remove_all(folder, ec);
  }
  folders_.clear();
}

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

}  // namespace

long partial_folder_pid(const std::string& name) {
  if (name.size() < 2 || name[0] != '.') return 0;
  for (const std::string_view kind : {".partial-", ".old-"}) {
    const std::size_t at = name.rfind(kind);
    if (at == std::string::npos || at == 0) continue;
    const std::string_view tail = std::string_view(name).substr(at + kind.size());
    const std::size_t dash = tail.find('-');
    if (dash == std::string_view::npos) continue;
    const std::string_view pid = tail.substr(0, dash);
    if (!all_digits(pid) || !all_digits(tail.substr(dash + 1)) || pid.size() > 9) continue;
    return std::stol(std::string(pid));
  }
  return 0;
}

void sweep_stale_partials(const fs::path& parent) noexcept {
  try {
    std::error_code ec;
    for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
      const long pid = partial_folder_pid(it->path().filename().string());
      if (pid <= 0 || !it->is_directory(ec) || it->is_symlink(ec)) continue;
      if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive or unknown
      std::error_code remove_ec;
      fs::remove_all(it->path(), remove_ec);
    }
  } catch (...) {  // a name that cannot be converted: leave the folder
  }
}

}  // namespace parcours::io
