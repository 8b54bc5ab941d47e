#include "exporters/json.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "exporters/text.hpp"

namespace quotegraph::exporters {
namespace {

using graph::NodeKind;
using Json = nlohmann::ordered_json;

void set_if(Json& j, const char* key, graph::Str value) {
  if (!value.empty()) j[key] = value.str();
}

Json node_json(const std::string& id, const graph::NodeProps& n) {
  Json j;
  j["id"] = id;
  j["kind"] = graph::to_string(n.kind);
  j["label"] = display_label(n);
  switch (n.kind) {
    case NodeKind::kPerson:
    case NodeKind::kOrganization:
      if (!n.aliases.empty()) j["aliases"] = n.aliases.strings();
      if (!n.roles.empty()) j["roles"] = n.roles.strings();
      break;
    case NodeKind::kHandle:
      break;
    case NodeKind::kStatement:
      j["text"] = n.text.str();
      set_if(j, "cue", n.cue);
      set_if(j, "speaker", n.speaker);
      set_if(j, "document", n.document);
      set_if(j, "date", n.date);
      j["confidence"] = n.confidence;
      break;
    case NodeKind::kDocument:
      set_if(j, "document", n.document);
      set_if(j, "title", n.title);
      set_if(j, "date", n.date);
      set_if(j, "url", n.url);
      set_if(j, "publisher", n.publisher);
      break;
  }
  return j;
}

}  // namespace

void write_json(const graph::Graph& g, std::ostream& out) {
  Json doc;
  doc["directed"] = true;
  // A statement may both mention and address the same person: two edges, one pair.
  doc["multigraph"] = true;
  doc["graph"] = Json::object();
  doc["nodes"] = Json::array();
  doc["links"] = Json::array();

  const std::vector<std::string> ids = graph::node_ids(g);
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    doc["nodes"].push_back(node_json(ids[*it], g[*it]));
  }
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e) {
      Json link;
      link["source"] = ids[boost::source(*e, g)];
      link["target"] = ids[boost::target(*e, g)];
      link["relation"] = graph::to_string(g[*e].relation);
      link["weight"] = g[*e].weight;
      if (!g[*e].first_date.empty()) {
        link["first_date"] = g[*e].first_date.str();
        link["last_date"] = g[*e].last_date.str();
      }
      doc["links"].push_back(std::move(link));
    }
  }
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace quotegraph::exporters
