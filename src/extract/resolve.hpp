// resolve: turns mentions as written into people and organisations: full names
// from surnames and aliases, pronouns to the nearest compatible person outside
// quotes, near-miss spellings to a known name when nothing else fits, handles to
// the people whose names they spell.
//
// Example:
//   "Jeremy Corbyn ... "…," Corby tweeted."  -> mention "Corby" resolves to "Jeremy Corbyn"
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/attribute.hpp"
#include "extract/handles.hpp"
#include "extract/types.hpp"

namespace quotegraph {

struct Entity {
  std::string name;
  EntityKind kind = EntityKind::kPerson;
  Gender gender = Gender::kUnknown;
  std::vector<std::string> parts;  ///< lower-case name words, hyphenated ones split too
  std::vector<std::string> aliases;
  std::vector<std::string> roles;
  std::vector<std::string> handles;
  std::uint32_t first_tok = 0;
  bool notable = false;  ///< listed in "people" (speaker, addressee, mentioned, full name)
  bool article = false;  ///< an organisation written "The ...": The New York Times

  /// The name as shown: with its article for organisations that carry one.
  [[nodiscard]] std::string display() const { return article ? "The " + name : name; }
};

/// A name written in the text and the entity it resolved to.
struct NameOccurrence {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  std::int32_t entity = -1;
  bool in_quote = false;
  std::uint32_t start = 0;  ///< where the run of the name starts, titles included
};

class Resolver {
 public:
  explicit Resolver(const TokenView& tv);

  /// Resolves a speaker or addressee mention; -1 when nobody fits (anonymous sources).
  std::int32_t resolve(const TokenMention& m);
  /// Links each handle to a person; returns the entity index per handle (-1 unknown).
  std::vector<std::int32_t> link_handles(const std::vector<HandleMatch>& handles);

  [[nodiscard]] const std::vector<Entity>& entities() const { return entities_; }
  std::vector<Entity>& entities() { return entities_; }
  [[nodiscard]] const std::vector<NameOccurrence>& occurrences() const { return occ_; }
  /// Index of the first name occurrence at or after token `at` (they are in text order).
  [[nodiscard]] std::size_t occ_before(std::uint32_t at) const;

 private:
  struct NamePart {
    std::uint32_t first = 0;  // first token of the name proper (after titles)
    std::uint32_t last = 0;
    std::string_view role;  ///< as written in the text, which outlives the resolver
    Gender title_gender = Gender::kUnknown;
    bool titled = false;
  };
  /// A name as it is compared: its lower-case form and its parts (lower-case words
  /// without '.' and ',', suffixes such as "Jr." left out), as views into storage the
  /// caller keeps.
  struct NameKey {
    std::string_view key;
    std::string_view first;  ///< the first part (empty when there is none)
    std::string_view last;   ///< the last part
    std::string_view clean;  ///< key without '.' and ',': its parts split on spaces
    std::uint32_t parts = 0;
    bool org = false;  ///< some part is an organisation word
  };
  /// What a lower-case name (a whole key, or one part of one) points to: the entity of
  /// that key, and the entities of two parts or more with it as last or first part, as
  /// lists in creation order linked through next_last_ / next_first_.
  struct NameSlot {
    const char* data = nullptr;  // the name, in storage that lives as long as the resolver
    std::uint32_t len = 0;
    std::uint32_t tag = 0;  // 0: an empty slot
    std::int32_t entity = -1;
    std::int32_t last_head = -1;
    std::int32_t last_tail = -1;
    std::int32_t first_head = -1;
    std::int32_t first_tail = -1;
    bool alone = false;  // written alone, as a name of one part
  };
  /// The slot of key in names_ (which holds an empty one), or the empty slot it would take.
  [[nodiscard]] std::size_t probe(std::string_view key, std::uint32_t tag) const;
  [[nodiscard]] const NameSlot* find_name(std::string_view key) const;
  /// The slot of key, made (with a copy of key) when there is none.
  NameSlot& name_slot(std::string_view key);
  /// The title and the name proper of tokens [first, last). kinds, when given, holds
  /// per token what collect() found: 0 not a name word, 1 a name word, 2 a title.
  NamePart split_title(std::uint32_t first, std::uint32_t last,
                       const std::uint8_t* kinds = nullptr) const;
  /// Appends the name written by tokens [first, last) to out: its words joined by one
  /// space, without a possessive at the end.
  void name_text(std::uint32_t first, std::uint32_t last, std::string& out) const;
  [[nodiscard]] std::string name_text(std::uint32_t first, std::uint32_t last) const;
  /// The key of name; its views point into storage, which it overwrites.
  static NameKey name_key(std::string_view name, std::string& storage);
  std::int32_t add_entity(std::string_view name, const NameKey& key, const NamePart& np,
                          bool person_hint);
  std::int32_t match(const NameKey& name, std::uint32_t at, bool allow_fuzzy) const;
  std::int32_t resolve_pronoun(std::uint32_t at, Gender g) const;
  /// Whether token k starts a sentence (after a paragraph break, . ! ? or the start).
  [[nodiscard]] bool sentence_starts_at(std::uint32_t k) const;
  /// Whether the name is most likely the subject of its sentence.
  [[nodiscard]] bool subject_like(const NameOccurrence& o) const;
  /// The latest entity named before `at` with a role holding `word` (lower case).
  std::int32_t latest_with_role(std::uint32_t at, std::string_view word) const;
  void note_alias(std::int32_t e, std::string_view written);
  void collect();

  const TokenView& tv_;
  std::vector<Entity> entities_;
  // One open-addressing table of names (see NameSlot): a few dozen per article, so one
  // flat array beats three node-based maps and their allocations.
  std::vector<NameSlot> names_;
  std::size_t names_used_ = 0;
  std::vector<std::int32_t> next_last_;               // per entity: the next with its last part
  std::vector<std::int32_t> next_first_;              // per entity: the next with its first part
  std::vector<std::unique_ptr<char[]>> name_chunks_;  // storage of the names in names_
  mutable std::vector<std::int32_t> cands_;  // match()'s candidates, kept for their capacity
  char* chunk_at_ = nullptr;
  std::size_t chunk_left_ = 0;
  std::vector<NameOccurrence> occ_;
  // Indexes into occ_ of the names outside quotes that have an entity, in text order: the
  // ones a pronoun can go to (walking occ_ itself would pass every name quoted since).
  std::vector<std::uint32_t> outside_;
  std::vector<std::vector<std::uint32_t>> occ_pos_;  ///< per entity: where its names stand //
                                                     ///< sorted by first token
  std::vector<std::pair<std::uint32_t, std::int32_t>> timeline_;  // resolved pronouns

  /// Whether paragraph `para` (of token k) is a headline in title case or capitals:
  /// nearly every word of four letters or more capitalised.
  [[nodiscard]] bool title_case(std::uint32_t k) const;
  /// The longest proper start of the name run [first, last) of a title-case paragraph
  /// that the article writes outside that paragraph: "Claudia Tenney Beats Establishment"
  /// is Claudia Tenney. The whole run when no start is.
  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> headline_name(std::uint32_t first,
                                                                      std::uint32_t last) const;
  mutable std::vector<std::int8_t> title_case_;  // per paragraph: -1 not yet known
  bool headlines_ = false;                       // a name run in a title-case paragraph
};

}  // namespace quotegraph
