// Value types handed from one extraction stage to the next.
//
// Example:
//   quotegraph::Document doc{.id = "a1", .text = "\"Hi,\" she said."};
//   quotegraph::Extraction ex = quotegraph::extract(doc, quotegraph::Lexicon::builtin());
//   ex.statements[0].speaker_mention->text == "she";
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace quotegraph {

/// A half-open range of UTF-8 byte offsets into a document's text.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  [[nodiscard]] std::size_t size() const { return end - start; }
  [[nodiscard]] bool empty() const { return end <= start; }
  friend bool operator==(const Span&, const Span&) = default;
};

/// One input article.
struct Document {
  std::string id;
  std::string text;
  std::string title;
  std::string date;
  std::string url;
  std::string publisher;
  std::string source;  ///< where it came from, "file" or "file:line", for messages
};

/// A mention of a speaker as written ("Corby", "she", "a source").
struct Mention {
  Span span;
  std::string text;
};

/// One quoted stretch and who said it.
struct Statement {
  Span span;                           ///< the words between the quotation marks
  std::string text;                    ///< the same words
  std::optional<std::string> speaker;  ///< canonical name; empty when unknown
  std::optional<Mention> speaker_mention;
  std::string cue;                    ///< "said", "tweeted", "according to"; empty when none
  std::vector<std::string> mentions;  ///< handles (with @) and people named inside
  std::optional<std::string> addressee;
  double confidence = 0.0;
  std::string rule;      ///< which rule chose the speaker (for --explain)
  std::string evidence;  ///< the text that rule relied on (for --explain)
};

enum class EntityKind { kPerson, kOrganization };

/// A person or organisation found in a document.
struct Person {
  std::string name;  ///< canonical: the fullest form used in the document
  EntityKind kind = EntityKind::kPerson;
  std::vector<std::string> aliases;  ///< other spellings that resolved to it, in first-seen order
  std::vector<std::string> handles;  ///< with @
  std::vector<std::string> roles;    ///< "British Labour leader"
};

/// A handle found in the text and the person it belongs to, if known.
struct HandleLink {
  std::string handle;  ///< with @, first spelling kept
  std::optional<std::string> person;
};

/// A person-to-person event, e.g. a reply.
struct Interaction {
  std::string type;  ///< "replied_to"
  std::string from;
  std::string to;
  friend bool operator==(const Interaction&, const Interaction&) = default;
};

/// Everything extracted from one document.
struct Extraction {
  std::string doc;
  std::string title;
  std::string date;
  std::string url;
  std::string publisher;
  std::vector<Statement> statements;
  std::vector<Person> people;
  std::vector<HandleLink> handles;
  std::vector<Interaction> interactions;
  /// Quoted stretches judged not to be statements (scare quotes, titles), for --explain.
  std::vector<Statement> rejected;
};

}  // namespace quotegraph
