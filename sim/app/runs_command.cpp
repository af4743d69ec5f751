// parcours runs list | show ID | diff ID1 ID2: reading the run history.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "app/commands.hpp"
#include "app/run_history.hpp"
#include "io/input_error.hpp"
#include "io/run_registry.hpp"

namespace parcours::app {

namespace fs = std::filesystem;

namespace {

io::RunRegistry open_existing(const RegistryOptions& options) {
  RegistryOptions enabled = options;
  enabled.disabled = false;
  return io::RunRegistry::open_read_only(*registry_path(enabled));
}

std::string number(std::optional<double> v) { return v ? fmt::format("{:.6g}", *v) : "NA"; }

void print_line(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

int list(const io::RunRegistry& registry) {
  const std::vector<io::RunRecord> runs = registry.runs();
  print_line(fmt::format("{:>4}  {:<20}  {:<24}  {:>16}  {:>4}  {}\n", "id", "time (UTC)",
                         "scenario", "seed", "reps", "folder"));
  for (const io::RunRecord& r : runs) {
    print_line(fmt::format("{:>4}  {:<20}  {:<24}  {:>16}  {:>4}  {}\n", r.id, r.created_utc,
                           r.scenario, r.seed, r.replications, r.folder));
  }
  if (runs.empty()) print_line("(no runs recorded yet)\n");
  return 0;
}

void print_header(const io::RunRecord& r) {
  print_line(fmt::format("run {}: {}, seed {}, {} replication{}, parcours {}\n", r.id, r.scenario,
                         r.seed, r.replications, r.replications == 1 ? "" : "s", r.version));
  print_line(fmt::format("  time    {}\n  folder  {}\n", r.created_utc, r.folder));
}

int show(const io::RunRegistry& registry, std::int64_t id, const std::string& dimension) {
  const io::RunRecord r = registry.run(id);
  print_header(r);
  const io::ParameterRows parameters = registry.parameters(id);
  print_line(fmt::format("\nparameters ({}):\n", parameters.size()));
  for (const auto& [key, value] : parameters) print_line(fmt::format("  {} = {}\n", key, value));
  const auto indicators = registry.indicators(id, dimension);
  print_line(fmt::format("\nyearly indicators ({}): mean [95 % interval]\n",
                         dimension.empty() ? "every group" : "all clients"));
  for (const io::RecordedIndicator& i : indicators) {
    const std::string group = i.dimension == "all" ? "" : i.dimension + "=" + i.group + " ";
    print_line(fmt::format("  {}  {}{:<40} {:>14} [{}, {}]\n", i.fiscal_year, group, i.indicator,
                           number(i.mean), number(i.ci95_low), number(i.ci95_high)));
  }
  return 0;
}

int diff(const io::RunRegistry& registry, std::int64_t a, std::int64_t b,
         const std::string& dimension) {
  const io::RunRecord run_a = registry.run(a);
  const io::RunRecord run_b = registry.run(b);
  print_header(run_a);
  print_header(run_b);

  std::map<std::string, std::pair<std::string, std::string>> values;
  for (const auto& [k, v] : registry.parameters(a)) values[k].first = v;
  for (const auto& [k, v] : registry.parameters(b)) values[k].second = v;
  std::vector<std::string> differing;
  for (const auto& [k, v] : values) {
    if (v.first != v.second) differing.push_back(k);
  }
  print_line(fmt::format("\nparameters that differ ({}):\n", differing.size()));
  for (const std::string& k : differing) {
    const auto& [va, vb] = values[k];
    print_line(fmt::format("  {}\n    run {}: {}\n    run {}: {}\n", k, a,
                           va.empty() ? "(not set)" : va, b, vb.empty() ? "(not set)" : vb));
  }

  // Indicators side by side, in run A's order, then those only run B has.
  const auto rows_a = registry.indicators(a, dimension);
  const auto rows_b = registry.indicators(b, dimension);
  auto key_of = [](const io::RecordedIndicator& i) {
    return i.fiscal_year + "\t" + i.dimension + "\t" + i.group + "\t" + i.indicator;
  };
  std::map<std::string, const io::RecordedIndicator*> by_key_b;
  for (const auto& i : rows_b) by_key_b[key_of(i)] = &i;
  print_line(fmt::format("\nyearly indicators ({}): means over replications\n",
                         dimension.empty() ? "every group" : "all clients"));
  print_line(fmt::format("  {:<9}  {:<44} {:>14} {:>14} {:>14}\n", "year", "indicator",
                         "run " + std::to_string(a), "run " + std::to_string(b),
                         fmt::format("{} minus {}", b, a)));
  auto print_row = [](const io::RecordedIndicator& i, std::optional<double> va,
                      std::optional<double> vb) {
    const std::string name =
        (i.dimension == "all" ? "" : i.dimension + "=" + i.group + " ") + i.indicator;
    const std::optional<double> d = va && vb ? std::optional<double>(*vb - *va) : std::nullopt;
    print_line(fmt::format("  {:<9}  {:<44} {:>14} {:>14} {:>14}\n", i.fiscal_year, name,
                           number(va), number(vb), number(d)));
  };
  for (const auto& i : rows_a) {
    const auto it = by_key_b.find(key_of(i));
    print_row(i, i.mean, it == by_key_b.end() ? std::nullopt : it->second->mean);
    if (it != by_key_b.end()) by_key_b.erase(it);
  }
  for (const auto& i : rows_b) {
    if (by_key_b.contains(key_of(i))) print_row(i, std::nullopt, i.mean);
  }
  return 0;
}

}  // namespace

int runs_command(const RunsCommandOptions& options) {
  const io::RunRegistry registry = open_existing(options.registry);
  const std::string dimension = options.all_groups ? "" : "all";
  if (options.action == "list") return list(registry);
  if (options.action == "show") return show(registry, options.ids.at(0), dimension);
  if (options.action == "diff")
    return diff(registry, options.ids.at(0), options.ids.at(1), dimension);
  throw std::logic_error("unknown runs action " + options.action);
}

RegisteredCommand register_runs_command(CLI::App& app) {
  auto options = std::make_shared<RunsCommandOptions>();
  CLI::App* command = app.add_subcommand("runs", "The run history: list, show or diff runs");
  command->require_subcommand(1);
  add_registry_options(*command, options->registry);
  command->fallthrough();
  CLI::App* list = command->add_subcommand("list", "Every recorded run, oldest first");
  CLI::App* show =
      command->add_subcommand("show", "One run: settings, parameters, yearly indicators");
  show->add_option("id", options->ids, "Run id (from runs list)")->required()->expected(1);
  CLI::App* diff = command->add_subcommand(
      "diff", "Two runs: the parameters that differ, then indicators side by side");
  diff->add_option("ids", options->ids, "Two run ids")->required()->expected(2);
  for (CLI::App* sub : {show, diff}) {
    sub->add_flag("--all-groups", options->all_groups,
                  "Every group of every dimension, not only all clients");
  }
  list->callback([options] { options->action = "list"; });
  show->callback([options] { options->action = "show"; });
  diff->callback([options] { options->action = "diff"; });
  return {command, [options](const Execution&) { return runs_command(*options); }};
}

}  // namespace parcours::app
