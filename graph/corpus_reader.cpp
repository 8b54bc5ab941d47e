// The fast way into a corpus line: a small JSON reader that takes from a `.qg` document
// line only what DocFacts needs, interning strings as it goes. It accepts exactly the
// lines whose result it can vouch for (valid JSON of the expected shape, no duplicate
// keys among those it reads); anything else makes it give up, and Corpus::load() reads
// that line with nlohmann as before, which gives the same facts or the same error.
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/corpus.hpp"

namespace quotegraph::graph {
namespace {

class Reader {
 public:
  Reader(std::string_view text, StringPool& pool)
      : p_(text.data()), end_(p_ + text.size()), pool_(pool) {}

  bool document(StoredDocument& d) {
    unsigned seen = 0;
    const bool ok = object([&](std::string_view key) {
      const unsigned bit = key == "id"           ? 1U
                           : key == "hash"       ? 2U
                           : key == "bytes"      ? 4U
                           : key == "extraction" ? 8U
                                                 : 0U;
      if (bit == 0) return skip();
      if ((seen & bit) != 0) return false;  // a duplicate: nlohmann's rules apply
      seen |= bit;
      switch (bit) {
        case 1U:
        case 2U:  // nlohmann's value("hash", "") throws on anything but a string
          return peek() == '"' && string_value(bit == 1U ? d.id : d.hash);
        case 4U:
          return unsigned_value(d.bytes);
        default:
          return peek() == '{' && facts(d.facts);
      }
    });
    ws();
    if (!ok || (seen & 9U) != 9U || p_ != end_) return false;
    d.facts.doc = d.id;
    return true;
  }

 private:
  // ---- the extraction object ----
  bool facts(DocFacts& f) {
    unsigned seen = 0;
    return object([&](std::string_view key) {
      static constexpr std::string_view kKeys[] = {
          "title", "date", "url", "publisher", "statements", "people", "handles", "interactions"};
      std::size_t k = 0;
      while (k < std::size(kKeys) && kKeys[k] != key) ++k;
      if (k == std::size(kKeys)) return skip();
      if ((seen & (1U << k)) != 0) return false;  // a duplicate: nlohmann's rules apply
      seen |= 1U << k;
      switch (k) {
        case 0:
          return str(f.title);
        case 1:
          return str(f.date);
        case 2:
          return str(f.url);
        case 3:
          return str(f.publisher);
        case 4:
          return peek() == '[' ? array([&] { return statement(f); }) : skip();
        case 5:
          return peek() == '[' ? array([&] { return person(f); }) : skip();
        case 6:
          return peek() == '[' ? array([&] { return handle(f); }) : skip();
        default:
          return peek() == '[' ? array([&] { return interaction(f); }) : skip();
      }
    });
  }

  bool statement(DocFacts& f) {
    if (peek() != '{') return false;  // nlohmann's value() throws on it
    StatementFacts s;
    unsigned seen = 0;
    const bool ok = object([&](std::string_view key) {
      static constexpr std::string_view kKeys[] = {"start",     "end",        "text",
                                                   "speaker",   "cue",        "mentions",
                                                   "addressee", "confidence", "speaker_mention"};
      std::size_t k = 0;
      while (k < std::size(kKeys) && kKeys[k] != key) ++k;
      if (k == std::size(kKeys)) return skip();
      if ((seen & (1U << k)) != 0) return false;
      seen |= 1U << k;
      double unused = 0;
      switch (k) {
        case 0:
        case 1:
          return number(unused);
        case 2:
          return str(s.text);
        case 3:
          return str(s.speaker);  // a speaker that is not a string is none, as ""
        case 4:
          return str(s.cue);
        case 5:
          return strings(s.mentions);
        case 6:
          return str(s.addressee);
        case 7:
          return number(s.confidence);
        default:
          return peek() == '{' ? mention() : skip();
      }
    });
    if (ok) f.statements.push_back(s);
    return ok;
  }

  bool mention() {
    unsigned seen = 0;
    return object([&](std::string_view key) {
      const unsigned bit = key == "start" ? 1U : key == "end" ? 2U : 0U;
      if (bit == 0) return skip();
      if ((seen & bit) != 0) return false;
      seen |= bit;
      double unused = 0;
      return number(unused);
    });
  }

