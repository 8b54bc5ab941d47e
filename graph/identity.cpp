#include "graph/identity.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "graph/names.hpp"

namespace quotegraph::graph {

// A key: the folded words of a name; spellings with one key are one name.
struct NameKey {
  std::string text;                 // words joined by one space
  std::vector<std::string> tokens;  // all words
  std::vector<std::string> given;   // words before the surname
  std::vector<bool> initial;        // per given word: written as an initial ("H." or "H")
  bool name_like = false;           // written as a name: every word capitalised
  std::string suffix;               // words after the surname: "jr", "iii"
  std::string surname;
  std::vector<const std::string*> spellings;  // the names written with this key
};

namespace {

using Key = NameKey;

bool is_handle(std::string_view s) { return !s.empty() && s.front() == '@'; }

// "Mr Smith" says nothing about Smith's first name.
bool is_honorific(std::string_view word) {
  static constexpr std::array<std::string_view, 9> kHonorifics{"mr", "mrs",  "ms",  "miss", "mx",
                                                               "dr", "prof", "sir", "dame"};
  return std::find(kHonorifics.begin(), kHonorifics.end(), word) != kHonorifics.end();
}

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void unite(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::size_t> parent_;
};

// Words of a name that may be written in lower case ("Ludwig van Beethoven").
bool is_particle(std::string_view word) {
  static constexpr std::array<std::string_view, 16> kParticles{
      "de", "da",  "das", "do",  "dos", "del", "della", "di",
      "du", "van", "von", "der", "den", "la",  "le",    "bin"};
  return std::find(kParticles.begin(), kParticles.end(), word) != kParticles.end();
}

// Every word starts with a capital letter (or is a particle), and not all of it shouts:
// "Hillary Clinton", not "a New Hampshire Republican" or "OBAMA".
bool written_as_name(std::string_view spelling) {
  bool lower_seen = false;
  std::size_t start = 0;
  while (start < spelling.size()) {
    std::size_t end = spelling.find(' ', start);
    if (end == std::string_view::npos) end = spelling.size();
    const std::string_view word = spelling.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    const unsigned char first = static_cast<unsigned char>(word.front());
    const bool capital = (first >= 'A' && first <= 'Z') || first >= 0xC0;
    if (!capital && !is_particle(word)) return false;
    for (char c : word.substr(1)) lower_seen = lower_seen || (c >= 'a' && c <= 'z');
  }
  return lower_seen;
}

struct Given {
  const std::vector<std::string>& words;
  const std::vector<bool>& initial;
};

// "H." fits "hillary"; "hillary" fits "hillary"; "bill" fits "william" (a short form)
// but not "hillary".
bool word_fits(const Given& a, std::size_t i, const Given& b, std::size_t j) {
  const std::string& x = a.words[i];
  const std::string& y = b.words[j];
  if (x == y) return true;
  if (a.initial[i]) return y.front() == x.front();
  if (b.initial[j]) return x.front() == y.front();
  return formal_given(x) == formal_given(y);
}

// Given names fit when the first ones fit and the shorter list fits, in order, into the
// longer: [hillary] ~ [hillary, rodham], [H.] ~ [hillary], but not [bill] ~ [hillary].
// Donald Trump Jr. is not Donald Trump: suffixes must agree.
bool given_fit(const Key& ka, const Key& kb) {
  if (ka.suffix != kb.suffix) return false;
  const Given a{ka.given, ka.initial};
  const Given b{kb.given, kb.initial};
  const Given& shorter = a.words.size() <= b.words.size() ? a : b;
  const Given& longer = a.words.size() <= b.words.size() ? b : a;
  if (shorter.words.empty()) return true;
  if (!word_fits(shorter, 0, longer, 0)) return false;
  std::size_t j = 1;
  for (std::size_t i = 1; i < shorter.words.size(); ++i) {
    while (j < longer.words.size() && !word_fits(shorter, i, longer, j)) ++j;
    if (j == longer.words.size()) return false;
    ++j;
  }
  return true;
}

std::size_t letters(const std::vector<std::string>& words) {
  std::size_t n = 0;
  for (const auto& w : words) n += w.size();
  return n;
}

// b says more than a: more given names, or as many with fewer initials.
bool fuller(const Key& b, const Key& a) {
  if (b.given.size() != a.given.size()) return b.given.size() > a.given.size();
  return letters(b.given) > letters(a.given);
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

}  // namespace

std::string Identities::resolve(std::string_view name) const {
  auto it = canonical.find(name);
  return it == canonical.end() ? std::string(name) : it->second;
}

IdentityResolver::IdentityResolver() = default;
IdentityResolver::IdentityResolver(IdentityResolver&&) noexcept = default;
IdentityResolver& IdentityResolver::operator=(IdentityResolver&&) noexcept = default;
IdentityResolver::~IdentityResolver() = default;

void IdentityResolver::see(std::string_view name, bool organization) {
  if (name.empty() || is_handle(name)) return;
  auto it = names_.find(name);
  if (it == names_.end()) {
    it = names_.emplace(std::string(name), NameInfo{}).first;
    it->second.key = key_of(it->first);
    order_.push_back(&*it);
  }
  NameInfo& info = it->second;
  if (info.last_document != document_count_) {
    info.last_document = document_count_;
    ++info.documents;
  }
  info.organization = info.organization || organization;
}

// The key of a name seen for the first time, made when no spelling before had it.
std::size_t IdentityResolver::key_of(const std::string& name) {
  std::vector<std::string> tokens = name_tokens(name);
  std::string text;
  for (const auto& t : tokens) text += (text.empty() ? "" : " ") + t;
  auto [it, inserted] = key_index_.try_emplace(text, keys_.size());
  if (inserted) {
    Key k;
    k.text = text;
    k.surname = surname(tokens);
    // Initials are told from the spelling: "H." or "H", not the article "a".
    std::vector<std::string> raw;
    for (std::size_t at = 0; at < name.size();) {
      std::size_t end = name.find(' ', at);
      if (end == std::string::npos) end = name.size();
      if (end > at) raw.push_back(name.substr(at, end - at));
      at = end + 1;
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i] == k.surname) break;
      if (is_honorific(tokens[i])) continue;
      const bool initial = tokens[i].size() == 1 && raw.size() == tokens.size() &&
                           raw[i].front() >= 'A' && raw[i].front() <= 'Z';
      k.given.push_back(tokens[i]);
      k.initial.push_back(initial);
    }
    k.name_like = written_as_name(name);
    bool after = false;
    for (const auto& t : tokens) {
      if (after) k.suffix += t;
      after = after || t == k.surname;
    }
    k.tokens = std::move(tokens);
    keys_.push_back(std::move(k));
  }
  keys_[it->second].spellings.push_back(&name);
  return it->second;
}

