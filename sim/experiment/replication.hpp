#pragma once
// One replication: a fresh sandbox and simulation, the scenario loaded into it, the model
// run to the horizon, and its indicator values kept in memory.

#include <cstdint>
#include <functional>
#include <vector>

#include "model/agreement_ledger.hpp"
#include "model/client_trace.hpp"
#include "model/indicators.hpp"
#include "policy/scenario.hpp"

namespace parcours::experiment {

struct RunSettings {
  policy::ScenarioSource source;
  std::vector<policy::Override> overrides;  // --seed arrives here as scenario.seed
  int replications = 1;
  /// Index of the first replication run: replications are numbered from it, so a later call
  /// can add replications to earlier ones with new random streams (sizing does).
  int first_replication = 0;
  int threads = 1;
  /// Changes to the parameters after the scenario is loaded, the same in every replication
  /// (sizing searches vary an organisation's places this way); none when empty.
  std::function<void(model::ModelParameters&)> adjust;
  /// Client journeys (trace.csv): follow these clients (arrival numbers) in every
  /// replication, or else `trace_sample` clients drawn per replication; neither: no trace.
  std::vector<std::uint64_t> trace_clients;
  int trace_sample = 0;
};

/// What names an agreement in the tables (rules S6, S7).
struct AgreementLabels {
  std::string id;
  std::string organisation;
  std::string service;
  std::string region;  // the organisation's, or "every_region"
  std::string funding_mode;
  std::string service_group;        // the catalogue's group of the service (rule S1)
  std::vector<std::string> levels;  // the service's intensity levels ("all" when none)
};

struct ReplicationResult {
  int replication = 0;
  std::vector<model::IndicatorValue> quarterly;
  std::vector<model::IndicatorValue> yearly;
  model::GroupLabels groups;                      // (dimension, label) of each value's group index
  std::vector<model::AgreementValue> agreements;  // per agreement, period and level (S6-S8)
  std::vector<AgreementLabels> agreement_labels;  // by agreement index
  std::uint64_t events = 0;                       // everything the kernel ran
  std::uint64_t model_events = 0;                 // events that change a client's situation
  std::uint64_t hook_calls = 0;                   // Lua decision hooks called
  std::size_t peak_clients = 0;                   // most clients in the system at once
  /// The value each uncertain parameter drew in this replication (policy/uncertain_parameters.hpp).
  std::vector<std::pair<std::string, double>> parameters;
  /// The followed clients' journeys, in time order (RunSettings::trace_clients); else empty.
  std::vector<model::TraceRow> trace;
};

/// The stream purpose of the draw of the clients a trace follows (entity 0): apart from the
/// clients' purposes (Draw << 16 | occurrence) and the uncertain parameters' (0xfffe0000).
inline constexpr std::uint32_t kTracePurpose = 0xfffd0000U;

/// The clients replication `index` follows: `settings.trace_clients`, else
/// `settings.trace_sample` distinct arrival numbers drawn uniformly among the clients expected
/// to arrive in the first reported year (or among all of a fixed count of arrivals), from their
/// own stream, so tracing changes no other draw.
std::vector<std::uint64_t> traced_clients(const RunSettings& settings,
                                          const model::ModelParameters& params, int index);

/// Called with the share of this replication's horizon simulated so far.
using ReplicationProgress = std::function<void(double fraction)>;

/// Runs replication `index` (0-based) of the scenario. Throws io::InputError on any
/// scenario problem, including errors raised by hooks during the run.
ReplicationResult run_replication(const RunSettings& settings, int index,
                                  const ReplicationProgress& progress = {});

}  // namespace parcours::experiment
