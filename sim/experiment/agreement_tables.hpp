#pragma once
// The agreements' tables for budget staff (rules S6-S8; docs/outputs.md):
//   agreements.csv          replication x agreement x period x level x indicator (quarters with
//                           the agreement year's progress to date, agreement years, fiscal years)
//   agreements_summary.csv  the same over replications: mean, sd, 95 % CI, P50 and P90
//   retention_summary.csv   rule M13's indicators of Groupe D, PH1, ME and PH2 agreements
//   costs_summary.csv       costs and hours by agreement and fiscal year, rolled up by region,
//                           organisation, service and funding mode
// Written only when the scenario has agreements.

#include <filesystem>
#include <vector>

#include "experiment/replication.hpp"

namespace parcours::experiment {

void write_agreement_tables(const std::filesystem::path& folder,
                            const std::vector<ReplicationResult>& results);

/// The p-quantile (0..1) of values by linear interpolation between order statistics (R's and
/// numpy's default, "type 7"); NaN if any value is NaN.
double quantile(std::vector<double> values, double p);

}  // namespace parcours::experiment
