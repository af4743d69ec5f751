#pragma once
// The model's decision rules served by the scenario's Lua hooks (policy.conclusion,
// policy.plan, policy.dropout_after, policy.retention, policy.after_major_event); a hook the
// scenario does not define falls back to the parametric rule. Lua runs only at these decision
// points.

#include <array>
#include <string>

#include "core/simulation.hpp"
#include "model/decision_rules.hpp"
#include "policy/lua_sandbox.hpp"

namespace parcours::policy {

class LuaRules : public model::DecisionRules {
 public:
  /// `sandbox` must hold a loaded scenario (see load_scenario); `sim` gives the clock that
  /// client fields such as days_since_arrival read.
  LuaRules(LuaSandbox& sandbox, const model::ModelParameters& params, const core::Simulation& sim);
  ~LuaRules() override;
  LuaRules(const LuaRules&) = delete;
  LuaRules& operator=(const LuaRules&) = delete;

  model::Conclusion conclusion(const model::Client& client, const model::Profile& profile,
                               core::RandomStream& rng) override;
  void plan(const model::Client& client, const model::Profile& profile, core::RandomStream& rng,
            std::vector<std::uint8_t>& activities) override;
  bool drops_out_after(const model::Client& client, const model::Profile& profile,
                       std::uint8_t activity, core::RandomStream& rng) override;
  model::RetentionDecision retention(const model::Client& client, const model::Profile& profile,
                                     core::RandomStream& rng) override;
  model::AfterMajorEvent after_major_event(const model::Client& client,
                                           const model::Profile& profile,
                                           core::RandomStream& rng) override;

  double dropout_multiplier(const model::Client& client, const model::Profile& profile) override {
    return multiplier(kDropoutMultiplier, client, profile);
  }
  double job_multiplier(const model::Client& client, const model::Profile& profile) override {
    return multiplier(kJobMultiplier, client, profile);
  }
  /// Only a scenario's policy.plan may name an activity twice (rule M12 needs tracking then).
  [[nodiscard]] bool plans_freely() const override;

  /// Hook calls made so far (for performance reports).
  [[nodiscard]] std::uint64_t calls() const { return calls_; }

 private:
  enum Hook {
    kConclusion,
    kPlan,
    kDropoutAfter,
    kRetention,
    kDropoutMultiplier,
    kJobMultiplier,
    kAfterMajorEvent,
    kHookCount
  };
  double multiplier(Hook hook, const model::Client& client, const model::Profile& profile);
  /// Pushes the hook and the client view, and routes math.random to `rng`.
  void begin_call(Hook hook, const model::Client& client, const model::Profile& profile,
                  core::RandomStream& rng);
  void call(Hook hook, int nargs);
  [[noreturn]] void bad_result(Hook hook, const std::string& expected);

  LuaSandbox& sandbox_;
  const model::ModelParameters& params_;
  model::ParametricRules fallback_;
  std::array<int, kHookCount> refs_{};  // registry references, LUA_NOREF if undefined
  // Where each hook is defined (a C function: where it was assigned), for its errors.
  std::array<std::string, kHookCount> where_file_;
  std::array<std::size_t, kHookCount> where_line_{};
  int view_ref_ = 0;
  void* view_ = nullptr;
  std::uint64_t calls_ = 0;
};

}  // namespace parcours::policy
