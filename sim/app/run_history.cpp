#include "app/run_history.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>

#include "io/csv_reader.hpp"
#include "io/run_registry.hpp"

namespace parcours::app {

void add_registry_options(CLI::App& command, RegistryOptions& options) {
  command.add_option("--registry", options.path,
                     "Run history database (default: $PARCOURS_REGISTRY, else "
                     "results/runs.sqlite)");
}

namespace fs = std::filesystem;

namespace {

std::string utc_now_iso() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::optional<double> number_or_na(const io::CsvTable& t, std::size_t row, std::size_t column) {
  const std::string& text = t.text(row, column);
  if (text == "NA" || text.empty()) return std::nullopt;
  return t.number(row, column);
}

std::vector<io::RecordedIndicator> read_yearly_summary(const fs::path& path) {
  std::vector<io::RecordedIndicator> out;
  if (!fs::exists(path)) return out;
  const io::CsvTable t = io::read_csv_file(path);
  t.require_columns({"fiscal_year", "dimension", "group", "indicator", "replications", "mean", "sd",
                     "ci95_low", "ci95_high"});
  const std::size_t year = t.column("fiscal_year");
  const std::size_t dimension = t.column("dimension");
  const std::size_t group = t.column("group");
  const std::size_t indicator = t.column("indicator");
  const std::size_t replications = t.column("replications");
  for (std::size_t r = 0; r < t.size(); ++r) {
    out.push_back({t.text(r, year), t.text(r, dimension), t.text(r, group), t.text(r, indicator),
                   static_cast<int>(t.integer(r, replications)),
                   number_or_na(t, r, t.column("mean")), number_or_na(t, r, t.column("sd")),
                   number_or_na(t, r, t.column("ci95_low")),
                   number_or_na(t, r, t.column("ci95_high"))});
  }
  return out;
}

}  // namespace

std::optional<fs::path> registry_path(const RegistryOptions& options) {
  if (options.disabled) return std::nullopt;
  if (!options.path.empty()) return fs::path(options.path);
  if (const char* env = std::getenv("PARCOURS_REGISTRY"); env != nullptr && *env != '\0') {
    return fs::path(env);
  }
  return fs::path("results") / "runs.sqlite";
}

void check_run_history(const RegistryOptions& options) {
  const std::optional<fs::path> path = registry_path(options);
  std::error_code ec;
  if (!path || !fs::exists(fs::symlink_status(*path, ec))) return;
  io::RunRegistry::open_read_only(*path).check();
}

bool register_run(const RegistryOptions& options, const fs::path& folder,
                  const io::Manifest& manifest) {
  const std::optional<fs::path> path = registry_path(options);
  if (!path) return true;
  try {
    io::RunRecord run;
    run.created_utc = utc_now_iso();
    run.folder = fs::absolute(folder).lexically_normal().string();
    run.scenario = manifest.scenario_name;
    run.seed = manifest.seed;
    run.replications = manifest.replications;
    run.version = manifest.version;
    run.manifest = io::manifest_json(manifest);
    io::RunRegistry registry = io::RunRegistry::open(*path);
    registry.add(run, io::flatten_parameters(manifest.parameters),
                 read_yearly_summary(folder / "summary_yearly.csv"));
    return true;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "parcours: warning: the run was not recorded in the run history: %s\n",
                 e.what());
    return false;
  }
}

}  // namespace parcours::app
