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
  EXPECT_EQ(d.occupations.size(), 47u);
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
  EXPECT_EQ(min_fit("221"), 0.8);   // doctors
  EXPECT_EQ(min_fit("222"), 0.8);   // nurses
  EXPECT_EQ(min_fit("5321"), 0.8);  // helsefagarbeidere
  EXPECT_EQ(min_fit("32"), 0.8);
  EXPECT_EQ(min_fit("741"), 0.8);  // electricians: fagbrev under FEK
  EXPECT_EQ(min_fit("74"), 0.8);
  EXPECT_EQ(min_fit("234"), 0.8);  // grunnskole- og barnehagelærere
  EXPECT_EQ(min_fit("23"), 0.5);
  EXPECT_EQ(min_fit("53"), 0.0);  // not listed: the scenario's labour.min_hiring_fit applies
  // Carpenters (711) and plumbers (712): the building rules ask the enterprise, not each hire.
  EXPECT_EQ(min_fit("711"), 0.0);
  EXPECT_EQ(min_fit("712"), 0.0);
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
  // The sum is a property of a whole industry: the error points at its last row.
  EXPECT_EQ(e.file(), files.staffing) << e.what();
  EXPECT_GE(e.line(), line) << e.what();
  EXPECT_EQ(e.column(), "share") << e.what();
  const std::string message = e.what();
  EXPECT_NE(message.find("share of industry "), std::string::npos) << message;
  EXPECT_NE(message.find("sum to 1.49"), std::string::npos) << message;
  EXPECT_NE(message.find("expected shares that add up to 1"), std::string::npos) << message;
}

TEST_F(BrokenLabourTable, CompetenceSharesThatDoNotSumToOneNameTheirGroup) {
  int line = 0;
  LabourFiles files = tables_.files;
  files.competence_by_age_sex =
      edit_first_row(tables_.files.competence_by_age_sex, {{"share", "0.9"}}, line);
  const auto e = load_error(files);
  EXPECT_GE(e.line(), line) << e.what();
  EXPECT_EQ(e.column(), "share") << e.what();
  const std::string message = e.what();
  EXPECT_NE(message.find("share of age group 15-19, female sum to"), std::string::npos) << message;
}

// The data rows of a table, and the lines before them (comments and header), as read.
struct Rows {
  std::vector<std::string> head, rows;
  int first_row_line = 0;  // 1-based
};

Rows rows_of(const std::vector<std::string>& lines) {
  Rows r;
  bool header = false;
  for (const auto& line : lines) {
    if (!header || line.empty() || line.front() == '#') {
      header = header || !(line.empty() || line.front() == '#');
      r.head.push_back(line);
    } else {
      r.rows.push_back(line);
    }
  }
  r.first_row_line = static_cast<int>(r.head.size()) + 1;
  return r;
}

TEST_F(BrokenLabourTable, DuplicateRowIsRefusedNotSilentlyReplacingTheFirst) {
  auto r = rows_of(lines_of(tables_.files.jobs_by_industry));
  auto lines = r.head;
  lines.insert(lines.end(), r.rows.begin(), r.rows.end());
  lines.push_back(r.rows.front());
  LabourFiles files = tables_.files;
  files.jobs_by_industry = write(tables_.files.jobs_by_industry, lines);
  expect_names(load_error(files), files.jobs_by_industry, static_cast<int>(lines.size()), "",
               "second row for the same (industry, municipality) (the first is on line " +
                   std::to_string(r.first_row_line) + "); expected one row for each");
}

TEST_F(BrokenLabourTable, MissingJobsRowIsRefusedNotReadAsNoJobs) {
  auto r = rows_of(lines_of(tables_.files.jobs_by_industry));
  auto lines = r.head;
  lines.insert(lines.end(), r.rows.begin() + 1, r.rows.end());
  LabourFiles files = tables_.files;
  files.jobs_by_industry = write(tables_.files.jobs_by_industry, lines);
  const auto fields = split(r.rows.front());
  expect_names(load_error(files), files.jobs_by_industry, 0, "employed_workplace",
               "no row for industry " + fields[0] + " in municipality " + fields[1] +
                   "; expected one row for each (industry, municipality)");
}

TEST_F(BrokenLabourTable, MissingWorkingAgeRatesAreRefused) {
  for (auto LabourFiles::*table : {&LabourFiles::status_targets, &LabourFiles::separation_rates}) {
    auto r = rows_of(lines_of(tables_.files.*table));
    auto lines = r.head;
    lines.insert(lines.end(), r.rows.begin() + 1, r.rows.end());
    LabourFiles files = tables_.files;
    files.*table = write(tables_.files.*table, lines);
    const auto e = load_error(files);
    const std::string message = e.what();
    EXPECT_EQ(e.file(), files.*table);
    EXPECT_NE(message.find("no row for age group 15-19, "), std::string::npos) << message;
    EXPECT_NE(message.find("expected one row for each (age group, sex)"), std::string::npos)
        << message;
  }
}

TEST_F(BrokenLabourTable, MissingRetirementAgeIsRefused) {
  auto r = rows_of(lines_of(tables_.files.retirement_rates));
  auto lines = r.head;
  lines.insert(lines.end(), r.rows.begin() + 1, r.rows.end());
  LabourFiles files = tables_.files;
  files.retirement_rates = write(tables_.files.retirement_rates, lines);
  const auto fields = split(r.rows.front());
  expect_names(load_error(files), files.retirement_rates, 0, "age",
               "no row for age " + fields[0] + ", " + fields[1] +
                   "; expected one row for each (age 55-75, sex)");
}

TEST_F(BrokenLabourTable, MissingCommutingMunicipalityIsRefused) {
  auto r = rows_of(lines_of(tables_.files.commuting));
  auto lines = r.head;
  lines.insert(lines.end(), r.rows.begin() + 1, r.rows.end());
  LabourFiles files = tables_.files;
  files.commuting = write(tables_.files.commuting, lines);
  expect_names(load_error(files), files.commuting, 0, "municipality",
               "no row for municipality " + split(r.rows.front())[0]);
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
