#include "extract/resolve.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <tuple>

#include "extract/scan.hpp"

namespace quotegraph {
namespace {

constexpr std::string_view kOrgWords[] = {"times",
                                          "post",
                                          "news",
                                          "journal",
                                          "press",
                                          "network",
                                          "party",
                                          "committee",
                                          "campaign",
                                          "department",
                                          "agency",
                                          "service",
                                          "council",
                                          "house",
                                          "office",
                                          "institute",
                                          "university",
                                          "college",
                                          "association",
                                          "foundation",
                                          "inc.",
                                          "corp.",
                                          "company",
                                          "group",
                                          "ministry",
                                          "court",
                                          "commission",
                                          "bureau",
                                          "administration",
                                          "reuters",
                                          "cnn",
                                          "nbc",
                                          "abc",
                                          "cbs",
                                          "fox",
                                          "msnbc",
                                          "bbc",
                                          "ap",
                                          "bloomberg",
                                          "politico",
                                          "axios",
                                          "tribune",
                                          "herald",
                                          "gazette",
                                          "magazine",
                                          "daily",
                                          "senate",
                                          "congress",
                                          "police",
                                          "fbi",
                                          "cia",
                                          "pentagon",
                                          "coalition",
                                          "union",
                                          "club",
                                          "center",
                                          "centre",
                                          "fund",
                                          "bank",
                                          "board",
                                          "npr",
                                          "pac",
                                          "gop",
                                          "twitter",
                                          "facebook",
                                          "google",
                                          "organization",
                                          "organisation",
                                          "institution",
                                          "republicans",
                                          "democrats",
                                          "ministry",
                                          "association",
                                          "federation",
                                          "authority",
                                          "army",
                                          "navy",
                                          "embassy",
                                          "parliament",
                                          "government",
                                          "council",
                                          "secretariat",
                                          "league"};

constexpr std::string_view kSuffixes[] = {"jr", "jr.", "sr", "sr.", "iii"};

bool is_org_word(std::string_view w) {
  // Asked for every part of every name: a table, built once, instead of a linear search.
  static const WordTable kTable = [] {
    WordTable t;
    for (std::string_view o : kOrgWords) t.insert(o, 0);
    return t;
  }();
  return kTable.contains(w);
}

/// Letters and digits only, lower-case ASCII (for handle matching).
std::string alnum_only(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch >= 'A' && ch <= 'Z')
      out += static_cast<char>(ch - 'A' + 'a');
    else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
      out += ch;
  }
  return out;
}

std::string_view strip_possessive(std::string_view w) {
  // Byte tests, last byte first: most names end in no 's at all.
  const std::size_t n = w.size();
  if (n <= 2 || w[n - 1] != 's') return w;
  if (w[n - 2] == '\'') return w.substr(0, n - 2);
  if (n > 4 && w[n - 2] == '\x99' && w[n - 3] == '\x80' && w[n - 4] == '\xe2')
    return w.substr(0, n - 4);
  return w;
}

bool is_suffix(std::string_view part) {
  return part.size() <= 4 &&
         std::find(std::begin(kSuffixes), std::end(kSuffixes), part) != std::end(kSuffixes);
}

/// Calls fn(offset, part) for each part of a lower-case name without '.' and ',': its
/// space-separated words, suffixes such as "jr" left out.
template <typename Fn>
void for_each_part(std::string_view clean, Fn fn) {
  for (std::size_t i = 0; i < clean.size();) {
    std::size_t j = clean.find(' ', i);
    if (j == std::string_view::npos) j = clean.size();
    const std::string_view part = clean.substr(i, j - i);
    if (!part.empty() && !is_suffix(part)) fn(i, part);
    i = j + 1;
  }
}

/// What a clean key's parts say: the first and the last, how many, and whether one is an
/// organisation word.
struct Parts {
  std::string_view first;
  std::string_view last;
  std::uint32_t count = 0;
  bool org = false;
};

Parts parts_of(std::string_view clean) {
  Parts p;
  for_each_part(clean, [&](std::size_t, std::string_view part) {
    if (p.count++ == 0) p.first = part;
    p.last = part;
    p.org = p.org || is_org_word(part);
  });
  return p;
}

/// Where the parts of a name key lie in its storage, while the storage may still grow.
struct KeyOffsets {
  std::uint32_t key = 0;
  std::uint32_t key_len = 0;
  std::uint32_t first = 0;
  std::uint32_t first_len = 0;
  std::uint32_t last = 0;
  std::uint32_t last_len = 0;
  std::uint32_t clean = 0;
  std::uint32_t clean_len = 0;
  std::uint32_t parts = 0;
  bool org = false;
};

/// Appends the lower-case key of name to storage (which name must not point into), then,
/// when the key holds '.' or ',', the key without them; the parts are the space-separated
/// words of the latter.
KeyOffsets append_key(std::string_view name, std::string& storage) {
  KeyOffsets k;
  k.key = static_cast<std::uint32_t>(storage.size());
  k.key_len = static_cast<std::uint32_t>(name.size());
  storage += name;
  scan::lower_ascii_in_place(storage.data() + k.key, name.size());
  std::size_t from = k.key;
  if (std::any_of(name.begin(), name.end(), [](char c) { return c == '.' || c == ','; })) {
    from = storage.size();
    for (std::size_t i = k.key; i < from; ++i) {
      const char c = storage[i];
      if (c != '.' && c != ',') storage += c;
    }
  }
  const std::string_view clean(storage.data() + from, storage.size() - from);
  k.clean = static_cast<std::uint32_t>(from);
  k.clean_len = static_cast<std::uint32_t>(clean.size());
  const Parts p = parts_of(clean);
  auto offset = [&](std::string_view part) {
    return static_cast<std::uint32_t>(part.data() - storage.data());
  };
  if (p.count > 0) {
    k.first = offset(p.first);
    k.first_len = static_cast<std::uint32_t>(p.first.size());
    k.last = offset(p.last);
    k.last_len = static_cast<std::uint32_t>(p.last.size());
  }
  k.parts = p.count;
  k.org = p.org;
  return k;
}

