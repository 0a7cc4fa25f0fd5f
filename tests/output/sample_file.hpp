#pragma once
// A small result file with the shapes of real ones: a time dimension, categorical dimensions
// with codes and (non-ASCII) labels, a real-valued dimension, and variables of rank 0 to 4 and
// of every stored type. Several tests write it and check what they read back.
#include <cstdint>
#include <filesystem>
#include <numeric>
#include <string>
#include <vector>

#include "output/nc_file.hpp"

namespace kfsim::output::testing {

struct Sample {
  std::vector<std::int32_t> months = std::vector<std::int32_t>(24);
  std::vector<std::int32_t> municipalities = {3101, 3103, 3105, 3107, 3110, 3112,
                                              3114, 3116, 3118, 3120, 3122, 3124};
  std::vector<std::string> municipality_names = {
      "Halden", "Moss",     "Sarpsborg",     "Fredrikstad", "Hvaler", "Råde",
      "Våler",  "Skiptvet", "Indre Østfold", "Rakkestad",   "Marker", "Aremark"};
  std::vector<std::int32_t> sexes = {1, 2};
  std::vector<std::string> sex_names = {"mann", "kvinne"};
  std::vector<std::int32_t> age_groups = {0, 1, 2, 3, 4, 5, 6};
  std::vector<std::string> age_group_names = {"16–19", "20–24", "25–34", "35–44",
                                              "45–54", "55–61", "62–66"};
  std::vector<double> wage_thresholds = {0.25, 0.5, 0.75};

  // employed(municipality): int32
  std::vector<std::int32_t> employed;
  // unemployment_rate(month, municipality): float64
  std::vector<double> unemployment_rate;
  // persons(month, municipality, sex): int64
  std::vector<std::int64_t> persons;
  // wage(month, municipality, sex, age_group): float64, large enough to be chunked
  std::vector<double> wage;
  // wage_quantile(wage_threshold): float64 over a real-valued dimension
  std::vector<double> wage_quantile = {402000.5, 551000.25, 720000.125};

  Sample() {
    std::iota(months.begin(), months.end(), 0);
    for (std::size_t m = 0; m < municipalities.size(); ++m) {
      employed.push_back(static_cast<std::int32_t>(1000 * m + 7));
    }
    for (std::size_t i = 0; i < months.size() * municipalities.size(); ++i) {
      unemployment_rate.push_back(0.01 + 0.001 * static_cast<double>(i));
    }
    for (std::size_t i = 0; i < months.size() * municipalities.size() * sexes.size(); ++i) {
      persons.push_back(static_cast<std::int64_t>(i) * 3'000'000'000LL);
    }
    const std::size_t cells =
        months.size() * municipalities.size() * sexes.size() * age_groups.size();
    for (std::size_t i = 0; i < cells; ++i) wage.push_back(30000.0 + 0.5 * static_cast<double>(i));
  }

  void write_to(NcWriter& writer) const {
    // Not "months since ...": xarray cannot decode months as a CF time unit.
    writer.add_dimension("month", months, "1", "Month of the simulation (0 = January 2024)",
                         {{"first_month", std::string("2024-01")}});
    writer.add_dimension("municipality", municipalities, "1", "Municipality number");
    writer.add_labels("municipality", "municipality_name", municipality_names, "Municipality name");
    writer.add_dimension("sex", sexes, "1", "Sex code");
    writer.add_labels("sex", "sex_name", sex_names, "Sex");
    writer.add_dimension("age_group", age_groups, "1", "Age group code");
    writer.add_labels("age_group", "age_group_name", age_group_names, "Age group (years)");
    writer.add_dimension("wage_threshold", wage_thresholds, "1", "Quantile of the wage");
    writer.add_variable("employed", {"municipality"}, std::span<const std::int32_t>(employed),
                        "persons", "Employed persons at the end of the run",
                        {{"cell_methods", std::string("month: point")}});
    writer.add_variable("unemployment_rate", {"month", "municipality"},
                        std::span<const double>(unemployment_rate), "1", "Unemployment rate",
                        {{"valid_min", 0.0}, {"valid_max", 1.0}});
    writer.add_variable("persons", {"month", "municipality", "sex"},
                        std::span<const std::int64_t>(persons), "persons", "Persons",
                        {{"replicate_count", std::int64_t{3}}});
    writer.add_variable("wage", {"month", "municipality", "sex", "age_group"},
                        std::span<const double>(wage), "NOK", "Mean annual wage of the employed");
    writer.add_variable("wage_quantile", {"wage_threshold"}, std::span<const double>(wage_quantile),
                        "NOK", "Wage quantile");
    const std::vector<double> total = {12345.5};
    writer.add_variable("total_wage_bill", {}, std::span<const double>(total), "NOK",
                        "Total wage bill");
    writer.set_global({"Conventions", std::string("CF-1.8")});
    writer.set_global({"title", std::string("kfsim sample for Østfold")});
    writer.set_global({"kfsim_seed", std::int64_t{42}});
    writer.set_global({"kfsim_scale", 0.5});
  }

  void write(const std::filesystem::path& path) const {
    NcWriter writer(path, false);
    write_to(writer);
    writer.commit();
  }
};

}  // namespace kfsim::output::testing
