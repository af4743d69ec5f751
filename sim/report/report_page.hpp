#pragma once
// `parcours report`: one self-contained HTML page from a result folder. The page holds the
// folder's figures as JSON, Chart.js (read from the Debian package at report time) and the
// script that draws them, so it opens offline and can be mailed as one file. For the same
// folder, language and Chart.js file, the bytes are the same: nothing depends on the time
// unless a timestamp is asked for.

#include <filesystem>
#include <string>

#include "report/translations.hpp"

namespace parcours::report {

/// Where Debian's libjs-chart.js package puts the library (a UMD build that defines `Chart`).
inline constexpr const char* kDebianChartJs = "/usr/share/javascript/chart.js/chart.min.js";

struct ReportOptions {
  Language language = Language::kFrench;
  /// Chart.js source text, inlined as it is.
  std::string chart_js;
  /// Shown in the header when not empty (e.g. "2026-11-23 14:30 UTC"); empty keeps the bytes
  /// reproducible.
  std::string generated;
};

/// Reads Chart.js from `path` (default kDebianChartJs). A missing file throws io::InputError
/// that names the package to install.
[[nodiscard]] std::string load_chart_js(const std::filesystem::path& path = kDebianChartJs);

/// The page for `folder`. Each section appears only when its file is in the folder; a folder
/// with none of them throws io::InputError, as does a table that cannot be read.
[[nodiscard]] std::string render_report(const std::filesystem::path& folder,
                                        const ReportOptions& options);

}  // namespace parcours::report
