// From checked section values to the model's parameters: unit conversions (hours and weeks
// to days) and the checks that involve more than one key.

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "core/scheduler_kind.hpp"
#include "io/input_error.hpp"
#include "model/client.hpp"
#include "policy/scenario.hpp"

namespace parcours::policy {

namespace {

constexpr double kDaysPerWeek = 7.0;

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
// `accompaniment` only where it is read: the Parcours's dropout (rule D6, dropout_clock.hpp).
model::Effects effects_of(const SectionValues& s, std::string_view key,
                          bool accompaniment = false) {
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
    if (*covariate == model::Covariate::kAccompaniment && !accompaniment) {
      fail(s, std::string(key) +
                  ": accompaniment is read only by parcours.dropout_effects (rule D6: the "
                  "contacts made during the Parcours)");
    }
    effects.terms.emplace_back(*covariate, beta);
  }
  return effects;
}

}  // namespace

void apply_bindings(const SectionValues& values, model::ModelParameters& params) {
  for (const ParamSpec& spec : values.spec->params) {
    if (spec.bind) spec.bind.apply(values, spec, params);
  }
}

model::ModelParameters build_parameters(const std::vector<SectionValues>& sections,
                                        const std::string& file) {
  model::ModelParameters p;

  // Each section: its rows' bindings (policy/schema_*.cpp), then what takes a lookup or more
  // than one key.
  const SectionValues& sc = section(sections, "scenario");
  apply_bindings(sc, p);
  const std::optional<core::SchedulerKind> scheduler =
      core::parse_scheduler_kind(sc.text("scheduler"));
  if (!scheduler)
    fail(sc, "scheduler must be one of auto, heap, ladder, got '" + sc.text("scheduler") + "'");
  p.horizon.scheduler = *scheduler;

  const SectionValues& ar = section(sections, "arrivals");
  apply_bindings(ar, p);
  const bool by_rate = ar.has("per_year");
  const bool by_count = ar.has("count");
  if (by_rate == by_count)
    fail(ar, "give either per_year (a rate) or count (a fixed number), not both or neither");
  if (by_count && !ar.has("over_weeks"))
    fail(ar, "count needs over_weeks, the window the clients arrive over");
  const std::vector<double>& season = ar.numbers("seasonality");
  if (season.size() != 12)
    fail(ar, "seasonality needs 12 monthly weights, got " + std::to_string(season.size()));
  // Only ratios matter (rule E1), so all zeros is no seasonality but no arrivals at all.
  if (std::all_of(season.begin(), season.end(), [](double w) { return w == 0.0; }))
    fail(ar, "seasonality: all 12 monthly weights are 0, so nobody would ever arrive");
  std::copy(season.begin(), season.end(), p.arrivals.monthly_weight.begin());

  const SectionValues& po = section(sections, "population");
  p.population = build_population(po);
  apply_bindings(po, p);  // the limiting thresholds (rule D1)

  const SectionValues& ev = section(sections, "evaluation");
  apply_bindings(ev, p);
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
  const Shares& shares = ev.shares("conclusion_shares");
  for (const auto& [letter, share] : shares) {
    if (letter.size() != 1 || letter[0] < 'A' || letter[0] > 'D') {
      fail(ev, "conclusion_shares: unknown conclusion '" + letter + "' (expected A, B, C, D)");
    }
    p.evaluation.conclusion_shares[static_cast<std::size_t>(letter[0] - 'A')] = share;
  }

  std::vector<bool> own_job_effects;  // by activity: job_effects given, else job_search's
  for (const SectionValues& s : sections) {
    if (s.spec->name != "activity") continue;
    // The bound rows land in the activity appended here (lands_in_item); the service terms
    // and the names checked against lists are read by hand.
    p.activities.emplace_back();
    apply_bindings(s, p);
    model::ActivityParameters& a = p.activities.back();
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
    a.referral = s.has("referral_weeks");
    build_service_terms(s, a);
    if (s.has("job_effects")) a.job_effects = effects_of(s, "job_effects");
    own_job_effects.push_back(s.has("job_effects"));
  }
  if (p.activities.size() > 255) throw io::InputError(file, "at most 255 activities");

  const SectionValues& pa = section(sections, "parcours");
  apply_bindings(pa, p);
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
  if (p.parcours.school_share + p.parcours.other_measure_share > 1.0 + 1e-12) {
    fail(pa, "school_share + other_measure_share must not exceed 1");
  }
  p.parcours.closure_enabled = pa.has("closure_weeks");
  p.parcours.dropout_effects = effects_of(pa, "dropout_effects", true);
  if (pa.has("after_major_event")) {  // rule E7
    const Shares& after = pa.shares("after_major_event");
    std::array<double, 3> decided{};
    for (const auto& [name, share] : after) {
      const std::size_t k = name == "continue" ? 0 : name == "revise" ? 1 : name == "stop" ? 2 : 3;
      if (k == 3) {
        fail(pa, "after_major_event: unknown decision '" + name +
                     "' (continue, revise, stop; rule E7)");
      }
      decided[k] = share;
    }
    p.parcours.major_event.after_shares = decided;
  }

  const SectionValues& js = section(sections, "job_search");
  apply_bindings(js, p);
  p.job_search.effects = effects_of(js, "effects");
  p.job_search.effects.market = p.population.market;
  p.parcours.dropout_effects.market = p.population.market;
  for (std::size_t i = 0; i < p.activities.size(); ++i) {
    model::ActivityParameters& act = p.activities[i];
    if (!own_job_effects[i]) act.job_effects = p.job_search.effects;
    act.job_effects.market = p.population.market;
  }

  const SectionValues& ac = section(sections, "accompaniment");
  apply_bindings(ac, p);  // contact time and share; used only with interval_weeks
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
  }

  const SectionValues& pr = section(sections, "priority");  // rules D3, D5
  apply_bindings(pr, p);
  for (const std::string& name : pr.texts("order")) {
    const auto group = model::priority_group_named(name);
    if (!group) {
      fail(pr, "order: unknown group '" + name + "'" +
                   suggestion(name, model::priority_group_names()) +
                   " (far, disability, immigrant, judicial_record, aged_45_plus, female, youth)");
    }
    p.priority.order.push_back(*group);
  }

  p.agreements = build_agreements(sections, p.activities, p.population.regions,
                                  core::Calendar(p.horizon.model_start()));

  build_retention(section(sections, "retention"), p);
  p.income_support = build_income_support(section(sections, "income_support"));  // rule P7
  p.caseload = build_caseload(sections, p);
  return p;
}

}  // namespace parcours::policy
