#include "graph/graph.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <span>
#include <tuple>
#include <utility>

namespace quotegraph::graph {
namespace {

constexpr std::array<std::pair<Relation, std::string_view>, 8> kRelationNames{{
    {Relation::kSaid, "said"},
    {Relation::kMentions, "mentions"},
    {Relation::kHasHandle, "has_handle"},
    {Relation::kAddressedTo, "addressed_to"},
    {Relation::kRepliedTo, "replied_to"},
    {Relation::kAppearsIn, "appears_in"},
    {Relation::kInteracts, "interacts"},
    {Relation::kInDocument, "in_document"},
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

void append_unique(std::vector<Str>& to, StrList from) {
  for (Str s : from) {
    if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
  }
}

// The key of an interned string in the builder's maps: its address ("" has one too).
const char* address(Str s) {
  static constexpr char kEmpty = 0;
  return s.empty() ? &kEmpty : s.data();
}

std::optional<Vertex> lookup(const PtrMap<Vertex>& map, Str key) {
  const Vertex* found = map.find(address(key));
  if (found == nullptr) return std::nullopt;
  return *found;
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

StringPool& strings(Graph& g) {
  auto& pool = g[boost::graph_bundle].strings;
  if (!pool) pool = std::make_shared<StringPool>();
  return *pool;
}

GraphBuilder::GraphBuilder(std::shared_ptr<StringPool> pool)
    : pool_(pool ? std::move(pool) : std::make_shared<StringPool>()) {
  g_[boost::graph_bundle].strings = pool_;
}

Vertex GraphBuilder::person(Str name, NodeKind kind) {
  if (auto found = lookup(people_, name)) return *found;
  NodeProps props;
  props.kind = kind;
  props.label = name;
  Vertex v = boost::add_vertex(props, g_);
  people_.try_emplace(address(name), v);
  return v;
}

Vertex GraphBuilder::handle(Str spelling) {
  if (auto found = lookup(spellings_, spelling)) return *found;
  const Str key = pool_->intern(handle_key(spelling));
  Vertex v = 0;
  if (auto found = lookup(handles_, key)) {
    v = *found;
  } else {
    NodeProps props;
    props.kind = NodeKind::kHandle;
    props.label = spelling.view().starts_with('@') ? spelling : pool_->intern("@" + spelling.str());
    v = boost::add_vertex(props, g_);
    handles_.try_emplace(address(key), v);
  }
  spellings_.try_emplace(address(spelling), v);
  return v;
}

Vertex GraphBuilder::document(const DocFacts& ex) {
  new_doc_ = false;
  if (auto found = lookup(documents_, ex.doc)) {
    // A later copy of the same document may know what the first did not.
    NodeProps& props = g_[*found];
    if (props.title.empty()) props.title = ex.title;
    if (props.date.empty()) props.date = ex.date;
    if (props.url.empty()) props.url = ex.url;
    if (props.publisher.empty()) props.publisher = ex.publisher;
    return *found;
  }
  new_doc_ = true;
  NodeProps props;
  props.kind = NodeKind::kDocument;
  props.label = ex.doc;
  props.document = ex.doc;
  props.title = ex.title;
  props.date = ex.date;
  props.url = ex.url;
  props.publisher = ex.publisher;
  Vertex v = boost::add_vertex(props, g_);
  documents_.try_emplace(address(ex.doc), v);
  return v;
}

void GraphBuilder::link(Vertex from, Vertex to, Relation relation, int weight, Str date) {
  // Edges from a new statement are new; only these two relations can come again.
  const bool repeatable = relation == Relation::kHasHandle || relation == Relation::kRepliedTo;
  if (repeatable) {
    auto it = repeated_.find({from, to, relation});
    if (it != repeated_.end()) {
      it->second->weight += weight;
      add_date(*it->second, date);
      return;
    }
  }
  const EdgeProps props{relation, weight, date, date};
  const Edge e = boost::add_edge(from, to, props, g_).first;
  if (repeatable) repeated_.emplace(LinkKey{from, to, relation}, &g_[e]);
  if (relation == Relation::kHasHandle) first_owner_.try_emplace(to, from);
}

// A party named in the document being added: it remembers the document.
GraphBuilder::PartyLists& GraphBuilder::lists_of(Vertex v) {
  if (v >= party_slot_.size()) party_slot_.resize(v + 1, 0);  // room reserved by reserve()
  std::uint32_t& slot = party_slot_[v];
  if (slot == 0) {
    lists_.emplace_back(v, PartyLists());
    slot = static_cast<std::uint32_t>(lists_.size());
  }
  return lists_[slot - 1].second;
}

Vertex GraphBuilder::party(Str name, NodeKind kind) {
  const Vertex v = person(name, kind);
  PartyLists& lists = lists_of(v);
  if (lists.last_add != adds_) {
    lists.last_add = adds_;
    // A document seen before may already be listed; a new one cannot be.
    if (new_doc_ || std::find(lists.documents.begin(), lists.documents.end(), current_doc_) ==
                        lists.documents.end()) {
      lists.documents.push_back(current_doc_);
    }
  }
  return v;
}

void add_date(EdgeProps& e, Str date) {
  if (date.empty()) return;
  if (e.first_date.empty() || date < e.first_date) e.first_date = date;
  if (e.last_date.empty() || date > e.last_date) e.last_date = date;
}

void GraphBuilder::add(const Extraction& ex) { add(facts_of(ex, *pool_)); }

void GraphBuilder::add(const DocFacts& ex) {
  ++adds_;
  const Vertex doc = document(ex);
  current_doc_ = ex.doc;

  // Each fact counts once per document, however often the extraction repeats it.
  std::set<std::pair<Vertex, Vertex>> owned;
  auto own = [&](Vertex p, Vertex h) {
    if (owned.emplace(p, h).second) link(p, h, Relation::kHasHandle);
  };

  for (const PersonFacts& p : ex.people) {
    const Vertex v = party(
        p.name, p.kind == EntityKind::kOrganization ? NodeKind::kOrganization : NodeKind::kPerson);
    PartyLists& lists = lists_of(v);
    append_unique(lists.aliases, p.aliases);
    append_unique(lists.roles, p.roles);
    for (Str h : p.handles) own(v, handle(h));
  }
  for (const HandleFacts& hl : ex.handles) {
    const Vertex h = handle(hl.handle);
    if (!hl.person.empty()) own(party(hl.person), h);
  }

  for (const StatementFacts& st : ex.statements) {
    NodeProps props;
    props.kind = NodeKind::kStatement;
    props.label = st.text;
    props.text = st.text;
    props.cue = st.cue;
    props.speaker = st.speaker;
    props.document = ex.doc;
    props.date = ex.date;
    props.confidence = st.confidence;
    const Vertex s = boost::add_vertex(props, g_);

    link(s, doc, Relation::kAppearsIn);
    if (!st.speaker.empty()) link(party(st.speaker), s, Relation::kSaid);
    // Each target once (a statement of one mention, most of them, needs no set).
    std::set<Vertex> mentioned;
    for (Str m : st.mentions) {
      if (m.empty()) continue;
      const Vertex target = is_handle(m) ? handle(m) : party(m);
      if (st.mentions.size() == 1 || mentioned.insert(target).second) {
        link(s, target, Relation::kMentions);
      }
    }
    if (!st.addressee.empty()) {
      // A handle addressee ("with you, @x") stands for its owner when one is known.
      Vertex target = is_handle(st.addressee) ? handle(st.addressee) : party(st.addressee);
      if (g_[target].kind == NodeKind::kHandle) {
        auto owner = first_owner_.find(target);
        if (owner != first_owner_.end()) target = owner->second;
      }
      link(s, target, Relation::kAddressedTo);
    }
  }

  for (const InteractionFacts& in : ex.interactions) {
    const auto relation = relation_from_string(in.type);
    if (relation != Relation::kRepliedTo || in.from.empty() || in.to.empty()) continue;
    link(party(in.from), party(in.to), *relation, 1, ex.date);
  }
}

void GraphBuilder::sync() {
  for (auto& [v, lists] : lists_) {
    NodeProps& n = g_[v];
    if (n.aliases.size() != lists.aliases.size()) n.aliases = pool_->list(lists.aliases);
    if (n.roles.size() != lists.roles.size()) n.roles = pool_->list(lists.roles);
    if (n.documents.size() != lists.documents.size()) n.documents = pool_->list(lists.documents);
  }
}

const Graph& GraphBuilder::graph() {
  sync();
  return g_;
}

void move_graph(Graph& from, Graph& to) {
  // Boost 1.74's adjacency_list has no move constructor and its swap() copies both
  // graphs three times; its containers are public members, and swapping them moves the
  // graph (edge descriptors point into the nodes of m_edges, which a list swap keeps).
  to.m_vertices.swap(from.m_vertices);
  to.m_edges.swap(from.m_edges);
  to.m_property.swap(from.m_property);
}

void reserve_vertices(Graph& g, std::size_t n) { g.m_vertices.reserve(n); }

void GraphBuilder::reserve(std::size_t vertices) {
  reserve_vertices(g_, vertices);
  party_slot_.reserve(vertices);
}

Graph GraphBuilder::release() {
  sync();
  Graph out;
  move_graph(g_, out);
  g_ = Graph();
  g_[boost::graph_bundle].strings = pool_;
  people_.clear();
  handles_.clear();
  spellings_.clear();
  documents_.clear();
  std::vector<std::pair<Vertex, PartyLists>>().swap(lists_);
  std::vector<std::uint32_t>().swap(party_slot_);
  repeated_.clear();
  first_owner_.clear();
  return out;
}

std::optional<Vertex> GraphBuilder::find_person(std::string_view name) const {
  return lookup(people_, pool_->find(name));
}

std::optional<Vertex> GraphBuilder::find_handle(std::string_view handle) const {
  return lookup(handles_, pool_->find(handle_key(handle)));
}

std::optional<Vertex> GraphBuilder::find_document(std::string_view id) const {
  return lookup(documents_, pool_->find(id));
}

InEdges::InEdges(const Graph& g, Relation relation) : start_(boost::num_vertices(g) + 1, 0) {
  // Two passes over the out-edges (boost::edges of a directed adjacency_list trips
  // GCC's -Wmaybe-uninitialized): count per target, then place.
  auto each = [&](auto&& fn) {
    for (auto [v, v_end] = boost::vertices(g); v != v_end; ++v) {
      for (auto [e, e_end] = boost::out_edges(*v, g); e != e_end; ++e) {
        if (g[*e].relation == relation) fn(*v, boost::target(*e, g));
      }
    }
  };
  each([&](Vertex, Vertex t) { ++start_[t + 1]; });
  for (std::size_t v = 1; v < start_.size(); ++v) start_[v] += start_[v - 1];
  sources_.resize(start_.back());
  std::vector<std::size_t> next(start_.begin(), start_.end() - 1);
  each([&](Vertex s, Vertex t) { sources_[next[t]++] = s; });
}

std::span<const Vertex> InEdges::sources(Vertex v) const {
  return std::span<const Vertex>(sources_).subspan(start_[v], start_[v + 1] - start_[v]);
}

namespace {

// What glibc's malloc takes for a block of n bytes: an 8-byte header, 16-byte steps,
// 32 bytes at least.
std::size_t heap_block(std::size_t n) { return std::max<std::size_t>(32, (n + 8 + 15) / 16 * 16); }

}  // namespace

GraphMemory memory_use(const Graph& g) {
  GraphMemory m;
  m.nodes = boost::num_vertices(g);
  m.vertex_bytes = g.m_vertices.capacity() * sizeof(g.m_vertices[0]);
  for (const auto& v : g.m_vertices) {
    const auto& out = v.m_out_edges;
    m.edges += out.size();
    if (out.capacity() > 0) m.out_edge_bytes += heap_block(out.capacity() * sizeof(out[0]));
  }
  m.edge_props_bytes = m.edges * heap_block(sizeof(EdgeProps));
  if (const auto& pool = g[boost::graph_bundle].strings) m.string_bytes = pool->bytes();
  return m;
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

std::vector<std::uint32_t> node_numbers(const Graph& g) {
  std::array<std::uint32_t, 5> counters{};
  std::vector<std::uint32_t> numbers(boost::num_vertices(g));
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    numbers[*it] = ++counters[static_cast<std::size_t>(g[*it].kind)];
  }
  return numbers;
}

std::vector<std::string> node_ids(const Graph& g) {
  const std::vector<std::uint32_t> numbers = node_numbers(g);
  std::vector<std::string> ids;
  ids.reserve(numbers.size());
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    ids.push_back(node_id_prefix(g[*it].kind) + std::to_string(numbers[*it]));
  }
  return ids;
}

namespace {

// Who owns each handle and who said each statement: the in-edges the walks need.
struct Reverse {
  explicit Reverse(const Graph& g)
      : owners(g, Relation::kHasHandle), speakers(g, Relation::kSaid) {}
  InEdges owners;
  InEdges speakers;
};

// The parties a statement or handle target stands for: itself when a party, the owners
// of a handle.
void parties_of(const Graph& g, const Reverse& r, Vertex t, std::set<Vertex>& out) {
  if (is_party(g[t].kind)) {
    out.insert(t);
  } else if (g[t].kind == NodeKind::kHandle) {
    for (Vertex owner : r.owners.sources(t)) out.insert(owner);
  }
}

// Calls fn(speaker, target, relation, statement) for every party a statement mentions or
// addresses, once per (target, relation); then fn(from, to, kRepliedTo, edge props) for
// replies through on_reply.
template <typename OnStatement, typename OnReply>
void walk_person_links(const Graph& g, OnStatement on_statement, OnReply on_reply) {
  const Reverse reverse(g);
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const Vertex v = *it;
    if (g[v].kind == NodeKind::kStatement) {
      const std::span<const Vertex> speakers = reverse.speakers.sources(v);
      if (speakers.empty()) continue;
      for (Relation r : {Relation::kAddressedTo, Relation::kMentions}) {
        std::set<Vertex> targets;
        for (auto [e, e_end] = boost::out_edges(v, g); e != e_end; ++e) {
          if (g[*e].relation == r) parties_of(g, reverse, boost::target(*e, g), targets);
        }
        for (Vertex s : speakers) {
          for (Vertex t : targets) {
            if (s != t) on_statement(s, t, r, v);
          }
        }
      }
    } else if (is_party(g[v].kind)) {
      for (auto [e, e_end] = boost::out_edges(v, g); e != e_end; ++e) {
        const Vertex t = boost::target(*e, g);
        if (g[*e].relation == Relation::kRepliedTo && t != v) on_reply(v, t, g[*e]);
      }
    }
  }
}

}  // namespace

std::vector<PersonLink> person_links(const Graph& g) {
  std::map<std::tuple<Vertex, Vertex, Relation>, EdgeProps> links;
  auto at = [&](Vertex from, Vertex to, Relation r) -> EdgeProps& {
    auto [it, inserted] = links.try_emplace({from, to, r});
    if (inserted) {
      it->second.relation = r;
      it->second.weight = 0;
    }
    return it->second;
  };
  walk_person_links(
      g,
      [&](Vertex s, Vertex t, Relation r, Vertex statement) {
        EdgeProps& e = at(s, t, r);
        ++e.weight;
        add_date(e, g[statement].date);
      },
      [&](Vertex from, Vertex to, const EdgeProps& reply) {
        EdgeProps& e = at(from, to, Relation::kRepliedTo);
        e.weight += reply.weight;
        add_date(e, reply.first_date);
        add_date(e, reply.last_date);
      });
  std::vector<PersonLink> out;
  out.reserve(links.size());
  for (auto& [key, props] : links) {
    out.push_back(PersonLink{std::get<0>(key), std::get<1>(key), std::get<2>(key), props});
  }
  return out;
}

Graph person_graph(const Graph& g) {
  Graph out;
  out[boost::graph_bundle] = g[boost::graph_bundle];
  std::vector<std::optional<Vertex>> mapped(boost::num_vertices(g));
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    if (is_party(g[*it].kind)) mapped[*it] = boost::add_vertex(g[*it], out);
  }

  // Ordered by (from, to) in the new graph, so edges come out in a stable order. A
  // statement counts once per target, however many ways it names it.
  std::map<std::pair<Vertex, Vertex>, EdgeProps> edges;
  std::set<std::pair<Vertex, Vertex>> counted;  // (statement, target)
  auto at = [&](Vertex from, Vertex to) -> EdgeProps& {
    auto [it, inserted] = edges.try_emplace({*mapped[from], *mapped[to]});
    if (inserted) it->second = EdgeProps{Relation::kInteracts, 0, {}, {}};
    return it->second;
  };
  walk_person_links(
      g,
      [&](Vertex s, Vertex t, Relation, Vertex statement) {
        if (!counted.emplace(statement, t).second) return;
        EdgeProps& e = at(s, t);
        ++e.weight;
        add_date(e, g[statement].date);
      },
      [&](Vertex from, Vertex to, const EdgeProps& reply) {
        EdgeProps& e = at(from, to);
        e.weight += reply.weight;
        add_date(e, reply.first_date);
        add_date(e, reply.last_date);
      });

  for (auto& [pair, props] : edges) boost::add_edge(pair.first, pair.second, props, out);
  return out;
}

Graph people_documents_graph(const Graph& g) {
  Graph out;
  out[boost::graph_bundle] = g[boost::graph_bundle];
  std::vector<std::optional<Vertex>> mapped(boost::num_vertices(g));
  std::unordered_map<std::string_view, Vertex> doc_vertex;  // document id -> vertex of out
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const NodeKind kind = g[*it].kind;
    if (is_party(kind) || kind == NodeKind::kDocument) mapped[*it] = boost::add_vertex(g[*it], out);
    if (kind == NodeKind::kDocument) doc_vertex.emplace(g[*it].document.view(), *mapped[*it]);
  }

