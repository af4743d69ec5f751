// Client journeys (issue 15): a traced replication records every event, decision and outcome
// of the followed clients in time order, each client's last row its ending, and changes
// nothing else the replication produces.

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include "experiment/replication.hpp"
#include "experiment/results_writer.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace parcours::experiment {
namespace {

RunSettings small(int trace_sample, std::vector<std::uint64_t> clients = {}) {
  RunSettings s;
  s.source = policy::ScenarioSource{"s.lua", parcours::testing::kSmallScenario, {}, false};
  s.trace_sample = trace_sample;
  s.trace_clients = std::move(clients);
  return s;
}

std::map<std::uint64_t, std::vector<const model::TraceRow*>> by_client(const ReplicationResult& r) {
  std::map<std::uint64_t, std::vector<const model::TraceRow*>> journeys;
  for (const model::TraceRow& row : r.trace) journeys[row.client].push_back(&row);
  return journeys;
}

TEST(ClientTrace, FiveClientsEachFromArrivalToEndingInTimeOrder) {
  const ReplicationResult r = run_replication(small(5), 0);
  const auto journeys = by_client(r);
  ASSERT_EQ(journeys.size(), 5U);
  for (const auto& [client, rows] : journeys) {
    ASSERT_GE(rows.size(), 3U) << "client " << client;
    EXPECT_EQ(rows.front()->row, "event");
    EXPECT_EQ(rows.front()->what, "arrival");
    for (std::size_t i = 1; i < rows.size(); ++i) {
      EXPECT_LE(rows[i - 1]->time, rows[i]->time) << "client " << client << " row " << i;
      EXPECT_NE(rows[i - 1]->row, "ending") << "client " << client << ": a row after its ending";
    }
    EXPECT_EQ(rows.back()->row, "ending") << "client " << client;
    // Every client of this scenario is interviewed: the conclusion decision (rule E5) is
    // recorded with the letter the rule returned.
    bool concluded = false;
    for (const model::TraceRow* row : rows) {
      if (row->hook == "policy.conclusion") {
        concluded = true;
        EXPECT_EQ(row->returned.size(), 1U);
        EXPECT_NE(std::string("ABCD").find(row->returned), std::string::npos);
      }
    }
    const bool ended_before_interview =
        rows.back()->what == "in_system_at_horizon" && rows.back()->stage == "waiting_interview";
    EXPECT_TRUE(concluded || ended_before_interview) << "client " << client;
  }
}

TEST(ClientTrace, EveryModelEventOfAFollowedClientIsInItsJourney) {
  // The clients whose arrival is traced: each interview end, activity end and job found of
  // theirs counts once in the trace's outcome rows as in the tables' counts.
  const ReplicationResult r = run_replication(small(0, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), 0);
  const auto journeys = by_client(r);
  EXPECT_EQ(journeys.size(), 10U);
  int all_interview_ends = 0;
  for (const auto& [client, rows] : journeys) {
    int interview_ends = 0;
    int interviews_counted = 0;
    for (const model::TraceRow* row : rows) {
      interview_ends += row->row == "event" && row->what == "interview_end";
      interviews_counted += row->row == "outcome" && row->what == "interviews";
    }
    EXPECT_EQ(interview_ends, interviews_counted) << "client " << client;
    all_interview_ends += interview_ends;
  }
  EXPECT_GE(all_interview_ends, 10);
}

TEST(ClientTrace, GivenClientsOnlyAndNothingElseChanges) {
  const ReplicationResult plain = run_replication(small(0), 0);
  const ReplicationResult traced = run_replication(small(0, {40, 3}), 0);
  EXPECT_TRUE(plain.trace.empty());
  std::set<std::uint64_t> clients;
  for (const model::TraceRow& row : traced.trace) clients.insert(row.client);
  EXPECT_EQ(clients, (std::set<std::uint64_t>{3, 40}));
  ASSERT_EQ(plain.yearly.size(), traced.yearly.size());
  for (std::size_t i = 0; i < plain.yearly.size(); ++i) {
    const double a = plain.yearly[i].value;  // NaN: a mean over no client, in both
    const double b = traced.yearly[i].value;
    EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b))) << plain.yearly[i].indicator;
  }
  EXPECT_EQ(plain.events, traced.events);
}

TEST(ClientTrace, SampledClientsDifferByReplicationAndAreReproducible) {
  const RunSettings s = small(5);
  policy::LuaSandbox sandbox;
  const policy::LoadedScenario scenario = policy::load_scenario(sandbox, s.source, s.overrides);
  const auto first = traced_clients(s, scenario.params, 0);
  EXPECT_EQ(first.size(), 5U);
  EXPECT_EQ(first, traced_clients(s, scenario.params, 0));
  EXPECT_NE(first, traced_clients(s, scenario.params, 1));
  for (const std::uint64_t id : first) {
    EXPECT_GE(id, 1U);
    EXPECT_LE(id, 2000U) << "drawn among the first reported year's 2000 expected arrivals";
  }
}

TEST(ClientTrace, TraceCsvHoldsTheRows) {
  const std::vector<ReplicationResult> results{run_replication(small(2), 0)};
  const parcours::testing::TempDir dir;
  write_results(dir.path(), results, io::Manifest{});
  std::ifstream in(dir.path() / "trace.csv");
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "replication,client,time_days,date,row,what,stage,hook,returned,agreement,hours");
  std::size_t rows = 0;
  while (std::getline(in, line)) ++rows;
  EXPECT_EQ(rows, results[0].trace.size());
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "parameters.csv"));
}

}  // namespace
}  // namespace parcours::experiment
