#include "cli/parallel.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include "cli/inputs.hpp"
#include "extract/extract.hpp"

namespace quotegraph::cli {
namespace {

// Documents read but not yet handed on are held in a window that bounds memory while
// keeping every thread busy: whichever limit comes first. While the workers have
// kQueuedPerWorker documents each waiting, the reading thread extracts what it reads
// itself. 32 rather than 8: the reading thread also reads the file a megabyte at a
// time and adds every result to the corpus, and while it does, eight documents ran out
// (a worker waited 40-55 ms of a 230 ms extraction phase on PolNeAR with every document
// distinct; 4-13 ms with 32).
constexpr std::size_t kDocsPerThread = 64;
constexpr std::size_t kWindowBytes = std::size_t{64} << 20;
constexpr std::size_t kQueuedPerWorker = 32;

/// A pipeline of `jobs` threads: this one reads documents into the window and hands
/// results on in input order, `jobs - 1` workers extract the oldest documents nobody has
/// taken, and this thread extracts the document it has just read whenever the workers
/// have enough waiting (its text is still in this core's caches, where a worker would
/// fetch it from the other core's), or the oldest when the window is full. Reading and
/// handing on overlap extraction, so neither waits for a whole batch, and no more
/// threads run than asked for. A worker's extractions, once handed on, go back to it to
/// be freed: memory freed by the thread that allocated it is reused at once, while
/// memory freed by another thread goes through the allocator's cross-thread bookkeeping,
/// which both threads pay for.
class Pipeline {
 public:
  Pipeline(unsigned jobs, const std::function<void(Document&&, Extraction&&)>& on_result)
      : on_result_(on_result),
        max_docs_(kDocsPerThread * jobs),
        queued_(kQueuedPerWorker * (jobs - 1)) {
    workers_.reserve(jobs - 1);
    spent_.resize(jobs);
    for (unsigned t = 1; t < jobs; ++t) workers_.emplace_back([this, t] { work(t); });
  }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;
  ~Pipeline() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  /// Queues doc to be extracted, or only handed on in its turn when skip is true.
  void push(Document&& doc, bool skip) {
    auto slot = std::make_unique<Slot>();
    slot->bytes = doc.text.size();
    slot->doc = std::move(doc);
    std::unique_lock lock(mutex_);
    deliver_ready(lock);
    const bool mine = !skip && untaken_ >= queued_;
    slot->taken = skip;
    slot->done = skip;
    window_bytes_ += slot->bytes;
    window_.push_back(std::move(slot));
    if (!skip) ++untaken_;
    if (skip) {
      deliver_ready(lock);
    } else if (mine) {
      extract_one(lock, 0, true);
      deliver_ready(lock);
    }
    // Over the window: extract the oldest or wait for it.
    while (window_.size() > max_docs_ || window_bytes_ > kWindowBytes) {
      if (!extract_one(lock)) result_ready_.wait(lock);
      deliver_ready(lock);
    }
    const bool work_left = untaken_ > 0;
    lock.unlock();
    if (work_left && !mine) work_ready_.notify_one();
  }

  /// Hands on every remaining result.
  void finish() {
    std::unique_lock lock(mutex_);
    for (;;) {
      deliver_ready(lock);
      if (window_.empty()) return;
      if (!extract_one(lock)) result_ready_.wait(lock);
    }
  }

 private:
  struct Slot {
    Document doc;
    Extraction ex;
    std::exception_ptr error;
    std::size_t bytes = 0;
    unsigned extractor = 0;  // the thread that extracted it: 0 for this one
    bool taken = false;
    bool done = false;
  };

  // With the lock held: calls on_result (unlocked) for the finished documents at the
  // front of the window, in order.
  void deliver_ready(std::unique_lock<std::mutex>& lock) {
    while (!window_.empty() && window_.front()->done) {
      std::unique_ptr<Slot> slot = std::move(window_.front());
      window_.pop_front();
      window_bytes_ -= slot->bytes;
      if (first_untaken_ > 0) --first_untaken_;  // indexes shift with the window
      lock.unlock();
      if (slot->error) std::rethrow_exception(slot->error);
      on_result_(std::move(slot->doc), std::move(slot->ex));
      lock.lock();
      if (slot->extractor != 0) spent_[slot->extractor].push_back(std::move(slot->ex));
    }
  }

  // With the lock held: extracts the oldest document nobody has taken, or the newest,
  // if any (the lock is released meanwhile). Returns whether there was one.
  bool extract_one(std::unique_lock<std::mutex>& lock, unsigned extractor = 0,
                   bool newest = false) {
    if (untaken_ == 0) return false;
    while (window_[first_untaken_]->taken) ++first_untaken_;
    std::size_t at = first_untaken_;
    if (newest) {
      at = window_.size() - 1;
      while (window_[at]->taken) --at;
    }
    Slot* slot = window_[at].get();  // stays put until it is done and handed on
    slot->taken = true;
    slot->extractor = extractor;
    --untaken_;
    lock.unlock();
    try {
      slot->ex = extract(slot->doc);
    } catch (...) {
      slot->error = std::current_exception();
    }
    lock.lock();
    slot->done = true;
    result_ready_.notify_one();
    return true;
  }

  void work(unsigned self) {
    std::vector<Extraction> spent;
    std::unique_lock lock(mutex_);
    for (;;) {
      work_ready_.wait(lock, [this] { return stop_ || untaken_ > 0; });
      if (stop_) return;
      spent.swap(spent_[self]);
      lock.unlock();
      spent.clear();  // frees this thread's extractions handed on since it last looked
      lock.lock();
      extract_one(lock, self);
    }
  }

  const std::function<void(Document&&, Extraction&&)>& on_result_;
  const std::size_t max_docs_;
  const std::size_t queued_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable result_ready_;
  std::deque<std::unique_ptr<Slot>> window_;  // in input order
  std::size_t window_bytes_ = 0;
  std::size_t untaken_ = 0;        // slots nobody has taken yet
  std::size_t first_untaken_ = 0;  // window_[0, first_untaken_) are all taken
  // Per worker, its extractions that were handed on, for it to free.
  std::vector<std::vector<Extraction>> spent_;
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace

unsigned default_jobs() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

std::size_t extract_in_order(const std::vector<std::string>& inputs, unsigned jobs,
                             const std::function<void(Document&&, Extraction&&)>& on_result,
                             const std::function<bool(const Document&)>& wanted) {
  if (jobs == 0) jobs = default_jobs();
  if (jobs == 1) {
    return for_each_document(inputs, [&](Document&& doc) {
      Extraction ex = !wanted || wanted(doc) ? extract(doc) : Extraction();
      on_result(std::move(doc), std::move(ex));
    });
  }
  Pipeline pipeline(jobs, on_result);
  const std::size_t failed = for_each_document(inputs, [&](Document&& doc) {
    const bool skip = wanted && !wanted(doc);
    pipeline.push(std::move(doc), skip);
  });
  pipeline.finish();
  return failed;
}

}  // namespace quotegraph::cli
