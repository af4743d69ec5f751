#pragma once
// A result folder that appears under its final name only once it is complete. Files are
// written into a hidden sibling ".<name>.partial-<pid>-<n>"; commit() renames it into place,
// and an abandoned folder (error, exception) is removed by the destructor. So a folder with
// the final name is always either the previous complete result or the new complete one.
//
// Filesystem failures throw std::filesystem::filesystem_error (a std::runtime_error) naming
// the path involved.

#include <filesystem>
#include <string_view>

namespace parcours::io {

class ResultFolder {
 public:
  /// Creates the temporary folder next to `final_dir`, creating missing parent folders.
  [[nodiscard]] static ResultFolder open(const std::filesystem::path& final_dir);

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

  /// Moves the folder to final_path(). An existing folder there is first renamed aside and
  /// deleted only after the new one is in place; if the move fails it is put back. Refuses to
  /// replace something that is not a folder. Calling it twice is a std::logic_error. Files
  /// written through path() must be closed before.
  void commit();

 private:
  ResultFolder(std::filesystem::path final_dir, std::filesystem::path temp_dir);
  void discard() noexcept;

  std::filesystem::path final_dir_;
  std::filesystem::path temp_dir_;
  bool committed_ = false;
};

}  // namespace parcours::io
