#include "core/distribution.hpp"

#include <cmath>
#include <limits>
#include <sstream>

namespace parcours::core {

double Distribution::sample(RandomStream& rng) const {
  switch (family) {
    case Family::kFixed:
      return a;
    case Family::kExponential:
      return rng.exponential(a);
    case Family::kUniform:
      return rng.uniform(a, b);
    case Family::kLognormal: {
      // From the mean m and sd s of the variable: sigma^2 = ln(1 + s^2/m^2), mu = ln m - sigma^2/2.
      const double sigma2 = std::log1p((b * b) / (a * a));
      return rng.lognormal(std::log(a) - 0.5 * sigma2, std::sqrt(sigma2));
    }
    case Family::kWeibull:
      return rng.weibull(a, b);
    case Family::kTriangular: {
      const double u = rng.uniform();
      const double cut = (b - a) / (c - a);
      return u < cut ? a + std::sqrt(u * (c - a) * (b - a))
                     : c - std::sqrt((1.0 - u) * (c - a) * (c - b));
    }
  }
  return a;
}

double Distribution::mean() const {
  switch (family) {
    case Family::kFixed:
    case Family::kExponential:
    case Family::kLognormal:
      return a;
    case Family::kUniform:
      return 0.5 * (a + b);
    case Family::kWeibull:
      return b * std::tgamma(1.0 + 1.0 / a);
    case Family::kTriangular:
      return (a + b + c) / 3.0;
  }
  return a;
}

double Distribution::lowest() const {
  switch (family) {
    case Family::kFixed:
    case Family::kUniform:
    case Family::kTriangular:
      return a;
    default:
      return 0.0;
  }
}

double Distribution::highest() const {
  switch (family) {
    case Family::kFixed:
      return a;
    case Family::kUniform:
      return b;
    case Family::kTriangular:
      return c;
    default:
      return std::numeric_limits<double>::infinity();
  }
}

Distribution Distribution::scaled(double factor) const {
  Distribution d = *this;
  switch (family) {
    case Family::kWeibull:
      d.b *= factor;  // the shape has no unit
      break;
    default:
      d.a *= factor;
      d.b *= factor;
      d.c *= factor;
  }
  return d;
}

std::string_view family_name(Distribution::Family family) {
  switch (family) {
    case Distribution::Family::kFixed:
      return "fixed";
    case Distribution::Family::kExponential:
      return "exponential";
    case Distribution::Family::kUniform:
      return "uniform";
    case Distribution::Family::kLognormal:
      return "lognormal";
    case Distribution::Family::kWeibull:
      return "weibull";
    case Distribution::Family::kTriangular:
      return "triangular";
  }
  return "?";
}

std::string Distribution::describe() const {
  std::ostringstream out;
  out << family_name(family) << "(";
  switch (family) {
    case Family::kFixed:
      out << "value=" << a;
      break;
    case Family::kExponential:
      out << "mean=" << a;
      break;
    case Family::kUniform:
      out << "min=" << a << ", max=" << b;
      break;
    case Family::kLognormal:
      out << "mean=" << a << ", sd=" << b;
      break;
    case Family::kWeibull:
      out << "shape=" << a << ", scale=" << b;
      break;
    case Family::kTriangular:
      out << "min=" << a << ", mode=" << b << ", max=" << c;
      break;
  }
  out << ")";
  return out.str();
}

}  // namespace parcours::core