/// Optimal string alignment distance, capped: enough to tell "Corby" from "Corbyn".
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if (n > 40 || m > 40) return 99;
  std::array<std::size_t, 41> prev2{};  // rows on the stack: names are short
  std::array<std::size_t, 41> prev{};
  std::array<std::size_t, 41> cur{};
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}

bool compatible(Gender entity, Gender pronoun) {
  return entity == Gender::kUnknown || entity == pronoun;
}

}  // namespace

Resolver::Resolver(const TokenView& tv) : tv_(tv) { collect(); }

Resolver::NamePart Resolver::split_title(std::uint32_t first, std::uint32_t last,
                                         const std::uint8_t* kinds) const {
  NamePart np;
  np.last = last;
  const Lexicon& lex = tv_.lex();
  // Skip a leading "the" ("The New York Times" is the New York Times).
  while (first < last && tv_.lower(first) == "the") ++first;
  // "Valdoria's Ministry of Fisheries" is the Ministry of Fisheries; "The New Republic's
  // Jeet Heer" is Jeet Heer, when two words or a first name follow ("Ted Cruz's Super"
  // stays whole).
  for (std::uint32_t k = last - 1; k-- > first;) {
    const std::string_view w = tv_.lower(k);
    if (strip_possessive(w).size() == w.size()) continue;
    if (k == first || last - k > 2 || lex.is_first_name(tv_.lower(k + 1))) first = k + 1;
    break;
  }
  // "Freshman Democratic Congresswoman Alexandria Ocasio-Cortez": the name follows the
  // last title word of the run.
  std::uint32_t title_end = first;
  for (std::uint32_t k = first; k < last; ++k) {
    if (kinds && kinds[k] != 0 ? kinds[k] == 2 : lex.is_title(tv_.lower(k))) {
      title_end = k + 1;
      np.title_gender = lex.title_gender(tv_.lower(k));
    }
  }
  // "Democrat Hillary Clinton", "House Republican Thomas Massie", "Secretary of State Jon
  // Husted": words that describe the person before a first name and at least one more
  // name word. Only a describing word (a speaker noun: "Republican", "Comedian") or the
  // end of an "of" title right before the first name counts: "Deborah Jordan Reynolds"
  // is one name.
  std::uint32_t role_start = first;
  if (title_end == first && last - first >= 3 && !lex.is_first_name(tv_.lower(first))) {
    const bool after_of_title = first >= 2 && tv_.lower(first - 1) == "of" &&
                                tv_.is_word(first - 2) && lex.is_title(tv_.lower(first - 2));
    for (std::uint32_t k = first + 1; k + 2 <= last; ++k) {
      if (!lex.is_first_name(tv_.lower(k))) continue;
      const std::string_view before = tv_.lower(k - 1);
      if (after_of_title || lex.is_speaker_noun(before) || before.ends_with("-based")) {
        title_end = k;
        if (after_of_title) role_start = first - 2;  // the role is "Secretary of State"
      }
      break;
    }
  }
  std::uint32_t role_end = title_end;
  // "British Labour leader Jeremy Corbyn": a lower-case role word right before the name.
  if (title_end == first && first > 0 && tv_.is_word(first - 1) && !tv_.tok(first - 1).cap &&
      lex.is_title(tv_.lower(first - 1))) {
    role_end = first;
    role_start = first - 1;
    np.title_gender = lex.title_gender(tv_.lower(first - 1));
    while (role_start > 0 && tv_.name_word(role_start - 1) && first - role_start < 5) --role_start;
  }
  // "Republican Marta Lindqvist, who wrote the bill": a describing word that opens the
  // sentence is not taken into the name run, but it is the person's role.
  if (role_end == role_start && title_end == first && first > 0 && tv_.is_word(first - 1) &&
      tv_.tok(first - 1).cap && lex.is_speaker_noun(tv_.lower(first - 1)) &&
      lex.is_first_name(tv_.lower(first))) {
    role_start = first - 1;
    role_end = first;
  }
  if (role_end > role_start) {
    const Token& a = tv_.tok(role_start);
    const Token& b = tv_.tok(role_end - 1);
    np.role = tv_.text().substr(a.start, b.end - a.start);
    np.titled = true;
  }
  np.first = title_end;
  return np;
}

void Resolver::name_text(std::uint32_t first, std::uint32_t last, std::string& out) const {
  const std::size_t start = out.size();
  for (std::uint32_t k = first; k < last; ++k) {
    if (!tv_.is_word(k)) continue;
    if (out.size() > start) out += ' ';
    out += k + 1 == last ? strip_possessive(tv_.word(k)) : tv_.word(k);
  }
}

namespace {

// text.find(what, from) with glibc's memmem: std::string_view::find compares at every
// byte equal to the first, memmem skips ahead.
std::size_t find_bytes(std::string_view text, std::string_view what, std::size_t from) {
  if (from > text.size()) return std::string_view::npos;
  const void* at = ::memmem(text.data() + from, text.size() - from, what.data(), what.size());
  return at == nullptr ? std::string_view::npos
                       : static_cast<std::size_t>(static_cast<const char*>(at) - text.data());
}

}  // namespace

bool Resolver::title_case(std::uint32_t k) const {
  const std::uint32_t para = tv_.tok(k).para;
  if (title_case_.size() <= para) title_case_.resize(tv_.tok(tv_.size() - 1).para + 1, -1);
  if (title_case_[para] >= 0) return title_case_[para] != 0;
  // Outward from k; three lower-case long words settle it (prose), which is soon.
  std::uint32_t long_words = 0;
  std::uint32_t lower_case = 0;
  auto count = [&](std::uint32_t i) {
    const Token& t = tv_.tok(i);
    if (t.kind != TokKind::kWord || t.end - t.start < 4) return;
    ++long_words;
    lower_case += t.cap ? 0U : 1U;
  };
  for (std::uint32_t i = k; i < tv_.size() && tv_.tok(i).para == para && lower_case < 3; ++i) {
    count(i);
  }
  for (std::uint32_t i = k; i > 0 && tv_.tok(i - 1).para == para && lower_case < 3; --i) {
    count(i - 1);
  }
  const bool headline = lower_case < 3 && long_words >= 4 && lower_case * 10 <= long_words;
  title_case_[para] = headline ? 1 : 0;
  return headline;
}

