#include "cli/parallel.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "extract/serialize.hpp"

namespace quotegraph::cli {
namespace {

std::vector<std::string> run(unsigned jobs,
                             const std::string& input = std::string(QG_SOURCE_DIR) + "/samples") {
  std::vector<std::string> out;
  const std::size_t failed = extract_in_order({input}, jobs, [&](Document&& doc, Extraction&& ex) {
    out.push_back(doc.id + " " + to_json(ex).dump());
  });
  EXPECT_EQ(failed, 0u);
  return out;
}

TEST(ExtractInOrder, ThreadsGiveTheSameResultsInInputOrder) {
  const std::vector<std::string> one = run(1);
  ASSERT_GT(one.size(), 10u);
  EXPECT_EQ(run(2), one);
  EXPECT_EQ(run(7), one);
  EXPECT_GE(default_jobs(), 1u);
}

TEST(ExtractInOrder, MoreDocumentsThanTheWindowHoldsStayInOrder) {
  // 64 documents a thread may wait: 1000 make the reader wait for the workers.
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "quotegraph-parallel-test.jsonl";
  {
    std::ofstream out(path);
    for (int i = 0; i < 1000; ++i) {
      nlohmann::json line = {
          {"id", "d" + std::to_string(i)},
          {"text", "Mayor Ann Lee" + std::to_string(i % 7) + " spoke.\n\n\"We will build " +
                       std::to_string(i) + " homes,\" Lee said."}};
      out << line.dump() << "\n";
    }
  }
  const std::vector<std::string> one = run(1, path.string());
  ASSERT_EQ(one.size(), 1000u);
  EXPECT_EQ(one.front().substr(0, 3), "d0 ");
  EXPECT_EQ(run(2, path.string()), one);
  EXPECT_EQ(run(3, path.string()), one);
  std::filesystem::remove(path);
}

TEST(ExtractInOrder, ASlowDocumentHoldsBackTheOnesAfterItInOrder) {
  // While a worker is on the long document, the reader extracts the short ones after it
  // until the window is full, then waits for the long one to be handed on first.
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "quotegraph-parallel-slow-test.jsonl";
  {
    std::ofstream out(path);
    std::string long_text;
    for (int i = 0; i < 3000; ++i) {
      long_text += "\"Item " + std::to_string(i) + " is done,\" Mayor Ann Lee said.\n\n";
    }
    for (int i = 0; i < 600; ++i) {
      const std::string text =
          i % 200 == 3 ? long_text : "\"Short " + std::to_string(i) + ",\" Lee said.";
      out << nlohmann::json{{"id", "d" + std::to_string(i)}, {"text", text}}.dump() << "\n";
    }
  }
  const std::vector<std::string> one = run(1, path.string());
  ASSERT_EQ(one.size(), 600u);
  EXPECT_EQ(run(2, path.string()), one);
  EXPECT_EQ(run(4, path.string()), one);
  std::filesystem::remove(path);
}

TEST(ExtractInOrder, DocumentsNotWantedAreHandedOnInTheirTurnUnextracted) {
  // Every third document is not wanted, in runs long enough to fill the window: they
  // arrive in input order with an empty extraction, the others extracted.
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "quotegraph-parallel-wanted-test.jsonl";
  {
    std::ofstream out(path);
    for (int i = 0; i < 500; ++i) {
      const std::string text = "\"Item " + std::to_string(i) + ",\" Mayor Ann Lee said.";
      out << nlohmann::json{{"id", "d" + std::to_string(i)}, {"text", text}}.dump() << "\n";
    }
  }
  const auto wanted = [](const Document& doc) { return std::stoi(doc.id.substr(1)) % 3 != 0; };
  for (const unsigned jobs : {1U, 2U, 4U}) {
    std::vector<std::string> ids;
    std::size_t asked = 0;
    const std::size_t failed = extract_in_order(
        {path.string()}, jobs,
        [&](Document&& doc, Extraction&& ex) {
          const bool want = std::stoi(doc.id.substr(1)) % 3 != 0;
          EXPECT_EQ(ex.doc, want ? doc.id : "") << doc.id << " at -j " << jobs;
          EXPECT_EQ(ex.statements.size(), want ? 1U : 0U) << doc.id << " at -j " << jobs;
          ids.push_back(doc.id);
        },
        [&](const Document& doc) {
          ++asked;
          return wanted(doc);
        });
    EXPECT_EQ(failed, 0U);
    EXPECT_EQ(asked, 500U);
    ASSERT_EQ(ids.size(), 500U) << "at -j " << jobs;
    for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], "d" + std::to_string(i));
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace quotegraph::cli
