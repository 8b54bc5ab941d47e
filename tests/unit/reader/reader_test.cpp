#include "extract/reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace quotegraph {
namespace {

namespace fs = std::filesystem;

struct ReadResult {
  std::vector<Document> docs;
  std::vector<std::string> errors;

  [[nodiscard]] std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const Document& d : docs) out.push_back(d.id);
    return out;
  }
};

ReadResult read(const std::vector<std::string>& inputs, const ReadOptions& options = {}) {
  ReadResult result;
  read_inputs(
      inputs, [&](Document&& d) { result.docs.push_back(std::move(d)); },
      [&](const InputError& e) { result.errors.emplace_back(e.what()); }, options);
  return result;
}

// Each test works in a fresh directory and names files relative to it, so that the
// messages it checks are short and exact.
class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("qg-reader-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    old_cwd_ = fs::current_path();
    fs::current_path(dir_);
  }
  void TearDown() override {
    fs::current_path(old_cwd_);
    fs::remove_all(dir_);
  }

  static void write(const std::string& path, const std::string& bytes) {
    const fs::path p(path);
    if (p.has_parent_path()) fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << bytes;
  }

  fs::path dir_;
  fs::path old_cwd_;
};

TEST_F(ReaderTest, TextFileIsOneDocumentNamedByItsStem) {
  write("seed-article.txt", "\"Hello,\" she said.\n");
  write("notes.md", "# Title\n\nBody\n");
  const ReadResult r = read({"seed-article.txt", "notes.md"});
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.docs.size(), 2U);
  EXPECT_EQ(r.docs[0].id, "seed-article");
  EXPECT_EQ(r.docs[0].text, "\"Hello,\" she said.\n");
  EXPECT_EQ(r.docs[0].source, "seed-article.txt");
  EXPECT_EQ(r.docs[1].id, "notes");
  EXPECT_EQ(r.docs[1].text, "# Title\n\nBody\n");
}

TEST_F(ReaderTest, ByteOrderMarkIsDropped) {
  write("bom.txt", "\xEF\xBB\xBFText");
  const ReadResult r = read({"bom.txt"});
  ASSERT_EQ(r.docs.size(), 1U);
  EXPECT_EQ(r.docs[0].text, "Text");
}

struct BadFileCase {
  const char* name;
  std::string file;
  std::string bytes;
  std::string error;
};

class BadFile : public ReaderTest, public ::testing::WithParamInterface<BadFileCase> {};

TEST_P(BadFile, IsReportedAndTheNextFileStillRead) {
  write(GetParam().file, GetParam().bytes);
  write("good.txt", "fine");
  const ReadResult r = read({GetParam().file, "good.txt"});
  EXPECT_EQ(r.errors, std::vector<std::string>{GetParam().error});
  EXPECT_EQ(r.ids(), std::vector<std::string>{"good"});
}

INSTANTIATE_TEST_SUITE_P(
    Reader, BadFile,
    ::testing::Values(
        BadFileCase{"Empty", "empty.txt", "", "empty.txt: empty file"},
        BadFileCase{"Blank", "blank.md", " \n\t\r\n", "blank.md: empty file"},
        BadFileCase{"NulBytes", "x.txt", std::string("PK\x03\x04\0\0ab", 8),
                    "x.txt: binary file (contains NUL bytes)"},
        BadFileCase{"InvalidUtf8", "x.txt", "\"The tide is \xFF late,\" said Wren.",
                    "x.txt:1:14: invalid UTF-8"},
        BadFileCase{"InvalidUtf8OnLaterLine", "x.txt", "one\ntwo\nthree \xC0\xAF",
                    "x.txt:3:7: invalid UTF-8"},
        BadFileCase{"Surrogate", "x.txt", "ab\xED\xA0\x80", "x.txt:1:3: invalid UTF-8"},
        BadFileCase{"TruncatedSequence", "x.txt", "ab\xE2\x80", "x.txt:1:3: invalid UTF-8"},
        BadFileCase{"ColumnCountsTheByteOrderMark", "x.txt", "\xEF\xBB\xBF\xFF",
                    "x.txt:1:4: invalid UTF-8"},
        BadFileCase{"UnsupportedExtension", "x.html", "<p>hi</p>",
                    "x.html: unsupported file type (expected .txt, .md or .jsonl)"},
        BadFileCase{"EmptyJsonl", "x.jsonl", "\n\n", "x.jsonl: empty file"},
        BadFileCase{"Utf16Text", "x.txt", std::string("\xFF\xFEh\0i\0", 6),
                    "x.txt: UTF-16 text (convert it to UTF-8)"},
        BadFileCase{"Utf16Jsonl", "x.jsonl", std::string("\xFF\xFE{\0\n\0", 6),
                    "x.jsonl: UTF-16 text (convert it to UTF-8)"}),
    [](const ::testing::TestParamInfo<BadFileCase>& c) { return std::string(c.param.name); });

