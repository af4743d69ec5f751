#include "policy/parameter_schema.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "policy/schema_markdown.hpp"

namespace parcours::policy {
namespace {

TEST(ParameterSchema, DidYouMeanFindsCloseWordsOnly) {
  const std::vector<std::string_view> keys{"agents", "interview_hours", "conclusion_shares"};
  EXPECT_EQ(did_you_mean("agnets", keys), "agents");
  EXPECT_EQ(did_you_mean("interview_hour", keys), "interview_hours");
  EXPECT_FALSE(did_you_mean("budget", keys));
}

TEST(ParameterSchema, EveryKeyIsDocumentedAndUniqueWithinItsSection) {
  for (const SectionSpec& section : scenario_schema()) {
    std::set<std::string_view> seen;
    EXPECT_FALSE(section.doc.empty()) << section.name;
    for (const ParamSpec& p : section.params) {
      EXPECT_TRUE(seen.insert(p.key).second) << section.name << "." << p.key;
      EXPECT_FALSE(p.doc.empty()) << section.name << "." << p.key;
      // A default is a neutral value, never a number from the seeds: required keys have none.
      if (p.required) {
        EXPECT_TRUE(p.fallback.empty()) << section.name << "." << p.key;
      }
    }
  }
}

std::string read_doc(const std::string& name) {
  std::ifstream in(std::string(PARCOURS_SOURCE_DIR) + "/docs/" + name);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// docs/lua_api.md's keys by section are the schema's rows, as `parcours check --parameters
// --markdown` prints them: a row added, removed or changed without the doc fails here.
TEST(ParameterSchema, LuaApiDocListsTheSchemaAsItIs) {
  const std::string doc = read_doc("lua_api.md");
  const std::string begin = "<!-- parcours check --parameters --markdown -->\n";
  const std::string end = "<!-- /parameters -->";
  const std::size_t from = doc.find(begin);
  ASSERT_NE(from, std::string::npos) << "docs/lua_api.md lost its generated block";
  const std::size_t to = doc.find(end, from);
  ASSERT_NE(to, std::string::npos);
  EXPECT_EQ(doc.substr(from + begin.size(), to - from - begin.size()), schema_markdown())
      << "regenerate the block with: parcours check --parameters --markdown";
}

// docs/scenarios.md explains each key at length, in its own words, in the first table under
// the section's heading: that table lists exactly the schema's keys, each with its rule.
TEST(ParameterSchema, ScenariosDocExplainsEveryKeyWithItsRule) {
  std::istringstream doc(read_doc("scenarios.md"));
  std::map<std::string, std::map<std::string, std::string>> documented;  // section: key: rule
  std::string line;
  std::string section;
  int table = 0;  // 0: before the section's first table, 1: in it, 2: after it
  while (std::getline(doc, line)) {
    if (line.starts_with("### `")) {
      section = line.substr(5, line.find('`', 5) - 5);
      table = 0;
      documented[section];
    } else if (line.starts_with("#")) {
      section.clear();
    } else if (!section.empty() && table == 0 && line.starts_with("| Key |")) {
      table = 1;
    } else if (!section.empty() && table == 1 && !line.starts_with("|---")) {
      if (!line.starts_with("| `")) {
        table = 2;
        continue;
      }
      std::vector<std::string> cells;
      std::istringstream row(line.substr(1));
      std::string cell;
      while (std::getline(row, cell, '|')) cells.push_back(cell);
      ASSERT_GE(cells.size(), 6U) << line;
      const std::string key =
          cells[0].substr(cells[0].find('`') + 1, cells[0].rfind('`') - cells[0].find('`') - 1);
      documented[section][key] = cells[5];
    }
  }
  for (const SectionSpec& s : scenario_schema()) {
    const std::string name(s.name);
    ASSERT_TRUE(documented.contains(name)) << "docs/scenarios.md has no ### `" << name << "`";
    const auto& keys = documented[name];
    for (const ParamSpec& p : s.params) {
      const auto it = keys.find(std::string(p.key));
      if (it == keys.end()) {
        ADD_FAILURE() << name << "." << p.key << " is not in docs/scenarios.md's table";
        continue;
      }
      EXPECT_NE(it->second.find(std::string(p.rule)), std::string::npos)
          << name << "." << p.key << ": rule " << p.rule << ", the doc says" << it->second;
    }
    for (const auto& [key, rule] : keys) {
      EXPECT_NE(s.find(key), nullptr) << name << "." << key << " is in the doc, not the schema";
    }
  }
}

}  // namespace
}  // namespace parcours::policy
