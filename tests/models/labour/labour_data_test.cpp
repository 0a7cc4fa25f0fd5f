// The labour-market tables under scenarios/data/labour/: the baseline set
// loads and is coherent, and a broken table is refused with an error that
// names the file, the line and the column, since analysts edit these by hand.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "models/data/csv_table.hpp"
#include "models/labour/labour_data.hpp"
#include "models/labour/labour_params.hpp"
#include "tests/models/labour/labour_test_support.hpp"

namespace kfsim {
namespace {

namespace fs = std::filesystem;

struct Baseline {
  LabourFiles files;
  Municipalities municipalities;
};

Baseline baseline_tables() {
  const auto scenario = labour_test::baseline();
  return {labour_files(scenario), load_municipalities(scenario.file("data.municipalities"))};
}

TEST(LabourData, BaselineTablesLoad) {
  const auto tables = baseline_tables();
  const LabourData d = load_labour_data(tables.files, tables.municipalities);
  EXPECT_EQ(d.competences.size(), 26u);
  EXPECT_EQ(d.occupations.size(), 40u);
  EXPECT_EQ(d.industries.size(), 17u);
  EXPECT_EQ(d.competence_level.size(), d.competences.size());
  EXPECT_EQ(d.jobs.size(), d.industries.size() * tables.municipalities.size());
  EXPECT_EQ(d.fit.size(), d.occupations.size() * d.competences.size());
  EXPECT_EQ(d.travel_minutes.size(),
            d.work_areas(tables.municipalities) * d.work_areas(tables.municipalities));
}

TEST(LabourData, StaffingSharesSumToOnePerIndustry) {
  const auto tables = baseline_tables();
  const LabourData d = load_labour_data(tables.files, tables.municipalities);
  const std::size_t n_occ = d.occupations.size();
  for (std::size_t i = 0; i < d.industries.size(); ++i) {
    double sum = 0;
    for (std::size_t o = 0; o < n_occ; ++o) sum += d.staffing[i * n_occ + o];
    EXPECT_NEAR(sum, 1.0, 1e-3) << "industry " << d.industries.codes[i];
  }
}

TEST(LabourData, EveryOccupationHasAWellFittingCompetence) {
  const auto tables = baseline_tables();
  const LabourData d = load_labour_data(tables.files, tables.municipalities);
  for (std::size_t o = 0; o < d.occupations.size(); ++o) {
    float best = 0;
    for (std::size_t c = 0; c < d.competences.size(); ++c)
      best = std::max(best, d.fit[d.fit_index(o, c)]);
    EXPECT_GE(best, 0.8f) << "occupation " << d.occupations.codes[o];
  }
}

TEST(LabourData, RegulatedOccupationsCarryTheirMinimumFit) {
  const auto tables = baseline_tables();
  const LabourData d = load_labour_data(tables.files, tables.municipalities);
  auto min_fit = [&](const std::string& code) {
    const auto o = d.occupations.index_of(code);
    EXPECT_GE(o, 0) << code;
    return o < 0 ? -1.0 : d.occupation_min_fit[static_cast<std::size_t>(o)];
  };
  EXPECT_EQ(min_fit("22"), 0.8);
  EXPECT_EQ(min_fit("32"), 0.8);
  EXPECT_EQ(min_fit("74"), 0.8);
  EXPECT_EQ(min_fit("23"), 0.5);
  EXPECT_EQ(min_fit("53"), 0.0);  // not listed: the scenario's labour.min_hiring_fit applies
}

// Each test gets a fresh folder for its broken copies, removed afterwards.
class BrokenLabourTable : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("kfsim_labour_data_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    tables_ = baseline_tables();
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::vector<std::string> lines_of(const fs::path& file) {
    std::ifstream in(file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }

  static std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> fields;
    std::stringstream stream(line);
    for (std::string field; std::getline(stream, field, ',');) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    return fields;
  }

  static std::string join(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t k = 0; k < fields.size(); ++k) line += (k ? "," : "") + fields[k];
    return line;
  }

  fs::path write(const fs::path& original, const std::vector<std::string>& lines) const {
    const fs::path copy = dir_ / original.filename();
    std::ofstream out(copy);
    for (const auto& line : lines) out << line << '\n';
    return copy;
  }

  // Writes a copy of `original` whose first data row has `fields` replaced;
  // returns the copy and sets `line` to that row's 1-based line number.
  fs::path edit_first_row(const fs::path& original,
                          const std::map<std::string, std::string>& fields, int& line) const {
    auto lines = lines_of(original);
    std::vector<std::string> header;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (lines[k].empty() || lines[k].front() == '#') continue;
      if (header.empty()) {
        header = split(lines[k]);
        continue;
      }
      auto row = split(lines[k]);
      for (const auto& [column, value] : fields) {
        const auto at = std::find(header.begin(), header.end(), column);
        EXPECT_NE(at, header.end()) << column << " is not a column of " << original;
        row[static_cast<std::size_t>(at - header.begin())] = value;
      }
      lines[k] = join(row);
      line = static_cast<int>(k) + 1;
      return write(original, lines);
    }
    ADD_FAILURE() << original << " has no data row";
    return original;
  }

