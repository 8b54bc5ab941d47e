// `quotegraph build INPUT... -o FILE | --into CORPUS.qg`: extract every document (on
// several threads, merged in input order), join people across documents, and write the
// graph in the format of FILE's extension, or the corpus itself as a `.qg` file.
#include <spdlog/spdlog.h>

#include <deque>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "cli/commands.hpp"
#include "cli/corpus_file.hpp"
#include "cli/exit_memory.hpp"
#include "cli/graph_output.hpp"
#include "cli/parallel.hpp"
#include "cli/progress.hpp"
#include "extract/error.hpp"
#include "graph/corpus.hpp"

namespace quotegraph::cli {
namespace {

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string output;
  std::string into;
  std::string format;
  std::string view = "full";
  unsigned jobs = 0;
  bool progress = true;
};

// Adds the inputs to corpus; returns how many inputs failed. A document whose id and
// text are in the corpus already, or earlier in the inputs, is skipped before it is
// extracted: archives fed again, and collections that overlap, repeat many.
std::size_t add_inputs(const BuildOptions& opts, graph::Corpus& corpus, const std::string& name) {
  Progress progress(opts.progress && spdlog::get_level() <= spdlog::level::warn);
  std::size_t added = 0;
  std::size_t unchanged = 0;
  std::size_t replaced = 0;
  // Both run on this thread: wanted() as each document is read, the result callback in
  // input order, later. Between the two, a document waits in `queued` (its hash, or
  // nothing when skipped), and the newest hash read for its id in `pending`, as long as
  // a document with that id waits: the version add() will compare with.
  struct Pending {
    std::string hash;
    std::size_t waiting = 0;
  };
  std::unordered_map<std::string, Pending> pending;
  std::deque<std::optional<std::string>> queued;
  const auto wanted = [&](const Document& doc) {
    std::string hash = corpus.hash_of(doc.text);
    const auto it = pending.find(doc.id);
    const std::string_view latest =
        it != pending.end() ? std::string_view(it->second.hash) : corpus.stored_hash(doc.id);
    if (latest == hash) {
      queued.emplace_back(std::nullopt);
      return false;
    }
    Pending& p = it != pending.end() ? it->second : pending[doc.id];
    p.hash = hash;
    ++p.waiting;
    queued.emplace_back(std::move(hash));
    return true;
  };
  const auto on_result = [&](Document&& doc, Extraction&& ex) {
    progress.tick(doc.text.size());
    std::optional<std::string> hash = std::move(queued.front());
    queued.pop_front();
    if (!hash) {
      ++unchanged;
      spdlog::info("{}: document '{}' is already in {}: skipped", doc.source, doc.id, name);
      return;
    }
    if (const auto it = pending.find(doc.id); --it->second.waiting == 0) pending.erase(it);
    switch (corpus.add(doc, std::move(ex), *hash)) {
      case graph::AddOutcome::kAdded:
        ++added;
        break;
      case graph::AddOutcome::kUnchanged:  // not met: wanted() skipped those
        ++unchanged;
        break;
      case graph::AddOutcome::kReplaced:
        ++replaced;
        spdlog::warn("{}: document '{}' differs from the one in {}: replaced", doc.source, doc.id,
                     name);
        break;
    }
  };
  const std::size_t failed = extract_in_order(opts.inputs, opts.jobs, on_result, wanted);
  progress.done();
  spdlog::info("{}: {} documents added, {} unchanged (skipped), {} replaced; {} in all", name,
               added, unchanged, replaced, corpus.documents().size());
  return failed;
}

void run_build(const BuildOptions& opts, int& exit_code) {
  if (opts.output.empty() == opts.into.empty()) {
    throw UsageError("build needs either -o FILE or --into CORPUS.qg (not both)");
  }
  if (!opts.into.empty()) {
    if (!is_corpus_path(opts.into)) {
      throw UsageError("--into needs a .qg corpus file, not '" + opts.into + "'");
    }
    if (opts.view != "full" || !opts.format.empty()) {
      throw UsageError("--into adds to a corpus: --view and --format apply to -o and export");
    }
    const CorpusLock lock(opts.into);
    graph::Corpus corpus(graph::Keep::kFile);
    if (std::filesystem::exists(opts.into)) {
      corpus = load_corpus_file(opts.into, graph::Keep::kFile);
    } else {
      spdlog::info("{} does not exist yet: creating it", opts.into);
    }
    const std::size_t failed = add_inputs(opts, corpus, opts.into);
    save_corpus_file(corpus, opts.into);
    exit_code = failed > 0 ? static_cast<int>(ExitCode::kInputFailed) : 0;
    return;
  }

  GraphOutput output = graph_output(opts.output, opts.format, opts.view);
  output.threads = opts.jobs == 0 ? default_jobs() : opts.jobs;
  // A graph needs only the facts of each document; a .qg file only what it saves.
  graph::Corpus corpus(output.corpus ? graph::Keep::kFile : graph::Keep::kGraph);
  const std::size_t failed = add_inputs(opts, corpus, "the corpus");
  write_graph_output(corpus, output);
  keep_until_exit(std::move(corpus));
  exit_code = failed > 0 ? static_cast<int>(ExitCode::kInputFailed) : 0;
}

}  // namespace

void add_build_command(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<BuildOptions>();
  CLI::App* cmd = app.add_subcommand(
      "build", "Extract quotes from the inputs and write the graph of who said what to whom");
  cmd->add_option("inputs", opts->inputs,
                  "Articles: .txt/.md files, .jsonl collections, directories, - for stdin")
      ->required();
  cmd->add_option("-o,--output", opts->output,
                  "Output file; the format comes from its extension (.graphml, .dot, .json, "
                  ".qg for a corpus that export, query and --into read); - for stdout with "
                  "--format");
  cmd->add_option("--into", opts->into,
                  "Add the inputs to this .qg corpus (created when missing): documents already "
                  "in it (same id and text) are skipped, changed ones replaced");
  cmd->add_option("--format", opts->format, "graphml, dot, json or qg (default: from -o)");
  cmd->add_option("--view", opts->view,
                  "full (default): people, handles, statements and documents; people: "
                  "person-to-person edges weighted by how often one addresses, mentions or "
                  "replies to the other, with first and last date; people-documents: "
                  "person-document edges");
  cmd->add_option("-j,--jobs", opts->jobs,
                  "Threads extracting documents and writing GraphML (default 0: every core); the "
                  "output is the same whatever the number");
  cmd->add_flag("!--no-progress", opts->progress, "No progress bar on a terminal");
  cmd->footer(
      "Examples:\n"
      "  quotegraph build samples -o out/samples.graphml      # for Gephi, networkx, igraph\n"
      "  quotegraph build article.txt -o graph.dot && dot -Tsvg graph.dot -o graph.svg\n"
      "  quotegraph build news.jsonl --view people -o people.graphml\n"
      "  quotegraph build monday/ -o corpus.qg && quotegraph build tuesday/ --into corpus.qg\n"
      "  cat article.txt | quotegraph build - -o - --format json\n"
      "\n"
      "The file is written to a temporary name and renamed, so a failed run leaves no\n"
      "half-written output. Exit codes: 0 ok; 1 some input failed (reported on stderr,\n"
      "the graph of the rest is still written) or the output could not be written;\n"
      "2 usage error.");
  cmd->callback([opts, &exit_code] { run_build(*opts, exit_code); });
}

}  // namespace quotegraph::cli
