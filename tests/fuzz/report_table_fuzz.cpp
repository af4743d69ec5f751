// libFuzzer target: any bytes as one of the result tables `parcours report` reads (the first
// byte picks which), rendered into a page. The page is written or the table refused with
// io::InputError naming file:line; anything else is a finding.

#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "io/input_error.hpp"
#include "report/report_page.hpp"

namespace {

constexpr std::array<const char*, 7> kTables{"summary_yearly.csv",    "summary_quarterly.csv",
                                             "indicators_yearly.csv", "agreements_summary.csv",
                                             "retention_summary.csv", "sizing.csv",
                                             "comparison_yearly.csv"};

const std::filesystem::path& folder() {
  static const std::filesystem::path path = [] {
    const auto p = std::filesystem::temp_directory_path() /
                   ("parcours-fuzz-report-" + std::to_string(::getpid()));
    std::filesystem::create_directories(p);
    return p;
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  for (const char* name : kTables) std::filesystem::remove(folder() / name);
  {
    std::ofstream out(folder() / kTables[data[0] % kTables.size()], std::ios::binary);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  parcours::report::ReportOptions options;
  options.chart_js = "/* Chart.js */";
  try {
    (void)parcours::report::render_report(folder(), options);
  } catch (const parcours::io::InputError&) {
  }
  return 0;
}
