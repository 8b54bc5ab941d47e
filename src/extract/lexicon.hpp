// The word lists extraction relies on (cue verbs, titles, pronouns, first names,
// speaker nouns, capitalised words that are not names), loaded from data files
// embedded at build time (data/*.txt).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace quotegraph {

/// A fast hash of short strings (words and names): eight bytes at a time, each block
/// mixed by a multiply (unseeded, as std::hash is).
inline std::uint64_t hash_words(std::string_view key) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ key.size();
  std::size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, key.data() + i, sizeof x);
    h = (h ^ x) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
  }
  if (const std::size_t k = key.size() - i; k > 0) {
    // The last one to seven bytes, read as wyhash does: two overlapping 4-byte loads, or
    // three bytes (first, middle, last); no call to a variable-length memcpy.
    const char* p = key.data() + i;
    std::uint64_t x = 0;
    if (k >= 4) {
      std::uint32_t a = 0;
      std::uint32_t b = 0;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + k - 4, 4);
      x = (std::uint64_t{a} << 32) | b;
    } else {
      x = (std::uint64_t{static_cast<unsigned char>(p[0])} << 16) |
          (std::uint64_t{static_cast<unsigned char>(p[k >> 1])} << 8) |
          static_cast<unsigned char>(p[k - 1]);
    }
    h = (h ^ x) * 0x94D049BB133111EBULL;
    h ^= h >> 29;
  }
  return h;
}

/// A hash of text of any length: hash_words for short texts; from 64 bytes on, four
/// independent lanes of eight bytes each, so that the multiplies of a whole article
/// overlap instead of waiting for each other (about twice as fast).
inline std::uint64_t hash_text(std::string_view text) {
  if (text.size() < 64) return hash_words(text);
  const auto mix = [](std::uint64_t h, std::uint64_t x) {
    h = (h ^ x) * 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 31);
  };
  std::uint64_t lane[4] = {0x9E3779B97F4A7C15ULL ^ text.size(), 1, 2, 3};
  std::size_t i = 0;
  for (; i + 32 <= text.size(); i += 32) {
    std::uint64_t x[4];
    std::memcpy(x, text.data() + i, sizeof x);
    for (int k = 0; k < 4; ++k) lane[k] = mix(lane[k], x[k]);
  }
  const std::uint64_t h = mix(mix(mix(lane[0], lane[1]), lane[2]), lane[3]);
  return mix(h, hash_words(text.substr(i)));
}

/// a[0, b.size()) == b for short words, without a call to memcmp: overlapping loads.
inline bool same_words(const char* a, std::string_view b) {
  const std::size_t n = b.size();
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 <= n; i += 8) {
      if (std::memcmp(a + i, b.data() + i, 8) != 0) return false;
    }
    return std::memcmp(a + n - 8, b.data() + n - 8, 8) == 0;
  }
  if (n >= 4) {
    return std::memcmp(a, b.data(), 4) == 0 && std::memcmp(a + n - 4, b.data() + n - 4, 4) == 0;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

/// A 32-bit tag of key for open-addressing tables: its hash_words folded, never 0, so that
/// 0 can mark an empty slot.
inline std::uint32_t hash_tag(std::string_view key) {
  const std::uint64_t h = hash_words(key);
  return static_cast<std::uint32_t>(h ^ (h >> 32)) | 1U;
}

/// Hash for heterogeneous lookup: finding a string_view allocates nothing.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return hash_words(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

/// A read-mostly word -> index table for the lexicons: open addressing with a cheap hash,
/// and a filter on (length, first, second and last byte) that turns most misses away
/// before hashing, since most words looked up are in no list. Look-ups are inline: they
/// are asked hundreds of thousands of times per megabyte.
class WordTable {
 public:
  /// The index of key, inserting `index` when absent.
  std::uint32_t insert(std::string_view key, std::uint32_t index);
  /// The index of key, or -1.
  [[nodiscard]] std::int64_t find(std::string_view key) const {
    if (!may_hold(key)) return -1;
    const std::uint32_t tag = hash_tag(key);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = (tag >> 1) & mask; slots_[i].tag != 0; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.tag == tag && s.len == key.size() && same_words(keys_.data() + s.key, key)) {
        return s.index;
      }
    }
    return -1;
  }
  [[nodiscard]] bool contains(std::string_view key) const { return find(key) >= 0; }
  [[nodiscard]] std::size_t size() const { return size_; }

 private:
  /// One bit of 65536 per (length, first, second, last byte): a few thousand words set
  /// about one bit in twenty, so nineteen misses in twenty stop here.
  static std::uint32_t filter_bit(std::string_view key) {
    const std::size_t n = key.size();
    auto x = static_cast<std::uint32_t>(n);
    if (n > 0) {
      x ^= (std::uint32_t{static_cast<unsigned char>(key[0])} << 8) ^
           (std::uint32_t{static_cast<unsigned char>(key[n > 1 ? 1 : 0])} << 16) ^
           (std::uint32_t{static_cast<unsigned char>(key[n - 1])} << 24);
    }
    return (x * 0x9E3779B1U) >> 16;
  }
  [[nodiscard]] bool may_hold(std::string_view key) const {
    const std::uint32_t bit = filter_bit(key);
    return ((filter_[bit >> 6] >> (bit & 63)) & 1U) != 0;
  }

  // One probe reads one 16-byte slot; a key is compared only when its tag, a 32-bit hash
  // that is never 0, matches. Tag 0 marks an empty slot. Keys lie in one arena.
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t index = 0;
    std::uint32_t key = 0;  // offset in keys_
    std::uint32_t len = 0;
  };
  void place(const Slot& slot);

  std::vector<Slot> slots_;
  std::string keys_;
  std::size_t size_ = 0;
  std::array<std::uint64_t, 1024> filter_{};  // no bit set while empty: find needs no slots
};

