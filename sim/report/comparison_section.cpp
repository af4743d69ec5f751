// Paired comparisons of two scenarios (comparison_yearly.csv, written by `parcours compare`):
// the difference B − A for all clients with its 95 % interval, as a table and as a forest plot
// of the difference relative to A's mean, so that indicators of different units share an axis.

#include <algorithm>
#include <cmath>
#include <map>

#include "io/read_file.hpp"
#include "report/html.hpp"
#include "report/sections.hpp"
#include "report/table_reader.hpp"

namespace parcours::report {

namespace fs = std::filesystem;

namespace {

// The first of `names` the table has: `parcours compare` writes "difference", "ci95_low" and
// "ci95_high"; the interface first announced was "diff_mean", "diff_ci95_low" and
// "diff_ci95_high". Both are read.
std::string column_of(const TableReader& t, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (t.has_column(name)) return name;
  }
  return *names.begin();
}

// "A: name, B: name" from the manifests `parcours compare` writes into a/ and b/.
std::string scenario_names(const fs::path& folder) {
  std::string out;
  for (const char* side : {"a", "b"}) {
    const fs::path manifest = folder / side / "manifest.json";
    if (!fs::exists(manifest)) return "";
    const nlohmann::json json = nlohmann::json::parse(io::read_file(manifest), nullptr, false);
    const nlohmann::json::json_pointer name("/scenario/name");
    if (json.is_discarded() || !json.contains(name) || !json.at(name).is_string()) return "";
    out += (out.empty() ? "A = " : ", B = ") + json.at(name).get<std::string>();
  }
  return out;
}

}  // namespace

std::optional<Section> comparison_section(const fs::path& folder, Language language) {
  const fs::path path = folder / "comparison_yearly.csv";
  if (!fs::exists(path)) return std::nullopt;
  const TableReader probe(path, {"fiscal_year", "dimension", "indicator"});
  const std::string diff_column = column_of(probe, {"diff_mean", "difference"});
  const std::string low_column = column_of(probe, {"diff_ci95_low", "ci95_low"});
  const std::string high_column = column_of(probe, {"diff_ci95_high", "ci95_high"});
  const TableReader t(path, {"fiscal_year", "dimension", "indicator", diff_column});

  HtmlTable table({label(language, "common.indicator"), label(language, "common.fiscal_year"),
                   label(language, "comparison.mean_a"), label(language, "comparison.mean_b"),
                   label(language, "comparison.diff"), label(language, "comparison.clear")});
  FirstSeen years;
  // Per year: indicator labels and the relative difference with its interval, in %.
  std::map<std::string, nlohmann::json> labels;
  std::map<std::string, nlohmann::json> relative;
  std::map<std::string, nlohmann::json> low;
  std::map<std::string, nlohmann::json> high;
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (t.text(r, "dimension") != "all") continue;
    const std::string year = t.text(r, "fiscal_year");
    const std::string indicator = t.text(r, "indicator");
    const auto diff = t.number(r, diff_column);
    const auto diff_low = t.number(r, low_column);
    const auto diff_high = t.number(r, high_column);
    const auto mean_a = t.number(r, "mean_a");
    const bool clear = diff_low && diff_high && (*diff_low > 0 || *diff_high < 0);
    table.add_row({label(language, indicator), year, number_or_dash(language, mean_a),
                   number_or_dash(language, t.number(r, "mean_b")),
                   with_interval(language, diff, diff_low, diff_high), clear ? "●" : ""});
    years.add(year);
    if (!diff || !mean_a || *mean_a == 0.0) continue;  // no relative scale
    const double scale = 100.0 / std::fabs(*mean_a);
    auto scaled = [scale](std::optional<double> v) {
      return v ? nlohmann::json(*v * scale) : nlohmann::json(nullptr);
    };
    labels[year].push_back(label(language, indicator));
    relative[year].push_back(*diff * scale);
    low[year].push_back(scaled(diff_low));
    high[year].push_back(scaled(diff_high));
  }

  Section section{"comparison", label(language, "comparison.title"), "", nlohmann::json::array()};
  section.html = paragraph(label(language, "comparison.intro"));
  if (const std::string names = scenario_names(folder); !names.empty()) {
    // Scenario names are the user's identifiers: shown as code, as written.
    section.html += "<p>" + escape_html(label(language, "comparison.scenarios")) + "<code>" +
                    escape_html(names) + "</code></p>\n";
  }
  nlohmann::json variants = nlohmann::json::object();
  std::vector<std::pair<std::string, std::string>> options;
  std::size_t rows = 0;
  for (const std::string& year : years.values()) {
    if (!labels.contains(year)) continue;
    rows = std::max(rows, labels[year].size());
    options.emplace_back(year, label(language, "common.fiscal_year") + " " + year);
    variants[year] = {{"labels", labels[year]},
                      {"series",
                       {{{"label", label(language, "comparison.relative")},
                         {"kind", "interval"},
                         {"color", 0},
                         {"data", relative[year]},
                         {"low", low[year]},
                         {"high", high[year]}}}}};
  }
  if (!options.empty()) {
    const std::string id = "fig-comparison";
    section.figures.push_back({{"id", id},
                               {"type", "bar"},
                               {"horizontal", true},
                               {"rows", rows},
                               {"y_title", "%"},
                               {"variant", options.front().first},
                               {"variants", std::move(variants)}});
    if (options.size() > 1) {
      section.html += variant_select_html(label(language, "common.show"), options, {id});
    }
    section.html += figure_html(id, label(language, "comparison.relative"));
  }
  section.html += table.html();
  return section;
}

}  // namespace parcours::report
