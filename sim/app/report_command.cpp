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

// A file `parcours report` may replace: one it wrote itself. Its first bytes carry the
// generator meta of report_page.cpp.
bool is_parcours_report(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string head(512, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head.find("<meta name=\"generator\" content=\"parcours report\">") != std::string::npos;
}

// Issue 13: the report never writes over an input. The target must be an .html file (every
// input of a result folder is .csv or .json), not a folder, not a link, and when it exists,
// a page that `parcours report` wrote; anything else is refused before any work is done.
std::filesystem::path checked_out(const std::filesystem::path& folder,
                                  const ReportCommandOptions& options, report::Language language) {
  namespace fs = std::filesystem;
  const fs::path out =
      options.out.empty()
          ? folder / ("report." + std::string(report::language_code(language)) + ".html")
          : fs::path(options.out);
  const std::string ext = out.extension().string();
  if (ext != ".html" && ext != ".htm") {
    throw io::InputError(out.string(),
                         "--out must name an .html file (the report never replaces its inputs)");
  }
  const fs::file_status status = fs::symlink_status(out);
  if (fs::is_symlink(status)) {
    throw io::InputError(out.string(), "is a symbolic link; the report does not write through it");
  }
  if (fs::exists(status)) {
    if (!fs::is_regular_file(status)) {
      throw io::InputError(out.string(),
                           "exists and is not a regular file; refusing to replace it");
    }
    if (!is_parcours_report(out)) {
      throw io::InputError(out.string(),
                           "exists and is not a page written by parcours report; refusing to "
                           "replace it (remove it or choose another --out)");
    }
  }
  return out;
}

}  // namespace

int report_command(const ReportCommandOptions& options) {
  const std::filesystem::path folder = options.folder;
  if (!std::filesystem::is_directory(folder)) {  // before Chart.js: the likelier mistake
    throw io::InputError(folder.string(), "not a result folder (no such directory)");
  }
  report::ReportOptions report_options;
  report_options.language = report::parse_language(options.language);
  const std::filesystem::path out = checked_out(folder, options, report_options.language);
  report_options.chart_js =
      report::load_chart_js(options.chart_js.empty() ? report::kDebianChartJs : options.chart_js);
  if (options.timestamp) report_options.generated = utc_now();
  const std::string html = report::render_report(folder, report_options);
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
  command->add_option(
      "--out,-o", options->out,
      "HTML file (default: RESULTS/report.LANG.html, so fr and en do not overwrite each other)");
  command->add_option(
      "--chartjs", options->chart_js,
      std::string("Chart.js file to inline (default: ") + report::kDebianChartJs + ")");
  command->add_flag("--timestamp", options->timestamp,
                    "Print the time of writing in the page (the bytes then change each time)");
  command->add_flag("--quiet,-q", options->quiet, "Nothing on stderr");
  return {command, [options](const Execution&) { return report_command(*options); }};
}

}  // namespace parcours::app