std::pair<std::uint32_t, std::uint32_t> Resolver::headline_name(std::uint32_t first,
                                                                std::uint32_t last) const {
  std::vector<std::uint32_t> words;
  for (std::uint32_t k = first; k < last; ++k) {
    if (tv_.is_word(k)) words.push_back(k);
  }
  if (words.size() < 2) return {first, last};
  // The paragraph's bytes: a name found there is the headline's own.
  const std::uint32_t para = tv_.tok(first).para;
  std::uint32_t a = first;
  while (a > 0 && tv_.tok(a - 1).para == para) --a;
  std::uint32_t b = last;
  while (b < tv_.size() && tv_.tok(b).para == para) ++b;
  const std::size_t para_start = tv_.tok(a).start;
  const std::size_t para_end = tv_.tok(b - 1).end;
  const std::string_view lower = tv_.lower_text();
  auto is_alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80) != 0;
  };
  // The end of each proper start ("colin", "colin powell", ... in lower-case text).
  const std::size_t from = tv_.tok(words[0]).start;
  std::vector<std::size_t> ends;
  for (std::size_t n = 1; n < words.size(); ++n) {
    const std::string_view w = tv_.word(words[n - 1]);
    ends.push_back(tv_.tok(words[n - 1]).end - (w.size() - strip_possessive(w).size()));
  }
  // Every place the first word is written outside the paragraph: how many of the run's
  // words follow it there. One scan of the text, not one per start.
  const std::string_view first_word = lower.substr(from, ends[0] - from);
  std::size_t best = 0;
  for (std::size_t at = find_bytes(lower, first_word, 0); at != std::string_view::npos;
       at = find_bytes(lower, first_word, at + 1)) {
    if ((at >= para_start && at < para_end) || (at > 0 && is_alnum(lower[at - 1]))) continue;
    for (std::size_t n = ends.size(); n > best; --n) {
      const std::size_t len = ends[n - 1] - from;
      const std::size_t end = at + len;
      if (end > lower.size() || (end < lower.size() && is_alnum(lower[end]))) continue;
      if (lower.compare(at, len, lower.substr(from, len)) == 0) {
        best = n;
        break;
      }
    }
    if (best == ends.size()) break;
  }
  if (best > 0) return {words[0], words[best - 1] + 1};
  return {first, last};
}

std::string Resolver::name_text(std::uint32_t first, std::uint32_t last) const {
  std::string out;
  name_text(first, last, out);
  return out;
}

Resolver::NameKey Resolver::name_key(std::string_view name, std::string& storage) {
  storage.clear();
  const KeyOffsets k = append_key(name, storage);
  const std::string_view all(storage);
  return NameKey{all.substr(k.key, k.key_len),
                 all.substr(k.first, k.first_len),
                 all.substr(k.last, k.last_len),
                 all.substr(k.clean, k.clean_len),
                 k.parts,
                 k.org};
}

inline std::size_t Resolver::probe(std::string_view key, std::uint32_t tag) const {
  const std::size_t mask = names_.size() - 1;
  std::size_t i = (tag >> 1) & mask;
  for (; names_[i].tag != 0; i = (i + 1) & mask) {
    const NameSlot& s = names_[i];
    if (s.tag == tag && s.len == key.size() && same_words(s.data, key)) break;
  }
  return i;
}

const Resolver::NameSlot* Resolver::find_name(std::string_view key) const {
  if (names_.empty()) return nullptr;
  const NameSlot& s = names_[probe(key, hash_tag(key))];
  return s.tag != 0 ? &s : nullptr;
}

Resolver::NameSlot& Resolver::name_slot(std::string_view key) {
  if ((names_used_ + 1) * 2 > names_.size()) {
    // Grow to keep the table at most half full; slots move, their names stay put.
    std::vector<NameSlot> old(std::max<std::size_t>(64, names_.size() * 2));
    old.swap(names_);
    const std::size_t mask = names_.size() - 1;
    for (const NameSlot& s : old) {
      if (s.tag == 0) continue;
      std::size_t i = (s.tag >> 1) & mask;
      while (names_[i].tag != 0) i = (i + 1) & mask;
      names_[i] = s;
    }
  }
  const std::uint32_t tag = hash_tag(key);
  const std::size_t i = probe(key, tag);
  if (names_[i].tag != 0) return names_[i];
  // A copy of the name in chunks that never move, so that views of it stay valid.
  if (chunk_left_ < key.size()) {
    const std::size_t size = std::max<std::size_t>(4096, key.size());
    name_chunks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    chunk_at_ = name_chunks_.back().get();
    chunk_left_ = size;
  }
  std::memcpy(chunk_at_, key.data(), key.size());
  NameSlot& s = names_[i];
  s.data = chunk_at_;
  s.len = static_cast<std::uint32_t>(key.size());
  s.tag = tag;
  chunk_at_ += key.size();
  chunk_left_ -= key.size();
  ++names_used_;
  return names_[i];
}

namespace {

// A role once per entity ("Sen." from "Sen. Cruz" after "Ted Cruz", too).
void add_role(Entity& e, std::string_view role) {
  if (!role.empty() && std::find(e.roles.begin(), e.roles.end(), role) == e.roles.end()) {
    e.roles.emplace_back(role);
  }
}

}  // namespace

