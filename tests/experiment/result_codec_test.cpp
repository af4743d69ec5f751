#include "experiment/result_codec.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <tuple>

#include "support/scenarios.hpp"

namespace parcours::experiment {
namespace {

void expect_same(const std::vector<model::IndicatorValue>& a,
                 const std::vector<model::IndicatorValue>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].period, b[i].period);
    EXPECT_EQ(a[i].group, b[i].group);
    EXPECT_EQ(a[i].indicator, b[i].indicator);
    // Bit for bit, NaN included: what makes MPI outputs byte-identical.
    EXPECT_EQ(std::memcmp(&a[i].value, &b[i].value, sizeof(double)), 0) << a[i].indicator;
  }
}

TEST(ResultCodec, ARealReplicationSurvivesTheRoundTripBitForBit) {
  RunSettings s;
  s.source = policy::ScenarioSource{"s.lua", parcours::testing::kSmallScenario, {}, false};
  std::vector<ReplicationResult> results{run_replication(s, 0), run_replication(s, 1)};
  results[1].yearly.push_back(
      {core::FiscalQuarter{2030, 2}, 1, "made_up", std::numeric_limits<double>::quiet_NaN()});
  results[0].agreements.push_back(
      {3, model::PeriodKind::kAgreementYear, core::FiscalQuarter{2025, 2}, 2025, 1, "hours", 1.5});
  results[0].agreement_labels.push_back(
      {"A1", "ose_nord", "groupe_d", "every_region", "per_participant", "groupe_d", {"D1", "D2"}});
  std::string bytes;
  encode_results(results, bytes);
  const std::vector<ReplicationResult> back = decode_results(bytes);
  ASSERT_EQ(back.size(), 2U);
  for (std::size_t k = 0; k < 2; ++k) {
    EXPECT_EQ(back[k].replication, results[k].replication);
    expect_same(back[k].quarterly, results[k].quarterly);
    expect_same(back[k].yearly, results[k].yearly);
    EXPECT_EQ(back[k].groups, results[k].groups);
    ASSERT_EQ(back[k].agreements.size(), results[k].agreements.size());
    for (std::size_t i = 0; i < back[k].agreements.size(); ++i) {
      const model::AgreementValue& x = back[k].agreements[i];
      const model::AgreementValue& y = results[k].agreements[i];
      EXPECT_EQ(x.agreement, y.agreement);
      EXPECT_EQ(x.kind, y.kind);
      EXPECT_EQ(x.quarter, y.quarter);
      EXPECT_EQ(x.year, y.year);
      EXPECT_EQ(x.level, y.level);
      EXPECT_EQ(x.indicator, y.indicator);
      EXPECT_EQ(std::memcmp(&x.value, &y.value, sizeof(double)), 0);
    }
    ASSERT_EQ(back[k].agreement_labels.size(), results[k].agreement_labels.size());
    for (std::size_t i = 0; i < back[k].agreement_labels.size(); ++i) {
      const AgreementLabels& x = back[k].agreement_labels[i];
      const AgreementLabels& y = results[k].agreement_labels[i];
      EXPECT_EQ(std::tie(x.id, x.organisation, x.service, x.region, x.funding_mode, x.service_group,
                         x.levels),
                std::tie(y.id, y.organisation, y.service, y.region, y.funding_mode, y.service_group,
                         y.levels));
    }
    EXPECT_EQ(back[k].events, results[k].events);
    EXPECT_EQ(back[k].model_events, results[k].model_events);
    EXPECT_EQ(back[k].hook_calls, results[k].hook_calls);
    EXPECT_EQ(back[k].peak_clients, results[k].peak_clients);
  }
  EXPECT_GT(back[0].events, 0U);
  EXPECT_EQ(back[0].agreements.size(), 1U);
  EXPECT_THROW(decode_results(std::string_view(bytes).substr(0, bytes.size() / 2)),
               std::runtime_error);
}

}  // namespace
}  // namespace parcours::experiment
