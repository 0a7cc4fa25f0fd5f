#include "models/labour/labour_data.hpp"
#include "models/labour/occupation_trend.hpp"
#include "models/labour/occupation_turnover.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <utility>

#include "models/data/csv_table.hpp"

namespace kfsim {

namespace {

using data::CsvTable;
using data::DataError;

// Code of the work area outside Østfold in the commuting tables.
constexpr const char* kOutsideArea = "OSLO_AKERSHUS";

std::size_t category(const CsvTable& table, std::size_t row, const std::string& column,
                     const Categories& categories, const std::string& what) {
  const auto& code = table.text(row, column);
  const auto index = categories.index_of(code);
  if (index < 0) {
    table.fail(
        row, column,
        "unknown " + what + " code '" + code + "'; expected one listed in the " + what + " table");
  }
  return static_cast<std::size_t>(index);
}

std::size_t municipality(const CsvTable& table, std::size_t row, const std::string& column,
                         const Municipalities& municipalities) {
  const auto code = static_cast<std::int32_t>(table.integer(row, column, 0, 9999));
  const auto index = municipalities.index_of(code);
  if (!index) {
    table.fail(row, column,
               "unknown municipality code " + std::to_string(code) +
                   "; expected one of the codes in the municipality table");
  }
  return *index;
}

Sex sex_of(const CsvTable& table, std::size_t row) {
  const auto& text = table.text(row, "sex");
  if (text == "female") return Sex::Female;
  if (text == "male") return Sex::Male;
  table.fail(row, "sex", "'" + text + "' is not a sex; expected 'female' or 'male'");
}

std::string age_group_label(std::size_t group);

std::size_t age_group(const CsvTable& table, std::size_t row) {
  const auto& text = table.text(row, "age_group");
  for (std::size_t g = 0; g < kLabourAgeGroups; ++g) {
    if (text == age_group_label(g)) return g;
  }
  table.fail(row, "age_group",
             "'" + text + "' is not an age group; expected 15-19, ..., 70-74 or 75+");
}

Categories read_categories(const CsvTable& table, const std::string& name_column) {
  Categories result;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    const auto& code = table.text(row, "code");
    if (code.empty()) table.fail(row, "code", "empty code");
    if (result.index_of(code) >= 0) table.fail(row, "code", "code '" + code + "' listed twice");
    result.codes.push_back(code);
    result.names.push_back(table.text(row, name_column));
  }
  return result;
}

EducationLevel level_of(const CsvTable& table, std::size_t row, const std::string& column) {
  static const char* const kNames[kEducationLevelCount] = {
      "primary", "upper_secondary_general", "upper_secondary_vocational", "fagskole", "bachelor",
      "master"};
  const auto& text = table.text(row, column);
  for (std::size_t i = 0; i < kEducationLevelCount; ++i) {
    if (text == kNames[i]) return static_cast<EducationLevel>(i);
  }
  table.fail(row, column,
             "'" + text +
                 "' is not an education level; expected primary, upper_secondary_general, "
                 "upper_secondary_vocational, fagskole, bachelor or master");
}

// The rows of a table by the cell they fill: a second row for a cell would silently replace the
// first, so it is an error; a cell without a row can be found (complete()) where none may lack.
class Cells {
 public:
  Cells(const CsvTable& table, std::size_t count, std::string what)
      : table_(table), lines_(count, 0), what_(std::move(what)) {}

  void mark(std::size_t cell, std::size_t row) {
    if (lines_[cell] != 0) {
      table_.fail(row, "",
                  "second row for the same " + what_ + " (the first is on line " +
                      std::to_string(lines_[cell]) + "); expected one row for each");
    }
    lines_[cell] = table_.line_of(row);
  }
  bool seen(std::size_t cell) const { return lines_[cell] != 0; }
  // The last line of a row among cells [first, first + count), 0 when none has a row.
  int last_line(std::size_t first, std::size_t count) const {
    int line = 0;
    for (std::size_t i = first; i < first + count; ++i) line = std::max(line, lines_[i]);
    return line;
  }
  // Fails naming the first cell without a row; label(cell) says which cell that is.
  template <typename Label>
  void require_complete(const std::string& column, Label label) const {
    for (std::size_t cell = 0; cell < lines_.size(); ++cell) {
      if (lines_[cell] == 0) {
        throw DataError(table_.file(), 0, column,
                        "no row for " + label(cell) + "; expected one row for each " + what_);
      }
    }
  }