std::int32_t Resolver::add_entity(std::string_view name, const NameKey& key, const NamePart& np,
                                  bool person_hint) {
  // "The New York Times" keeps its article; "the Gazette" in running text does not tell.
  const bool article = np.first > 0 && tv_.is_word(np.first - 1) && tv_.word(np.first - 1) == "The";
  const auto k = static_cast<std::int32_t>(entities_.size());
  if (NameSlot& slot = name_slot(key.key); slot.entity >= 0) {
    Entity& e = entities_[static_cast<std::size_t>(slot.entity)];
    if (article && e.kind == EntityKind::kOrganization) e.article = true;
    add_role(e, np.role);
    if (e.gender == Gender::kUnknown) e.gender = np.title_gender;
    return slot.entity;
  } else {
    slot.entity = k;
  }
  Entity e;
  e.name = std::string(name);
  e.parts.reserve(key.parts);
  for_each_part(key.clean, [&](std::size_t, std::string_view part) { e.parts.emplace_back(part); });
  e.first_tok = np.first;
  e.kind = key.org && !person_hint ? EntityKind::kOrganization : EntityKind::kPerson;
  if (!np.role.empty()) e.roles.emplace_back(np.role);
  e.gender = np.title_gender;
  if (e.gender == Gender::kUnknown && e.kind == EntityKind::kPerson && e.parts.size() >= 2) {
    e.gender = tv_.lex().first_name_gender(e.parts.front());
  }
  if (e.kind == EntityKind::kOrganization) {
    e.gender = Gender::kNeuter;
    e.article = article;
  }
  next_last_.push_back(-1);
  next_first_.push_back(-1);
  if (e.parts.size() >= 2) {
    // Appended to the lists of its last and first part (name_slot may move slots: one
    // at a time).
    NameSlot& last = name_slot(e.parts.back());
    (last.last_tail < 0 ? last.last_head : next_last_[static_cast<std::size_t>(last.last_tail)]) =
        k;
    last.last_tail = k;
    NameSlot& first = name_slot(e.parts.front());
    (first.first_tail < 0 ? first.first_head
                          : next_first_[static_cast<std::size_t>(first.first_tail)]) = k;
    first.first_tail = k;
  }
  entities_.push_back(std::move(e));
  return static_cast<std::int32_t>(entities_.size() - 1);
}

