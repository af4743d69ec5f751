// parcours report: one self-contained HTML page from a result folder.

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>

#include "app/commands.hpp"
#include "io/input_error.hpp"
#include "report/report_page.hpp"

namespace parcours::app {

namespace {

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &utc);
  return buffer;
}

}  // namespace

int report_command(const ReportCommandOptions& options) {
  const std::filesystem::path folder = options.folder;
  if (!std::filesystem::is_directory(folder)) {  // before Chart.js: the likelier mistake
    throw io::InputError(folder.string(), "not a result folder (no such directory)");
  }
  report::ReportOptions report_options;
  report_options.language = report::parse_language(options.language);
  report_options.chart_js =
      report::load_chart_js(options.chart_js.empty() ? report::kDebianChartJs : options.chart_js);
  if (options.timestamp) report_options.generated = utc_now();
  const std::string html = report::render_report(folder, report_options);

  const std::filesystem::path out =
      options.out.empty() ? folder / "report.html" : std::filesystem::path(options.out);
  // Written beside the target and renamed, so a reader never sees half a page.
  const std::filesystem::path partial = out.string() + ".partial";
  {
    std::ofstream file(partial, std::ios::binary);
    file << html;
    if (!file.flush()) throw io::InputError(out.string(), "cannot write the report");
  }
  std::filesystem::rename(partial, out);
  if (!options.quiet) std::fprintf(stderr, "parcours: wrote %s\n", out.string().c_str());
  return 0;
}

}  // namespace parcours::app
