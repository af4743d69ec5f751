#include "model/decision_rules.hpp"

namespace parcours::model {

Conclusion ParametricRules::conclusion(const Client& client, const Profile&,
                                       core::RandomStream& rng) {
  const auto& shares = params_.evaluation.conclusion_shares;
  // After a specialised evaluation (C) the agent decides among A, B and D (rule E7).
  const bool may_refer = client.stage != Stage::kSpecialisedEvaluation;
  const double total = shares[0] + shares[1] + (may_refer ? shares[2] : 0.0) + shares[3];
  double u = rng.uniform() * total;
  for (int i = 0; i < 4; ++i) {
    if (i == 2 && !may_refer) continue;
    u -= shares[i];
    if (u < 0.0) return static_cast<Conclusion>(i);
  }
  return Conclusion::kNotNow;
}

void ParametricRules::plan(const Client&, const Profile&, core::RandomStream&,
                           std::vector<std::uint8_t>& activities) {
  activities = params_.parcours.default_plan;
}

bool ParametricRules::drops_out_after(const Client&, const Profile&, std::uint8_t activity,
                                      core::RandomStream& rng) {
  return rng.bernoulli(params_.activities[activity].dropout_after);
}

RetentionDecision ParametricRules::retention(const Client&, const Profile&,
                                             core::RandomStream& rng) {
  if (!rng.bernoulli(params_.retention.share)) return RetentionDecision::kNone;
  return rng.bernoulli(params_.retention.other_partner_share) ? RetentionDecision::kOtherPartner
                                                              : RetentionDecision::kRetention;
}

AfterMajorEvent ParametricRules::after_major_event(const Client&, const Profile&,
                                                   core::RandomStream& rng) {
  return draw_after_major_event(params_.parcours.major_event, rng);
}

}  // namespace parcours::model
