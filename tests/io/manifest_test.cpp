#include "io/manifest.hpp"

#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace {

using parcours::io::Manifest;
using parcours::io::manifest_json;
using parcours::io::write_manifest;

Manifest example() {
  Manifest m;
  m.program = "parcours";
  m.version = "0.1.0";
  m.scenario_name = "baseline";
  m.scenario_files = {{"scenarios/baseline/scenario.lua", std::string(64, 'a')},
                      {"scenarios/baseline/rates.csv", std::string(64, 'b')}};
  m.seed = 18446744073709551615ULL;
  m.replications = 20;
  m.threads = 4;
  m.parameters = {{"zeta", 1}, {"alpha", {{"rate", 0.25}}}};
  m.wall_seconds = 1.5;
  m.events = 123456789;
  return m;
}

TEST(Manifest, ContainsEveryFieldInAStableOrder) {
  const std::string text = manifest_json(example());
  const auto json = nlohmann::ordered_json::parse(text);
  EXPECT_EQ(json["program"], "parcours");
  EXPECT_EQ(json["version"], "0.1.0");
  EXPECT_FALSE(json.contains("created_utc"));
  EXPECT_EQ(json["scenario"]["name"], "baseline");
  ASSERT_EQ(json["scenario"]["files"].size(), 2U);
  EXPECT_EQ(json["scenario"]["files"][0]["path"], "scenarios/baseline/scenario.lua");
  EXPECT_EQ(json["scenario"]["files"][1]["sha256"], std::string(64, 'b'));
  EXPECT_EQ(json["seed"].get<std::uint64_t>(), 18446744073709551615ULL);
  EXPECT_EQ(json["replications"], 20);
  EXPECT_EQ(json["threads"], 4);
  EXPECT_EQ(json["parameters"]["alpha"]["rate"], 0.25);
  EXPECT_EQ(json["wall_seconds"], 1.5);
  EXPECT_EQ(json["events"], 123456789);

  std::vector<std::string> keys;
  for (const auto& item : json.items()) keys.push_back(item.key());
  EXPECT_EQ(keys,
            (std::vector<std::string>{"program", "version", "scenario", "seed", "replications",
                                      "threads", "parameters", "wall_seconds", "events",
                                      "model_events", "hook_calls", "peak_memory_mib"}));
}

TEST(Manifest, PrettyPrintedWithTrailingNewline) {
  Manifest m = example();
  m.created_utc = "2025-04-01T12:00:00Z";
  const std::string text = manifest_json(m);
  EXPECT_EQ(text.rfind("{\n  \"program\": \"parcours\",\n  \"version\": \"0.1.0\",\n"
                       "  \"created_utc\": \"2025-04-01T12:00:00Z\",\n",
                       0),
            0U)
      << text;
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text, manifest_json(m));  // deterministic
}

TEST(Manifest, WritesTheFile) {
  const parcours::testing::TempDir dir;
  const auto path = dir / "manifest.json";
  write_manifest(example(), path);
  std::ifstream in(path, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  EXPECT_EQ(text, manifest_json(example()));
  EXPECT_THROW(write_manifest(example(), dir / "missing" / "manifest.json"),
               std::filesystem::filesystem_error);
}

}  // namespace
