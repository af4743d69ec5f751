// The pathway sections: the flow from arrivals to the end of the Parcours, the quarterly
// indicators with their bands, and the yearly table.

#include <array>
#include <map>
#include <string_view>

#include "report/html.hpp"
#include "report/sections.hpp"
#include "report/table_reader.hpp"

namespace parcours::report {

namespace fs = std::filesystem;

namespace {

struct Stage {
  std::string_view key;
  std::vector<std::string_view> items;
  std::string_view base;  // the count each item is a share of, in the table
};

// The pathway (rules E1, E2, E5, E6, P1, P7): each stage splits the one before it. Arrivals
// are split by how clients came when both counts are there.
const std::array<Stage, 5>& stages() {
  static const std::array<Stage, 5> kStages{{
      {"flow.stage.arrivals", {"arrivals_convened", "arrivals_self_referred"}, "arrivals"},
      {"flow.stage.interviews", {"interviews"}, "arrivals"},
      {"flow.stage.conclusions",
       {"conclusion_a", "conclusion_b", "conclusion_c", "conclusion_d", "refusals"},
       "interviews"},
      {"flow.stage.parcours", {"parcours_started"}, "interviews"},
      {"flow.stage.endings",
       {"parcours_ended_employment", "parcours_ended_dropout", "parcours_ended_school",
        "parcours_ended_other_measure", "parcours_ended_closure", "parcours_active_end"},
       "parcours_started"},
  }};
  return kStages;
}

// All clients' yearly means, per year and indicator, in the order of the file.
struct YearlyMeans {
  FirstSeen years;
  std::map<std::pair<std::string, std::string>, double> mean;  // (year, indicator)
};

YearlyMeans read_yearly_means(const fs::path& folder) {
  YearlyMeans out;
  if (fs::exists(folder / "summary_yearly.csv")) {
    const TableReader t(folder / "summary_yearly.csv",
                        {"fiscal_year", "dimension", "group", "indicator", "mean"});
    for (std::size_t r = 0; r < t.size(); ++r) {
      if (t.text(r, "dimension") != "all") continue;
      const std::string year = t.text(r, "fiscal_year");
      out.years.add(year);
      if (const auto m = t.number(r, "mean")) out.mean[{year, t.text(r, "indicator")}] = *m;
    }
    return out;
  }
  // Without the summary, the mean over replications of the per-replication values.
  const TableReader t(folder / "indicators_yearly.csv",
                      {"fiscal_year", "dimension", "group", "indicator", "value"});
  std::map<std::pair<std::string, std::string>, std::pair<double, int>> sums;
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (t.text(r, "dimension") != "all") continue;
    const std::string year = t.text(r, "fiscal_year");
    out.years.add(year);
    if (const auto v = t.number(r, "value")) {
      auto& [sum, n] = sums[{year, t.text(r, "indicator")}];
      sum += *v;
      ++n;
    }
  }
  for (const auto& [key, sum_n] : sums) out.mean[key] = sum_n.first / sum_n.second;
  return out;
}

std::optional<double> year_value(const YearlyMeans& means, std::string_view item,
                                 const std::string& year) {
  const auto it = means.mean.find({year, std::string(item)});
  return it == means.mean.end() ? std::nullopt : std::optional<double>(it->second);
}

// The value of an item over one year, or over the whole run (year "", the total): flows add
// up, the stock of active Parcours is the one at the end of the last year.
std::optional<double> flow_value(const YearlyMeans& means, std::string_view item,
                                 const std::string& year) {
  const std::vector<std::string>& years = means.years.values();
  if (!year.empty()) return year_value(means, item, year);
  if (years.empty()) return std::nullopt;
  if (item == "parcours_active_end") return year_value(means, item, years.back());
  std::optional<double> total;
  for (const std::string& y : years) {
    if (const auto v = year_value(means, item, y)) total = total.value_or(0.0) + *v;
  }
  return total;
}

std::string item_label(Language language, std::string_view item) {
  return item == "parcours_active_end" ? label(language, "flow.still_active")
                                       : label(language, item);
}

}  // namespace

