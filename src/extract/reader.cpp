#include "extract/reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <system_error>
#include <utility>

#include "extract/scan.hpp"
#include "extract/serialize.hpp"
#include "extract/utf8.hpp"

namespace quotegraph {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// Files are read in blocks this large: few system calls, bounded memory for JSONL.
constexpr std::size_t kBlockSize = std::size_t{1} << 20;
constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kStdinName = "<stdin>";
constexpr std::string_view kStdinId = "stdin";

enum class FileKind { kText, kJsonl, kUnsupported };

FileKind kind_of(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  if (ext == ".txt" || ext == ".md") return FileKind::kText;
  if (ext == ".jsonl") return FileKind::kJsonl;
  return FileKind::kUnsupported;
}

bool is_blank_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_blank(std::string_view s) { return std::all_of(s.begin(), s.end(), is_blank_byte); }

// Windows tools save "Unicode" text as UTF-16 with a byte order mark; saying so is more
// use than calling it binary or invalid.
bool starts_as_utf16(std::string_view s) {
  return s.starts_with("\xFF\xFE") || s.starts_with("\xFE\xFF");
}
constexpr const char* kUtf16Message = "UTF-16 text (convert it to UTF-8)";

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

std::string too_large(std::size_t max) {
  return "document too large (limit " + std::to_string(max) + " bytes)";
}

enum class ReadStatus { kOk, kTooLarge, kError };

// Appends the rest of f to out, in large blocks, stopping as soon as out holds more than
// max bytes so that an oversized input is never buffered whole.
ReadStatus read_rest(std::FILE* f, std::string& out, std::size_t max, int& error) {
  while (out.size() <= max) {
    const std::size_t old = out.size();
    const std::size_t want = std::min(kBlockSize, max + 1 - old);
    out.resize(old + want);
    const std::size_t got = std::fread(out.data() + old, 1, want, f);
    out.resize(old + got);
    if (got < want) {
      if (std::ferror(f) != 0) {
        error = errno;
        return ReadStatus::kError;
      }
      break;
    }
  }
  return out.size() > max ? ReadStatus::kTooLarge : ReadStatus::kOk;
}

// The fields of one JSONL article that quotegraph uses.
struct Article {
  std::optional<std::string> id;
  std::optional<std::string> text;
  std::string title;
  std::string date;
  std::string url;
  std::string publisher;
};

// SAX handler keeping only the top-level fields of an article; everything else is
// skipped as it streams past, so nested or unknown fields cost no memory and no
// recursion.
class ArticleFields {
 public:
  using string_t = json::string_t;

  bool null() { return scalar(); }
  bool boolean(bool /*value*/) { return scalar(); }
  bool number_integer(json::number_integer_t value) {
    if (at_field(Field::kId)) article_.id = std::to_string(value);
    return scalar();
  }
  bool number_unsigned(json::number_unsigned_t value) {
    if (at_field(Field::kId)) article_.id = std::to_string(value);
    return scalar();
  }
  bool number_float(json::number_float_t /*value*/, const string_t& text) {
    if (at_field(Field::kId)) article_.id = text;
    return scalar();
  }
  bool string(string_t& value) {
    if (depth_ == 1 && object_) {
      switch (field_) {
        case Field::kId:
          article_.id = std::move(value);
          break;
        case Field::kText:
          article_.text = std::move(value);
          break;
        case Field::kTitle:
          article_.title = std::move(value);
          break;
        case Field::kDate:
          article_.date = std::move(value);
          break;
        case Field::kUrl:
          article_.url = std::move(value);
          break;
        case Field::kPublisher:
          article_.publisher = std::move(value);
          break;
        case Field::kOther:
          break;
      }
    }
    return scalar();
  }
  bool binary(json::binary_t& /*value*/) { return scalar(); }
  bool start_object(std::size_t /*elements*/) {
    if (depth_ == 0) object_ = true;
    ++depth_;
    return true;
  }
  bool key(string_t& name) {
    if (depth_ == 1) field_ = field_of(name);
    return true;
  }
  bool end_object() {
    --depth_;
    return true;
  }
  bool start_array(std::size_t /*elements*/) {
    ++depth_;
    return true;
  }
  bool end_array() {
    --depth_;
    return true;
  }
  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& ex) {
    error_ = json_error_detail(ex.what());
    return false;
  }

