#include "io/out_folder_check.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <system_error>

#include <nlohmann/json.hpp>

#include "io/input_error.hpp"

namespace parcours::io {

namespace fs = std::filesystem;

namespace {

// A manifest is a few kB; a bigger "manifest.json" is not ours and is not read whole.
constexpr std::uintmax_t kManifestMaxBytes = 1U << 20U;

// True if `inside` is `folder` or lies below it (both resolved, so a lexical test is enough).
bool is_within(const fs::path& inside, const fs::path& folder) {
  auto f = folder.begin();
  auto i = inside.begin();
  for (; f != folder.end(); ++f, ++i) {
    if (f->empty()) continue;  // a trailing separator
    if (i == inside.end() || *i != *f) return false;
  }
  return true;
}

[[noreturn]] void refuse(const fs::path& requested, const fs::path& target,
                         const std::string& why) {
  std::string where = requested.string();
  if (target != fs::path(requested)) where += " (" + target.string() + ")";
  throw InputError("--out",
                   where + ": " + why + "; nothing was deleted: choose another folder with --out");
}

}  // namespace

fs::path resolve_out_folder(const fs::path& requested) {
  std::error_code ec;
  fs::path absolute = fs::absolute(requested, ec);
  if (ec) absolute = requested;
  // weakly_canonical follows the links of the existing prefix and normalises the rest.
  fs::path resolved = fs::weakly_canonical(absolute, ec);
  if (ec) resolved = absolute.lexically_normal();
  if (!resolved.has_filename() && resolved.has_parent_path() &&
      resolved.parent_path() != resolved.root_path()) {
    resolved = resolved.parent_path();  // "results/run/" names "run", not ""
  }
  return resolved;
}

bool is_result_folder(const fs::path& dir) {
  const fs::path manifest = dir / "manifest.json";
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(manifest, ec))) return false;
  const std::uintmax_t size = fs::file_size(manifest, ec);
  if (ec || size > kManifestMaxBytes) return false;
  std::ifstream in(manifest, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return false;
  const auto program = json.find("program");
  return program != json.end() && program->is_string() &&
         program->get<std::string>() == kResultProgram;
}

void check_out_folder(const fs::path& requested, const fs::path& target,
                      const std::vector<ProtectedPath>& protected_paths) {
  if (target.empty() || target == target.root_path() || !target.has_filename()) {
    refuse(requested, target, "is the root folder");
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    const fs::path resolved_home = resolve_out_folder(home);
    if (is_within(resolved_home, target)) {
      refuse(requested, target, "is or contains the home folder");
    }
  }
  for (const ProtectedPath& p : protected_paths) {
    if (p.path.empty()) continue;
    if (is_within(resolve_out_folder(p.path), target)) {
      refuse(requested, target, "is or contains " + p.what + " (" + p.path.string() + ")");
    }
  }
  std::error_code ec;
  const fs::file_status status = fs::status(target, ec);
  if (!fs::exists(status)) return;
  if (!fs::is_directory(status)) refuse(requested, target, "exists and is not a folder");
  if (fs::is_empty(target, ec) && !ec) return;
  if (!is_result_folder(target)) {
    refuse(requested, target,
           "is a folder that is not a parcours result (no manifest.json with \"program\": "
           "\"parcours\")");
  }
}

}  // namespace parcours::io
