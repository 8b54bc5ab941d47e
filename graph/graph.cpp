#include "graph/graph.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

namespace quotegraph::graph {
namespace {

constexpr std::array<std::pair<Relation, std::string_view>, 7> kRelationNames{{
    {Relation::kSaid, "said"},
    {Relation::kMentions, "mentions"},
    {Relation::kHasHandle, "has_handle"},
    {Relation::kAddressedTo, "addressed_to"},
    {Relation::kRepliedTo, "replied_to"},
    {Relation::kAppearsIn, "appears_in"},
    {Relation::kInteracts, "interacts"},
}};

// Handles are ASCII ([A-Za-z0-9_] by Twitter's rules), so ASCII folding is enough;
// other bytes are kept as they are.
std::string handle_key(std::string_view handle) {
  if (!handle.empty() && handle.front() == '@') handle.remove_prefix(1);
  std::string key(handle);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

bool is_handle(std::string_view s) { return s.size() > 1 && s.front() == '@'; }

void append_unique(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const std::string& s : from) {
    if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
  }
}

template <typename Map>
std::optional<Vertex> lookup(const Map& map, std::string_view key) {
  auto it = map.find(key);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

bool is_party(NodeKind kind) {
  return kind == NodeKind::kPerson || kind == NodeKind::kOrganization;
}

}  // namespace

std::string_view to_string(NodeKind kind) {
  switch (kind) {
    case NodeKind::kPerson:
      return "person";
    case NodeKind::kOrganization:
      return "organization";
    case NodeKind::kHandle:
      return "handle";
    case NodeKind::kStatement:
      return "statement";
    case NodeKind::kDocument:
      return "document";
  }
  return "unknown";
}

std::string_view to_string(Relation relation) {
  for (const auto& [r, name] : kRelationNames) {
    if (r == relation) return name;
  }
  return "unknown";
}

std::optional<Relation> relation_from_string(std::string_view name) {
  for (const auto& [r, n] : kRelationNames) {
    if (n == name) return r;
  }
  return std::nullopt;
}

Vertex GraphBuilder::person(const std::string& name, NodeKind kind) {
  if (auto found = lookup(people_, name)) return *found;
  NodeProps props;
  props.kind = kind;
  props.label = name;
  Vertex v = boost::add_vertex(std::move(props), g_);
  people_.emplace(name, v);
  return v;
}

Vertex GraphBuilder::handle(const std::string& spelling) {
  std::string key = handle_key(spelling);
  if (auto found = lookup(handles_, key)) return *found;
  NodeProps props;
  props.kind = NodeKind::kHandle;
  props.label = spelling.starts_with('@') ? spelling : "@" + spelling;
  Vertex v = boost::add_vertex(std::move(props), g_);
  handles_.emplace(std::move(key), v);
  return v;
}

Vertex GraphBuilder::document(const Extraction& ex) {
  if (auto found = lookup(documents_, ex.doc)) {
    // A later copy of the same document may know what the first did not.
    NodeProps& props = g_[*found];
    if (props.title.empty()) props.title = ex.title;
    if (props.date.empty()) props.date = ex.date;
    if (props.url.empty()) props.url = ex.url;
    if (props.publisher.empty()) props.publisher = ex.publisher;
    return *found;
  }
  NodeProps props;
  props.kind = NodeKind::kDocument;
  props.label = ex.doc;
  props.document = ex.doc;
  props.title = ex.title;
  props.date = ex.date;
  props.url = ex.url;
  props.publisher = ex.publisher;
  Vertex v = boost::add_vertex(std::move(props), g_);
  documents_.emplace(ex.doc, v);
  return v;
}

void GraphBuilder::link(Vertex from, Vertex to, Relation relation, int weight) {
  if (auto e = find_edge(g_, from, to, relation)) {
    g_[*e].weight += weight;
    return;
  }
  boost::add_edge(from, to, EdgeProps{relation, weight}, g_);
}

void GraphBuilder::add(const Extraction& ex) {
  const Vertex doc = document(ex);

  // Each fact counts once per document, however often the extraction repeats it.
  std::set<std::pair<Vertex, Vertex>> owned;
  auto own = [&](Vertex p, Vertex h) {
    if (owned.emplace(p, h).second) link(p, h, Relation::kHasHandle);
  };

  for (const Person& p : ex.people) {
    const Vertex v = person(
        p.name, p.kind == EntityKind::kOrganization ? NodeKind::kOrganization : NodeKind::kPerson);
    append_unique(g_[v].aliases, p.aliases);
    append_unique(g_[v].roles, p.roles);
    for (const std::string& h : p.handles) own(v, handle(h));
  }
  for (const HandleLink& hl : ex.handles) {
    const Vertex h = handle(hl.handle);
    if (hl.person && !hl.person->empty()) own(person(*hl.person), h);
  }

  for (const Statement& st : ex.statements) {
    NodeProps props;
    props.kind = NodeKind::kStatement;
    props.label = st.text;
    props.text = st.text;
    props.cue = st.cue;
    props.speaker = st.speaker.value_or("");
    props.document = ex.doc;
    props.date = ex.date;
    props.confidence = st.confidence;
    const Vertex s = boost::add_vertex(std::move(props), g_);

    link(s, doc, Relation::kAppearsIn);
    if (st.speaker && !st.speaker->empty()) link(person(*st.speaker), s, Relation::kSaid);
    std::set<Vertex> mentioned;
    for (const std::string& m : st.mentions) {
      if (m.empty()) continue;
      const Vertex target = is_handle(m) ? handle(m) : person(m);
      if (mentioned.insert(target).second) link(s, target, Relation::kMentions);
    }
    if (st.addressee && !st.addressee->empty()) {
      // A handle addressee ("with you, @x") stands for its owner when one is known.
      Vertex target = is_handle(*st.addressee) ? handle(*st.addressee) : person(*st.addressee);
      if (g_[target].kind == NodeKind::kHandle) {
        for (auto [it, end] = boost::in_edges(target, g_); it != end; ++it) {
          if (g_[*it].relation == Relation::kHasHandle) {
            target = boost::source(*it, g_);
            break;
          }
        }
      }
      link(s, target, Relation::kAddressedTo);
    }
  }

  for (const Interaction& in : ex.interactions) {
    const auto relation = relation_from_string(in.type);
    if (relation != Relation::kRepliedTo || in.from.empty() || in.to.empty()) continue;
    link(person(in.from), person(in.to), *relation);
  }
}

Graph GraphBuilder::release() {
  Graph out = std::move(g_);
  g_ = Graph();
  people_.clear();
  handles_.clear();
  documents_.clear();
  return out;
}

std::optional<Vertex> GraphBuilder::find_person(std::string_view name) const {
  return lookup(people_, name);
}

std::optional<Vertex> GraphBuilder::find_handle(std::string_view handle) const {
  return lookup(handles_, handle_key(handle));
}

std::optional<Vertex> GraphBuilder::find_document(std::string_view id) const {
  return lookup(documents_, id);
}

std::size_t count_nodes(const Graph& g, NodeKind kind) {
  std::size_t n = 0;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    if (g[*it].kind == kind) ++n;
  }
  return n;
}

std::optional<Edge> find_edge(const Graph& g, Vertex from, Vertex to, Relation relation) {
  for (auto [it, end] = boost::out_edges(from, g); it != end; ++it) {
    if (boost::target(*it, g) == to && g[*it].relation == relation) return *it;
  }
  return std::nullopt;
}

std::vector<std::string> node_ids(const Graph& g) {
  std::array<std::size_t, 5> counters{};
  std::vector<std::string> ids;
  ids.reserve(boost::num_vertices(g));
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const NodeKind kind = g[*it].kind;
    const auto index = static_cast<std::size_t>(kind);
    static constexpr std::array<char, 5> kPrefix{'p', 'o', 'h', 's', 'd'};
    ids.push_back(kPrefix[index] + std::to_string(++counters[index]));
  }
  return ids;
}

