#include "cli/corpus_file.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
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

CorpusLock::CorpusLock(const std::string& path) {
  const std::filesystem::path corpus(path);
  const std::filesystem::path lock =
      corpus.parent_path() / ("." + corpus.filename().string() + ".lock");
  fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd_ < 0)
    throw Error("cannot lock " + path + ": " + lock.string() + ": " + std::strerror(errno));
  int locked = ::flock(fd_, LOCK_EX | LOCK_NB);
  if (locked != 0 && errno == EWOULDBLOCK) {
    spdlog::warn("{}: another quotegraph is adding to it: waiting", path);
    do {
      locked = ::flock(fd_, LOCK_EX);
    } while (locked != 0 && errno == EINTR);
  }
  if (locked == 0) return;
  const int err = errno;
  ::close(fd_);
  throw Error("cannot lock " + path + ": " + std::strerror(err));
}

CorpusLock::~CorpusLock() { ::close(fd_); }  // closing releases the lock

}  // namespace quotegraph::cli
