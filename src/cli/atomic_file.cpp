#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <random>
#include <streambuf>
#include <utility>

#include "extract/error.hpp"

namespace quotegraph::cli {
namespace {

std::string errno_text(int err) { return std::strerror(err); }

// The temporaries being written, for a signal handler to remove when the run is ended by a
// signal (Ctrl-C, kill, a hang-up, the file size limit): otherwise a ".<name>.tmp-..."
// file, half of the output and as large, would stay behind. Fixed slots of plain bytes,
// because the handler may only read memory and call unlink.
struct TemporarySlot {
  std::atomic<int> state{0};  // 0 free, 1 being filled, 2 holds a temporary's path
  char path[4096];
};
TemporarySlot g_temporaries[8];
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void remove_temporaries_and_reraise(int sig) {
  for (TemporarySlot& slot : g_temporaries) {
    if (slot.state.load() == 2) ::unlink(slot.path);
  }
  // SA_RESETHAND has put back the default action: the process ends as the signal meant,
  // once this handler returns.
  ::raise(sig);
}

// Installed once, for the signals that would end the process by default; a signal that is
// ignored (a background job's SIGINT) or handled by someone else is left as it is.
void install_signal_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGXFSZ}) {
      struct sigaction old {};
      if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) continue;
      struct sigaction action {};
      action.sa_handler = remove_temporaries_and_reraise;
      sigemptyset(&action.sa_mask);
      action.sa_flags = static_cast<int>(SA_RESETHAND);
      ::sigaction(sig, &action, nullptr);
    }
  });
}

// Keeps path in a slot while it lives. A path that does not fit, or a ninth temporary at
// once, is only not removed on a signal.
class RegisteredTemporary {
 public:
  explicit RegisteredTemporary(const std::string& path) {
    if (path.size() >= sizeof(TemporarySlot::path)) return;
    install_signal_handlers();
    for (TemporarySlot& slot : g_temporaries) {
      int expected = 0;
      if (slot.state.compare_exchange_strong(expected, 1)) {
        std::memcpy(slot.path, path.c_str(), path.size() + 1);
        slot.state.store(2);
        slot_ = &slot;
        return;
      }
    }
  }
  RegisteredTemporary(const RegisteredTemporary&) = delete;
  RegisteredTemporary& operator=(const RegisteredTemporary&) = delete;
  ~RegisteredTemporary() {
    if (slot_ != nullptr) slot_->state.store(0);
  }

 private:
  TemporarySlot* slot_ = nullptr;
};

// Creates "<dir>/.<name>.tmp-XXXXXXXX" exclusively (O_EXCL), so no other writer,
// not even another quotegraph run, shares it; mode 0666 leaves the rest to the umask.
// Returns its name and an open descriptor.
std::pair<std::string, int> create_temporary(const std::filesystem::path& target) {
  const std::filesystem::path dir = target.parent_path();
  std::random_device random;
  for (int attempt = 0; attempt < 16; ++attempt) {
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "%08x", random());
    std::filesystem::path tmp = dir / ("." + target.filename().string() + ".tmp-" + suffix);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) return {tmp.string(), fd};
    if (errno != EEXIST) {
      throw Error("cannot write " + target.string() + ": " + errno_text(errno));
    }
  }
  throw Error("cannot write " + target.string() + ": no free temporary name");
}

// A stream buffer on a file descriptor that asks the kernel to start writing each
// megabyte back to disk as soon as it is written (sync_file_range), so that the fsync
// before the rename finds most of the file already on its way, instead of starting all
// of it at the end (11 MB of GraphML: fsync 6 ms with 8 MB steps, 2 ms with 1 MB). It
// writes the descriptor the temporary was created with: reopening the file with O_TRUNC
// would make ext4 flush the whole file on close.
class FileBuffer : public std::streambuf {
 public:
  explicit FileBuffer(int fd)
      : fd_(fd), buffer_(std::make_unique_for_overwrite<char[]>(kBufferBytes)) {
    setp(buffer_.get(), buffer_.get() + kBufferBytes);
  }
  FileBuffer(const FileBuffer&) = delete;
  FileBuffer& operator=(const FileBuffer&) = delete;

  /// errno of the write that failed, 0 when none did.
  [[nodiscard]] int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    // Large pieces go straight to the file, after what is buffered.
    if (n >= static_cast<std::streamsize>(kBufferBytes)) {
      if (!drain() || !write_all(s, static_cast<std::size_t>(n))) return 0;
      return n;
    }
    return std::streambuf::xsputn(s, n);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  static constexpr std::size_t kBufferBytes = std::size_t{64} << 10;
  static constexpr off_t kWritebackBytes = off_t{1} << 20;

  bool drain() {
    const auto n = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_.get(), buffer_.get() + kBufferBytes);
    return n == 0 || write_all(buffer_.get(), n);
  }

  bool write_all(const char* p, std::size_t n) {
    while (n > 0) {
      const ssize_t put = ::write(fd_, p, n);
      if (put < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        return false;
      }
      p += put;
      n -= static_cast<std::size_t>(put);
      written_ += put;
    }
    if (written_ - started_ >= kWritebackBytes) {
      // Only a hint: a file system without it still gets the fsync.
      ::sync_file_range(fd_, started_, written_ - started_, SYNC_FILE_RANGE_WRITE);
      started_ = written_;
    }
    return true;
  }

  int fd_;
  std::unique_ptr<char[]> buffer_;
  off_t written_ = 0;  // bytes written to the file
  off_t started_ = 0;  // bytes whose writeback was started
  int error_ = 0;
};

// Writes to a device, a pipe or a socket where it is, as any program would.
void write_in_place(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) throw Error("cannot write " + path + ": " + errno_text(errno));
  int error = 0;
  try {
    FileBuffer buffer(fd);
    std::ostream out(&buffer);
    write(out);
    out.flush();
    if (!out) error = buffer.error() != 0 ? buffer.error() : EIO;
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) throw Error("cannot write " + path + ": " + errno_text(error));
}

}  // namespace

void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write) {
  if (path.empty()) throw Error("cannot write an output file with an empty name");
  std::filesystem::path target(path);
  if (std::filesystem::is_directory(target))
    throw Error("cannot write " + path + ": is a directory");
  // /dev/null, /dev/stdout, a named pipe: written where they are. Renaming a file over
  // them would put a regular file in their place (as root, over /dev/null itself).
  if (struct stat st{}; ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    return write_in_place(path, write);
  }
  // A symbolic link to a file keeps pointing to it: the file it names is replaced.
  std::error_code ec;
  if (std::filesystem::is_symlink(target, ec)) {
    const std::filesystem::path resolved = std::filesystem::weakly_canonical(target, ec);
    if (!ec) target = resolved;
  }

  auto [tmp, fd] = create_temporary(target);
  const RegisteredTemporary registered(tmp);
  auto discard = [&tmp, &fd] {
    if (fd >= 0) ::close(fd);
    std::remove(tmp.c_str());
  };
  try {
    FileBuffer buffer(fd);
    std::ostream out(&buffer);
    write(out);
    out.flush();
    if (!out) {
      throw Error("cannot write " + path + ": " +
                  errno_text(buffer.error() != 0 ? buffer.error() : EIO));
    }
    // The data reaches the disk before the rename makes it visible.
    if (::fsync(fd) != 0 && errno != EINVAL) {
      throw Error("cannot write " + path + ": " + errno_text(errno));
    }
    const int closed = ::close(fd);
    fd = -1;
    if (closed != 0) throw Error("cannot write " + path + ": " + errno_text(errno));
    if (std::rename(tmp.c_str(), target.c_str()) != 0) {
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