  bool person(DocFacts& f) {
    PersonFacts p;
    if (peek() != '{') {
      f.people.push_back(p);  // not an object: a person with nothing, as nlohmann reads it
      return skip();
    }
    unsigned seen = 0;
    const bool ok = object([&](std::string_view key) {
      static constexpr std::string_view kKeys[] = {"name", "kind", "aliases", "handles", "roles"};
      std::size_t k = 0;
      while (k < std::size(kKeys) && kKeys[k] != key) ++k;
      if (k == std::size(kKeys)) return skip();
      if ((seen & (1U << k)) != 0) return false;
      seen |= 1U << k;
      Str kind;
      switch (k) {
        case 0:
          return str(p.name);
        case 1:
          if (!str(kind)) return false;
          p.kind = kind == "organization" ? EntityKind::kOrganization : EntityKind::kPerson;
          return true;
        case 2:
          return strings(p.aliases);
        case 3:
          return strings(p.handles);
        default:
          return strings(p.roles);
      }
    });
    if (ok) f.people.push_back(p);
    return ok;
  }

  bool handle(DocFacts& f) {
    HandleFacts h;
    if (peek() != '{') {
      f.handles.push_back(h);
      return skip();
    }
    unsigned seen = 0;
    const bool ok = object([&](std::string_view key) {
      const unsigned bit = key == "handle" ? 1U : key == "person" ? 2U : 0U;
      if (bit == 0) return skip();
      if ((seen & bit) != 0) return false;
      seen |= bit;
      return str(bit == 1U ? h.handle : h.person);
    });
    if (ok) f.handles.push_back(h);
    return ok;
  }

  bool interaction(DocFacts& f) {
    InteractionFacts in;
    if (peek() != '{') {
      f.interactions.push_back(in);
      return skip();
    }
    unsigned seen = 0;
    const bool ok = object([&](std::string_view key) {
      const unsigned bit = key == "type" ? 1U : key == "from" ? 2U : key == "to" ? 4U : 0U;
      if (bit == 0) return skip();
      if ((seen & bit) != 0) return false;
      seen |= bit;
      return str(bit == 1U ? in.type : bit == 2U ? in.from : in.to);
    });
    if (ok) f.interactions.push_back(in);
    return ok;
  }

  // ---- values with nlohmann's defaults ----
  // A string field: its value when a string, "" for any other value.
  bool str(Str& out) {
    if (peek() != '"') return skip();
    return string_value(out);
  }
  // A list of strings: the string elements of an array, nothing for any other value.
  bool strings(StrList& out) {
    if (peek() != '[') return skip();
    std::vector<Str> items;
    const bool ok = array([&] {
      if (peek() != '"') return skip();
      Str s;
      if (!string_value(s)) return false;
      items.push_back(s);
      return true;
    });
    if (ok) out = pool_.list(items);
    return ok;
  }
  bool string_value(Str& out) {
    if (!string(scratch_)) return false;
    out = pool_.intern(scratch_);
    return true;
  }

  // ---- JSON ----
  char peek() {
    ws();
    return p_ < end_ ? *p_ : '\0';
  }
  void ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool eat(char c) {
    if (peek() != c) return false;
    ++p_;
    return true;
  }

  template <typename OnKey>
  bool object(OnKey on_key) {
    if (!eat('{')) return false;
    if (eat('}')) return true;
    std::string key;
    do {
      if (peek() != '"' || !string(key) || !eat(':')) return false;
      if (!on_key(std::string_view(key))) return false;
    } while (eat(','));
    return eat('}');
  }
  template <typename OnItem>
  bool array(OnItem on_item) {
    if (!eat('[')) return false;
    if (eat(']')) return true;
    do {
      if (!on_item()) return false;
    } while (eat(','));
    return eat(']');
  }

  bool skip() {
    switch (peek()) {
      case '{':
        return object([&](std::string_view) { return skip(); });
      case '[':
        return array([&] { return skip(); });
      case '"':
        return string(skipped_);
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      default: {
        double unused = 0;
        return number(unused);
      }
    }
  }
  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::string_view(p_, word.size()) != word) {
      return false;
    }
    p_ += word.size();
    return true;
  }