void Resolver::collect() {
  const auto n = static_cast<std::uint32_t>(tv_.size());
  // Name runs: maximal sequences of capitalised name words. name_word() costs a few
  // lexicon look-ups and the walk asks most tokens twice: ask once, and keep whether the
  // word is a title for split_title(). 0: no name word, 1: a name word, 2: a title.
  // The name words are also listed, so that the runs are found without a second walk
  // over every token.
  // Capitalised words (name_word's own first test; only words are capitalised) are
  // listed first without a branch per token: which tokens they are is unpredictable.
  std::vector<std::uint32_t> name_words(n);
  std::size_t capitals = 0;
  for (std::uint32_t k = 0; k < n; ++k) {
    name_words[capitals] = k;
    capitals += tv_.tok(k).cap ? 1U : 0U;
  }
  std::vector<std::uint8_t> is_name(n);
  std::size_t kept = 0;
  for (std::size_t c = 0; c < capitals; ++c) {
    const std::uint32_t k = name_words[c];
    bool title = false;
    if (tv_.name_word(k, &title)) {
      is_name[k] = title ? 2 : 1;
      name_words[kept++] = k;
    }
  }
  name_words.resize(kept);
  struct Run {
    NamePart np;
    std::uint32_t start = 0;  // the run's first word, titles included
    bool in_quote = false;
    bool headline = false;  // cut to a name written elsewhere: the entity comes from there
    std::string_view name;  // as written: a view of the text, or of `arena` once complete
    NameKey key;            // views of the lower-case text, or of `arena` once complete
    bool in_arena = false;  // then offsets into `arena` while it grows:
    std::uint32_t name_at = 0;
    std::uint32_t name_len = 0;
    KeyOffsets offsets;
  };
  std::vector<Run> runs;
  runs.reserve(name_words.size());
  for (std::size_t w = 0; w < name_words.size();) {
    const std::uint32_t i = name_words[w];
    std::uint32_t e = i + 1;
    for (;;) {
      while (e < n && is_name[e] != 0 && tv_.tok(e).quote == tv_.tok(i).quote) ++e;
      // "Ministry of Fisheries", "Bank of England": organisations continue over "of".
      if (e + 1 < n && tv_.lower(e) == "of" && !tv_.tok(e).cap && is_org_word(tv_.lower(e - 1)) &&
          is_name[e + 1] != 0 && tv_.tok(e + 1).quote == tv_.tok(i).quote) {
        e += 2;
        continue;
      }
      break;
    }
    NamePart np = split_title(i, e, is_name.data());
    if (np.first < np.last) {
      Run& r = runs.emplace_back();
      r.np = np;
      r.start = i;
      r.in_quote = tv_.tok(i).quote >= 0;
    }
    while (w < name_words.size() && name_words[w] < e) ++w;
  }
  // A headline in title case capitalises every word: a run of three words or more there
  // is cut to its first words that the article writes elsewhere ("Colin Powell Advised
  // Clinton" is Colin Powell); a run with no such start stays whole (a list of names).
  for (Run& r : runs) {
    if (r.np.last - r.np.first < 3 || !title_case(r.np.first)) continue;
    headlines_ = true;
    const std::uint32_t last = r.np.last;
    std::tie(r.np.first, r.np.last) = headline_name(r.np.first, r.np.last);
    r.headline = r.np.last != last;
  }
  // Sized once for the names the runs bring (a key, and a first and last part each):
  // the table then rarely grows.
  std::size_t slots = 64;
  while (slots < runs.size() * 4) slots *= 2;
  if (names_.size() < slots) names_.assign(slots, NameSlot{});
  // Most names are written as they are compared: words one space apart, without '.' or
  // ','. Their name and key are views of the text and of its lower case; only the others
  // are written out, into one arena (no allocation per name).
  const std::string_view text = tv_.text();
  auto as_written = [&](const NamePart& np) -> std::string_view {
    for (std::uint32_t k = np.first; k < np.last; ++k) {
      const Token& t = tv_.tok(k);
      if (t.kind != TokKind::kWord) return {};
      if (k + 1 < np.last && (tv_.tok(k + 1).start != t.end + 1 || text[t.end] != ' ')) return {};
    }
    const Token& a = tv_.tok(np.first);
    const std::string_view last = tv_.word(np.last - 1);
    const std::size_t end =
        tv_.tok(np.last - 1).end - (last.size() - strip_possessive(last).size());
    const std::string_view name = text.substr(a.start, end - a.start);
    const bool clean =
        std::none_of(name.begin(), name.end(), [](char c) { return c == '.' || c == ','; });
    return clean ? name : std::string_view{};
  };
  std::string arena;
  std::string name;
  for (Run& r : runs) {
    const std::string_view written = as_written(r.np);
    const std::string_view key =
        tv_.lower_text().substr(written.empty() ? 0 : tv_.tok(r.np.first).start, written.size());
    if (!written.empty() && r.np.last - r.np.first == 1 && !is_suffix(key)) {
      // One word is its own part. Whether it is an organisation word is only asked of
      // titled runs or longer names.
      r.name = written;
      r.key = NameKey{key, key, key, key, 1, r.np.titled && is_org_word(key)};
      continue;
    }
    if (!written.empty() && r.np.last - r.np.first > 1) {
      const Parts p = parts_of(key);
      r.name = written;
      r.key = NameKey{key, p.first, p.last, key, p.count, p.org};
      continue;
    }
    name.clear();
    name_text(r.np.first, r.np.last, name);
    r.in_arena = true;
    r.name_at = static_cast<std::uint32_t>(arena.size());
    r.name_len = static_cast<std::uint32_t>(name.size());
    arena += name;
    r.offsets = append_key(name, arena);
  }
  const std::string_view all(arena);
  for (Run& r : runs) {
    if (!r.in_arena) continue;
    const KeyOffsets& k = r.offsets;
    r.name = all.substr(r.name_at, r.name_len);
    r.key = NameKey{all.substr(k.key, k.key_len),
                    all.substr(k.first, k.first_len),
                    all.substr(k.last, k.last_len),
                    all.substr(k.clean, k.clean_len),
                    k.parts,
                    k.org};
  }
  // Full names make entities: two words or more, a known first name or a title, or an
  // organisation word. A title before a surname that ends a longer name of the article
  // ("Ted Cruz" ... "Sen. Cruz") is that person, found when the mention is resolved.
  // "Mr. Clinton" after "Hillary Clinton" only is somebody else; "Senator Cruz" in an
  // article about Ted, Heidi and Rafael Cruz stays apart too.
  // Per surname written after a title: the runs of longer names ending in it with two
  // first names (-1: none), and whether more first names than that do. Few surnames are
  // titled, so the runs are compared with them, not hashed.
  struct Titled {
    std::string_view surname;
    std::int32_t full_run = -1;
    std::int32_t other_run = -1;
    bool differ = false;
  };
  std::vector<Titled> titled;
  for (const Run& r : runs) {
    if (r.key.parts != 1 || !r.np.titled) continue;
    if (std::none_of(titled.begin(), titled.end(),
                     [&](const Titled& t) { return t.surname == r.key.last; })) {
      titled.push_back({r.key.last});
    }
  }
  for (std::size_t i = 0; i < runs.size() && !titled.empty(); ++i) {
    if (runs[i].key.parts < 2) continue;
    for (Titled& t : titled) {
      if (t.surname != runs[i].key.last) continue;
      const auto run = static_cast<std::int32_t>(i);
      const auto same_first = [&](std::int32_t k) {
        return runs[static_cast<std::size_t>(k)].key.first == runs[i].key.first;
      };
      if (t.full_run < 0) {
        t.full_run = run;
      } else if (!same_first(t.full_run)) {
        if (t.other_run < 0) {
          t.other_run = run;
        } else if (!same_first(t.other_run)) {
          t.differ = true;
        }
      }
    }
  }
  // The one longer name of a gender that fits the title.
  auto written_in_full = [&](const Run& r) {
    const auto t = std::find_if(titled.begin(), titled.end(),
                                [&](const Titled& x) { return x.surname == r.key.last; });
    if (t == titled.end() || t->full_run < 0 || t->differ) return false;
    int fitting = 0;
    for (const std::int32_t k : {t->full_run, t->other_run}) {
      if (k < 0) continue;
      const Gender g = tv_.lex().first_name_gender(runs[static_cast<std::size_t>(k)].key.first);
      fitting +=
          g == Gender::kUnknown || r.np.title_gender == Gender::kUnknown || g == r.np.title_gender
              ? 1
              : 0;
    }
    return fitting == 1;
  };
  for (const Run& r : runs) {
    const NameKey& key = r.key;
    if (key.parts == 0 || (key.parts < 2 && !r.np.titled)) continue;
    if (key.parts == 1 && written_in_full(r)) continue;
    if (r.headline) continue;  // "DONALD TRUMP SAYS": the text's own Donald Trump
    bool person = tv_.lex().is_first_name(key.first) || r.np.titled;
    if (!person && !key.org) continue;
    if (key.parts > 4) continue;  // headline fragments, not names
    std::int32_t e = add_entity(r.name, key, r.np, person);
    if (person && key.parts >= 2) entities_[static_cast<std::size_t>(e)].notable = true;
  }
  // A name whose surname is also written alone elsewhere ("Gregor Lindqvist" ... "said
  // Lindqvist") is a person even when its first name is not in the lexicon.
  for (const Run& r : runs) {
    if (r.key.parts == 1) name_slot(r.key.first).alone = true;
  }
  for (const Run& run : runs) {
    if (run.key.parts < 2) continue;  // one word: neither an age to drop nor a full name
    const NamePart* np = &run.np;
    std::string_view written = run.name;
    NameKey key = run.key;
    // "Ten-year-old Noor Haddad": an age is not part of the name.
    NamePart aged;
    std::string aged_name;
    std::string aged_key;
    while (key.parts > 2 && key.first.find_first_of("0123456789") == std::string_view::npos &&
           key.first.find("-old") != std::string_view::npos) {
      aged = *np;
      ++aged.first;
      aged_name = name_text(aged.first, aged.last);
      key = name_key(aged_name, aged_key);
      np = &aged;
      written = aged_name;
    }
    if (key.parts < 2 || key.parts > 3) continue;
    if (key.org) continue;
    if (const NameSlot* last = find_name(key.last); !last || !last->alone) continue;
    std::int32_t e = add_entity(written, key, *np, true);
    entities_[static_cast<std::size_t>(e)].notable = true;
  }
  // Every run resolves, in text order, so that recency is known for surnames.
  occ_.reserve(runs.size());
  for (const Run& r : runs) {
    NameOccurrence o;
    o.first = r.np.first;
    o.last = r.np.last;
    o.in_quote = r.in_quote;
    o.start = r.start;
    o.entity = match(r.key, r.np.first, false);
    if (o.entity >= 0) {
      note_alias(o.entity, r.name);
      const auto eu = static_cast<std::size_t>(o.entity);
      if (occ_pos_.size() <= eu) occ_pos_.resize(eu + 1);
      occ_pos_[eu].push_back(o.first);
      if (!o.in_quote) outside_.push_back(static_cast<std::uint32_t>(occ_.size()));
    }
    occ_.push_back(o);
  }
}

