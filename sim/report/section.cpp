#include "report/section.hpp"

#include <cctype>

#include "report/html.hpp"

namespace parcours::report {

namespace {

bool looks_numeric(const std::string& cell) {
  if (cell.empty()) return false;
  const auto first = static_cast<unsigned char>(cell[0]);
  return std::isdigit(first) != 0 || cell.rfind("−", 0) == 0 || cell == "—";
}

}  // namespace

std::string HtmlTable::html() const {
  std::string out = "<div class=\"table-wrap\"><table>\n<thead><tr>";
  for (const std::string& h : header_) out += "<th>" + escape_html(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows_) {
    out += "<tr>";
    for (const std::string& cell : row) {
      out += looks_numeric(cell) ? "<td class=\"num\">" : "<td>";
      out += escape_html(cell) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n";
  return out;
}

std::string figure_html(const std::string& id, const std::string& title) {
  return "<figure class=\"chart\" data-figure=\"" + escape_html(id) + "\"><figcaption>" +
         escape_html(title) + "</figcaption><div class=\"chart-box\"><canvas id=\"" +
         escape_html(id) + "\" role=\"img\" aria-label=\"" + escape_html(title) +
         "\"></canvas></div></figure>\n";
}

std::string variant_select_html(const std::string& label,
                                const std::vector<std::pair<std::string, std::string>>& options,
                                const std::vector<std::string>& figure_ids) {
  std::string ids;
  for (const std::string& id : figure_ids) ids += (ids.empty() ? "" : " ") + id;
  std::string out = "<label class=\"variant\">" + escape_html(label) + " <select data-figures=\"" +
                    escape_html(ids) + "\">";
  for (const auto& [key, text] : options) {
    out += "<option value=\"" + escape_html(key) + "\">" + escape_html(text) + "</option>";
  }
  return out + "</select></label>\n";
}

std::string paragraph(const std::string& text) { return "<p>" + escape_html(text) + "</p>\n"; }

std::string number_or_dash(Language language, std::optional<double> value) {
  return value ? format_number(language, *value) : "—";
}

std::string with_interval(Language language, std::optional<double> mean, std::optional<double> low,
                          std::optional<double> high) {
  if (!mean) return "—";
  std::string out = format_number(language, *mean);
  if (low && high) {
    out += " [" + format_number(language, *low) + " – " + format_number(language, *high) + "]";
  }
  return out;
}

nlohmann::json json_number(std::optional<double> value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

std::string html_id(const std::string& prefix, const std::string& text) {
  std::string out = prefix;
  for (const char c : text) {
    out += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '-';
  }
  return out;
}

}  // namespace parcours::report
