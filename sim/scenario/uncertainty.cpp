#include "sim/scenario/uncertainty.hpp"

#include <algorithm>
#include <cmath>

#include <boost/math/distributions/normal.hpp>

#include "sim/scenario/value.hpp"

namespace kfsim::scenario {

const UncertainParameter* Uncertainty::find(const std::string& key) const {
  for (const auto& parameter : parameters) {
    if (parameter.key == key) return &parameter;
  }
  return nullptr;
}

namespace {

double continuous_quantile(const UncertainParameter& p, double u) {
  switch (p.distribution) {
    case Distribution::Uniform:
      return p.min + u * (p.max - p.min);
    case Distribution::Triangular: {
      const double width = p.max - p.min;
      const double split = (p.mode - p.min) / width;
      if (u < split) return p.min + std::sqrt(u * width * (p.mode - p.min));
      return p.max - std::sqrt((1 - u) * width * (p.max - p.mode));
    }
    case Distribution::Normal: {
      // Truncated to [min, max]: u is carried into the probabilities the bounds enclose.
      const boost::math::normal_distribution<double> normal(p.mean, p.sd);
      const double low = boost::math::cdf(normal, p.min);
      const double high = boost::math::cdf(normal, p.max);
      const double v = low + u * (high - low);
      if (v <= 0) return p.min;
      if (v >= 1) return p.max;
      return boost::math::quantile(normal, v);
    }
  }
  return p.min;
}

}  // namespace

double quantile(const UncertainParameter& parameter, double u) {
  u = std::clamp(u, 0.0, 1.0);
  if (!parameter.integer) {
    return std::clamp(continuous_quantile(parameter, u), parameter.min, parameter.max);
  }
  // An integer key: the distribution spread over [min - 0.5, max + 0.5] and rounded, so that
  // the bounds are as likely as the values between them.
  UncertainParameter widened = parameter;
  widened.min -= 0.5;
  widened.max += 0.5;
  return std::clamp(std::round(continuous_quantile(widened, u)), parameter.min, parameter.max);
}

std::string describe(const UncertainParameter& p) {
  switch (p.distribution) {
    case Distribution::Uniform:
      return "uniform(min " + format_number(p.min) + ", max " + format_number(p.max) + ")";
    case Distribution::Triangular:
      return "triangular(min " + format_number(p.min) + ", mode " + format_number(p.mode) +
             ", max " + format_number(p.max) + ")";
    case Distribution::Normal:
      return "normal(mean " + format_number(p.mean) + ", sd " + format_number(p.sd) +
             ", truncated to min " + format_number(p.min) + ", max " + format_number(p.max) + ")";
  }
  return "";
}

}  // namespace kfsim::scenario
