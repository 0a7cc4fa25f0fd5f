#pragma once
// Shared by the education tests: scenarios loaded the way the command line
// loads them, the data tables the model is built from, whole-model runs with
// the invariant checks on, and the [year, programme] measures of the education
// model read by calendar year and programme.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "models/education/education_data.hpp"
#include "models/geography/municipalities.hpp"
#include "models/labour/labour_data.hpp"
#include "models/labour/labour_params.hpp"
#include "models/model.hpp"
#include "sim/run/measures.hpp"
#include "sim/run/runner.hpp"
#include "sim/scenario/scenario.hpp"
#include "tests/models/bit_identical.hpp"

namespace kfsim::education_test {

inline const std::string kBaselineFile = KFSIM_SOURCE_DIR "/scenarios/baseline.toml";

inline scenario::Scenario load(const std::string& file,
                               const std::vector<std::string>& overrides = {}) {
  return scenario::load_scenario(file, model_schema(), overrides);
}

inline scenario::Scenario baseline(const std::vector<std::string>& overrides = {}) {
  return load(kBaselineFile, overrides);
}

// The tables the education model is built from, loaded as run_model loads them.
struct Tables {
  Municipalities municipalities;
  LabourData labour;
  EducationData education;
};

inline Tables load_tables(const scenario::Scenario& scenario) {
  Tables t;
  t.municipalities = load_municipalities(scenario.file("data.municipalities"));
  t.labour = load_labour_data(labour_files(scenario), t.municipalities);
  t.education = load_education_data(scenario.file("data.programmes"), t.labour, t.municipalities);
  return t;
}

// The baseline's tables, loaded once for the tests that only read them.
inline const Tables& baseline_tables() {
  static const Tables tables = load_tables(baseline());
  return tables;
}

inline std::size_t programme_index(const EducationData& data, const std::string& code) {
  const int index = data.index_of(code);
  if (index < 0) throw std::invalid_argument("no programme " + code + " in the baseline");
  return static_cast<std::size_t>(index);
}

// One run of the whole model with every invariant checked each month.
inline ModelRun run(const scenario::Scenario& scenario, int threads = 1,
                    std::function<void(Month, Month, Month)> on_month_done = {}) {
  RunControl control;
  control.threads = threads;
  control.check_invariants = true;
  control.on_month_done = std::move(on_month_done);
  return run_model(scenario, 0, control);
}

inline const Measure& measure(const MeasureSet& measures, const std::string& name) {
  const Measure* found = measures.find(name);
  if (found == nullptr) throw std::invalid_argument("no measure named " + name);
  return *found;
}

// A count measure with dimensions [year, programme], read by calendar year
// and programme index. Holds a reference into the MeasureSet.
class ProgrammeMeasure {
 public:
  ProgrammeMeasure(const MeasureSet& measures, const std::string& name)
      : name_(name), values_(&std::get<std::vector<std::int64_t>>(measure(measures, name).values)) {
    const Measure& m = measure(measures, name);
    const auto& dims = measures.dimensions();
    if (m.dims.size() != 2 || dims[m.dims[0]].name != "year" ||
        dims[m.dims[1]].name != "programme") {
      throw std::invalid_argument(name + " is not by [year, programme]");
    }
    years_ = dims[m.dims[0]].codes;
    programmes_ = dims[m.dims[1]].size();
  }

  const std::vector<std::int32_t>& years() const { return years_; }
  std::size_t programmes() const { return programmes_; }

  std::int64_t at(int year, std::size_t programme) const {
    const auto found = std::find(years_.begin(), years_.end(), year);
    if (found == years_.end() || programme >= programmes_) {
      throw std::out_of_range(name_ + " has no value for " + std::to_string(year) + ", programme " +
                              std::to_string(programme));
    }
    const auto y = static_cast<std::size_t>(found - years_.begin());
    return (*values_)[y * programmes_ + programme];
  }

  // Summed over the years [first, last] and the programmes `which` accepts.
  std::int64_t sum(int first, int last, const std::function<bool(std::size_t)>& which) const {
    std::int64_t total = 0;
    for (int year = first; year <= last; ++year) {
      for (std::size_t p = 0; p < programmes_; ++p) {
        if (which(p)) total += at(year, p);
      }
    }
    return total;
  }

 private:
  std::string name_;
  const std::vector<std::int64_t>* values_;
  std::vector<std::int32_t> years_;
  std::size_t programmes_ = 0;
};

}  // namespace kfsim::education_test