Graph person_graph(const Graph& g) {
  Graph out;
  std::vector<std::optional<Vertex>> mapped(boost::num_vertices(g));
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    if (is_party(g[*it].kind)) mapped[*it] = boost::add_vertex(g[*it], out);
  }

  // Ordered by (from, to) in the new graph, so edges come out in a stable order.
  std::map<std::pair<Vertex, Vertex>, int> weights;
  auto count = [&](Vertex from, Vertex to, int weight) {
    if (mapped[from] && mapped[to] && from != to) weights[{*mapped[from], *mapped[to]}] += weight;
  };

  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const Vertex v = *it;
    if (g[v].kind == NodeKind::kStatement) {
      std::set<Vertex> targets;
      for (auto [e, e_end] = boost::out_edges(v, g); e != e_end; ++e) {
        const Relation r = g[*e].relation;
        if (r != Relation::kMentions && r != Relation::kAddressedTo) continue;
        const Vertex t = boost::target(*e, g);
        if (is_party(g[t].kind)) {
          targets.insert(t);
        } else if (g[t].kind == NodeKind::kHandle) {
          for (auto [h, h_end] = boost::in_edges(t, g); h != h_end; ++h) {
            if (g[*h].relation == Relation::kHasHandle) targets.insert(boost::source(*h, g));
          }
        }
      }
      for (auto [e, e_end] = boost::in_edges(v, g); e != e_end; ++e) {
        if (g[*e].relation != Relation::kSaid) continue;
        for (Vertex t : targets) count(boost::source(*e, g), t, 1);
      }
    } else if (is_party(g[v].kind)) {
      for (auto [e, e_end] = boost::out_edges(v, g); e != e_end; ++e) {
        if (g[*e].relation == Relation::kRepliedTo) count(v, boost::target(*e, g), g[*e].weight);
      }
    }
  }

  for (const auto& [pair, weight] : weights) {
    boost::add_edge(pair.first, pair.second, EdgeProps{Relation::kInteracts, weight}, out);
  }
  return out;
}

}  // namespace quotegraph::graph
