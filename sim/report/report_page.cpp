#include "report/report_page.hpp"

#include <functional>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/input_error.hpp"
#include "io/read_file.hpp"
#include "report/html.hpp"
#include "report/page_assets.hpp"
#include "report/sections.hpp"

namespace parcours::report {

namespace fs = std::filesystem;

namespace {

// What was run, from manifest.json when the folder has one (the CSV files alone are enough).
std::string run_details(const fs::path& folder, const ReportOptions& options) {
  const Language language = options.language;
  std::vector<std::pair<std::string, std::string>> rows;
  rows.emplace_back(label(language, "page.folder"), folder.filename().string());
  const fs::path manifest_path = folder / "manifest.json";
  if (fs::exists(manifest_path)) {
    nlohmann::json manifest;
    try {
      manifest = nlohmann::json::parse(io::read_file(manifest_path));
    } catch (const nlohmann::json::exception& e) {
      throw io::InputError(manifest_path.string(), std::string("not valid JSON: ") + e.what());
    }
    auto text = [&manifest](const nlohmann::json::json_pointer& at) -> std::string {
      if (!manifest.contains(at)) return "";
      const nlohmann::json& v = manifest.at(at);
      return v.is_string() ? v.get<std::string>() : v.dump();
    };
    const std::vector<std::pair<std::string, std::string>> fields{
        {"page.scenario", "/scenario/name"},
        {"page.seed", "/seed"},
        {"page.replications", "/replications"},
        {"page.version", "/version"}};
    for (const auto& [key, pointer] : fields) {
      const std::string value = text(nlohmann::json::json_pointer(pointer));
      if (!value.empty()) rows.emplace_back(label(language, key), value);
    }
  }
  if (!options.generated.empty())
    rows.emplace_back(label(language, "page.generated"), options.generated);
  std::string out = "<dl class=\"meta\">\n";
  for (const auto& [name, value] : rows) {
    out += "<dt>" + escape_html(name) + "</dt><dd>" + escape_html(value) + "</dd>\n";
  }
  return out + "</dl>\n";
}

}  // namespace

std::string load_chart_js(const fs::path& path) {
  if (!fs::exists(path)) {
    throw io::InputError(path.string(),
                         "Chart.js not found; the report draws its figures with it. Install "
                         "Debian's package: apt-get install libjs-chart.js (or give the file "
                         "with --chartjs)");
  }
  return io::read_file(path);
}

std::string render_report(const fs::path& folder, const ReportOptions& options) {
  if (!fs::is_directory(folder)) {
    throw io::InputError(folder.string(), "not a result folder (no such directory)");
  }
  const Language language = options.language;
  using Builder = std::function<std::optional<Section>(const fs::path&, Language)>;
  const std::vector<Builder> builders{flow_section,        quarterly_section, yearly_section,
                                      costs_section,       savings_section,   retention_section,
                                      comparison_section,  sizing_section,    validation_section,
                                      uncertainty_section, journey_section};
  std::vector<Section> sections;
  for (const Builder& build : builders) {
    if (auto s = build(folder, language)) sections.push_back(std::move(*s));
  }
  if (sections.empty()) {
    throw io::InputError(
        folder.string(),
        "no result table to report on (expected summary_yearly.csv, "
        "summary_quarterly.csv, indicators_yearly.csv, agreements_summary.csv, "
        "retention_summary.csv, comparison_yearly.csv, sizing.csv or validation.csv)");
  }

  nlohmann::json figures = nlohmann::json::array();
  for (const Section& s : sections) {
    for (const auto& f : s.figures) figures.push_back(f);
  }
  const nlohmann::json data = {{"figures", std::move(figures)}};

  const std::string title = label(language, "page.title");
  std::string html;
  html += "<!DOCTYPE html>\n<html lang=\"" + std::string(language_code(language)) + "\">\n";
  html += "<head>\n<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html += "<meta name=\"generator\" content=\"parcours report\">\n";
  html += "<title>" + escape_html(title) + " — " + escape_html(folder.filename().string()) +
          "</title>\n";
  html += "<style>" + std::string(page_style()) + "</style>\n</head>\n<body>\n";
  html += "<header>\n<h1>" + escape_html(title) + "</h1>\n" + run_details(folder, options);
  html += "<noscript><p>" + escape_html(label(language, "page.no_script")) + "</p></noscript>\n";
  html += "<nav><ol>\n";
  for (const Section& s : sections) {
    html += "<li><a href=\"#" + escape_html(s.id) + "\">" + escape_html(s.title) + "</a></li>\n";
  }
  html += "</ol></nav>\n</header>\n<main>\n";
  for (const Section& s : sections) {
    html += "<section id=\"" + escape_html(s.id) + "\">\n<h2>" + escape_html(s.title) + "</h2>\n";
    html += s.html + "</section>\n";
  }
  html += "</main>\n<footer><p>" + escape_html(label(language, "page.footer")) + "</p></footer>\n";
  html +=
      "<script type=\"application/json\" id=\"report-data\">" + script_json(data) + "</script>\n";
  html += "<script>\n" + script_text(options.chart_js) + "\n</script>\n";
  html += "<script>" + script_text(page_script()) + "</script>\n";
  html += "</body>\n</html>\n";
  return html;
}

}  // namespace parcours::report
