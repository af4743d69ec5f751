// The initial caseload as the scenario gives it (issue 12; sim/policy/caseload_builder.cpp):
// rows read into the model's initial clients, and each kind of bad row refused at its file and
// line.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "io/input_error.hpp"
#include "policy/scenario.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace parcours::policy {
namespace {

using model::InitialClient;
using parcours::testing::kSmallScenario;
using parcours::testing::replace;

// kSmallScenario with groupe_d delivered under agreement A1 (in force from the first day) and
// the club by the office, and a caseload read from caseload.csv.
std::string caseload_scenario() {
  std::string text = replace(
      kSmallScenario,
      "activity { name = \"groupe_d\", duration_weeks = { dist = \"uniform\", min = 8, max = 12 } "
      "}",
      "activity { name = \"groupe_d\", duration_weeks = 12, measure = 'SAE', hours_direct = 20, "
      "referral_weeks = 1, max_age = 64 }");
  // Groupe ME (rule M6) by Maintien: the retention service a caseload row may name.
  text = replace(text, "retention { share = 0.12, hours = 20, weeks = 16 }",
                 "activity { name = 'groupe_me', duration_weeks = 16, measure = 'SAE', "
                 "hours_direct = 15, referral_weeks = 1 }\n"
                 "retention { share = 0.12, hours = 20, weeks = 16, me_service = 'groupe_me' }");
  return text +
         "organisation { name = 'Entraide', non_profit = true, slots = { groupe_d = 20 } }\n"
         "organisation { name = 'Maintien', non_profit = true, slots = { groupe_me = 5 } }\n"
         "agreements { rows = csv 'agreements.csv', levels = csv 'levels.csv' }\n"
         "caseload { rows = csv 'caseload.csv' }\n";
}

const std::string kHeader = "id,state,activity,agreement,week,age,income_support\n";

LoadedScenario load_files(const parcours::testing::TempDir& dir, const std::string& rows) {
  std::ofstream(dir / "s.lua") << caseload_scenario();
  std::ofstream(dir / "agreements.csv")
      << "agreement,organisation,service,start,end,funding_mode,hourly_cost,overhead_share,"
         "ceiling\nA1,Entraide,groupe_d,2025-04-01,2026-06-30,fixed_price,65,0.15,0\n"
         "A2,Entraide,groupe_d,2025-07-01,2026-06-30,fixed_price,65,0.15,0\n"
         "M1,Maintien,groupe_me,2025-04-01,2026-06-30,fixed_price,65,0.15,0\n";
  std::ofstream(dir / "levels.csv") << "agreement,level,target_participants,price\n"
                                       "A1,all,10,1900\nA2,all,10,1900\nM1,all,10,1800\n";
  std::ofstream(dir / "caseload.csv") << kHeader << rows;
  LuaSandbox sandbox;
  return load_scenario(sandbox, scenario_from_file(dir / "s.lua"), {});
}

std::string error_of(const std::string& rows) {
  const parcours::testing::TempDir dir;
  try {
    load_files(dir, rows);
  } catch (const io::InputError& e) {
    return e.what();
  }
  return "";
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(CaseloadBuilder, RowsLandWhereTheySay) {
  const parcours::testing::TempDir dir;
  const LoadedScenario s = load_files(dir,
                                      "c1,waiting_interview,,,,52,ei\n"
                                      "c2,parcours,club,,2,30,afdr\n"
                                      "c3,participation,,A1,5,40,none\n"
                                      "c4,participation,groupe_d,A1,0.5,61,afdr\n");
  const std::vector<InitialClient>& c = s.params.caseload;
  ASSERT_EQ(c.size(), 4U);
  EXPECT_EQ(c[0].state, InitialClient::State::kWaitingInterview);
  EXPECT_EQ(c[0].profile.age, 52);
  EXPECT_EQ(c[0].profile.income_support, model::IncomeSupport::kEmploymentInsurance);
  EXPECT_EQ(c[1].state, InitialClient::State::kInActivity);
  EXPECT_EQ(c[1].activity, 0);  // club
  EXPECT_DOUBLE_EQ(c[1].days_done, 14);
  EXPECT_EQ(c[2].state, InitialClient::State::kInParticipation);
  EXPECT_EQ(c[2].agreement, 0);
  EXPECT_EQ(c[2].activity, 1);  // the agreement's service
  EXPECT_DOUBLE_EQ(c[2].days_done, 35);
  EXPECT_DOUBLE_EQ(c[3].days_done, 3.5);
}

TEST(CaseloadBuilder, ARetentionRowNamesItsAgreementAndWeek) {  // rules M2, M6
  const parcours::testing::TempDir dir;
  const LoadedScenario s = load_files(dir, "r1,retention,,M1,6,40,ei\n");
  ASSERT_EQ(s.params.caseload.size(), 1U);
  const InitialClient& c = s.params.caseload[0];
  EXPECT_EQ(c.state, InitialClient::State::kInRetention);
  EXPECT_EQ(c.agreement, 2);
  EXPECT_EQ(c.activity, 2);  // groupe_me, the agreement's service
  EXPECT_DOUBLE_EQ(c.days_done, 42);
}

TEST(CaseloadBuilder, EachKindOfBadRowIsRefusedAtItsLine) {
  const std::string good = "c1,waiting_interview,,,,52,ei\n";
  const std::pair<std::string, std::string> cases[] = {
      {"c1,parcours,club,,1,30,afdr\n", "client 'c1' is listed twice (first on line 2)"},
      {",waiting_interview,,,,30,afdr\n", "id: every client needs one"},
      {"c2,hospital,,,,30,afdr\n",
       "state: expected waiting_interview, parcours, participation or retention"},
      {"c2,retention,,,3,30,afdr\n", "a client in retention support names its agreement"},
      {"c2,retention,,M9,3,30,afdr\n", "agreement 'M9': not in the agreements rows"},
      {"c2,retention,,A1,3,30,afdr\n", "agreement 'A1' gives no retention support"},
      {"c2,retention,groupe_me,M1,3,30,afdr\n", "a client in retention support has a job"},
      {"c2,retention,,M1,-2,30,afdr\n", "is out of range [0, 520]"},
      {"c2,waiting_interview,club,,,30,afdr\n", "has no activity, agreement or week"},
      {"c2,parcours,,,1,30,afdr\n", "activity: a client in a Parcours is in one"},
      {"c2,parcours,yoga,,1,30,afdr\n", "activity 'yoga': no such activity"},
      {"c2,parcours,groupe_d,,1,30,afdr\n", "is delivered under agreements"},
      {"c2,parcours,club,A1,1,30,afdr\n", "give state participation"},
      {"c2,participation,,,1,30,afdr\n", "a participation names its agreement"},
      {"c2,participation,,B7,1,30,afdr\n", "agreement 'B7': not in the agreements rows"},
      {"c2,participation,club,A1,1,30,afdr\n", "agreement 'A1' is for 'groupe_d', not 'club'"},
      {"c2,participation,,A2,1,30,afdr\n", "not in force on the model's first day (2025-04-01)"},
      {"c2,parcours,club,,-1,30,afdr\n", "is out of range [0, 520]"},
      {"c2,parcours,club,,soon,30,afdr\n", "column 'week': expected a number"},
      {"c2,parcours,club,,1,30,welfare\n", "'welfare' is not a value of income_support"},
      {"c2,participation,,A1,1,70,afdr\n", "client 'c2' is not eligible for 'groupe_d'"},
  };
  for (const auto& [row, message] : cases) {
    const std::string e = error_of(good + row);
    EXPECT_TRUE(has(e, "caseload.csv:3:")) << row << e;
    EXPECT_TRUE(has(e, message)) << row << e;
  }
}

TEST(CaseloadBuilder, AnUnknownProfileColumnIsRefused) {
  const parcours::testing::TempDir dir;
  load_files(dir, "");  // writes the scenario's files
  std::ofstream(dir / "caseload.csv") << "id,state,agee\nc1,waiting_interview,30\n";
  LuaSandbox sandbox;
  try {
    load_scenario(sandbox, scenario_from_file(dir / "s.lua"), {});
    ADD_FAILURE() << "no error";
  } catch (const io::InputError& e) {
    EXPECT_TRUE(has(e.what(), "caseload.csv:2:")) << e.what();
    EXPECT_TRUE(has(e.what(), "unknown attribute 'agee'")) << e.what();
  }
}

TEST(CaseloadBuilder, TheShippedExampleStartsFromItsFourteenClients) {
  LuaSandbox sandbox;
  const LoadedScenario s =
      load_scenario(sandbox,
                    scenario_from_file(std::filesystem::path(PARCOURS_SOURCE_DIR) / "scenarios" /
                                       "caseload_start.lua"),
                    {});
  EXPECT_EQ(s.params.horizon.warmup_years, 0);
  int by_state[4] = {0, 0, 0, 0};
  for (const InitialClient& c : s.params.caseload) ++by_state[static_cast<int>(c.state)];
  EXPECT_EQ(by_state[0], 3);  // waiting for the interview
  EXPECT_EQ(by_state[1], 1);  // in a Parcours at an activity no agreement delivers
  EXPECT_EQ(by_state[2], 8);  // in an OSE participation under an agreement
  EXPECT_EQ(by_state[3], 2);  // employed, with retention support under an agreement
}

}  // namespace
}  // namespace parcours::policy
