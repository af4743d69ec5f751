#pragma once
// Ctrl-C (SIGINT) or SIGTERM during a run removes the hidden partial result folder before the
// process ends, so an interrupted run leaves nothing behind (docs/outputs.md).
//
// The signals are blocked in every thread and received by one waiting thread (sigwait), which
// runs ordinary code: it removes the registered folders, then restores the default action
// and raises the signal again, so the process still ends "killed by SIGINT" (exit status 130
// in a shell). No signal handler runs, so nothing has to be async-signal-safe.

#include <signal.h>

#include <atomic>
#include <thread>

#include "io/partial_folders.hpp"

namespace parcours::app {

class InterruptCleanup {
 public:
  /// Blocks SIGINT and SIGTERM in the calling thread, so in every thread started after it;
  /// construct it before any other thread.
  InterruptCleanup();
  /// Stops the waiting thread and restores the signal mask.
  ~InterruptCleanup();
  InterruptCleanup(const InterruptCleanup&) = delete;
  InterruptCleanup& operator=(const InterruptCleanup&) = delete;

  [[nodiscard]] io::PartialFolders& folders() { return folders_; }

 private:
  void wait_for_signals();

  io::PartialFolders folders_;
  sigset_t waited_{};
  sigset_t previous_mask_{};
  std::atomic<bool> stopping_{false};
  std::thread waiter_;
};

}  // namespace parcours::app
