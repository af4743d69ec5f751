// Client journeys (trace.csv, written by `parcours run --trace`, issue 15): a few clients of
// the first replication, each as a timeline from arrival to how the journey ended, with the
// decisions taken about them and what each returned.

#include <map>

#include "report/html.hpp"
#include "report/sections.hpp"
#include "report/table_reader.hpp"

namespace parcours::report {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kJourneysShown = 5;

// What happened on one row, in words: an event or a stage by its label (journey.event.*,
// journey.stage.*), a decision as "rule → answer", an outcome as the indicator's label.
std::string happened(Language language, const TableReader& t, std::size_t r) {
  const std::string row = t.text(r, "row");
  const std::string what = t.text(r, "what");
  if (row == "event") return name_label(language, "journey.event.", what);
  if (row == "decision") {
    return name_label(language, "journey.hook.", t.text(r, "hook")) + " → " + t.text(r, "returned");
  }
  if (row == "outcome") return label(language, what);
  // The ending: "left after <indicator>" or "in_system_at_horizon".
  constexpr std::string_view kAfter = "left after ";
  if (what.starts_with(kAfter)) {
    return label(language, "journey.left_after") + label(language, what.substr(kAfter.size()));
  }
  return name_label(language, "journey.ending.", what);
}

}  // namespace

std::optional<Section> journey_section(const fs::path& folder, Language language) {
  const fs::path path = folder / "trace.csv";
  if (!fs::exists(path)) return std::nullopt;
  const TableReader t(path, {"replication", "client", "date", "row", "what", "stage", "hook",
                             "returned", "agreement", "hours"});
  // The first replication's clients, in arrival order, as many as shown.
  std::map<std::string, std::vector<std::size_t>> rows_of;
  std::vector<std::string> clients;
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (t.text(r, "replication") != "1") break;
    const std::string client = t.text(r, "client");
    if (!rows_of.contains(client)) {
      if (clients.size() == kJourneysShown) break;
      clients.push_back(client);
    }
    rows_of[client].push_back(r);
  }

  Section section{"journeys", label(language, "journey.title"), "", nlohmann::json::array()};
  section.html = paragraph(label(language, "journey.intro"));
  for (const std::string& client : clients) {
    section.html += "<h3>" + escape_html(label(language, "journey.client") + client) + "</h3>\n";
    HtmlTable table({label(language, "journey.date"), label(language, "journey.stage"),
                     label(language, "journey.what"), label(language, "journey.agreement"),
                     label(language, "journey.hours")});
    for (const std::size_t r : rows_of[client]) {
      const std::string stage = t.text(r, "stage");
      table.add_row({t.text(r, "date"), name_label(language, "journey.stage.", stage),
                     happened(language, t, r), t.text(r, "agreement"),
                     number_or_dash(language, t.number(r, "hours"))});
    }
    section.html += table.html();
  }
  return section;
}

}  // namespace parcours::report
