#pragma once
// Evaluation as a process module (issue 11): the evaluation interview (EEAE, rule E2) by an
// employment-assistance agent, what its conclusion leads to (rule E5: A a job search on
// one's own, B a Parcours, C a specialised evaluation before deciding, D a referral to health
// and social services, who may send the client back), refusals (E6), distance reassessed at a
// new evaluation (D4), and the specialised evaluation after a major event during a Parcours
// (E7). It owns the specialised evaluators (their capacity and queue), takes the agents'
// time in the office's queue (World's, shared with the accompaniment contacts), and handles
// the events of an agent or evaluator granted, an interview's or evaluation's end, a
// referred client's return and a major event. It asks the Parcours through `Pathway`.

#include <cstdint>
#include <memory>

#include "core/resource.hpp"
#include "model/client_table.hpp"
#include "model/parameters.hpp"

namespace parcours::model {

class DecisionRules;

class Evaluation final : public core::EventHandler {
 public:
  /// What the Parcours and the office do for the evaluation module (ParcoursProcess).
  class Pathway {
   public:
    /// Rule E5, conclusion A: a job search on one's own.
    virtual void search_alone(Slot s) = 0;
    /// Rule E5, conclusion B: a Parcours starts.
    virtual void start_parcours(Slot s) = 0;
    /// Rule E7: a major event stops the step under way (what was given counts; the step is
    /// not completed) and the plan moves past it.
    virtual void interrupt_step(Slot s) = 0;
    /// Rules E7, P3: the plan is revised, back to the plan rule with what was done.
    virtual void revise_plan(Slot s) = 0;
    /// Rules E7, P7: the Parcours is closed.
    virtual void close_parcours(Slot s) = 0;
    /// Rule E7: the plan goes on, with its next step or its end.
    virtual void continue_plan(Slot s) = 0;
    /// The client leaves the system.
    virtual void leave(Slot s) = 0;

   protected:
    ~Pathway() = default;
  };

  /// `agents`: the office's agents (World's).
  Evaluation(ClientTable& clients, const ModelParameters& params, DecisionRules& rules,
             core::Resource& agents);
  Evaluation(const Evaluation&) = delete;
  Evaluation& operator=(const Evaluation&) = delete;

  void set_pathway(Pathway* pathway) { pathway_ = pathway; }
  void handle(std::uint32_t kind, std::uint64_t subject) override;

  /// The client joins the agents' queue for an evaluation interview (rule E2).
  void join_agent_queue(Slot s);
  /// Rule E7: days from the step's start to a major event; infinite when none comes.
  [[nodiscard]] double major_event_days(Slot s) const;
  /// Rule E7: who is told of a major event during the step.
  core::EventTarget major_event(Slot s) { return {this, kMajorEvent, s}; }
  /// Rule E7: leaves the specialised evaluators' queue, or frees the evaluator (the Parcours
  /// ended during the evaluation).
  void leave_specialised_evaluation(Slot s);

 private:
  void start_interview(Slot s);
  void on_interview_end(Slot s);
  void apply_conclusion(Slot s, Conclusion conclusion);
  /// Takes a specialised evaluator, or joins their queue (none: no limit).
  void request_specialist(Slot s);
  void start_specialised_evaluation(Slot s);
  void on_specialised_evaluation_end(Slot s);
  /// Rule E5, D: referred out; back after a while with a probability, or gone.
  void refer_out(Slot s, unsigned occurrence);
  // evaluation_major_event.cpp (rule E7)
  /// The major event cuts the step short; the client goes to the specialised evaluators.
  void on_major_event(Slot s);
  /// The recommendation is back: the agent decides what happens to the Parcours.
  void after_major_event(Slot s);

  ClientTable& clients_;
  const ModelParameters& params_;
  DecisionRules& rules_;
  core::Resource& agents_;
  std::unique_ptr<core::Resource> specialists_;  // rule E7's capacity; none = no limit
  Pathway* pathway_ = nullptr;
};

}  // namespace parcours::model
