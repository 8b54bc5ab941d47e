// `quotegraph query CORPUS.qg VERB ...`: questions asked of a saved corpus, answered as a
// table on a terminal, JSON lines when piped, or --format table|jsonl|csv.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/corpus_file.hpp"
#include "cli/graph_output.hpp"
#include "cli/parallel.hpp"
#include "cli/progress.hpp"
#include "exporters/table.hpp"
#include "extract/error.hpp"
#include "graph/corpus.hpp"
#include "graph/query.hpp"

namespace quotegraph::cli {
namespace {

using exporters::Cell;
using exporters::Table;
using graph::Graph;
using graph::NodeKind;
using graph::Relation;
using graph::Vertex;

struct QueryOptions {
  std::string corpus;
  std::string format;
  // Verb options.
  std::size_t top = 0;
  std::string speaker;
  std::string mentions;
  std::vector<std::string> text;
  std::string name;
  std::string other;
  std::string relation;
  bool directed = false;
  std::string by = "degree";
  std::size_t sample = 0;
  unsigned jobs = 0;
  std::size_t min_size = 1;
  std::size_t depth = 1;
  std::string output;
  std::string view = "people";
};

Cell text(std::string s) { return Cell(std::move(s)); }
Cell text(graph::Str s) { return Cell(s.str()); }
Cell number(std::size_t n) { return Cell(static_cast<long long>(n)); }
Cell optional_text(const std::string& s) { return s.empty() ? Cell() : Cell(s); }
Cell optional_text(graph::Str s) { return s.empty() ? Cell() : Cell(s.str()); }

void print(const Table& table, const QueryOptions& opts) {
  exporters::TableFormat format =
      isatty(STDOUT_FILENO) == 1 ? exporters::TableFormat::kTable : exporters::TableFormat::kJsonl;
  if (!opts.format.empty()) {
    auto f = exporters::table_format_from_name(opts.format);
    if (!f) throw UsageError("unknown --format '" + opts.format + "' (use table, jsonl or csv)");
    format = *f;
  }
  std::ostringstream out;
  exporters::write_table(table, format, out);
  std::cout << out.str();
  std::cout.flush();
  if (!std::cout) throw stdout_write_error();
}

// The corpus, loaded once per run, and the views the verbs share.
struct Loaded {
  graph::Corpus corpus;
  graph::Identities identities;
  Graph full;
  Graph people;
};

Loaded load(const QueryOptions& opts) {
  Loaded l;
  l.corpus = load_corpus_file(opts.corpus, graph::Keep::kGraph);
  l.full = l.corpus.graph(&l.identities);
  l.people = graph::person_graph(l.full);
  return l;
}

Table stats(const Loaded& l) {
  const Graph& g = l.full;
  Table t{{"what", "name", "value"}, {}};
  std::size_t dated = 0;
  std::string first;
  std::string last;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    if (g[*it].kind != NodeKind::kDocument || g[*it].date.empty()) continue;
    ++dated;
    if (first.empty() || g[*it].date < first) first = g[*it].date;
    if (last.empty() || g[*it].date > last) last = g[*it].date;
  }
  t.rows.push_back({text("documents"), text("all"), number(l.corpus.documents().size())});
  t.rows.push_back({text("documents"), text("dated"), number(dated)});
  t.rows.push_back({text("dates"), text("first"), optional_text(first)});
  t.rows.push_back({text("dates"), text("last"), optional_text(last)});
  for (NodeKind k : {NodeKind::kPerson, NodeKind::kOrganization, NodeKind::kHandle,
                     NodeKind::kStatement, NodeKind::kDocument}) {
    t.rows.push_back(
        {text("nodes"), text(std::string(graph::to_string(k))), number(graph::count_nodes(g, k))});
  }
  std::map<Relation, std::size_t> edges;
  for (auto [v, v_end] = boost::vertices(g); v != v_end; ++v) {
    for (auto [e, e_end] = boost::out_edges(*v, g); e != e_end; ++e) ++edges[g[*e].relation];
  }
  for (Relation r : {Relation::kSaid, Relation::kMentions, Relation::kHasHandle,
                     Relation::kAddressedTo, Relation::kRepliedTo, Relation::kAppearsIn}) {
    t.rows.push_back({text("edges"), text(std::string(graph::to_string(r))), number(edges[r])});
  }
  std::size_t merged = 0;
  for (const graph::Merge& m : l.identities.merges) merged += m.into.empty() ? 0U : 1U;
  t.rows.push_back({text("names"), text("merged"), number(merged)});
  t.rows.push_back(
      {text("names"), text("kept apart"), number(l.identities.merges.size() - merged)});
  return t;
}

Table speakers(const Loaded& l, std::size_t top) {
  const Graph& g = l.full;
  struct Row {
    Vertex v;
    std::size_t statements = 0;
    std::set<std::string> documents;
  };
  std::map<Vertex, Row> rows;
  const graph::InEdges said(g, Relation::kSaid);
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    if (g[*it].kind != NodeKind::kStatement) continue;
    if (auto s = graph::speaker_of(said, *it)) {
      Row& r = rows[*s];
      r.v = *s;
      ++r.statements;
      r.documents.insert(g[*it].document.str());
    }
  }
  std::vector<Row> sorted;
  for (auto& [v, r] : rows) sorted.push_back(std::move(r));
  std::stable_sort(sorted.begin(), sorted.end(), [&](const Row& a, const Row& b) {
    if (a.statements != b.statements) return a.statements > b.statements;
    return g[a.v].label < g[b.v].label;
  });
  if (top > 0 && sorted.size() > top) sorted.resize(top);
  Table t{{"name", "kind", "statements", "documents"}, {}};
  for (const Row& r : sorted) {
    t.rows.push_back({text(g[r.v].label), text(std::string(graph::to_string(g[r.v].kind))),
                      number(r.statements), number(r.documents.size())});
  }
  return t;
}

