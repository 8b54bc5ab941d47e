#include "cli/parallel.hpp"

#include <atomic>
#include <exception>
#include <thread>
#include <utility>

#include "cli/inputs.hpp"
#include "extract/extract.hpp"

namespace quotegraph::cli {
namespace {

// A batch bounds memory (documents are held until their turn) while giving every
// thread enough work: whichever limit comes first.
constexpr std::size_t kDocsPerThread = 64;
constexpr std::size_t kBatchBytes = std::size_t{64} << 20;

}  // namespace

unsigned default_jobs() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

std::size_t extract_in_order(const std::vector<std::string>& inputs, unsigned jobs,
                             const std::function<void(Document&&, Extraction&&)>& on_result) {
  if (jobs == 0) jobs = default_jobs();
  std::vector<Document> batch;
  std::size_t batch_bytes = 0;

  auto run = [&] {
    std::vector<Extraction> results(batch.size());
    std::vector<std::exception_ptr> errors(batch.size());
    const unsigned threads = static_cast<unsigned>(std::min<std::size_t>(jobs, batch.size()));
    if (threads <= 1) {
      for (std::size_t i = 0; i < batch.size(); ++i) results[i] = extract(batch[i]);
    } else {
      std::atomic<std::size_t> next{0};
      auto work = [&] {
        for (std::size_t i = next++; i < batch.size(); i = next++) {
          try {
            results[i] = extract(batch[i]);
          } catch (...) {
            errors[i] = std::current_exception();
          }
        }
      };
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
      for (std::thread& t : pool) t.join();
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (errors[i]) std::rethrow_exception(errors[i]);
      on_result(std::move(batch[i]), std::move(results[i]));
    }
    batch.clear();
    batch_bytes = 0;
  };

  const std::size_t failed = for_each_document(inputs, [&](Document&& doc) {
    batch_bytes += doc.text.size();
    batch.push_back(std::move(doc));
    if (batch.size() >= kDocsPerThread * jobs || batch_bytes >= kBatchBytes) run();
  });
  run();
  return failed;
}

}  // namespace quotegraph::cli
