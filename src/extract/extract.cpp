#include "extract/extract.hpp"

#include <algorithm>
#include <string>

#include "extract/attribute.hpp"
#include "extract/handles.hpp"
#include "extract/quotes.hpp"
#include "extract/resolve.hpp"
#include "extract/scan.hpp"
#include "extract/tokenize.hpp"

namespace quotegraph {
namespace {

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

Mention mention_of(const TokenView& tv, const TokenMention& m) {
  const Token& a = tv.tok(m.first);
  const Token& b = tv.tok(m.last - 1);
  return Mention{Span{a.start, b.end}, std::string(tv.text().substr(a.start, b.end - a.start))};
}

}  // namespace

Extraction extract(const Document& doc, const Lexicon& lexicon) {
  Extraction ex;
  ex.doc = doc.id;
  ex.title = doc.title;
  ex.date = doc.date;
  ex.url = doc.url;
  ex.publisher = doc.publisher;

  std::vector<Token> toks = tokenize(doc.text);
  std::vector<Quote> quotes = detect_quotes(doc.text, toks);
  TokenView tv(doc.text, toks, lexicon);
  std::vector<Attribution> attrs = attribute(tv, quotes);
  Resolver resolver(tv);
  std::vector<HandleMatch> handles = find_handles(doc.text);
  std::vector<std::int32_t> handle_entity = resolver.link_handles(handles);

  // Each handle once, case-insensitively, by its lower-case name in a table (a document
  // may hold thousands): its first spelling, and the entity of its first linked spelling,
  // asked for every quote an @handle speaks or is addressed in. In first-seen order.
  struct DistinctHandle {
    std::size_t first = 0;     // in handles
    std::int32_t entity = -1;  // of the first spelling linked to one
  };
  StringMap<DistinctHandle> handle_named;
  std::vector<const DistinctHandle*> distinct_handles;
  for (std::size_t k = 0; k < handles.size(); ++k) {
    const auto [it, first] = handle_named.try_emplace(scan::lower_ascii(handles[k].name));
    if (first) {
      it->second.first = k;
      distinct_handles.push_back(&it->second);
    }
    if (it->second.entity < 0) it->second.entity = handle_entity[k];
  }
  auto entity_of_handle = [&](std::string_view name) -> std::int32_t {
    const auto it = handle_named.find(scan::lower_ascii(name));
    return it == handle_named.end() ? -1 : it->second.entity;
  };
  auto name_of = [&](std::int32_t e) -> std::optional<std::string> {
    if (e < 0) return std::nullopt;
    return resolver.entities()[static_cast<std::size_t>(e)].display();
  };

  // Speakers first (in text order, so pronouns see the speakers before them), then the
  // quotes that inherit a neighbour's speaker.
  std::vector<std::int32_t> speaker(quotes.size(), -1);
  std::vector<std::optional<Mention>> mention(quotes.size());
  std::vector<std::int32_t> addressee(quotes.size(), -1);
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    const Attribution& a = attrs[q];
    if (!a.keep || !a.speaker) continue;
    mention[q] = mention_of(tv, *a.speaker);
    std::string_view first_word = tv.word(a.speaker->first);
    if (!first_word.empty() && first_word.front() == '@') {
      speaker[q] = entity_of_handle(first_word.substr(1));
    } else {
      speaker[q] = resolver.resolve(*a.speaker);
    }
    if (a.addressee) {
      std::string_view w = tv.word(a.addressee->first);
      addressee[q] = !w.empty() && w.front() == '@' ? entity_of_handle(w.substr(1))
                                                    : resolver.resolve(*a.addressee);
    }
  }
  // Inheritance may run forwards or backwards along a chain: repeat until it settles (a
  // pass that changes nothing ends it: the passes after it would change nothing either).
  auto same = [](const std::optional<Mention>& a, const std::optional<Mention>& b) {
    return a.has_value() == b.has_value() && (!a || a->span == b->span);
  };
  for (std::size_t pass = 0; pass < quotes.size() && pass < 64; ++pass) {
    bool changed = false;
    for (std::size_t q = 0; q < quotes.size(); ++q) {
      const Attribution& a = attrs[q];
      if (!a.keep || a.inherits < 0) continue;
      auto from = static_cast<std::size_t>(a.inherits);
      if (speaker[q] == speaker[from] && same(mention[q], mention[from])) continue;
      speaker[q] = speaker[from];
      mention[q] = mention[from];
      changed = true;
    }
    if (!changed) break;
  }
  ex.statements.reserve(quotes.size());