  // A JSON number, as nlohmann would give it as a double: integers as integers first.
  bool number(double& out) {
    ws();
    const char* start = p_;
    if (p_ < end_ && *p_ == '-') ++p_;
    if (p_ >= end_ || *p_ < '0' || *p_ > '9') return false;
    if (*p_ == '0') {
      ++p_;
    } else {
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    bool integer = true;
    if (p_ < end_ && *p_ == '.') {
      integer = false;
      ++p_;
      if (p_ >= end_ || *p_ < '0' || *p_ > '9') return false;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      integer = false;
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ >= end_ || *p_ < '0' || *p_ > '9') return false;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    if (integer) {
      std::int64_t n = 0;
      auto [ptr, ec] = std::from_chars(start, p_, n);
      if (ec != std::errc() || ptr != p_) return false;  // out of range: let nlohmann decide
      out = static_cast<double>(n);
      return true;
    }
    auto [ptr, ec] = std::from_chars(start, p_, out);
    return ec == std::errc() && ptr == p_;
  }
  bool unsigned_value(std::size_t& out) {
    ws();
    const char* start = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    if (p_ == start || (*start == '0' && p_ - start > 1)) return false;
    if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
    auto [ptr, ec] = std::from_chars(start, p_, out);
    return ec == std::errc() && ptr == p_ && out <= static_cast<std::size_t>(INT64_MAX);
  }

  // A JSON string into out: escapes decoded, UTF-8 checked as nlohmann checks it.
  bool string(std::string& out) {
    out.clear();
    if (!eat('"')) return false;
    while (p_ < end_) {
      const char* run = p_;
      while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20 &&
             static_cast<unsigned char>(*p_) < 0x80) {
        ++p_;
      }
      out.append(run, p_);
      if (p_ >= end_) return false;
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (!escape(out)) return false;
        continue;
      }
      const std::size_t len = utf8_length();
      if (len == 0) return false;
      out.append(p_, len);
      p_ += len;
    }
    return false;
  }
  // Length of the valid UTF-8 sequence at p_ (RFC 3629), 0 when invalid.
  std::size_t utf8_length() const {
    const auto b0 = static_cast<unsigned char>(p_[0]);
    std::size_t len = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      return 0;
    }
    if (static_cast<std::size_t>(end_ - p_) < len) return 0;
    const auto b1 = static_cast<unsigned char>(p_[1]);
    if (b1 < lo || b1 > hi) return 0;
    for (std::size_t k = 2; k < len; ++k) {
      const auto b = static_cast<unsigned char>(p_[k]);
      if (b < 0x80 || b > 0xBF) return 0;
    }
    return len;
  }
  bool hex4(unsigned& out) {
    if (end_ - p_ < 4) return false;
    out = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = *p_++;
      out <<= 4;
      if (c >= '0' && c <= '9') {
        out |= static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        out |= static_cast<unsigned>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        out |= static_cast<unsigned>(c - 'A' + 10);
      } else {
        return false;
      }
    }
    return true;
  }
  bool escape(std::string& out) {
    ++p_;  // the backslash
    if (p_ >= end_) return false;
    const char c = *p_++;
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out.push_back(c);
        return true;
      case 'b':
        out.push_back('\b');
        return true;
      case 'f':
        out.push_back('\f');
        return true;
      case 'n':
        out.push_back('\n');
        return true;
      case 'r':
        out.push_back('\r');
        return true;
      case 't':
        out.push_back('\t');
        return true;
      case 'u':
        break;
      default:
        return false;
    }
    unsigned cp = 0;
    if (!hex4(cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a lone low surrogate
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      unsigned low = 0;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
      p_ += 2;
      if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    auto put = [&](unsigned v) { out.push_back(static_cast<char>(v)); };
    if (cp < 0x80) {
      put(cp);
    } else if (cp < 0x800) {
      put(0xC0 | (cp >> 6));
      put(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      put(0xE0 | (cp >> 12));
      put(0x80 | ((cp >> 6) & 0x3F));
      put(0x80 | (cp & 0x3F));
    } else {
      put(0xF0 | (cp >> 18));
      put(0x80 | ((cp >> 12) & 0x3F));
      put(0x80 | ((cp >> 6) & 0x3F));
      put(0x80 | (cp & 0x3F));
    }
    return true;
  }

  const char* p_;
  const char* end_;
  StringPool& pool_;
  std::string scratch_;  // the string being read
  std::string skipped_;  // strings read past
};

}  // namespace

bool read_document_facts(std::string_view line, StringPool& pool, StoredDocument& d) {
  d = StoredDocument();
  return Reader(line, pool).document(d);
}

}  // namespace quotegraph::graph
