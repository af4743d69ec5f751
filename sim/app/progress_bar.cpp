#include "app/progress_bar.hpp"

#include <unistd.h>

#include <cstdio>

namespace parcours::app {

namespace {
constexpr int kWidth = 30;
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
}  // namespace

ProgressBar::ProgressBar(std::string label, bool enabled)
    : label_(std::move(label)),
      enabled_(enabled),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_ - kRedrawEvery) {}

ProgressBar::~ProgressBar() { finish(); }

bool ProgressBar::stderr_is_terminal() { return isatty(STDERR_FILENO) != 0; }

void ProgressBar::update(double fraction) {
  if (!enabled_) return;
  const std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedrawEvery && fraction < 1.0) return;
  last_draw_ = now;
  const int filled = static_cast<int>(fraction * kWidth);
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  std::string bar(static_cast<std::size_t>(filled), '=');
  bar.resize(kWidth, ' ');
  if (fraction > 0.02 && fraction < 1.0) {
    const double remaining = elapsed * (1.0 - fraction) / fraction;
    std::fprintf(stderr, "\r%s [%s] %3.0f%%  %.1f s, about %.0f s left ", label_.c_str(),
                 bar.c_str(), 100.0 * fraction, elapsed, remaining);
  } else {
    std::fprintf(stderr, "\r%s [%s] %3.0f%%  %.1f s            ", label_.c_str(), bar.c_str(),
                 100.0 * fraction, elapsed);
  }
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::finish() {
  const std::lock_guard lock(mutex_);
  if (!drawn_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace parcours::app
