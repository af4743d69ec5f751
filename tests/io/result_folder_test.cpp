#include "io/result_folder.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "io/input_error.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using parcours::io::ResultFolder;
using parcours::testing::TempDir;

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(ResultFolder, WritesIntoAHiddenSiblingUntilCommit) {
  const TempDir dir;
  const fs::path final_dir = dir / "run";
  ResultFolder folder = ResultFolder::open(final_dir);
  EXPECT_EQ(folder.final_path(), final_dir);
  EXPECT_EQ(folder.path().parent_path(), dir.path());
  EXPECT_EQ(folder.path().filename().string().rfind(".run.partial-", 0), 0U)
      << folder.path().filename();
  EXPECT_TRUE(fs::is_directory(folder.path()));
  EXPECT_FALSE(fs::exists(final_dir));
  EXPECT_EQ(folder.file("a.csv"), folder.path() / "a.csv");

  write_file(folder.file("a.csv"), "x\n1\n");
  folder.commit();
  EXPECT_TRUE(folder.committed());
  EXPECT_EQ(read_file(final_dir / "a.csv"), "x\n1\n");
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"run"});
  EXPECT_EQ(folder.path(), final_dir);
  EXPECT_THROW(folder.commit(), std::logic_error);
}

TEST(ResultFolder, DestructorWithoutCommitLeavesNothing) {
  const TempDir dir;
  {
    ResultFolder folder = ResultFolder::open(dir / "run");
    write_file(folder.file("partial.csv"), "half");
  }
  EXPECT_TRUE(entries(dir.path()).empty());
}

TEST(ResultFolder, ExceptionBeforeCommitLeavesNothing) {
  const TempDir dir;
  try {
    ResultFolder folder = ResultFolder::open(dir / "run");
    write_file(folder.file("partial.csv"), "half");
    throw std::runtime_error("model failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_TRUE(entries(dir.path()).empty());
}

// What every committed folder holds when the command wrote no manifest of its own.
const std::string kMinimalManifest = "{\n  \"program\": \"parcours\"\n}\n";

TEST(ResultFolder, CommitReplacesAnEarlierResult) {
  const TempDir dir;
  const fs::path final_dir = dir / "run";
  fs::create_directories(final_dir / "sub");
  write_file(final_dir / "manifest.json", R"({"program": "parcours", "seed": 1})");
  write_file(final_dir / "old.csv", "old");
  write_file(final_dir / "sub" / "deep.txt", "old");

  ResultFolder folder = ResultFolder::open(final_dir);
  write_file(folder.file("new.csv"), "new");
  EXPECT_EQ(read_file(final_dir / "old.csv"), "old");  // untouched until commit
  folder.commit();
  EXPECT_EQ(entries(final_dir), (std::vector<std::string>{"manifest.json", "new.csv"}));
  EXPECT_EQ(read_file(final_dir / "manifest.json"), kMinimalManifest);
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"run"});
}

TEST(ResultFolder, ACommandsOwnManifestIsKept) {
  const TempDir dir;
  ResultFolder folder = ResultFolder::open(dir / "run");
  write_file(folder.file("manifest.json"), R"({"program": "parcours", "seed": 7})");
  folder.commit();
  EXPECT_EQ(read_file(dir / "run" / "manifest.json"), R"({"program": "parcours", "seed": 7})");
}

TEST(ResultFolder, AbandonedFolderKeepsThePreviousResult) {
  const TempDir dir;
  const fs::path final_dir = dir / "run";
  fs::create_directories(final_dir);
  write_file(final_dir / "manifest.json", kMinimalManifest);
  write_file(final_dir / "old.csv", "old");
  { const ResultFolder folder = ResultFolder::open(final_dir); }
  EXPECT_EQ(entries(final_dir), (std::vector<std::string>{"manifest.json", "old.csv"}));
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"run"});
}

TEST(ResultFolder, CreatesParentsAndAcceptsATrailingSlash) {
  const TempDir dir;
  ResultFolder folder = ResultFolder::open(dir.path() / "a" / "b" / "run" / "");
  EXPECT_EQ(folder.final_path(), dir.path() / "a" / "b" / "run");
  folder.commit();
  EXPECT_TRUE(fs::is_directory(dir.path() / "a" / "b" / "run"));
}

