#pragma once
// The decision rules of a traced run: each decision about a followed client is written into
// the ClientTrace (the hook asked and what it returned) before it is returned to the model.
// Put between World and the scenario's rules only when a trace is asked for, so an untraced
// run calls the rules directly.

#include "core/calendar.hpp"
#include "core/simulation.hpp"
#include "model/client_trace.hpp"
#include "model/decision_rules.hpp"

namespace parcours::model {

class TracedRules : public DecisionRules {
 public:
  TracedRules(DecisionRules& rules, ClientTrace& trace, const core::Simulation& sim,
              const ModelParameters& params)
      : rules_(rules),
        trace_(trace),
        sim_(sim),
        params_(params),
        calendar_(params.horizon.model_start()) {}

  Conclusion conclusion(const Client& client, const Profile& profile,
                        core::RandomStream& rng) override;
  void plan(const Client& client, const Profile& profile, core::RandomStream& rng,
            std::vector<std::uint8_t>& activities) override;
  bool drops_out_after(const Client& client, const Profile& profile, std::uint8_t activity,
                       core::RandomStream& rng) override;
  RetentionDecision retention(const Client& client, const Profile& profile,
                              core::RandomStream& rng) override;
  AfterMajorEvent after_major_event(const Client& client, const Profile& profile,
                                    core::RandomStream& rng) override;
  double dropout_multiplier(const Client& client, const Profile& profile) override;
  double job_multiplier(const Client& client, const Profile& profile) override;
  [[nodiscard]] bool plans_freely() const override { return rules_.plans_freely(); }

 private:
  void record(const Client& client, std::string_view hook, std::string what, std::string returned);

  DecisionRules& rules_;
  ClientTrace& trace_;
  const core::Simulation& sim_;
  const ModelParameters& params_;
  core::Calendar calendar_;  // the model's, for the rows' dates
};

/// A stage's name in the trace ("in_activity").
std::string_view stage_name(Stage stage);

}  // namespace parcours::model
