// The agreement sections, from the tables of the services and agreements work: costs with the
// funding modes compared (rules S1–S8), job-retention indicators (rule M13) and P50/P90 sizing.
// Columns are read by name; indicators a table lacks are shown as "—" or left out.

#include <array>
#include <map>
#include <string_view>
#include <tuple>

#include "report/html.hpp"
#include "report/sections.hpp"
#include "report/table_reader.hpp"

namespace parcours::report {

namespace fs = std::filesystem;

namespace {

struct Estimate {
  std::optional<double> mean;
  std::optional<double> low;
  std::optional<double> high;
};

// The order of the costs table; other indicators of the file follow in their own order.
constexpr std::array<std::string_view, 13> kAgreementIndicators{
    "participants_started",  "participants_target", "attainment_pct",
    "hours_direct",          "hours_indirect",      "cost",
    "cost_fixed_price",      "cost_actual_costs",   "allowance_paid",
    "extra_costs_paid",      "cost_total",          "cost_per_participant",
    "cost_per_person_placed"};

std::string label_or_raw(Language language, const std::string& prefix, const std::string& raw) {
  return has_label(prefix + raw) ? label(language, prefix + raw) : raw;
}

// The period kind to show: `preferred` when the table has it, else the first one it has.
std::string chosen_period_kind(const TableReader& t, std::string_view preferred) {
  std::string first;
  for (std::size_t r = 0; r < t.size(); ++r) {
    std::string kind = t.text(r, "period_kind");
    if (kind == preferred) return kind;
    if (first.empty()) first = kind;
  }
  return first;
}

bool all_levels(const TableReader& t, std::size_t row) {
  return !t.has_column("level") || t.text(row, "level") == "all";
}

// Rows of one agreement table at level "all" for one period kind, indexed by
// (agreement or agreement/group, period, indicator).
struct AgreementTable {
  std::string period_kind;
  FirstSeen keys;  // agreements (costs) or agreement + group (retention)
  FirstSeen periods;
  FirstSeen indicators;
  std::map<std::string, std::vector<std::string>> info;  // descriptive columns per key
  std::map<std::tuple<std::string, std::string, std::string>, Estimate> values;

  [[nodiscard]] Estimate at(const std::string& key, const std::string& period,
                            const std::string& indicator) const {
    const auto it = values.find({key, period, indicator});
    return it == values.end() ? Estimate{} : it->second;
  }
};

AgreementTable read_agreement_table(const TableReader& t, std::string_view preferred_kind,
                                    const std::vector<std::string_view>& key_columns,
                                    const std::vector<std::string_view>& info_columns) {
  AgreementTable out;
  out.period_kind = chosen_period_kind(t, preferred_kind);
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (t.text(r, "period_kind") != out.period_kind || !all_levels(t, r)) continue;
    std::string key;
    for (const std::string_view c : key_columns) key += (key.empty() ? "" : " · ") + t.text(r, c);
    const std::string period = t.text(r, "period");
    const std::string indicator = t.text(r, "indicator");
    out.keys.add(key);
    out.periods.add(period);
    out.indicators.add(indicator);
    if (!out.info.contains(key)) {
      std::vector<std::string> info;
      info.reserve(info_columns.size());
      for (const std::string_view c : info_columns) info.push_back(t.text(r, c));
      out.info[key] = std::move(info);
    }
    out.values[{key, period, indicator}] = {t.number(r, "mean"), t.number(r, "ci95_low"),
                                            t.number(r, "ci95_high")};
  }
  return out;
}

// The places search of `parcours size --max-wait-days`: the answer first (the fewest places
// meeting the target, with the interval that the replications' noise leaves), then every
// evaluation in increasing number of places.
std::string places_search_html(const fs::path& path, Language language) {
  const TableReader t(path, {"slots", "served_within", "target_share", "max_wait_days"});
  std::vector<std::size_t> order(t.size());
  for (std::size_t r = 0; r < order.size(); ++r) order[r] = r;
  std::ranges::sort(order, [&t](std::size_t a, std::size_t b) {
    return t.number(a, "slots").value_or(0) < t.number(b, "slots").value_or(0);
  });
  std::optional<double> answer;
  std::optional<double> low;
  std::optional<double> high;
  std::optional<double> target;
  std::optional<double> days;
  HtmlTable table({label(language, "sizing.slots"), label(language, "sizing.served_within"),
                   label(language, "common.ci95"), label(language, "sizing.clients"),
                   label(language, "page.replications"), label(language, "sizing.meets_target")});
  for (const std::size_t r : order) {
    const auto slots = t.number(r, "slots");
    const auto served = t.number(r, "served_within");
    const auto lo = t.number(r, "ci95_low");
    const auto hi = t.number(r, "ci95_high");
    target = t.number(r, "target_share");
    days = t.number(r, "max_wait_days");
    if (slots && served && target && *served >= *target && !answer) answer = slots;
    if (slots && hi && target && *hi >= *target && !low) low = slots;
    if (slots && lo && target && *lo >= *target && !high) high = slots;
    auto pct = [language](std::optional<double> v) {
      return v ? format_number(language, 100 * *v) + " %" : std::string("—");
    };
    table.add_row(
        {number_or_dash(language, slots), pct(served),
         lo && hi ? "[" + pct(lo) + " – " + pct(hi) + "]" : std::string("—"),
         number_or_dash(language, t.number(r, "clients")),
         number_or_dash(language, t.number(r, "replications")),  // none in older folders
         label(language, served && target && *served >= *target ? "common.yes" : "common.no")});
  }
  std::string out = "<h3>" + escape_html(label(language, "sizing.places_title")) + "</h3>\n";
  std::string answer_text =
      label(language, "sizing.answer_prefix") + " " +
      number_or_dash(language, target ? std::optional(100 * *target) : target) + " % " +
      label(language, "sizing.answer_within") + " " + number_or_dash(language, days) + " " +
      label(language, "sizing.days") + " : ";
  if (language == Language::kEnglish) answer_text.replace(answer_text.size() - 3, 3, ": ");
  if (answer) {
    answer_text += format_number(language, *answer);
    if (low && high) {
      answer_text += " (" + label(language, "sizing.between") + " " +
                     format_number(language, *low) + " " + label(language, "sizing.and") + " " +
                     format_number(language, *high) + " " + label(language, "sizing.noise") + ")";
    }
  } else {
    answer_text += label(language, "sizing.unreached");
  }
  out += "<p class=\"answer\"><strong>" + escape_html(answer_text) + "</strong></p>\n";
  out += paragraph(label(language, "sizing.places_intro"));
  return out + table.html();
}

std::string period_note(Language language, const std::string& kind) {
  return label(language, "common.period_is") + label_or_raw(language, "period_kind.", kind);
}

}  // namespace

