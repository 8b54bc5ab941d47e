#include "graph/corpus.hpp"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
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

// At least the number of nodes of the graph, and not many more: one per document and
// statement, one per distinct name or handle spelling (canonical names and handles
// folded to lower case merge some of these).
std::size_t node_bound(const std::vector<StoredDocument>& docs) {
  std::size_t n = docs.size();
  PtrMap<bool> names;  // interned: one address per distinct string
  auto see = [&](Str s) {
    if (!s.empty()) names.try_emplace(s.data(), true);
  };
  for (const StoredDocument& d : docs) {
    n += d.facts.statements.size();
    for (const PersonFacts& p : d.facts.people) {
      see(p.name);
      for (Str h : p.handles) see(h);
    }
    for (const HandleFacts& h : d.facts.handles) {
      see(h.handle);
      see(h.person);
    }
    for (const StatementFacts& s : d.facts.statements) {
      see(s.speaker);
      see(s.addressee);
      for (Str m : s.mentions) see(m);
    }
    for (const InteractionFacts& i : d.facts.interactions) {
      see(i.from);
      see(i.to);
    }
  }
  return n + names.size();
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

Graph Corpus::take_graph(const Identities& ids) {
  check_keeps(Keep::kGraph, "take_graph");
  names_ = IdentityResolver();  // identities() is over: its memory serves the graph
  const CanonicalNames names(ids, *pool_);
  GraphBuilder builder(pool_);
  builder.reserve(node_bound(docs_));
  facts_taken_ = true;
  for (StoredDocument& d : docs_) {
    if (is_canonical(d.facts, names)) {
      builder.add(d.facts);
    } else {
      builder.add(canonicalize(d.facts, names, *pool_));
    }
    d.facts = DocFacts();  // its memory serves the graph's next nodes and edges
  }
  return builder.release();
}

}  // namespace quotegraph::graph
