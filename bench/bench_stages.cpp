// Micro-benchmarks, one per stage of extraction, the graph stages of `build` and the
// GraphML exporter, each over a whole corpus held in memory and reported in bytes of
// article text per second (the reader: bytes of input file; the exporter: bytes of
// GraphML written).
//
// Example:
//   build/quotegraph_bench                                   # PolNeAR train, or samples/
//   QUOTEGRAPH_BENCH_CORPUS=/tmp/gen.jsonl build/quotegraph_bench --benchmark_filter=extract
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "exporters/graphml.hpp"
#include "extract/attribute.hpp"
#include "extract/extract.hpp"
#include "extract/handles.hpp"
#include "extract/quotes.hpp"
#include "extract/reader.hpp"
#include "extract/resolve.hpp"
#include "extract/serialize.hpp"
#include "extract/tokenize.hpp"
#include "graph/corpus.hpp"
#include "graph/graph.hpp"
#include "graph/query.hpp"

namespace qg = quotegraph;

namespace {

/// A document with the output of every stage before the one being measured.
struct Prepared {
  qg::Document doc;
  std::vector<qg::Token> toks;
  std::vector<qg::Quote> quotes;
  std::vector<qg::HandleMatch> handles;
  qg::Extraction ex;
};

struct Corpus {
  std::string path;             ///< what read_inputs reads in BM_reader
  std::size_t input_bytes = 0;  ///< file size (or sum of text sizes for a directory)
  std::size_t text_bytes = 0;
  std::vector<Prepared> docs;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus out;
    const char* env = std::getenv("QUOTEGRAPH_BENCH_CORPUS");
    out.path = env != nullptr && *env != '\0' ? env : QG_BENCH_DEFAULT_CORPUS;
    std::error_code ec;
    if (!std::filesystem::exists(out.path, ec)) out.path = QG_BENCH_SAMPLES;
    qg::read_inputs(
        {out.path},
        [&](qg::Document&& d) {
          Prepared p;
          p.doc = std::move(d);
          p.toks = qg::tokenize(p.doc.text);
          p.quotes = qg::detect_quotes(p.doc.text, p.toks);
          p.handles = qg::find_handles(p.doc.text);
          p.ex = qg::extract(p.doc);
          out.text_bytes += p.doc.text.size();
          out.docs.push_back(std::move(p));
        },
        [](const qg::InputError&) {});
    if (std::filesystem::is_regular_file(out.path, ec)) {
      out.input_bytes = static_cast<std::size_t>(std::filesystem::file_size(out.path, ec));
    } else {
      out.input_bytes = out.text_bytes;
    }
    return out;
  }();
  return c;
}

void set_text_bytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(corpus().text_bytes));
  state.counters["docs"] = static_cast<double>(corpus().docs.size());
}

void BM_reader(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    std::size_t n = 0;
    qg::read_inputs(
        {c.path}, [&](qg::Document&& d) { n += d.text.size(); }, [](const qg::InputError&) {});
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(c.input_bytes));
}

void BM_tokenize(benchmark::State& state) {
  for (auto _ : state) {
    for (const Prepared& p : corpus().docs) {
      auto toks = qg::tokenize(p.doc.text);
      benchmark::DoNotOptimize(toks.data());
    }
  }
  set_text_bytes(state);
}

void BM_detect_quotes(benchmark::State& state) {
  std::vector<qg::Token> toks;
  for (auto _ : state) {
    for (const Prepared& p : corpus().docs) {
      state.PauseTiming();
      toks = p.toks;
      state.ResumeTiming();
      auto quotes = qg::detect_quotes(p.doc.text, toks);
      benchmark::DoNotOptimize(quotes.data());
    }
  }
  set_text_bytes(state);
}

void BM_attribute(benchmark::State& state) {
  const qg::Lexicon& lex = qg::Lexicon::builtin();
  for (auto _ : state) {
    for (const Prepared& p : corpus().docs) {
      qg::TokenView tv(p.doc.text, p.toks, lex);
      auto attrs = qg::attribute(tv, p.quotes);
      benchmark::DoNotOptimize(attrs.data());
    }
  }
  set_text_bytes(state);
}

/// Resolver construction (name runs, entities), speaker resolution and handle linking;
/// the TokenView and attribution are prepared outside the timed region.
void BM_resolve(benchmark::State& state) {
  const qg::Lexicon& lex = qg::Lexicon::builtin();
  std::vector<qg::TokenView> views;
  std::vector<std::vector<qg::Attribution>> attrs;
  const Corpus& c = corpus();
  views.reserve(c.docs.size());
  for (const Prepared& p : c.docs) {
    views.emplace_back(p.doc.text, p.toks, lex);
    attrs.push_back(qg::attribute(views.back(), p.quotes));
  }
  for (auto _ : state) {
    for (std::size_t d = 0; d < c.docs.size(); ++d) {
      qg::Resolver resolver(views[d]);
      for (const qg::Attribution& a : attrs[d]) {
        if (a.keep && a.speaker) benchmark::DoNotOptimize(resolver.resolve(*a.speaker));
      }
      auto linked = resolver.link_handles(c.docs[d].handles);
      benchmark::DoNotOptimize(linked.data());
    }
  }
  set_text_bytes(state);
}

void BM_find_handles(benchmark::State& state) {
  for (auto _ : state) {
    for (const Prepared& p : corpus().docs) {
      auto h = qg::find_handles(p.doc.text);
      benchmark::DoNotOptimize(h.data());
    }
  }
  set_text_bytes(state);
}

