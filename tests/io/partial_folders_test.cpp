#include "io/partial_folders.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using parcours::io::partial_folder_pid;
using parcours::io::PartialFolders;
using parcours::io::sweep_stale_partials;
using parcours::testing::TempDir;

// The pid of a process that has ended and been reaped.
pid_t dead_pid() {
  const pid_t child = fork();
  if (child == 0) _exit(0);
  int status = 0;
  waitpid(child, &status, 0);
  return child;
}

TEST(PartialFolders, NamesGiveThePidOfTheirProcess) {
  EXPECT_EQ(partial_folder_pid(".run.partial-1234-5"), 1234);
  EXPECT_EQ(partial_folder_pid(".my.run.old-77-1"), 77);
  EXPECT_EQ(partial_folder_pid("run.partial-1234-5"), 0);  // not hidden
  EXPECT_EQ(partial_folder_pid(".run.partial-12a-5"), 0);
  EXPECT_EQ(partial_folder_pid(".run.partial-1234"), 0);
  EXPECT_EQ(partial_folder_pid(".run.partial-1234-"), 0);
  EXPECT_EQ(partial_folder_pid(".run"), 0);
}

TEST(PartialFolders, SweepRemovesOnlyTheFoldersOfDeadProcesses) {
  const TempDir dir;
  const std::string dead = std::to_string(dead_pid());
  const std::string alive = std::to_string(::getpid());
  for (const std::string& name :
       {".run.partial-" + dead + "-1", ".run.old-" + dead + "-2", ".run.partial-" + alive + "-1",
        std::string("run"), std::string(".hidden"), std::string(".run.partial-x-1")}) {
    fs::create_directories(dir / name / "sub");
  }
  sweep_stale_partials(dir.path());
  EXPECT_FALSE(fs::exists(dir / (".run.partial-" + dead + "-1")));
  EXPECT_FALSE(fs::exists(dir / (".run.old-" + dead + "-2")));
  for (const std::string& name : {".run.partial-" + alive + "-1", std::string("run"),
                                  std::string(".hidden"), std::string(".run.partial-x-1")}) {
    EXPECT_TRUE(fs::exists(dir / name)) << name;
  }
}

TEST(PartialFolders, RemoveAllDeletesWhatIsStillRegistered) {
  const TempDir dir;
  PartialFolders partials;
  fs::create_directories(dir / "a" / "sub");
  fs::create_directories(dir / "b");
  partials.add(dir / "a");
  partials.add(dir / "b");
  partials.remove(dir / "b");
  partials.remove_all();
  EXPECT_FALSE(fs::exists(dir / "a"));
  EXPECT_TRUE(fs::exists(dir / "b"));
  EXPECT_TRUE(partials.closed_locked());
}

}  // namespace
