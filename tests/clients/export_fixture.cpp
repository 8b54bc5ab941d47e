// Writes a small hand-made graph full of text the readers choke on (quotes,
// backslashes, newlines, markup, emoji, control characters, invalid UTF-8) as
// fixture.graphml, fixture.dot and fixture.json into the directory given, so the
// real-client tests exercise escaping whatever the extractor finds.
#include <fstream>
#include <iostream>
#include <string>

#include "exporters/dot.hpp"
#include "exporters/graphml.hpp"
#include "exporters/json.hpp"
#include "graph/graph.hpp"

namespace {

using namespace quotegraph;

Statement said(std::string text, std::string speaker, std::vector<std::string> mentions = {},
               std::optional<std::string> addressee = std::nullopt) {
  Statement s;
  s.text = std::move(text);
  s.span = {0, s.text.size()};
  s.speaker = std::move(speaker);
  s.cue = "said";
  s.mentions = std::move(mentions);
  s.addressee = std::move(addressee);
  s.confidence = 0.75;
  return s;
}

Extraction fixture() {
  Extraction ex;
  ex.doc = "fixture <&> \"one\"";
  ex.title = "Tabs\tand \\ backslashes";
  ex.date = "2024-02-29";
  ex.people = {
      {"Zoë \"Zed\" O'Brien", EntityKind::kPerson, {"O'Brien"}, {"@ZedOB"}, {"editor <at large>"}},
      {"node", EntityKind::kPerson, {}, {}, {}},
      {"Quill & Ink", EntityKind::kOrganization, {}, {}, {}},
  };
  ex.handles = {{"@ZedOB", "Zoë \"Zed\" O'Brien"}, {"@nobody_", std::nullopt}};
  ex.statements = {
      said("He said \"no\" \\ then\nleft <b>&amp;</b> \xF0\x9F\x8E\x89\x01"
           "end",
           "Zoë \"Zed\" O'Brien", {"@nobody_", "node"}),
      said("C:\\new\\table \\N \\G \\l and a lone \\", "node", {"@zedob"}, "Zoë \"Zed\" O'Brien"),
      said("bell\x07, vertical tab\x0b, bad byte \xFF, CR\r\nLF, U+FFFF \xEF\xBF\xBF.",
           "Quill & Ink"),
      said(std::string(300, 'x') + " \xE2\x80\x9Cmarks\xE2\x80\x9D \xE2\x80\x98too\xE2\x80\x99",
           "Quill & Ink"),
  };
  ex.interactions = {{"replied_to", "node", "Zoë \"Zed\" O'Brien"}};
  return ex;
}

template <typename Writer>
bool write(const std::string& path, Writer writer, const graph::Graph& g) {
  std::ofstream out(path, std::ios::binary);
  writer(g, out);
  out.close();
  if (!out) std::cerr << "cannot write " << path << "\n";
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: export_fixture DIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  graph::GraphBuilder builder;
  builder.add(fixture());
  const graph::Graph& g = builder.graph();
  auto graphml = [](const graph::Graph& graph, std::ostream& out) {
    exporters::write_graphml(graph, out);
  };
  const bool ok =
      write(dir + "/fixture.graphml", graphml, g) &&
      write(
          dir + "/fixture.dot",
          [](const graph::Graph& graph, std::ostream& out) { exporters::write_dot(graph, out); },
          g) &&
      write(
          dir + "/fixture.json",
          [](const graph::Graph& graph, std::ostream& out) { exporters::write_json(graph, out); },
          g) &&
      write(dir + "/fixture-people.graphml", graphml, graph::person_graph(g));
  return ok ? 0 : 1;
}
