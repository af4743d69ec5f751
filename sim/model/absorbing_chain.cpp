#include "model/absorbing_chain.hpp"

#include <Eigen/Dense>

#include <cmath>
#include <cstddef>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace parcours::model {

namespace {

// Branch probabilities usually come from sums like 1 - q; a looser test would hide a typo.
constexpr double kProbabilitySumTolerance = 1e-9;

std::size_t position(const std::vector<std::string>& names, std::string_view name,
                     const char* what) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return i;
  }
  throw std::out_of_range(std::string("absorbing chain: no ") + what + " state '" +
                          std::string(name) + "'");
}

}  // namespace

int AbsorbingChain::add_state(std::string name) {
  for (const State& s : states_) {
    if (s.name == name)
      throw std::invalid_argument("absorbing chain: duplicate state '" + name + "'");
  }
  states_.push_back(State{std::move(name), Kind::kAbsorbing, {}});
  return size() - 1;
}

const std::string& AbsorbingChain::name(int state) const {
  return states_.at(static_cast<std::size_t>(state)).name;
}

void AbsorbingChain::add_rate(int from, int to, double rate_per_day) {
  add_edge(from, to, rate_per_day, Kind::kTimed);
}

void AbsorbingChain::add_branch(int from, int to, double probability) {
  add_edge(from, to, probability, Kind::kBranch);
}

void AbsorbingChain::add_edge(int from, int to, double value, Kind kind) {
  const char* what = kind == Kind::kTimed ? "rate" : "branch probability";
  if (from < 0 || from >= size() || to < 0 || to >= size()) {
    std::ostringstream msg;
    msg << "absorbing chain: " << what << " between unknown states " << from << " -> " << to;
    throw std::invalid_argument(msg.str());
  }
  State& s = states_[static_cast<std::size_t>(from)];
  const std::string& target = states_[static_cast<std::size_t>(to)].name;
  std::ostringstream msg;
  msg << "absorbing chain: " << what << " '" << s.name << "' -> '" << target << "' ";
  if (from == to) {
    // Staying put is not a transition; a self-loop is almost certainly a wrong index.
    msg << "goes back to the same state";
    throw std::invalid_argument(msg.str());
  }
  const bool valid = kind == Kind::kTimed ? std::isfinite(value) && value >= 0
                                          : std::isfinite(value) && value >= 0 && value <= 1;
  if (!valid) {
    msg << (kind == Kind::kTimed ? "must be a finite number >= 0 per day"
                                 : "must be a probability in [0, 1]")
        << " (got " << value << ")";
    throw std::invalid_argument(msg.str());
  }
  if (s.kind != Kind::kAbsorbing && s.kind != kind) {
    msg << "mixes rates and branches: a state is either timed or a branch";
    throw std::invalid_argument(msg.str());
  }
  s.kind = kind;
  for (Edge& e : s.out) {
    if (e.to == to) {
      e.value += value;
      return;
    }
  }
  s.out.push_back(Edge{to, value});
}

AbsorbingChain::Solution AbsorbingChain::solve() const {
  const std::size_t n = states_.size();
  // Index of each state among the transient or among the absorbing ones.
  std::vector<Eigen::Index> index(n);
  Solution sol;
  for (std::size_t s = 0; s < n; ++s) {
    const bool absorbing = states_[s].kind == Kind::kAbsorbing;
    std::vector<std::string>& names = absorbing ? sol.absorbing : sol.transient;
    index[s] = static_cast<Eigen::Index>(names.size());
    names.push_back(states_[s].name);
  }

  std::vector<double> total(n, 0.0);
  for (std::size_t s = 0; s < n; ++s) {
    for (const Edge& e : states_[s].out) total[s] += e.value;
    if (states_[s].kind == Kind::kBranch && std::abs(total[s] - 1.0) > kProbabilitySumTolerance) {
      std::ostringstream msg;
      msg << "absorbing chain: branch probabilities out of '" << states_[s].name << "' sum to "
          << total[s] << ", not 1";
      throw std::invalid_argument(msg.str());
    }
  }

  // Which states reach an absorbing one, walking positive-weight edges backwards. Without this
  // check I - Q would be singular and the LU solve would return garbage, not an error.
  std::vector<std::vector<std::size_t>> into(n);
  for (std::size_t s = 0; s < n; ++s) {
    for (const Edge& e : states_[s].out) {
      if (e.value > 0) into[static_cast<std::size_t>(e.to)].push_back(s);
    }
  }
  std::vector<bool> reaches(n, false);
  std::vector<std::size_t> frontier;
  for (std::size_t s = 0; s < n; ++s) {
    if (states_[s].kind == Kind::kAbsorbing) {
      reaches[s] = true;
      frontier.push_back(s);
    }
  }
  while (!frontier.empty()) {
    const std::size_t s = frontier.back();
    frontier.pop_back();
    for (const std::size_t p : into[s]) {
      if (!reaches[p]) {
        reaches[p] = true;
        frontier.push_back(p);
      }
    }
  }
  std::string stuck;
  for (std::size_t s = 0; s < n; ++s) {
    if (!reaches[s]) stuck += (stuck.empty() ? "'" : ", '") + states_[s].name + "'";
  }
  if (!stuck.empty()) {
    throw std::invalid_argument("absorbing chain: no absorbing state is reachable from " + stuck);
  }

  const auto nt = static_cast<Eigen::Index>(sol.transient.size());
  const auto na = static_cast<Eigen::Index>(sol.absorbing.size());
  if (nt == 0) return sol;

  // Rows: transient states. A = I - Q; the right-hand side holds R and, in its last column, the
  // mean holding time h (1 / total rate out for timed states, 0 for branches).
  Eigen::MatrixXd a = Eigen::MatrixXd::Identity(nt, nt);
  Eigen::MatrixXd rhs = Eigen::MatrixXd::Zero(nt, na + 1);
  for (std::size_t s = 0; s < n; ++s) {
    if (states_[s].kind == Kind::kAbsorbing) continue;
    const Eigen::Index row = index[s];
    // Branch sums are within tolerance of 1; dividing removes that rounding too.
    for (const Edge& e : states_[s].out) {
      const auto to = static_cast<std::size_t>(e.to);
      const double p = e.value / total[s];
      if (states_[to].kind == Kind::kAbsorbing) {
        rhs(row, index[to]) += p;
      } else {
        a(row, index[to]) -= p;
      }
    }
    rhs(row, na) = states_[s].kind == Kind::kTimed ? 1.0 / total[s] : 0.0;
  }
  const Eigen::MatrixXd x = a.partialPivLu().solve(rhs);

  sol.absorption.assign(sol.transient.size(), std::vector<double>(sol.absorbing.size(), 0.0));
  sol.expected_time.resize(sol.transient.size());
  for (Eigen::Index i = 0; i < nt; ++i) {
    const auto row = static_cast<std::size_t>(i);
    for (Eigen::Index k = 0; k < na; ++k)
      sol.absorption[row][static_cast<std::size_t>(k)] = x(i, k);
    sol.expected_time[row] = x(i, na);
  }
  return sol;
}

double AbsorbingChain::Solution::probability(std::string_view from, std::string_view to) const {
  return absorption[position(transient, from, "transient")][position(absorbing, to, "absorbing")];
}

double AbsorbingChain::Solution::time_to_absorption(std::string_view from) const {
  return expected_time[position(transient, from, "transient")];
}

}  // namespace parcours::model
