#include "cli/corpus_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "cli/atomic_file.hpp"
#include "extract/error.hpp"

namespace quotegraph::cli {

bool is_corpus_path(std::string_view path) {
  if (path.size() < 3) return false;
  std::string_view ext = path.substr(path.size() - 3);
  return ext == ".qg" || ext == ".QG" || ext == ".Qg" || ext == ".qG";
}

graph::Corpus load_corpus_file(const std::string& path, graph::Keep keep) {
  // A large buffer (set before open, for libstdc++): a corpus is read once, front to back.
  std::vector<char> buffer(std::size_t{1} << 20);
  std::ifstream in;
  in.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  in.open(path, std::ios::binary);
  if (!in) throw Error(path + ": " + std::strerror(errno));
  return graph::Corpus::load(in, path, keep);
}

void save_corpus_file(const graph::Corpus& corpus, const std::string& path) {
  write_file_atomically(path, [&](std::ostream& out) { corpus.save(out); });
}

}  // namespace quotegraph::cli
