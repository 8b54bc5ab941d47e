#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include "extract/error.hpp"

namespace quotegraph::cli {
namespace {

std::string errno_text(int err) { return std::strerror(err); }

// Creates "<dir>/.<name>.tmp-XXXXXXXX" exclusively (O_EXCL), so no other writer,
// not even another quotegraph run, shares it; mode 0666 leaves the rest to the umask.
std::string create_temporary(const std::filesystem::path& target) {
  const std::filesystem::path dir = target.parent_path();
  std::random_device random;
  for (int attempt = 0; attempt < 16; ++attempt) {
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "%08x", random());
    std::filesystem::path tmp = dir / ("." + target.filename().string() + ".tmp-" + suffix);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::close(fd);
      return tmp.string();
    }
    if (errno != EEXIST) {
      throw Error("cannot write " + target.string() + ": " + errno_text(errno));
    }
  }
  throw Error("cannot write " + target.string() + ": no free temporary name");
}

// Flushes the file's data to disk before the rename makes it visible.
void sync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write) {
  if (path.empty()) throw Error("cannot write an output file with an empty name");
  const std::filesystem::path target(path);
  if (std::filesystem::is_directory(target))
    throw Error("cannot write " + path + ": is a directory");

  const std::string tmp = create_temporary(target);
  auto discard = [&tmp] { std::remove(tmp.c_str()); };
  try {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error("cannot write " + path + ": " + errno_text(errno));
    write(out);
    out.flush();
    if (!out) throw Error("cannot write " + path + ": " + errno_text(errno));
    out.close();
    if (out.fail()) throw Error("cannot write " + path + ": " + errno_text(errno));
    sync_file(tmp);
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
      throw Error("cannot write " + path + ": " + errno_text(errno));
    }
  } catch (const Error&) {
    discard();
    throw;
  } catch (const std::exception& e) {
    discard();
    throw Error("cannot write " + path + ": " + e.what());
  } catch (...) {
    discard();
    throw;
  }
}

}  // namespace quotegraph::cli
