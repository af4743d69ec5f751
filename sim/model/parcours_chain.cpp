#include "model/parcours_chain.hpp"

#include <stdexcept>
#include <string>

namespace parcours::model {

namespace {

// Events per day of an exponential duration (0 for "never").
double rate_of(const core::Distribution& d, const std::string& what) {
  if (d.family != core::Distribution::Family::kExponential || d.a <= 0) {
    throw std::invalid_argument(what +
                                " must be exponential (a constant hazard) for the exact "
                                "answer, got " +
                                d.describe());
  }
  return 1.0 / d.a;
}

// Events per day of a constant hazard (0 for none); the client's effects must be off, since a
// multiplier differs from client to client.
double rate_of(const Hazard& h, const Effects& effects, const std::string& what) {
  if (!effects.empty())
    throw std::invalid_argument(what + ": effects make the hazard differ by client");
  if (h.family == Hazard::Family::kNone) return 0.0;
  if (h.family != Hazard::Family::kConstant) {
    throw std::invalid_argument(what + " must be a constant hazard for the exact answer");
  }
  return h.rate;
}

}  // namespace

AbsorbingChain parcours_chain(const ModelParameters& params,
                              const std::vector<std::uint8_t>& plan) {
  const ParcoursParameters& p = params.parcours;
  AbsorbingChain chain;
  const int start = chain.add_state(kChainStart);
  const int employment = chain.add_state(kChainEmployment);
  const int dropout = chain.add_state(kChainDropout);
  const int closure = chain.add_state(kChainClosure);
  const int school = chain.add_state(kChainSchool);
  const int other = chain.add_state(kChainOtherMeasure);
  const double d = rate_of(p.dropout, p.dropout_effects, "parcours.dropout");
  const double c = p.closure_enabled ? rate_of(p.closure_days, "parcours.closure_weeks") : 0.0;

  // A timed state competes with the Parcours-wide hazards of abandonment and closure (D6, P7).
  auto timed = [&](int state, int next, double rate) {
    chain.add_rate(state, next, rate);
    if (d > 0) chain.add_rate(state, dropout, d);
    if (c > 0) chain.add_rate(state, closure, c);
  };

  for (const std::uint8_t id : plan) {
    if (params.activities.at(id).concurrent) {
      throw std::invalid_argument("concurrent activities (rule P2) are not in the exact chain");
    }
  }
  if (p.max_revisions > 0) {
    for (const ActivityParameters& a : params.activities) {
      if (a.success_probability < 1.0) {
        throw std::invalid_argument("plan revisions (rule P3) are not in the exact chain");
      }
    }
  }
  int entry = start;  // the state the next step is entered from
  for (std::size_t k = 0; k < plan.size(); ++k) {
    const ActivityParameters& a = params.activities.at(plan[k]);
    // Rule P8: an OSE referral is a wait before the activity, under the same hazards.
    const int step = k == 0 ? start : chain.add_state("step " + std::to_string(k + 1));
    int activity = step;
    if (a.referral) {
      activity = chain.add_state("activity " + std::to_string(k + 1));
      timed(step, activity, rate_of(a.referral_days, "activity " + a.name + " referral_weeks"));
    }
    if (k > 0) {
      const double q = params.activities.at(plan[k - 1]).dropout_after;
      chain.add_branch(entry, step, 1.0 - q);
      chain.add_branch(entry, dropout, q);
    }
    const int after = chain.add_state("after activity " + std::to_string(k + 1));
    timed(activity, after, rate_of(a.duration_days, "activity " + a.name + " duration_weeks"));
    entry = after;
  }
  const int plan_end = plan.empty() ? start : chain.add_state("plan end");
  if (!plan.empty()) {
    const double q = params.activities.at(plan.back()).dropout_after;
    chain.add_branch(entry, plan_end, 1.0 - q);
    chain.add_branch(entry, dropout, q);
  }
  const int search = chain.add_state("job search");
  chain.add_branch(plan_end, school, p.school_share);
  chain.add_branch(plan_end, other, p.other_measure_share);
  chain.add_branch(plan_end, search, 1.0 - p.school_share - p.other_measure_share);
  timed(search, employment,
        rate_of(params.job_search.after_parcours, params.job_search.effects,
                "job_search.after_parcours"));
  return chain;
}

}  // namespace parcours::model
