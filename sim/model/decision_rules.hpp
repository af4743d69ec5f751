#pragma once
// The decisions a scenario's policy takes, seen from the model. The model calls these at
// decision points only (never per simulated day). The policy layer implements them with Lua
// hooks; ParametricRules implements them from parameters alone, so a model test needs no Lua.

#include <cstdint>
#include <vector>

#include "core/random_stream.hpp"
#include "model/client.hpp"
#include "model/parameters.hpp"

namespace parcours::model {

/// Rule M6's decisions when a participant gets a job (the fourth, "none needed", is a
/// participation ending without a job, which asks nothing).
enum class RetentionDecision : std::uint8_t {
  kNone,          // no retention after the job
  kRetention,     // retention, by the organisation of the participation when it can (M11)
  kOtherPartner,  // recommend another partner: an agent refers to Groupe ME or PH2
};

class DecisionRules {
 public:
  virtual ~DecisionRules() = default;
  /// Rule E5. `rng` is the client's stream for this decision.
  virtual Conclusion conclusion(const Client& client, const Profile& profile,
                                core::RandomStream& rng) = 0;
  /// Rule P2: the plan's activities in order (ids into ModelParameters::activities).
  virtual void plan(const Client& client, const Profile& profile, core::RandomStream& rng,
                    std::vector<std::uint8_t>& activities) = 0;
  /// Rule D6: does the client abandon after finishing `activity`?
  virtual bool drops_out_after(const Client& client, const Profile& profile, std::uint8_t activity,
                               core::RandomStream& rng) = 0;
  /// Rules M1, M6: the retention decision for a participant who got a job.
  virtual RetentionDecision retention(const Client& client, const Profile& profile,
                                      core::RandomStream& rng) = 0;
  /// Rule E7: after the specialised evaluation that a major event during the Parcours led to.
  virtual AfterMajorEvent after_major_event(const Client& client, const Profile& profile,
                                            core::RandomStream& rng) = 0;
  /// Rules D5, D6: a factor on the client's dropout hazard for this Parcours, on top of the
  /// scenario's effects; asked once at the Parcours start, never per simulated day.
  virtual double dropout_multiplier(const Client&, const Profile&) { return 1.0; }
  /// The same for the job-finding hazard, asked when a job search starts.
  virtual double job_multiplier(const Client&, const Profile&) { return 1.0; }
  /// Whether plan() may return anything (a rule of the scenario's) rather than the default
  /// plan: then a plan may name an activity done before (rule M12).
  [[nodiscard]] virtual bool plans_freely() const { return true; }
};

/// Decisions drawn from the scenario's shares and default plan.
class ParametricRules : public DecisionRules {
 public:
  explicit ParametricRules(const ModelParameters& params) : params_(params) {}
  Conclusion conclusion(const Client& client, const Profile& profile,
                        core::RandomStream& rng) override;
  void plan(const Client& client, const Profile& profile, core::RandomStream& rng,
            std::vector<std::uint8_t>& activities) override;
  bool drops_out_after(const Client& client, const Profile& profile, std::uint8_t activity,
                       core::RandomStream& rng) override;
  [[nodiscard]] bool plans_freely() const override { return false; }
  RetentionDecision retention(const Client& client, const Profile& profile,
                              core::RandomStream& rng) override;
  AfterMajorEvent after_major_event(const Client& client, const Profile& profile,
                                    core::RandomStream& rng) override;

 private:
  const ModelParameters& params_;
};

}  // namespace parcours::model
