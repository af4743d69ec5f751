#pragma once
// Progress of a long run on stderr: one line redrawn in place, at most ten times a second.
// Silent when stderr is not a terminal (logs, CI) or when asked to be quiet.

#include <chrono>
#include <mutex>
#include <string>

namespace parcours::app {

class ProgressBar {
 public:
  ProgressBar(std::string label, bool enabled);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  /// Thread-safe; `fraction` in [0, 1].
  void update(double fraction);
  /// Clears the line.
  void finish();

  /// True when stderr is a terminal.
  static bool stderr_is_terminal();

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace parcours::app