std::int32_t Resolver::match(const NameKey& name, std::uint32_t at, bool allow_fuzzy) const {
  const NameSlot* slot = find_name(name.key);
  if (slot && slot->entity >= 0) return slot->entity;
  if (name.parts == 0) return -1;
  // Candidates go into one buffer kept across calls: no allocation per name.
  std::vector<std::int32_t>& cands = cands_;
  cands.clear();
  auto most_recent = [&]() -> std::int32_t {
    if (cands.empty()) return -1;
    if (cands.size() == 1) return cands.front();
    // The candidate written most recently before `at`.
    std::int32_t best = -1;
    std::uint32_t best_pos = 0;
    for (std::int32_t c : cands) {
      const auto cu = static_cast<std::size_t>(c);
      if (cu >= occ_pos_.size()) continue;
      const std::vector<std::uint32_t>& pos = occ_pos_[cu];
      auto it = std::lower_bound(pos.begin(), pos.end(), at);
      if (it == pos.begin()) continue;
      const std::uint32_t p = *(it - 1);
      if (best < 0 || p > best_pos) {
        best = c;
        best_pos = p;
      }
    }
    return best >= 0 ? best : cands.front();
  };
  // The lists hold entities of two parts or more in creation order, so candidates come
  // in the order a scan of entities_ would give.
  auto by_last = [&](const NameSlot* s, auto fn) {
    for (std::int32_t k = s ? s->last_head : -1; k >= 0;
         k = next_last_[static_cast<std::size_t>(k)])
      fn(k);
  };
  if (name.parts == 1) {
    // A one-part key is its part (the same view): no second look-up.
    const bool same = name.first.data() == name.key.data() && name.first.size() == name.key.size();
    const NameSlot* part = same ? slot : find_name(name.first);
    by_last(part, [&](std::int32_t k) { cands.push_back(k); });
    if (cands.empty() && part) {
      for (std::int32_t k = part->first_head; k >= 0;
           k = next_first_[static_cast<std::size_t>(k)]) {
        if (entities_[static_cast<std::size_t>(k)].kind == EntityKind::kPerson) cands.push_back(k);
      }
      if (cands.size() > 1) cands.clear();  // "Bill" alone is nobody in particular
    }
    if (cands.empty() && allow_fuzzy && name.first.size() >= 4) {
      for (std::size_t k = 0; k < entities_.size(); ++k) {
        const Entity& e = entities_[k];
        // One edit apart means lengths at most one apart: most surnames need no distance.
        const std::size_t len = e.parts.empty() ? 0 : e.parts.back().size();
        if (e.kind == EntityKind::kPerson && e.parts.size() >= 2 && len + 1 >= name.first.size() &&
            len <= name.first.size() + 1 && edit_distance(e.parts.back(), name.first) == 1)
          cands.push_back(static_cast<std::int32_t>(k));
      }
      if (cands.size() > 1) cands.clear();  // a near miss must be unambiguous
    }
    return most_recent();
  }
  by_last(find_name(name.last), [&](std::int32_t k) {
    const Entity& e = entities_[static_cast<std::size_t>(k)];
    const std::string& a = e.parts.front();
    const std::string_view b = name.first;
    if (a == b || (a[0] == b[0] && (a.size() == 1 || b.size() == 1))) cands.push_back(k);
  });
  return most_recent();
}

void Resolver::note_alias(std::int32_t e, std::string_view written) {
  Entity& ent = entities_[static_cast<std::size_t>(e)];
  if (written == ent.name) return;
  if (std::find(ent.aliases.begin(), ent.aliases.end(), written) == ent.aliases.end()) {
    ent.aliases.emplace_back(written);
  }
}

std::size_t Resolver::occ_before(std::uint32_t at) const {
  auto it = std::lower_bound(occ_.begin(), occ_.end(), at,
                             [](const NameOccurrence& o, std::uint32_t v) { return o.first < v; });
  return static_cast<std::size_t>(it - occ_.begin());
}

bool Resolver::sentence_starts_at(std::uint32_t k) const {
  // Back over what describes the name: "Republican presidential candidate Donald Trump",
  // "The former governor".
  const Lexicon& lex = tv_.lex();
  for (int words = 0; words < 5 && k > 0 && tv_.is_word(k - 1); ++words) {
    const std::string_view w = tv_.lower(k - 1);
    if (!tv_.tok(k - 1).cap && !lex.is_title(w) && w != "former" && w != "presidential") break;
    --k;
  }
  while (k > 0 && tv_.tok(k - 1).kind == TokKind::kQuote) --k;  // “Tom Hale ...
  if (k == 0) return true;
  const Token& t = tv_.tok(k - 1);
  if (t.kind == TokKind::kBreak) return true;
  if (t.kind != TokKind::kPunct) return false;
  const char c = tv_.text()[t.start];
  return c == '.' || c == '!' || c == '?';
}

