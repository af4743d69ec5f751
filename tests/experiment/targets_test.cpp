#include "experiment/targets.hpp"

#include <gtest/gtest.h>

#include <string>

#include "io/input_error.hpp"

namespace parcours::experiment {
namespace {

const std::string kHeader = "id,indicator,period,dimension,group,value,source,tolerance\n";

std::vector<Target> parse(const std::string& rows) {
  return parse_targets(io::parse_csv(kHeader + rows, "targets.csv"));
}

// The message of the InputError parsing `rows` throws, "file:line:column: message".
std::string error_of(const std::string& rows) {
  try {
    parse(rows);
  } catch (const io::InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no InputError for " << rows;
  return "";
}

TEST(Targets, ReadsEveryColumn) {
  const std::vector<Target> t = parse(
      "clients,clients_in_system_end,2027-2028,all,all,58000,\"MTESS, March 2019\",10%\n"
      "concl_a,conclusion_a/interviews,yearly,income_support,ei,0.4,RSSMO,0.05\n"
      "q,arrivals,2025-2026 Q3,,,1500,MTESS,0\n"
      "y,arrivals,2026,all,all,6000,MTESS,2.5%\n");
  ASSERT_EQ(t.size(), 4U);
  EXPECT_EQ(t[0].id, "clients");
  EXPECT_EQ(t[0].indicator(), "clients_in_system_end");
  EXPECT_EQ(t[0].period.kind, TargetPeriod::Kind::kFiscalYear);
  EXPECT_EQ(t[0].period.year, 2027);
  EXPECT_EQ(t[0].source, "MTESS, March 2019");
  EXPECT_TRUE(t[0].tolerance.relative);
  EXPECT_DOUBLE_EQ(t[0].tolerance.absolute(58000), 5800);
  EXPECT_EQ(t[0].tolerance.label(), "10%");
  EXPECT_EQ(t[0].line, 2U);

  EXPECT_EQ(t[1].numerator, "conclusion_a");
  EXPECT_EQ(t[1].denominator, "interviews");
  EXPECT_EQ(t[1].period.label(), "yearly");
  EXPECT_EQ(t[1].dimension, "income_support");
  EXPECT_EQ(t[1].group, "ei");
  EXPECT_FALSE(t[1].tolerance.relative);
  EXPECT_DOUBLE_EQ(t[1].tolerance.absolute(0.4), 0.05);
  EXPECT_TRUE(t[1].within(0.449));
  EXPECT_FALSE(t[1].within(0.451));

  EXPECT_EQ(t[2].period.kind, TargetPeriod::Kind::kQuarter);
  EXPECT_EQ(t[2].period.label(), "2025-2026 Q3");
  EXPECT_EQ(t[2].dimension, "all") << "empty dimension and group mean every client";
  EXPECT_EQ(t[3].period.label(), "2026-2027");
  EXPECT_DOUBLE_EQ(t[3].tolerance.absolute(6000), 150);
}

TEST(Targets, RefusesEachBadFieldAtItsLineAndColumn) {
  EXPECT_EQ(error_of("a,x,2025,all,all,1,s,1\na,x,2025,all,all,1,s,1\n"),
            "targets.csv:3:1: column 'id': duplicate id 'a'");
  EXPECT_EQ(error_of(",x,2025,all,all,1,s,1\n"), "targets.csv:2:1: column 'id': an id is required");
  EXPECT_EQ(error_of("a,x/,2025,all,all,1,s,1\n"),
            "targets.csv:2:2: column 'indicator': expected NAME or NAME/NAME, got 'x/'");
  EXPECT_EQ(error_of("a,x/y/z,2025,all,all,1,s,1\n"),
            "targets.csv:2:2: column 'indicator': expected NAME or NAME/NAME, got 'x/y/z'");
  for (const std::string period : {"2025-2027", "25", "2025-2026 Q5", "2025 Q1", "every"}) {
    EXPECT_NE(error_of("a,x," + period + ",all,all,1,s,1\n")
                  .find("targets.csv:2:3: column "
                        "'period'"),
              std::string::npos)
        << period;
  }
  EXPECT_EQ(error_of("a,x,2025,region,,1,s,1\n"),
            "targets.csv:2:5: column 'group': dimension and group are given together (or both "
            "left empty)");
  EXPECT_NE(error_of("a,x,2025,all,all,many,s,1\n").find("targets.csv:2:6: column 'value'"),
            std::string::npos);
  EXPECT_EQ(error_of("a,x,2025,all,all,1,,1\n"),
            "targets.csv:2:7: column 'source': a source is required");
  for (const std::string tolerance : {"-1", "ten%", "", "%", "5 %x"}) {
    EXPECT_NE(error_of("a,x,2025,all,all,1,s," + tolerance + "\n")
                  .find("targets.csv:2:8: column 'tolerance'"),
              std::string::npos)
        << tolerance;
  }
}

TEST(Targets, RefusesAMissingColumnAndAnEmptyFile) {
  try {
    parse_targets(io::parse_csv("id,indicator,period,dimension,group,value,source\n", "t.csv"));
    ADD_FAILURE() << "no error";
  } catch (const io::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("missing column 'tolerance'"), std::string::npos);
  }
  EXPECT_EQ(error_of(""), "targets.csv:1: no targets after the header");
}

// Two fiscal years, two quarters each, all clients and the "ei" group.
ReplicationResult two_years() {
  ReplicationResult r;
  r.groups = {{"all", "all"}, {"income_support", "ei"}};
  for (int year : {2025, 2026}) {
    const double k = year == 2025 ? 1.0 : 3.0;
    r.yearly.push_back({{year, 1}, 0, "arrivals", 100 * k});
    r.yearly.push_back({{year, 1}, 1, "arrivals", 10 * k});
    r.yearly.push_back({{year, 1}, 0, "interviews", 50 * k});
    r.yearly.push_back({{year, 1}, 1, "interviews", 4 * k});
    for (int q : {1, 2}) {
      r.quarterly.push_back({{year, q}, 0, "arrivals", 50 * k + q});
      r.quarterly.push_back({{year, q}, 1, "arrivals", 5 * k});
    }
    // Two agreements' costs: fiscal-year rows of all levels count, other rows do not.
    using model::PeriodKind;
    for (const std::uint16_t a : {std::uint16_t{0}, std::uint16_t{1}}) {
      r.agreements.push_back(
          {a, PeriodKind::kFiscalYear, {}, year, model::kAllLevels, "cost", 1000 * k * (a + 1)});
      r.agreements.push_back({a, PeriodKind::kFiscalYear, {}, year, 0, "cost", 1e9});
      r.agreements.push_back(
          {a, PeriodKind::kAgreementYear, {}, year, model::kAllLevels, "cost", 1e9});
    }
  }
  return r;
}

TEST(Targets, TakesTheValueOfAPeriodAGroupOrARatio) {
  const ReplicationResult r = two_years();
  const std::vector<Target> t = parse(
      "fy,arrivals,2026-2027,all,all,1,s,1\n"
      "q,arrivals,2025-2026 Q2,all,all,1,s,1\n"
      "mean,arrivals,yearly,all,all,1,s,1\n"
      "group,arrivals,yearly,income_support,ei,1,s,1\n"
      "ratio,interviews/arrivals,yearly,income_support,ei,1,s,1\n"
      "ratio_fy,interviews/arrivals,2025,all,all,1,s,1\n");
  EXPECT_DOUBLE_EQ(t[0].of(r), 300);
  EXPECT_DOUBLE_EQ(t[1].of(r), 52);
  EXPECT_DOUBLE_EQ(t[2].of(r), 200) << "the mean of the fiscal years";
  EXPECT_DOUBLE_EQ(t[3].of(r), 20);
  EXPECT_DOUBLE_EQ(t[4].of(r), 16.0 / 40) << "sums over the years, then divided";
  EXPECT_DOUBLE_EQ(t[5].of(r), 0.5);
}

TEST(Targets, AgreementIndicatorsAreSummedOverAgreementsFiscalYears) {
  const ReplicationResult r = two_years();
  const std::vector<Target> t = parse(
      "fy,cost,2026-2027,all,all,1,s,1\n"
      "mean,cost,yearly,all,all,1,s,1\n"
      "per_arrival,cost/arrivals,2025,all,all,1,s,1\n");
  EXPECT_DOUBLE_EQ(t[0].of(r), 9000) << "3000 + 6000, not the level or agreement-year rows";
  EXPECT_DOUBLE_EQ(t[1].of(r), 6000);
  EXPECT_DOUBLE_EQ(t[2].of(r), 30);
}

TEST(Targets, ValueErrorsPointAtTheRow) {
  const ReplicationResult r = two_years();
  const std::vector<Target> t = parse(
      "ok,arrivals,2025,all,all,1,s,1\n"
      "name,arrivls,2025,all,all,1,s,1\n"
      "group,arrivals,2025,income_support,afdr,1,s,1\n"
      "year,arrivals,2030,all,all,1,s,1\n");
  const auto message = [&r](const Target& target) {
    try {
      (void)target.of(r);
    } catch (const io::InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message(t[1]).rfind("targets.csv:3: unknown indicator 'arrivls'", 0), 0U)
      << message(t[1]);
  EXPECT_EQ(message(t[2]).rfind("targets.csv:4: the run has no group 'income_support/afdr'", 0), 0U)
      << message(t[2]);
  EXPECT_EQ(message(t[3]),
            "targets.csv:5: the run has no value of 'arrivals' for group 'all/all' in period "
            "2030-2031");
}

}  // namespace
}  // namespace parcours::experiment
