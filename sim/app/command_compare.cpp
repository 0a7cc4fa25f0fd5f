// kfsim compare: the competence gaps of a baseline and the change each other scenario makes to
// them, replicate by replicate, as a terminal table and as CSV; for files of the demography
// alone, the population by municipality in the same way.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <sys/ioctl.h>
#include <unistd.h>

#include "output/atomic_commit.hpp"
#include "output/attribute.hpp"
#include "output/comparison.hpp"
#include "output/output_error.hpp"
#include "sim/app/command_line.hpp"
#include "sim/app/commands.hpp"
#include "sim/app/output_guard.hpp"

namespace kfsim::app {

namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;
using output::Comparison;
using output::ScenarioCell;

constexpr const char* kCompareUsage =
    "Usage: kfsim compare BASE.h5 OTHER.h5 [OTHER.h5 ...] [--years 2030,2035,2040] [--csv FILE|-]\n"
    "                     [--force]\n"
    "\n"
    "Compares the competence gaps (demand minus supply, persons) of result files. For the\n"
    "baseline (the first file): the gap's mean over replicates, its 90 % interval (5th to 95th\n"
    "percentile across replicates) and the rating most replicates give (shortage, balance,\n"
    "surplus) with the share that agree. For each other file: the change it makes, the mean of\n"
    "the paired difference OTHER - BASE replicate by replicate (runs with the same seed share\n"
    "their random numbers), its 90 % interval, and its rating. The files must hold the same\n"
    "years, competence groups and number of replicates. The legend says what the interval\n"
    "holds: parameter and random variation when the runs drew the keys of an [uncertainty]\n"
    "table, random variation only otherwise.\n"
    "Where a file holds the demography alone (scenario key models = \"demography\"), every\n"
    "file is compared on its residents on 31 December by municipality instead, without ratings.\n";

const std::vector<std::int32_t> kDefaultYears = {2030, 2035, 2040};

// "2030,2035, 2040" -> sorted years without repeats; nullopt when a part is not a year.
std::optional<std::vector<std::int32_t>> parse_years(const std::string& text) {
  std::vector<std::int32_t> years;
  std::stringstream parts(text);
  std::string part;
  while (std::getline(parts, part, ',')) {
    part.erase(0, part.find_first_not_of(" \t"));
    part.erase(part.find_last_not_of(" \t") + 1);
    if (part.empty() || part.size() > 4 ||
        !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return std::nullopt;
    }
    years.push_back(static_cast<std::int32_t>(std::stoi(part)));
  }
  if (years.empty()) return std::nullopt;
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  return years;
}

std::string grouped(long long value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), ",");
  }
  return (value < 0 ? "-" : "") + digits;
}

// Persons as a reader wants them: whole numbers with thousands grouping, one decimal below 10
// (the demand side is fractional), with a sign for changes.
std::string persons(double value, bool with_sign) {
  std::string text;
  if (std::abs(value) >= 9.95) {
    text = grouped(std::llround(value));
  } else {
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(1);
    out << value;
    text = out.str();
    // "0" is exactly no change; "+0.0" and "-0.0" are changes too small to show.
    if (value == 0) text = "0";
  }
  if (with_sign && text.front() != '-' && text != "0") text = "+" + text;
  return text;
}

std::string interval(double low, double high, bool with_sign) {
  return "[" + persons(low, with_sign) + ", " + persons(high, with_sign) + "]";
}

bool is_population(const Comparison& comparison) {
  return comparison.measure == output::ComparedMeasure::Population;
}

// The word heading the rows: what each row of the table is.
const char* row_heading(const Comparison& comparison) {
  return is_population(comparison) ? "municipality" : "competence";
}

std::string rating_text(const ScenarioCell& cell, std::size_t replicates) {
  std::string text = output::rating_name(cell.rating.rating);
  if (replicates > 1) {
    text += " (" + std::to_string(std::lround(100 * cell.rating.share)) + " %)";
  }
  return text;
}

// Display width of UTF-8 text: code points, which is right for the Latin text of scenario names.
std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string padded(const std::string& text, std::size_t width, bool right) {
  const std::size_t size = display_width(text);
  if (size >= width) return text;
  const std::string fill(width - size, ' ');
  return right ? fill + text : text + fill;
}

// One column group of the table: a scenario's cells for every competence of one year.
struct ColumnGroup {
  std::string title;
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> cells;  // [competence][column]
  std::vector<bool> right_aligned;
  std::vector<std::size_t> widths;
  std::size_t width = 0;

