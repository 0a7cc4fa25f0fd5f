// The programme table scenarios/data/education/programmes.csv: the baseline's
// loads and is coherent, and a broken copy is refused with an error that names
// the file, the line and the column, since analysts edit it by hand.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/data/csv_table.hpp"
#include "models/education/education_data.hpp"
#include "tests/models/education/education_test_support.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim {
namespace {

namespace fs = std::filesystem;
using scenario::test_support::TempDir;

const fs::path kProgrammes = KFSIM_SOURCE_DIR "/scenarios/data/education/programmes.csv";

const education_test::Tables& tables() { return education_test::baseline_tables(); }
const EducationData& baseline() { return tables().education; }

std::vector<std::string> lines_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
  return fields;
}

std::string join(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) line += (i > 0 ? "," : "") + fields[i];
  return line;
}

// The baseline's table as lines, with a field of one programme's row replaced
// or the row removed; written to a fresh folder by `write`.
class BrokenCopy {
 public:
  BrokenCopy() : lines_(lines_of(kProgrammes)) {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].empty() || lines_[i].front() == '#') continue;
      header_ = fields_of(lines_[i]);
      break;
    }
  }

  // Sets `column` of programme `code`'s row; returns the row's line (1-based).
  int set(const std::string& code, const std::string& column, const std::string& value) {
    const std::size_t row = line_index(code);
    auto fields = fields_of(lines_[row]);
    fields.at(column_index(column)) = value;
    lines_[row] = join(fields);
    return static_cast<int>(row) + 1;
  }

  void remove(const std::string& code) {
    lines_.erase(lines_.begin() + static_cast<std::ptrdiff_t>(line_index(code)));
  }

  // The line (1-based) of programme `code`'s row.
  int line_of(const std::string& code) const { return static_cast<int>(line_index(code)) + 1; }

  fs::path write(const TempDir& dir) const {
    std::string text;
    for (const auto& line : lines_) text += line + "\n";
    return dir.write("programmes.csv", text);
  }

 private:
  std::size_t line_index(const std::string& code) const {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].rfind(code + ",", 0) == 0) return i;
    }
    throw std::invalid_argument("no row for programme " + code);
  }
  std::size_t column_index(const std::string& column) const {
    for (std::size_t i = 0; i < header_.size(); ++i) {
      if (header_[i] == column) return i;
    }
    throw std::invalid_argument("no column " + column);
  }

  std::vector<std::string> lines_;
  std::vector<std::string> header_;
};

// Loads the broken copy and checks the error names the file, line and column
// and says what is wrong.
void expect_refused(const BrokenCopy& copy, int line, const std::string& column,
                    const std::string& fragment) {
  const TempDir dir;
  const fs::path file = copy.write(dir);
  try {
    load_education_data(file, tables().labour, tables().municipalities);
    ADD_FAILURE() << "expected a DataError at line " << line << ", column " << column;
  } catch (const data::DataError& error) {
    EXPECT_EQ(error.file(), file) << error.what();
    EXPECT_EQ(error.line(), line) << error.what();
    EXPECT_EQ(error.column(), column) << error.what();
    const std::string message = error.what();
    EXPECT_EQ(
        message.rfind(file.string() + ":" + std::to_string(line) + ": column '" + column + "'", 0),
        0u)
        << message;
    EXPECT_NE(message.find(fragment), std::string::npos) << message << " lacks " << fragment;
  }
}

TEST(EducationData, AdultProgrammesCarryTheirEligibility) {
  const EducationData& d = baseline();
  const Programme& nav = d.programmes[education_test::programme_index(d, "UP_NAV_HO")];
  EXPECT_TRUE(nav.eligibility.unemployed_only);
  EXPECT_FALSE(nav.eligibility.employed_only);
  EXPECT_EQ(nav.eligibility.competences.size(), 2u);  // PRIM and VGS_GEN
  const Programme& at_work = d.programmes[education_test::programme_index(d, "UP_FAGBREV_HO")];
  EXPECT_TRUE(at_work.eligibility.employed_only);
  EXPECT_FALSE(at_work.eligibility.unemployed_only);
}

TEST(EducationData, BaselineTableLoads) {
  const EducationData& d = baseline();
  int by_stage[kStageCount] = {};
  for (const auto& p : d.programmes) ++by_stage[static_cast<int>(p.stage)];
  EXPECT_EQ(d.size(), 105u);
  EXPECT_EQ(by_stage[static_cast<int>(Stage::Vg1)], 60);  // 12 programmes in 5 towns
  EXPECT_EQ(by_stage[static_cast<int>(Stage::Apprenticeship)], 8);
  EXPECT_EQ(by_stage[static_cast<int>(Stage::Higher)], 23);
  EXPECT_EQ(by_stage[static_cast<int>(Stage::Master)], 10);
  EXPECT_EQ(by_stage[static_cast<int>(Stage::Adult)], 4);

  const Programme& nursing = d.programmes[education_test::programme_index(d, "HIO_NURS")];
  EXPECT_EQ(nursing.provider_type, ProviderType::University);
  EXPECT_EQ(tables().labour.competences.codes[nursing.competence], "BA_NURS");
  EXPECT_EQ(nursing.places, 381);
  EXPECT_TRUE(nursing.eligibility.general_studies_only);
  EXPECT_EQ(nursing.municipality_code, 3107);
  ASSERT_GE(nursing.municipality, 0);
  EXPECT_EQ(tables().municipalities.codes[static_cast<std::size_t>(nursing.municipality)], 3107);
}

