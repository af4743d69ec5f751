#include "io/result_folder.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <mutex>
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

// Every result folder says it is one, so that a later --out may replace it.
void ensure_manifest(const fs::path& dir) {
  const fs::path manifest = dir / "manifest.json";
  if (fs::exists(manifest)) return;
  std::ofstream out(manifest, std::ios::binary);
  out << "{\n  \"program\": \"" << kResultProgram << "\"\n}\n";
  if (!out.flush()) {
    throw fs::filesystem_error("cannot write", manifest, std::make_error_code(std::errc::io_error));
  }
}

}  // namespace

ResultFolder ResultFolder::open(const fs::path& final_dir, ResultFolderOptions options) {
  const fs::path target = resolve_out_folder(final_dir);
  check_out_folder(final_dir, target, options.protected_paths);
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) {
    throw fs::filesystem_error("cannot create the parent of the result folder",
                               target.parent_path(), ec);
  }
  sweep_stale_partials(target.parent_path());
  // A name can only be taken already by a leftover of a crashed process that had our pid.
  for (;;) {
    fs::path temp = unique_sibling(target, "partial");
    if (fs::create_directory(temp, ec)) {
      if (options.partials != nullptr) options.partials->add(temp);
      return {final_dir, target, std::move(temp), std::move(options)};
    }
    if (ec) throw fs::filesystem_error("cannot create the result folder", temp, ec);
  }
}

ResultFolder::ResultFolder(fs::path requested, fs::path final_dir, fs::path temp_dir,
                           ResultFolderOptions options)
    : requested_(std::move(requested)),
      final_dir_(std::move(final_dir)),
      options_(std::move(options)),
      temp_dir_(std::move(temp_dir)) {}

ResultFolder::ResultFolder(ResultFolder&& other) noexcept
    : requested_(std::move(other.requested_)),
      final_dir_(std::move(other.final_dir_)),
      options_(std::move(other.options_)),
      temp_dir_(std::exchange(other.temp_dir_, fs::path())),
      committed_(other.committed_) {}

ResultFolder& ResultFolder::operator=(ResultFolder&& other) noexcept {
  if (this != &other) {
    discard();
    requested_ = std::move(other.requested_);
    final_dir_ = std::move(other.final_dir_);
    options_ = std::move(other.options_);
    temp_dir_ = std::exchange(other.temp_dir_, fs::path());
    committed_ = other.committed_;
  }
  return *this;
}

ResultFolder::~ResultFolder() { discard(); }

void ResultFolder::discard() noexcept {
  if (committed_ || temp_dir_.empty()) return;
  if (options_.partials != nullptr) options_.partials->remove(temp_dir_);
  std::error_code ec;
  fs::remove_all(temp_dir_, ec);  // best effort: a destructor cannot report failure
  temp_dir_.clear();
}

fs::path ResultFolder::file(std::string_view name) const { return temp_dir_ / name; }

void ResultFolder::commit() {
  if (committed_) throw std::logic_error("ResultFolder::commit called twice");
  if (temp_dir_.empty()) throw std::logic_error("ResultFolder::commit on a moved-from folder");

  ensure_manifest(temp_dir_);
  // An interrupt that arrives now waits until the folder is in place (or put back).
  std::unique_lock<std::mutex> hold;
  if (options_.partials != nullptr) {
    hold = options_.partials->lock();
    if (options_.partials->closed_locked()) {
      throw std::runtime_error("interrupted: the result folder was not written");
    }
  }
  check_out_folder(requested_, final_dir_, options_.protected_paths);
  std::error_code ec;
  fs::path old;
  if (fs::exists(fs::symlink_status(final_dir_, ec))) {
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
  if (options_.partials != nullptr) options_.partials->remove_locked(temp_dir_);
  if (hold.owns_lock()) hold.unlock();
  temp_dir_ = final_dir_;
  if (!old.empty()) fs::remove_all(old, ec);  // a leftover hidden ".old" folder is harmless
}

}  // namespace parcours::io