std::optional<Section> flow_section(const fs::path& folder, Language language) {
  if (!fs::exists(folder / "summary_yearly.csv") && !fs::exists(folder / "indicators_yearly.csv"))
    return std::nullopt;
  const YearlyMeans means = read_yearly_means(folder);
  const std::vector<std::string>& years = means.years.values();

  auto value = [&means](std::string_view item, const std::string& year) {
    return flow_value(means, item, year);
  };

  Section section{"flow", label(language, "flow.title"), "", nlohmann::json::array()};
  std::vector<std::string> stage_labels;
  for (const Stage& s : stages()) stage_labels.push_back(label(language, s.key));

  // Arrivals by how clients came if both counts exist, else the arrivals alone.
  auto items_of = [&](const Stage& s) {
    std::vector<std::string_view> items;
    for (const std::string_view item : s.items) {
      if (value(item, "")) items.push_back(item);
    }
    if (s.key == "flow.stage.arrivals" && items.size() < 2) items = {"arrivals"};
    return items;
  };

  std::vector<std::pair<std::string, std::string>> options{
      {"total", label(language, "common.total")}};
  for (const std::string& y : years)
    options.emplace_back(y, label(language, "common.fiscal_year") + " " + y);

  nlohmann::json variants = nlohmann::json::object();
  for (const auto& [key, text] : options) {
    const std::string year = key == "total" ? "" : key;
    nlohmann::json series = nlohmann::json::array();
    int color = 0;
    for (std::size_t s = 0; s < stages().size(); ++s) {
      for (const std::string_view item : items_of(stages()[s])) {
        nlohmann::json data = nlohmann::json::array();
        for (std::size_t k = 0; k < stages().size(); ++k) {
          data.push_back(k == s ? json_number(value(item, year)) : nlohmann::json(nullptr));
        }
        series.push_back({{"label", item_label(language, item)},
                          {"kind", "bar"},
                          {"color", color++},
                          {"stack", "flow"},
                          {"data", std::move(data)}});
      }
    }
    variants[key] = {{"labels", stage_labels}, {"series", std::move(series)}};
  }
  const std::string figure_id = "fig-flow";
  section.figures.push_back({{"id", figure_id},
                             {"type", "bar"},
                             {"horizontal", true},
                             {"stacked", true},
                             {"tall", true},
                             {"variant", "total"},
                             {"variants", std::move(variants)}});

  std::vector<std::string> header{label(language, "flow.stage"),
                                  label(language, "common.indicator")};
  for (const std::string& y : years) header.push_back(y);
  if (years.size() > 1) header.push_back(label(language, "common.total"));
  header.push_back(label(language, "flow.share"));
  HtmlTable table(header);
  for (const Stage& s : stages()) {
    for (const std::string_view item : items_of(s)) {
      std::vector<std::string> row{label(language, s.key), item_label(language, item)};
      for (const std::string& y : years) row.push_back(number_or_dash(language, value(item, y)));
      if (years.size() > 1) row.push_back(number_or_dash(language, value(item, "")));
      // Over the whole run: what share of the stage before (or of all arrivals) this is.
      const auto count = value(item, "");
      const auto base = value(s.base, "");
      const bool share = count && base && *base > 0 && item != s.base;
      row.push_back(share ? format_number(language, 100.0 * *count / *base) + " % " +
                                label(language, "flow.share_of") + " " + label(language, s.base)
                          : "");
      table.add_row(std::move(row));
    }
  }
  section.html = paragraph(label(language, "flow.intro"));
  if (options.size() > 2)
    section.html += variant_select_html(label(language, "common.show"), options, {figure_id});
  section.html += figure_html(figure_id, label(language, "flow.title"));
  section.html += table.html();
  return section;
}

}  // namespace parcours::report