  void measure() {
    widths.assign(headers.size(), 0);
    for (std::size_t c = 0; c < headers.size(); ++c) {
      widths[c] = display_width(headers[c]);
      for (const auto& row : cells) widths[c] = std::max(widths[c], display_width(row[c]));
    }
    width = 0;
    for (auto w : widths) width += w;
    width += 2 * (widths.size() - 1);
    if (display_width(title) > width) {
      widths.back() += display_width(title) - width;
      width = display_width(title);
    }
  }
  std::string line(const std::vector<std::string>& texts) const {
    std::string text;
    for (std::size_t c = 0; c < texts.size(); ++c) {
      if (c > 0) text += "  ";
      text += padded(texts[c], widths[c], right_aligned[c]);
    }
    return text;
  }
};

ColumnGroup column_group(const Comparison& comparison, std::size_t first_row,
                         std::size_t scenario) {
  const bool base = scenario == 0;
  const bool intervals = comparison.replicates > 1;
  ColumnGroup group;
  group.title = comparison.scenarios[scenario];
  // The population has no rating (nothing is short or in surplus).
  const bool rated = !is_population(comparison);
  group.headers = {base ? (rated ? "gap" : "population") : "change"};
  group.right_aligned = {true};
  if (intervals) {
    group.headers.push_back("90 % interval");
    group.right_aligned.push_back(false);
  }
  if (rated) {
    group.headers.push_back("rating");
    group.right_aligned.push_back(false);
  }
  for (std::size_t c = 0; c < comparison.competence_codes.size(); ++c) {
    const ScenarioCell& cell = comparison.rows[first_row + c].cells[scenario];
    const output::Spread& shown = base ? cell.gap : *cell.change;
    std::vector<std::string> row = {persons(shown.mean, !base)};
    if (intervals) row.push_back(interval(shown.p5, shown.p95, !base));
    if (rated) row.push_back(rating_text(cell, comparison.replicates));
    group.cells.push_back(std::move(row));
  }
  group.measure();
  return group;
}

void print_year(std::ostream& out, const Comparison& comparison, std::size_t year_index,
                std::size_t max_width) {
  const std::size_t competences = comparison.competence_codes.size();
  const std::size_t first_row = year_index * competences;
  std::size_t code_width = display_width(row_heading(comparison));
  for (const auto& code : comparison.competence_codes) {
    code_width = std::max(code_width, display_width(code));
  }
  std::vector<ColumnGroup> all;
  for (std::size_t s = 0; s < comparison.scenarios.size(); ++s) {
    all.push_back(column_group(comparison, first_row, s));
  }

  // The baseline, then the scenarios, side by side as far as the width allows (at least one
  // group a block), each block with the competences down its left.
  out << "\n" << comparison.years[year_index] << "\n";
  std::size_t next = 0;
  while (next < all.size()) {
    std::vector<const ColumnGroup*> block = {&all[next++]};
    std::size_t width = code_width + 4 + block.front()->width;
    while (next < all.size() && width + 4 + all[next].width <= max_width) {
      width += 4 + all[next].width;
      block.push_back(&all[next++]);
    }
    if (block.front() != &all.front()) out << "\n";
    std::string titles = std::string(code_width, ' ');
    std::string headers = padded(row_heading(comparison), code_width, false);
    for (const auto* group : block) {
      titles += "    " + padded(group->title, group->width, false);
      headers += "    " + group->line(group->headers);
    }
    std::vector<std::string> lines = {titles, headers};
    for (std::size_t c = 0; c < competences; ++c) {
      std::string line = padded(comparison.competence_codes[c], code_width, false);
      for (const auto* group : block) line += "    " + group->line(group->cells[c]);
      lines.push_back(std::move(line));
    }
    for (auto& line : lines) {
      line.erase(line.find_last_not_of(' ') + 1);
      out << line << "\n";
    }
  }
}

