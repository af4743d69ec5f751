#pragma once
// The page's own style sheet and script (page_assets.cpp), kept apart from the C++ that fills
// the page so that each reads as what it is.

#include <string_view>

namespace parcours::report {

/// CSS for the page: readable on screen and when printed.
[[nodiscard]] std::string_view page_style();

/// The script that draws every figure from the JSON in <script id="report-data"> with
/// Chart.js, and marks each canvas data-rendered="true" once Chart.js has drawn something on
/// it (the end-to-end test reads that attribute from headless Chromium's DOM).
[[nodiscard]] std::string_view page_script();

}  // namespace parcours::report