TEST_F(ReaderTest, MissingPathIsReported) {
  const ReadResult r = read({"missing.txt"});
  EXPECT_EQ(r.errors, std::vector<std::string>{"missing.txt: No such file or directory"});
  EXPECT_TRUE(r.docs.empty());
}

TEST_F(ReaderTest, OversizedTextFileIsSkippedUnread) {
  write("big.txt", std::string(101, 'a'));
  write("small.txt", std::string(100, 'a'));
  const ReadResult r = read({"big.txt", "small.txt"}, ReadOptions{.max_document_bytes = 100});
  EXPECT_EQ(r.errors, std::vector<std::string>{"big.txt: document too large (limit 100 bytes)"});
  EXPECT_EQ(r.ids(), std::vector<std::string>{"small"});
}

TEST_F(ReaderTest, JsonlReadsEveryGoodLineAndReportsTheBadOnes) {
  write("articles.jsonl",
        "{\"id\": \"a\", \"text\": \"first\", \"title\": \"T\", \"date\": \"2019-01-15\", "
        "\"url\": \"https://example.com/a\", \"publisher\": \"P\", \"extra\": {\"x\": [1, 2]}}\n"
        "{\"id\": \"broken\", \"text\": \"cut off\n"
        "\n"
        "{\"id\": 42, \"text\": \"numeric id\"}\n"
        "{\"id\": \"no-text\", \"title\": \"A line without text\"}\n"
        "{\"text\": \"no id\", \"title\": 7}\r\n"
        "{\"id\": \"t\", \"text\": 5}\n"
        "[1, 2]\n"
        "{\"id\": \"bad-utf8\", \"text\": \"caf\xC3\"}\n"
        "{\"id\": \"\", \"text\": \"last line, no newline\"}");
  const ReadResult r = read({"articles.jsonl"});
  EXPECT_EQ(r.errors,
            (std::vector<std::string>{
                "articles.jsonl:2: invalid JSON: syntax error while parsing value - invalid "
                "string: missing closing quote; last read: '\"cut off'",
                "articles.jsonl:5: missing string \"text\"",
                "articles.jsonl:7: missing string \"text\"",
                "articles.jsonl:8: not a JSON object",
                "articles.jsonl:9:32: invalid UTF-8",
            }));
  ASSERT_EQ(r.ids(), (std::vector<std::string>{"a", "42", "articles:6", "articles:10"}));
  const Document& a = r.docs[0];
  EXPECT_EQ(a.text, "first");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.date, "2019-01-15");
  EXPECT_EQ(a.url, "https://example.com/a");
  EXPECT_EQ(a.publisher, "P");
  EXPECT_EQ(a.source, "articles.jsonl:1");
  EXPECT_EQ(r.docs[1].source, "articles.jsonl:4");
  EXPECT_EQ(r.docs[2].text, "no id");
  EXPECT_EQ(r.docs[2].title, "");
  EXPECT_EQ(r.docs[3].text, "last line, no newline");
}

TEST_F(ReaderTest, JsonlTextIsUnescaped) {
  write("a.jsonl", R"({"id": "q", "text": "\u201cHi,\u201d she said.\n\"Yes\" \ud83d\ude00"})");
  const ReadResult r = read({"a.jsonl"});
  ASSERT_EQ(r.docs.size(), 1U);
  EXPECT_EQ(r.docs[0].text, "\xE2\x80\x9CHi,\xE2\x80\x9D she said.\n\"Yes\" \xF0\x9F\x98\x80");
}

