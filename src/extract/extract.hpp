// The extraction pipeline for one document: segment -> detect -> attribute -> resolve.
//
// Example:
//   Document doc{.id = "a", .text = "\"We won,\" Jane Doe said."};
//   Extraction ex = extract(doc);
//   // ex.statements[0].speaker == "Jane Doe"
#pragma once

#include "extract/lexicon.hpp"
#include "extract/types.hpp"

namespace quotegraph {

/// Extracts statements, people, handles and interactions from one document.
Extraction extract(const Document& doc, const Lexicon& lexicon = Lexicon::builtin());

}  // namespace quotegraph