Table quotes(const Loaded& l, const QueryOptions& opts) {
  const Graph& g = l.full;
  const graph::NameIndex names(g);
  graph::StatementFilter filter;
  if (!opts.speaker.empty()) filter.speaker = names.find(opts.speaker);
  if (!opts.mentions.empty()) filter.mentions = names.find_party_or_handle(opts.mentions);
  for (const std::string& words : opts.text) {
    std::istringstream in(words);
    for (std::string w; in >> w;) filter.words.push_back(w);
  }
  Table t{{"speaker", "cue", "text", "document", "date"}, {}};
  const graph::InEdges said(g, Relation::kSaid);
  for (Vertex s : graph::find_statements(g, filter)) {
    const auto speaker = graph::speaker_of(said, s);
    t.rows.push_back({speaker ? text(g[*speaker].label) : Cell(), optional_text(g[s].cue),
                      text(g[s].text), text(g[s].document), optional_text(g[s].date)});
  }
  return t;
}

Table neighbors(const Loaded& l, const QueryOptions& opts) {
  const Graph& g = l.full;
  std::optional<Relation> only;
  if (!opts.relation.empty()) {
    only = graph::relation_from_string(opts.relation);
    if (!only || (only != Relation::kAddressedTo && only != Relation::kMentions &&
                  only != Relation::kRepliedTo && only != Relation::kHasHandle)) {
      throw UsageError("unknown --relation '" + opts.relation +
                       "' (use addressed_to, mentions, replied_to or has_handle)");
    }
  }
  const Vertex v = graph::NameIndex(g).find(opts.name);
  Table t{{"direction", "relation", "name", "kind", "weight", "first_date", "last_date"}, {}};
  for (const graph::Neighbor& n : graph::neighbors(g, v)) {
    if (only && n.relation != *only) continue;
    t.rows.push_back({text(n.outgoing ? "out" : "in"),
                      text(std::string(graph::to_string(n.relation))), text(g[n.vertex].label),
                      text(std::string(graph::to_string(g[n.vertex].kind))),
                      number(static_cast<std::size_t>(n.props.weight)),
                      optional_text(n.props.first_date), optional_text(n.props.last_date)});
  }
  return t;
}

