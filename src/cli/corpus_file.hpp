// Reading and writing `.qg` corpus files for the commands.
//
// Example:
//   graph::Corpus corpus = load_corpus_file("corpus.qg");
//   save_corpus_file(corpus, "corpus.qg");   // atomically
#pragma once

#include <string>
#include <string_view>

#include "graph/corpus.hpp"

namespace quotegraph::cli {

/// True when path ends in ".qg" (any case).
bool is_corpus_path(std::string_view path);

/// Loads path, keeping what keep says; throws Error (exit code 1) when it cannot be read
/// or is not a corpus.
graph::Corpus load_corpus_file(const std::string& path, graph::Keep keep = graph::Keep::kBoth);

/// Writes corpus to path through a temporary file and a rename.
void save_corpus_file(const graph::Corpus& corpus, const std::string& path);

/// While it lives, no other quotegraph adds to the corpus at path: an exclusive lock
/// (flock) on ".<name>.lock" beside it, which is left in place. Two `build --into` of one
/// corpus at once would otherwise both read it and the later save would drop the other's
/// documents; the second now waits for the first (saying so) and reads what it saved.
/// Throws Error when the lock file cannot be created.
class CorpusLock {
 public:
  explicit CorpusLock(const std::string& path);
  CorpusLock(const CorpusLock&) = delete;
  CorpusLock& operator=(const CorpusLock&) = delete;
  ~CorpusLock();

 private:
  int fd_ = -1;
};

}  // namespace quotegraph::cli
