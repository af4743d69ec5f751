// Result folders and the run history under careless or hostile use (issue 13): --out never
// replaces what is not a parcours result, an interrupted run leaves no partial folder, and
// the run history refuses devices and reports damage.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/cli.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace parcours {
namespace {

namespace fs = std::filesystem;
using testing::run_parcours;
using testing::slurp;

std::string scenario(const testing::TempDir& dir, const std::string& name = "s.lua") {
  std::ofstream(dir / name) << testing::kSmallScenario;
  return (dir / name).string();
}

std::vector<std::string> hidden_entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().front() == '.') out.push_back(e.path().filename().string());
  }
  return out;
}

TEST(OutputSafety, DotDotToTheHistoryFolderIsRefusedAndNothingIsDeleted) {
  const testing::TempDir dir;
  const std::string s = scenario(dir);
  const fs::path results = dir / "results";
  const std::string registry = " --registry " + (results / "runs.sqlite").string();
  ASSERT_EQ(
      run_parcours("run " + s + " -q --out " + (results / "pilot").string() + registry).exit_code,
      0);
  const auto r =
      run_parcours("run " + s + " -q --out " + (results / "pilot" / "..").string() + registry);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("nothing was deleted"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("the run history"), std::string::npos) << r.output;
  EXPECT_TRUE(fs::exists(results / "runs.sqlite"));
  EXPECT_TRUE(fs::exists(results / "pilot" / "summary_yearly.csv"));
  EXPECT_TRUE(hidden_entries(dir.path()).empty());
}

TEST(OutputSafety, TheScenariosOwnFolderIsRefused) {
  const testing::TempDir dir;
  const std::string s = scenario(dir);
  std::ofstream(dir / "data.csv") << "a,b\n1,2\n";
  for (const std::string& out : {dir.path().string(), (dir / "." / "").string()}) {
    const auto r = run_parcours("run " + s + " -q --no-registry --out " + out);
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("the scenario's folder"), std::string::npos) << r.output;
  }
  EXPECT_EQ(slurp(s), testing::kSmallScenario);
  EXPECT_EQ(slurp(dir / "data.csv"), "a,b\n1,2\n");
}

TEST(OutputSafety, EveryCommandRefusesAFolderThatIsNotAResult) {
  const testing::TempDir dir;
  const std::string s = scenario(dir, "a.lua");
  const fs::path notes = dir / "sub" / "notes";
  fs::create_directories(notes);
  std::ofstream(notes / "thesis.tex") << "months of work";
  const std::string out = " -q --out " + notes.string();
  for (const std::string& command :
       {"run " + s + " --no-registry", "compare " + s + " " + s + " -r 2",
        "sweep " + s + " --set evaluation.agents=2:3:1 -r 1",
        "calibrate " + s +
            " --param evaluation.agents --indicator parcours_started --target 10 --bounds 1:3",
        std::string("size --organisation \"OSE Capitale\" --service groupe_d")}) {
    const auto r = run_parcours(command + out);
    EXPECT_EQ(r.exit_code, 1) << command << "\n" << r.output;
    EXPECT_NE(r.output.find("not a parcours result"), std::string::npos) << command << r.output;
    EXPECT_EQ(slurp(notes / "thesis.tex"), "months of work") << command;
  }
}

