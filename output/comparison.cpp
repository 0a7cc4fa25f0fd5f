#include "output/comparison.hpp"

#include "output/replicate_summary.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <stdexcept>

#include "output/nc_reader.hpp"
#include "output/provenance.hpp"
#include "output/result_validation.hpp"

namespace kfsim::output {

namespace {

const VariableInfo* find_variable(const FileInfo& info, const std::string& name) {
  for (const auto& variable : info.variables) {
    if (variable.name == name) return &variable;
  }
  return nullptr;
}

bool has_global(const FileInfo& info, const std::string& name) {
  return std::any_of(info.global_attributes.begin(), info.global_attributes.end(),
                     [&](const auto& attribute) { return attribute.first == name; });
}

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : ", ") + part;
  return text;
}

// The variable's dimensions must be (replicate, year, competence), or (year, competence) in a
// file of one run; returns whether the replicate dimension is there.
bool check_gap_dimensions(const VariableInfo& variable, const std::filesystem::path& path) {
  const std::vector<std::string> ensemble = {"replicate", "year", "competence"};
  const std::vector<std::string> single = {"year", "competence"};
  if (variable.dims == ensemble) return true;
  if (variable.dims == single) return false;
  throw ComparisonError(path.string() + ": variable '" + variable.name + "' has dimensions (" +
                        joined(variable.dims) + "); expected (replicate, year, competence)");
}

std::vector<std::int32_t> read_codes(const std::filesystem::path& path, const std::string& name) {
  std::vector<std::int32_t> codes;
  for (double value : read_variable_as_double(path, name)) {
    codes.push_back(static_cast<std::int32_t>(std::lround(value)));
  }
  return codes;
}

std::string year_range(const std::vector<std::int32_t>& years) {
  if (years.empty()) return "no years";
  if (years.size() == 1) return std::to_string(years.front());
  return std::to_string(years.front()) + "–" + std::to_string(years.back());
}

std::string seed_text(const std::optional<std::int64_t>& seed) {
  return seed ? "seed " + std::to_string(*seed) : "no recorded seed";
}

// Checks that `path` is a result file of this format with sound values; its description.
FileInfo checked_info(const std::filesystem::path& path) {
  // Another program's file, or one of an older layout, is refused before anything is read.
  check_result_file_format(path);
  FileInfo info = read_file_info(path);
  validate_result_file(path, info);
  return info;
}

// The measure first, then the provenance: a file without either is named by the measure.
void check_variable_and_name(const FileInfo& info, const std::filesystem::path& path,
                             const std::string& variable) {
  if (find_variable(info, variable) == nullptr) {
    throw ComparisonError(path.string() + ": is not a kfsim result file (it has no variable '" +
                          variable + "')");
  }
  if (!has_global(info, "kfsim_scenario_name")) {
    throw ComparisonError(path.string() +
                          ": is not a kfsim result file (it has no global attribute "
                          "'kfsim_scenario_name')");
  }
}

// The scenario's name and seed and whether its replicates drew [uncertainty] keys.
void read_provenance_into(const std::filesystem::path& path, ResultGaps& result) {
  result.path = path;
  for (const auto& attribute : read_attributes(path)) {
    if (attribute.name == "kfsim_scenario_name") {
      result.scenario_name = value_text(attribute.value);
    } else if (attribute.name == "kfsim_seed") {
      if (const auto* seed = std::get_if<std::int64_t>(&attribute.value)) result.seed = *seed;
    } else if (attribute.name == "kfsim_parameter_uncertainty") {
      const auto* flag = std::get_if<std::int64_t>(&attribute.value);
      result.parameter_uncertainty = flag != nullptr && *flag != 0;
    }
  }
}

ResultGaps read_gaps(const std::filesystem::path& path, const FileInfo& info) {
  check_variable_and_name(info, path, "competence_gap");
  const VariableInfo* gap = find_variable(info, "competence_gap");
  const VariableInfo* rating = find_variable(info, "competence_rating");
  if (rating == nullptr) {
    throw ComparisonError(path.string() + ": has no variable 'competence_rating'");
  }
  const bool has_replicates = check_gap_dimensions(*gap, path);
  if (check_gap_dimensions(*rating, path) != has_replicates || rating->shape != gap->shape) {
    throw ComparisonError(path.string() +
                          ": competence_rating and competence_gap have different shapes");
  }

  ResultGaps result;
  read_provenance_into(path, result);
  result.years = read_codes(path, "year");
  result.competences = read_codes(path, "competence");
  if (find_variable(info, "competence_name") != nullptr) {
    result.competence_labels = read_labels(path, "competence_name");
  } else {
    for (auto code : result.competences) result.competence_labels.push_back(std::to_string(code));
  }
  if (result.competence_labels.size() != result.competences.size()) {
    throw ComparisonError(path.string() + ": competence_name has " +
                          std::to_string(result.competence_labels.size()) + " labels for " +
                          std::to_string(result.competences.size()) + " competences");
  }
  std::vector<std::size_t> shape;
  result.gap = read_variable_as_double(path, "competence_gap", &shape);
  result.rating = read_variable_as_double(path, "competence_rating");
  result.replicates = has_replicates ? shape.front() : 1;
  if (result.gap.size() != result.replicates * result.years.size() * result.competences.size()) {
    throw ComparisonError(path.string() +
                          ": competence_gap does not match the sizes of its dimensions");
  }
  if (result.replicates == 0 || result.years.empty() || result.competences.empty()) {
    throw ComparisonError(path.string() + ": holds no competence gaps (an empty dimension)");
  }
  return result;
}

