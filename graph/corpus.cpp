#include "graph/corpus.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>
#include <utility>

#include "extract/error.hpp"
#include "extract/lexicon.hpp"
#include "extract/serialize.hpp"
#include "graph/ptr_map.hpp"

namespace quotegraph::graph {

namespace {

/// prefix and h as 16 hex digits: "fnv1a64:9f0c4e5d3b2a1908".
std::string tagged_hex(std::string_view prefix, std::uint64_t h) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(prefix.size() + 16, '0');
  std::copy(prefix.begin(), prefix.end(), out.begin());
  for (std::size_t i = out.size(); i > prefix.size(); h >>= 4) out[--i] = kDigits[h & 0xF];
  return out;
}

}  // namespace

std::string content_hash(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return tagged_hex("fnv1a64:", h);
}

std::string quick_hash(std::string_view text) { return tagged_hex("quick64:", hash_text(text)); }

Corpus::Corpus(Keep keep) : keep_(keep), pool_(std::make_shared<StringPool>()) {}

void Corpus::check_keeps(Keep needed, const char* what) const {
  if (needed == Keep::kGraph && facts_taken_) {
    throw std::logic_error(std::string("Corpus::") + what + ": the facts went to take_graph()");
  }
  if (keep_ != Keep::kBoth && keep_ != needed) {
    throw std::logic_error(std::string("Corpus::") + what + ": the corpus does not keep that");
  }
}

