#pragma once
// The sections of the report, each from one file of the result folder; nullopt when the file
// is not there. Files are read by column name; bad files throw io::InputError (file:line).

#include <filesystem>
#include <optional>

#include "report/section.hpp"
#include "report/translations.hpp"

namespace parcours::report {

/// The pathway as a flow from arrivals to the end of the Parcours: summary_yearly.csv, or
/// indicators_yearly.csv when the summary is absent.
std::optional<Section> flow_section(const std::filesystem::path& folder, Language language);
/// Key indicators by fiscal quarter with 95 % bands, by group dimension: summary_quarterly.csv.
std::optional<Section> quarterly_section(const std::filesystem::path& folder, Language language);
/// Every indicator for all clients by fiscal year: summary_yearly.csv.
std::optional<Section> yearly_section(const std::filesystem::path& folder, Language language);
/// Agreement costs and funding modes: agreements_summary.csv.
std::optional<Section> costs_section(const std::filesystem::path& folder, Language language);
/// Rule P7: costs by service per participant and per person placed, income support paid and saved.
std::optional<Section> savings_section(const std::filesystem::path& folder, Language language);
/// Job-retention indicators: retention_summary.csv.
std::optional<Section> retention_section(const std::filesystem::path& folder, Language language);
/// Paired differences of two scenarios: comparison_yearly.csv.
std::optional<Section> comparison_section(const std::filesystem::path& folder, Language language);
/// Published vs simulated figures: validation.csv (issue 12).
std::optional<Section> validation_section(const std::filesystem::path& folder, Language language);
/// A few client journeys as timelines: trace.csv (issue 15).
std::optional<Section> journey_section(const std::filesystem::path& folder, Language language);
/// Which uncertain parameters explain each indicator's variance: uncertainty_ranking.csv
/// (issue 15).
std::optional<Section> uncertainty_section(const std::filesystem::path& folder, Language language);
/// P50/P90 sizing: sizing.csv.
std::optional<Section> sizing_section(const std::filesystem::path& folder, Language language);

}  // namespace parcours::report
