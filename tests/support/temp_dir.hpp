#pragma once
// A fresh folder under the system temporary directory for one test, removed afterwards.

#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace parcours::testing {

class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::string test = info != nullptr
                                 ? std::string(info->test_suite_name()) + "." + info->name()
                                 : std::string("test");
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("parcours-test-" + test + "-" + std::to_string(::getpid()) + "-" +
             std::to_string(++counter));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::filesystem::path operator/(const std::string& name) const {
    return path_ / name;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace parcours::testing
