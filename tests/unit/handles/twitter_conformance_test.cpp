// Runs every mentions, mentions_with_indices, mentions_or_lists_with_indices and replies
// case of twitter-text's own conformance file, one test per case named after its
// description. Skips when ../shared is not there.
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "extract/handles.hpp"

namespace quotegraph {
namespace {

using json = nlohmann::json;

constexpr const char* kPath = QG_SHARED_DIR "/conformance/twitter-text/extract.json";

struct ConformanceCase {
  std::string group;  // empty when the file is absent
  std::string description;
  std::string text;
  json expected;
};

std::vector<ConformanceCase> load_cases() {
  std::vector<ConformanceCase> cases;
  std::ifstream in(kPath);
  const json doc = in ? json::parse(in, nullptr, false) : json();
  if (doc.is_object() && doc.contains("tests")) {
    for (const char* group :
         {"mentions", "mentions_with_indices", "mentions_or_lists_with_indices", "replies"}) {
      for (const json& c : doc["tests"].value(group, json::array())) {
        cases.push_back({group, c.at("description").get<std::string>(),
                         c.at("text").get<std::string>(), c.at("expected")});
      }
    }
  }
  // One placeholder keeps the suite instantiated, so that its absence shows as a skip.
  if (cases.empty()) cases.push_back({});
  return cases;
}

std::string test_name(const ::testing::TestParamInfo<ConformanceCase>& case_info) {
  if (case_info.param.group.empty()) return "FileAbsent";
  std::string name = case_info.param.group + "_" + std::to_string(case_info.index) + "_";
  for (const char c : case_info.param.description) {
    name += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '_';
  }
  return name;
}

json indices(std::string_view text, std::size_t start, std::size_t end) {
  return json::array({codepoint_index(text, start), codepoint_index(text, end)});
}

class TwitterText : public ::testing::TestWithParam<ConformanceCase> {};

TEST_P(TwitterText, Extract) {
  const ConformanceCase& c = GetParam();
  if (c.group.empty()) GTEST_SKIP() << kPath << " is absent";
  SCOPED_TRACE(c.description + ": " + c.text);
  const std::vector<HandleMatch> found = find_handles(c.text);
  json actual = json::array();
  if (c.group == "mentions") {
    for (const HandleMatch& h : found) {
      if (h.list.empty()) actual.push_back(h.name);
    }
  } else if (c.group == "mentions_with_indices") {
    for (const HandleMatch& h : found) {
      if (!h.list.empty()) continue;
      actual.push_back(
          {{"screen_name", h.name}, {"indices", indices(c.text, h.span.start, h.span.end)}});
    }
  } else if (c.group == "mentions_or_lists_with_indices") {
    // twitter-text's indices cover the list slug; HandleMatch::span stops after the name.
    for (const HandleMatch& h : found) {
      actual.push_back({{"screen_name", h.name},
                        {"list_slug", h.list},
                        {"indices", indices(c.text, h.span.start, h.span.end + h.list.size())}});
    }
  } else {
    const std::optional<std::string> reply = find_reply(c.text);
    actual = reply ? json(*reply) : json(nullptr);
  }
  EXPECT_EQ(actual, c.expected) << "actual " << actual.dump() << ", expected " << c.expected.dump();
}

INSTANTIATE_TEST_SUITE_P(Conformance, TwitterText, ::testing::ValuesIn(load_cases()), test_name);

}  // namespace
}  // namespace quotegraph
