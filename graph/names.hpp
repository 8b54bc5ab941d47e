// Name matching as a user expects it: case and accents do not matter, a surname alone
// finds its person when only one has it, and a near miss gets a suggestion.
//
// Example:
//   fold("Étienne O’Brien")             == "etienne o'brien"
//   name_tokens("Hillary R. Clinton")   == {"hillary", "r", "clinton"}
//   surname(name_tokens("Martin Luther King Jr."))  == "king"
//   edit_distance("Clintn", "clinton")  == 1
//   formal_given("bill")                == "william"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace quotegraph::graph {

/// Lower case, Latin accents removed (é -> e, ß -> ss, Ł -> l), typographic apostrophes
/// and hyphens made ASCII, runs of white space made one space, trimmed. Other
/// characters are kept as they are.
std::string fold(std::string_view s);

/// The folded words of a name, dots and commas at their ends and a possessive 's
/// removed ("R." -> "r", "Obama’s" -> "obama").
std::vector<std::string> name_tokens(std::string_view name);

/// The last word that is not a suffix (Jr, Sr, II, III, IV); empty for no words.
std::string surname(const std::vector<std::string>& tokens);

/// The formal given name a common English short form stands for ("bill" -> "william",
/// "dick" -> "richard", "chuck" -> "charles"); the word itself otherwise. Short forms of
/// two names ("chris", "alex", "pat") are left as they are. Folded words in and out.
std::string_view formal_given(std::string_view word);

/// Levenshtein distance in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace quotegraph::graph
