#include "io/manifest.hpp"

#include <cerrno>
#include <fstream>
#include <system_error>

namespace parcours::io {

nlohmann::ordered_json manifest_to_json(const Manifest& manifest) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const auto& [path, sha256] : manifest.scenario_files) {
    nlohmann::ordered_json file;
    file["path"] = path;
    file["sha256"] = sha256;
    files.push_back(std::move(file));
  }

  nlohmann::ordered_json scenario;
  scenario["name"] = manifest.scenario_name;
  scenario["files"] = std::move(files);

  nlohmann::ordered_json json;
  json["program"] = manifest.program;
  json["version"] = manifest.version;
  if (!manifest.created_utc.empty()) json["created_utc"] = manifest.created_utc;
  json["scenario"] = std::move(scenario);
  json["seed"] = manifest.seed;
  json["replications"] = manifest.replications;
  json["threads"] = manifest.threads;
  // Round-tripping through text converts between the two json flavours exactly.
  json["parameters"] = nlohmann::ordered_json::parse(manifest.parameters.dump());
  if (!manifest.uncertain.empty()) {
    json["uncertain_parameters"] = nlohmann::ordered_json::parse(manifest.uncertain.dump());
  }
  json["wall_seconds"] = manifest.wall_seconds;
  json["events"] = manifest.events;
  json["model_events"] = manifest.model_events;
  json["hook_calls"] = manifest.hook_calls;
  json["peak_memory_mib"] = manifest.peak_memory_mib;
  return json;
}

std::string manifest_json(const Manifest& manifest) {
  return manifest_to_json(manifest).dump(2) + "\n";
}

void write_manifest(const Manifest& manifest, const std::filesystem::path& path) {
  const std::string text = manifest_json(manifest);
  errno = 0;  // so a stale value is not blamed if the stream fails without setting it
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (out) out.close();
  if (!out) {
    const int error = errno != 0 ? errno : EIO;
    throw std::filesystem::filesystem_error("cannot write the manifest", path,
                                            std::error_code(error, std::generic_category()));
  }
}

}  // namespace parcours::io