ResultGaps read_population(const std::filesystem::path& path, const FileInfo& info) {
  check_variable_and_name(info, path, "population_end");
  const VariableInfo* population = find_variable(info, "population_end");
  const std::vector<std::string> ensemble = {"replicate", "year", "municipality", "sex",
                                             "age_group"};
  const bool has_replicates = population->dims == ensemble;
  if (!has_replicates &&
      population->dims != std::vector<std::string>(ensemble.begin() + 1, ensemble.end())) {
    throw ComparisonError(path.string() + ": variable 'population_end' has dimensions (" +
                          joined(population->dims) +
                          "); expected (replicate, year, municipality, sex, age_group)");
  }

  ResultGaps result;
  result.measure = ComparedMeasure::Population;
  read_provenance_into(path, result);
  result.years = read_codes(path, "year");
  result.competences = read_codes(path, "municipality");
  std::vector<std::string> names;
  if (find_variable(info, "municipality_name") != nullptr) {
    names = read_labels(path, "municipality_name");
  }
  for (std::size_t m = 0; m < result.competences.size(); ++m) {
    const std::string code = std::to_string(result.competences[m]);
    result.competence_labels.push_back(m < names.size() ? code + ": " + names[m] : code);
  }
  std::vector<std::size_t> shape;
  const std::vector<double> values = read_variable_as_double(path, "population_end", &shape);
  result.replicates = has_replicates ? shape.front() : 1;
  const std::size_t rows = result.replicates * result.years.size() * result.competences.size();
  if (rows == 0 || values.size() % rows != 0) {
    throw ComparisonError(path.string() + ": holds no population by municipality (" +
                          (rows == 0 ? "an empty dimension" : "sizes that do not match") + ")");
  }
  // Every (replicate, year, municipality) holds sex x age_group cells, one after the other.
  const std::size_t cells = values.size() / rows;
  result.gap.assign(rows, 0.0);
  for (std::size_t row = 0; row < rows; ++row) {
    for (std::size_t k = 0; k < cells; ++k) result.gap[row] += values[row * cells + k];
  }
  return result;
}

// A missing, unreadable or truncated file is bad input to a comparison.
template <typename Read>
auto as_comparison_input(Read read) -> decltype(read()) {
  try {
    return read();
  } catch (const ComparisonError&) {
    throw;
  } catch (const OutputError& error) {
    throw ComparisonError(error.what());
  }
}

const char* rows_name(ComparedMeasure measure) {
  return measure == ComparedMeasure::Population ? "municipalities" : "competence groups";
}

}  // namespace

ResultGaps read_result_gaps(const std::filesystem::path& path) {
  return as_comparison_input([&] { return read_gaps(path, checked_info(path)); });
}

ResultGaps read_result_population(const std::filesystem::path& path) {
  return as_comparison_input([&] { return read_population(path, checked_info(path)); });
}

ResultGaps read_result(const std::filesystem::path& path) {
  return as_comparison_input([&] {
    const FileInfo info = checked_info(path);
    // A file with neither measure is refused by read_gaps, naming the competence gaps.
    const bool demography_alone = find_variable(info, "competence_gap") == nullptr &&
                                  find_variable(info, "population_end") != nullptr;
    return demography_alone ? read_population(path, info) : read_gaps(path, info);
  });
}

Spread spread(std::span<const double> values) {
  if (values.empty()) throw std::invalid_argument("spread of no values");
  Spread result;
  result.mean =
      std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  std::vector<double> copy(values.begin(), values.end());
  result.p5 = percentile(copy, 5);
  result.p95 = percentile(copy, 95);
  return result;
}

const char* rating_name(GapRating rating) {
  switch (rating) {
    case GapRating::shortage:
      return "shortage";
    case GapRating::surplus:
      return "surplus";
    case GapRating::balance:
      break;
  }
  return "balance";
}

RatingVote majority_rating(std::span<const double> ratings, double mean_gap) {
  if (ratings.empty()) throw std::invalid_argument("majority of no ratings");
  std::array<std::size_t, 3> counts{};  // surplus, balance, shortage
  for (double value : ratings) {
    const long code = std::clamp(std::lround(value), -1L, 1L);
    ++counts[static_cast<std::size_t>(code + 1)];
  }
  const std::size_t most = *std::max_element(counts.begin(), counts.end());
  GapRating rating = GapRating::balance;
  if (counts[1] != most) {
    if (counts[0] == most && counts[2] == most) {
      rating = mean_gap < 0 ? GapRating::surplus : GapRating::shortage;
    } else {
      rating = counts[2] == most ? GapRating::shortage : GapRating::surplus;
    }
  }
  const std::size_t agreeing = counts[static_cast<std::size_t>(static_cast<int>(rating) + 1)];
  return {rating, static_cast<double>(agreeing) / static_cast<double>(ratings.size())};
}

