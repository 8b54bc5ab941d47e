// Extraction on several threads with results in input order: `build -j N` gives the
// same bytes as `build -j 1`.
//
// Example:
//   extract_in_order(inputs, 4, [&](Document&& doc, Extraction&& ex) {
//     corpus.add(doc, std::move(ex));   // called on this thread, in input order
//   });
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "extract/types.hpp"

namespace quotegraph::cli {

/// The number of threads `-j 0` (the default) means: every core.
unsigned default_jobs();

/// Reads every input (bad ones logged and counted, as for_each_document does), extracts
/// the documents on `jobs` threads while the calling thread goes on reading, and calls
/// on_result for each in input order on the calling thread. At most 64 documents a
/// thread or 64 MiB of text wait between reading and on_result. A document for which
/// `wanted`, called on the calling thread as it is read, returns false is not extracted:
/// on_result gets it in its turn with an empty Extraction. Returns the number of inputs
/// that failed.
std::size_t extract_in_order(const std::vector<std::string>& inputs, unsigned jobs,
                             const std::function<void(Document&&, Extraction&&)>& on_result,
                             const std::function<bool(const Document&)>& wanted = nullptr);

}  // namespace quotegraph::cli
