// A corpus: the extractions of many documents, kept so that a graph can be saved,
// grown with more documents and loaded again. The graph itself is rebuilt from the
// extractions on load (identity resolution needs every name of the corpus anyway).
//
// The `.qg` file is JSON lines, UTF-8:
//   {"format":"quotegraph-corpus","version":1,"documents":2}
//   {"id":"a1","hash":"fnv1a64:9f0c...","bytes":1234,"extraction":{...}}
//   {"id":"a2",...}
// where "extraction" is the `extract --format jsonl` object of the document.
//
// Example:
//   Corpus corpus = Corpus::load(in, "corpus.qg");
//   corpus.add(doc, extract(doc));          // kUnchanged when id and text are the same
//   corpus.save(out);
//   Identities ids;
//   Graph g = corpus.graph(&ids);
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/types.hpp"
#include "graph/facts.hpp"
#include "graph/graph.hpp"
#include "graph/identity.hpp"
#include "graph/strings.hpp"

namespace quotegraph::graph {

/// The version written by save(); load() reads it and refuses newer ones.
inline constexpr int kCorpusFormatVersion = 1;

/// "fnv1a64:" and 16 hex digits of the FNV-1a hash of text: tells a changed document
/// from the same one (not a cryptographic hash).
std::string content_hash(std::string_view text);
/// "quick64:" and 16 hex digits of hash_text(), which reads 32 bytes at a time, for
/// corpora that are never saved: as good at telling documents apart, never written to a file.
std::string quick_hash(std::string_view text);

/// One document of a corpus. What it keeps depends on the corpus' Keep: the facts for
/// the graph, the extraction as saved in a .qg file, or both.
struct StoredDocument {
  Str id;
  Str hash;               ///< content_hash of the text (quick_hash in a corpus never saved)
  std::size_t bytes = 0;  ///< size of the text
  DocFacts facts;         ///< for identities() and graph(); empty under Keep::kFile
  /// The "extraction" object of the document's .qg line, as written; empty under
  /// Keep::kGraph.
  std::string saved;
};

/// Reads one document line of a .qg file (not the header) into d's id, hash, bytes and
/// facts, strings interned in pool, when the line is valid JSON of the shape save()
/// writes; false for anything else (a broken line, an unexpected type, a duplicate key),
/// and then d is unspecified. Corpus::load() reads such lines with nlohmann instead.
bool read_document_facts(std::string_view line, StringPool& pool, StoredDocument& d);

enum class AddOutcome {
  kAdded,      ///< a new id
  kUnchanged,  ///< same id and hash as a stored document: skipped
  kReplaced    ///< same id, other hash: the new version replaces the old in its place
};

/// What a corpus keeps of each document: a corpus that is only turned into a graph
/// needs a fraction of the memory of one that is saved again.
enum class Keep {
  kGraph,  ///< the facts identities and the graph need (build -o FILE.graphml, export)
  kFile,   ///< the saved extraction only (build -o FILE.qg, build --into)
  kBoth
};

class Corpus {
 public:
  explicit Corpus(Keep keep = Keep::kBoth);

  /// Adds the extraction of doc (ex.doc is doc.id).
  AddOutcome add(const Document& doc, const Extraction& ex);
  /// The same for a text whose hash_of() is hash, computed ahead: a document whose id
  /// and hash are stored already need not be extracted at all.
  AddOutcome add(const Document& doc, const Extraction& ex, std::string_view hash);

  /// The hash add() records for text: content_hash(), or quick_hash() in a corpus that
  /// keeps only the graph and was not loaded from a file.
  [[nodiscard]] std::string hash_of(std::string_view text) const;
  /// The hash of the stored document with this id; empty when there is none.
  [[nodiscard]] std::string_view stored_hash(std::string_view id) const;

  /// In the order they were first added.
  [[nodiscard]] const std::vector<StoredDocument>& documents() const { return docs_; }

  /// Writes the .qg form. The same corpus gives the same bytes. Throws std::logic_error
  /// under Keep::kGraph.
  void save(std::ostream& out) const;
  /// Reads the .qg form; throws InputError naming source:line on a broken file.
  static Corpus load(std::istream& in, const std::string& source, Keep keep = Keep::kBoth);

  /// Identity resolution over every document. Throws std::logic_error under Keep::kFile
  /// (as do the graph functions).
  [[nodiscard]] Identities identities() const;
  /// The full graph: every document's extraction, names made canonical by identities()
  /// (stored in *ids when given).
  [[nodiscard]] Graph graph(Identities* ids = nullptr) const;
  /// The full graph with names made canonical by ids (from identities()).
  [[nodiscard]] Graph graph(const Identities& ids) const;
  /// graph(ids), freeing each document's facts once it is in the graph: less memory at
  /// the peak for a corpus not needed afterwards. The corpus keeps its ids and saved
  /// forms; identities() and the graph functions throw std::logic_error after this.
  /// With threads > 1 and 2,048 documents or more, the names are made canonical on two
  /// threads; the graph is the same.
  [[nodiscard]] Graph take_graph(const Identities& ids, unsigned threads = 1);

 private:
  using IdIndex = std::unordered_map<std::string_view, std::size_t>;  // views of interned ids
  AddOutcome add(StoredDocument d);
  // Adds d, a new version when same_id (its id's place in by_id_, or end()) is not end().
  AddOutcome store(StoredDocument d, IdIndex::const_iterator same_id);
  void check_keeps(Keep needed, const char* what) const;

  Keep keep_;
  bool facts_taken_ = false;          // take_graph() freed the facts
  bool loaded_ = false;               // read from a .qg file: hashes are content_hash
  std::shared_ptr<StringPool> pool_;  // the strings of every document's facts
  std::vector<StoredDocument> docs_;
  IdIndex by_id_;
  // The names of the documents, fed as they are added, so that identities() has only
  // the decisions left; stale once a document was replaced (identities() starts over).
  IdentityResolver names_;
  bool names_stale_ = false;
};

}  // namespace quotegraph::graph