bool Resolver::subject_like(const NameOccurrence& o) const {
  // A name that opens its sentence ("Cox says Obama ..."), or that a cue follows ("...,
  // Stovall said."); not a possessive ("Obama's presidency").
  const std::string_view tail = tv_.word(o.last - 1);
  if (strip_possessive(tail).size() != tail.size()) return false;
  return sentence_starts_at(o.start) ||
         (o.last < tv_.size() && tv_.is_word(o.last) && tv_.cue_at(o.last));
}

std::int32_t Resolver::resolve_pronoun(std::uint32_t at, Gender g) const {
  // Walk back over names outside quotes and earlier resolved speakers, nearest first.
  // Only the 40 nearest of each count, so the names further back are never looked at.
  // Both lists are in text order: walking them back together, the larger (position,
  // entity) first, visits the candidates nearest first without sorting them.
  constexpr int kReach = 40;
  std::size_t occ = static_cast<std::size_t>(
      std::lower_bound(outside_.begin(), outside_.end(), at,
                       [this](std::uint32_t k, std::uint32_t v) { return occ_[k].first < v; }) -
      outside_.begin());
  int occ_taken = 0;
  auto next_occ = [&]() -> const NameOccurrence* {
    if (occ == 0 || occ_taken == kReach) return nullptr;
    ++occ_taken;
    return &occ_[outside_[--occ]];
  };
  // timeline_ is kept in text order: only its nearest entries before `at` can count.
  const auto end = std::lower_bound(timeline_.begin(), timeline_.end(),
                                    std::pair<std::uint32_t, std::int32_t>{at, INT32_MIN});
  const auto stop = end - std::min<std::ptrdiff_t>(end - timeline_.begin(), kReach);
  auto said = end;
  const NameOccurrence* o = next_occ();
  const bool want_person = g == Gender::kMale || g == Gender::kFemale;
  // A person of that gender who opens a sentence, or spoke, in the last few sentences
  // comes first: the subject, in news, of what follows ("Cox says Obama is trying to
  // distract ... He says"). Then the nearest of that gender, then of no known gender.
  constexpr std::uint32_t kSubjectReach = 150;  // tokens: about five sentences
  std::int32_t nearest = -1;
  std::int32_t fallback = -1;
  for (int seen = 0; seen < kReach && (o || said != stop); ++seen) {
    std::pair<std::uint32_t, std::int32_t> c;
    const NameOccurrence* name = nullptr;  // none: a speaker, as likely a subject
    if (o && (said == stop || std::pair{o->first, o->entity} > *(said - 1))) {
      c = {o->first, o->entity};
      name = o;
      o = next_occ();
    } else {
      c = *--said;
    }
    const Entity& e = entities_[static_cast<std::size_t>(c.second)];
    const bool person = e.kind == EntityKind::kPerson;
    if (want_person != person) continue;
    if (!want_person) return c.second;
    if (e.gender == g) {
      if (at - c.first <= kSubjectReach && (!name || subject_like(*name))) return c.second;
      if (nearest < 0) nearest = c.second;
      if (at - c.first > kSubjectReach) break;
    }
    if (compatible(e.gender, g) && fallback < 0) fallback = c.second;
  }
  return nearest >= 0 ? nearest : fallback;
}

namespace {

// How a role word is written before a name: "the senator" was "Sen. Lena Ortiz".
std::string_view short_title(std::string_view role) {
  if (role == "senator") return "sen.";
  if (role == "governor") return "gov.";
  if (role == "representative" || role == "congressman" || role == "congresswoman") return "rep.";
  return {};
}

}  // namespace

std::int32_t Resolver::latest_with_role(std::uint32_t at, std::string_view word) const {
  for (std::size_t k = occ_before(at); k-- > 0;) {
    if (occ_[k].entity < 0) continue;
    for (const std::string& r : entities_[static_cast<std::size_t>(occ_[k].entity)].roles) {
      if (scan::lower_ascii(r).find(word) != std::string::npos) return occ_[k].entity;
    }
  }
  return -1;
}

