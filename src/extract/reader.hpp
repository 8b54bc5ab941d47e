// read: turns input paths into Documents. Every input is untrusted: a bad
// file or line is reported through on_error with file:line:col and the rest
// is still read.
//
// Example:
//   read_inputs({"samples/", "more.jsonl", "-"},
//               [](Document&& d) { /* extract */ },
//               [](const InputError& e) { spdlog::error("{}", e.what()); });
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "extract/error.hpp"
#include "extract/types.hpp"

namespace quotegraph {

struct ReadOptions {
  /// Documents (a file, or one JSONL line) larger than this are reported and skipped.
  std::size_t max_document_bytes = std::size_t{64} << 20;
};

/// Reads `.txt`/`.md` files (one article, id = file stem), `.jsonl` collections
/// (one article a line: {"id","text","title"?,"date"?,"url"?,"publisher"?}),
/// directories (every supported file below, sorted) and "-" (stdin: JSONL when
/// the first non-blank byte is '{', else one plain-text article with id "stdin").
/// Invalid UTF-8, binary content, empty input, broken JSON, missing "text" and
/// oversized documents go to on_error; reading continues with the rest.
void read_inputs(const std::vector<std::string>& inputs,
                 const std::function<void(Document&&)>& on_doc,
                 const std::function<void(const InputError&)>& on_error,
                 const ReadOptions& options = {});

}  // namespace quotegraph