  fs::path rename_column(const fs::path& original, const std::string& from,
                         const std::string& to) const {
    auto lines = lines_of(original);
    for (auto& line : lines) {
      if (line.empty() || line.front() == '#') continue;
      auto header = split(line);
      std::replace(header.begin(), header.end(), from, to);
      line = join(header);
      break;
    }
    return write(original, lines);
  }

  // Loads with `files` and returns the DataError it must raise.
  data::DataError load_error(const LabourFiles& files) const {
    try {
      load_labour_data(files, tables_.municipalities);
    } catch (const data::DataError& e) {
      return e;
    }
    ADD_FAILURE() << "the broken table was accepted";
    return data::DataError("", 0, "", "");
  }

  static void expect_names(const data::DataError& e, const fs::path& file, int line,
                           const std::string& column, const std::string& problem) {
    const std::string message = e.what();
    EXPECT_EQ(e.file(), file) << message;
    EXPECT_EQ(e.line(), line) << message;
    EXPECT_EQ(e.column(), column) << message;
    std::string where = file.string();
    if (line > 0) where += ":" + std::to_string(line);
    if (!column.empty()) where += ": column '" + column + "'";
    EXPECT_NE(message.find(where), std::string::npos) << message << "\nexpected: " << where;
    EXPECT_NE(message.find(problem), std::string::npos) << message << "\nexpected: " << problem;
  }

  fs::path dir_;
  Baseline tables_;
};

TEST_F(BrokenLabourTable, StaffingThatDoesNotSumToOne) {
  int line = 0;
  LabourFiles files = tables_.files;
  files.staffing = edit_first_row(tables_.files.staffing, {{"share", "0.5"}}, line);
  const auto e = load_error(files);
  // The sum is a property of a whole industry, not of one row: no line.
  EXPECT_EQ(e.file(), files.staffing) << e.what();
  EXPECT_EQ(e.line(), 0) << e.what();
  const std::string message = e.what();
  EXPECT_NE(message.find(files.staffing.string()), std::string::npos) << message;
  EXPECT_NE(message.find("sums to 1.49"), std::string::npos) << message;
}

TEST_F(BrokenLabourTable, UnknownOccupationInTheFitTable) {
  int line = 0;
  LabourFiles files = tables_.files;
  files.fit = edit_first_row(tables_.files.fit, {{"occupation", "99"}}, line);
  expect_names(load_error(files), files.fit, line, "occupation", "unknown occupation code '99'");
}

TEST_F(BrokenLabourTable, NonNumericRate) {
  int line = 0;
  LabourFiles files = tables_.files;
  files.separation_rates =
      edit_first_row(tables_.files.separation_rates, {{"quit_rate_monthly", "often"}}, line);
  expect_names(load_error(files), files.separation_rates, line, "quit_rate_monthly",
               "'often' is not a finite number");
}

TEST_F(BrokenLabourTable, RateOutOfRange) {
  int line = 0;
  LabourFiles files = tables_.files;
  files.separation_rates =
      edit_first_row(tables_.files.separation_rates, {{"layoff_rate_monthly", "0.7"}}, line);
  expect_names(load_error(files), files.separation_rates, line, "layoff_rate_monthly",
               "out of range");
}

TEST_F(BrokenLabourTable, MissingRequiredColumn) {
  LabourFiles files = tables_.files;
  files.separation_rates =
      rename_column(tables_.files.separation_rates, "disability_rate_monthly", "disability");
  expect_names(load_error(files), files.separation_rates, 0, "disability_rate_monthly",
               "required column is missing");
}

TEST_F(BrokenLabourTable, UnknownMunicipalityInCommuting) {
  int line = 0;
  LabourFiles files = tables_.files;
  files.commuting = edit_first_row(tables_.files.commuting, {{"municipality", "3199"}}, line);
  expect_names(load_error(files), files.commuting, line, "municipality",
               "unknown municipality code 3199");
}

TEST_F(BrokenLabourTable, RequirementAboveTheBestFit) {
  // Occupation 34 (legal, social and cultural associate professionals) fits no
  // competence better than 0.9 in the baseline fit table.
  int line = 0;
  LabourFiles files = tables_.files;
  files.occupation_requirements = edit_first_row(tables_.files.occupation_requirements,
                                                 {{"occupation", "34"}, {"min_fit", "0.95"}}, line);
  expect_names(load_error(files), files.occupation_requirements, line, "min_fit",
               "no competence reaches this fit for occupation 34");
}

// A requirement equal to the best fit is one some competence meets: the loader
// compares in float, as fits are stored (0.9f is 0.89999998 as a double).
TEST_F(BrokenLabourTable, RequirementAtTheBestFitIsAccepted) {
  int line = 0;
  LabourFiles files = tables_.files;
  files.occupation_requirements = edit_first_row(tables_.files.occupation_requirements,
                                                 {{"occupation", "34"}, {"min_fit", "0.9"}}, line);
  const LabourData d = load_labour_data(files, tables_.municipalities);
  EXPECT_EQ(d.occupation_min_fit[static_cast<std::size_t>(d.occupations.index_of("34"))], 0.9);
}

}  // namespace
}  // namespace kfsim
