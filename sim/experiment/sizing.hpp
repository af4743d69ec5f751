#pragma once
// Sizing an agreement for budget staff (rules S6, S7, M8): what an organisation's service
// delivers in an agreement year over replications — participants and hours by intensity
// level and dollars under both funding modes — as P50 and P90; and the inverse question, the
// fewest places that keep the wait for the service under a number of days for a share of
// clients.

#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "experiment/replication.hpp"

namespace parcours::experiment {

struct SizingRow {
  std::string organisation;
  std::string service;
  std::string agreement_year;  // "2026-2027": 1 July - 30 June
  std::string level;           // "D1" ... or "all"
  std::string indicator;       // participants, hours, cost
  std::string funding_mode;    // fixed_price or actual_costs for costs; "any" otherwise
  double mean = 0.0;
  double p50 = 0.0;
  double p90 = 0.0;
};

/// Sums, per replication, the agreement-year rows of every agreement of `organisation` for
/// `service` in agreement year `year` (its start year), then takes the quantiles over
/// replications. Throws io::InputError if no agreement matches.
std::vector<SizingRow> size_agreement(const std::vector<ReplicationResult>& results,
                                      const std::string& organisation, const std::string& service,
                                      int year);

/// One evaluation of the places search.
struct SlotTrial {
  int slots = 0;
  double served_within = 0.0;  // share of clients who got a place within the wait
  std::uint64_t clients = 0;   // clients who asked for a place, over all replications
  /// 95 % interval of the share, from its spread over replications (Student t); NaN with
  /// fewer than two replications.
  double ci95_low = std::numeric_limits<double>::quiet_NaN();
  double ci95_high = std::numeric_limits<double>::quiet_NaN();
  int replications = 0;  // replications behind the share
};

struct SlotSearch {
  int slots = -1;  // fewest places meeting the target; -1 if even `max_slots` does not
  std::vector<SlotTrial> trials;  // in the order they were run
};

/// Per replication, the clients asking `organisation` for `service` (started, turned away or
/// gone from the waitlist) and those of them not placed within the sizing threshold, over
/// every agreement year; kept per replication so that more replications can be added.
struct SlotSample {
  std::vector<double> asked;
  std::vector<double> late;
};
SlotSample slot_sample(const std::vector<ReplicationResult>& results,
                       const std::string& organisation, const std::string& service);

/// The share served within the wait over all the sample's replications, with its interval.
SlotTrial summarise(const SlotSample& sample);

/// Share of the clients asking `organisation` for `service` who got a place within the sizing
/// threshold: summarise(slot_sample(...)).
SlotTrial served_within(const std::vector<ReplicationResult>& results,
                        const std::string& organisation, const std::string& service);

/// Runs `count` replications from index `first` with `slots` places.
using SlotRunner = std::function<SlotSample(int slots, int first, int count)>;

/// The evaluation for the places search with more replications where they matter: each places
/// count gets `initial` replications, doubled while the target share lies inside the share's
/// 95 % interval (the noise cannot tell whether this count meets the target), up to `max`.
/// Counts far from the answer keep `initial`. Added replications take the next indices, so
/// every count's replication k has the same clients (common random numbers hold throughout).
std::function<SlotTrial(int slots)> adaptive_slot_evaluation(SlotRunner run, double share,
                                                             int initial, int max);

/// Bisection on the places of `organisation`'s `service` (a share that grows with them, on
/// common random numbers): `evaluate(slots)` runs the replications with that many places.
/// Starts from `start` places, halving or doubling to bracket the answer.
SlotSearch find_slots(const std::function<SlotTrial(int slots)>& evaluate, double share,
                      int max_slots, int start = 1);

/// The interval of the answer under simulation noise: `low` is the fewest places whose share's
/// 95 % upper bound reaches `share` (fewer places fall short even at the top of their
/// interval), `high` the fewest whose lower bound does (from there on the target is met
/// beyond reasonable doubt). Both are found by bisection below and above `search.slots`,
/// re-using the trials already run (common random numbers: the same clients at every count)
/// and appending new ones to `search.trials`. Unknown (-1) when the trials have no interval
/// (one replication) or the answer itself is unknown.
struct SlotInterval {
  int low = -1;
  int high = -1;
};
SlotInterval answer_interval(const std::function<SlotTrial(int slots)>& evaluate, double share,
                             int max_slots, SlotSearch& search);

}  // namespace parcours::experiment
