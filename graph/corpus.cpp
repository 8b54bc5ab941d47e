#include "graph/corpus.hpp"

#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <utility>

#include "extract/error.hpp"
#include "extract/serialize.hpp"

namespace quotegraph::graph {

std::string content_hash(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return std::string("fnv1a64:") + hex;
}

AddOutcome Corpus::add(const Document& doc, Extraction ex) {
  StoredDocument d;
  d.id = doc.id;
  d.hash = content_hash(doc.text);
  d.bytes = doc.text.size();
  d.extraction = std::move(ex);
  return add(std::move(d));
}

AddOutcome Corpus::add(StoredDocument d) {
  auto it = by_id_.find(d.id);
  if (it == by_id_.end()) {
    by_id_.emplace(d.id, docs_.size());
    docs_.push_back(std::move(d));
    return AddOutcome::kAdded;
  }
  StoredDocument& old = docs_[it->second];
  if (old.hash == d.hash) return AddOutcome::kUnchanged;
  old = std::move(d);
  return AddOutcome::kReplaced;
}

void Corpus::save(std::ostream& out) const {
  nlohmann::ordered_json header{{"format", "quotegraph-corpus"},
                                {"version", kCorpusFormatVersion},
                                {"documents", docs_.size()}};
  out << header.dump() << '\n';
  for (const StoredDocument& d : docs_) {
    nlohmann::ordered_json line{{"id", d.id}, {"hash", d.hash}, {"bytes", d.bytes}};
    line["extraction"] = to_json(d.extraction);
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
}

Corpus Corpus::load(std::istream& in, const std::string& source) {
  Corpus corpus;
  std::string line;
  std::size_t number = 0;
  bool header = false;
  std::size_t expected = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      throw InputError(source, number, 0, std::string("not a quotegraph corpus: ") + e.what());
    }
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
    d.id = j["id"].get<std::string>();
    d.hash = j.value("hash", "");
    d.bytes = j.value("bytes", std::size_t{0});
    d.extraction = extraction_from_json(*ex);
    d.extraction.doc = d.id;
    corpus.add(std::move(d));
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
  IdentityResolver resolver;
  for (const StoredDocument& d : docs_) resolver.add(d.extraction);
  return resolver.finish();
}

Graph Corpus::graph(Identities* ids) const {
  Identities local = identities();
  Graph g = graph(local);
  if (ids) *ids = std::move(local);
  return g;
}

Graph Corpus::graph(const Identities& ids) const {
  GraphBuilder builder;
  for (const StoredDocument& d : docs_) builder.add(canonicalize(d.extraction, ids));
  return builder.release();
}

}  // namespace quotegraph::graph
