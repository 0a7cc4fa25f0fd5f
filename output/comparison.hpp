#pragma once
// Comparing scenarios from their result files: what `kfsim compare` computes. Scenarios run with
// the same seed share their random numbers replicate by replicate, so the effect of a policy is
// the paired difference d_r = gap_other[r] - gap_base[r]; it is summarised by its mean and the
// 5th and 95th percentiles across replicates, like the gaps themselves.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "output/output_error.hpp"

namespace kfsim::output {

// Bad input to a comparison: a file that is missing, not a kfsim result, or not comparable with
// the others; a year the files do not hold. The message names the file(s).
class ComparisonError : public OutputError {
 public:
  explicit ComparisonError(const std::string& message) : OutputError(message) {}
};

// What a comparison sets side by side: the competence gaps by competence group (files of the
// whole model), or the residents on 31 December by municipality, which every result file holds,
// for files of the demography alone (scenario key models = "demography").
enum class ComparedMeasure { CompetenceGap, Population };

// The competence gaps of one result file; for ComparedMeasure::Population its population by
// municipality, held in the same fields: the rows (`competences`, `competence_labels`) are then
// municipalities ("3101: Halden"), `gap` the residents, and `rating` is empty.
struct ResultGaps {
  ComparedMeasure measure = ComparedMeasure::CompetenceGap;
  std::filesystem::path path;
  std::string scenario_name;
  std::optional<std::int64_t> seed;  // absent in files that do not record it
  std::vector<std::int32_t> years;
  std::vector<std::int32_t> competences;       // the coordinate (group index)
  std::vector<std::string> competence_labels;  // "CODE: name", one per competence
  std::size_t replicates = 0;
  // Whether the replicates drew the keys of an [uncertainty] table (kfsim_parameter_uncertainty):
  // the spread then holds parameter and random variation, otherwise random variation only.
  bool parameter_uncertainty = false;
  // Row-major (replicate, year, competence): demand minus supply in persons, and the rating
  // (1 shortage, 0 balance, -1 surplus).
  std::vector<double> gap;
  std::vector<double> rating;

  std::size_t index(std::size_t replicate, std::size_t year, std::size_t competence) const {
    return (replicate * years.size() + year) * competences.size() + competence;
  }
};

// Reads competence_gap and competence_rating with their coordinates and the scenario's name and
// seed. A file without a replicate dimension (one run) counts as one replicate. Throws
// ComparisonError naming the file when it is missing, unreadable or not a kfsim result.
ResultGaps read_result_gaps(const std::filesystem::path& path);

// Reads population_end summed over sex and age group, by (replicate, year, municipality), with
// the municipalities' names and the provenance, as read_result_gaps does; the same errors.
ResultGaps read_result_population(const std::filesystem::path& path);

// The competence gaps of a file of the whole model, the population of one of the demography
// alone (which holds no competence gaps); the errors of read_result_gaps.
ResultGaps read_result(const std::filesystem::path& path);

struct Spread {
  double mean = 0, p5 = 0, p95 = 0;
};
Spread spread(std::span<const double> values);

enum class GapRating { surplus = -1, balance = 0, shortage = 1 };
const char* rating_name(GapRating rating);

struct RatingVote {
  GapRating rating = GapRating::balance;
  double share = 0;  // of the replicates that gave this rating
};

// The rating most replicates gave. Ties go to balance when it is among the most frequent,
// otherwise to the rating the sign of mean_gap points to.
RatingVote majority_rating(std::span<const double> ratings, double mean_gap);

// One scenario at one year and competence.
struct ScenarioCell {
  Spread gap;
  std::optional<Spread> change;  // paired difference from the baseline; none for the baseline
  RatingVote rating;
};

struct ComparisonRow {
  std::int32_t year = 0;
  std::size_t competence = 0;       // position in Comparison::competence_codes
  std::vector<ScenarioCell> cells;  // the baseline first, then the others in file order
};

struct Comparison {
  ComparedMeasure measure = ComparedMeasure::CompetenceGap;
  // For ComparedMeasure::Population the rows are municipalities: competence_codes holds their
  // numbers ("3101") and competence_names their names; every rating is left at balance.
  std::vector<std::string> scenarios;  // names, the baseline first; made unique
  std::vector<std::filesystem::path> files;
  std::vector<std::optional<std::int64_t>> seeds;
  std::vector<std::string> competence_codes;  // "BA_NURS"
  std::vector<std::string> competence_names;  // "Bachelor: nursing"
  std::vector<std::int32_t> years;
  std::size_t replicates = 0;
  bool common_random_numbers = true;   // every file has the baseline's seed
  bool parameter_uncertainty = false;  // the baseline's replicates drew [uncertainty] keys
  std::vector<std::string> warnings;
  std::vector<ComparisonRow> rows;  // by year, then competence
};

// Throws ComparisonError naming both files when a file's measure, competences (codes or labels;
// municipalities for the population), years or replicate count differ from the baseline's
// (results[0]).
void check_comparable(std::span<const ResultGaps> results);

// Compares results[1..] with results[0] at `years` (each must be in the files; ComparisonError
// otherwise). Files with different seeds give a warning, not an error.
Comparison compare_results(std::span<const ResultGaps> results,
                           const std::vector<std::int32_t>& years);

// "BA_NURS: Bachelor: nursing" -> {"BA_NURS", "Bachelor: nursing"}; a label without ": " is
// both code and name.
std::pair<std::string, std::string> split_competence_label(const std::string& label);

}  // namespace kfsim::output
