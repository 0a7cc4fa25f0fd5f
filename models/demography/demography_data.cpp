#include "models/demography/demography_data.hpp"

#include <string>

#include "models/data/csv_table.hpp"

namespace kfsim {

namespace {

using data::CsvTable;

Sex parse_sex(const CsvTable& table, std::size_t row) {
  const auto& text = table.text(row, "sex");
  if (text == "female") return Sex::Female;
  if (text == "male") return Sex::Male;
  table.fail(row, "sex", "'" + text + "' is not a sex; expected 'female' or 'male'");
}

std::size_t parse_municipality(const CsvTable& table, std::size_t row,
                               const Municipalities& municipalities) {
  const auto code = static_cast<std::int32_t>(table.integer(row, "municipality", 0, 9999));
  const auto index = municipalities.index_of(code);
  if (!index) {
    table.fail(row, "municipality",
               "unknown municipality code " + std::to_string(code) +
                   "; expected one of the codes in the municipality table");
  }
  return *index;
}

// Marks a cell as seen; a second row for the same cell is an error, and so is a
// cell never seen (checked by require_complete).
void mark_seen(std::vector<char>& seen, std::size_t cell, const CsvTable& table, std::size_t row) {
  if (seen[cell]) table.fail(row, "", "duplicate row for the same cell");
  seen[cell] = 1;
}

void require_complete(const std::vector<char>& seen, const CsvTable& table,
                      const std::string& what) {
  for (char s : seen) {
    if (!s) {
      throw data::DataError(table.file(), 0, "",
                            "table does not cover every " + what + "; expected one row for each");
    }
  }
}

// The first month of the state a table holds, from its "# kfsim-date: YYYY-MM-01" line.
Month declared_date(const CsvTable& table) {
  const auto date = table.declared("date");
  if (!date) {
    throw data::DataError(table.file(), 0, "",
                          "the table does not say which date it holds; expected a comment line "
                          "'# kfsim-date: YYYY-MM-01' (such as '# kfsim-date: 2024-01-01')");
  }
  // The date, then perhaps a word on what it is: "2024-01-01 (the date of this state...)".
  const std::string text = date->value.substr(0, date->value.find(' '));
  const auto month = Month::parse(std::string_view(text).substr(0, 7));
  if (text.size() != 10 || text.compare(7, 3, "-01") != 0 || !month) {
    throw data::DataError(
        table.file(), date->line, "",
        "kfsim-date '" + text +
            "' is not a date of the form YYYY-MM-01; expected the first day of the "
            "month the table's state holds on");
  }
  return *month;
}

}  // namespace

DemographyData load_demography_data(const DemographyFiles& files) {
  DemographyData d;
  d.municipalities = load_municipalities(files.municipalities);
  const std::size_t cells = d.municipalities.size() * kSexCount * DemographyData::kAges;

  {
    const auto table = CsvTable::read(files.population, {"municipality", "sex", "age", "persons"});
    d.population_file = files.population;
    d.population_date = declared_date(table);
    d.population.assign(cells, 0);
    std::vector<char> seen(cells, 0);
    for (std::size_t row = 0; row < table.rows(); ++row) {
      const auto m = parse_municipality(table, row, d.municipalities);
      const Sex sex = parse_sex(table, row);
      const auto age = static_cast<int>(table.integer(row, "age", 0, kMaxTableAge));
      const std::size_t cell = d.cell(m, sex, age);
      mark_seen(seen, cell, table, row);
      d.population[cell] = table.integer(row, "persons", 0, 10'000'000);
    }
    require_complete(seen, table, "(municipality, sex, age 0-105)");
  }
  {
    const auto table = CsvTable::read(files.mortality, {"sex", "age", "death_rate"});
    const std::size_t n = kSexCount * (kMaxMortalityAge + 1);
    d.death_rate.assign(n, 0.0);
    std::vector<char> seen(n, 0);
    for (std::size_t row = 0; row < table.rows(); ++row) {
      const Sex sex = parse_sex(table, row);
      const auto age = static_cast<int>(table.integer(row, "age", 0, kMaxMortalityAge));
      const std::size_t cell = DemographyData::mortality_cell(sex, age);
      mark_seen(seen, cell, table, row);
      // A central rate m(x) can exceed 1 at the oldest ages; 6 is beyond any observed value.
      d.death_rate[cell] = table.real(row, "death_rate", 0.0, 6.0);
    }
    require_complete(seen, table, "(sex, age 0-110)");
  }
  {
    const auto table = CsvTable::read(files.fertility, {"age", "fertility_rate"});
    d.fertility_rate.assign(DemographyData::kAges, 0.0);
    std::vector<char> seen(DemographyData::kAges, 0);
    for (std::size_t row = 0; row < table.rows(); ++row) {
      const auto age = static_cast<int>(table.integer(row, "age", 15, 49));
      mark_seen(seen, static_cast<std::size_t>(age), table, row);
      // No age-specific rate has exceeded 0.3 births per woman-year in Norway since 1900.
      d.fertility_rate[static_cast<std::size_t>(age)] = table.real(row, "fertility_rate", 0.0, 0.5);
    }
    for (int age = 15; age <= 49; ++age) {
      if (!seen[static_cast<std::size_t>(age)]) {
        throw data::DataError(table.file(), 0, "age",
                              "no row for age " + std::to_string(age) + "; expected ages 15-49");
      }
    }
  }
  {
    const auto table =
        CsvTable::read(files.migration, {"municipality", "sex", "age", "out_rate", "in_count"});
    d.out_rate.assign(cells, 0.0);
    d.in_count.assign(cells, 0.0);
    std::vector<char> seen(cells, 0);
    for (std::size_t row = 0; row < table.rows(); ++row) {
      const auto m = parse_municipality(table, row, d.municipalities);
      const Sex sex = parse_sex(table, row);
      const auto age = static_cast<int>(table.integer(row, "age", 0, kMaxTableAge));
      const std::size_t cell = d.cell(m, sex, age);
      mark_seen(seen, cell, table, row);
      d.out_rate[cell] = table.real(row, "out_rate", 0.0, 0.999);
      d.in_count[cell] = table.real(row, "in_count", 0.0, 100'000.0);
    }
    require_complete(seen, table, "(municipality, sex, age 0-105)");
  }
  if (!files.migration_events.empty()) {
    // Sparse: only cells with arrivals are listed; the others are 0.
    const auto table =
        CsvTable::read(files.migration_events, {"event", "municipality", "sex", "age", "arrivals"});
    for (auto& arrivals : d.event_arrivals) arrivals.assign(cells, 0.0);
    std::vector<char> seen(kMigrationEventCount * cells, 0);
    for (std::size_t row = 0; row < table.rows(); ++row) {
      const auto& name = table.text(row, "event");
      std::size_t event = kMigrationEventCount;
      for (std::size_t e = 0; e < kMigrationEventCount; ++e) {
        if (name == kMigrationEventNames[e]) event = e;
      }
      if (event == kMigrationEventCount) {
        table.fail(row, "event",
                   "unknown event '" + name + "'; expected 'refugees_2015' or 'ukraine_2022'");
      }
      const auto m = parse_municipality(table, row, d.municipalities);
      const Sex sex = parse_sex(table, row);
      const auto age = static_cast<int>(table.integer(row, "age", 0, kMaxTableAge));
      const std::size_t cell = d.cell(m, sex, age);
      mark_seen(seen, event * cells + cell, table, row);
      d.event_arrivals[event][cell] = table.real(row, "arrivals", 0.0, 100'000.0);
    }
  }
  return d;
}

}  // namespace kfsim