TEST(EducationData, OnlyStudiesOutsideOstfoldAreUnlimited) {
  // Places are limited everywhere in the county; -1 stands for the rest of
  // Norway, which takes whoever applies.
  for (const auto& p : baseline().programmes) {
    EXPECT_EQ(p.places < 0, p.provider_type == ProviderType::Outside) << p.code;
    if (p.places < 0) {
      EXPECT_EQ(p.places, -1) << p.code;
      EXPECT_EQ(p.municipality, -1) << p.code;
    }
  }
}

TEST(EducationData, Vg1ChoiceWeightsAddUpToTheCohort) {
  // The table's header: the weights of a stage sum to the cohort of 3 824.
  double total = 0;
  for (const auto& p : baseline().programmes) {
    if (p.stage == Stage::Vg1) total += p.choice_weight;
  }
  EXPECT_NEAR(total, 3824, 5);
}

TEST(EducationData, EveryVocationalProgrammeHasAnApprenticeship) {
  const EducationData& d = baseline();
  int vocational = 0;
  for (const auto& p : d.programmes) {
    if (!p.vocational_school()) {
      EXPECT_EQ(p.apprenticeship, -1) << p.code;
      continue;
    }
    ++vocational;
    ASSERT_GE(p.apprenticeship, 0) << p.code;
    const Programme& trade = d.programmes.at(static_cast<std::size_t>(p.apprenticeship));
    EXPECT_EQ(trade.stage, Stage::Apprenticeship) << p.code;
    EXPECT_EQ(trade.competence, p.competence) << p.code << " leads to " << trade.code;
    EXPECT_EQ(tables().labour.competence_level[p.competence],
              EducationLevel::UpperSecondaryVocational)
        << p.code;
  }
  EXPECT_EQ(vocational, 40);  // 8 trades in 5 towns
}

TEST(EducationData, RefusesAnUnknownCompetence) {
  BrokenCopy copy;
  const int line = copy.set("HIO_NURS", "competence", "BA_NURSING");
  expect_refused(copy, line, "competence", "unknown competence code 'BA_NURSING'");
}

TEST(EducationData, RefusesAnUnknownStage) {
  BrokenCopy copy;
  const int line = copy.set("VGS_ST_MOSS", "stage", "vg2");
  expect_refused(copy, line, "stage", "'vg2' is not a stage; expected vg1, apprenticeship");
}

TEST(EducationData, RefusesAnUnknownProviderType) {
  BrokenCopy copy;
  const int line = copy.set("FAG_TEK", "provider_type", "college");
  expect_refused(copy, line, "provider_type", "'college' is not a provider type");
}

TEST(EducationData, RefusesACompletionRateAboveOne) {
  BrokenCopy copy;
  const int line = copy.set("HIO_ENG", "completion_rate", "1.05");
  expect_refused(copy, line, "completion_rate", "out of range");
}

TEST(EducationData, RefusesPlacesBelowMinusOne) {
  BrokenCopy copy;
  const int line = copy.set("LAER_EL", "places", "-2");
  expect_refused(copy, line, "places", "out of range");
}

TEST(EducationData, RefusesNegativePlacesOtherThanUnlimited) {
  // Only -1 means unlimited; -0.5 is a typo, not half a place.
  BrokenCopy copy;
  const int line = copy.set("LAER_EL", "places", "-0.5");
  expect_refused(copy, line, "places", "-1 for unlimited");
}

TEST(EducationData, RefusesAVocationalProgrammeWithoutApprenticeship) {
  // Without LAER_BA, the building trades' school years lead nowhere; the first
  // of them is the row to fix (or LAER_BA put back).
  BrokenCopy copy;
  copy.remove("LAER_BA");
  expect_refused(copy, copy.line_of("VGS_BA_HALDEN"), "competence",
                 "no apprenticeship programme gives that competence");
}

TEST(EducationData, RefusesAnUnknownEligibleCompetence) {
  BrokenCopy copy;
  const int line = copy.set("UP_FAGBREV_HO", "eligible", "PRIM;VGS_GENERAL;employed");
  expect_refused(copy, line, "eligible", "unknown competence code 'VGS_GENERAL'");
}

TEST(EducationData, RefusesAProgrammeListedTwice) {
  BrokenCopy copy;
  const int line = copy.set("HIO_IT", "code", "HIO_ENG");
  expect_refused(copy, line, "code", "programme code 'HIO_ENG' listed twice");
}

}  // namespace
}  // namespace kfsim