std::int32_t Resolver::resolve(const TokenMention& m) {
  std::int32_t e = -1;
  const Lexicon& lex = tv_.lex();
  switch (m.kind) {
    case MentionKind::kName:
    case MentionKind::kHandle: {
      NamePart np = split_title(m.first, m.last);
      if (headlines_ && np.last - np.first >= 3 && title_case(np.first)) {
        std::tie(np.first, np.last) = headline_name(np.first, np.last);
      }
      const std::string name = name_text(np.first, np.last);
      std::string storage;
      const NameKey key = name_key(name, storage);
      if (name.empty() || key.parts == 0) break;
      if (name.front() == '@') break;  // a handle as speaker: linked through handles
      e = match(key, m.first, true);
      if (e >= 0) add_role(entities_[static_cast<std::size_t>(e)], np.role);  // "Sen. Cruz"
      // "The Republican said" after "Republican Donald Trump": a describing word alone
      // stands for the latest person it described (and is not another name of theirs).
      if (e < 0 && key.parts == 1 && lex.is_speaker_noun(key.first)) {
        e = latest_with_role(m.first, key.first);
        if (e >= 0) break;
      }
      if (e < 0) {
        bool person = !np.role.empty() || lex.is_first_name(key.first);
        e = add_entity(name, key, np, person);
      }
      note_alias(e, name);
      break;
    }
    case MentionKind::kPronoun: {
      const Gender* g = lex.pronoun(tv_.base(m.first));
      if (!g || *g == Gender::kUnknown) break;
      e = resolve_pronoun(m.first, *g);
      break;
    }
    case MentionKind::kRelative: {
      // "Trump, who said": the name right before the comma.
      const std::size_t before = occ_before(m.first);
      for (std::size_t k = before; k-- > 0 && occ_[k].last + 2 >= m.first;) {
        if (occ_[k].last + 1 == m.first || occ_[k].last + 2 == m.first) {
          e = occ_[k].entity;
          break;
        }
      }
      if (e < 0) {
        for (std::size_t k = before; k-- > 0;) {
          if (!occ_[k].in_quote && occ_[k].entity >= 0) {
            e = occ_[k].entity;
            break;
          }
        }
      }
      break;
    }
    case MentionKind::kNominal: {
      std::string_view head = tv_.lower(m.last - 1);
      // "the ministry", "the association": the latest organisation of that name.
      if (is_org_word(head) || head == "association" || head == "ministry") {
        for (std::size_t k = occ_before(m.first); k-- > 0 && e < 0;) {
          if (occ_[k].entity < 0) continue;
          const Entity& ent = entities_[static_cast<std::size_t>(occ_[k].entity)];
          if (ent.kind == EntityKind::kOrganization &&
              std::find(ent.parts.begin(), ent.parts.end(), head) != ent.parts.end())
            e = occ_[k].entity;
        }
        break;
      }
      // "the senator": the latest person with that role, written out or short ("Sen.").
      if (!lex.is_title(head)) break;
      e = latest_with_role(m.first, head);
      if (e < 0) {
        const std::string_view abbreviation = short_title(head);
        if (!abbreviation.empty()) e = latest_with_role(m.first, abbreviation);
      }
      // "The Republican nominee": else the latest person described by a capitalised word.
      for (std::uint32_t k = m.first + 1; e < 0 && k + 1 < m.last; ++k) {
        if (tv_.tok(k).cap && tv_.is_word(k)) e = latest_with_role(m.first, tv_.lower(k));
      }
      break;
    }
  }
  if (e >= 0) {
    Entity& ent = entities_[static_cast<std::size_t>(e)];
    ent.notable = true;
    if (m.kind == MentionKind::kPronoun && ent.gender == Gender::kUnknown) {
      const Gender* g = lex.pronoun(tv_.base(m.first));
      if (g && (*g == Gender::kMale || *g == Gender::kFemale)) ent.gender = *g;
    }
    const std::pair<std::uint32_t, std::int32_t> entry{m.first, e};
    timeline_.insert(std::upper_bound(timeline_.begin(), timeline_.end(), entry), entry);
  }
  return e;
}

std::vector<std::int32_t> Resolver::link_handles(const std::vector<HandleMatch>& handles) {
  if (handles.empty()) return {};  // most articles: no spellings to work out
  // The spellings of each person's name a handle may take, worked out once: concatenation
  // (jeremycorbyn), first + last, last, initial + last, initials (aoc).
  StringMap<std::vector<std::int32_t>> by_form;
  for (std::size_t k = 0; k < entities_.size(); ++k) {
    const Entity& e = entities_[k];
    if (e.kind != EntityKind::kPerson || e.parts.size() < 2) continue;
    std::string concat;
    std::string initials;
    for (const std::string& p : e.parts) {
      concat += alnum_only(p);
      std::size_t start = 0;
      while (start < p.size()) {
        std::size_t dash = p.find('-', start);
        if (dash == std::string::npos) dash = p.size();
        if (dash > start) initials += p[start];
        start = dash + 1;
      }
    }
    const std::string first = alnum_only(e.parts.front());
    const std::string last = alnum_only(e.parts.back());
    std::vector<std::string> forms = {concat, first + last, last, first.substr(0, 1) + last,
                                      initials};
    std::sort(forms.begin(), forms.end());
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    for (std::string& f : forms) by_form[std::move(f)].push_back(static_cast<std::int32_t>(k));
  }

  std::vector<std::int32_t> out;
  for (const HandleMatch& h : handles) {
    std::int32_t found = -1;
    // "Jeremy Corbyn (@jeremycorbyn)": the name right before the parenthesis.
    // Tokens are in text order: find the one starting at the handle by bisection.
    std::size_t lo = 0;
    std::size_t hi = tv_.size();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (tv_.tok(mid).start < h.span.start) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (const std::size_t t = lo; t < tv_.size() && tv_.tok(t).start == h.span.start) {
      if (t >= 2 && tv_.is_punct(t - 1, "(")) {
        for (std::size_t k = occ_before(static_cast<std::uint32_t>(t)); k-- > 0;) {
          if (occ_[k].last + 1 < t) break;
          if (occ_[k].last == t - 1 && occ_[k].entity >= 0) {
            found = occ_[k].entity;
            break;
          }
        }
      }
    }
    if (found < 0) {
      std::string hn = alnum_only(h.name);
      std::vector<std::string> variants = {hn};
      for (std::string_view prefix : {"real", "the", "sen", "rep", "gov", "mayor"}) {
        if (hn.size() > prefix.size() + 2 && hn.compare(0, prefix.size(), prefix) == 0)
          variants.push_back(hn.substr(prefix.size()));
      }
      std::string nodigits = hn;
      while (!nodigits.empty() && nodigits.back() >= '0' && nodigits.back() <= '9')
        nodigits.pop_back();
      if (nodigits != hn && nodigits.size() >= 3) variants.push_back(nodigits);
      std::vector<std::int32_t> cands;
      for (const std::string& v : variants) {
        if (auto it = by_form.find(v); it != by_form.end()) {
          cands.insert(cands.end(), it->second.begin(), it->second.end());
        }
      }
      std::sort(cands.begin(), cands.end());
      cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
      if (cands.size() == 1) found = cands.front();
    }
    if (found >= 0) {
      Entity& e = entities_[static_cast<std::size_t>(found)];
      std::string with_at = "@" + h.name;
      bool have = std::any_of(e.handles.begin(), e.handles.end(), [&](const std::string& x) {
        return scan::lower_ascii(x) == scan::lower_ascii(with_at);
      });
      if (!have) e.handles.push_back(with_at);
    }
    out.push_back(found);
  }
  return out;
}

}  // namespace quotegraph