std::string relations_between(const std::vector<graph::PersonLink>& links, Vertex a, Vertex b) {
  std::string out;
  for (const graph::PersonLink& link : links) {
    if (link.from != a || link.to != b) continue;
    if (!out.empty()) out += "+";
    out += graph::to_string(link.relation);
  }
  return out;
}

Table path(const Loaded& l, const QueryOptions& opts, int& exit_code) {
  const Graph& p = l.people;
  const graph::NameIndex names(p);
  const Vertex from = names.find(opts.name);
  const Vertex to = names.find(opts.other);
  const std::vector<Vertex> chain = graph::shortest_path(p, from, to, opts.directed);
  Table t{{"step", "from", "to", "forward", "backward"}, {}};
  if (chain.empty()) {
    spdlog::error("no chain of addresses, replies or mentions links '{}' {} '{}'", p[from].label,
                  opts.directed ? "to" : "and", p[to].label);
    exit_code = static_cast<int>(ExitCode::kInputFailed);
    return t;
  }
  // The relations behind each hop, in the full graph's vertex numbers: the person view
  // keeps parties in the same order, so map by position.
  std::vector<Vertex> full_of;
  for (auto [it, end] = boost::vertices(l.full); it != end; ++it) {
    const NodeKind k = l.full[*it].kind;
    if (k == NodeKind::kPerson || k == NodeKind::kOrganization) full_of.push_back(*it);
  }
  const std::vector<graph::PersonLink> links = graph::person_links(l.full);
  for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
    const Vertex a = full_of[chain[i]];
    const Vertex b = full_of[chain[i + 1]];
    t.rows.push_back({number(i + 1), text(p[chain[i]].label), text(p[chain[i + 1]].label),
                      optional_text(relations_between(links, a, b)),
                      optional_text(relations_between(links, b, a))});
  }
  return t;
}

Table top(const Loaded& l, const QueryOptions& opts) {
  const Graph& p = l.people;
  std::vector<double> score;
  bool integer = false;
  if (opts.by == "degree") {
    for (std::size_t d : graph::degree(p)) score.push_back(static_cast<double>(d));
    integer = true;
  } else if (opts.by == "pagerank") {
    score = graph::pagerank(p);
  } else if (opts.by == "betweenness") {
    // O(people x links): minutes on a graph of 100,000 people, so shown as it goes.
    Progress progress(spdlog::get_level() <= spdlog::level::warn);
    graph::BetweennessOptions options;
    options.threads = opts.jobs == 0 ? default_jobs() : opts.jobs;
    options.sample = opts.sample;
    options.progress = [&](std::size_t done, std::size_t total) {
      progress.step(done, total, "betweenness, sources");
    };
    score = graph::betweenness(p, options);
    progress.done();
    // Sums of fractions come out a few units in the last place apart for people whose
    // exact values are equal (which ones depends on the order of the sums): ranked as
    // printed, to the sixth decimal, they tie, and the tie goes by name.
    for (double& s : score) s = std::round(s * 1e6) / 1e6;
    if (opts.sample > 0 && opts.sample < boost::num_vertices(p)) {
      spdlog::info("betweenness estimated from {} of {} sources", opts.sample,
                   boost::num_vertices(p));
    }
  } else {
    throw UsageError("unknown --by '" + opts.by + "' (use degree, pagerank or betweenness)");
  }
  std::vector<Vertex> order(score.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](Vertex a, Vertex b) {
    if (score[a] != score[b]) return score[a] > score[b];
    return p[a].label < p[b].label;
  });
  const std::size_t n = opts.top == 0 ? order.size() : std::min(opts.top, order.size());
  Table t{{"rank", "name", "kind", opts.by}, {}};
  for (std::size_t i = 0; i < n; ++i) {
    const Vertex v = order[i];
    t.rows.push_back({number(i + 1), text(p[v].label),
                      text(std::string(graph::to_string(p[v].kind))),
                      integer ? number(static_cast<std::size_t>(score[v])) : Cell(score[v])});
  }
  return t;
}

