#include "exporters/in_order.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace quotegraph::exporters {

void OutBuffer::append(std::string_view s) {
  char* p = make_room(s.size());
  std::memcpy(p, s.data(), s.size());
  size_ += s.size();
}

void OutBuffer::grow(std::size_t n) {
  const std::size_t capacity = std::max({capacity_ * 2, size_ + n, std::size_t{4096}});
  auto data = std::make_unique_for_overwrite<char[]>(capacity);
  if (size_ > 0) std::memcpy(data.get(), data_.get(), size_);
  data_ = std::move(data);
  capacity_ = capacity;
}

namespace {

void write_buffer(std::ostream& out, const OutBuffer& buffer) {
  const std::string_view bytes = buffer.view();
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Chunk i is formatted into slot i % slots: a chunk waits for its slot to be written.
class Chunks {
 public:
  Chunks(std::ostream& out, std::size_t chunks, unsigned threads,
         const std::function<void(std::size_t, OutBuffer&)>& format)
      : out_(out), chunks_(chunks), format_(format), slots_(std::size_t{2} * threads) {}

  void run(unsigned threads) {
    std::vector<std::thread> helpers;
    helpers.reserve(threads - 1);
    try {
      for (unsigned t = 1; t < threads; ++t) helpers.emplace_back([this] { help(); });
      write_all();
    } catch (...) {
      stop();
      for (std::thread& t : helpers) t.join();
      throw;
    }
    stop();
    for (std::thread& t : helpers) t.join();
  }

 private:
  struct Slot {
    OutBuffer buffer;
    std::exception_ptr error;
    bool done = false;
  };

  // With the lock held: whether a chunk may be taken now (its slot is free).
  bool can_take() const { return next_ < chunks_ && next_ < written_ + slots_.size(); }

  // With the lock held: formats chunk next_ (unlocked meanwhile).
  void format_next(std::unique_lock<std::mutex>& lock) {
    const std::size_t i = next_++;
    Slot& slot = slots_[i % slots_.size()];
    lock.unlock();
    try {
      format_(i, slot.buffer);
    } catch (...) {
      slot.error = std::current_exception();
    }
    lock.lock();
    slot.done = true;
    changed_.notify_all();
  }

  void help() {
    std::unique_lock lock(mutex_);
    for (;;) {
      changed_.wait(lock, [this] { return stopped_ || can_take(); });
      if (stopped_) return;
      format_next(lock);
    }
  }

  // Writes the chunks in order; formats one itself while the next to write is not done.
  void write_all() {
    for (std::size_t i = 0; i < chunks_; ++i) {
      Slot& slot = slots_[i % slots_.size()];
      std::unique_lock lock(mutex_);
      while (!slot.done) {
        if (can_take()) {
          format_next(lock);
        } else {
          changed_.wait(lock);
        }
      }
      lock.unlock();
      if (slot.error) std::rethrow_exception(slot.error);
      write_buffer(out_, slot.buffer);
      slot.buffer.clear();
      lock.lock();
      slot.done = false;
      ++written_;
      changed_.notify_all();
    }
  }

  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    changed_.notify_all();
  }

  std::ostream& out_;
  const std::size_t chunks_;
  const std::function<void(std::size_t, OutBuffer&)>& format_;
  std::vector<Slot> slots_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t next_ = 0;     // the next chunk to format
  std::size_t written_ = 0;  // chunks [0, written_) are written
  bool stopped_ = false;
};

}  // namespace

void write_in_order(std::ostream& out, std::size_t chunks, unsigned threads,
                    const std::function<void(std::size_t, OutBuffer&)>& format) {
  threads = static_cast<unsigned>(std::min<std::size_t>(std::max(threads, 1U), chunks));
  if (threads <= 1) {
    OutBuffer buffer;
    for (std::size_t i = 0; i < chunks; ++i) {
      buffer.clear();
      format(i, buffer);
      write_buffer(out, buffer);
    }
    return;
  }
  Chunks(out, chunks, threads, format).run(threads);
}

}  // namespace quotegraph::exporters
