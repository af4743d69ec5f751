// Sizing an agreement (rules S6, S7, M8): quantiles over replications, the share served within
// a wait, and the places search.
#include "experiment/sizing.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "experiment/agreement_tables.hpp"
#include "io/input_error.hpp"

namespace parcours::experiment {
namespace {

// Replication k of an agreement of "ose" for "gd" with levels D1, D2, in agreement year 2026:
// participants started 10k + level, costs proportional.
ReplicationResult replication(int k) {
  ReplicationResult r;
  r.replication = k;
  r.agreement_labels = {
      {"A", "ose", "gd", "every_region", "fixed_price", "groupe_d", {"D1", "D2"}}};
  const auto add = [&](model::PeriodKind kind, int year, std::uint8_t level, std::string_view name,
                       double value) {
    r.agreements.push_back({0, kind, {}, year, level, name, value});
  };
  for (std::uint8_t level : {std::uint8_t{0}, std::uint8_t{1}, model::kAllLevels}) {
    const double n = level == model::kAllLevels ? 20.0 * k + 1 : 10.0 * k + level;
    add(model::PeriodKind::kAgreementYear, 2026, level, "participants_started", n);
    add(model::PeriodKind::kAgreementYear, 2026, level, "hours_direct", 30 * n);
    add(model::PeriodKind::kAgreementYear, 2026, level, "hours_indirect", 5 * n);
    add(model::PeriodKind::kAgreementYear, 2026, level, "cost_fixed_price", 2000 * n);
    add(model::PeriodKind::kAgreementYear, 2026, level, "cost_actual_costs", 1900 * n);
    add(model::PeriodKind::kAgreementYear, 2025, level, "participants_started", 1e6);  // other year
  }
  add(model::PeriodKind::kFiscalYear, 2026, model::kAllLevels, "participants_started", 90);
  add(model::PeriodKind::kFiscalYear, 2026, model::kAllLevels, "turned_away", 4);
  add(model::PeriodKind::kFiscalYear, 2026, model::kAllLevels, "waitlist_dropouts", 6);
  add(model::PeriodKind::kFiscalYear, 2026, model::kAllLevels, "waited_over_threshold", 10);
  return r;
}

TEST(Sizing, QuantilesOverReplicationsByLevelAndFundingMode) {  // rules S7, M8
  std::vector<ReplicationResult> results;
  for (int k = 1; k <= 11; ++k) results.push_back(replication(k));
  const auto rows = size_agreement(results, "ose", "gd", 2026);
  ASSERT_EQ(rows.size(), 3U * 4U);  // D1, D2, all x participants, hours, cost x 2 modes
  const auto find = [&](const std::string& level, const std::string& indicator,
                        const std::string& mode) {
    for (const SizingRow& r : rows) {
      if (r.level == level && r.indicator == indicator && r.funding_mode == mode) return r;
    }
    ADD_FAILURE() << level << " " << indicator << " " << mode;
    return SizingRow{};
  };
  // D2 participants over k = 1..11 are 11, 21, ..., 111: P50 = 61, P90 = 101 (type 7).
  EXPECT_DOUBLE_EQ(find("D2", "participants", "any").p50, 61);
  EXPECT_DOUBLE_EQ(find("D2", "participants", "any").p90, 101);
  EXPECT_DOUBLE_EQ(find("D2", "hours", "any").p90, 35 * 101);  // direct + indirect
  EXPECT_DOUBLE_EQ(find("all", "cost", "fixed_price").p50, 2000 * 121);
  EXPECT_DOUBLE_EQ(find("all", "cost", "actual_costs").p90, 1900 * 201);
  EXPECT_EQ(find("all", "cost", "fixed_price").agreement_year, "2026-2027");
  EXPECT_THROW(size_agreement(results, "ose", "club", 2026), io::InputError);
  EXPECT_THROW(size_agreement(results, "ose", "gd", 2030), io::InputError);
}

TEST(Sizing, ServedWithinCountsTheTurnedAwayAndTheLate) {  // rule S6
  const SlotTrial t = served_within({replication(1), replication(2)}, "ose", "gd");
  // Asked: 2 x (90 started + 4 turned away + 6 gone) = 200; late: 2 x (4 + 6 + 10) = 40.
  EXPECT_EQ(t.clients, 200U);
  EXPECT_DOUBLE_EQ(t.served_within, 0.8);
  // Both replications serve the same share: an interval of zero width around it.
  EXPECT_DOUBLE_EQ(t.ci95_low, 0.8);
  EXPECT_DOUBLE_EQ(t.ci95_high, 0.8);
  EXPECT_TRUE(std::isnan(served_within({replication(1)}, "ose", "gd").ci95_low));
}

TEST(Sizing, FindsTheFewestPlacesMeetingTheShare) {
  // A share that grows with places: min(1, slots / 250).
  int calls = 0;
  const auto evaluate = [&](int slots) {
    ++calls;
    return SlotTrial{slots, std::min(1.0, slots / 250.0), 1000};
  };
  for (const int start : {1, 40, 225, 226, 1000, 5000}) {
    calls = 0;
    const SlotSearch s = find_slots(evaluate, 0.9, 100000, start);
    EXPECT_EQ(s.slots, 225) << "from " << start;
    EXPECT_LE(calls, 30) << "from " << start;
    EXPECT_EQ(static_cast<int>(s.trials.size()), calls);
  }
  EXPECT_EQ(find_slots(evaluate, 0.9, 200, 10).slots, -1);  // out of reach
}

TEST(Sizing, TheAnswerHasAnIntervalFromTheReplicationsNoise) {
  // The share min(1, slots / 250) known to within 0.025 either way.
  int calls = 0;
  const auto evaluate = [&](int slots) {
    ++calls;
    const double share = std::min(1.0, slots / 250.0);
    return SlotTrial{slots, share, 1000, share - 0.025, share + 0.025};
  };
  SlotSearch s = find_slots(evaluate, 0.9, 100000, 400);
  ASSERT_EQ(s.slots, 225);
  calls = 0;
  const SlotInterval i = answer_interval(evaluate, 0.9, 100000, s);
  EXPECT_EQ(i.low, 219) << "the upper bound 219 / 250 + 0.025 reaches 0.9; 218 does not";
  EXPECT_EQ(i.high, 232) << "the lower bound 232 / 250 - 0.025 reaches 0.9; 231 does not";
  EXPECT_LE(calls, 20) << "trials already run are re-used";
  for (const SlotTrial& t : s.trials) EXPECT_EQ(t.served_within, std::min(1.0, t.slots / 250.0));
  // One replication: no interval.
  const auto single = [](int slots) {
    return SlotTrial{slots, std::min(1.0, slots / 250.0), 1000};
  };
  SlotSearch one = find_slots(single, 0.9, 100000, 400);
  EXPECT_EQ(answer_interval(single, 0.9, 100000, one).low, -1);
}

TEST(Sizing, MoreReplicationsOnlyWhereTheTargetIsInsideTheInterval) {
  // Replication k serves p(slots) + 0.02 or - 0.02 (odd, even k) of 1000 clients: the mean is
  // p with an even count, and the interval narrows as 1 / sqrt(replications).
  const auto p = [](int slots) { return slots / 1000.0; };
  std::vector<std::pair<int, int>> calls;  // (first, count)
  const SlotRunner run = [&](int slots, int first, int count) {
    calls.emplace_back(first, count);
    SlotSample sample;
    for (int k = first; k < first + count; ++k) {
      sample.asked.push_back(1000);
      sample.late.push_back(1000 * (1 - p(slots) - (k % 2 != 0 ? 0.02 : -0.02)));
    }
    return sample;
  };
  const auto evaluate = adaptive_slot_evaluation(run, 0.9, 4, 16);
  // Far from the target (0.5 and 0.95 against 0.9, with a half-width of 0.037 at 4): 4 only.
  for (const int slots : {500, 950}) {
    calls.clear();
    const SlotTrial t = evaluate(slots);
    EXPECT_EQ(t.replications, 4) << slots;
    EXPECT_EQ(calls, (std::vector<std::pair<int, int>>{{0, 4}})) << slots;
    EXPECT_EQ(t.slots, slots);
  }
  // 0.905: inside the interval at 4 (±0.037), 8 (±0.018) and 16 (±0.011) replications; each
  // call adds the next indices, and 16 is the most.
  calls.clear();
  const SlotTrial near = evaluate(905);
  EXPECT_EQ(calls, (std::vector<std::pair<int, int>>{{0, 4}, {4, 4}, {8, 8}}));
  EXPECT_EQ(near.replications, 16);
  EXPECT_EQ(near.clients, 16000U);
  EXPECT_NEAR(near.served_within, 0.905, 1e-12);
  EXPECT_LT(near.ci95_low, 0.9);
  EXPECT_LT(near.ci95_high - near.ci95_low, 0.025) << "narrower than at 4 replications";
  // 0.915: inside at 4 (low 0.878) and at 8 (t(7) 2.365 x 0.0214 / sqrt(8) = 0.0179, low
  // 0.897), cleared at 16 (low 0.904).
  calls.clear();
  EXPECT_EQ(evaluate(915).replications, 16);
  calls.clear();
  EXPECT_EQ(evaluate(930).replications, 8) << "low 0.912 at 8 replications";
  // No room to add (max = initial), or no interval (one replication): nothing added.
  calls.clear();
  EXPECT_EQ(adaptive_slot_evaluation(run, 0.9, 4, 4)(905).replications, 4);
  EXPECT_EQ(adaptive_slot_evaluation(run, 0.9, 1, 16)(905).replications, 1);
  EXPECT_EQ(calls.size(), 2U);
}

TEST(Sizing, ASampleSummarisesPerReplicationShares) {
  SlotSample sample{{1000, 1000, 2000}, {100, 120, 200}};  // shares 0.9, 0.88, 0.9
  const SlotTrial t = summarise(sample);
  EXPECT_EQ(t.replications, 3);
  EXPECT_EQ(t.clients, 4000U);
  EXPECT_DOUBLE_EQ(t.served_within, 1 - 420.0 / 4000) << "pooled over clients";
  // The interval's width from the replications' shares: sd 0.011547, t(2) = 4.3027.
  EXPECT_NEAR(t.ci95_high - t.ci95_low, 2 * 4.3027 * 0.011547 / std::sqrt(3.0), 1e-4);
}

}  // namespace
}  // namespace parcours::experiment