// Fields other than the known ones are checked and skipped without being decoded; every
// JSON type, brackets and escaped quotes inside strings included.
TEST_F(ReaderTest, JsonlSkipsValuesOfEveryType) {
  write("a.jsonl",
        R"({"a": null, "b": true, "c": false, "d": -1.5, "e": 0, "f": "s\"}]", "g": [], )"
        R"("h": {}, "i": [[1, "]", {"k": "}\\\""}], {"x": [{}]}], "id": "x", "text": "t"})"
        "\n"
        R"({"id": "n", "q": [-0, 0.5, 12.25, -3, true, false, null, "", {}, [], "\u00e9"], )"
        R"("text" : "u" , "title" : "after" })"
        "\n");
  const ReadResult r = read({"a.jsonl"});
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.ids(), (std::vector<std::string>{"x", "n"}));
  EXPECT_EQ(r.docs[0].text, "t");
  EXPECT_EQ(r.docs[1].text, "u");
  EXPECT_EQ(r.docs[1].title, "after");
}

// Broken JSON inside a skipped value is still an error of that line, worded by nlohmann.
TEST_F(ReaderTest, JsonlErrorsInSkippedValuesAreReported) {
  write("a.jsonl",
        "{\"id\": \"ok\", \"text\": \"a\", \"quotes\": [{\"s\": \"x\"}]}\n"
        "{\"id\": \"z\", \"text\": \"a\", \"quotes\": [1, 2,]}\n"
        "{\"id\": \"z\", \"text\": \"a\", \"quotes\": [{\"k\": \"unterminated}]}\n"
        "{\"id\": \"z\", \"text\": \"a\", \"quotes\": [\"ctl \x01\"]}\n"
        "{\"id\": \"z\", \"text\": \"a\", \"quotes\": [\"bad \\x\"]}\n"
        "{\"id\": \"z\", \"text\": \"a\", \"quotes\": [1e999]}\n"
        "{\"id\": \"z\", \"text\": \"a\", \"quotes\": {\"a\" 1}}\n"
        "{\"id\": \"last\", \"text\": \"b\"}\n");
  const ReadResult r = read({"a.jsonl"});
  EXPECT_EQ(r.errors,
            (std::vector<std::string>{
                "a.jsonl:2: invalid JSON: syntax error while parsing value - unexpected ']'; "
                "expected '[', '{', or a literal",
                "a.jsonl:3: invalid JSON: syntax error while parsing value - invalid string: "
                "missing closing quote; last read: '\"unterminated}]}'",
                "a.jsonl:4: invalid JSON: syntax error while parsing value - invalid string: "
                "control character U+0001 (SOH) must be escaped to \\u0001; last read: '\"ctl "
                "<U+0001>'",
                "a.jsonl:5: invalid JSON: syntax error while parsing value - invalid string: "
                "forbidden character after backslash; last read: '\"bad \\x'",
                "a.jsonl:6: invalid JSON: number overflow parsing '1e999'",
                "a.jsonl:7: invalid JSON: syntax error while parsing object separator - "
                "unexpected number literal; expected ':'",
            }));
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"ok", "last"}));
}

// What the fast path leaves to nlohmann gives the same documents: an escaped key, nesting
// deeper than its 64 levels, a surrogate pair, a repeated field (the last one counts).
TEST_F(ReaderTest, JsonlLinesLeftToTheFullParser) {
  const std::string deep = std::string(100, '[') + "\"x\"" + std::string(100, ']');
  write("a.jsonl",
        "{\"id\": \"k\", \"te\\u0078t\": \"escaped key\"}\n"
        "{\"id\": \"deep\", \"q\": " +
            deep +
            ", \"text\": \"d\"}\n"
            "{\"id\": \"s\", \"text\": \"\\ud83d\\ude00\"}\n"
            "{\"id\": \"dup\", \"text\": \"one\", \"text\": \"two\\t\"}\n");
  const ReadResult r = read({"a.jsonl"});
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.ids(), (std::vector<std::string>{"k", "deep", "s", "dup"}));
  EXPECT_EQ(r.docs[0].text, "escaped key");
  EXPECT_EQ(r.docs[1].text, "d");
  EXPECT_EQ(r.docs[2].text, "\xF0\x9F\x98\x80");
  EXPECT_EQ(r.docs[3].text, "two\t");
}