  [[nodiscard]] bool is_object() const { return object_; }
  [[nodiscard]] const std::string& error() const { return error_; }
  [[nodiscard]] Article& article() { return article_; }

 private:
  enum class Field { kOther, kId, kText, kTitle, kDate, kUrl, kPublisher };

  static Field field_of(std::string_view name) {
    if (name == "id") return Field::kId;
    if (name == "text") return Field::kText;
    if (name == "title") return Field::kTitle;
    if (name == "date") return Field::kDate;
    if (name == "url") return Field::kUrl;
    if (name == "publisher") return Field::kPublisher;
    return Field::kOther;
  }
  [[nodiscard]] bool at_field(Field f) const { return depth_ == 1 && object_ && field_ == f; }
  static bool scalar() { return true; }

  std::size_t depth_ = 0;
  bool object_ = false;
  Field field_ = Field::kOther;
  Article article_;
  std::string error_;
};

// A fast path for the common line: one object whose known fields are strings. It accepts
// only a subset of valid JSON and gives what ArticleFields would; on anything else
// (a \u surrogate, a non-string id, an escaped key, nesting deeper than 64, a control
// character, any syntax error) it returns false and the line goes through nlohmann's
// parser, which also words the errors. The line is valid UTF-8 already. nlohmann's lexer
// reads a character at a time; this scans strings sixteen bytes at a time and builds
// no string for what it skips.
class FastArticleParser {
 public:
  explicit FastArticleParser(std::string_view line) : s_(line) {}

  bool parse(Article& article) {
    ws();
    if (!eat('{')) return false;
    ws();
    for (;;) {
      std::string_view key;
      if (!plain_key(key)) return false;
      ws();
      if (!eat(':')) return false;
      ws();
      if (std::string* field = field_of(article, key)) {
        // A known field that is not a string follows nlohmann's rules (an id may be a number).
        if (!read_string(*field)) return false;
        if (field == &id_) article.id = std::move(id_);
        if (field == &text_) article.text = std::move(text_);
      } else if (!skip_value()) {
        return false;
      }
      ws();
      if (eat('}')) break;
      if (!eat(',')) return false;
      ws();
    }
    ws();
    return i_ == s_.size();
  }

 private:
  // Containers open at once in a skipped value: one bit each in a word.
  static constexpr int kMaxDepth = 64;

  std::string* field_of(Article& a, std::string_view key) {
    if (key == "id") return &id_;
    if (key == "text") return &text_;
    if (key == "title") return &a.title;
    if (key == "date") return &a.date;
    if (key == "url") return &a.url;
    if (key == "publisher") return &a.publisher;
    return nullptr;
  }
  // JSON whitespace as bits of a word indexed by byte: one range test and one bit test
  // per byte instead of four compares (most bytes tested are not whitespace).
  static constexpr std::uint64_t kSpaceBits =
      (1ULL << ' ') | (1ULL << '\t') | (1ULL << '\n') | (1ULL << '\r');
  static bool is_space(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= ' ' && ((kSpaceBits >> u) & 1U) != 0;
  }
  void ws() {
    while (i_ < s_.size() && is_space(s_[i_])) ++i_;
  }
  bool eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // The escape whose backslash is at i_: moves past it and appends what it stands for to
  // *out (when out is not null).
  bool escape(std::string* out) {
    if (++i_ >= s_.size()) return false;
    char decoded = 0;
    switch (s_[i_]) {
      case '"':
        decoded = '"';
        break;
      case '\\':
        decoded = '\\';
        break;
      case '/':
        decoded = '/';
        break;
      case 'b':
        decoded = '\b';
        break;
      case 'f':
        decoded = '\f';
        break;
      case 'n':
        decoded = '\n';
        break;
      case 'r':
        decoded = '\r';
        break;
      case 't':
        decoded = '\t';
        break;
      case 'u': {
        if (s_.size() - i_ < 5) return false;
        char32_t cp = 0;
        for (std::size_t k = 1; k <= 4; ++k) {
          const int h = hex(s_[i_ + k]);
          if (h < 0) return false;
          cp = (cp << 4) | static_cast<char32_t>(h);
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) return false;  // pairs: left to nlohmann
        if (out) out->append(utf8::encode(cp));
        i_ += 5;
        return true;
      }
      default:
        return false;
    }
    if (out) out->push_back(decoded);
    ++i_;
    return true;
  }