 private:
  const CsvTable& table_;
  std::vector<int> lines_;
  std::string what_;
};

// Shares that must add up to one per group of group_size cells (with the rounding of a printed
// table). The error points at the group's last row; label(group) names the group.
template <typename Label>
void require_sums_to_one(const std::vector<double>& values, std::size_t group_size,
                         const CsvTable& table, const Cells& cells, const std::string& column,
                         Label label) {
  for (std::size_t start = 0; start < values.size(); start += group_size) {
    double sum = 0;
    for (std::size_t i = 0; i < group_size; ++i) sum += values[start + i];
    if (std::abs(sum - 1.0) > 1e-3) {
      std::ostringstream text;
      text << column << " of " << label(start / group_size) << " sum to " << sum
           << "; expected shares that add up to 1";
      throw DataError(table.file(), cells.last_line(start, group_size), column, text.str());
    }
  }
}

std::string age_group_label(std::size_t group) {
  const int lower = kLabourMinAge + 5 * static_cast<int>(group);
  return group + 1 == kLabourAgeGroups ? std::to_string(lower) + "+"
                                       : std::to_string(lower) + "-" + std::to_string(lower + 4);
}

std::string sex_label(std::size_t sex) { return sex == 0 ? "female" : "male"; }

// Rates by (age group, sex) that every group of working age, 15-19 to 70-74, must have; the 75+
// group may be left out (its rates are then 0).
void require_working_ages(const Cells& cells, const std::string& column) {
  for (std::size_t cell = 0; cell + kSexCount < kLabourAgeGroups * kSexCount; ++cell) {
    if (!cells.seen(cell)) {
      cells.require_complete(column, [](std::size_t missing) {
        return "age group " + age_group_label(missing / kSexCount) + ", " +
               sex_label(missing % kSexCount);
      });
    }
  }
}

}  // namespace

std::ptrdiff_t Categories::index_of(const std::string& code) const {
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] == code) return static_cast<std::ptrdiff_t>(i);
  }
  return -1;
}