TEST(ResultFolder, ConcurrentFoldersGetDistinctTemporaryNames) {
  const TempDir dir;
  const ResultFolder a = ResultFolder::open(dir / "run");
  const ResultFolder b = ResultFolder::open(dir / "run");
  EXPECT_NE(a.path(), b.path());
}

TEST(ResultFolder, MoveTransfersOwnership) {
  const TempDir dir;
  ResultFolder a = ResultFolder::open(dir / "run");
  const fs::path temp = a.path();
  ResultFolder b = std::move(a);
  EXPECT_EQ(b.path(), temp);
  EXPECT_TRUE(fs::is_directory(temp));

  ResultFolder c = ResultFolder::open(dir / "other");
  const fs::path other_temp = c.path();
  c = std::move(b);  // drops c's own temporary folder
  EXPECT_FALSE(fs::exists(other_temp));
  c.commit();
  EXPECT_TRUE(fs::is_directory(dir / "run"));
}

TEST(ResultFolder, ErrorsNameThePath) {
  const TempDir dir;
  write_file(dir / "file", "not a folder");
  try {
    static_cast<void>(ResultFolder::open(dir / "file" / "run"));
    FAIL() << "no exception";
  } catch (const fs::filesystem_error& e) {
    EXPECT_NE(std::string(e.what()).find((dir / "file").string()), std::string::npos) << e.what();
  }

  EXPECT_THROW(static_cast<void>(ResultFolder::open(dir / "file")), parcours::io::InputError);
  EXPECT_EQ(read_file(dir / "file"), "not a folder");
}

TEST(ResultFolder, CommitChecksAgainAFolderFilledDuringTheRun) {
  const TempDir dir;
  ResultFolder folder = ResultFolder::open(dir / "run");
  fs::create_directories(dir / "run");
  write_file(dir / "run" / "thesis.tex", "months of work");
  EXPECT_THROW(folder.commit(), parcours::io::InputError);
  EXPECT_EQ(read_file(dir / "run" / "thesis.tex"), "months of work");
}

TEST(ResultFolder, ResolvesDotDotAndLinksBeforeChecking) {
  const TempDir dir;
  fs::create_directories(dir / "results" / "pilot");
  write_file(dir / "results" / "runs.sqlite", "history");
  // results/pilot/.. is results/, which is not a result folder.
  EXPECT_THROW(static_cast<void>(ResultFolder::open(dir / "results" / "pilot" / "..")),
               parcours::io::InputError);
  // A link to a folder that is not a result is refused too; a link to a result replaces the
  // folder it points to, and the link stays.
  fs::create_directory_symlink(dir / "results", dir / "link");
  EXPECT_THROW(static_cast<void>(ResultFolder::open(dir / "link")), parcours::io::InputError);
  fs::create_directories(dir / "old_run");
  write_file(dir / "old_run" / "manifest.json", kMinimalManifest);
  fs::create_directory_symlink(dir / "old_run", dir / "latest");
  ResultFolder folder = ResultFolder::open(dir / "latest");
  EXPECT_EQ(folder.final_path(), fs::canonical(dir / "old_run"));
  write_file(folder.file("new.csv"), "new");
  folder.commit();
  EXPECT_TRUE(fs::is_symlink(dir / "latest"));
  EXPECT_EQ(read_file(dir / "latest" / "new.csv"), "new");
  EXPECT_EQ(read_file(dir / "results" / "runs.sqlite"), "history");
}

TEST(ResultFolder, RegistersItsTemporaryFolderUntilCommitted) {
  const TempDir dir;
  parcours::io::PartialFolders partials;
  ResultFolder a = ResultFolder::open(dir / "a", {{}, &partials});
  ResultFolder b = ResultFolder::open(dir / "b", {{}, &partials});
  a.commit();
  partials.remove_all();  // as an interrupt would
  EXPECT_TRUE(fs::is_directory(dir / "a"));
  EXPECT_FALSE(fs::exists(b.path()));
  EXPECT_THROW(b.commit(), std::runtime_error);
  EXPECT_FALSE(fs::exists(dir / "b"));
}

}  // namespace
