// Published figures against the simulation (validation.csv, written by `parcours validate`):
// one row per target with the published value and its accepted band, the simulated mean with
// its 95 % interval, and whether the mean lies in the band; a figure shows each target's
// simulated mean and interval as a % of the published value, so that targets of every unit
// share one axis.

#include "report/sections.hpp"
#include "report/table_reader.hpp"

namespace parcours::report {

namespace fs = std::filesystem;

std::optional<Section> validation_section(const fs::path& folder, Language language) {
  const fs::path path = folder / "validation.csv";
  if (!fs::exists(path)) return std::nullopt;
  const TableReader t(path,
                      {"id", "indicator", "period", "dimension", "group", "published", "source",
                       "accepted_low", "accepted_high", "simulated_mean", "within"});
  HtmlTable table({label(language, "validation.target"), label(language, "common.fiscal_year"),
                   label(language, "validation.group"), label(language, "validation.published"),
                   label(language, "validation.accepted"), label(language, "validation.simulated"),
                   label(language, "validation.within"), label(language, "validation.source")});
  nlohmann::json labels = nlohmann::json::array();
  nlohmann::json relative = nlohmann::json::array();
  nlohmann::json low = nlohmann::json::array();
  nlohmann::json high = nlohmann::json::array();
  std::size_t within = 0;
  for (std::size_t r = 0; r < t.size(); ++r) {
    const std::string indicator = t.text(r, "indicator");
    const std::string group = t.text(r, "dimension") == "all"
                                  ? label(language, "validation.all_clients")
                                  : t.text(r, "dimension") + " = " + t.text(r, "group");
    const auto published = t.number(r, "published");
    const auto mean = t.number(r, "simulated_mean");
    const auto ci_low = t.number(r, "ci95_low");
    const auto ci_high = t.number(r, "ci95_high");
    const bool ok = t.text(r, "within") == "true";
    within += ok ? 1 : 0;
    table.add_row({t.text(r, "id") + " (" + label(language, indicator) + ")", t.text(r, "period"),
                   group, number_or_dash(language, published),
                   number_or_dash(language, t.number(r, "accepted_low")) + " – " +
                       number_or_dash(language, t.number(r, "accepted_high")),
                   with_interval(language, mean, ci_low, ci_high), ok ? "●" : "✗",
                   t.text(r, "source")});
    if (!published || *published == 0.0 || !mean) continue;  // no relative scale
    const double scale = 100.0 / *published;
    auto scaled = [scale](std::optional<double> v) {
      return v ? nlohmann::json(*v * scale) : nlohmann::json(nullptr);
    };
    labels.push_back(t.text(r, "id"));
    relative.push_back(*mean * scale);
    low.push_back(scaled(ci_low));
    high.push_back(scaled(ci_high));
  }

  Section section{"validation", label(language, "validation.title"), "", nlohmann::json::array()};
  section.html = paragraph(label(language, "validation.intro"));
  section.html += paragraph(label(language, "validation.score") + std::to_string(within) + " / " +
                            std::to_string(t.size()));
  if (!labels.empty()) {
    const std::string id = "fig-validation";
    const std::size_t rows = labels.size();
    nlohmann::json variants = {{"all",
                                {{"labels", std::move(labels)},
                                 {"series",
                                  {{{"label", label(language, "validation.relative")},
                                    {"kind", "interval"},
                                    {"color", 0},
                                    {"data", std::move(relative)},
                                    {"low", std::move(low)},
                                    {"high", std::move(high)}}}}}}};
    section.figures.push_back({{"id", id},
                               {"type", "bar"},
                               {"horizontal", true},
                               {"rows", rows},
                               {"y_title", "%"},
                               {"variant", "all"},
                               {"variants", std::move(variants)}});
    section.html += figure_html(id, label(language, "validation.relative"));
  }
  section.html += table.html();
  return section;
}

}  // namespace parcours::report
