#pragma once
// A result folder that appears under its final name only once it is complete. Files are
// written into a hidden sibling ".<name>.partial-<pid>-<n>"; commit() renames it into place,
// and an abandoned folder (error, exception) is removed by the destructor. So a folder with
// the final name is always either the previous complete result or the new complete one.
//
// The final name is resolved first (`..` and symbolic links followed) and must pass the rules
// of out_folder_check.hpp: only an empty folder or an earlier parcours result is ever
// replaced; anything else is refused with InputError before anything is written. Every
// committed folder holds a manifest.json naming the program (a minimal one is written if the
// command wrote none), so the next run recognises it as replaceable.
//
// Filesystem failures throw std::filesystem::filesystem_error (a std::runtime_error) naming
// the path involved.

#include <filesystem>
#include <string_view>
#include <vector>

#include "io/out_folder_check.hpp"
#include "io/partial_folders.hpp"

namespace parcours::io {

struct ResultFolderOptions {
  /// Folders and files the result may neither replace nor contain.
  std::vector<ProtectedPath> protected_paths;
  /// Where the temporary folder is registered for removal on an interrupt; may be null.
  PartialFolders* partials = nullptr;
};

class ResultFolder {
 public:
  /// Checks the final name (InputError if refused), sweeps stale partial folders of dead
  /// processes next to it, and creates the temporary folder, creating missing parents.
  [[nodiscard]] static ResultFolder open(const std::filesystem::path& final_dir,
                                         ResultFolderOptions options = {});

  ResultFolder(ResultFolder&& other) noexcept;
  ResultFolder& operator=(ResultFolder&& other) noexcept;
  ResultFolder(const ResultFolder&) = delete;
  ResultFolder& operator=(const ResultFolder&) = delete;
  /// Removes the temporary folder and its contents unless commit() succeeded.
  ~ResultFolder();

  /// The temporary folder to write into; after commit(), the final folder.
  [[nodiscard]] const std::filesystem::path& path() const { return temp_dir_; }
  /// Where the folder will be after commit().
  [[nodiscard]] const std::filesystem::path& final_path() const { return final_dir_; }
  /// path() / name.
  [[nodiscard]] std::filesystem::path file(std::string_view name) const;
  [[nodiscard]] bool committed() const { return committed_; }

  /// Moves the folder to final_path(). The rules are checked again (the folder may have changed
  /// during the run). An existing folder there is first renamed aside and deleted only after
  /// the new one is in place; if the move fails it is put back. Calling it twice is a
  /// std::logic_error. Files written through path() must be closed before.
  void commit();

 private:
  ResultFolder(std::filesystem::path requested, std::filesystem::path final_dir,
               std::filesystem::path temp_dir, ResultFolderOptions options);
  void discard() noexcept;

  std::filesystem::path requested_;  // as the user wrote it, for messages
  std::filesystem::path final_dir_;  // resolved
  ResultFolderOptions options_;
  std::filesystem::path temp_dir_;
  bool committed_ = false;
};

}  // namespace parcours::io
