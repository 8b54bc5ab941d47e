// What identity resolution and the graph need of one document's extraction, and no
// more: no spans, mentions as written, evidence or rejected quotes, and every string
// interned in a StringPool. A corpus keeps one DocFacts per document until its graph is
// built, so this is what a large corpus costs in memory.
//
// Example:
//   StringPool pool;
//   DocFacts f = facts_of(extract(doc), pool);
//   f.statements[0].speaker == "Jeremy Corbyn";
//   Extraction back = extraction_of(f);    // the fields above, as an Extraction
#pragma once

#include <vector>

#include "extract/types.hpp"
#include "graph/strings.hpp"

namespace quotegraph::graph {

/// A Statement's text, speaker, cue, mentions, addressee and confidence. A missing
/// speaker or addressee is the empty Str (the graph treats "" and none alike).
struct StatementFacts {
  Str text;
  Str speaker;
  Str cue;
  Str addressee;
  StrList mentions;
  double confidence = 0.0;
};

struct PersonFacts {
  Str name;
  EntityKind kind = EntityKind::kPerson;
  StrList aliases;
  StrList handles;
  StrList roles;
};

struct HandleFacts {
  Str handle;
  Str person;  ///< empty when unknown
};

struct InteractionFacts {
  Str type;
  Str from;
  Str to;
};

struct DocFacts {
  Str doc;
  Str title;
  Str date;
  Str url;
  Str publisher;
  std::vector<StatementFacts> statements;
  std::vector<PersonFacts> people;
  std::vector<HandleFacts> handles;
  std::vector<InteractionFacts> interactions;
};

/// The facts of ex, strings interned in pool.
DocFacts facts_of(const Extraction& ex, StringPool& pool);

/// An Extraction holding the facts (spans, mentions as written and explanations empty;
/// an empty speaker, addressee or handle owner as none).
Extraction extraction_of(const DocFacts& facts);

}  // namespace quotegraph::graph