  for (std::size_t q = 0; q < quotes.size(); ++q) {
    const Attribution& a = attrs[q];
    const Quote& qt = quotes[q];
    if (!a.keep) {
      Statement st;
      st.span = qt.span;
      st.text = doc.text.substr(qt.span.start, qt.span.size());
      st.rule = a.rule;
      ex.rejected.push_back(std::move(st));
      continue;
    }
    Statement st;
    st.span = qt.span;
    st.text = doc.text.substr(qt.span.start, qt.span.size());
    st.speaker = name_of(speaker[q]);
    st.speaker_mention = mention[q];
    st.cue = a.cue_text;
    st.confidence = a.confidence;
    st.rule = a.rule;
    if (a.speaker && a.cue >= 0) {
      auto c = static_cast<std::uint32_t>(a.cue);
      std::uint32_t lo = std::min(a.speaker->first, c);
      std::uint32_t hi = std::max(a.speaker->last, c + 1);
      st.evidence = std::string(doc.text.substr(toks[lo].start, toks[hi - 1].end - toks[lo].start));
    } else if (a.inherits >= 0) {
      st.evidence = "speaker of the quote at byte " +
                    std::to_string(quotes[static_cast<std::size_t>(a.inherits)].span.start);
    }
    // Handles and people named inside the statement.
    // Handles come in text order: start at the first one inside the quote.
    auto first_handle =
        std::lower_bound(handles.begin(), handles.end(), qt.span.start,
                         [](const HandleMatch& h, std::size_t v) { return h.span.start < v; });
    for (auto k = static_cast<std::size_t>(first_handle - handles.begin()); k < handles.size();
         ++k) {
      const HandleMatch& h = handles[k];
      if (h.span.start >= qt.span.end) break;
      if (h.span.end > qt.span.end) continue;
      add_unique(st.mentions, "@" + h.name);
      // "with you, @jeremycorbyn": a handle addressed in the second person.
      std::string_view before =
          std::string_view(doc.text).substr(qt.span.start, h.span.start - qt.span.start);
      while (!before.empty() && (before.back() == ' ' || before.back() == ','))
        before.remove_suffix(1);
      bool vocative =
          before.empty() ||
          scan::lower_ascii(before.substr(before.size() >= 3 ? before.size() - 3 : 0)) == "you";
      if (vocative && addressee[q] < 0 && handle_entity[k] >= 0) addressee[q] = handle_entity[k];
      if (vocative && addressee[q] < 0 && !st.addressee) st.addressee = "@" + h.name;
    }
    const auto& occ = resolver.occurrences();
    for (std::size_t k = resolver.occ_before(qt.open); k < occ.size() && occ[k].first < qt.close;
         ++k) {
      const NameOccurrence& o = occ[k];
      if (o.entity < 0 || toks[o.first].quote != static_cast<std::int32_t>(q)) continue;
      add_unique(st.mentions, resolver.entities()[static_cast<std::size_t>(o.entity)].display());
      resolver.entities()[static_cast<std::size_t>(o.entity)].notable = true;
    }
    if (addressee[q] >= 0) st.addressee = name_of(addressee[q]);
    if (a.reply && speaker[q] >= 0 && addressee[q] >= 0 && speaker[q] != addressee[q]) {
      Interaction in{"replied_to", *name_of(speaker[q]), *name_of(addressee[q])};
      if (std::find(ex.interactions.begin(), ex.interactions.end(), in) == ex.interactions.end())
        ex.interactions.push_back(std::move(in));
    }
    ex.statements.push_back(std::move(st));
  }

  // Handles: once each, first spelling kept, with the person of the first linked one.
  ex.handles.reserve(distinct_handles.size());
  for (const DistinctHandle* h : distinct_handles) {
    ex.handles.push_back(HandleLink{"@" + handles[h->first].name, name_of(h->entity)});
  }

  // The resolver ends here: people take its entities' lists rather than copies.
  std::vector<Entity*> people;
  for (Entity& e : resolver.entities()) {
    if (e.notable || !e.handles.empty()) people.push_back(&e);
  }
  std::stable_sort(people.begin(), people.end(),
                   [](const Entity* a, const Entity* b) { return a->first_tok < b->first_tok; });
  ex.people.reserve(people.size());
  for (Entity* e : people) {
    Person& p = ex.people.emplace_back();
    p.name = e->display();
    p.kind = e->kind;
    p.aliases = std::move(e->aliases);
    p.handles = std::move(e->handles);
    p.roles = std::move(e->roles);
  }
  return ex;
}

}  // namespace quotegraph
