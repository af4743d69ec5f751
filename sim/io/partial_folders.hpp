#pragma once
// The hidden ".<name>.partial-<pid>-<n>" folders a process is writing, so that an interrupt
// (SIGINT, SIGTERM) can remove them before the process ends, and the leftovers of processes
// that died without cleaning up (SIGKILL, power loss) can be swept by the next run.
//
// A ResultFolder adds its folder when it creates it and takes it out when it commits or
// discards it. The interrupt handler (app/interrupt_cleanup) calls remove_all() from an
// ordinary thread, never from a signal handler: removing a tree is not async-signal-safe.

#include <filesystem>
#include <mutex>
#include <vector>

namespace parcours::io {

class PartialFolders {
 public:
  void add(const std::filesystem::path& folder);
  void remove(const std::filesystem::path& folder);
  /// Deletes every folder still registered and refuses later add()s (the process is ending).
  /// A commit in progress finishes first: ResultFolder holds lock() while it renames.
  void remove_all() noexcept;
  [[nodiscard]] std::unique_lock<std::mutex> lock() { return std::unique_lock(mutex_); }
  /// Called with lock() held.
  void remove_locked(const std::filesystem::path& folder);
  [[nodiscard]] bool closed_locked() const { return closed_; }

 private:
  std::mutex mutex_;
  std::vector<std::filesystem::path> folders_;
  bool closed_ = false;
};

/// Removes the ".<name>.partial-<pid>-<n>" and ".<name>.old-<pid>-<n>" folders in `parent`
/// whose process no longer exists (kill(pid, 0) fails with ESRCH). Folders of live processes,
/// and anything not named that way, are left alone. Best effort: errors are ignored.
void sweep_stale_partials(const std::filesystem::path& parent) noexcept;

/// The pid recorded in a partial or old folder's name, or 0 if the name is not one of ours.
[[nodiscard]] long partial_folder_pid(const std::string& name);

}  // namespace parcours::io
