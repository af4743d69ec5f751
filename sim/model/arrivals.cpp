// Arrivals (rule E1): a Poisson process, either at a yearly rate shaped by monthly
// seasonality or a fixed number of clients spread over a window.

#include <cmath>
#include <cstdint>

#include "model/evaluation.hpp"
#include "model/world.hpp"

namespace parcours::model {

void World::schedule_next_arrival() {
  const ArrivalParameters& a = params_.arrivals;
  core::Time t = sim_.now();
  if (a.count > 0) {
    if (arrivals_ >= a.count) return;
    t += arrival_stream_.exponential(a.over_days / static_cast<double>(a.count));
  } else {
    double weight_sum = 0.0;
    for (double w : a.monthly_weight) weight_sum += w;
    if (a.per_year <= 0.0 || weight_sum <= 0.0) return;
    // Piecewise-constant rate by month: draw at this month's rate; if the draw crosses the
    // month's end, restart from there (memorylessness keeps this exact).
    for (;;) {
      if (t >= horizon_) return;
      const core::Date today = calendar_.date_at(t);
      const core::Date month_start{today.year(), today.month(), std::chrono::day{1}};
      const core::Time month_end = calendar_.time_of(month_start + std::chrono::months{1});
      const double weight = a.monthly_weight[calendar_.month_at(t) - 1];
      const double rate_per_day = a.per_year / 365.25 * 12.0 * weight / weight_sum;
      if (rate_per_day > 0.0) {
        const core::Time next = t + arrival_stream_.exponential(1.0 / rate_per_day);
        if (next < month_end) {
          t = next;
          break;
        }
      }
      t = month_end;
    }
  }
  if (t > horizon_) return;
  sim_.schedule_at(t, core::EventTarget{this, kArrival, 0});
}

void World::on_arrival() {
  const std::uint32_t number = next_arrival_number(arrivals_);
  arrivals_ = number;
  const Slot s = admit();
  Client& c = table_[s];
  c.number = number;
  c.arrived_at = sim_.now();
  const Profile profile = draw_profile(s);
  assign_groups(s);
  count(c, Count::kArrivals);
  count(c, c.convened ? Count::kArrivalsConvened : Count::kArrivalsSelfReferred);
  count_profile(c, profile);
  evaluation_->join_agent_queue(s);
  schedule_next_arrival();
}

Profile World::draw_profile(Slot s) {
  Client& c = table_[s];
  core::RandomStream convened = stream(c, Draw::kConvened);
  c.convened = convened.bernoulli(params_.arrivals.convened_share);
  core::RandomStream rng = stream(c, Draw::kAttributes);
  // Drawn here and stored once at the end: the slot's profile is a cold line at a million
  // clients, and reading it back after the draw's stores waited for it (perf, issue 14).
  Profile profile;
  population_->draw(rng, profile);
  // Objectif emploi admits first-time applicants to last-resort assistance only: a client
  // drawn into it is one (AFDR, no month on assistance before), whatever else was drawn.
  if (profile.objectif_emploi) {
    profile.income_support = IncomeSupport::kLastResort;
    profile.months_on_assistance = 0;
  }
  c.limiting_characteristics =
      limiting_characteristics(profile, params_.population.limiting) & 0xFU;  // 0 to 8
  table_.set_profile(s, profile);
  return profile;
}

// The published profile of assistance recipients (scenarios' population margins) counts these;
// the thresholds are those of the published tables (45 years, Secondary V, 120 months).
void World::count_profile(const Client& c, const Profile& p) {
  constexpr int kPublishedAge = 45;      // years: "aged 45 or more"
  constexpr int kPublishedMonths = 120;  // months: "120 months or more on assistance"
  if (p.age >= kPublishedAge) count(c, Count::kArrivalsAged45Plus);
  if (p.single_parent) count(c, Count::kArrivalsSingleParent);
  if (p.schooling < Schooling::kSecondaryV) count(c, Count::kArrivalsBelowSecondaryV);
  if (p.objectif_emploi) count(c, Count::kArrivalsObjectifEmploi);
  if (p.health_constraints) count(c, Count::kArrivalsHealthConstraints);
  if (p.immigrant) count(c, Count::kArrivalsImmigrant);
  if (!p.meets_requirements) count(c, Count::kArrivalsNotMeetingRequirements);
  if (p.months_on_assistance >= kPublishedMonths) count(c, Count::kArrivalsLongAssistance);
}

}  // namespace parcours::model
