#include "io/out_folder_check.hpp"

#include <cstdlib>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "io/input_error.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using parcours::io::check_out_folder;
using parcours::io::InputError;
using parcours::io::is_result_folder;
using parcours::io::ProtectedPath;
using parcours::io::resolve_out_folder;
using parcours::testing::TempDir;

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

// The message of the refusal, or "" if the folder is accepted.
std::string refusal(const fs::path& requested, const std::vector<ProtectedPath>& protect = {}) {
  try {
    check_out_folder(requested, resolve_out_folder(requested), protect);
    return "";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "--out");
    EXPECT_NE(e.message().find("nothing was deleted"), std::string::npos) << e.what();
    return e.message();
  }
}

TEST(OutFolderCheck, ResolvesDotDotAndLinks) {
  const TempDir dir;
  fs::create_directories(dir / "results" / "pilot");
  EXPECT_EQ(resolve_out_folder(dir / "results" / "pilot" / ".."), fs::canonical(dir / "results"));
  fs::create_directory_symlink(dir / "results", dir / "link");
  EXPECT_EQ(resolve_out_folder(dir / "link" / "new" / ""), fs::canonical(dir / "results") / "new");
}

TEST(OutFolderCheck, AResultIsOneWhoseManifestNamesTheProgram) {
  const TempDir dir;
  EXPECT_FALSE(is_result_folder(dir.path()));
  write_file(dir / "manifest.json", R"({"program": "other"})");
  EXPECT_FALSE(is_result_folder(dir.path()));
  write_file(dir / "manifest.json", R"(["program", "parcours"])");
  EXPECT_FALSE(is_result_folder(dir.path()));
  write_file(dir / "manifest.json", "{\"program\": \"parcours\"");  // cut short
  EXPECT_FALSE(is_result_folder(dir.path()));
  write_file(dir / "manifest.json", R"({"program": "parcours", "seed": 3})");
  EXPECT_TRUE(is_result_folder(dir.path()));
}

TEST(OutFolderCheck, NewEmptyAndEarlierResultFoldersAreAccepted) {
  const TempDir dir;
  EXPECT_EQ(refusal(dir / "new" / "run"), "");
  fs::create_directories(dir / "empty");
  EXPECT_EQ(refusal(dir / "empty"), "");
  fs::create_directories(dir / "earlier");
  write_file(dir / "earlier" / "manifest.json", R"({"program": "parcours"})");
  write_file(dir / "earlier" / "summary_yearly.csv", "x\n");
  EXPECT_EQ(refusal(dir / "earlier"), "");
}

TEST(OutFolderCheck, AnythingElseIsRefused) {
  const TempDir dir;
  fs::create_directories(dir / "notes");
  write_file(dir / "notes" / "thesis.tex", "months of work");
  EXPECT_NE(refusal(dir / "notes").find("not a parcours result"), std::string::npos);
  write_file(dir / "file", "x");
  EXPECT_NE(refusal(dir / "file").find("not a folder"), std::string::npos);
  EXPECT_NE(refusal("/").find("root"), std::string::npos);
  EXPECT_NE(refusal("/tmp/..").find("root"), std::string::npos);
}

TEST(OutFolderCheck, TheHomeFolderAndItsParentsAreRefused) {
  const TempDir dir;
  fs::create_directories(dir / "home" / "me");
  const char* old = std::getenv("HOME");
  const std::string saved = old != nullptr ? old : "";
  ::setenv("HOME", (dir / "home" / "me").c_str(), 1);
  const std::string as_home = refusal(dir / "home" / "me");
  const std::string as_parent = refusal(dir / "home");
  const std::string inside = refusal(dir / "home" / "me" / "results" / "run");
  ::setenv("HOME", saved.c_str(), 1);
  EXPECT_NE(as_home.find("home folder"), std::string::npos);
  EXPECT_NE(as_parent.find("home folder"), std::string::npos);
  EXPECT_EQ(inside, "");
}

TEST(OutFolderCheck, ProtectedPathsAndTheirParentsAreRefusedEvenIfTheyLookLikeResults) {
  const TempDir dir;
  fs::create_directories(dir / "study" / "scenarios");
  write_file(dir / "study" / "manifest.json", R"({"program": "parcours"})");
  write_file(dir / "study" / "scenarios" / "pilot.lua", "return {}");
  const std::vector<ProtectedPath> protect{{dir / "study" / "scenarios", "the scenario's folder"},
                                           {dir / "results" / "runs.sqlite", "the run history"}};
  EXPECT_NE(refusal(dir / "study" / "scenarios", protect).find("the scenario's folder"),
            std::string::npos);
  EXPECT_NE(refusal(dir / "study", protect).find("the scenario's folder"), std::string::npos);
  EXPECT_NE(refusal(dir / "study" / "scenarios" / "..", protect).find("the scenario's folder"),
            std::string::npos);
  EXPECT_NE(refusal(dir / "results", protect).find("the run history"), std::string::npos);
  EXPECT_NE(refusal(dir / "results" / "runs.sqlite", protect).find("the run history"),
            std::string::npos);
  EXPECT_EQ(refusal(dir / "study" / "scenarios" / "out", protect), "");
  EXPECT_EQ(refusal(dir / "results" / "pilot", protect), "");
}

}  // namespace