  // The string at i_ into out (replacing it).
  bool read_string(std::string& out) {
    if (!eat('"')) return false;
    std::size_t from = i_;
    std::size_t stop = scan::find_json_special(s_, from);
    if (stop < s_.size() && s_[stop] == '"') {
      // No escape (id, title, date, ...): one copy.
      out.assign(s_.data() + from, stop - from);
      i_ = stop + 1;
      return true;
    }
    // Decoded text is never longer than its JSON, so with room for the rest of the line the
    // runs between escapes are appended without a reallocation. The room is reserved, not
    // written: what is left unused costs address space, not memory.
    out.clear();
    out.reserve(s_.size() - from);
    for (;;) {
      if (stop >= s_.size() || s_[stop] != '\\') return false;  // cut off, or a control byte
      out.append(s_.data() + from, stop - from);
      i_ = stop;
      if (!escape(&out)) return false;
      from = i_;
      stop = scan::find_json_special(s_, from);
      if (stop < s_.size() && s_[stop] == '"') break;
    }
    out.append(s_.data() + from, stop - from);
    i_ = stop + 1;
    // A short field with an escape in a long line: give the room back.
    if (out.capacity() / 2 > out.size()) out.shrink_to_fit();
    return true;
  }

  // The string at i_, checked and passed over (a skipped value or key).
  bool skip_string() {
    if (!eat('"')) return false;
    for (;;) {
      i_ = scan::find_json_special(s_, i_);
      if (i_ >= s_.size()) return false;
      if (s_[i_] == '"') {
        ++i_;
        return true;
      }
      if (s_[i_] != '\\' || !escape(nullptr)) return false;
    }
  }

  // A top-level key as a view into the line. One with an escape (which might spell a
  // known field) is rare: nlohmann decodes it.
  bool plain_key(std::string_view& key) {
    if (!eat('"')) return false;
    const std::size_t from = i_;
    i_ = scan::find_json_special(s_, i_);
    if (i_ >= s_.size() || s_[i_] != '"') return false;
    key = s_.substr(from, i_ - from);
    ++i_;
    return true;
  }

