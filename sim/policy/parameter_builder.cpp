// From checked section values to the model's parameters: unit conversions (hours and weeks
// to days) and the checks that involve more than one key.

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/scheduler_kind.hpp"
#include "io/input_error.hpp"
#include "model/client.hpp"
#include "policy/scenario.hpp"

namespace parcours::policy {

namespace {

constexpr double kDaysPerWeek = 7.0;
constexpr double kDaysPerMonth = 365.25 / 12.0;
constexpr double kHoursPerDay = 24.0;  // agents serve around the clock until working hours land

const SectionValues& section(const std::vector<SectionValues>& sections, std::string_view name) {
  for (const SectionValues& s : sections) {
    if (s.spec->name == name) return s;
  }
  throw std::logic_error("section resolved without values: " + std::string(name));
}

[[noreturn]] void fail(const SectionValues& s, const std::string& message) {
  throw io::InputError(s.origin.file, s.origin.line, std::string(s.spec->name) + ": " + message);
}

// Log hazard ratios by covariate name (rules D5, D6); unknown names get a suggestion.
model::Effects effects_of(const SectionValues& s, std::string_view key) {
  model::Effects effects;
  if (!s.has(key)) return effects;
  for (const auto& [name, beta] : s.shares(key)) {
    const auto covariate = model::covariate_named(name);
    if (!covariate) {
      fail(
          s, std::string(key) + ": unknown covariate '" + name + "'" +
                 suggestion(name, model::covariate_names()) + "; known: " + [] {
                   std::string all;
                   for (auto n : model::covariate_names())
                     all += (all.empty() ? "" : ", ") + std::string(n);
                   return all;
                 }());
    }
    effects.terms.emplace_back(*covariate, beta);
  }
  return effects;
}

}  // namespace

model::ModelParameters build_parameters(const std::vector<SectionValues>& sections,
                                        const std::string& file) {
  model::ModelParameters p;

  const SectionValues& sc = section(sections, "scenario");
  p.horizon.name = sc.text("name");
  p.horizon.start = *core::parse_date(sc.text("start"));
  p.horizon.years = sc.number("years");
  p.horizon.seed = static_cast<std::uint64_t>(sc.number("seed"));
  p.horizon.warmup_years = static_cast<int>(sc.number("warmup_years"));
  const std::optional<core::SchedulerKind> scheduler =
      core::parse_scheduler_kind(sc.text("scheduler"));
  if (!scheduler)
    fail(sc, "scheduler must be one of auto, heap, ladder, got '" + sc.text("scheduler") + "'");
  p.horizon.scheduler = *scheduler;

  const SectionValues& ar = section(sections, "arrivals");
  const bool by_rate = ar.has("per_year");
  const bool by_count = ar.has("count");
  if (by_rate == by_count)
    fail(ar, "give either per_year (a rate) or count (a fixed number), not both or neither");
  if (by_count && !ar.has("over_weeks"))
    fail(ar, "count needs over_weeks, the window the clients arrive over");
  if (by_rate) p.arrivals.per_year = ar.number("per_year");
  if (by_count) {
    p.arrivals.count = static_cast<std::uint64_t>(ar.number("count"));
    p.arrivals.over_days = ar.number("over_weeks") * kDaysPerWeek;
  }
  const std::vector<double>& season = ar.numbers("seasonality");
  if (season.size() != 12)
    fail(ar, "seasonality needs 12 monthly weights, got " + std::to_string(season.size()));
  // Only ratios matter (rule E1), so all zeros is no seasonality but no arrivals at all.
  if (std::all_of(season.begin(), season.end(), [](double w) { return w == 0.0; }))
    fail(ar, "seasonality: all 12 monthly weights are 0, so nobody would ever arrive");
  std::copy(season.begin(), season.end(), p.arrivals.monthly_weight.begin());
  p.arrivals.convened_share = ar.number("convened_share");

  const SectionValues& po = section(sections, "population");
  p.population = build_population(po);

  const SectionValues& ev = section(sections, "evaluation");
  p.evaluation.agents = static_cast<int>(ev.number("agents"));
  if (ev.has("open_days") != ev.has("open_hours")) {
    fail(ev, "open_days and open_hours go together (rule E2)");
  }
  if (ev.has("open_days")) {
    static const std::vector<std::string_view> kDays{"mon", "tue", "wed", "thu",
                                                     "fri", "sat", "sun"};
    p.evaluation.opening_hours = true;
    if (ev.texts("open_days").empty()) fail(ev, "open_days needs at least one day");
    for (const std::string& day : ev.texts("open_days")) {
      const auto it = std::find(kDays.begin(), kDays.end(), day);
      if (it == kDays.end()) {
        fail(ev, "open_days: unknown day '" + day + "' (mon ... sun)" + suggestion(day, kDays));
      }
      p.evaluation.open_days[static_cast<std::size_t>(it - kDays.begin())] = true;
    }
    const std::vector<double>& hours = ev.numbers("open_hours");
    if (hours.size() != 2 || !(hours[0] < hours[1])) {
      fail(ev, "open_hours needs {opening, closing} with opening before closing");
    }
    p.evaluation.open_from_hours = hours[0];
    p.evaluation.open_to_hours = hours[1];
  }
  p.evaluation.interview_days = ev.distribution("interview_hours").scaled(1.0 / kHoursPerDay);
  p.evaluation.second_meeting_probability = ev.number("second_meeting_probability");
  p.evaluation.refusal_probability = ev.number("refusal_probability");
  p.evaluation.refusal_without_reason_share = ev.number("refusal_without_reason_share");
  const Shares& shares = ev.shares("conclusion_shares");
  for (const auto& [letter, share] : shares) {
    if (letter.size() != 1 || letter[0] < 'A' || letter[0] > 'D') {
      fail(ev, "conclusion_shares: unknown conclusion '" + letter + "' (expected A, B, C, D)");
    }
    p.evaluation.conclusion_shares[static_cast<std::size_t>(letter[0] - 'A')] = share;
  }
  p.evaluation.specialised_delay_days =
      ev.distribution("specialised_delay_weeks").scaled(kDaysPerWeek);
  p.evaluation.specialised_evaluators = static_cast<int>(ev.number("specialised_evaluators"));
  p.evaluation.referred_return_probability = ev.number("referred_return_probability");
  p.evaluation.referred_return_days = ev.distribution("referred_return_weeks").scaled(kDaysPerWeek);

  std::vector<bool> own_job_effects;  // by activity: job_effects given, else job_search's
  for (const SectionValues& s : sections) {
    if (s.spec->name != "activity") continue;
    model::ActivityParameters a;
    a.name = s.text("name");
    a.duration_days = s.distribution("duration_weeks").scaled(kDaysPerWeek);
    a.dropout_after = s.number("dropout_after");
    a.concurrent = s.flag("concurrent");
    if (s.has("domain")) {
      static const std::vector<std::string_view> kDomains{"professional_choice", "skills",
                                                          "job_search", "retention"};
      const std::string& domain = s.text("domain");
      const auto it = std::find(kDomains.begin(), kDomains.end(), domain);
      if (it == kDomains.end()) {
        fail(s,
             "domain: unknown competency domain '" + domain + "'" + suggestion(domain, kDomains));
      }
      a.domain = static_cast<int>(it - kDomains.begin());
    }
    a.allowance_per_week = s.number("allowance_per_week");
    a.extra_costs_per_week = s.number("extra_costs_per_week");
    a.success_probability = s.number("success_probability");
    a.referral = s.has("referral_weeks");
    if (a.referral) a.referral_days = s.distribution("referral_weeks").scaled(kDaysPerWeek);
    build_service_terms(s, a);
    if (s.has("job_during")) a.job_during = s.hazard("job_during");
    if (s.has("job_effects")) a.job_effects = effects_of(s, "job_effects");
    if (s.has("early_success")) a.early_success = s.hazard("early_success");
    own_job_effects.push_back(s.has("job_effects"));
    p.activities.push_back(a);
  }
  if (p.activities.size() > 255) throw io::InputError(file, "at most 255 activities");

  const SectionValues& pa = section(sections, "parcours");
  const std::vector<std::string>& plan = pa.texts("plan");
  if (plan.size() > model::kMaxPlanLength) {
    fail(pa, "a plan holds at most " + std::to_string(model::kMaxPlanLength) + " activities");
  }
  for (const std::string& name : plan) {
    const auto it =
        std::find_if(p.activities.begin(), p.activities.end(),
                     [&](const model::ActivityParameters& a) { return a.name == name; });
    if (it == p.activities.end()) {
      std::vector<std::string_view> names;
      for (const auto& a : p.activities) names.push_back(a.name);
      fail(pa, "plan names '" + name + "', which no activity { name = ... } defines" +
                   suggestion(name, names));
    }
    p.parcours.default_plan.push_back(static_cast<std::uint8_t>(it - p.activities.begin()));
  }
  p.parcours.max_revisions = static_cast<int>(pa.number("max_revisions"));
  for (const std::string& status : pa.texts("allowance_statuses")) {
    bool known = false;
    for (int i = 0; i <= 2; ++i) {
      if (status == model::to_string(static_cast<model::IncomeSupport>(i))) {
        p.parcours.allowance_statuses[static_cast<std::size_t>(i)] = true;
        known = true;
      }
    }
    if (!known) fail(pa, "allowance_statuses: unknown status '" + status + "' (afdr, ei, none)");
  }
  p.parcours.school_share = pa.number("school_share");
  p.parcours.other_measure_share = pa.number("other_measure_share");
  if (p.parcours.school_share + p.parcours.other_measure_share > 1.0 + 1e-12) {
    fail(pa, "school_share + other_measure_share must not exceed 1");
  }
  p.parcours.closure_enabled = pa.has("closure_weeks");
  if (p.parcours.closure_enabled) {
    p.parcours.closure_days = pa.distribution("closure_weeks").scaled(kDaysPerWeek);
  }
  p.parcours.followup_days = pa.number("followup_months") * kDaysPerMonth;
  if (pa.has("dropout")) p.parcours.dropout = pa.hazard("dropout");
  p.parcours.dropout_effects = effects_of(pa, "dropout_effects");

  const SectionValues& js = section(sections, "job_search");
  p.job_search.after_parcours = js.hazard("after_parcours");
  p.job_search.autonomous = js.hazard("autonomous");
  if (js.has("after_exit")) p.job_search.after_exit = js.hazard("after_exit");
  p.job_search.effects = effects_of(js, "effects");
  p.job_search.effects.market = p.population.market;
  p.parcours.dropout_effects.market = p.population.market;
  for (std::size_t i = 0; i < p.activities.size(); ++i) {
    model::ActivityParameters& act = p.activities[i];
    if (!own_job_effects[i]) act.job_effects = p.job_search.effects;
    act.job_effects.market = p.population.market;
  }

  const SectionValues& ac = section(sections, "accompaniment");
  if (ac.has("interval_weeks")) {
    const Shares& intervals = ac.shares("interval_weeks");
    for (const auto& [name, weeks] : intervals) {
      if (name != "near" && name != "far") {
        fail(ac, "interval_weeks: unknown class '" + name + "' (expected near and far, rule D2)");
      }
    }
    if (intervals.size() != 2) fail(ac, "interval_weeks needs both near and far (rule D2)");
    p.accompaniment.enabled = true;
    p.accompaniment.interval_days = {intervals.at("near") * kDaysPerWeek,
                                     intervals.at("far") * kDaysPerWeek};
    p.accompaniment.contact_days = ac.distribution("contact_hours").scaled(1.0 / kHoursPerDay);
    p.accompaniment.agent_share = ac.number("agent_share");
    // Contacts per month, which the `accompaniment` covariate of the effects reads (D6).
    std::vector<model::Effects*> scaled{&p.parcours.dropout_effects, &p.job_search.effects};
    for (model::ActivityParameters& act : p.activities) scaled.push_back(&act.job_effects);
    for (model::Effects* e : scaled) {
      e->accompaniment_per_month = {kDaysPerMonth / p.accompaniment.interval_days[0],
                                    kDaysPerMonth / p.accompaniment.interval_days[1]};
    }
  }

  p.agreements = build_agreements(sections, p.activities, p.population.regions,
                                  core::Calendar(p.horizon.model_start()));

  p.retention = build_retention(section(sections, "retention"), p.activities);
  p.income_support = build_income_support(section(sections, "income_support"));
  p.caseload = build_caseload(sections, p);
  return p;
}

}  // namespace parcours::policy