// A short field with an escape in a long line, and a long text with many escapes.
TEST_F(ReaderTest, JsonlEscapesInShortAndLongFields) {
  std::string text;
  std::string json;
  for (int k = 0; k < 500; ++k) {
    text += "line " + std::to_string(k) + " \"q\"\n";
    json += "line " + std::to_string(k) + " \\\"q\\\"\\n";
  }
  write("a.jsonl", "{\"id\": \"e\", \"title\": \"a\\nb\", \"text\": \"" + json +
                       "\", \"date\": \"d\\/e\", \"extra\": \"" + std::string(5000, 'x') + "\"}\n");
  const ReadResult r = read({"a.jsonl"});
  ASSERT_EQ(r.docs.size(), 1U);
  EXPECT_EQ(r.docs[0].title, "a\nb");
  EXPECT_EQ(r.docs[0].text, text);
  EXPECT_EQ(r.docs[0].date, "d/e");
}

TEST_F(ReaderTest, JsonlParserMessageIsShortened) {
  write("a.jsonl", "{\"text\": \"" + std::string(10000, 'x') + "\n");
  const ReadResult r = read({"a.jsonl"});
  ASSERT_EQ(r.errors.size(), 1U);
  EXPECT_LT(r.errors[0].size(), 300U);
  EXPECT_TRUE(r.errors[0].starts_with("a.jsonl:1: invalid JSON: syntax error"));
  EXPECT_TRUE(r.errors[0].ends_with("..."));
}

TEST_F(ReaderTest, JsonlBinaryFileStopsAtTheFirstNulByte) {
  constexpr char kBytes[] = "{\"text\": \"ok\"}\n\0\0\0\n\0\n{\"text\": \"after\"}\n";
  write("x.jsonl", std::string(kBytes, sizeof kBytes - 1));
  const ReadResult r = read({"x.jsonl"});
  EXPECT_EQ(r.errors, std::vector<std::string>{"x.jsonl:2: binary file (contains NUL bytes)"});
  EXPECT_EQ(r.ids(), std::vector<std::string>{"x:1"});
}

TEST_F(ReaderTest, OversizedJsonlLineIsSkippedAndTheRestRead) {
  const std::string big = "{\"id\": \"big\", \"text\": \"" + std::string(200, 'a') + "\"}";
  write("x.jsonl", "{\"id\": \"before\", \"text\": \"a\"}\n" + big +
                       "\n{\"id\": \"after\", \"text\": \"b\"}\n" + big);
  const ReadResult r = read({"x.jsonl"}, ReadOptions{.max_document_bytes = 100});
  EXPECT_EQ(r.errors,
            (std::vector<std::string>{"x.jsonl:2: document too large (limit 100 bytes)",
                                      "x.jsonl:4: document too large (limit 100 bytes)"}));
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"before", "after"}));
}

// Lines longer than the reader's block cross block boundaries: an oversized one must be
// dropped while streaming, a long one within the limit must arrive whole.
TEST_F(ReaderTest, LinesAcrossReadBlocks) {
  const std::string long_text(3'000'000, 'l');
  const std::string huge_text(5'000'000, 'h');
  write("x.jsonl", "{\"id\": \"huge\", \"text\": \"" + huge_text + "\"}\n" +
                       "{\"id\": \"long\", \"text\": \"" + long_text + "\"}\n" +
                       "{\"id\": \"short\", \"text\": \"s\"}\n" +
                       "{\"id\": \"huge-last\", \"text\": \"" + huge_text + "\"}");
  const ReadResult r = read({"x.jsonl"}, ReadOptions{.max_document_bytes = 4'000'000});
  EXPECT_EQ(r.errors,
            (std::vector<std::string>{"x.jsonl:1: document too large (limit 4000000 bytes)",
                                      "x.jsonl:4: document too large (limit 4000000 bytes)"}));
  ASSERT_EQ(r.ids(), (std::vector<std::string>{"long", "short"}));
  EXPECT_EQ(r.docs[0].text, long_text);
}