std::optional<Section> costs_section(const fs::path& folder, Language language) {
  const fs::path path = folder / "agreements_summary.csv";
  if (!fs::exists(path)) return std::nullopt;
  const TableReader t(path, {"agreement", "period_kind", "period", "indicator", "mean"});
  const AgreementTable a = read_agreement_table(t, "fiscal_year", {"agreement"},
                                                {"organisation", "service", "funding_mode"});
  Section section{"costs", label(language, "costs.title"), "", nlohmann::json::array()};
  section.html =
      paragraph(label(language, "costs.intro")) + paragraph(period_note(language, a.period_kind));

  const std::vector<std::string>& agreements = a.keys.values();
  const std::vector<std::string>& periods = a.periods.values();
  if (a.indicators.index("cost") < a.indicators.values().size()) {
    nlohmann::json series = nlohmann::json::array();
    int color = 0;
    for (const std::string& agreement : agreements) {
      nlohmann::json data = nlohmann::json::array();
      for (const std::string& p : periods)
        data.push_back(json_number(a.at(agreement, p, "cost").mean));
      series.push_back({{"label", agreement},
                        {"kind", "bar"},
                        {"color", color++},
                        {"stack", "cost"},
                        {"data", std::move(data)}});
    }
    section.figures.push_back({{"id", "fig-costs-period"},
                               {"type", "bar"},
                               {"stacked", true},
                               {"y_title", label(language, "cost")},
                               {"variant", "all"},
                               {"variants", {{"all", {{"labels", periods}, {"series", series}}}}}});
    section.html += figure_html("fig-costs-period", label(language, "costs.by_period"));
  }

  // The funding modes compared on the same simulated activity: each mode's cost summed over
  // the periods (a sum of means is the mean of the sums).
  nlohmann::json mode_series = nlohmann::json::array();
  int color = 0;
  for (const std::string_view indicator : {"cost_fixed_price", "cost_actual_costs"}) {
    const std::string name(indicator);
    if (a.indicators.index(name) == a.indicators.values().size()) continue;
    nlohmann::json data = nlohmann::json::array();
    for (const std::string& agreement : agreements) {
      std::optional<double> total;
      for (const std::string& p : periods) {
        if (const auto m = a.at(agreement, p, name).mean) total = total.value_or(0.0) + *m;
      }
      data.push_back(json_number(total));
    }
    mode_series.push_back(
        {{"label", label(language, name)}, {"kind", "bar"}, {"color", color++}, {"data", data}});
  }
  if (!mode_series.empty()) {
    section.figures.push_back(
        {{"id", "fig-costs-mode"},
         {"type", "bar"},
         {"y_title", "$"},
         {"variant", "all"},
         {"variants", {{"all", {{"labels", agreements}, {"series", mode_series}}}}}});
    section.html += figure_html("fig-costs-mode", label(language, "costs.by_mode"));
  }

  std::vector<std::string> indicators;
  for (const std::string_view k : kAgreementIndicators) {
    if (a.indicators.index(std::string(k)) < a.indicators.values().size())
      indicators.emplace_back(k);
  }
  for (const std::string& i : a.indicators.values()) {
    bool known = false;
    for (const std::string_view k : kAgreementIndicators) known = known || k == i;
    if (!known) indicators.push_back(i);
  }
  std::vector<std::string> header{
      label(language, "costs.agreement"), label(language, "costs.organisation"),
      label(language, "costs.service"), label(language, "costs.funding_mode"),
      label(language, "common.period")};
  for (const std::string& i : indicators) header.push_back(label(language, i));
  HtmlTable table(header);
  for (const std::string& agreement : agreements) {
    const std::vector<std::string>& info = a.info.at(agreement);
    for (const std::string& p : periods) {
      std::vector<std::string> row{agreement, info[0], name_label(language, "service.", info[1]),
                                   label_or_raw(language, "funding_mode.", info[2]), p};
      for (const std::string& i : indicators) {
        const Estimate e = a.at(agreement, p, i);
        row.push_back(with_interval(language, e.mean, e.low, e.high));
      }
      table.add_row(std::move(row));
    }
  }
  section.html += table.html();
  return section;
}

