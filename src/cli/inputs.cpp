#include "cli/inputs.hpp"

#include <spdlog/spdlog.h>

namespace quotegraph::cli {

std::size_t for_each_document(const std::vector<std::string>& inputs,
                              const std::function<void(Document&&)>& on_doc,
                              const ReadOptions& options) {
  std::size_t failures = 0;
  // Each bad input is logged as it comes, so its message appears next to the output
  // around it, and counted for the exit code.
  read_inputs(
      inputs, on_doc,
      [&failures](const InputError& e) {
        spdlog::error("{}", e.what());
        ++failures;
      },
      options);
  return failures;
}

}  // namespace quotegraph::cli
