#pragma once
// One section of the report: its HTML (tables, figure frames) and the specs of its figures,
// which the page's script draws with Chart.js. Each section is built from one result file and
// exists only when that file is in the folder.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/translations.hpp"

namespace parcours::report {

struct Section {
  std::string id;     // the HTML id, for the table of contents
  std::string title;  // plain text (escaped when written)
  std::string html;   // the body, already escaped
  /// Figure specs: {id, type, horizontal, stacked, y_title, variant, variants: {key: {labels,
  /// series: [{label, kind, color, data, low, high, stack}]}}}; see report_script.cpp.
  nlohmann::json figures = nlohmann::json::array();
};

/// An HTML table of plain-text cells (escaped here). Cells that start like a number are
/// right-aligned.
class HtmlTable {
 public:
  explicit HtmlTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  [[nodiscard]] bool empty() const { return rows_.empty(); }
  [[nodiscard]] std::string html() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

/// The frame of one figure: a title and a canvas the script draws into.
[[nodiscard]] std::string figure_html(const std::string& id, const std::string& title);

/// A <select> that switches the figures `figure_ids` between variants (e.g. group dimensions);
/// `options` are (variant key, label) pairs.
[[nodiscard]] std::string variant_select_html(
    const std::string& label, const std::vector<std::pair<std::string, std::string>>& options,
    const std::vector<std::string>& figure_ids);

/// "<p>text</p>", escaped.
[[nodiscard]] std::string paragraph(const std::string& text);

/// A value with its interval: "1 234 [1 200 – 1 260]", or the mean alone when the interval
/// is missing, or "—".
[[nodiscard]] std::string with_interval(Language language, std::optional<double> mean,
                                        std::optional<double> low, std::optional<double> high);
[[nodiscard]] std::string number_or_dash(Language language, std::optional<double> value);

/// JSON for a value that may be missing (null).
[[nodiscard]] nlohmann::json json_number(std::optional<double> value);

/// A stable HTML id from any text: letters and digits kept, the rest as '-'.
[[nodiscard]] std::string html_id(const std::string& prefix, const std::string& text);

}  // namespace parcours::report
