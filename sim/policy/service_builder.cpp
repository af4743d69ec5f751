// The service catalogue, organisations and agreements of a scenario as the model's parameters
// (rules S1-S8, M11), with the checks the seeds set: SAE services under 180 hours and extra
// costs only, PPE over 180 hours at 20+ hours a week (S5), agreements within agreement years
// of 1 July - 30 June, three years only for a non-profit (S6), the disability overhead limit
// (S7). Errors about a CSV row name the CSV file and line.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "io/input_error.hpp"
#include "policy/csv_row.hpp"
#include "policy/scenario.hpp"

namespace parcours::policy {

namespace {

constexpr double kDaysPerWeek = 7.0;
constexpr double kSaeMaxHours = 180.0;        // rule S5: SAE total under 180 hours
constexpr double kPpeMinHoursPerWeek = 20.0;  // rule S5: PPE at least 20 h a week on average
constexpr double kInternshipMaxWeeks = 4.0;  // rule S3: "ne peut excéder une période de 4 semaines"

std::string weeks_text(double weeks) {
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%g", weeks);
  return text.data();
}

[[noreturn]] void fail(const SectionValues& s, const std::string& message) {
  throw io::InputError(s.origin.file, s.origin.line, std::string(s.spec->name) + ": " + message);
}

template <typename Names>
std::size_t index_in(const SectionValues& s, const std::string& what, const std::string& name,
                     const Names& names) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return i;
  }
  std::vector<std::string_view> views(names.begin(), names.end());
  std::string all;
  for (auto n : views) all += (all.empty() ? "" : ", ") + std::string(n);
  fail(s, what + ": unknown '" + name + "'" + suggestion(name, views) + " (known: " + all + ")");
}

}  // namespace

void build_service_terms(const SectionValues& activity, model::ActivityParameters& a) {
  const SectionValues& s = activity;
  // The scalar terms are the rows' bindings (policy/schema_activity.cpp), applied before:
  // here the names looked up and the checks that tie keys together.
  model::ServiceTerms& t = a.service;
  std::vector<std::string_view> measures(model::kMeasureNames.begin(), model::kMeasureNames.end());
  t.measure = static_cast<model::Measure>(index_in(s, "measure", s.text("measure"), measures));
  const std::vector<std::string_view> deliveries{"individual", "group"};
  t.delivery =
      static_cast<model::Delivery>(index_in(s, "delivery", s.text("delivery"), deliveries));
  t.has_hours = s.has("hours_direct");  // without it, hours_indirect is not counted either
  if (s.has("levels")) {
    if (!t.has_hours) fail(s, "levels need hours_direct: a level is a range of hours (rule M8)");
    for (const auto& [name, max_hours] : s.shares("levels")) t.levels.push_back({name, max_hours});
    std::sort(t.levels.begin(), t.levels.end(),
              [](const auto& x, const auto& y) { return x.max_hours < y.max_hours; });
    if (t.levels.size() > 32) fail(s, "levels: at most 32");
  }
  if (t.eligibility.min_age > t.eligibility.max_age) fail(s, "min_age is above max_age");
  if (s.has("statuses")) {
    t.eligibility.statuses = {false, false, false};
    const std::vector<std::string_view> known{"afdr", "ei", "none"};
    for (const std::string& status : s.texts("statuses")) {
      t.eligibility.statuses[index_in(s, "statuses", status, known)] = true;
    }
  }
  if (t.followup_hours.highest() > 0 && !(t.followup_days > 0)) {
    fail(s, "'" + a.name + "': followup_hours need followup_weeks (rule S2)");
  }
  if (a.extension_probability > 0 && !(a.extension_days.mean() > 0)) {
    fail(s, "'" + a.name + "': extension_probability needs extension_weeks (rule S2)");
  }
  if (a.integration_days.highest() > a.duration_days.lowest()) {
    fail(s, "'" + a.name +
                "': integration_weeks can be longer than the participation (duration_weeks); "
                "the integration phase is inside it (rule M9)");
  }
  if (a.in_job_support_days > 0 && !(a.in_job_support_hours.mean() > 0)) {
    fail(s, "'" + a.name + "': in_job_support_weeks needs in_job_support_hours (rule S4)");
  }

  // Rule S3: an exploration internship lasts at most 4 weeks.
  if (t.group == "internship" && a.extension_probability > 0) {
    fail(s, "'" + a.name +
                "' is an internship, which lasts at most 4 weeks (rule S3): it "
                "cannot be extended (extension_probability)");
  }
  if (t.group == "internship" && a.duration_days.highest() > kInternshipMaxWeeks * kDaysPerWeek) {
    fail(s, "'" + a.name + "' is an internship, which lasts at most 4 weeks (rule S3), but its " +
                "duration_weeks can reach " +
                (std::isinf(a.duration_days.highest())
                     ? std::string("any length (an unbounded distribution)")
                     : weeks_text(a.duration_days.highest() / kDaysPerWeek) + " weeks"));
  }
  // Rule S5: what each measure's services may be.
  const double most = t.hours_direct.highest() + t.hours_indirect.highest();
  if (t.measure == model::Measure::kSae) {
    if (a.allowance_per_week > 0) {
      fail(s, "'" + a.name +
                  "' is an SAE service: its income support is extra costs only, "
                  "allowance_per_week must be 0 (rule S5)");
    }
    if (!t.has_hours)
      fail(s, "'" + a.name + "' is an SAE service: give its hours_direct (rule S5)");
    if (!(most < kSaeMaxHours)) {
      fail(s, "'" + a.name +
                  "' is an SAE service, which stays under 180 hours (rule S5), but its "
                  "hours_direct + hours_indirect can reach " +
                  (std::isinf(most) ? std::string("any number (an unbounded distribution)")
                                    : std::to_string(static_cast<long>(most))) +
                  "; use a bounded distribution (fixed, uniform, triangular) below 180");
    }
  }
  if (t.measure == model::Measure::kPpe && t.has_hours) {
    const double least = t.hours_direct.lowest() + t.hours_indirect.lowest();
    const double weeks = a.duration_days.mean() / kDaysPerWeek;
    const double per_week = (t.hours_direct.mean() + t.hours_indirect.mean()) / weeks;
    if (least < kSaeMaxHours || per_week < kPpeMinHoursPerWeek) {
      fail(s, "'" + a.name +
                  "' is a PPE service: over 180 hours at 20 hours a week or more on "
                  "average (rule S5); its hours can be as few as " +
                  std::to_string(static_cast<long>(least)) + " at " +
                  std::to_string(static_cast<long>(per_week)) + " h/week");
    }
  }
}

