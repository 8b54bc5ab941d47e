#include "graph/facts.hpp"

namespace quotegraph::graph {
namespace {

StrList list_of(const std::vector<std::string>& items, StringPool& pool) {
  if (items.empty()) return {};
  std::vector<Str> strs;
  strs.reserve(items.size());
  for (const std::string& s : items) strs.push_back(pool.intern(s));
  return pool.list(strs);
}

std::optional<std::string> optional_of(Str s) {
  if (s.empty()) return std::nullopt;
  return s.str();
}

}  // namespace

DocFacts facts_of(const Extraction& ex, StringPool& pool) {
  DocFacts f;
  f.doc = pool.intern(ex.doc);
  f.title = pool.intern(ex.title);
  f.date = pool.intern(ex.date);
  f.url = pool.intern(ex.url);
  f.publisher = pool.intern(ex.publisher);
  f.statements.reserve(ex.statements.size());
  for (const Statement& s : ex.statements) {
    f.statements.push_back({pool.intern(s.text), pool.intern(s.speaker.value_or("")),
                            pool.intern(s.cue), pool.intern(s.addressee.value_or("")),
                            list_of(s.mentions, pool), s.confidence});
  }
  f.people.reserve(ex.people.size());
  for (const Person& p : ex.people) {
    f.people.push_back({pool.intern(p.name), p.kind, list_of(p.aliases, pool),
                        list_of(p.handles, pool), list_of(p.roles, pool)});
  }
  f.handles.reserve(ex.handles.size());
  for (const HandleLink& h : ex.handles) {
    f.handles.push_back({pool.intern(h.handle), pool.intern(h.person.value_or(""))});
  }
  f.interactions.reserve(ex.interactions.size());
  for (const Interaction& i : ex.interactions) {
    f.interactions.push_back({pool.intern(i.type), pool.intern(i.from), pool.intern(i.to)});
  }
  return f;
}

Extraction extraction_of(const DocFacts& f) {
  Extraction ex;
  ex.doc = f.doc.str();
  ex.title = f.title.str();
  ex.date = f.date.str();
  ex.url = f.url.str();
  ex.publisher = f.publisher.str();
  ex.statements.reserve(f.statements.size());
  for (const StatementFacts& s : f.statements) {
    Statement st;
    st.text = s.text.str();
    st.speaker = optional_of(s.speaker);
    st.cue = s.cue.str();
    st.addressee = optional_of(s.addressee);
    st.mentions = s.mentions.strings();
    st.confidence = s.confidence;
    ex.statements.push_back(std::move(st));
  }
  ex.people.reserve(f.people.size());
  for (const PersonFacts& p : f.people) {
    ex.people.push_back(
        {p.name.str(), p.kind, p.aliases.strings(), p.handles.strings(), p.roles.strings()});
  }
  for (const HandleFacts& h : f.handles)
    ex.handles.push_back({h.handle.str(), optional_of(h.person)});
  for (const InteractionFacts& i : f.interactions) {
    ex.interactions.push_back({i.type.str(), i.from.str(), i.to.str()});
  }
  return ex;
}

}  // namespace quotegraph::graph
