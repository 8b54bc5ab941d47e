#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "extract/error.hpp"

namespace quotegraph::cli {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("qg-atomic-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), {}));
  }

  fs::path dir_;
};

TEST_F(AtomicFileTest, WritesTheWholeFile) {
  const fs::path target = dir_ / "g.graphml";
  write_file_atomically(target.string(), [](std::ostream& out) { out << "<graphml/>\n"; });
  EXPECT_EQ(read(target), "<graphml/>\n");
  EXPECT_EQ(entries(), 1u);  // no temporary left behind
}

TEST_F(AtomicFileTest, FailedWriteKeepsTheOldFileAndRemovesTheTemporary) {
  const fs::path target = dir_ / "g.dot";
  write_file_atomically(target.string(), [](std::ostream& out) { out << "old"; });
  try {
    write_file_atomically(target.string(), [](std::ostream& out) {
      out << "half";
      throw std::runtime_error("exporter broke");
    });
    FAIL() << "no exception";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot write " + target.string() + ": exporter broke");
  }
  EXPECT_EQ(read(target), "old");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, QuotegraphErrorsPassThroughWithTheirCode) {
  const fs::path target = dir_ / "g.json";
  EXPECT_THROW(
      write_file_atomically(target.string(), [](std::ostream&) { throw UsageError("bad option"); }),
      UsageError);
  EXPECT_FALSE(fs::exists(target));
  EXPECT_EQ(entries(), 0u);
}

TEST_F(AtomicFileTest, MissingDirectoryNamesThePath) {
  const fs::path target = dir_ / "no" / "such" / "g.graphml";
  try {
    write_file_atomically(target.string(), [](std::ostream& out) { out << "x"; });
    FAIL() << "no exception";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot write " + target.string() + ": No such file or directory");
    EXPECT_EQ(e.code(), ExitCode::kInputFailed);
  }
}

TEST_F(AtomicFileTest, DirectoryAsTargetIsAnError) {
  EXPECT_THROW(write_file_atomically(dir_.string(), [](std::ostream& out) { out << "x"; }), Error);
  EXPECT_EQ(entries(), 0u);
}

// `-o /dev/null`, `-o /dev/stdout`, a named pipe: written in place. A rename over them
// replaced /dev/null itself with a regular file when run as root.
TEST_F(AtomicFileTest, NamedPipeIsWrittenInPlaceAndStaysAPipe) {
  const fs::path fifo = dir_ / "out.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // Held open for reading (and writing, so that nothing blocks): the output waits in the
  // pipe, a few bytes of it.
  const int held = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);
  ASSERT_GE(held, 0);
  write_file_atomically(fifo.string(), [](std::ostream& out) { out << "<graphml/>\n"; });
  char got[64] = {};
  const ssize_t n = ::read(held, got, sizeof got);
  ::close(held);
  EXPECT_EQ(std::string(got, n > 0 ? static_cast<std::size_t>(n) : 0), "<graphml/>\n");
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_EQ(entries(), 1u);  // no temporary beside it
}

TEST_F(AtomicFileTest, SymbolicLinkKeepsPointingToTheNewFile) {
  const fs::path file = dir_ / "real.graphml";
  const fs::path link = dir_ / "link.graphml";
  { std::ofstream(file) << "old"; }
  fs::create_symlink(file, link);
  write_file_atomically(link.string(), [](std::ostream& out) { out << "new"; });
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(read(file), "new");
  EXPECT_EQ(entries(), 2u);
}

}  // namespace
}  // namespace quotegraph::cli