void print_table(std::ostream& out, const Comparison& comparison, std::size_t max_width) {
  out << (is_population(comparison)
              ? "Population: residents on 31 December by municipality (a file holds the "
                "demography alone)\n\n"
              : "Competence gaps: demand minus supply in persons (positive: shortage)\n\n");
  std::size_t name_width = 0;
  for (const auto& name : comparison.scenarios) {
    name_width = std::max(name_width, display_width(name));
  }
  for (std::size_t s = 0; s < comparison.scenarios.size(); ++s) {
    const auto& seed = comparison.seeds[s];
    out << (s == 0 ? "Baseline  " : "Scenario  ")
        << padded(comparison.scenarios[s], name_width, false) << "  "
        << comparison.files[s].string() << ", "
        << (seed ? "seed " + std::to_string(*seed) : "no seed recorded") << "\n";
  }
  for (std::size_t y = 0; y < comparison.years.size(); ++y)
    print_year(out, comparison, y, max_width);

  const std::size_t replicates = comparison.replicates;
  // The population has no ratings: their lines are left out of its legend.
  const bool rated = !is_population(comparison);
  out << "\n"
      << (rated ? "gap: demand minus supply in the baseline"
                : "population: residents in the baseline")
      << ", mean over " << replicates << (replicates == 1 ? " replicate.\n" : " replicates.\n")
      << (rated
              ? "change: the scenario's gap minus the baseline's, replicate by replicate (paired:\n"
                "  same seed, same random numbers), mean over replicates; 0 is exactly no change.\n"
              : "change: the scenario's population minus the baseline's, replicate by replicate\n"
                "  (paired: same seed, same random numbers), mean over replicates; 0 is exactly\n"
                "  no change.\n");
  if (replicates > 1 && comparison.parameter_uncertainty) {
    out << "90 % interval: an uncertainty interval, parameter and random variation: 5th to\n"
           "  95th percentile over "
        << replicates << " runs, each with its own draws of the scenario's [uncertainty] keys.\n";
    if (rated)
      out << "rating: the rating most replicates give, and the share of them that agree.\n";
  } else if (replicates > 1) {
    out << "90 % interval: spread over " << replicates
        << " runs (random variation only): 5th to 95th percentile across\n"
           "  replicates. It leaves out what is not known about the parameters; a scenario\n"
           "  with an [uncertainty] table (e.g. scenarios/baseline_uncertain.toml) holds both.\n";
    if (rated) {
      out << "rating: the rating most replicates give, and the share of them that agree (random\n"
             "  variation only: agreement is not certainty).\n";
    }
  } else {
    if (rated) out << "rating: the replicate's rating.\n";
    out << "With one replicate there is no interval across replicates: run the scenarios\n"
           "with --set replicates=N (e.g. 20) to see how far the figures vary.\n";
  }
  if (replicates > 1 && replicates < 10) {
    out << "Warning: " << replicates
        << " replicates; intervals and shares from fewer than 10 runs are rough.\n";
  }
  if (!comparison.common_random_numbers) {
    out << "The seeds differ: the changes include random noise (not common random numbers).\n";
  }
}

// A CSV field: quoted when it holds a separator, quote or line break.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

void write_csv(std::ostream& out, const Comparison& comparison) {
  const bool rated = !is_population(comparison);
  if (rated) {
    out << "year,competence,competence_name,scenario,gap_mean,gap_p5,gap_p95,change_mean,"
           "change_p5,change_p95,rating,rating_share,replicates,interval\n";
  } else {
    out << "year,municipality,municipality_name,scenario,population_mean,population_p5,"
           "population_p95,change_mean,change_p5,change_p95,replicates,interval\n";
  }
  const auto number = [](double value) { return output::number_text(value); };
  for (const auto& row : comparison.rows) {
    for (std::size_t s = 0; s < row.cells.size(); ++s) {
      const ScenarioCell& cell = row.cells[s];
      out << row.year << ',' << csv_field(comparison.competence_codes[row.competence]) << ','
          << csv_field(comparison.competence_names[row.competence]) << ','
          << csv_field(comparison.scenarios[s]) << ',' << number(cell.gap.mean) << ','
          << number(cell.gap.p5) << ',' << number(cell.gap.p95) << ',';
      if (cell.change) {
        out << number(cell.change->mean) << ',' << number(cell.change->p5) << ','
            << number(cell.change->p95);
      } else {
        out << ",,";  // the baseline changes nothing: left empty (NA), not 0
      }
      if (rated) {
        out << ',' << output::rating_name(cell.rating.rating) << ',' << number(cell.rating.share);
      }
      out << ',' << comparison.replicates << ','
          << (comparison.parameter_uncertainty ? "parameter_and_random" : "random_only") << '\n';
    }
  }
}

std::size_t terminal_width() {
  winsize size{};
  if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
      size.ws_col >= 60) {
    return size.ws_col;
  }
  if (const char* columns = std::getenv("COLUMNS")) {
    const int value = std::atoi(columns);
    if (value >= 60) return static_cast<std::size_t>(value);
  }
  return 120;
}

}  // namespace