Table components(const Loaded& l, const QueryOptions& opts) {
  const Graph& p = l.people;
  std::size_t count = 0;
  const std::vector<std::size_t> component = graph::components(p, count);
  std::vector<std::vector<std::string>> members(count);
  for (std::size_t v = 0; v < component.size(); ++v)
    members[component[v]].push_back(p[v].label.str());
  for (auto& m : members) std::sort(m.begin(), m.end());
  std::stable_sort(members.begin(), members.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  Table t{{"component", "size", "members"}, {}};
  std::size_t number_of = 0;
  for (auto& m : members) {
    if (m.size() < opts.min_size) continue;
    t.rows.push_back({number(++number_of), number(m.size()), Cell(m)});
  }
  return t;
}

void subgraph(const Loaded& l, const QueryOptions& opts) {
  if (opts.view != "people" && opts.view != "full") {
    throw UsageError("unknown --view '" + opts.view + "' for subgraph (use people or full)");
  }
  const GraphOutput output = graph_output(opts.output, opts.format, "full", false);
  const Graph& g = opts.view == "people" ? l.people : l.full;
  const Vertex center = graph::NameIndex(g).find(opts.name);
  write_graph_file(graph::ego_network(g, center, opts.depth), output);
}

Table merges(const Loaded& l) {
  Table t{{"name", "into", "reason", "documents"}, {}};
  for (const graph::Merge& m : l.identities.merges) {
    t.rows.push_back({text(m.name), optional_text(m.into), text(m.reason), number(m.documents)});
  }
  return t;
}

CLI::App* verb(CLI::App* query, const std::string& name, const std::string& help,
               const std::shared_ptr<QueryOptions>& opts, bool table = true) {
  CLI::App* cmd = query->add_subcommand(name, help);
  if (table) {
    cmd->add_option("--format", opts->format,
                    "table, jsonl or csv (default: table on a terminal, else jsonl)");
  }
  return cmd;
}

}  // namespace

