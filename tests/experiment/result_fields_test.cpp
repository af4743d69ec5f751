// The result field lists (experiment/result_fields.hpp) against the structs and the tables: a
// member added to a struct and not to its list fails the arity checks; a field listed with a
// table column the writers do not write fails the column check.

#include "experiment/result_fields.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "experiment/results_writer.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace parcours::experiment {
namespace {

// Counting members initialises aggregates with too few initialisers, on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

// Converts to any member type, so T{AnyMember{}, ...} compiles for as many as T has members.
struct AnyMember {
  template <typename T>
  operator T() const;  // NOLINT(google-explicit-constructor): only used unevaluated
};

template <typename T, typename... Members>
constexpr std::size_t member_count() {
  if constexpr (requires { T{Members{}..., AnyMember{}}; }) {
    return member_count<T, Members..., AnyMember>();
  } else {
    return sizeof...(Members);
  }
}

template <typename T>
constexpr std::size_t listed_count() {
  return std::tuple_size_v<decltype(fields_of(Tag<T>{}))>;
}

static_assert(member_count<core::FiscalQuarter>() == 2);  // the counter itself counts right

TEST(ResultFields, EachListNamesEveryMemberOfItsStruct) {
  EXPECT_EQ(listed_count<core::FiscalQuarter>(), member_count<core::FiscalQuarter>());
  EXPECT_EQ(listed_count<model::IndicatorValue>(), member_count<model::IndicatorValue>());
  EXPECT_EQ(listed_count<model::AgreementValue>(), member_count<model::AgreementValue>());
  EXPECT_EQ(listed_count<AgreementLabels>(), member_count<AgreementLabels>());
  EXPECT_EQ(listed_count<ReplicationResult>(), member_count<ReplicationResult>());
  EXPECT_EQ(listed_count<model::TraceRow>(), member_count<model::TraceRow>());
}

std::set<std::string> header_columns(const std::filesystem::path& folder) {
  std::set<std::string> columns;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".csv") continue;
    std::ifstream in(entry.path());
    std::string header;
    std::getline(in, header);
    std::istringstream fields(header);
    for (std::string column; std::getline(fields, column, ',');) columns.insert(column);
  }
  return columns;
}

template <typename T>
void expect_columns_written(const std::set<std::string>& written) {
  for_each_field<T>([&](const auto& field) {
    std::istringstream columns{std::string(field.columns)};
    for (std::string column; columns >> column;) {
      EXPECT_TRUE(written.contains(column))
          << field.name << " lands in column " << column << ", which no table writes";
    }
  });
}

TEST(ResultFields, EveryListedColumnIsInTheTables) {
  RunSettings s;
  s.source = policy::ScenarioSource{"s.lua", parcours::testing::kSmallScenario, {}, false};
  std::vector<ReplicationResult> results{run_replication(s, 0)};
  // The small scenario has no agreement and no uncertain parameter: one of each, so that every
  // table is written (as the codec test does).
  results[0].agreements.push_back(
      {0, model::PeriodKind::kAgreementYear, core::FiscalQuarter{2025, 2}, 2025, 1, "hours", 1.5});
  results[0].agreement_labels.push_back(
      {"A1", "ose_nord", "groupe_d", "every_region", "per_participant", "groupe_d", {"D1", "D2"}});
  results[0].parameters.emplace_back("parcours.dropout.rate_per_week", 0.02);
  results[0].trace.push_back(
      {7, 12.5, "2023-04-13", "event", "arrival", "arriving", "", "", "", -1});
  const parcours::testing::TempDir dir;
  write_results(dir.path(), results, io::Manifest{});
  const std::set<std::string> written = header_columns(dir.path());
  ASSERT_TRUE(written.contains("indicator"));
  expect_columns_written<core::FiscalQuarter>(written);
  expect_columns_written<model::IndicatorValue>(written);
  expect_columns_written<model::AgreementValue>(written);
  expect_columns_written<AgreementLabels>(written);
  expect_columns_written<ReplicationResult>(written);
  expect_columns_written<model::TraceRow>(written);
}

}  // namespace
}  // namespace parcours::experiment
