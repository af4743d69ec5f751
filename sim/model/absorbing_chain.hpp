#pragma once
// Exact answers for continuous-time absorbing Markov chains, against which the simulation is
// checked (and which `parcours analytic` will print (issue 6)): with constant hazards a Parcours is
// such a chain whose absorbing states are its outcomes, employment, abandonment and the like (rule
// P7, D6).
//
// Each state is one of three kinds, told apart by how it was built:
// - timed: has outgoing rates (add_rate). The client stays an Exp(total rate out) time, then
//   leaves to `to` with probability rate / total rate out (competing risks).
// - branch: has outgoing probabilities (add_branch), summing to 1. The client leaves at once
//   (holding time 0): a decision such as "after an activity, abandon with probability q" (D6).
// - absorbing: neither. An outcome.
// A state cannot mix rates and branches. Only the standard library appears here: Eigen is an
// implementation detail of solve().

#include <string>
#include <string_view>
#include <vector>

namespace parcours::model {

class AbsorbingChain {
 public:
  /// Adds a state and returns its index (0, 1, ... in order). Names must be unique.
  int add_state(std::string name);
  /// A continuous-time transition, in events per day. Repeated calls for the same pair add up.
  /// Throws std::invalid_argument for an unknown state, from == to, a negative or non-finite
  /// rate, or a state that already has branches.
  void add_rate(int from, int to, double rate_per_day);
  /// An instantaneous branch taken with `probability` when `from` is entered. Repeated calls for
  /// the same pair add up. Throws std::invalid_argument as add_rate, for a probability outside
  /// [0, 1], or a state that already has rates.
  void add_branch(int from, int to, double probability);

  [[nodiscard]] int size() const { return static_cast<int>(states_.size()); }
  [[nodiscard]] const std::string& name(int state) const;

  struct Solution {
    std::vector<std::string> transient;           // timed and branch states, in index order
    std::vector<std::string> absorbing;           // in index order
    std::vector<std::vector<double>> absorption;  // [transient][absorbing] probabilities
    std::vector<double> expected_time;  // days until absorption, from each transient state

    /// Lookups by name, for tests and reports; throw std::out_of_range for an unknown name.
    [[nodiscard]] double probability(std::string_view from, std::string_view to) const;
    [[nodiscard]] double time_to_absorption(std::string_view from) const;
  };

  /// Through the embedded jump chain: P = rates / total rate out (branches as given); Q
  /// (transient -> transient), R (transient -> absorbing); N = (I - Q)^-1 is never formed:
  /// (I - Q) X = [R | mean holding times] is solved by LU with partial pivoting, giving the
  /// absorption probabilities B = N R and expected times t = N h.
  /// Throws std::invalid_argument naming every transient state from which no absorbing state is
  /// reachable (then I - Q is singular), and every branch state whose probabilities do not sum
  /// to 1.
  [[nodiscard]] Solution solve() const;

 private:
  struct Edge {
    int to;
    double value;  // rate per day (timed) or probability (branch)
  };
  enum class Kind { kAbsorbing, kTimed, kBranch };
  struct State {
    std::string name;
    Kind kind = Kind::kAbsorbing;
    std::vector<Edge> out;
  };

  void add_edge(int from, int to, double value, Kind kind);

  std::vector<State> states_;
};

}  // namespace parcours::model