  bool digits() {
    const std::size_t start = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > start;
  }
  // Only numbers that cannot overflow a double: an exponent or a long mantissa goes to
  // nlohmann, which reports an overflow as an error.
  bool number() {
    const std::size_t start = i_;
    eat('-');
    if (eat('0')) {
      // a leading zero stands alone
    } else if (i_ < s_.size() && s_[i_] >= '1' && s_[i_] <= '9') {
      digits();
    } else {
      return false;
    }
    if (eat('.') && !digits()) return false;
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) return false;
    return i_ - start <= 300;
  }
  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  // An object member's key and colon, after the '{' or ','.
  bool member_key() {
    ws();
    if (!skip_string()) return false;
    ws();
    return eat(':');
  }

  // Any value, checked and dropped; containers without recursion and without allocation:
  // the open ones are a stack of bits (1 = object) in one word.
  bool skip_value() {
    std::uint64_t objects = 0;
    int depth = 0;
    for (;;) {
      ws();
      if (i_ >= s_.size()) return false;
      const char c = s_[i_];
      bool done_value = true;
      if (c == '"') {
        if (!skip_string()) return false;
      } else if (c == '{' || c == '[') {
        ++i_;
        ws();
        if (eat(c == '{' ? '}' : ']')) {
          // empty container: a complete value
        } else {
          if (depth == kMaxDepth) return false;
          objects = (objects << 1) | (c == '{' ? 1U : 0U);
          ++depth;
          if (c == '{' && !member_key()) return false;
          done_value = false;
        }
      } else if (c == 't') {
        if (!literal("true")) return false;
      } else if (c == 'f') {
        if (!literal("false")) return false;
      } else if (c == 'n') {
        if (!literal("null")) return false;
      } else if (!number()) {
        return false;
      }
      if (!done_value) continue;
      // After a value: close containers, or go on to the next element.
      for (;;) {
        if (depth == 0) return true;
        ws();
        const bool in_object = (objects & 1U) != 0;
        if (eat(in_object ? '}' : ']')) {
          objects >>= 1U;
          --depth;
          continue;
        }
        if (!eat(',')) return false;
        if (in_object && !member_key()) return false;
        break;
      }
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::string id_;
  std::string text_;
};

bool parse_article_fast(std::string_view line, Article& article) {
  return FastArticleParser(line).parse(article);
}

class Reader {
 public:
  Reader(const std::function<void(Document&&)>& on_doc,
         const std::function<void(const InputError&)>& on_error, const ReadOptions& options)
      : on_doc_(on_doc), on_error_(on_error), max_(options.max_document_bytes) {}

  void read_input(const std::string& input) {
    if (input == "-") {
      read_stdin();
      return;
    }
    const fs::path path(input);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found) {
      fail(input, 0, 0, "No such file or directory");
    } else if (ec) {
      fail(input, 0, 0, "cannot open: " + ec.message());
    } else if (fs::is_directory(status)) {
      std::vector<fs::path> files;
      collect(path, files);
      if (files.empty()) fail(input, 0, 0, "no .txt, .md or .jsonl files found");
      for (const fs::path& file : files) read_file(file, file.string());
    } else {
      read_file(path, input);
    }
  }

 private:
  void fail(const std::string& file, std::size_t line, std::size_t col, const std::string& what) {
    on_error_(InputError(file, line, col, what));
  }

  // Supported files below dir, depth first and sorted by name at each level, which is the
  // order of their sorted paths. Hidden entries (".git") are skipped; symbolic links to
  // directories are not followed, so a link cycle cannot loop.
  void collect(const fs::path& dir, std::vector<fs::path>& files) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      entries.push_back(*it);
    }
    if (ec) {
      fail(dir.string(), 0, 0, "cannot read directory: " + ec.message());
      return;
    }
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) {
                return a.path().filename() < b.path().filename();
              });
    for (const fs::directory_entry& entry : entries) {
      if (entry.path().filename().string().starts_with('.')) continue;
      std::error_code type_ec;
      if (entry.is_directory(type_ec) && !entry.is_symlink(type_ec)) {
        collect(entry.path(), files);
      } else if (entry.is_regular_file(type_ec) &&
                 kind_of(entry.path()) != FileKind::kUnsupported) {
        files.push_back(entry.path());
      }
    }
  }

  void read_file(const fs::path& path, const std::string& name) {
    const FileKind kind = kind_of(path);
    if (kind == FileKind::kUnsupported) {
      fail(name, 0, 0, "unsupported file type (expected .txt, .md or .jsonl)");
      return;
    }
    const FilePtr file(std::fopen(path.c_str(), "rb"));
    if (!file) {
      fail(name, 0, 0, std::string("cannot open: ") + std::strerror(errno));
      return;
    }
    const std::string stem = path.stem().string();
    if (kind == FileKind::kJsonl) {
      read_jsonl(file.get(), std::string(), name, stem);
      return;
    }
    std::string text;
    std::error_code ec;
    if (const std::uintmax_t size = fs::file_size(path, ec); !ec) {
      // Known up front: skip an oversized file without reading a byte of it.
      if (size > max_) {
        fail(name, 0, 0, too_large(max_));
        return;
      }
      text.reserve(static_cast<std::size_t>(size));
    }
    read_text(file.get(), std::move(text), name, stem, "empty file");
  }

  // stdin can only be read once, so the bytes looked at to choose the format are kept
  // and handed to the reader chosen.
  void read_stdin() {
    const std::string name(kStdinName);
    std::string head;
    std::size_t first = std::string::npos;
    while (first == std::string::npos && head.size() <= max_) {
      const std::size_t old = head.size();
      head.resize(old + kBlockSize);
      const std::size_t got = std::fread(head.data() + old, 1, kBlockSize, stdin);
      head.resize(old + got);
      const std::size_t from = old == 0 && head.starts_with(kBom) ? kBom.size() : old;
      const auto it = std::find_if_not(head.begin() + static_cast<std::ptrdiff_t>(from), head.end(),
                                       is_blank_byte);
      if (it != head.end()) first = static_cast<std::size_t>(it - head.begin());
      if (got < kBlockSize) break;
    }
    if (std::ferror(stdin) != 0) {
      fail(name, 0, 0, std::string("read error: ") + std::strerror(errno));
      return;
    }
    if (first != std::string::npos && head[first] == '{') {
      read_jsonl(stdin, std::move(head), name, std::string(kStdinId));
    } else {
      read_text(stdin, std::move(head), name, std::string(kStdinId), "empty input");
    }
  }

  // One article: the whole of f after the bytes already in text.
  void read_text(std::FILE* f, std::string text, const std::string& name, const std::string& id,
                 const char* empty_message) {
    int error = 0;
    switch (read_rest(f, text, max_, error)) {
      case ReadStatus::kOk:
        break;
      case ReadStatus::kTooLarge:
        fail(name, 0, 0, too_large(max_));
        return;
      case ReadStatus::kError:
        fail(name, 0, 0, std::string("read error: ") + std::strerror(error));
        return;
    }
    if (starts_as_utf16(text)) {
      fail(name, 0, 0, kUtf16Message);
      return;
    }
    if (text.find('\0') != std::string::npos) {
      fail(name, 0, 0, "binary file (contains NUL bytes)");
      return;
    }
    if (const auto bad = utf8::first_invalid(text)) {
      std::size_t line = 0;
      std::size_t col = 0;
      utf8::line_col(text, *bad, line, col);
      fail(name, line, col, "invalid UTF-8");
      return;
    }
    // Editors on Windows start files with a byte order mark; it is not part of the text.
    if (text.starts_with(kBom)) text.erase(0, kBom.size());
    if (is_blank(text)) {
      fail(name, 0, 0, empty_message);
      return;
    }
    Document doc;
    doc.id = id;
    doc.text = std::move(text);
    doc.source = name;
    on_doc_(std::move(doc));
  }

  void read_jsonl(std::FILE* f, std::string head, const std::string& name, const std::string& stem);

  friend class JsonlStream;

  const std::function<void(Document&&)>& on_doc_;
  const std::function<void(const InputError&)>& on_error_;
  std::size_t max_;
};

