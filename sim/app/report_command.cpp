// parcours report: one self-contained HTML page from a result folder.

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <memory>

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

RegisteredCommand register_report_command(CLI::App& app) {
  auto options = std::make_shared<ReportCommandOptions>();
  CLI::App* command =
      app.add_subcommand("report", "Write one self-contained HTML report from a result folder");
  command->add_option("results", options->folder, "Result folder (from parcours run)")->required();
  command->add_option("--lang", options->language, "Language of the labels: fr or en")
      ->check(CLI::IsMember({"fr", "en"}));
  command->add_option("--out,-o", options->out, "HTML file (default: RESULTS/report.html)");
  command->add_option(
      "--chartjs", options->chart_js,
      std::string("Chart.js file to inline (default: ") + report::kDebianChartJs + ")");
  command->add_flag("--timestamp", options->timestamp,
                    "Print the time of writing in the page (the bytes then change each time)");
  command->add_flag("--quiet,-q", options->quiet, "Nothing on stderr");
  return {command, [options](const Execution&) { return report_command(*options); }};
}

}  // namespace parcours::app
