#include "experiment/sizing.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

#include "core/statistics.hpp"
#include "core/student_t.hpp"
#include "experiment/agreement_tables.hpp"
#include "io/input_error.hpp"

namespace parcours::experiment {

namespace {

std::string year_label(int year) { return std::to_string(year) + "-" + std::to_string(year + 1); }

bool matches(const AgreementLabels& a, const std::string& organisation,
             const std::string& service) {
  return a.organisation == organisation && a.service == service;
}

}  // namespace

std::vector<SizingRow> size_agreement(const std::vector<ReplicationResult>& results,
                                      const std::string& organisation, const std::string& service,
                                      int year) {
  // (level, indicator, funding mode) -> value per replication, in a fixed order.
  using Key = std::tuple<std::uint8_t, int, std::string>;
  std::map<Key, std::vector<double>> sums;
  std::vector<std::string> levels;
  bool any = false;
  for (std::size_t k = 0; k < results.size(); ++k) {
    const ReplicationResult& r = results[k];
    for (const model::AgreementValue& v : r.agreements) {
      const AgreementLabels& a = r.agreement_labels[v.agreement];
      if (!matches(a, organisation, service)) continue;
      any = true;
      if (levels.empty()) levels = a.levels;
      if (v.kind != model::PeriodKind::kAgreementYear || v.year != year) continue;
      // Services without levels have the one level "all": keep it once.
      if (v.level != model::kAllLevels && levels.size() == 1 && levels.front() == "all") continue;
      const auto add = [&](int indicator, const std::string& mode, double value) {
        std::vector<double>& slot = sums[{v.level, indicator, mode}];
        slot.resize(results.size(), 0.0);
        slot[k] += value;
      };
      if (v.indicator == "participants_started") add(0, "any", v.value);
      if (v.indicator == "hours_direct" || v.indicator == "hours_indirect") add(1, "any", v.value);
      if (v.indicator == "cost_fixed_price") add(2, "fixed_price", v.value);
      if (v.indicator == "cost_actual_costs") add(2, "actual_costs", v.value);
    }
  }
  if (!any) {
    throw io::InputError("--organisation/--service", "no agreement of organisation '" +
                                                         organisation + "' for service '" +
                                                         service + "' in the scenario");
  }
  if (sums.empty()) {
    throw io::InputError("--agreement-year", "no agreement of '" + organisation + "' for '" +
                                                 service + "' runs in agreement year " +
                                                 year_label(year) + " within the horizon");
  }
  static const char* kIndicators[] = {"participants", "hours", "cost"};
  std::vector<SizingRow> rows;
  for (const auto& [key, values] : sums) {
    const auto& [level, indicator, mode] = key;
    core::Tally tally;
    for (const double v : values) tally.add(v);
    rows.push_back({organisation, service, year_label(year),
                    level == model::kAllLevels ? "all" : levels[level], kIndicators[indicator],
                    mode, tally.mean(), quantile(values, 0.5), quantile(values, 0.9)});
  }
  // Levels in order with "all" last (kAllLevels sorts last already).
  return rows;
}

SlotSample slot_sample(const std::vector<ReplicationResult>& results,
                       const std::string& organisation, const std::string& service) {
  SlotSample sample;
  for (const ReplicationResult& r : results) {
    double asked = 0;
    double late = 0;
    for (const model::AgreementValue& v : r.agreements) {
      if (v.kind != model::PeriodKind::kFiscalYear || v.level != model::kAllLevels ||
          !matches(r.agreement_labels[v.agreement], organisation, service)) {
        continue;
      }
      if (v.indicator == "participants_started" || v.indicator == "turned_away" ||
          v.indicator == "waitlist_dropouts") {
        asked += v.value;
      }
      if (v.indicator == "turned_away" || v.indicator == "waitlist_dropouts" ||
          v.indicator == "waited_over_threshold") {
        late += v.value;
      }
    }
    sample.asked.push_back(asked);
    sample.late.push_back(late);
  }
  return sample;
}

SlotTrial summarise(const SlotSample& sample) {
  double asked = 0;
  double late = 0;
  core::Tally shares;  // one share per replication, for the interval
  for (std::size_t k = 0; k < sample.asked.size(); ++k) {
    asked += sample.asked[k];
    late += sample.late[k];
    shares.add(sample.asked[k] > 0 ? 1.0 - sample.late[k] / sample.asked[k] : 1.0);
  }
  SlotTrial t;
  t.clients = static_cast<std::uint64_t>(asked);
  t.served_within = asked > 0 ? 1.0 - late / asked : 1.0;
  t.replications = static_cast<int>(sample.asked.size());
  if (shares.count() >= 2) {
    const double n = static_cast<double>(shares.count());
    const double half = core::student_t_quantile(0.975, n - 1) * std::sqrt(shares.variance() / n);
    t.ci95_low = std::max(0.0, t.served_within - half);
    t.ci95_high = std::min(1.0, t.served_within + half);
  }
  return t;
}

SlotTrial served_within(const std::vector<ReplicationResult>& results,
                        const std::string& organisation, const std::string& service) {
  return summarise(slot_sample(results, organisation, service));
}

std::function<SlotTrial(int slots)> adaptive_slot_evaluation(SlotRunner run, double share,
                                                             int initial, int max) {
  initial = std::max(1, initial);
  max = std::max(initial, max);
  return [run = std::move(run), share, initial, max](int slots) {
    SlotSample sample = run(slots, 0, initial);
    SlotTrial t = summarise(sample);
    // NaN bounds (one replication) compare false: no interval, nothing to refine.
    while (t.ci95_low < share && share <= t.ci95_high && t.replications < max) {
      const int more = std::min(t.replications, max - t.replications);
      const SlotSample added = run(slots, t.replications, more);
      sample.asked.insert(sample.asked.end(), added.asked.begin(), added.asked.end());
      sample.late.insert(sample.late.end(), added.late.begin(), added.late.end());
      t = summarise(sample);
    }
    t.slots = slots;
    return t;
  };
}

SlotSearch find_slots(const std::function<SlotTrial(int slots)>& evaluate, double share,
                      int max_slots, int start) {
  SlotSearch search;
  auto trial = [&](int slots) {
    SlotTrial t = evaluate(slots);
    t.slots = slots;
    search.trials.push_back(t);
    return t.served_within >= share;
  };
  // Bracket the answer from `start` (halving while the target is met, doubling while it is
  // not), then bisect between the last miss and the first hit.
  int low = 0;  // known to miss (no places serve nobody)
  int high = std::clamp(start, 1, max_slots);
  if (trial(high)) {
    while (high > 1) {
      const int half = high / 2;
      if (!trial(half)) {
        low = half;
        break;
      }
      high = half;
    }
  } else {
    for (;;) {
      low = high;
      if (high >= max_slots) return search;
      high = std::min(max_slots, 2 * high);
      if (trial(high)) break;
    }
  }
  while (high - low > 1) {
    const int mid = low + (high - low) / 2;
    if (trial(mid)) {
      high = mid;
    } else {
      low = mid;
    }
  }
  search.slots = high;
  return search;
}

SlotInterval answer_interval(const std::function<SlotTrial(int slots)>& evaluate, double share,
                             int max_slots, SlotSearch& search) {
  SlotInterval out;
  if (search.slots < 0 || search.trials.empty() || std::isnan(search.trials.front().ci95_low)) {
    return out;
  }
  auto trial = [&](int slots) -> const SlotTrial& {
    for (const SlotTrial& t : search.trials) {
      if (t.slots == slots) return t;
    }
    SlotTrial t = evaluate(slots);
    t.slots = slots;
    search.trials.push_back(t);
    return search.trials.back();
  };
  // The fewest places at which `bound` of the share reaches the target, by bisection between
  // a count known to miss and one known to meet it.
  auto fewest = [&](auto bound, int low, int high) {
    while (high - low > 1) {
      const int mid = low + (high - low) / 2;
      if (bound(trial(mid)) >= share) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return high;
  };
  const auto upper = [](const SlotTrial& t) { return t.ci95_high; };
  const auto lower = [](const SlotTrial& t) { return t.ci95_low; };
  // The upper bound meets the target wherever the share does, so its answer is at or below.
  out.low = fewest(upper, 0, search.slots);
  // The lower bound: bracket upwards from the answer by doubling the step.
  int miss = search.slots - 1;
  int hit = search.slots;
  for (int step = 1; lower(trial(hit)) < share; step *= 2) {
    miss = hit;
    if (hit >= max_slots) return SlotInterval{out.low, -1};
    hit = std::min(max_slots, hit + step);
  }
  out.high = fewest(lower, miss, hit);
  return out;
}

}  // namespace parcours::experiment