void IdentityResolver::add(const Extraction& ex) {
  for (const Person& p : ex.people) see(p.name, p.kind == EntityKind::kOrganization);
  for (const Statement& s : ex.statements) {
    if (s.speaker) see(*s.speaker, false);
    for (const std::string& m : s.mentions) see(m, false);
    if (s.addressee) see(*s.addressee, false);
  }
  for (const HandleLink& h : ex.handles) {
    if (h.person) see(*h.person, false);
  }
  for (const Interaction& i : ex.interactions) {
    see(i.from, false);
    see(i.to, false);
  }
  ++document_count_;
}

void IdentityResolver::add(const DocFacts& ex) {
  for (const PersonFacts& p : ex.people) see(p.name, p.kind == EntityKind::kOrganization);
  for (const StatementFacts& s : ex.statements) {
    see(s.speaker, false);
    for (Str m : s.mentions) see(m, false);
    see(s.addressee, false);
  }
  for (const HandleFacts& h : ex.handles) see(h.person, false);
  for (const InteractionFacts& i : ex.interactions) {
    see(i.from, false);
    see(i.to, false);
  }
  ++document_count_;
}

Identities IdentityResolver::finish() const {
  const std::vector<Key>& keys = keys_;
  // A key is an organisation's when any of its spellings was written as one.
  std::vector<char> organization(keys.size(), 0);
  for (const auto* entry : order_) {
    if (entry->second.organization) organization[entry->second.key] = 1;
  }

  UnionFind groups(keys.size());
  std::vector<std::string> reason(keys.size());
  std::vector<Merge> kept_apart;
  auto is_full_person = [&](std::size_t i) {
    const Key& k = keys[i];
    return organization[i] == 0 && k.name_like && k.tokens.size() >= 2;
  };
  // Full names already in each group: a union must not put two that conflict together.
  std::vector<std::vector<std::size_t>> members(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) members[i] = {i};
  auto can_join = [&](std::size_t a, std::size_t b) {
    for (std::size_t x : members[groups.find(a)]) {
      for (std::size_t y : members[groups.find(b)]) {
        if (is_full_person(x) && is_full_person(y) && !given_fit(keys[x], keys[y])) {
          return false;
        }
      }
    }
    return true;
  };
  auto join = [&](std::size_t a, std::size_t b) {
    const std::size_t ra = groups.find(a);
    const std::size_t rb = groups.find(b);
    if (ra == rb) return;
    groups.unite(ra, rb);
    const std::size_t root = groups.find(ra);
    const std::size_t other = root == ra ? rb : ra;
    members[root].insert(members[root].end(), members[other].begin(), members[other].end());
    members[other].clear();
  };

  StringMap<std::vector<std::size_t>> by_surname;  // full person names; looked up only
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (is_full_person(i)) by_surname[keys[i].surname].push_back(i);
  }
  // The names that may be fuller forms of a's, in the order of keys. A small surname is
  // walked whole; a large one (20,000 people named Smith took 4.6 s that way) is indexed
  // once by first given name: a fuller name has one, and it fits a's only when it is the
  // same word (or short form of the same formal name) or an initial of the same letter
  // (the first byte, as word_fits compares).
  struct FirstGiven {
    StringMap<std::vector<std::size_t>> by_word;
    std::unordered_map<char, std::vector<std::size_t>> by_letter;
    std::unordered_map<char, std::vector<std::size_t>> initials_by_letter;
  };
  constexpr std::size_t kWalkedWhole = 64;
  std::unordered_map<const std::vector<std::size_t>*, FirstGiven> indexes;
  std::vector<std::size_t> candidates;
  auto gather = [&](std::size_t a) -> const std::vector<std::size_t>& {
    const Key& k = keys[a];
    const std::vector<std::size_t>& same_surname = by_surname[k.surname];
    if (k.given.empty() || same_surname.size() <= kWalkedWhole) return same_surname;
    auto [at, fresh] = indexes.try_emplace(&same_surname);
    FirstGiven& index = at->second;
    if (fresh) {
      for (std::size_t b : same_surname) {
        if (keys[b].given.empty()) continue;
        const std::string& word = keys[b].given.front();
        index.by_word[std::string(formal_given(word))].push_back(b);
        index.by_letter[word.front()].push_back(b);
        if (keys[b].initial.front()) index.initials_by_letter[word.front()].push_back(b);
      }
    }
    candidates.clear();
    auto add = [&](const auto& lists, const auto& at_key) {
      if (auto it = lists.find(at_key); it != lists.end()) {
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      }
    };
    const std::string& word = k.given.front();
    if (k.initial.front()) {
      add(index.by_letter, word.front());
    } else {
      add(index.by_word, formal_given(word));
      add(index.initials_by_letter, word.front());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    return candidates;
  };

  // Fuller forms: a name joins the fuller names that fit it, when they all fit each other.
  for (std::size_t a = 0; a < keys.size(); ++a) {
    if (!is_full_person(a)) continue;
    std::vector<std::size_t> fits;
    for (std::size_t b : gather(a)) {
      if (b != a && fuller(keys[b], keys[a]) && given_fit(keys[a], keys[b])) {
        fits.push_back(b);
      }
    }
    if (fits.empty()) continue;
    bool consistent = true;
    for (std::size_t x = 0; x < fits.size() && consistent; ++x) {
      for (std::size_t y = x + 1; y < fits.size() && consistent; ++y) {
        consistent = given_fit(keys[fits[x]], keys[fits[y]]);
      }
    }
    if (!consistent) {
      std::vector<std::string> names;
      for (std::size_t b : fits) names.push_back(*keys[b].spellings.front());
      for (const std::string* s : keys[a].spellings) {
        kept_apart.push_back({*s, "", "first names fit several people: " + join_names(names), 0});
      }
      continue;
    }
    for (std::size_t b : fits) consistent = consistent && can_join(a, b);
    if (!consistent) continue;
    for (std::size_t b : fits) join(a, b);
    reason[a] =
        "same surname and compatible first names as " + *keys[fits.front()].spellings.front();
  }

  // A surname alone joins the only person who has it.
  for (std::size_t a = 0; a < keys.size(); ++a) {
    const Key& k = keys[a];
    if (organization[a] != 0 || !k.name_like || k.tokens.size() != 1) continue;
    auto it = by_surname.find(k.text);
    if (it == by_surname.end()) continue;
    std::vector<std::size_t> roots;
    std::vector<std::string> names;
    for (std::size_t b : it->second) {
      const std::size_t root = groups.find(b);
      if (std::find(roots.begin(), roots.end(), root) == roots.end()) {
        roots.push_back(root);
        names.push_back(*keys[b].spellings.front());
      }
    }
    if (roots.size() == 1) {
      join(a, roots.front());
      reason[a] = "surname alone; the only full name with it is ";  // name appended below
      continue;
    }
    // Several people have it, but one of them in at least 4 of every 5 documents that
    // name any of them by a full name ("Obama" in a corpus of Barack Obama, with a few
    // documents on Michelle): a surname alone is most likely that person.
    std::vector<std::size_t> documents(roots.size(), 0);
    for (std::size_t b : it->second) {
      const std::size_t r = static_cast<std::size_t>(
          std::find(roots.begin(), roots.end(), groups.find(b)) - roots.begin());
      for (const std::string* s : keys[b].spellings)
        documents[r] += names_.find(*s)->second.documents;
    }
    std::size_t total = 0;
    std::size_t best = 0;
    for (std::size_t r = 0; r < roots.size(); ++r) {
      total += documents[r];
      if (documents[r] > documents[best]) best = r;
    }
    if (documents[best] * 5 >= total * 4 && documents[best] >= 4) {
      join(a, roots[best]);
      reason[a] = "surname alone; most documents that write it in a full name write ";  // + name
      continue;
    }
    for (const std::string* s : k.spellings) {
      kept_apart.push_back(
          {*s, "", "surname alone; several people have it: " + join_names(names), 0});
    }
  }

  // The canonical spelling of a group: a full name before a single word, then the one
  // used in most documents, then the longer, then the first seen.
  using Entry = Names::value_type;
  std::unordered_map<std::size_t, const Entry*> canonical_of_root;  // looked up only
  const auto rank = [&](const Entry& e) {
    const Key& k = keys[e.second.key];
    return std::make_tuple(k.tokens.size() >= 2 && !k.given.empty(), e.second.documents,
                           e.first.size());
  };
  for (const Entry* entry : order_) {
    auto [it, inserted] = canonical_of_root.try_emplace(groups.find(entry->second.key), entry);
    if (!inserted && rank(*entry) > rank(*it->second)) it->second = entry;
  }

  Identities ids;
  for (const Entry* entry : order_) {
    const std::string& name = entry->first;
    const std::size_t key = entry->second.key;
    const Entry& best = *canonical_of_root.at(groups.find(key));
    const std::string& into = best.first;
    if (&best == entry) continue;
    ids.canonical.emplace(name, into);
    std::string why;
    if (best.second.key == key) {
      why = "same name but for case or accents";
    } else if (reason[key].ends_with("is ") || reason[key].ends_with("write ")) {
      why = reason[key] + into;
    } else if (!reason[key].empty()) {
      why = reason[key];
    } else {
      why = "a fuller or less used form of " + into;
    }
    ids.merges.push_back({name, into, why, entry->second.documents});
  }
  std::sort(ids.merges.begin(), ids.merges.end(), [](const Merge& a, const Merge& b) {
    return std::tie(a.into, a.name) < std::tie(b.into, b.name);
  });
  for (Merge& m : kept_apart) m.documents = names_.find(m.name)->second.documents;
  std::sort(kept_apart.begin(), kept_apart.end(),
            [](const Merge& a, const Merge& b) { return a.name < b.name; });
  ids.merges.insert(ids.merges.end(), kept_apart.begin(), kept_apart.end());
  return ids;
}