std::optional<Section> retention_section(const fs::path& folder, Language language) {
  const fs::path path = folder / "retention_summary.csv";
  if (!fs::exists(path)) return std::nullopt;
  const TableReader t(path, {"agreement", "group", "period_kind", "period", "indicator", "mean"});
  const AgreementTable a = read_agreement_table(t, "agreement_year", {"agreement", "group"},
                                                {"agreement", "organisation", "group"});
  Section section{"retention", label(language, "retention.title"), "", nlohmann::json::array()};
  section.html = paragraph(label(language, "retention.intro")) +
                 paragraph(period_note(language, a.period_kind));

  // One figure per indicator, one row per agreement and group, one bar per period (the mean;
  // the table below gives the intervals): the legend lists the few periods, never the many
  // agreements, and each row's label is on the axis, so no entry is hidden and nothing covers
  // the plot.
  std::string figures;
  int n = 0;
  const std::vector<std::string>& keys = a.keys.values();
  for (const std::string& indicator : a.indicators.values()) {
    nlohmann::json series = nlohmann::json::array();
    int color = 0;
    for (const std::string& p : a.periods.values()) {
      nlohmann::json mean = nlohmann::json::array();
      for (const std::string& key : keys) mean.push_back(json_number(a.at(key, p, indicator).mean));
      series.push_back({{"label", p}, {"kind", "bar"}, {"color", color++}, {"data", mean}});
    }
    const std::string id = "fig-retention-" + std::to_string(++n);
    section.figures.push_back({{"id", id},
                               {"type", "bar"},
                               {"horizontal", true},
                               {"rows", keys.size() * (1 + a.periods.values().size() / 2)},
                               {"y_title", label(language, indicator)},
                               {"variant", "all"},
                               {"variants", {{"all", {{"labels", keys}, {"series", series}}}}}});
    figures += figure_html(id, label(language, indicator));
  }
  if (!figures.empty()) section.html += "<div class=\"grid\">\n" + figures + "</div>\n";

  std::vector<std::string> header{
      label(language, "costs.agreement"), label(language, "costs.organisation"),
      label(language, "retention.group"), label(language, "common.period")};
  for (const std::string& i : a.indicators.values()) header.push_back(label(language, i));
  HtmlTable table(header);
  for (const std::string& key : a.keys.values()) {
    const std::vector<std::string>& info = a.info.at(key);  // agreement, organisation, group
    for (const std::string& p : a.periods.values()) {
      std::vector<std::string> row{info[0], info[1], label_or_raw(language, "group.", info[2]), p};
      for (const std::string& i : a.indicators.values()) {
        const Estimate e = a.at(key, p, i);
        row.push_back(with_interval(language, e.mean, e.low, e.high));
      }
      table.add_row(std::move(row));
    }
  }
  section.html += table.html();
  return section;
}

std::optional<Section> sizing_section(const fs::path& folder, Language language) {
  const fs::path path = folder / "sizing.csv";
  if (!fs::exists(path)) return std::nullopt;
  const TableReader t(path, {"indicator", "p50", "p90"});
  HtmlTable table({label(language, "costs.organisation"), label(language, "costs.service"),
                   label(language, "sizing.agreement_year"), label(language, "sizing.level"),
                   label(language, "common.indicator"), label(language, "costs.funding_mode"),
                   "P50", "P90"});
  bool levels = false;
  for (std::size_t r = 0; r < t.size(); ++r) {
    const std::string level = t.text(r, "level");
    levels = levels || (!level.empty() && level != "all");
    table.add_row({t.text(r, "organisation"),
                   name_label(language, "service.", t.text(r, "service")),
                   t.text(r, "agreement_year"), label_or_raw(language, "level.", level),
                   label(language, t.text(r, "indicator")),
                   label_or_raw(language, "funding_mode.", t.text(r, "funding_mode")),
                   number_or_dash(language, t.number(r, "p50")),
                   number_or_dash(language, t.number(r, "p90"))});
  }
  Section section{"sizing", label(language, "sizing.title"), "", nlohmann::json::array()};
  section.html = paragraph(label(language, "sizing.intro"));
  const fs::path search_path = folder / "slots_search.csv";
  if (fs::exists(search_path)) section.html += places_search_html(search_path, language);
  section.html += table.html();
  if (levels) section.html += paragraph(label(language, "sizing.levels_note"));
  return section;
}

}  // namespace parcours::report
