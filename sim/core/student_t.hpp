#pragma once
// Student's t distribution, for confidence intervals over a few replications.

namespace parcours::core {

/// P(T <= t) for T with `df` degrees of freedom (df >= 1).
double student_t_cdf(double t, double df);
/// The p-quantile (0 < p < 1), e.g. student_t_quantile(0.975, 9) = 2.262.
double student_t_quantile(double p, double df);

}  // namespace parcours::core
