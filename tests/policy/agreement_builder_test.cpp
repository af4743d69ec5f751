// Organisations and agreements as the scenario gives them (rules S6, S7, M11;
// sim/policy/service_builder.cpp): read from CSV files next to the scenario or inline rows,
// and what the seeds forbid, refused at the CSV file's line.

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "io/input_error.hpp"
#include "policy/scenario.hpp"
#include "support/scenario_text.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace parcours::policy {
namespace {

using parcours::testing::contains;
using parcours::testing::kSmallScenario;
using parcours::testing::kSmallScenarioClub;
using parcours::testing::load_error;
using parcours::testing::load_text;
using parcours::testing::replace;

// ---------------------------------------------------------------------------------------
// Rules S6, S7, M11: organisations and agreements, from CSV files next to the scenario.

// kSmallScenario whose groupe_d (line 13) is an SAE service in two levels, offered by a
// non-profit (line 17) and a for-profit firm (line 18), under the agreements of line 19.
std::string agreements_scenario(
    const std::string& agreement_keys = "rows = csv 'agreements.csv', levels = csv 'levels.csv'") {
  const std::string text = replace(
      kSmallScenario,
      "activity { name = \"groupe_d\", duration_weeks = { dist = \"uniform\", min = 8, max = 12 } "
      "}",
      "activity { name = \"groupe_d\", duration_weeks = { dist = \"uniform\", min = 8, max = 12 "
      "}, measure = 'SAE', hours_direct = { dist = 'uniform', min = 10, max = 50 }, "
      "hours_indirect = 5, levels = { D1 = 30, D2 = 60 }, referral_weeks = 1 }");
  return text +
         "organisation { name = 'Entraide', non_profit = true, slots = { groupe_d = 20 } }\n"
         "organisation { name = 'Conseil inc', slots = { groupe_d = 10 } }\n"
         "agreements { " +
         agreement_keys + ", disability_overhead_limit = 10000 }\n";
}

const std::string kAgreementsHeader =
    "agreement,organisation,service,start,end,funding_mode,hourly_cost,overhead_share,ceiling\n";
const std::string kLevels =
    "agreement,level,target_participants,price\n"
    "A1,D1,10,1900\n"
    "A1,D2,20,2700\n";

// Writes the scenario and its two CSV files into `dir` and loads it from there.
LoadedScenario load_files(const parcours::testing::TempDir& dir, const std::string& agreements,
                          const std::string& levels = kLevels,
                          const std::string& text = agreements_scenario()) {
  std::ofstream(dir / "s.lua") << text;
  std::ofstream(dir / "agreements.csv") << kAgreementsHeader << agreements;
  std::ofstream(dir / "levels.csv") << levels;
  LuaSandbox sandbox;
  return load_scenario(sandbox, scenario_from_file(dir / "s.lua"), {});
}

std::string files_error(const std::string& agreements, const std::string& levels = kLevels,
                        const std::string& text = agreements_scenario()) {
  const parcours::testing::TempDir dir;
  try {
    load_files(dir, agreements, levels, text);
  } catch (const io::InputError& e) {
    return e.what();
  }
  return "";
}

std::string row(const std::string& organisation, const std::string& start, const std::string& end,
                const std::string& mode = "fixed_price", const std::string& service = "groupe_d",
                const std::string& id = "A1") {
  return id + "," + organisation + "," + service + "," + start + "," + end + "," + mode +
         ",65,0.15,0\n";
}

TEST(ServiceBuilder, OrganisationsAndAgreementsAreReadFromTheirFiles) {  // rules S6, S7, M11
  const parcours::testing::TempDir dir;
  const LoadedScenario s =
      load_files(dir,
                 row("Entraide", "2025-07-01", "2026-06-30") +
                     "A2,Conseil inc,groupe_d,2025-04-01,2025-06-30,actual_costs,70,0.12,"
                     "50000\n",
                 kLevels + "A2,D1,5,0\nA2,D2,5,0\n");
  const model::AgreementParameters& p = s.params.agreements;
  ASSERT_EQ(p.organisations.size(), 2U);
  EXPECT_EQ(p.organisations[0].name, "Entraide");
  EXPECT_TRUE(p.organisations[0].non_profit);
  EXPECT_FALSE(p.organisations[1].non_profit);
  EXPECT_EQ(p.organisations[0].region, -1);  // every region
  ASSERT_NE(p.organisations[0].offer(1), nullptr);
  EXPECT_EQ(p.organisations[0].offer(1)->slots, 20);
  EXPECT_EQ(p.organisations[0].offer(1)->waitlist, -1);  // no limit
  EXPECT_EQ(p.organisations[0].offer(0), nullptr);       // club is not offered (rule M11)
  EXPECT_DOUBLE_EQ(p.disability_overhead_limit, 10000);
  ASSERT_EQ(p.agreements.size(), 2U);
  const model::Agreement& a = p.agreements[0];
  EXPECT_EQ(a.id, "A1");
  EXPECT_EQ(a.organisation, 0);
  EXPECT_EQ(a.activity, 1);
  EXPECT_EQ(a.mode, model::FundingMode::kFixedPrice);
  EXPECT_EQ(a.first_agreement_year, 2025);
  EXPECT_EQ(a.agreement_years, 1);
  EXPECT_DOUBLE_EQ(a.start, 91);      // 2025-07-01, 91 days after 2025-04-01
  EXPECT_DOUBLE_EQ(a.end, 91 + 365);  // the day after 2026-06-30
  ASSERT_EQ(a.levels.size(), 2U);
  EXPECT_DOUBLE_EQ(a.levels[0].target, 10);
  EXPECT_DOUBLE_EQ(a.levels[1].price, 2700);
  EXPECT_DOUBLE_EQ(a.fixed_price_cost(1), 2700);
  const model::Agreement& b = p.agreements[1];
  EXPECT_EQ(b.mode, model::FundingMode::kActualCosts);
  EXPECT_EQ(b.organisation, 1);
  EXPECT_EQ(b.first_agreement_year, 2024);  // April-June: the agreement year of the July before
  EXPECT_DOUBLE_EQ(b.hourly_cost, 70);
  EXPECT_DOUBLE_EQ(b.overhead_share, 0.12);
  EXPECT_DOUBLE_EQ(b.ceiling, 50000);
  EXPECT_DOUBLE_EQ(b.disability_overhead_max, 10000);
  EXPECT_FALSE(b.active_at(a.start));
  EXPECT_TRUE(a.active_at(a.start));
  EXPECT_FALSE(a.active_at(a.end));
}

TEST(ServiceBuilder, AForProfitAgreementAcrossAgreementYearsIsRefusedAtItsCsvLine) {  // rule S6
  const std::string e = files_error(
      "A0,Entraide,groupe_d,2025-07-01,2026-06-30,fixed_price,65,"
      "0.15,0\n" +
      row("Conseil inc", "2025-07-01", "2027-06-30"));
  EXPECT_TRUE(contains(e, "agreements.csv:3:")) << e;
  EXPECT_TRUE(contains(e, "2025-07-01 to 2027-06-30")) << e;
  EXPECT_TRUE(contains(e, "only a non-profit")) << e;
  EXPECT_TRUE(contains(e, "rule S6")) << e;
}

TEST(ServiceBuilder, ANonProfitMayHoldAnAgreementOfUpToThreeYears) {  // rule S6
  {
    const parcours::testing::TempDir dir;
    const LoadedScenario s = load_files(dir, row("Entraide", "2025-07-01", "2027-06-30"));
    EXPECT_EQ(s.params.agreements.agreements[0].agreement_years, 2);
    EXPECT_EQ(s.params.agreements.agreements[0].first_agreement_year, 2025);
  }
  {
    const parcours::testing::TempDir dir;
    const LoadedScenario s = load_files(dir, row("Entraide", "2025-07-01", "2028-06-30"));
    EXPECT_EQ(s.params.agreements.agreements[0].agreement_years, 3);
  }
  const std::string e = files_error(row("Entraide", "2025-07-01", "2029-06-30"));
  EXPECT_TRUE(contains(e, "agreements.csv:2:")) << e;
  EXPECT_TRUE(contains(e, "at most three agreement years")) << e;
}

TEST(ServiceBuilder, AgreementYearsRunFromFirstJulyToThirtiethJune) {  // rule S6
  {
    const parcours::testing::TempDir dir;
    const LoadedScenario s = load_files(dir, row("Conseil inc", "2025-07-01", "2026-06-30"));
    EXPECT_EQ(s.params.agreements.agreements[0].agreement_years, 1);
  }
  {
    const parcours::testing::TempDir dir;
    const LoadedScenario s = load_files(dir, row("Entraide", "2025-07-01", "2026-07-01"));
    EXPECT_EQ(s.params.agreements.agreements[0].agreement_years, 2);
  }
  {  // 30 June and 1 July of the same year are in two agreement years.
    const parcours::testing::TempDir dir;
    const LoadedScenario s = load_files(dir, row("Entraide", "2025-06-30", "2025-07-01"));
    EXPECT_EQ(s.params.agreements.agreements[0].first_agreement_year, 2024);
    EXPECT_EQ(s.params.agreements.agreements[0].agreement_years, 2);
  }
  std::string e = files_error(row("Conseil inc", "2025-07-01", "2026-07-01"));
  EXPECT_TRUE(contains(e, "agreements.csv:2:")) << e;
  EXPECT_TRUE(contains(e, "only a non-profit")) << e;
  e = files_error(row("Entraide", "2025-07-01", "2025-06-30"));
  EXPECT_TRUE(contains(e, "agreements.csv:2:")) << e;
  EXPECT_TRUE(contains(e, "end is before start")) << e;
  e = files_error(row("Entraide", "2025-07-01", "2026-02-30"));
  EXPECT_TRUE(contains(e, "agreements.csv:2:")) << e;
  EXPECT_TRUE(contains(e, "column 'end': expected a date")) << e;
}

TEST(ServiceBuilder, FundingModeMustBeOneOfTheTwo) {  // rule S7
  const std::string e = files_error(row("Entraide", "2025-07-01", "2026-06-30", "forfait"));
  EXPECT_TRUE(contains(e, "agreements.csv:2:")) << e;
  EXPECT_TRUE(contains(e, "funding_mode: expected fixed_price or actual_costs, got 'forfait'"))
      << e;
}

TEST(ServiceBuilder, LevelRowsMustMatchTheServiceLevels) {  // rule S7
  const std::string agreement = row("Entraide", "2025-07-01", "2026-06-30");
  // A level the service does not have: named, with the service's levels.
  std::string e = files_error(agreement, kLevels + "A1,D3,5,3500\n");
  EXPECT_TRUE(contains(e, "levels.csv:4:")) << e;
  EXPECT_TRUE(contains(e, "level 'D3'")) << e;
  EXPECT_TRUE(contains(e, "service 'groupe_d' has levels D1, D2")) << e;
  // A level without its row: the agreements section's line in the scenario.
  e = files_error(agreement, "agreement,level,target_participants,price\nA1,D1,10,1900\n");
  EXPECT_TRUE(contains(e, "s.lua:19:")) << e;
  EXPECT_TRUE(contains(e, "agreement 'A1' has no row for level 'D2'")) << e;
  // A level listed twice, an unknown agreement, a bad number.
  e = files_error(agreement, kLevels + "A1,D1,10,1900\n");
  EXPECT_TRUE(contains(e, "levels.csv:4:")) << e;
  EXPECT_TRUE(contains(e, "listed twice")) << e;
  e = files_error(agreement, kLevels + "B9,D1,10,1900\n");
  EXPECT_TRUE(contains(e, "levels.csv:4:")) << e;
  EXPECT_TRUE(contains(e, "agreement 'B9' is not in the agreements rows")) << e;
  e = files_error(agreement,
                  "agreement,level,target_participants,price\n"
                  "A1,D1,10,1900\nA1,D2,20,cheap\n");
  EXPECT_TRUE(contains(e, "levels.csv:3:")) << e;
  EXPECT_TRUE(contains(e, "column 'price': expected a number")) << e;
  // Rows without levels.
  e = files_error(agreement, kLevels, agreements_scenario("rows = csv 'agreements.csv'"));
  EXPECT_TRUE(contains(e, "s.lua:19:")) << e;
  EXPECT_TRUE(contains(e, "rows need levels")) << e;
}

TEST(ServiceBuilder, AServiceWithoutLevelsHasTheOneLevelAll) {  // rule S7
  const std::string club =
      "activity { name = \"club\", duration_weeks = 3, dropout_after = 0.1, "
      "measure = 'SAE', hours_direct = 90 }";
  const std::string text =
      replace(replace(agreements_scenario(), kSmallScenarioClub, club), "slots = { groupe_d = 20 }",
              "slots = { groupe_d = 20, club = 5 }");
  const parcours::testing::TempDir dir;
  const LoadedScenario s =
      load_files(dir, row("Entraide", "2025-07-01", "2026-06-30", "actual_costs", "club", "C1"),
                 "agreement,level,target_participants,price\nC1,all,50,900\n", text);
  const model::Agreement& a = s.params.agreements.agreements[0];
  EXPECT_EQ(a.activity, 0);
  ASSERT_EQ(a.levels.size(), 1U);
  EXPECT_DOUBLE_EQ(a.levels[0].target, 50);
  EXPECT_DOUBLE_EQ(a.levels[0].price, 900);
}

TEST(ServiceBuilder, AnAgreementForAServiceItsOrganisationDoesNotOfferIsRefused) {  // rule M11
  std::string e =
      files_error(row("Conseil inc", "2025-07-01", "2026-06-30", "fixed_price", "club"));
  EXPECT_TRUE(contains(e, "agreements.csv:2:")) << e;
  EXPECT_TRUE(contains(e, "organisation 'Conseil inc' does not offer 'club'")) << e;
  e = files_error(row("Nobody", "2025-07-01", "2026-06-30"));
  EXPECT_TRUE(contains(e, "agreements.csv:2:")) << e;
  EXPECT_TRUE(contains(e, "organisation 'Nobody'")) << e;
  e = files_error(row("Entraide", "2025-07-01", "2026-06-30", "fixed_price", "groupe_e"));
  EXPECT_TRUE(contains(e, "agreements.csv:2:")) << e;
  EXPECT_TRUE(contains(e, "service 'groupe_e': no such activity")) << e;
  // An organisation's slots name activities, checked with a suggestion.
  e = files_error(
      row("Entraide", "2025-07-01", "2026-06-30"), kLevels,
      replace(agreements_scenario(), "slots = { groupe_d = 10 }", "slots = { groupe_e = 10 }"));
  EXPECT_TRUE(contains(e, "s.lua:18:")) << e;
  EXPECT_TRUE(contains(e, "did you mean 'groupe_d'?")) << e;
}

TEST(ServiceBuilder, InlineRowsNameTheScenarioSection) {  // rules S6, S7
  const std::string rows =
      "rows = { { agreement = 'A1', organisation = 'Entraide', service = 'groupe_d', "
      "start = '2025-07-01', ['end'] = '2026-06-30', funding_mode = 'fixed', hourly_cost = 65, "
      "overhead_share = 0.15, ceiling = 0 } }, levels = { { agreement = 'A1', level = 'D1', "
      "target_participants = 1, price = 1 }, { agreement = 'A1', level = 'D2', "
      "target_participants = 1, price = 2 } }";
  const std::string e = load_error(agreements_scenario(rows));
  EXPECT_TRUE(contains(e, "s.lua:19:")) << e;
  EXPECT_TRUE(contains(e, "agreements: rows: funding_mode")) << e;
  const LoadedScenario s =
      load_text(replace(agreements_scenario(rows), "'fixed'", "'fixed_price'"));
  ASSERT_EQ(s.params.agreements.agreements.size(), 1U);
  EXPECT_DOUBLE_EQ(s.params.agreements.agreements[0].levels[1].price, 2);
}

TEST(ServiceBuilder, ActualCostsArePricedHoursPlusOverheadsAndACappedDisabilityOverhead) {
  // rule S7
  model::Agreement a;
  a.hourly_cost = 65;
  a.overhead_share = 0.15;
  a.disability_overhead_max = 10000;
  EXPECT_DOUBLE_EQ(a.actual_cost(10, 0), 10 * 65 * 1.15);
  EXPECT_DOUBLE_EQ(a.actual_cost(0, 4000), 4000);
  EXPECT_DOUBLE_EQ(a.actual_cost(0, 12000), 10000);  // capped
  EXPECT_DOUBLE_EQ(a.actual_cost(2, 12000), 2 * 65 * 1.15 + 10000);
  a.disability_overhead_max = 0;
  EXPECT_DOUBLE_EQ(a.actual_cost(2, 12000), 2 * 65 * 1.15);

  // The cap is the scenario's agreements.disability_overhead_limit.
  const parcours::testing::TempDir dir;
  const LoadedScenario s =
      load_files(dir, row("Entraide", "2025-07-01", "2026-06-30", "actual_costs"), kLevels,
                 replace(agreements_scenario(), "disability_overhead_limit = 10000",
                         "disability_overhead_limit = 2500"));
  const model::Agreement& b = s.params.agreements.agreements[0];
  EXPECT_DOUBLE_EQ(b.disability_overhead_max, 2500);
  EXPECT_DOUBLE_EQ(b.actual_cost(0, 6000), 2500);
  EXPECT_DOUBLE_EQ(b.actual_cost(4, 1000), 4 * 65 * 1.15 + 1000);
}

// ---------------------------------------------------------------------------------------
// The baseline's catalogue, organisations and agreements.

TEST(ServiceBuilder, TheBaselineHasOrganisationsAgreementsAndSaeServicesUnder180Hours) {
  // rules S5, S6, M11
  LuaSandbox sandbox;
  const LoadedScenario s = load_scenario(sandbox, scenario_from_embedded("baseline.lua"), {});
  const model::ModelParameters& p = s.params;
  EXPECT_FALSE(p.agreements.organisations.empty());
  EXPECT_FALSE(p.agreements.agreements.empty());
  int sae = 0;
  for (const model::ActivityParameters& a : p.activities) {
    const model::ServiceTerms& t = a.service;
    if (t.measure != model::Measure::kSae) continue;
    ++sae;
    ASSERT_TRUE(t.has_hours) << a.name;
    EXPECT_LT(t.hours_direct.highest() + t.hours_indirect.highest(), 180.0) << a.name;
    EXPECT_EQ(a.allowance_per_week, 0.0) << a.name;
  }
  EXPECT_GT(sae, 0);
  for (const model::Agreement& a : p.agreements.agreements) {
    const model::Organisation& o = p.agreements.organisations[a.organisation];
    EXPECT_NE(o.offer(a.activity), nullptr) << a.id;             // rule M11
    EXPECT_LE(a.agreement_years, o.non_profit ? 3 : 1) << a.id;  // rule S6
    EXPECT_EQ(a.levels.size(), p.activities[a.activity].service.level_count()) << a.id;
  }
}

}  // namespace
}  // namespace parcours::policy