// Splits a stream into lines without holding more than one line (of at most max bytes):
// lines that fit in a block are parsed in place, only a line crossing blocks is copied.
class JsonlStream {
 public:
  JsonlStream(Reader& reader, const std::string& name, const std::string& stem)
      : reader_(reader), name_(name), stem_(stem) {}

  void feed(std::string_view block) {
    std::size_t i = 0;
    while (i < block.size() && !stopped_) {
      const std::size_t newline = block.find('\n', i);
      if (newline == std::string_view::npos) {
        hold(block.substr(i));
        return;
      }
      const std::string_view piece = block.substr(i, newline - i);
      if (skipping_ || carry_.empty()) {
        end_line(piece);
      } else {
        hold(piece);
        end_line(std::string_view());
      }
      i = newline + 1;
    }
  }

  void finish() {
    if (!stopped_ && (skipping_ || !carry_.empty())) end_line(std::string_view());
    if (!seen_content_ && !stopped_) reader_.fail(name_, 0, 0, "empty file");
  }

  [[nodiscard]] bool stopped() const { return stopped_; }

 private:
  // Keeps the start of a line that continues in the next block, unless it is already
  // too large, in which case the rest of the line is only scanned for its end.
  void hold(std::string_view piece) {
    if (skipping_) return;
    if (carry_.size() + piece.size() > reader_.max_) {
      skipping_ = true;
      std::string().swap(carry_);
      return;
    }
    carry_.append(piece);
  }

  // The current line ends: it is carry_ when that holds anything, else `line`.
  void end_line(std::string_view line) {
    std::optional<Document> doc;
    if (skipping_) {
      seen_content_ = true;
      reader_.fail(name_, line_no_, 0, too_large(reader_.max_));
    } else {
      doc = parse_line(carry_.empty() ? line : std::string_view(carry_));
    }
    skipping_ = false;
    // The raw line is not needed once parsed: free a large one before the document is
    // handed on, so that only one copy of a big article is alive while it is processed.
    if (carry_.capacity() > kBlockSize) {
      std::string().swap(carry_);
    } else {
      carry_.clear();
    }
    if (doc) reader_.on_doc_(std::move(*doc));
    ++line_no_;
  }