LabourData load_labour_data(const LabourFiles& files, const Municipalities& municipalities) {
  LabourData d;
  const std::size_t n_municipalities = municipalities.size();
  {
    const auto t = CsvTable::read(files.competences, {"code", "name_en", "level"});
    d.competences = read_categories(t, "name_en");
    for (std::size_t row = 0; row < t.rows(); ++row)
      d.competence_level.push_back(level_of(t, row, "level"));
    if (d.competences.size() > 100) t.fail(0, "code", "more than 100 competence groups");
  }
  {
    const auto t = CsvTable::read(files.occupations, {"code", "name_en", "major_group"});
    d.occupations = read_categories(t, "name_en");
    for (std::size_t row = 0; row < t.rows(); ++row) {
      d.occupation_major_group.push_back(static_cast<int>(t.integer(row, "major_group", 0, 9)));
    }
    if (d.occupations.size() > 100) t.fail(0, "code", "more than 100 occupations");
  }
  {
    const auto t = CsvTable::read(files.industries, {"code", "name_en"});
    d.industries = read_categories(t, "name_en");
  }
  const std::size_t n_comp = d.competences.size();
  const std::size_t n_occ = d.occupations.size();
  const std::size_t n_ind = d.industries.size();
  {
    const auto t =
        CsvTable::read(files.jobs_by_industry, {"industry", "municipality", "employed_workplace"});
    d.jobs.assign(n_ind * n_municipalities, 0.0);
    Cells cells(t, d.jobs.size(), "(industry, municipality)");
    for (std::size_t row = 0; row < t.rows(); ++row) {
      const auto i = category(t, row, "industry", d.industries, "industry");
      const auto m = municipality(t, row, "municipality", municipalities);
      cells.mark(i * n_municipalities + m, row);
      d.jobs[i * n_municipalities + m] = t.real(row, "employed_workplace", 0, 1e6);
    }
    // A missing row would read as no jobs at all; an industry without jobs there says 0.
    cells.require_complete("employed_workplace", [&](std::size_t cell) {
      return "industry " + d.industries.codes[cell / n_municipalities] + " in municipality " +
             std::to_string(municipalities.codes[cell % n_municipalities]);
    });
  }
  {
    const auto t = CsvTable::read(files.staffing, {"industry", "occupation", "share"});
    d.staffing.assign(n_ind * n_occ, 0.0);
    Cells cells(t, d.staffing.size(), "(industry, occupation)");
    for (std::size_t row = 0; row < t.rows(); ++row) {
      const auto i = category(t, row, "industry", d.industries, "industry");
      const auto o = category(t, row, "occupation", d.occupations, "occupation");
      cells.mark(i * n_occ + o, row);
      d.staffing[i * n_occ + o] = t.real(row, "share", 0, 1);
    }
    require_sums_to_one(d.staffing, n_occ, t, cells, "share",
                        [&](std::size_t i) { return "industry " + d.industries.codes[i]; });
  }
  {
    const auto t = CsvTable::read(files.establishment_sizes,
                                  {"industry", "size_min", "size_max", "share_of_jobs"});
    d.size_classes.assign(n_ind, {});
    std::vector<int> last_line(n_ind, 0);
    for (std::size_t row = 0; row < t.rows(); ++row) {
      const auto i = category(t, row, "industry", d.industries, "industry");
      last_line[i] = t.line_of(row);
      SizeClass c;
      c.min_size = static_cast<int>(t.integer(row, "size_min", 1, 100000));
      c.max_size = static_cast<int>(t.integer(row, "size_max", c.min_size, 100000));
      c.share_of_jobs = t.real(row, "share_of_jobs", 0, 1);
      d.size_classes[i].push_back(c);
    }
    for (std::size_t i = 0; i < n_ind; ++i) {
      double sum = 0;
      for (const auto& c : d.size_classes[i]) sum += c.share_of_jobs;
      if (std::abs(sum - 1.0) > 1e-3) {
        std::ostringstream text;
        text << "share_of_jobs of the size classes of industry " << d.industries.codes[i]
             << " sum to " << sum << "; expected shares that add up to 1";
        throw DataError(t.file(), last_line[i], "share_of_jobs", text.str());
      }
    }
  }
  {
    const auto t = CsvTable::read(files.fit, {"occupation", "competence", "fit"});
    d.fit.assign(n_occ * n_comp, 0.0f);
    Cells cells(t, d.fit.size(), "(occupation, competence)");
    for (std::size_t row = 0; row < t.rows(); ++row) {
      const auto o = category(t, row, "occupation", d.occupations, "occupation");
      const auto c = category(t, row, "competence", d.competences, "competence");
      cells.mark(d.fit_index(o, c), row);
      d.fit[d.fit_index(o, c)] = static_cast<float>(t.real(row, "fit", 0, 1));
    }
    for (std::size_t o = 0; o < n_occ; ++o) {
      float best = 0;
      for (std::size_t c = 0; c < n_comp; ++c) best = std::max(best, d.fit[d.fit_index(o, c)]);
      if (best <= 0) {
        throw DataError(t.file(), 0, "fit",
                        "occupation " + d.occupations.codes[o] +
                            " has no qualifying competence; expected at least one fit above 0");
      }
    }
  }
  {
    const auto t = CsvTable::read(files.occupation_requirements, {"occupation", "min_fit"});
    d.occupation_min_fit.assign(n_occ, 0.0);
    Cells cells(t, n_occ, "occupation");
    for (std::size_t row = 0; row < t.rows(); ++row) {
      const auto o = category(t, row, "occupation", d.occupations, "occupation");
      cells.mark(o, row);
      d.occupation_min_fit[o] = t.real(row, "min_fit", 0, 1);
      float best = 0;
      for (std::size_t c = 0; c < n_comp; ++c) best = std::max(best, d.fit[d.fit_index(o, c)]);
      if (best < static_cast<float>(d.occupation_min_fit[o])) {
        t.fail(row, "min_fit",
               "no competence reaches this fit for occupation " + d.occupations.codes[o] +
                   "; expected at most the best fit in the fit table");
      }
    }
  }
  {
    const auto t =
        CsvTable::read(files.competence_by_age_sex, {"age_group", "sex", "competence", "share"});
    d.competence_shares.assign(kLabourAgeGroups * kSexCount * n_comp, 0.0);
    Cells cells(t, d.competence_shares.size(), "(age group, sex, competence)");
    for (std::size_t row = 0; row < t.rows(); ++row) {
      const auto g = age_group(t, row);
      const auto s = static_cast<std::size_t>(sex_of(t, row));
      const auto c = category(t, row, "competence", d.competences, "competence");
      cells.mark((g * kSexCount + s) * n_comp + c, row);
      d.competence_shares[(g * kSexCount + s) * n_comp + c] = t.real(row, "share", 0, 1);
    }
    require_sums_to_one(d.competence_shares, n_comp, t, cells, "share", [](std::size_t group) {
      return "age group " + age_group_label(group / kSexCount) + ", " +
             sex_label(group % kSexCount);
    });
  }
  {
    const auto t =
        CsvTable::read(files.competence_municipality_factor, {"municipality", "level", "factor"});
    d.level_factor.assign(n_municipalities * kEducationLevelCount, 1.0);
    Cells cells(t, d.level_factor.size(), "(municipality, level)");
    for (std::size_t row = 0; row < t.rows(); ++row) {
      const auto m = municipality(t, row, "municipality", municipalities);
      const auto level = static_cast<std::size_t>(level_of(t, row, "level"));
      cells.mark(m * kEducationLevelCount + level, row);
      d.level_factor[m * kEducationLevelCount + level] = t.real(row, "factor", 0.01, 100);
    }
  }
  const std::size_t group_sex = kLabourAgeGroups * kSexCount;
  {
    const auto t = CsvTable::read(files.status_targets,
                                  {"age_group", "sex", "employment_rate", "unemployment_rate"});
    d.employment_rate.assign(group_sex, 0.0);
    d.unemployment_rate.assign(group_sex, 0.0);
    Cells cells(t, group_sex, "(age group, sex)");
    for (std::size_t row = 0; row < t.rows(); ++row) {
      const auto cell = age_group(t, row) * kSexCount + static_cast<std::size_t>(sex_of(t, row));
      cells.mark(cell, row);
      d.employment_rate[cell] = t.real(row, "employment_rate", 0, 1);
      d.unemployment_rate[cell] = t.real(row, "unemployment_rate", 0, 1);
      if (d.employment_rate[cell] + d.unemployment_rate[cell] > 1) {
        t.fail(row, "unemployment_rate", "employment and unemployment rates add up to more than 1");
      }
    }
    require_working_ages(cells, "employment_rate");
  }
  {
    const auto t =
        CsvTable::read(files.separation_rates, {"age_group", "sex", "quit_rate_monthly",
                                                "layoff_rate_monthly", "disability_rate_monthly"});
    d.quit_rate.assign(group_sex, 0.0);
    d.layoff_rate.assign(group_sex, 0.0);
    d.disability_rate.assign(group_sex, 0.0);
    Cells cells(t, group_sex, "(age group, sex)");
    for (std::size_t row = 0; row < t.rows(); ++row) {
      const auto cell = age_group(t, row) * kSexCount + static_cast<std::size_t>(sex_of(t, row));
      cells.mark(cell, row);
      d.quit_rate[cell] = t.real(row, "quit_rate_monthly", 0, 0.5);
      d.layoff_rate[cell] = t.real(row, "layoff_rate_monthly", 0, 0.5);
      d.disability_rate[cell] = t.real(row, "disability_rate_monthly", 0, 0.5);
    }
    // The 75+ group has no separation rates: everyone has retired by 75.
    require_working_ages(cells, "quit_rate_monthly");
  }
  {
    const auto t = CsvTable::read(files.retirement_rates, {"age", "sex", "annual_retirement_rate"});
    const std::size_t ages = LabourData::kRetirementMaxAge - LabourData::kRetirementMinAge + 1;
    d.retirement_rate.assign(ages * kSexCount, 0.0);
    Cells cells(t, ages * kSexCount, "(age 55-75, sex)");
    for (std::size_t row = 0; row < t.rows(); ++row) {
      const auto age =
          t.integer(row, "age", LabourData::kRetirementMinAge, LabourData::kRetirementMaxAge);
      const auto s = static_cast<std::size_t>(sex_of(t, row));
      cells.mark(static_cast<std::size_t>(age - LabourData::kRetirementMinAge) * kSexCount + s,
                 row);
      d.retirement_rate[static_cast<std::size_t>(age - LabourData::kRetirementMinAge) * kSexCount +
                        s] = t.real(row, "annual_retirement_rate", 0, 1);
    }
    cells.require_complete("age", [](std::size_t cell) {
      return "age " + std::to_string(LabourData::kRetirementMinAge + cell / kSexCount) + ", " +
             sex_label(cell % kSexCount);
    });
  }
  {
    const auto t =
        CsvTable::read(files.commuting, {"municipality", "out_of_county_share", "in_commuters"});
    d.out_of_county_share.assign(n_municipalities, 0.0);
    d.in_commuters.assign(n_municipalities, 0.0);
    Cells cells(t, n_municipalities, "municipality");
    for (std::size_t row = 0; row < t.rows(); ++row) {
      const auto m = municipality(t, row, "municipality", municipalities);
      cells.mark(m, row);
      d.out_of_county_share[m] = t.real(row, "out_of_county_share", 0, 1);
      d.in_commuters[m] = t.real(row, "in_commuters", 0, 1e6);
    }
    cells.require_complete("municipality", [&](std::size_t m) {
      return "municipality " + std::to_string(municipalities.codes[m]);
    });
  }
  {
    const auto t = CsvTable::read(files.commuting_reach, {"home", "work", "travel_minutes"});
    const std::size_t areas = n_municipalities + 1;
    d.travel_minutes.assign(areas * areas, -1.0);
    auto area = [&](std::size_t row, const std::string& column) -> std::size_t {
      if (t.text(row, column) == kOutsideArea) return n_municipalities;
      return municipality(t, row, column, municipalities);
    };
    Cells cells(t, areas * areas, "(home, work)");
    for (std::size_t row = 0; row < t.rows(); ++row) {
      const std::size_t cell = area(row, "home") * areas + area(row, "work");
      cells.mark(cell, row);
      d.travel_minutes[cell] = t.real(row, "travel_minutes", 0, 1000);
    }
    for (std::size_t m = 0; m < n_municipalities; ++m) {
      if (d.travel_minutes[m * areas + m] < 0) {
        throw DataError(t.file(), 0, "travel_minutes",
                        "no travel time within municipality " + municipalities.names[m] +
                            "; expected a row for every home and work area");
      }
    }
  }
  {
    const auto t = CsvTable::read(files.industry_growth, {"industry", "annual_growth"});
    d.industry_growth.assign(n_ind, 0.0);
    Cells cells(t, n_ind, "industry");
    for (std::size_t row = 0; row < t.rows(); ++row) {
      const auto i = category(t, row, "industry", d.industries, "industry");
      cells.mark(i, row);
      d.industry_growth[i] = t.real(row, "annual_growth", -0.5, 0.5);
    }
    cells.require_complete("industry", [&](std::size_t i) {
      return "industry " + d.industries.codes[i] + " (no growth rate)";
    });
  }
  if (!files.service_demand.empty())
    d.services = load_service_demand(files.service_demand, d.industries);
  if (!files.service_staffing.empty())
    load_service_staffing(files.service_staffing, d.occupations, d.staffing, d.services);
  if (!files.occupation_trend.empty())
    d.occupation_trend = load_occupation_trend(files.occupation_trend, d.occupations);
  if (!files.turnover_by_occupation.empty())
    d.occupation_quit_factor =
        load_turnover_by_occupation(files.turnover_by_occupation, d.occupations);
  return d;
}

}  // namespace kfsim