enum class Gender { kUnknown, kMale, kFemale, kPlural, kNeuter };

struct CueInfo {
  bool reply = false;       ///< "replied", "responded": the object is the addressee
  bool participle = false;  ///< "writing", "saying": the speaker is the clause subject
  bool weak = false;        ///< "called", "described": speech only with a partial quote
};

/// Everything the lexicons say of one lower-case word, found with one look-up.
struct WordInfo {
  enum Flag : std::uint8_t {
    kCue = 1,
    kFirstName = 2,
    kTitle = 4,
    kPronoun = 8,
    kSpeakerNoun = 16,
    kNotName = 32,
  };
  std::uint8_t flags = 0;
  Gender first_name_gender = Gender::kUnknown;
  Gender title_gender = Gender::kUnknown;
  Gender pronoun_gender = Gender::kUnknown;
  CueInfo cue;

  [[nodiscard]] bool has(Flag f) const { return (flags & f) != 0; }
};

class Lexicon {
 public:
  /// The lexicons built into the binary.
  static const Lexicon& builtin();
  /// Builds a lexicon from the text of each data file.
  static Lexicon from_text(std::string_view cues, std::string_view first_names,
                           std::string_view titles, std::string_view pronouns,
                           std::string_view speaker_nouns, std::string_view not_names);

  /// What every list says of a lower-case word; nullptr when it is in none. Asking this
  /// once beats asking the questions below one by one.
  [[nodiscard]] const WordInfo* info(std::string_view lower_word) const;

  /// Cue lookup by lower-case single word ("said", "according").
  [[nodiscard]] const CueInfo* cue(std::string_view lower_word) const;
  [[nodiscard]] Gender first_name_gender(std::string_view name) const;
  [[nodiscard]] bool is_first_name(std::string_view name) const;
  /// Title or role word that can precede a name ("sen.", "president", "congresswoman").
  [[nodiscard]] bool is_title(std::string_view lower_word) const;
  [[nodiscard]] Gender title_gender(std::string_view lower_word) const;
  [[nodiscard]] const Gender* pronoun(std::string_view lower_word) const;
  [[nodiscard]] bool is_speaker_noun(std::string_view lower_word) const;
  /// Capitalised words that never start or continue a name ("The", "But", "Monday").
  [[nodiscard]] bool is_not_name(std::string_view lower_word) const;

 private:
  WordInfo& entry(std::string_view word);

  WordTable words_;  // -> info_
  std::vector<WordInfo> info_;
};

}  // namespace quotegraph