std::pair<std::string, std::string> split_competence_label(const std::string& label) {
  const auto colon = label.find(": ");
  if (colon == std::string::npos || colon == 0) return {label, label};
  return {label.substr(0, colon), label.substr(colon + 2)};
}

void check_comparable(std::span<const ResultGaps> results) {
  if (results.empty()) throw std::invalid_argument("no results to compare");
  const ResultGaps& base = results.front();
  const std::string base_name = base.path.string();
  for (const auto& other : results.subspan(1)) {
    const std::string name = other.path.string();
    if (other.measure != base.measure) {
      throw ComparisonError(name + ": was read for its " + rows_name(other.measure) + ", but " +
                            base_name + " for its " + rows_name(base.measure) +
                            "; compare every file on the same measure");
    }
    if (other.competences != base.competences ||
        other.competence_labels != base.competence_labels) {
      const bool population = base.measure == ComparedMeasure::Population;
      throw ComparisonError(name + ": its " + rows_name(base.measure) + " differ from those of " +
                            base_name + " (" + std::to_string(other.competences.size()) +
                            " against " + std::to_string(base.competences.size()) +
                            "); compare results made with the same " +
                            (population ? "municipality table" : "competence table"));
    }
    if (other.years != base.years) {
      throw ComparisonError(name + ": holds the years " + year_range(other.years) + ", but " +
                            base_name + " holds " + year_range(base.years) +
                            "; run both scenarios over the same period");
    }
    if (other.replicates != base.replicates) {
      throw ComparisonError(name + ": has " + std::to_string(other.replicates) +
                            " replicates, but " + base_name + " has " +
                            std::to_string(base.replicates) +
                            "; run both with the same number of replicates");
    }
  }
}

Comparison compare_results(std::span<const ResultGaps> results,
                           const std::vector<std::int32_t>& years) {
  check_comparable(results);
  const ResultGaps& base = results.front();
  Comparison comparison;
  comparison.measure = base.measure;
  comparison.replicates = base.replicates;
  comparison.years = years;
  for (const auto& label : base.competence_labels) {
    auto [code, name] = split_competence_label(label);
    comparison.competence_codes.push_back(std::move(code));
    comparison.competence_names.push_back(std::move(name));
  }

  comparison.parameter_uncertainty = base.parameter_uncertainty;
  std::map<std::string, int> name_count;
  for (const auto& result : results) ++name_count[result.scenario_name];
  for (const auto& result : results) {
    std::string name = result.scenario_name;
    // Two files of one scenario (e.g. two seeds) are told apart by their file names.
    if (name_count[name] > 1) name += " (" + result.path.filename().string() + ")";
    comparison.scenarios.push_back(name);
    comparison.files.push_back(result.path);
    comparison.seeds.push_back(result.seed);
    if (&result != &base && (!result.seed || !base.seed || *result.seed != *base.seed)) {
      comparison.common_random_numbers = false;
      comparison.warnings.push_back(result.path.string() + " (" + seed_text(result.seed) +
                                    ") and " + base.path.string() + " (" + seed_text(base.seed) +
                                    ") differ in seed: differences include random noise: not "
                                    "common random numbers");
    }
    if (result.parameter_uncertainty != base.parameter_uncertainty) {
      comparison.warnings.push_back(
          result.path.string() + " and " + base.path.string() +
          " differ in parameter uncertainty (one drew [uncertainty] keys, the other did not): "
          "the paired changes mix a policy's effect with different parameter values");
    }
  }

  std::vector<std::size_t> year_indices;
  for (auto year : years) {
    const auto found = std::find(base.years.begin(), base.years.end(), year);
    if (found == base.years.end()) {
      throw ComparisonError("year " + std::to_string(year) + " is not in the results (" +
                            base.path.string() + " holds " + year_range(base.years) + ")");
    }
    year_indices.push_back(static_cast<std::size_t>(found - base.years.begin()));
  }

  const std::size_t replicates = base.replicates;
  std::vector<double> gaps(replicates), ratings(replicates), changes(replicates);
  for (std::size_t y = 0; y < years.size(); ++y) {
    for (std::size_t c = 0; c < base.competences.size(); ++c) {
      ComparisonRow row;
      row.year = years[y];
      row.competence = c;
      for (const auto& result : results) {
        for (std::size_t r = 0; r < replicates; ++r) {
          const std::size_t at = result.index(r, year_indices[y], c);
          gaps[r] = result.gap[at];
          // The population has no rating: every cell is left at balance, and never shown.
          ratings[r] = result.rating.empty() ? 0.0 : result.rating[at];
          changes[r] = result.gap[at] - base.gap[at];
        }
        ScenarioCell cell;
        cell.gap = spread(gaps);
        if (&result != &base) cell.change = spread(changes);
        cell.rating = majority_rating(ratings, cell.gap.mean);
        row.cells.push_back(cell);
      }
      comparison.rows.push_back(std::move(row));
    }
  }
  return comparison;
}

}  // namespace kfsim::output
