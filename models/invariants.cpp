#include "models/invariants.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <variant>

namespace kfsim {

namespace {

void require_probability(double value, const std::string& what, Month month) {
  if (value >= 0.0 && value <= 1.0) return;  // false for NaN too
  throw std::logic_error(what + " is " + std::to_string(value) + ", not a probability, in " +
                         month.to_string());
}

}  // namespace

void check_labour_rates(const LabourData& data, const LabourParams& params, Month month) {
  const auto scaled = [&](const std::vector<double>& rates, double scale, const char* what) {
    for (std::size_t cell = 0; cell < rates.size(); ++cell) {
      require_probability(rates[cell] * scale,
                          std::string("monthly ") + what + " probability of cell " +
                              std::to_string(cell) + " (after the scenario's scale)",
                          month);
    }
  };
  scaled(data.quit_rate, params.quit_scale, "quit");
  scaled(data.layoff_rate, params.layoff_scale, "lay-off");
  scaled(data.disability_rate, params.disability_scale, "disability");
  require_probability(params.on_the_job_search_rate, "labour.on_the_job_search_rate", month);
  require_probability(params.student_job_search_rate, "labour.student_job_search_rate", month);
  require_probability(params.outside_search_rate, "labour.outside_search_rate", month);
  require_probability(params.unemployed_exit_rate, "labour.unemployed_exit_rate", month);
  require_probability(params.quit_to_unemployment_share, "labour.quit_to_unemployment_share",
                      month);
}

void check_finite(const MeasureSet& measures, Month month) {
  for (const Measure& measure : measures.measures()) {
    const auto* reals = std::get_if<std::vector<double>>(&measure.values);
    if (reals == nullptr) continue;
    for (std::size_t i = 0; i < reals->size(); ++i) {
      if (std::isfinite((*reals)[i])) continue;
      throw std::logic_error("measure " + measure.name + " holds " + std::to_string((*reals)[i]) +
                             " at flat index " + std::to_string(i) + " in " + month.to_string());
    }
  }
}

}  // namespace kfsim