// A JSONL file is read through 8 MB memory maps one after the other: a document that
// starts in one window and ends in the next must arrive whole.
TEST_F(ReaderTest, LinesAcrossMappedWindows) {
  std::string file;
  std::vector<std::string> texts;
  for (int i = 0; i < 4; ++i) {
    texts.push_back(std::string(2'999'999, static_cast<char>('a' + i)) + "\u00e9");
    file += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"" + texts.back() + "\"}\n";
    texts.back() = std::string(2'999'999, static_cast<char>('a' + i)) + "\xC3\xA9";
  }
  write("x.jsonl", file);
  const ReadResult r = read({"x.jsonl"});
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.ids(), (std::vector<std::string>{"d0", "d1", "d2", "d3"}));
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(r.docs[i].text, texts[i]) << i;
}

TEST_F(ReaderTest, DirectoryIsReadRecursivelyInSortedOrder) {
  write("in/z.txt", "z");
  write("in/b/d.jsonl", "{\"id\": \"d1\", \"text\": \"x\"}\n{\"id\": \"d2\", \"text\": \"y\"}\n");
  write("in/b/c.md", "c");
  write("in/a.txt", "a");
  write("in/b/deeper/e.TXT", "e");
  write("in/ignored.html", "<p>not an article</p>");
  write("in/image.png", std::string("\x89PNG\0\0", 6));
  write("in/.hidden/h.txt", "hidden");
  write("in/.h.txt", "hidden");
  const ReadResult r = read({"in"});
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"a", "c", "d1", "d2", "e", "z"}));
  EXPECT_EQ(r.docs[0].source, "in/a.txt");
  EXPECT_EQ(r.docs[2].source, "in/b/d.jsonl:1");
}

TEST_F(ReaderTest, DirectoryWithBadFilesKeepsTheGoodOnes) {
  write("in/bad-utf8.txt", "Harbour news\n\n\"The tide is \xFF\xFE late,\" said Wren Abbott.\n");
  write("in/binary.txt", std::string("PK\x03\x04\0\0", 6));
  write("in/empty.txt", "");
  write("in/good.txt", "good");
  const ReadResult r = read({"in/"});
  EXPECT_EQ(r.errors, (std::vector<std::string>{"in/bad-utf8.txt:3:14: invalid UTF-8",
                                                "in/binary.txt: binary file (contains NUL bytes)",
                                                "in/empty.txt: empty file"}));
  EXPECT_EQ(r.ids(), std::vector<std::string>{"good"});
}

TEST_F(ReaderTest, EmptyDirectoryIsReported) {
  fs::create_directories("none");
  write("none/readme.html", "x");
  const ReadResult r = read({"none"});
  EXPECT_EQ(r.errors, std::vector<std::string>{"none: no .txt, .md or .jsonl files found"});
}

// stdin is redirected from a file for these; the process does not read stdin otherwise.
class StdinTest : public ReaderTest {
 protected:
  void feed_stdin(const std::string& bytes) {
    write("stdin.bin", bytes);
    ASSERT_NE(std::freopen("stdin.bin", "rb", stdin), nullptr);
  }
  void TearDown() override {
    std::freopen("/dev/null", "rb", stdin);
    ReaderTest::TearDown();
  }
};

TEST_F(StdinTest, PlainTextIsOneArticle) {
  feed_stdin("\n  \"Hi,\" she said.");
  const ReadResult r = read({"-"});
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.docs.size(), 1U);
  EXPECT_EQ(r.docs[0].id, "stdin");
  EXPECT_EQ(r.docs[0].text, "\n  \"Hi,\" she said.");
  EXPECT_EQ(r.docs[0].source, "<stdin>");
}

TEST_F(StdinTest, JsonlWhenTheFirstNonBlankByteIsABrace) {
  feed_stdin("\n {\"id\": \"s1\", \"text\": \"one\"}\n{\"text\": \"two\"}\nnot json\n");
  const ReadResult r = read({"-"});
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"s1", "stdin:3"}));
  EXPECT_EQ(r.docs[1].source, "<stdin>:3");
  ASSERT_EQ(r.errors.size(), 1U);
  EXPECT_TRUE(r.errors[0].starts_with("<stdin>:4: invalid JSON: ")) << r.errors[0];
}

TEST_F(StdinTest, EmptyInputIsReported) {
  feed_stdin(" \n");
  const ReadResult r = read({"-"});
  EXPECT_EQ(r.errors, std::vector<std::string>{"<stdin>: empty input"});
}

}  // namespace
}  // namespace quotegraph