void add_query_command(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<QueryOptions>();
  CLI::App* query =
      app.add_subcommand("query", "Ask a .qg corpus who speaks, who quotes whom, who links whom");
  query->add_option("corpus", opts->corpus, "A corpus written by build -o FILE.qg")->required();
  query->require_subcommand(1);
  query->footer(
      "Names match as you would type them: case and accents do not matter, a surname alone\n"
      "finds its person when only one has it. An unknown name is a usage error (exit 2)\n"
      "that suggests close names.\n"
      "\n"
      "Examples:\n"
      "  quotegraph query corpus.qg stats\n"
      "  quotegraph query corpus.qg speakers --top 10\n"
      "  quotegraph query corpus.qg quotes --speaker okafor --format csv > okafor.csv\n"
      "  quotegraph query corpus.qg quotes --mentions @Blackwood\n"
      "  quotegraph query corpus.qg neighbors 'Nadia Marchetti' --relation replied_to\n"
      "  quotegraph query corpus.qg path Blackwood 'Lucinda Ferreira-Holt'\n"
      "  quotegraph query corpus.qg top --by pagerank\n"
      "  quotegraph query corpus.qg components\n"
      "  quotegraph query corpus.qg subgraph Marchetti --depth 2 -o ego.graphml\n"
      "  quotegraph query corpus.qg merges");

  auto run = [opts, &exit_code](auto fn) {
    return [opts, &exit_code, fn] {
      exit_code = 0;
      const Loaded l = load(*opts);
      fn(l);
    };
  };
  auto show = [opts](const Table& t) { print(t, *opts); };

  verb(query, "stats", "Counts per node kind and relation, documents, date range", opts)
      ->callback(run([show](const Loaded& l) { show(stats(l)); }));

  CLI::App* cmd = verb(query, "speakers", "People and organisations by number of statements", opts);
  cmd->add_option("--top", opts->top, "Only the first N (default: all)");
  cmd->callback(run([show, opts](const Loaded& l) { show(speakers(l, opts->top)); }));

  cmd = verb(query, "quotes", "Statements with speaker, cue, document and date", opts);
  cmd->add_option("--speaker", opts->speaker, "Said by NAME");
  cmd->add_option("--mentions", opts->mentions, "Mentioning or addressing @HANDLE or NAME");
  cmd->add_option("--text", opts->text, "Containing every one of these words");
  cmd->callback(run([show, opts](const Loaded& l) { show(quotes(l, *opts)); }));

  cmd = verb(query, "neighbors",
             "Whom NAME addressed, mentioned or replied to, and who did to NAME", opts);
  cmd->add_option("name", opts->name, "A person or organisation")->required();
  cmd->add_option("--relation", opts->relation,
                  "Only addressed_to, mentions, replied_to or has_handle");
  cmd->callback(run([show, opts](const Loaded& l) { show(neighbors(l, *opts)); }));

  cmd = verb(query, "path",
             "The shortest chain of who addressed, replied to or mentioned whom from A to B", opts);
  cmd->add_option("from", opts->name, "A person or organisation")->required();
  cmd->add_option("to", opts->other, "Another")->required();
  cmd->add_flag("--directed", opts->directed,
                "Follow links only from the one who spoke to the one addressed");
  cmd->callback(run([show, opts, &exit_code](const Loaded& l) {
    int code = 0;
    const Table t = path(l, *opts, code);
    if (code == 0) show(t);
    exit_code = code;
  }));

  cmd = verb(query, "top", "The most central people of the person-to-person graph", opts);
  cmd->add_option("--by", opts->by, "degree (default), pagerank or betweenness");
  cmd->add_option("--top", opts->top, "Only the first N (default 10; 0: all)")->default_val(10);
  cmd->add_option("--sample", opts->sample,
                  "betweenness from K sources instead of every person, scaled to the whole (an "
                  "estimate, as networkx's k=; for graphs of many thousands of people)");
  cmd->add_option("-j,--jobs", opts->jobs, "Threads for betweenness (default 0: every core)");
  cmd->callback(run([show, opts](const Loaded& l) {
    if (opts->sample > 0 && opts->by != "betweenness") {
      throw UsageError("--sample applies to --by betweenness");
    }
    show(top(l, *opts));
  }));

  cmd =
      verb(query, "components", "Groups of people linked by addresses, replies or mentions", opts);
  cmd->add_option("--min-size", opts->min_size, "Only components of at least N (default 1)");
  cmd->callback(run([show, opts](const Loaded& l) { show(components(l, *opts)); }));

  cmd = verb(query, "subgraph", "The ego network of NAME, for Gephi", opts, false);
  cmd->add_option("name", opts->name, "A person or organisation")->required();
  cmd->add_option("--depth", opts->depth, "Hops from NAME (default 1)");
  cmd->add_option("-o,--output", opts->output, "Output file: .graphml, .dot or .json")->required();
  cmd->add_option("--format", opts->format, "graphml, dot or json (default: from -o)");
  cmd->add_option("--view", opts->view,
                  "people (default): people and their links; full: statements, handles and "
                  "documents too");
  cmd->callback(run([opts](const Loaded& l) { subgraph(l, *opts); }));

  verb(query, "merges", "Which names written differently were taken as one, and why", opts)
      ->callback(run([show](const Loaded& l) { show(merges(l)); }));
}

}  // namespace quotegraph::cli
