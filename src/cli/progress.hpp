// A progress line on stderr for long runs, shown only when stderr is a terminal.
#pragma once

#include <chrono>
#include <cstddef>

namespace quotegraph::cli {

class Progress {
 public:
  /// enabled: the caller's wish; the bar still stays off when stderr is not a terminal.
  explicit Progress(bool enabled);
  /// One document done, of `bytes` bytes.
  void tick(std::size_t bytes);
  /// For work counted in steps: `done` of `total` steps of `what` ("betweenness: 120 of
  /// 9700 sources, 3 s left").
  void step(std::size_t done, std::size_t total, const char* what);
  /// Clears the line.
  void done();

 private:
  bool on_;
  bool shown_ = false;
  std::size_t docs_ = 0;
  std::size_t bytes_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace quotegraph::cli
