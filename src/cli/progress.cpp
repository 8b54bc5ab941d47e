#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace quotegraph::cli {

Progress::Progress(bool enabled)
    : on_(enabled && isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void Progress::tick(std::size_t bytes) {
  ++docs_;
  bytes_ += bytes;
  if (!on_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double mb = static_cast<double>(bytes_) / 1e6;
  std::fprintf(stderr, "\r%zu documents, %.1f MB, %.1f MB/s   ", docs_, mb,
               secs > 0 ? mb / secs : 0.0);
  std::fflush(stderr);
}

void Progress::step(std::size_t done, std::size_t total, const char* what) {
  if (!on_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  shown_ = true;
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double left =
      done > 0 ? secs * static_cast<double>(total - done) / static_cast<double>(done) : 0;
  std::fprintf(stderr, "\r%s: %zu of %zu, %.0f s left   ", what, done, total, left);
  std::fflush(stderr);
}

void Progress::done() {
  if (on_ && (docs_ > 0 || shown_)) {
    std::fprintf(stderr, "\r%60s\r", "");
    std::fflush(stderr);
  }
}

}  // namespace quotegraph::cli
