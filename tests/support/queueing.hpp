#pragma once
// Exact queueing answers the simulation is checked against.

namespace parcours::testing {

/// Mean wait in queue of an M/M/c queue (Erlang C): Wq = C(c, a) / (c mu - lambda), a = lambda/mu.
inline double erlang_c_mean_wait(int c, double lambda, double mu) {
  const double a = lambda / mu;
  const double rho = a / c;
  double term = 1.0;  // a^k / k!
  double sum = 1.0;
  for (int k = 1; k < c; ++k) {
    term *= a / k;
    sum += term;
  }
  const double last = term * a / c / (1.0 - rho);  // a^c / c! / (1 - rho)
  return last / (sum + last) / (c * mu - lambda);
}

}  // namespace parcours::testing
