#pragma once
// The rules for a result folder named by `--out` (docs/outputs.md#where-results-go): the name
// is resolved first (absolute, `..` and symbolic links followed), and an existing folder is
// replaced only if it is itself a parcours result (its manifest.json says "program":
// "parcours") or empty. Anything else is refused before anything is written or deleted: a
// file, a non-empty folder that is not a result, `/`, the home folder, and any folder that is
// or contains a protected path (the scenario's folder, the run history).

#include <filesystem>
#include <string>
#include <vector>

namespace parcours::io {

/// The value of manifest.json's "program" field in every folder parcours writes.
inline constexpr const char* kResultProgram = "parcours";

/// A path that `--out` may neither name nor contain, with what it is for the message
/// ("the scenario's folder", "the run history").
struct ProtectedPath {
  std::filesystem::path path;
  std::string what;
};

/// Where `requested` really points: absolute, with `.`, `..` and symbolic links resolved for
/// the part that exists (the missing tail is kept as written, normalised).
[[nodiscard]] std::filesystem::path resolve_out_folder(const std::filesystem::path& requested);

/// True if `dir` holds a manifest.json (a regular file under 1 MiB) whose JSON object has
/// "program": "parcours".
[[nodiscard]] bool is_result_folder(const std::filesystem::path& dir);

/// Throws InputError naming `requested` unless the resolved `target` may be created or
/// replaced under the rules above. Deletes nothing.
void check_out_folder(const std::filesystem::path& requested, const std::filesystem::path& target,
                      const std::vector<ProtectedPath>& protected_paths);

}  // namespace parcours::io