  const Reverse reverse(g);
  std::map<std::pair<Vertex, Vertex>, int> counts;  // (party, document) in out
  auto doc_of = [&](std::string_view id) -> std::optional<Vertex> {
    auto it = doc_vertex.find(id);
    if (it == doc_vertex.end()) return std::nullopt;
    return it->second;
  };
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const Vertex v = *it;
    if (is_party(g[v].kind)) {
      for (Str id : g[v].documents) {
        if (auto d = doc_of(id)) counts.try_emplace({*mapped[v], *d}, 0);
      }
    }
    if (g[v].kind != NodeKind::kStatement) continue;
    const auto d = doc_of(g[v].document);
    if (!d) continue;
    std::set<Vertex> parties;
    for (Vertex s : reverse.speakers.sources(v)) parties.insert(s);
    for (auto [e, e_end] = boost::out_edges(v, g); e != e_end; ++e) {
      const Relation r = g[*e].relation;
      if (r == Relation::kMentions || r == Relation::kAddressedTo) {
        parties_of(g, reverse, boost::target(*e, g), parties);
      }
    }
    for (Vertex p : parties) ++counts[{*mapped[p], *d}];
  }

  for (const auto& [pair, count] : counts) {
    const Str date = out[pair.second].date;
    boost::add_edge(pair.first, pair.second,
                    EdgeProps{Relation::kInDocument, std::max(count, 1), date, date}, out);
  }
  return out;
}

std::optional<View> view_from_string(std::string_view name) {
  if (name == "full") return View::kFull;
  if (name == "people") return View::kPeople;
  if (name == "people-documents") return View::kPeopleDocuments;
  return std::nullopt;
}

Graph make_view(const Graph& g, View view) {
  switch (view) {
    case View::kPeople:
      return person_graph(g);
    case View::kPeopleDocuments:
      return people_documents_graph(g);
    case View::kFull:
      break;
  }
  return g;
}

}  // namespace quotegraph::graph