void BM_extract(benchmark::State& state) {
  for (auto _ : state) {
    for (const Prepared& p : corpus().docs) {
      qg::Extraction ex = qg::extract(p.doc);
      benchmark::DoNotOptimize(ex.statements.data());
    }
  }
  set_text_bytes(state);
}

/// One document that lists 20,000 handles, each twice (as a follow list would): the
/// handles are deduplicated and linked by hashing, so this stays in milliseconds; walking
/// the list for each handle took 2 s for 20,000 distinct handles and minutes for 200,000.
void BM_extract_many_handles(benchmark::State& state) {
  qg::Document doc;
  doc.id = "handles";
  doc.text = "Lena Ortiz (@LenaOrtiz) spoke first. Also there:";
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 20000; ++i)
      doc.text += (round == 0 ? " @fan" : " @FAN") + std::to_string(i);
  }
  doc.text += ".\n\n“Thanks, everyone,” @lenaortiz wrote.";
  for (auto _ : state) {
    qg::Extraction ex = qg::extract(doc);
    benchmark::DoNotOptimize(ex.handles.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(doc.text.size()));
}

/// The JSON object and its one-line text (what `extract` wrote before JsonlWriter).
void BM_to_json(benchmark::State& state) {
  std::string line;
  for (auto _ : state) {
    for (const Prepared& p : corpus().docs) {
      line = qg::to_json(p.ex).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      benchmark::DoNotOptimize(line.data());
    }
  }
  set_text_bytes(state);
}

/// What `extract` writes: JsonlWriter, the same bytes without the JSON tree.
void BM_write_jsonl(benchmark::State& state) {
  qg::JsonlWriter writer;
  std::string out;
  for (auto _ : state) {
    for (const Prepared& p : corpus().docs) {
      out.clear();
      writer.append(p.ex, false, out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  set_text_bytes(state);
}

/// Counts what is written and drops it.
class CountingBuf : public std::streambuf {
 public:
  std::size_t count = 0;

 protected:
  std::streamsize xsputn(const char* /*s*/, std::streamsize n) override {
    count += static_cast<std::size_t>(n);
    return n;
  }
  int_type overflow(int_type ch) override {
    ++count;
    return traits_type::not_eof(ch);
  }
};

void BM_graphml(benchmark::State& state) {
  qg::graph::GraphBuilder builder;
  for (const Prepared& p : corpus().docs) builder.add(p.ex);
  const qg::graph::Graph& g = builder.graph();
  std::size_t bytes = 0;
  for (auto _ : state) {
    CountingBuf buf;
    std::ostream out(&buf);
    qg::exporters::write_graphml(g, out);
    bytes += buf.count;
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["nodes"] = static_cast<double>(boost::num_vertices(g));
  state.counters["edges"] = static_cast<double>(boost::num_edges(g));
}

// The graph stages of `build`, after extraction: adding each extraction to a corpus (its
// hash, its facts, its names counted), resolving identities across the corpus, and
// building the graph from the facts.
qg::graph::Corpus graph_corpus() {
  qg::graph::Corpus c(qg::graph::Keep::kGraph);
  for (const Prepared& p : corpus().docs) c.add(p.doc, p.ex);
  return c;
}

void BM_corpus_add(benchmark::State& state) {
  corpus();  // read and extracted before the clock starts
  for (auto _ : state) benchmark::DoNotOptimize(graph_corpus());
  set_text_bytes(state);
}

void BM_identities(benchmark::State& state) {
  const qg::graph::Corpus c = graph_corpus();
  for (auto _ : state) benchmark::DoNotOptimize(c.identities());
  set_text_bytes(state);
}

void BM_graph(benchmark::State& state) {
  const qg::graph::Corpus c = graph_corpus();
  const qg::graph::Identities ids = c.identities();
  std::size_t nodes = 0;
  for (auto _ : state) {
    const qg::graph::Graph g = c.graph(ids);
    nodes = boost::num_vertices(g);
  }
  set_text_bytes(state);
  state.counters["nodes"] = static_cast<double>(nodes);
}

// What `build` does after extraction: the graph taken from the corpus (names made
// canonical on 1 or 2 threads, then the builder), each round on a fresh copy of the
// corpus made with the clock stopped.
void BM_take_graph(benchmark::State& state) {
  const auto threads = static_cast<unsigned>(state.range(0));
  std::size_t nodes = 0;
  std::unique_ptr<qg::graph::Corpus> c;
  qg::graph::Graph g;
  for (auto _ : state) {
    state.PauseTiming();
    g = qg::graph::Graph();  // the last round's graph and corpus freed off the clock
    c = std::make_unique<qg::graph::Corpus>(graph_corpus());
    const qg::graph::Identities ids = c->identities();
    state.ResumeTiming();
    qg::graph::Graph taken = c->take_graph(ids, threads);
    qg::graph::move_graph(taken, g);
    nodes = boost::num_vertices(g);
  }
  set_text_bytes(state);
  state.counters["nodes"] = static_cast<double>(nodes);
}

// `query top --by betweenness` on the person graph of the corpus, on 1 and 2 threads.
void BM_betweenness(benchmark::State& state) {
  const qg::graph::Corpus c = graph_corpus();
  const qg::graph::Graph people = qg::graph::person_graph(c.graph());
  qg::graph::BetweennessOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(qg::graph::betweenness(people, options));
  state.counters["people"] = static_cast<double>(boost::num_vertices(people));
}

}  // namespace

BENCHMARK(BM_reader)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_tokenize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_detect_quotes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_attribute)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_resolve)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_find_handles)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_extract)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_extract_many_handles)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_to_json)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_write_jsonl)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_corpus_add)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_identities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_graph)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_take_graph)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_graphml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_betweenness)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