int command_compare(const std::vector<std::string>& args) {
  po::options_description options("Options");
  std::vector<std::string> files;
  std::string years_text;
  std::string csv_file;
  // clang-format off
  options.add_options()
    ("help,h", "show this help")
    ("files", po::value(&files)->composing(), "result files (.h5): the baseline first")
    ("years", po::value(&years_text), "years to show, comma-separated (default 2030,2035,2040, those the files hold)")
    ("csv", po::value(&csv_file), "also write the table as CSV (long form) to FILE; '-' writes only the CSV, to stdout")
    ("force", "overwrite an existing CSV file");
  // clang-format on
  po::positional_options_description positional;
  positional.add("files", -1);
  po::variables_map values;
  if (auto code = parse_options(args, options, positional, values, kCompareUsage)) return *code;
  if (files.size() < 2) {
    std::cerr << "kfsim: compare needs a baseline and at least one other result file\n\n"
              << kCompareUsage << "\n"
              << options;
    return kExitUsage;
  }
  std::optional<std::vector<std::int32_t>> requested;
  if (values.count("years")) {
    requested = parse_years(years_text);
    if (!requested) {
      std::cerr << "kfsim: --years expects years separated by commas (e.g. 2030,2035,2040), not '"
                << years_text << "'\n";
      return kExitUsage;
    }
  }
  const bool csv_to_stdout = csv_file == "-";
  const bool force = values.count("force") > 0;
  if (!csv_file.empty() && !csv_to_stdout) {
    const fs::path parent = fs::absolute(csv_file).parent_path();
    if (!fs::is_directory(parent)) {
      std::cerr << "kfsim: cannot write " << csv_file << ": directory " << parent.string()
                << " does not exist\n";
      return kExitUsage;
    }
    // Never over a result file being compared, a device or, without --force, any file.
    if (const auto refusal =
            output_refusal(csv_file, std::vector<fs::path>(files.begin(), files.end()), force)) {
      std::cerr << "kfsim: " << *refusal << "\n";
      return kExitUsage;
    }
  }

  Comparison comparison;
  try {
    std::vector<output::ResultGaps> results;
    for (const auto& file : files) results.push_back(output::read_result(file));
    // Files of the demography alone hold no competence gaps: beside one, every file is
    // compared on what they all hold, the population.
    const auto alone = [](const output::ResultGaps& result) {
      return result.measure == output::ComparedMeasure::Population;
    };
    if (std::any_of(results.begin(), results.end(), alone)) {
      for (auto& result : results) {
        if (!alone(result)) result = output::read_result_population(result.path);
      }
    }
    output::check_comparable(results);
    std::vector<std::int32_t> years;
    if (requested) {
      years = *requested;
    } else {
      // The default years are a convenience: keep those the files hold and say which are not.
      const auto& held = results.front().years;
      std::vector<std::string> dropped;
      for (auto year : kDefaultYears) {
        if (std::find(held.begin(), held.end(), year) != held.end()) {
          years.push_back(year);
        } else {
          dropped.push_back(std::to_string(year));
        }
      }
      if (years.empty()) years.push_back(held.back());
      if (!dropped.empty()) {
        std::string list;
        for (const auto& year : dropped) list += (list.empty() ? "" : ", ") + year;
        std::cerr << "kfsim: note: the files hold " << held.front() << "–" << held.back()
                  << "; not showing " << list << (years.size() == 1 ? "; showing " : "")
                  << (years.size() == 1 ? std::to_string(years.front()) : "") << "\n";
      }
    }
    comparison = output::compare_results(results, years);
  } catch (const output::ComparisonError& error) {
    std::cerr << "kfsim: " << error.what() << "\n";
    return kExitUsage;
  } catch (const output::OutputError& error) {
    std::cerr << "kfsim: " << error.what() << "\n";
    return kExitFailure;
  }
  for (const auto& warning : comparison.warnings)
    std::cerr << "kfsim: warning: " << warning << "\n";

  if (csv_to_stdout) {
    write_csv(std::cout, comparison);
    return std::cout.flush() ? kExitOk : kExitFailure;
  }
  print_table(std::cout, comparison, terminal_width());
  if (!csv_file.empty()) {
    // Written under a temporary name and moved into place: never half a table under its name.
    try {
      output::write_file_atomically(csv_file, force, "the CSV table",
                                    [&](std::ostream& out) { write_csv(out, comparison); });
    } catch (const output::OutputError& error) {
      std::cerr << "kfsim: " << error.what() << "\n";
      return kExitFailure;
    }
  }
  return kExitOk;
}

}  // namespace kfsim::app