Extraction canonicalize(const Extraction& ex, const Identities& ids) {
  Extraction out = ex;
  if (ids.canonical.empty()) return out;
  auto fix = [&](std::string& name) {
    if (!is_handle(name)) name = ids.resolve(name);
  };
  for (Statement& s : out.statements) {
    if (s.speaker) fix(*s.speaker);
    for (std::string& m : s.mentions) fix(m);
    if (s.addressee) fix(*s.addressee);
  }
  for (HandleLink& h : out.handles) {
    if (h.person) fix(*h.person);
  }
  for (Interaction& i : out.interactions) {
    fix(i.from);
    fix(i.to);
  }
  std::vector<Person> people;
  for (Person p : out.people) {
    const std::string written = p.name;
    fix(p.name);
    if (written != p.name) p.aliases.insert(p.aliases.begin(), written);
    auto same = std::find_if(people.begin(), people.end(),
                             [&](const Person& q) { return q.name == p.name; });
    if (same == people.end()) {
      people.push_back(std::move(p));
      continue;
    }
    auto merge_into = [&](std::vector<std::string>& to, const std::vector<std::string>& from) {
      for (const std::string& x : from) {
        if (x != same->name && std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
      }
    };
    merge_into(same->aliases, p.aliases);
    merge_into(same->handles, p.handles);
    merge_into(same->roles, p.roles);
  }
  out.people = std::move(people);
  return out;
}

CanonicalNames::CanonicalNames(const Identities& ids, StringPool& pool) {
  for (const auto& [name, into] : ids.canonical) {
    const Str from = pool.find(name);
    if (!from.empty()) canonical_.try_emplace(from.data(), pool.intern(into));
  }
}

Str CanonicalNames::resolve(Str name) const {
  if (name.empty()) return name;
  const Str* to = canonical_.find(name.data());
  return to == nullptr ? name : *to;
}

namespace {

// The canonical form of name: handles stay as they are. The text is read only for the
// few names that change.
Str canonical(Str name, const CanonicalNames& names) {
  const Str to = names.resolve(name);
  return to.data() == name.data() || is_handle(name) ? name : to;
}

}  // namespace

bool is_canonical(const DocFacts& ex, const CanonicalNames& names) {
  if (names.empty()) return true;
  auto same = [&](Str name) { return canonical(name, names).data() == name.data(); };
  for (const StatementFacts& s : ex.statements) {
    if (!same(s.speaker) || !same(s.addressee)) return false;
    for (Str m : s.mentions) {
      if (!same(m)) return false;
    }
  }
  for (const HandleFacts& h : ex.handles) {
    if (!same(h.person)) return false;
  }
  for (const InteractionFacts& i : ex.interactions) {
    if (!same(i.from) || !same(i.to)) return false;
  }
  // Two people of one name would be merged (interned: one address per name).
  for (std::size_t i = 0; i < ex.people.size(); ++i) {
    const Str name = ex.people[i].name;
    if (!same(name)) return false;
    for (std::size_t j = 0; j < i; ++j) {
      if (ex.people[j].name.data() == name.data()) return false;
    }
  }
  return true;
}

DocFacts canonicalize(const DocFacts& ex, const CanonicalNames& names, StringPool& pool) {
  DocFacts out = ex;
  if (names.empty()) return out;
  auto fix = [&](Str& name) { name = canonical(name, names); };
  auto fix_list = [&](StrList& list) {
    std::vector<Str> items(list.begin(), list.end());
    bool changed = false;
    for (Str& m : items) {
      const Str before = m;
      fix(m);
      changed = changed || m.data() != before.data();
    }
    if (changed) list = pool.list(items);
  };
  for (StatementFacts& s : out.statements) {
    fix(s.speaker);
    fix_list(s.mentions);
    fix(s.addressee);
  }
  for (HandleFacts& h : out.handles) fix(h.person);
  for (InteractionFacts& i : out.interactions) {
    fix(i.from);
    fix(i.to);
  }
  // People of the document that became one are merged; lists are rebuilt only then.
  struct Merged {
    PersonFacts person;
    std::vector<Str> aliases;
    std::vector<Str> handles;
    std::vector<Str> roles;
    bool changed = false;
  };
  std::vector<Merged> people;
  people.reserve(out.people.size());
  for (const PersonFacts& original : out.people) {
    Merged p{original,
             {original.aliases.begin(), original.aliases.end()},
             {original.handles.begin(), original.handles.end()},
             {original.roles.begin(), original.roles.end()}};
    const Str written = p.person.name;
    fix(p.person.name);
    if (written != p.person.name) {
      p.aliases.insert(p.aliases.begin(), written);
      p.changed = true;
    }
    auto same = std::find_if(people.begin(), people.end(),
                             [&](const Merged& q) { return q.person.name == p.person.name; });
    if (same == people.end()) {
      people.push_back(std::move(p));
      continue;
    }
    auto merge_into = [&](std::vector<Str>& to, const std::vector<Str>& from) {
      for (Str x : from) {
        if (x != same->person.name && std::find(to.begin(), to.end(), x) == to.end()) {
          to.push_back(x);
          same->changed = true;
        }
      }
    };
    merge_into(same->aliases, p.aliases);
    merge_into(same->handles, p.handles);
    merge_into(same->roles, p.roles);
  }
  out.people.clear();
  for (Merged& m : people) {
    if (m.changed) {
      m.person.aliases = pool.list(m.aliases);
      m.person.handles = pool.list(m.handles);
      m.person.roles = pool.list(m.roles);
    }
    out.people.push_back(m.person);
  }
  return out;
}

}  // namespace quotegraph::graph
