// Writing a large output on several threads: the output is cut into numbered chunks that
// are formatted independently into buffers, and written to the stream in order as they
// are done. The bytes are the same whatever the number of threads; memory is a few
// chunks per thread, the buffers reused from chunk to chunk.
//
// Example:
//   write_in_order(out, (rows.size() + 999) / 1000, threads, [&](std::size_t i, OutBuffer& b) {
//     for (std::size_t r = i * 1000; r < std::min(rows.size(), (i + 1) * 1000); ++r)
//       b.append(rows[r]);
//   });
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>
#include <string_view>

namespace quotegraph::exporters {

/// A growable byte buffer that is not zero-filled and keeps its room when cleared.
class OutBuffer {
 public:
  /// Room for at least n more bytes: where they go (up to room_end()).
  char* make_room(std::size_t n) {
    if (capacity_ - size_ < n) grow(n);
    return data_.get() + size_;
  }
  [[nodiscard]] char* room_end() const { return data_.get() + capacity_; }
  /// The bytes up to end (within the room) are written.
  void commit(const char* end) { size_ = static_cast<std::size_t>(end - data_.get()); }
  void append(std::string_view s);
  void clear() { size_ = 0; }
  [[nodiscard]] std::string_view view() const { return {data_.get(), size_}; }

 private:
  void grow(std::size_t n);

  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

/// Calls format(i, buffer) for every chunk i in [0, chunks), on `threads` threads (this
/// one included; 0 or 1: this one alone), and writes each buffer to out in the order of
/// i. An exception from format is thrown here, after the other threads stopped; a chunk
/// is not formatted more than a few chunks per thread ahead of the one being written.
void write_in_order(std::ostream& out, std::size_t chunks, unsigned threads,
                    const std::function<void(std::size_t, OutBuffer&)>& format);

}  // namespace quotegraph::exporters
