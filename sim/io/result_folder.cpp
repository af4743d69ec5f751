#include "io/result_folder.hpp"

#include <unistd.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>

namespace parcours::io {

namespace fs = std::filesystem;

namespace {

// The pid keeps concurrent processes apart, the counter concurrent folders of one process.
fs::path unique_sibling(const fs::path& target, std::string_view kind) {
  static std::atomic<unsigned long> counter{0};
  // Built with += : GCC 12 at -O3 warns falsely (-Wrestrict) on a chain of operator+.
  std::string name = ".";
  name += target.filename().string();
  name += '.';
  name += kind;
  name += '-';
  name += std::to_string(::getpid());
  name += '-';
  name += std::to_string(++counter);
  return target.parent_path() / name;
}

// "results/run/" names the folder "run", not "".
fs::path normalise(const fs::path& dir) {
  fs::path out = dir.lexically_normal();
  if (!out.has_filename() && out.has_parent_path()) out = out.parent_path();
  return out;
}

}  // namespace

ResultFolder ResultFolder::open(const fs::path& final_dir) {
  const fs::path target = normalise(final_dir);
  if (target.empty() || !target.has_filename() || target.filename() == "." ||
      target.filename() == "..") {
    throw fs::filesystem_error("result folder needs a name", final_dir,
                               std::make_error_code(std::errc::invalid_argument));
  }
  std::error_code ec;
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path(), ec);
    if (ec) {
      throw fs::filesystem_error("cannot create the parent of the result folder",
                                 target.parent_path(), ec);
    }
  }
  // A name can only be taken already by a leftover of a crashed process that had our pid.
  for (;;) {
    fs::path temp = unique_sibling(target, "partial");
    if (fs::create_directory(temp, ec)) return {target, std::move(temp)};
    if (ec) throw fs::filesystem_error("cannot create the result folder", temp, ec);
  }
}

ResultFolder::ResultFolder(fs::path final_dir, fs::path temp_dir)
    : final_dir_(std::move(final_dir)), temp_dir_(std::move(temp_dir)) {}

ResultFolder::ResultFolder(ResultFolder&& other) noexcept
    : final_dir_(std::move(other.final_dir_)),
      temp_dir_(std::exchange(other.temp_dir_, fs::path())),
      committed_(other.committed_) {}

ResultFolder& ResultFolder::operator=(ResultFolder&& other) noexcept {
  if (this != &other) {
    discard();
    final_dir_ = std::move(other.final_dir_);
    temp_dir_ = std::exchange(other.temp_dir_, fs::path());
    committed_ = other.committed_;
  }
  return *this;
}

ResultFolder::~ResultFolder() { discard(); }

void ResultFolder::discard() noexcept {
  if (committed_ || temp_dir_.empty()) return;
  std::error_code ec;
  fs::remove_all(temp_dir_, ec);  // best effort: a destructor cannot report failure
  temp_dir_.clear();
}

fs::path ResultFolder::file(std::string_view name) const { return temp_dir_ / name; }

void ResultFolder::commit() {
  if (committed_) throw std::logic_error("ResultFolder::commit called twice");
  if (temp_dir_.empty()) throw std::logic_error("ResultFolder::commit on a moved-from folder");

  std::error_code ec;
  const fs::file_status status = fs::status(final_dir_, ec);  // a link to a folder is replaced
  fs::path old;
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) {
      throw fs::filesystem_error("cannot replace a file that is not a result folder", final_dir_,
                                 std::make_error_code(std::errc::not_a_directory));
    }
    old = unique_sibling(final_dir_, "old");
    fs::rename(final_dir_, old, ec);
    if (ec)
      throw fs::filesystem_error("cannot move the previous result folder aside", final_dir_, ec);
  }

  fs::rename(temp_dir_, final_dir_, ec);
  if (ec) {
    std::error_code restore_ec;
    if (!old.empty()) fs::rename(old, final_dir_, restore_ec);
    throw fs::filesystem_error("cannot move the result folder into place", temp_dir_, final_dir_,
                               ec);
  }
  committed_ = true;
  temp_dir_ = final_dir_;
  if (!old.empty()) fs::remove_all(old, ec);  // a leftover hidden ".old" folder is harmless
}

}  // namespace parcours::io