TEST(OutputSafety, AnEarlierResultOfAnyCommandIsReplaced) {
  const testing::TempDir dir;
  const std::string s = scenario(dir, "a.lua");
  const fs::path out = dir / "out" / "cmp";
  const std::string command = "compare " + s + " " + s + " -r 2 -q --out " + out.string();
  ASSERT_EQ(run_parcours(command).exit_code, 0);
  EXPECT_NE(slurp(out / "manifest.json").find("\"program\": \"parcours\""), std::string::npos);
  const auto r = run_parcours(command);
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

// Starts `parcours run` on a long run and returns its pid once its partial folder exists.
pid_t start_long_run(const testing::TempDir& dir, const std::string& s) {
  const pid_t child = fork();
  if (child == 0) {
    const std::string binary = testing::parcours_binary();
    const std::string out = (dir / "out").string();
    execl(binary.c_str(), binary.c_str(), "run", s.c_str(), "-q", "-j", "1", "-r", "100000",
          "--no-registry", "--out", out.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 400 && hidden_entries(dir.path()).empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return child;
}

// The child's wait status, or -1 if it is still running after 30 s (then it is killed).
int wait_at_most_30s(pid_t child) {
  int status = 0;
  for (int i = 0; i < 600; ++i) {
    if (waitpid(child, &status, WNOHANG) == child) return status;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  kill(child, SIGKILL);
  waitpid(child, &status, 0);
  return -1;
}

TEST(OutputSafety, InterruptedRunsLeaveNoPartialFolder) {
  for (const int signal : {SIGINT, SIGTERM}) {
    const testing::TempDir dir;
    const std::string s = scenario(dir);
    const pid_t child = start_long_run(dir, s);
    ASSERT_EQ(hidden_entries(dir.path()).size(), 1U) << "no partial folder appeared";
    kill(child, signal);
    const int status = wait_at_most_30s(child);
    ASSERT_NE(status, -1) << "the run did not stop";
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == signal) << status;
    EXPECT_TRUE(hidden_entries(dir.path()).empty());
    EXPECT_FALSE(fs::exists(dir / "out"));
  }
}

TEST(OutputSafety, PartialFoldersOfKilledRunsAreSweptByTheNextRun) {
  const testing::TempDir dir;
  const std::string s = scenario(dir);
  const pid_t child = start_long_run(dir, s);
  ASSERT_EQ(hidden_entries(dir.path()).size(), 1U);
  kill(child, SIGKILL);
  ASSERT_NE(wait_at_most_30s(child), -1);
  ASSERT_EQ(hidden_entries(dir.path()).size(), 1U);  // SIGKILL cannot be caught
  const auto r = run_parcours("run " + s + " -q --no-registry --out " + (dir / "other").string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(hidden_entries(dir.path()).empty());
}

TEST(OutputSafety, TheRunHistoryMustBeARegularFile) {
  const testing::TempDir dir;
  const std::string s = scenario(dir);
  std::error_code ec;
  fs::remove("/dev/null-journal", ec);  // a leftover of an older version, if any
  auto r = run_parcours("run " + s + " -q --registry /dev/null --out " + (dir / "o").string());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("/dev/null: the run history must be a regular file"), std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(dir / "o"));
  r = run_parcours("runs list --registry /dev/null");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  r = run_parcours("runs list --registry " + dir.path().string());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_FALSE(fs::exists("/dev/null-journal"));
}

TEST(OutputSafety, ADamagedHistoryIsReportedBeforeTheRun) {
  const testing::TempDir dir;
  const std::string s = scenario(dir);
  const fs::path db = dir / "runs.sqlite";
  const std::string registry = " --registry " + db.string();
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(run_parcours("run " + s + " -q --out " + (dir / "a").string() + registry).exit_code,
              0);
  }
  // Garbage over every page after the first (the schema): the tables' pages are damaged.
  const auto size = fs::file_size(db);
  ASSERT_GT(size, 3 * 4096U);
  {
    std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096 * 2);
    const std::string garbage(4096, '\x5a');
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  const auto r = run_parcours("run " + s + " -q --out " + (dir / "b").string() + registry);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("the run history is damaged"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("--no-registry"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir / "b"));
  EXPECT_EQ(run_parcours("run " + s + " -q --no-registry --out " + (dir / "b").string() + registry)
                .exit_code,
            0);
}

TEST(OutputSafety, ReadingTheHistoryNeverWritesIt) {
  const testing::TempDir dir;
  const std::string s = scenario(dir);
  const fs::path db = dir / "runs.sqlite";
  const std::string registry = " --registry " + db.string();
  ASSERT_EQ(run_parcours("run " + s + " -q --out " + (dir / "a").string() + registry).exit_code, 0);
  const std::string before = slurp(db);
  fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
  auto r = run_parcours("runs list" + registry);
  const auto show = run_parcours("runs show 1" + registry);
  fs::permissions(dir.path(), fs::perms::owner_all);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find((dir / "a").string()), std::string::npos) << r.output;
  EXPECT_EQ(show.exit_code, 0) << show.output;
  EXPECT_EQ(slurp(db), before);
}

}  // namespace
}  // namespace parcours
