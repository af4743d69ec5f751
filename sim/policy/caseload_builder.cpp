// The caseload section (issue 12): clients already in the system on the model's first day, one
// CSV row each, as the model's initial clients. Every row is checked against the scenario (its
// activity, its agreement in force on that day, the client's eligibility) and a bad one is
// refused at its file and line.

#include <algorithm>
#include <map>
#include <set>

#include "policy/csv_row.hpp"
#include "policy/parameter_schema.hpp"
#include "policy/scenario.hpp"

namespace parcours::policy {

namespace {

constexpr double kDaysPerWeek = 7.0;
constexpr double kMostWeeks = 520.0;  // weeks into an activity: ten years, beyond any Parcours

// Columns that are not the client's profile.
const std::set<std::string, std::less<>>& caseload_columns() {
  static const std::set<std::string, std::less<>> kColumns{"id",        "state", "activity",
                                                           "agreement", "week",  "source"};
  return kColumns;
}

std::string known(const std::vector<std::string>& names) {
  std::string all;
  for (const std::string& n : names) all += (all.empty() ? "" : ", ") + n;
  return all;
}

// The agreement a row names, in force on the model's first day (rule S8).
int agreement_of(const CsvRow& row, const model::ModelParameters& params,
                 const std::vector<std::string>& agreements, const std::string& what) {
  if (!row.has("agreement") || row.text("agreement").empty()) {
    row.fail("agreement: " + what + " names its agreement");
  }
  const std::string& name = row.text("agreement");
  const auto it = std::find(agreements.begin(), agreements.end(), name);
  if (it == agreements.end()) {
    row.fail("agreement '" + name + "': not in the agreements rows" +
             suggestion(name, std::vector<std::string_view>(agreements.begin(), agreements.end())));
  }
  const auto index = static_cast<int>(it - agreements.begin());
  if (!params.agreements.agreements[static_cast<std::size_t>(index)].active_at(0.0)) {
    row.fail("agreement '" + name + "' is not in force on the model's first day (" +
             core::format_date(params.horizon.model_start()) + ")");
  }
  return index;
}

// A client employed with retention support (rules M2, M6, M11): under another partner's
// retention service, or the in-service retention of an organisation that offers it.
model::InitialClient retention_client(const CsvRow& row, const model::ModelParameters& params,
                                      const std::vector<std::string>& agreements,
                                      const std::vector<std::string>& activities) {
  model::InitialClient ic;
  ic.state = model::InitialClient::State::kInRetention;
  ic.agreement = agreement_of(row, params, agreements, "a client in retention support");
  const model::Agreement& a = params.agreements.agreements[static_cast<std::size_t>(ic.agreement)];
  ic.activity = a.activity;
  const model::RetentionParameters& r = params.retention;
  const int service = a.activity;
  const bool partner = service == r.me_activity || service == r.ph2_activity ||
                       service == r.demarcheurs_maintien_activity;
  if (!partner && !params.agreements.organisations[a.organisation].retention) {
    row.fail("agreement '" + row.text("agreement") + "' gives no retention support: its service '" +
             activities[a.activity] +
             "' is not a retention service (retention.me_service, ph2_service, "
             "demarcheurs_maintien_service) and its organisation offers none (retention = true)");
  }
  if (row.has("activity") && !row.text("activity").empty()) {
    row.fail(
        "activity: a client in retention support has a job, not an activity (the agreement "
        "names the service)");
  }
  ic.days_done = row.has("week") && !row.text("week").empty()
                     ? row.number("week", 0, kMostWeeks) * kDaysPerWeek
                     : 0.0;
  return ic;
}

}  // namespace

std::vector<model::InitialClient> build_caseload(const std::vector<SectionValues>& sections,
                                                 const model::ModelParameters& params) {
  const auto section = std::find_if(sections.begin(), sections.end(), [](const SectionValues& s) {
    return s.spec->name == "caseload";
  });
  if (section == sections.end() || !section->has("rows")) return {};
  const SectionValues& s = *section;
  std::vector<std::string> activities;
  for (const model::ActivityParameters& a : params.activities) activities.push_back(a.name);
  std::vector<std::string> agreements;
  for (const model::Agreement& a : params.agreements.agreements) agreements.push_back(a.id);

  std::vector<model::InitialClient> out;
  std::map<std::string, std::string, std::less<>> first_line;  // client id -> its first row
  for (const auto& fields : s.rows("rows")) {
    const CsvRow row(s, "rows", fields);
    const std::string& id = row.text("id");
    if (id.empty()) row.fail("id: every client needs one");
    const auto line = fields.find("__line");
    const auto [first, inserted] =
        first_line.emplace(id, line == fields.end() ? std::string("?") : line->second);
    if (!inserted)
      row.fail("client '" + id + "' is listed twice (first on line " + first->second + ")");
    const auto given = [&](const std::string& column) {
      return row.has(column) && !row.text(column).empty();
    };

    model::InitialClient ic;
    const std::string& state = row.text("state");
    if (state == "waiting_interview") {
      ic.state = model::InitialClient::State::kWaitingInterview;
      if (given("activity") || given("agreement") || given("week")) {
        row.fail("a client waiting for the interview has no activity, agreement or week");
      }
    } else if (state == "retention") {
      ic = retention_client(row, params, agreements, activities);
    } else if (state == "parcours" || state == "participation") {
      if (state == "participation") {
        ic.state = model::InitialClient::State::kInParticipation;
        if (!given("agreement")) row.fail("agreement: a participation names its agreement");
        const std::string& name = row.text("agreement");
        const auto it = std::find(agreements.begin(), agreements.end(), name);
        if (it == agreements.end()) {
          row.fail("agreement '" + name + "': not in the agreements rows" +
                   suggestion(name,
                              std::vector<std::string_view>(agreements.begin(), agreements.end())));
        }
        ic.agreement = static_cast<int>(it - agreements.begin());
        const model::Agreement& a = params.agreements.agreements[ic.agreement];
        ic.activity = a.activity;
        if (given("activity") && row.text("activity") != activities[a.activity]) {
          row.fail("agreement '" + name + "' is for '" + activities[a.activity] + "', not '" +
                   row.text("activity") + "'");
        }
        if (!a.active_at(0.0)) {  // rule S8: no activity outside a signed agreement
          row.fail("agreement '" + name + "' is not in force on the model's first day (" +
                   core::format_date(params.horizon.model_start()) + ")");
        }
      } else {
        ic.state = model::InitialClient::State::kInActivity;
        if (!given("activity")) row.fail("activity: a client in a Parcours is in one");
        if (given("agreement")) row.fail("agreement: give state participation for an OSE's");
        const std::string& name = row.text("activity");
        const auto it = std::find(activities.begin(), activities.end(), name);
        if (it == activities.end()) {
          row.fail("activity '" + name + "': no such activity (known: " + known(activities) + ")");
        }
        ic.activity = static_cast<std::uint8_t>(it - activities.begin());
        const bool under_agreement =
            std::any_of(params.agreements.agreements.begin(), params.agreements.agreements.end(),
                        [&](const model::Agreement& a) { return a.activity == ic.activity; });
        if (under_agreement) {
          row.fail("activity '" + name +
                   "' is delivered under agreements: give state participation and its agreement");
        }
      }
      ic.days_done = given("week") ? row.number("week", 0, kMostWeeks) * kDaysPerWeek : 0.0;
    } else {
      row.fail("state: expected waiting_interview, parcours, participation or retention, got '" +
               state + "'");
    }

    for (const auto& [column, text] : fields) {
      if (column.starts_with("__") || caseload_columns().contains(column)) continue;
      if (const auto error =
              set_profile_field(ic.profile, column, text, params.population.regions)) {
        row.fail(*error);
      }
    }
    if (ic.state != model::InitialClient::State::kWaitingInterview) {
      const model::Eligibility& e = params.activities[ic.activity].service.eligibility;
      if (!e.admits(ic.profile)) {  // rules S2, S4
        row.fail("client '" + id + "' is not eligible for '" + activities[ic.activity] +
                 "' (its ages, statuses or disability condition)");
      }
    }
    out.push_back(ic);
  }
  return out;
}

}  // namespace parcours::policy
