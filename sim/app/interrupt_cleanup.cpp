#include "app/interrupt_cleanup.hpp"

#include <pthread.h>

namespace parcours::app {

namespace {

// A signal the process was started with ignored (`nohup`, `cmd &` in a script) stays ignored.
bool ignored(int signal) {
  struct sigaction current {};
  sigaction(signal, nullptr, &current);
  return current.sa_handler == SIG_IGN;
}

}  // namespace

InterruptCleanup::InterruptCleanup() {
  sigemptyset(&waited_);
  for (const int signal : {SIGINT, SIGTERM}) {
    if (!ignored(signal)) sigaddset(&waited_, signal);
  }
  sigaddset(&waited_, SIGUSR1);  // wakes the waiting thread when the process ends normally
  pthread_sigmask(SIG_BLOCK, &waited_, &previous_mask_);
  waiter_ = std::thread([this] { wait_for_signals(); });
}

InterruptCleanup::~InterruptCleanup() {
  stopping_ = true;
  pthread_kill(waiter_.native_handle(), SIGUSR1);
  waiter_.join();
  pthread_sigmask(SIG_SETMASK, &previous_mask_, nullptr);
}

void InterruptCleanup::wait_for_signals() {
  for (;;) {
    int signal = 0;
    if (sigwait(&waited_, &signal) != 0) continue;
    if (signal == SIGUSR1) {
      if (stopping_) return;
      continue;  // a SIGUSR1 from outside: parcours gives it no meaning
    }
    folders_.remove_all();
    // End the way the signal would have ended us without this thread.
    struct sigaction action {};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(signal, &action, nullptr);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, signal);
    pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
    raise(signal);
    return;
  }
}

}  // namespace parcours::app