  std::optional<Document> parse_line(std::string_view line) {
    std::size_t col_shift = 0;
    if (line_no_ == 1 && line.starts_with(kBom)) {
      line.remove_prefix(kBom.size());
      col_shift = kBom.size();
    }
    if (line_no_ == 1 && starts_as_utf16(line)) {
      reader_.fail(name_, 0, 0, kUtf16Message);
      stopped_ = true;
      return std::nullopt;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (is_blank(line)) return std::nullopt;
    seen_content_ = true;
    if (line.size() > reader_.max_) {
      reader_.fail(name_, line_no_, 0, too_large(reader_.max_));
      return std::nullopt;
    }
    // One pass looks for both NUL bytes and invalid UTF-8.
    const utf8::LineCheck check = utf8::check_line(line);
    // A NUL byte is never in JSON text: the file is binary, and the rest is not worth a
    // message per line.
    if (check.kind == utf8::LineCheck::kNul) {
      reader_.fail(name_, line_no_, 0, "binary file (contains NUL bytes)");
      stopped_ = true;
      return std::nullopt;
    }
    if (check.kind == utf8::LineCheck::kInvalid) {
      reader_.fail(name_, line_no_, check.pos + 1 + col_shift, "invalid UTF-8");
      return std::nullopt;
    }
    ArticleFields fields;
    Article fast;
    const bool is_fast = parse_article_fast(line, fast);
    if (!is_fast) {
      const bool ok = json::sax_parse(line.begin(), line.end(), &fields);
      if (!ok) {
        reader_.fail(name_, line_no_, 0, "invalid JSON: " + fields.error());
        return std::nullopt;
      }
      if (!fields.is_object()) {
        reader_.fail(name_, line_no_, 0, "not a JSON object");
        return std::nullopt;
      }
    }
    Article& article = is_fast ? fast : fields.article();
    if (!article.text) {
      reader_.fail(name_, line_no_, 0, "missing string \"text\"");
      return std::nullopt;
    }
    Document doc;
    // An empty id names nothing; the line number still does.
    doc.id = article.id && !article.id->empty() ? std::move(*article.id)
                                                : stem_ + ":" + std::to_string(line_no_);
    doc.text = std::move(*article.text);
    doc.title = std::move(article.title);
    doc.date = std::move(article.date);
    doc.url = std::move(article.url);
    doc.publisher = std::move(article.publisher);
    doc.source = name_ + ":" + std::to_string(line_no_);
    return doc;
  }

  Reader& reader_;
  const std::string& name_;
  const std::string& stem_;
  std::string carry_;
  std::size_t line_no_ = 1;  // the line being read
  bool skipping_ = false;    // the current line is too large: drop it up to its end
  bool seen_content_ = false;
  bool stopped_ = false;
};

void Reader::read_jsonl(std::FILE* f, std::string head, const std::string& name,
                        const std::string& stem) {
  // Read, not mapped: a file that another process truncates while it is read would make
  // every access to a mapped page past its new end a SIGBUS, which no handler can turn
  // back into an error of this file (measured: reading costs the same).
  JsonlStream stream(*this, name, stem);
  stream.feed(head);
  std::string().swap(head);
  std::string block(kBlockSize, '\0');
  while (!stream.stopped()) {
    const std::size_t got = std::fread(block.data(), 1, block.size(), f);
    stream.feed(std::string_view(block.data(), got));
    if (got < block.size()) break;
  }
  if (std::ferror(f) != 0) {
    fail(name, 0, 0, std::string("read error: ") + std::strerror(errno));
    return;
  }
  stream.finish();
}

}  // namespace

void read_inputs(const std::vector<std::string>& inputs,
                 const std::function<void(Document&&)>& on_doc,
                 const std::function<void(const InputError&)>& on_error,
                 const ReadOptions& options) {
  Reader reader(on_doc, on_error, options);
  for (const std::string& input : inputs) reader.read_input(input);
}

}  // namespace quotegraph
