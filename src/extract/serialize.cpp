#include "extract/serialize.hpp"

#include <nlohmann/json.hpp>

namespace quotegraph {
namespace {

template <typename T>
nlohmann::ordered_json opt(const std::optional<T>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

std::string kind_name(EntityKind k) {
  return k == EntityKind::kOrganization ? "organization" : "person";
}

}  // namespace

nlohmann::ordered_json to_json(const Extraction& ex, bool explain) {
  using J = nlohmann::ordered_json;
  J out;
  out["doc"] = ex.doc;
  J statements = J::array();
  for (const Statement& s : ex.statements) {
    J j;
    j["start"] = s.span.start;
    j["end"] = s.span.end;
    j["text"] = s.text;
    j["speaker"] = opt(s.speaker);
    if (s.speaker_mention) {
      j["speaker_mention"] = J{{"start", s.speaker_mention->span.start},
                               {"end", s.speaker_mention->span.end},
                               {"text", s.speaker_mention->text}};
    } else {
      j["speaker_mention"] = nullptr;
    }
    j["cue"] = s.cue.empty() ? J(nullptr) : J(s.cue);
    j["mentions"] = s.mentions;
    j["addressee"] = opt(s.addressee);
    j["confidence"] = s.confidence;
    if (explain) {
      j["rule"] = s.rule;
      j["evidence"] = s.evidence;
    }
    statements.push_back(std::move(j));
  }
  out["statements"] = std::move(statements);
  J people = J::array();
  for (const Person& p : ex.people) {
    people.push_back(J{{"name", p.name},
                       {"kind", kind_name(p.kind)},
                       {"aliases", p.aliases},
                       {"handles", p.handles},
                       {"roles", p.roles}});
  }
  out["people"] = std::move(people);
  J handles = J::array();
  for (const HandleLink& h : ex.handles) {
    handles.push_back(J{{"handle", h.handle}, {"person", opt(h.person)}});
  }
  out["handles"] = std::move(handles);
  J inter = J::array();
  for (const Interaction& i : ex.interactions) {
    inter.push_back(J{{"type", i.type}, {"from", i.from}, {"to", i.to}});
  }
  out["interactions"] = std::move(inter);
  if (explain) {
    J rejected = J::array();
    for (const Statement& s : ex.rejected) {
      rejected.push_back(
          J{{"start", s.span.start}, {"end", s.span.end}, {"text", s.text}, {"rule", s.rule}});
    }
    out["rejected"] = std::move(rejected);
  }
  if (!ex.title.empty()) out["title"] = ex.title;
  if (!ex.date.empty()) out["date"] = ex.date;
  if (!ex.url.empty()) out["url"] = ex.url;
  if (!ex.publisher.empty()) out["publisher"] = ex.publisher;
  return out;
}

Extraction extraction_from_json(const nlohmann::json& j) {
  Extraction ex;
  auto str = [](const nlohmann::json& o, const char* key) -> std::string {
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string{};
  };
  auto ostr = [](const nlohmann::json& o, const char* key) -> std::optional<std::string> {
    auto it = o.find(key);
    if (it == o.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  auto strings = [](const nlohmann::json& o, const char* key) {
    std::vector<std::string> v;
    auto it = o.find(key);
    if (it != o.end() && it->is_array()) {
      for (const auto& x : *it) {
        if (x.is_string()) v.push_back(x.get<std::string>());
      }
    }
    return v;
  };
  ex.doc = str(j, "doc");
  ex.title = str(j, "title");
  ex.date = str(j, "date");
  ex.url = str(j, "url");
  ex.publisher = str(j, "publisher");
  if (auto it = j.find("statements"); it != j.end() && it->is_array()) {
    for (const auto& s : *it) {
      Statement st;
      st.span = Span{s.value("start", std::size_t{0}), s.value("end", std::size_t{0})};
      st.text = str(s, "text");
      st.speaker = ostr(s, "speaker");
      if (auto m = s.find("speaker_mention"); m != s.end() && m->is_object()) {
        st.speaker_mention =
            Mention{Span{m->value("start", std::size_t{0}), m->value("end", std::size_t{0})},
                    str(*m, "text")};
      }
      st.cue = str(s, "cue");
      st.mentions = strings(s, "mentions");
      st.addressee = ostr(s, "addressee");
      st.confidence = s.value("confidence", 0.0);
      ex.statements.push_back(std::move(st));
    }
  }
  if (auto it = j.find("people"); it != j.end() && it->is_array()) {
    for (const auto& p : *it) {
      Person person;
      person.name = str(p, "name");
      person.kind =
          str(p, "kind") == "organization" ? EntityKind::kOrganization : EntityKind::kPerson;
      person.aliases = strings(p, "aliases");
      person.handles = strings(p, "handles");
      person.roles = strings(p, "roles");
      ex.people.push_back(std::move(person));
    }
  }
  if (auto it = j.find("handles"); it != j.end() && it->is_array()) {
    for (const auto& h : *it) ex.handles.push_back(HandleLink{str(h, "handle"), ostr(h, "person")});
  }
  if (auto it = j.find("interactions"); it != j.end() && it->is_array()) {
    for (const auto& i : *it) {
      ex.interactions.push_back(Interaction{str(i, "type"), str(i, "from"), str(i, "to")});
    }
  }
  return ex;
}

}  // namespace quotegraph
