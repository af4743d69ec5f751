// The indicator sections: key indicators by fiscal quarter with 95 % bands (a line and a band
// per group of the chosen dimension), and every indicator by fiscal year for all clients.

#include <array>
#include <map>
#include <string_view>
#include <tuple>

#include "report/sections.hpp"
#include "report/table_reader.hpp"

namespace parcours::report {

namespace fs = std::filesystem;

namespace {

// What planners follow from quarter to quarter: demand, entries into a Parcours, the stock,
// how Parcours end, results, and the agents' load. Indicators the file lacks are skipped.
constexpr std::array<std::string_view, 8> kQuarterlyIndicators{
    "arrivals",
    "parcours_started",
    "parcours_active_end",
    "parcours_ended_employment",
    "parcours_ended_dropout",
    "employed_within_followup_of_parcours",
    "interview_wait_days_mean",
    "agent_utilisation",
};

struct Estimate {
  std::optional<double> mean;
  std::optional<double> low;
  std::optional<double> high;
};

std::string dimension_label(Language language, const std::string& dimension) {
  const std::string key = "dimension." + dimension;
  return has_label(key) ? label(language, key) : dimension;
}

std::string group_label(Language language, const std::string& group) {
  const std::string key = "group." + group;
  return has_label(key) ? label(language, key) : group;
}

}  // namespace

std::optional<Section> quarterly_section(const fs::path& folder, Language language) {
  const fs::path path = folder / "summary_quarterly.csv";
  if (!fs::exists(path)) return std::nullopt;
  const TableReader t(path, {"fiscal_year", "quarter", "dimension", "group", "indicator", "mean"});

  FirstSeen periods;
  FirstSeen dimensions;
  std::map<std::string, FirstSeen> groups;  // by dimension
  // (indicator, dimension, group, period) -> estimate
  std::map<std::tuple<std::string, std::string, std::string, std::string>, Estimate> values;
  for (std::size_t r = 0; r < t.size(); ++r) {
    const std::string indicator = t.text(r, "indicator");
    bool key = false;
    for (const std::string_view k : kQuarterlyIndicators) key = key || k == indicator;
    if (!key) continue;
    const std::string period = t.text(r, "fiscal_year") + " " +
                               label(language, "common.quarter_prefix") + t.text(r, "quarter");
    const std::string dimension = t.text(r, "dimension");
    const std::string group = t.text(r, "group");
    periods.add(period);
    dimensions.add(dimension);
    groups[dimension].add(group);
    values[{indicator, dimension, group, period}] = {t.number(r, "mean"), t.number(r, "ci95_low"),
                                                     t.number(r, "ci95_high")};
  }

  Section section{"quarterly", label(language, "quarterly.title"), "", nlohmann::json::array()};
  std::vector<std::string> figure_ids;
  std::string figures_html;
  for (const std::string_view indicator_view : kQuarterlyIndicators) {
    const std::string indicator(indicator_view);
    nlohmann::json variants = nlohmann::json::object();
    for (const std::string& dimension : dimensions.values()) {
      nlohmann::json series = nlohmann::json::array();
      int color = 0;
      for (const std::string& group : groups[dimension].values()) {
        nlohmann::json mean = nlohmann::json::array();
        nlohmann::json low = nlohmann::json::array();
        nlohmann::json high = nlohmann::json::array();
        bool any = false;
        for (const std::string& period : periods.values()) {
          const auto it = values.find({indicator, dimension, group, period});
          const Estimate e = it == values.end() ? Estimate{} : it->second;
          any = any || it != values.end();
          mean.push_back(json_number(e.mean));
          low.push_back(json_number(e.low));
          high.push_back(json_number(e.high));
        }
        if (!any) continue;
        series.push_back({{"label", dimension == "all" ? label(language, "group.all")
                                                       : group_label(language, group)},
                          {"kind", "band"},
                          {"color", color++},
                          {"data", std::move(mean)},
                          {"low", std::move(low)},
                          {"high", std::move(high)}});
      }
      // The agents' indicators exist for all clients only: other dimensions fall back to it.
      if (!series.empty()) variants[dimension] = {{"labels", periods.values()}, {"series", series}};
    }
    if (variants.empty()) continue;
    const std::string id = "fig-q-" + indicator;
    figure_ids.push_back(id);
    section.figures.push_back(
        {{"id", id},
         {"type", "line"},
         {"y_title", label(language, indicator)},
         {"variant", variants.contains("all") ? "all" : variants.begin().key()},
         {"variants", std::move(variants)}});
    figures_html += figure_html(id, label(language, indicator));
  }
  if (figure_ids.empty()) return std::nullopt;

  std::vector<std::pair<std::string, std::string>> options;
  for (const std::string& d : dimensions.values())
    options.emplace_back(d, dimension_label(language, d));
  section.html = paragraph(label(language, "quarterly.intro"));
  if (options.size() > 1) {
    section.html += variant_select_html(label(language, "common.group_by"), options, figure_ids);
  }
  section.html += "<div class=\"grid\">\n" + figures_html + "</div>\n";
  return section;
}

std::optional<Section> yearly_section(const fs::path& folder, Language language) {
  const fs::path path = folder / "summary_yearly.csv";
  if (!fs::exists(path)) return std::nullopt;
  const TableReader t(path, {"fiscal_year", "dimension", "group", "indicator", "mean"});
  FirstSeen years;
  FirstSeen indicators;
  std::map<std::pair<std::string, std::string>, Estimate> values;  // (indicator, year)
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (t.text(r, "dimension") != "all") continue;
    const std::string year = t.text(r, "fiscal_year");
    const std::string indicator = t.text(r, "indicator");
    years.add(year);
    indicators.add(indicator);
    values[{indicator, year}] = {t.number(r, "mean"), t.number(r, "ci95_low"),
                                 t.number(r, "ci95_high")};
  }
  std::vector<std::string> header{label(language, "common.indicator")};
  for (const std::string& y : years.values()) header.push_back(y);
  HtmlTable table(header);
  for (const std::string& indicator : indicators.values()) {
    std::vector<std::string> row{label(language, indicator)};
    for (const std::string& y : years.values()) {
      const auto it = values.find({indicator, y});
      const Estimate e = it == values.end() ? Estimate{} : it->second;
      row.push_back(with_interval(language, e.mean, e.low, e.high));
    }
    table.add_row(std::move(row));
  }
  Section section{"yearly", label(language, "yearly.title"), "", nlohmann::json::array()};
  section.html = paragraph(label(language, "yearly.intro")) + table.html();
  return section;
}

}  // namespace parcours::report
