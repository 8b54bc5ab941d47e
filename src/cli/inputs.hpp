// Reading inputs for a command: errors are logged as they come and counted.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "extract/reader.hpp"
#include "extract/types.hpp"

namespace quotegraph::cli {

/// Reads every input, calling on_doc per document; logs each bad input with
/// spdlog and returns how many failed (0 = all read).
std::size_t for_each_document(const std::vector<std::string>& inputs,
                              const std::function<void(Document&&)>& on_doc,
                              const ReadOptions& options = {});

}  // namespace quotegraph::cli