model::AgreementParameters build_agreements(
    const std::vector<SectionValues>& sections,
    const std::vector<model::ActivityParameters>& activities,
    const std::vector<std::string>& regions, const core::Calendar& calendar) {
  model::AgreementParameters p;
  std::vector<std::string> activity_names;
  activity_names.reserve(activities.size());
  for (const auto& a : activities) activity_names.push_back(a.name);
  std::vector<std::string> organisation_names;
  for (const SectionValues& s : sections) {
    if (s.spec->name != "organisation") continue;
    model::Organisation o;
    o.name = s.text("name");
    if (std::find(organisation_names.begin(), organisation_names.end(), o.name) !=
        organisation_names.end()) {
      fail(s, "organisation '" + o.name + "' is defined twice");
    }
    if (s.has("region"))
      o.region = static_cast<int>(index_in(s, "region", s.text("region"), regions));
    o.non_profit = s.flag("non_profit");
    for (const auto& [service, places] : s.shares("slots")) {
      const auto activity = index_in(s, "slots", service, activity_names);
      if (places != std::floor(places)) fail(s, "slots: '" + service + "' needs a whole number");
      o.offers.push_back({static_cast<std::uint8_t>(activity), static_cast<int>(places), -1});
    }
    if (s.has("waitlist")) {
      for (const auto& [service, most] : s.shares("waitlist")) {
        const auto activity =
            static_cast<std::uint8_t>(index_in(s, "waitlist", service, activity_names));
        auto it = std::find_if(o.offers.begin(), o.offers.end(), [&](const model::ServiceOffer& x) {
          return x.activity == activity;
        });
        if (it == o.offers.end()) fail(s, "waitlist: '" + service + "' has no slots: not offered");
        it->waitlist = static_cast<int>(most);
      }
    }
    o.waiting_dropout_per_day = s.number("waiting_dropout_per_week") / kDaysPerWeek;
    o.retention = s.flag("retention");
    organisation_names.push_back(o.name);
    p.organisations.push_back(std::move(o));
  }

  const SectionValues* ag = nullptr;
  for (const SectionValues& s : sections) {
    if (s.spec->name == "agreements") ag = &s;
  }
  if (ag == nullptr || !ag->has("rows")) return p;
  const SectionValues& s = *ag;
  p.disability_overhead_limit = s.number("disability_overhead_limit");
  p.wait_threshold_days = s.number("wait_threshold_days");
  std::vector<std::string> ids;
  for (const auto& fields : s.rows("rows")) {
    const CsvRow row(s, "rows", fields);
    model::Agreement a;
    a.id = row.text("agreement");
    if (std::find(ids.begin(), ids.end(), a.id) != ids.end()) {
      row.fail("agreement '" + a.id + "' is listed twice");
    }
    const std::string& org = row.text("organisation");
    const auto o = std::find(organisation_names.begin(), organisation_names.end(), org);
    if (o == organisation_names.end()) {
      row.fail("organisation '" + org + "': no organisation { name = ... } defines it");
    }
    a.organisation = static_cast<std::uint16_t>(o - organisation_names.begin());
    const std::string& service = row.text("service");
    const auto act = std::find(activity_names.begin(), activity_names.end(), service);
    if (act == activity_names.end()) row.fail("service '" + service + "': no such activity");
    a.activity = static_cast<std::uint8_t>(act - activity_names.begin());
    const model::Organisation& organisation = p.organisations[a.organisation];
    if (organisation.offer(a.activity) == nullptr) {  // rule M11
      row.fail("organisation '" + org + "' does not offer '" + service + "' (its slots)");
    }
    // Rule S6: agreement years run 1 July - 30 June; one year at most, three for a non-profit.
    const core::Date start = row.date("start");
    const core::Date last = row.date("end");
    if (last < start) row.fail("end is before start");
    a.first_agreement_year = core::agreement_year_of(start);
    a.agreement_years = core::agreement_year_of(last) - a.first_agreement_year + 1;
    if (a.agreement_years > 1 && !organisation.non_profit) {
      row.fail("runs " + core::format_date(start) + " to " + core::format_date(last) +
               ", across agreement years (1 July - 30 June): only a non-profit may hold an "
               "agreement of more than one year (rule S6)");
    }
    if (a.agreement_years > 3)
      row.fail("an agreement lasts at most three agreement years (rule S6)");
    a.start = calendar.time_of(start);
    a.end = calendar.time_of(last) + 1.0;
    const std::string& mode = row.text("funding_mode");
    if (mode == "fixed_price") {
      a.mode = model::FundingMode::kFixedPrice;
    } else if (mode == "actual_costs") {
      a.mode = model::FundingMode::kActualCosts;
    } else {
      row.fail("funding_mode: expected fixed_price or actual_costs, got '" + mode + "'");
    }
    a.hourly_cost = row.number("hourly_cost", 0, 1e4);
    a.overhead_share = row.number("overhead_share", 0, 10);
    a.ceiling = row.number("ceiling", 0, 1e10);
    a.disability_overhead_max = p.disability_overhead_limit;
    a.levels.resize(activities[a.activity].service.level_count());
    ids.push_back(a.id);
    p.agreements.push_back(std::move(a));
  }
  if (!s.has("levels")) fail(s, "rows need levels: the targets and prices of each agreement (S7)");
  std::vector<std::vector<bool>> seen(p.agreements.size());
  for (std::size_t i = 0; i < p.agreements.size(); ++i)
    seen[i].assign(p.agreements[i].levels.size(), false);
  for (const auto& fields : s.rows("levels")) {
    const CsvRow row(s, "levels", fields);
    const std::string& id = row.text("agreement");
    const auto it = std::find(ids.begin(), ids.end(), id);
    if (it == ids.end()) row.fail("agreement '" + id + "' is not in the agreements rows");
    const auto ai = static_cast<std::size_t>(it - ids.begin());
    model::Agreement& a = p.agreements[ai];
    const model::ServiceTerms& terms = activities[a.activity].service;
    const std::string& level = row.text("level");
    std::size_t li = 0;
    while (li < terms.level_count() && terms.level_name(li) != level) ++li;
    if (li == terms.level_count()) {
      std::string names;
      for (std::size_t k = 0; k < terms.level_count(); ++k) {
        names += (k ? ", " : "") + std::string(terms.level_name(k));
      }
      row.fail("level '" + level + "': service '" + activities[a.activity].name + "' has levels " +
               names);
    }
    if (seen[ai][li]) row.fail("agreement '" + id + "' level '" + level + "' is listed twice");
    seen[ai][li] = true;
    a.levels[li].target = row.number("target_participants", 0, 1e7);
    a.levels[li].price = row.number("price", 0, 1e7);
  }
  for (std::size_t i = 0; i < p.agreements.size(); ++i) {
    for (std::size_t l = 0; l < seen[i].size(); ++l) {
      if (!seen[i][l]) {
        fail(s, "levels: agreement '" + p.agreements[i].id + "' has no row for level '" +
                    std::string(activities[p.agreements[i].activity].service.level_name(l)) + "'");
      }
    }
  }
  return p;
}

}  // namespace parcours::policy
