// Probabilistic sensitivity analysis (uncertainty_ranking.csv, written by `parcours run` when
// the scenario has uncertain parameters, issue 15): for the first fiscal year, each indicator
// the uncertain parameters explain at least a tenth of, with every parameter's share of its
// variance across replications, largest first; a bar figure of the shares.

#include <map>

#include "report/html.hpp"
#include "report/sections.hpp"
#include "report/table_reader.hpp"

namespace parcours::report {

namespace fs = std::filesystem;

namespace {

// Indicators whose variance the parameters explain less of are the simulation's own noise.
constexpr double kShownFrom = 0.1;  // r_squared

std::string percent(Language language, std::optional<double> share) {
  return share ? format_number(language, 100.0 * *share) + " %" : "—";
}

}  // namespace

std::optional<Section> uncertainty_section(const fs::path& folder, Language language) {
  const fs::path path = folder / "uncertainty_ranking.csv";
  if (!fs::exists(path)) return std::nullopt;
  const TableReader t(path, {"fiscal_year", "indicator", "rank", "parameter", "variance_share",
                             "partial_rank_correlation", "r_squared", "replications"});
  Section section{"uncertainty", label(language, "uncertainty.title"), "", nlohmann::json::array()};
  if (t.size() == 0) return section;
  const std::string year = t.text(0, "fiscal_year");
  section.html =
      paragraph(label(language, "uncertainty.intro") + " " + year + ", " +
                t.text(0, "replications") + " " + label(language, "uncertainty.replications"));
  HtmlTable table({label(language, "uncertainty.indicator"), label(language, "uncertainty.rank"),
                   label(language, "uncertainty.parameter"), label(language, "uncertainty.share"),
                   label(language, "uncertainty.prcc"), label(language, "uncertainty.r_squared")});
  // Shares by parameter, for the figure: one bar series per parameter, one bar per indicator.
  std::vector<std::string> indicators;
  std::map<std::string, std::map<std::string, double>> shares;  // parameter -> indicator -> share
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (t.text(r, "fiscal_year") != year) break;
    const std::optional<double> r_squared = t.number(r, "r_squared");
    if (!r_squared || *r_squared < kShownFrom) continue;
    const std::string indicator = label(language, t.text(r, "indicator"));
    const bool first = t.text(r, "rank") == "1";
    if (first) indicators.push_back(indicator);
    const std::optional<double> share = t.number(r, "variance_share");
    table.add_row({first ? indicator : "", t.text(r, "rank"), t.text(r, "parameter"),
                   percent(language, share),
                   number_or_dash(language, t.number(r, "partial_rank_correlation")),
                   first ? percent(language, r_squared) : ""});
    if (share) shares[t.text(r, "parameter")][indicator] = 100.0 * *share;
  }
  if (table.empty()) {
    section.html += paragraph(label(language, "uncertainty.none"));
    return section;
  }
  nlohmann::json series = nlohmann::json::array();
  int color = 0;
  for (const auto& [parameter, by_indicator] : shares) {
    nlohmann::json data = nlohmann::json::array();
    for (const std::string& indicator : indicators) {
      const auto it = by_indicator.find(indicator);
      data.push_back(it == by_indicator.end() ? 0.0 : it->second);
    }
    series.push_back({{"label", parameter},
                      {"kind", "bar"},
                      {"color", color++},
                      {"stack", "share"},
                      {"data", std::move(data)}});
  }
  const std::string id = "uncertainty-shares";
  section.html += figure_html(id, label(language, "uncertainty.share"));
  section.html += table.html();
  section.figures.push_back(
      {{"id", id},
       {"type", "bar"},
       {"horizontal", true},
       {"stacked", true},
       {"y_title", label(language, "uncertainty.share")},
       {"variant", "all"},
       {"variants", {{"all", {{"labels", indicators}, {"series", series}}}}}});
  return section;
}

}  // namespace parcours::report