namespace {

// The "extraction" object exactly as to_json(ex).dump(-1, ' ', false, replace) writes it.
std::string saved_form(const Extraction& ex) {
  JsonlWriter writer;
  std::string out;
  writer.append(ex, false, out);
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string dumped(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The statements and the distinct names and handle spellings of documents: with the
// documents themselves, at least the number of nodes of their graph, and not many more
// (canonical names and handles folded to lower case merge some of these).
class NodeCount {
 public:
  void add(const DocFacts& f) {
    statements_ += f.statements.size();
    for (const PersonFacts& p : f.people) {
      see(p.name);
      for (Str h : p.handles) see(h);
    }
    for (const HandleFacts& h : f.handles) {
      see(h.handle);
      see(h.person);
    }
    for (const StatementFacts& s : f.statements) {
      see(s.speaker);
      see(s.addressee);
      for (Str m : s.mentions) see(m);
    }
    for (const InteractionFacts& i : f.interactions) {
      see(i.from);
      see(i.to);
    }
  }

  // The bound for `docs` documents whose facts went to this count and to other.
  [[nodiscard]] std::size_t bound(std::size_t docs, const NodeCount& other) const {
    std::size_t names = names_.size();
    other.names_.for_each([&](const void* name, bool) {
      if (names_.find(name) == nullptr) ++names;
    });
    return docs + statements_ + other.statements_ + names;
  }

 private:
  void see(Str s) {
    if (!s.empty()) names_.try_emplace(s.data(), true);
  }

  std::size_t statements_ = 0;
  PtrMap<bool> names_;  // interned: one address per distinct string
};

std::size_t node_bound(const std::vector<StoredDocument>& docs) {
  NodeCount count;
  for (const StoredDocument& d : docs) count.add(d.facts);
  return count.bound(docs.size(), NodeCount());
}

}  // namespace

std::string Corpus::hash_of(std::string_view text) const {
  // The FNV-1a hash the .qg format records reads a byte per multiply. A corpus that is
  // never saved and holds only documents added here compares its hashes with each other
  // alone: a hash 32 bytes at a time tells the same documents apart, many times faster.
  return keep_ == Keep::kGraph && !loaded_ ? quick_hash(text) : content_hash(text);
}

std::string_view Corpus::stored_hash(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? std::string_view() : docs_[it->second].hash.view();
}

AddOutcome Corpus::add(const Document& doc, const Extraction& ex) {
  return add(doc, ex, hash_of(doc.text));
}

AddOutcome Corpus::add(const Document& doc, const Extraction& ex, std::string_view hash) {
  StoredDocument d;
  d.id = pool_->intern(doc.id);
  d.hash = pool_->intern(hash);
  d.bytes = doc.text.size();
  // A document already stored as it is costs its hash alone: archives fed again, or
  // collections that overlap, repeat many.
  const auto it = by_id_.find(d.id);
  if (it != by_id_.end() && docs_[it->second].hash == d.hash) return AddOutcome::kUnchanged;
  if (keep_ != Keep::kFile) d.facts = facts_of(ex, *pool_);
  if (keep_ != Keep::kGraph) d.saved = saved_form(ex);
  return store(std::move(d), it);
}

AddOutcome Corpus::add(StoredDocument d) {
  const auto it = by_id_.find(d.id);
  if (it != by_id_.end() && docs_[it->second].hash == d.hash) return AddOutcome::kUnchanged;
  return store(std::move(d), it);
}

AddOutcome Corpus::store(StoredDocument d, IdIndex::const_iterator same_id) {
  if (same_id == by_id_.end()) {
    by_id_.emplace(d.id.view(), docs_.size());
    if (keep_ != Keep::kFile) names_.add(d.facts);
    docs_.push_back(std::move(d));
    return AddOutcome::kAdded;
  }
  docs_[same_id->second] = std::move(d);
  names_stale_ = true;  // the names of the version replaced were counted
  return AddOutcome::kReplaced;
}

void Corpus::save(std::ostream& out) const {
  check_keeps(Keep::kFile, "save");
  nlohmann::ordered_json header{{"format", "quotegraph-corpus"},
                                {"version", kCorpusFormatVersion},
                                {"documents", docs_.size()}};
  out << header.dump() << '\n';
  std::string line;
  for (const StoredDocument& d : docs_) {
    // What nlohmann writes for {"id", "hash", "bytes", "extraction"}, the extraction
    // being already in its written form.
    line = "{\"id\":";
    line += dumped(d.id.str());
    line += ",\"hash\":";
    line += dumped(d.hash.str());
    line += ",\"bytes\":";
    line += std::to_string(d.bytes);
    line += ",\"extraction\":";
    line += d.saved;
    line += "}\n";
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
}

Corpus Corpus::load(std::istream& in, const std::string& source, Keep keep) {
  Corpus corpus(keep);
  corpus.loaded_ = true;  // its hashes are the file's: documents added later hash alike
  std::string line;
  std::size_t number = 0;
  bool header = false;
  std::size_t expected = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    if (header && keep == Keep::kGraph) {
      // Straight to the facts: no JSON tree, no Extraction.
      StoredDocument d;
      if (read_document_facts(line, *corpus.pool_, d)) {
        corpus.add(std::move(d));
        continue;
      }
    }
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      throw InputError(source, number, 0,
                       "not a quotegraph corpus: " + json_error_detail(e.what()));
    }
    // A record of the wrong shape (a string where a number belongs, say) is a broken file,
    // named with its line like any other.
    try {
      if (!header) {
        if (!j.is_object() || j.value("format", "") != "quotegraph-corpus") {
          throw InputError(source, number, 0, "not a quotegraph corpus (no .qg header)");
        }
        const int version = j.value("version", 0);
        if (version < 1 || version > kCorpusFormatVersion) {
          throw InputError(source, number, 0,
                           "corpus format version " + std::to_string(version) +
                               " is not supported (this quotegraph reads version " +
                               std::to_string(kCorpusFormatVersion) + ")");
        }
        expected = j.value("documents", std::size_t{0});
        header = true;
        continue;
      }
      auto ex = j.find("extraction");
      if (!j.is_object() || !j.contains("id") || !j["id"].is_string() || ex == j.end() ||
          !ex->is_object()) {
        throw InputError(source, number, 0, "broken document record (needs id and extraction)");
      }
      StoredDocument d;
      const std::string id = j["id"].get<std::string>();
      d.id = corpus.pool_->intern(id);
      d.hash = corpus.pool_->intern(j.value("hash", ""));
      d.bytes = j.value("bytes", std::size_t{0});
      Extraction extraction = extraction_from_json(*ex);
      extraction.doc = id;
      if (keep != Keep::kFile) d.facts = facts_of(extraction, *corpus.pool_);
      if (keep != Keep::kGraph) d.saved = saved_form(extraction);
      corpus.add(std::move(d));
    } catch (const nlohmann::json::exception& e) {
      throw InputError(source, number, 0,
                       std::string(header ? "broken document record: " : "broken corpus header: ") +
                           json_error_detail(e.what()));
    }
  }
  if (!header) throw InputError(source, 0, 0, "not a quotegraph corpus (empty file)");
  if (corpus.docs_.size() != expected) {
    throw InputError(source, number, 0,
                     "truncated corpus: " + std::to_string(corpus.docs_.size()) + " of " +
                         std::to_string(expected) + " documents");
  }
  return corpus;
}

Identities Corpus::identities() const {
  check_keeps(Keep::kGraph, "identities");
  if (!names_stale_) return names_.finish();
  IdentityResolver resolver;
  for (const StoredDocument& d : docs_) resolver.add(d.facts);
  return resolver.finish();
}

Graph Corpus::graph(Identities* ids) const {
  Identities local = identities();
  Graph g = graph(local);
  if (ids) *ids = std::move(local);
  return g;
}

Graph Corpus::graph(const Identities& ids) const {
  check_keeps(Keep::kGraph, "graph");
  const CanonicalNames names(ids, *pool_);
  GraphBuilder builder(pool_);
  builder.reserve(node_bound(docs_));
  for (const StoredDocument& d : docs_) {
    if (is_canonical(d.facts, names)) {
      builder.add(d.facts);
    } else {
      builder.add(canonicalize(d.facts, names, *pool_));
    }
  }
  return builder.release();
}

Graph Corpus::take_graph(const Identities& ids, unsigned threads) {
  check_keeps(Keep::kGraph, "take_graph");
  names_ = IdentityResolver();  // identities() is over: its memory serves the graph
  const CanonicalNames names(ids, *pool_);
  facts_taken_ = true;
  // First each document's names are made canonical in place, on two threads when asked,
  // taking blocks of documents in turn (the graph is the same whichever thread does
  // which). A thread's renamed lists live in its own pool until the facts are in the graph.
  struct Share {
    StringPool lists;
    NodeCount nodes;
  };
  Share mine;
  Share theirs;
  constexpr std::size_t kBlock = 32;
  // Below this, the second thread costs more than it saves (PolNeAR train's 840
  // documents: 2.5 ms on one thread, 2.7 on two; 4,620: 12.5 against 11.5 ms).
  constexpr std::size_t kTwoThreadsFrom = 2048;
  std::atomic<std::size_t> next{0};
  auto canonicalize_some = [&](Share& share) {
    for (std::size_t first = next.fetch_add(kBlock); first < docs_.size();
         first = next.fetch_add(kBlock)) {
      const std::size_t last = std::min(first + kBlock, docs_.size());
      for (std::size_t i = first; i < last; ++i) {
        DocFacts& f = docs_[i].facts;
        if (!is_canonical(f, names)) f = canonicalize(f, names, share.lists);
        share.nodes.add(f);
      }
    }
  };
  if (threads > 1 && docs_.size() >= kTwoThreadsFrom) {
    std::exception_ptr error;
    std::thread helper([&] {
      try {
        canonicalize_some(theirs);
      } catch (...) {
        error = std::current_exception();
      }
    });
    try {
      canonicalize_some(mine);
    } catch (...) {
      next = docs_.size();  // the helper stops after its block
      helper.join();
      throw;
    }
    helper.join();
    if (error) std::rethrow_exception(error);
  } else {
    canonicalize_some(mine);
  }
  GraphBuilder builder(pool_);
  builder.reserve(mine.nodes.bound(docs_.size(), theirs.nodes));
  for (StoredDocument& d : docs_) {
    builder.add(d.facts);
    d.facts = DocFacts();  // its memory serves the graph's next nodes and edges
  }
  return builder.release();
}

}  // namespace quotegraph::graph
