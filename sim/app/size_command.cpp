// parcours size: for budget staff, what an organisation's service should be agreed for in an
// agreement year (participants and hours by intensity level, dollars under both funding
// modes, P50 and P90 over replications), and optionally the fewest places that keep the wait
// for it under a number of days for a share of clients (rules S6, S7, M8).

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <thread>

#include "app/commands.hpp"
#include "app/execution.hpp"
#include "app/experiment_options.hpp"
#include "app/progress_bar.hpp"
#include "app/scenario_options.hpp"
#include "core/calendar.hpp"
#include "experiment/replications.hpp"
#include "experiment/sizing.hpp"
#include "io/csv_writer.hpp"
#include "io/input_error.hpp"
#include "io/result_folder.hpp"
#include "policy/lua_sandbox.hpp"

namespace parcours::app {

namespace {

std::string fmt_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

int parse_year(const std::string& text) {
  // "2026-2027" or "2026": the agreement year starting on 1 July 2026.
  int year = 0;
  int next = 0;
  if (std::sscanf(text.c_str(), "%d-%d", &year, &next) == 2 && next == year + 1) return year;
  if (std::sscanf(text.c_str(), "%d", &year) == 1 && text.find('-') == std::string::npos) {
    return year;
  }
  throw io::InputError("--agreement-year",
                       "expected an agreement year like 2026-2027, got '" + text + "'");
}

// The first agreement year (1 July - 30 June) wholly inside the simulated horizon.
int first_full_year(const model::ModelParameters& p) {
  const core::Calendar calendar(p.horizon.start);
  int year = core::agreement_year_of(p.horizon.start);
  if (calendar.time_of(
          core::Date{std::chrono::year{year}, std::chrono::July, std::chrono::day{1}}) < 0) {
    ++year;
  }
  return year;
}

model::Organisation* organisation_named(model::ModelParameters& p, const std::string& name) {
  for (model::Organisation& o : p.agreements.organisations) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

}  // namespace

int size_command(const SizeOptions& options, const Execution& execution) {
  const bool search_places = !std::isnan(options.max_wait_days);
  if (search_places && !(options.max_wait_days > 0)) {
    // Zero days would ask for a place on the day of the referral, which the waitlist's daily
    // clock (rule S6) cannot tell from a day's wait; a negative wait means nothing.
    throw io::InputError("--max-wait-days", "expected a number of days above 0, got " +
                                                fmt_number(options.max_wait_days));
  }
  if (!(options.share > 0 && options.share <= 1)) {
    throw io::InputError(
        "--share", "expected a share above 0 and at most 1, got " + fmt_number(options.share));
  }
  experiment::RunSettings settings = settings_from(options.scenario);
  settings.replications = options.run.replications;
  const int cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  settings.threads =
      std::min(options.run.threads > 0 ? options.run.threads : cores, options.run.replications);

  policy::LuaSandbox sandbox;
  policy::LoadedScenario scenario =
      policy::load_scenario(sandbox, settings.source, settings.overrides);
  model::Organisation* organisation = organisation_named(scenario.params, options.organisation);
  if (organisation == nullptr) {
    std::vector<std::string_view> names;
    for (const auto& o : scenario.params.agreements.organisations) names.push_back(o.name);
    throw io::InputError("--organisation", "no organisation '" + options.organisation +
                                               "' in the scenario" +
                                               policy::suggestion(options.organisation, names));
  }
  const auto& activities = scenario.params.activities;
  const auto activity =
      std::find_if(activities.begin(), activities.end(),
                   [&](const model::ActivityParameters& a) { return a.name == options.service; });
  if (activity == activities.end() ||
      organisation->offer(static_cast<std::uint8_t>(activity - activities.begin())) == nullptr) {
    throw io::InputError("--service", "organisation '" + options.organisation +
                                          "' does not offer a service '" + options.service + "'");
  }
  const auto service = static_cast<std::uint8_t>(activity - activities.begin());
  const int year = options.agreement_year.empty() ? first_full_year(scenario.params)
                                                  : parse_year(options.agreement_year);
  const std::filesystem::path out =
      options.run.out.empty()
          ? "results/size_" + std::filesystem::path(settings.source.name).stem().string()
          : options.run.out;
  std::optional<io::ResultFolder> opened =
      open_result_folder(execution, out, protected_inputs({options.scenario.scenario}));
  if (!opened) return 0;
  io::ResultFolder& folder = *opened;
  const bool show = !options.run.quiet && ProgressBar::stderr_is_terminal();

  std::vector<experiment::ReplicationResult> results;
  {
    ProgressBar bar("parcours size " + options.organisation, show);
    results = experiment::run_replications(settings, [&bar](double f) { bar.update(f); });
  }
  const auto rows =
      experiment::size_agreement(results, options.organisation, options.service, year);
  {
    std::ofstream file(folder.path() / "sizing.csv", std::ios::binary);
    io::CsvWriter csv(file);
    csv.header({"organisation", "service", "agreement_year", "level", "indicator", "funding_mode",
                "replications", "mean", "p50", "p90"});
    for (const auto& r : rows) {
      csv.field(r.organisation).field(r.service).field(r.agreement_year).field(r.level);
      csv.field(r.indicator).field(r.funding_mode).field(options.run.replications);
      csv.field(r.mean).field(r.p50).field(r.p90);
      csv.end_row();
    }
  }
  std::printf("%s, %s, agreement year %d-%d, %d replications:\n", options.organisation.c_str(),
              options.service.c_str(), year, year + 1, options.run.replications);
  std::printf("  %-6s %-13s %-13s %14s %14s\n", "level", "indicator", "funding", "P50", "P90");
  bool levels = false;
  for (const auto& r : rows) {
    std::printf("  %-6s %-13s %-13s %14.1f %14.1f\n", r.level.c_str(), r.indicator.c_str(),
                r.funding_mode.c_str(), r.p50, r.p90);
    levels = levels || r.level != "all";
  }
  if (levels) {
    // Quantiles do not add up: each level's P90 is taken over replications on its own, and
    // the levels are not all at their high in the same replication.
    std::printf(
        "  (the levels' P90s add up to more than the P90 of \"all\": each is the 90th "
        "percentile of its own level over the replications; budget the total at the P90 of "
        "\"all\")\n");
  }

  if (search_places) {
    // The inverse question: the fewest places of this organisation's service that serve
    // `share` of the clients asking for it within the wait, on common random numbers.
    const int offer = static_cast<int>(organisation->offer(service) - organisation->offers.data());
    const std::string name = options.organisation;
    const int initial = options.run.replications;
    const int most =
        options.max_replications > 0 ? std::max(initial, options.max_replications) : 4 * initial;
    auto run = [&](int slots, int first, int count) {
      experiment::RunSettings trial = settings;
      trial.first_replication = first;
      trial.replications = count;
      trial.threads = std::min(settings.threads, count);
      const double wait = options.max_wait_days;
      trial.adjust = [name, offer, slots, wait](model::ModelParameters& p) {
        p.agreements.wait_threshold_days = wait;
        for (model::Organisation& o : p.agreements.organisations) {
          if (o.name == name) o.offers[static_cast<std::size_t>(offer)].slots = slots;
        }
      };
      const std::string label = first == 0 ? "places " + std::to_string(slots)
                                           : "places " + std::to_string(slots) + ", " +
                                                 std::to_string(first + count) + " replications";
      ProgressBar bar(label, show);
      const auto r = experiment::run_replications(trial, [&bar](double f) { bar.update(f); });
      return experiment::slot_sample(r, options.organisation, options.service);
    };
    const auto evaluate = experiment::adaptive_slot_evaluation(run, options.share, initial, most);
    auto search = experiment::find_slots(evaluate, options.share, options.max_slots,
                                         organisation->offer(service)->slots);
    const auto interval =
        experiment::answer_interval(evaluate, options.share, options.max_slots, search);
    std::ofstream file(folder.path() / "slots_search.csv", std::ios::binary);
    io::CsvWriter csv(file);
    csv.header({"organisation", "service", "max_wait_days", "target_share", "slots",
                "served_within", "clients", "meets_target", "ci95_low", "ci95_high",
                "replications"});
    for (const auto& t : search.trials) {
      csv.field(options.organisation).field(options.service).field(options.max_wait_days);
      csv.field(options.share).field(t.slots).field(t.served_within).field(t.clients);
      csv.field(t.served_within >= options.share ? "yes" : "no");
      csv.field(t.ci95_low).field(t.ci95_high).field(t.replications);
      csv.end_row();
    }
    if (search.slots < 0) {
      std::printf("  no number of places up to %d serves %.0f %% within %g days\n",
                  options.max_slots, 100 * options.share, options.max_wait_days);
    } else {
      std::printf("  fewest places serving %.0f %% within %g days: %d", 100 * options.share,
                  options.max_wait_days, search.slots);
      int refined = initial;
      for (const auto& t : search.trials) refined = std::max(refined, t.replications);
      const std::string noise = refined > initial
                                    ? std::to_string(initial) + " replications (" +
                                          std::to_string(refined) + " near the target)"
                                    : std::to_string(initial) + " replications";
      if (interval.low >= 0 && interval.high >= 0) {
        std::printf(" (between %d and %d places given the noise of %s)\n", interval.low,
                    interval.high, noise.c_str());
      } else if (interval.low >= 0) {
        std::printf(" (at least %d places given the noise of %s)\n", interval.low, noise.c_str());
      } else {
        std::printf(" (one replication: no interval; use -r 5 or more)\n");
      }
    }
  }
  folder.commit();
  if (!options.run.quiet) std::fprintf(stderr, "parcours: wrote %s\n", out.string().c_str());
  return 0;
}

RegisteredCommand register_size_command(CLI::App& app) {
  auto options = std::make_shared<SizeOptions>();
  CLI::App* command = app.add_subcommand(
      "size",
      "Size an organisation's agreement for a service: participants, hours by level and "
      "dollars (P50, P90), and the fewest places for a wait");
  add_scenario_options(*command, options->scenario);
  command->add_option("--organisation", options->organisation, "Organisation, as in the scenario")
      ->required();
  command->add_option("--service", options->service, "Service (activity name)")->required();
  command->add_option("--agreement-year", options->agreement_year,
                      "Agreement year, e.g. 2026-2027 (default: the first full one simulated)");
  command
      ->add_option("--max-wait-days", options->max_wait_days,
                   "Also find the fewest places serving --share of clients within this wait")
      ->check(CLI::Range(0.0, 3650.0));
  command->add_option("--share", options->share, "Share of clients served within the wait (0.9)")
      ->check(CLI::Range(0.0, 1.0));
  command->add_option("--max-slots", options->max_slots, "Largest number of places to try")
      ->check(CLI::Range(1, 10000000));
  command
      ->add_option("--max-replications", options->max_replications,
                   "Replications per places count where the target share is inside the "
                   "interval (default: 4 x -r)")
      ->check(CLI::Range(1, 100000));
  add_experiment_options(*command, options->run, "size_<scenario>");
  // Under MPI (issue 6) the sizing search runs on rank 0 alone, like calibrate.
  return {command, [options](const Execution& execution) {
            return execution.writes_outputs ? size_command(*options, execution) : 0;
          }};
}

}  // namespace parcours::app
