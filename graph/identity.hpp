// Identity across documents: which names written in different articles are one person.
// Each document's extraction already resolved its own pronouns and surnames; this step
// joins the names of a whole corpus:
//   - the same name up to case and accents ("ETIENNE Beaulieu" = "Étienne Beaulieu");
//   - a fuller form with the same surname and compatible first names ("H. Clinton",
//     "Hillary Clinton" and "Hillary Rodham Clinton"; "Bill" and "William", a short
//     form and its formal name), when only one person fits;
//   - a surname alone ("Clinton") when exactly one full name of the corpus has it, or
//     when one person has it in at least 4 of every 5 documents (and 4 at least) that
//     write it in a full name ("Obama" in a corpus of Barack Obama with a few documents
//     on Michelle Obama).
// "Bill Clinton" and "Hillary Clinton" stay apart (first names conflict), and then a
// bare "Clinton" stays apart too unless one of them dominates so. Organisations merge
// only by the first rule.
//
// Example:
//   IdentityResolver r;
//   for (const Extraction& ex : docs) r.add(ex);
//   Identities ids = r.finish();
//   ids.resolve("Clinton");                 // "Hillary Clinton" when she is the only one
//   Extraction merged = canonicalize(docs[0], ids);
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/lexicon.hpp"
#include "extract/types.hpp"
#include "graph/facts.hpp"
#include "graph/ptr_map.hpp"
#include "graph/strings.hpp"

namespace quotegraph::graph {

/// One name as written in some documents, and what became of it.
struct Merge {
  std::string name;       ///< as written
  std::string into;       ///< the canonical name; empty when the name was kept apart
  std::string reason;     ///< why, in words
  std::size_t documents;  ///< documents that use this spelling
  friend bool operator==(const Merge&, const Merge&) = default;
};

/// The outcome of identity resolution over a corpus.
struct Identities {
  /// Every name that changes, mapped to its canonical name.
  std::map<std::string, std::string, std::less<>> canonical;
  /// Merged names sorted by (into, name), then names kept apart sorted by name.
  std::vector<Merge> merges;

  /// The canonical name of `name` (itself when it does not change).
  [[nodiscard]] std::string resolve(std::string_view name) const;
};

/// The folded words of a name and what they say (defined in identity.cpp).
struct NameKey;

/// Collects the names of every document, then decides. Deterministic: the same
/// extractions in the same order give the same Identities. Each name is split into its
/// words when first seen, so that a resolver fed while documents arrive leaves finish()
/// only the decisions. Movable, not copyable.
class IdentityResolver {
 public:
  IdentityResolver();
  IdentityResolver(IdentityResolver&&) noexcept;
  IdentityResolver& operator=(IdentityResolver&&) noexcept;
  IdentityResolver(const IdentityResolver&) = delete;
  IdentityResolver& operator=(const IdentityResolver&) = delete;
  ~IdentityResolver();

  void add(const Extraction& ex);
  /// The same names, from a document's facts.
  void add(const DocFacts& ex);
  [[nodiscard]] Identities finish() const;

 private:
  struct NameInfo {
    std::size_t documents = 0;
    std::size_t last_document = static_cast<std::size_t>(-1);
    std::size_t key = 0;  // in keys_
    bool organization = false;
  };
  using Names = std::unordered_map<std::string, NameInfo, StringHash, std::equal_to<>>;
  void see(std::string_view name, bool organization);
  std::size_t key_of(const std::string& name);

  Names names_;  // looked up for every name of every document: hashed
  std::vector<const Names::value_type*> order_;  // first seen first (nodes stay put)
  std::vector<NameKey> keys_;
  StringMap<std::size_t> key_index_;  // NameKey::text -> its index in keys_
  std::size_t document_count_ = 0;
};

/// A copy of ex with every name replaced by its canonical name; people of the document
/// that became one are merged, and a replaced spelling becomes an alias.
Extraction canonicalize(const Extraction& ex, const Identities& ids);

/// Identities::canonical for strings interned in one pool: a look-up by address.
class CanonicalNames {
 public:
  /// The names of ids.canonical that are in pool (no other string can be asked for).
  CanonicalNames(const Identities& ids, StringPool& pool);
  /// The canonical name of name (name itself when it does not change).
  [[nodiscard]] Str resolve(Str name) const;
  [[nodiscard]] bool empty() const { return canonical_.empty(); }

 private:
  PtrMap<Str> canonical_;  // interned name -> its canonical name
};

/// canonicalize() for facts whose strings are in pool (lists that change are added to it).
DocFacts canonicalize(const DocFacts& ex, const CanonicalNames& names, StringPool& pool);
/// Whether canonicalize() would give ex back as it is: no name changes, and no two of its
/// people have one name. It allocates nothing: most documents need no copy.
[[nodiscard]] bool is_canonical(const DocFacts& ex, const CanonicalNames& names);

}  // namespace quotegraph::graph
