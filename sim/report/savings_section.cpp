// Costs and savings (rule P7): what the agreements cost in all by service and fiscal year, per
// participant begun and per person placed (costs_summary.csv), and the income support paid to
// clients while out of work and saved by their jobs (summary_yearly.csv, all clients).

#include <map>
#include <string_view>
#include <utility>

#include "report/html.hpp"
#include "report/sections.hpp"
#include "report/table_reader.hpp"

namespace parcours::report {

namespace fs = std::filesystem;

namespace {

struct Estimate {
  std::optional<double> mean, low, high;
};

constexpr std::string_view kServiceIndicators[] = {"cost_total", "participants_started",
                                                   "cost_per_participant", "employed_0_3_months",
                                                   "cost_per_person_placed"};

constexpr std::string_view kSupportIndicators[] = {"income_support_paid", "income_support_savings",
                                                   "employed"};

// Costs by service (and all services) and fiscal year.
std::string service_table(const fs::path& path, Language language) {
  const TableReader t(path, {"period_kind", "period", "dimension", "group", "indicator", "mean"});
  FirstSeen groups;
  FirstSeen years;
  std::map<std::tuple<std::string, std::string, std::string>, Estimate> values;
  for (std::size_t r = 0; r < t.size(); ++r) {
    const std::string dimension = t.text(r, "dimension");
    if (t.text(r, "period_kind") != "fiscal_year" || (dimension != "all" && dimension != "service"))
      continue;
    const std::string group = dimension == "all" ? std::string() : t.text(r, "group");
    groups.add(group);
    years.add(t.text(r, "period"));
    values[{group, t.text(r, "period"), t.text(r, "indicator")}] = {
        t.number(r, "mean"), t.number(r, "ci95_low"), t.number(r, "ci95_high")};
  }
  std::vector<std::string> header{label(language, "costs.service"),
                                  label(language, "common.fiscal_year")};
  for (const std::string_view i : kServiceIndicators) header.push_back(label(language, i));
  HtmlTable table(header);
  for (const std::string& group : groups.values()) {
    for (const std::string& year : years.values()) {
      std::vector<std::string> row{group.empty() ? label(language, "savings.all_services")
                                                 : name_label(language, "service.", group),
                                   year};
      for (const std::string_view i : kServiceIndicators) {
        const auto it = values.find({group, year, std::string(i)});
        const Estimate e = it == values.end() ? Estimate{} : it->second;
        row.push_back(with_interval(language, e.mean, e.low, e.high));
      }
      table.add_row(std::move(row));
    }
  }
  return table.html();
}

// Income support paid and saved, all clients, by fiscal year.
std::string support_table(const fs::path& path, Language language) {
  const TableReader t(path, {"fiscal_year", "dimension", "group", "indicator", "mean"});
  FirstSeen years;
  std::map<std::pair<std::string, std::string>, Estimate> values;
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (t.text(r, "dimension") != "all") continue;
    years.add(t.text(r, "fiscal_year"));
    values[{t.text(r, "fiscal_year"), t.text(r, "indicator")}] = {
        t.number(r, "mean"), t.number(r, "ci95_low"), t.number(r, "ci95_high")};
  }
  std::vector<std::string> header{label(language, "common.fiscal_year")};
  for (const std::string_view i : kSupportIndicators) header.push_back(label(language, i));
  HtmlTable table(header);
  for (const std::string& year : years.values()) {
    std::vector<std::string> row{year};
    for (const std::string_view i : kSupportIndicators) {
      const auto it = values.find({year, std::string(i)});
      const Estimate e = it == values.end() ? Estimate{} : it->second;
      row.push_back(with_interval(language, e.mean, e.low, e.high));
    }
    table.add_row(std::move(row));
  }
  return table.html();
}

}  // namespace

std::optional<Section> savings_section(const fs::path& folder, Language language) {
  const fs::path costs = folder / "costs_summary.csv";
  const fs::path yearly = folder / "summary_yearly.csv";
  const bool has_costs = fs::exists(costs);
  bool has_support = false;
  if (fs::exists(yearly)) {
    const TableReader t(yearly, {"indicator"});
    for (std::size_t r = 0; r < t.size() && !has_support; ++r) {
      has_support = t.text(r, "indicator") == "income_support_paid";
    }
  }
  if (!has_costs && !has_support) return std::nullopt;
  Section section{"savings", label(language, "savings.title"), "", nlohmann::json::array()};
  section.html = paragraph(label(language, "savings.intro"));
  if (has_support) {
    section.html += "<h3>" + escape_html(label(language, "savings.support_title")) + "</h3>\n" +
                    paragraph(label(language, "savings.support_intro")) +
                    support_table(yearly, language);
  }
  if (has_costs) {
    section.html += "<h3>" + escape_html(label(language, "savings.services_title")) + "</h3>\n" +
                    paragraph(label(language, "savings.services_intro")) +
                    service_table(costs, language);
  }
  return section;
}

}  // namespace parcours::report
