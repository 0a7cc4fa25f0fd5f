#include "output/nc_file.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "output/nc_reader.hpp"
#include "tests/output/sample_file.hpp"
#include "tests/output/scratch_directory.hpp"

namespace kfsim::output {
namespace {

using testing::Sample;
using testing::ScratchDirectory;

std::vector<std::string> directory_entries(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

template <typename T>
std::vector<double> as_doubles(const std::vector<T>& values) {
  return {values.begin(), values.end()};
}

const VariableInfo* find(const std::vector<VariableInfo>& list, const std::string& name) {
  for (const auto& info : list) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

TEST(NcWriter, RoundTripsDimensionsLabelsAndVariablesOfRankZeroToFour) {
  ScratchDirectory dir;
  const auto path = dir / "sample.nc";
  const Sample sample;
  sample.write(path);

  std::vector<std::size_t> shape;
  EXPECT_EQ(read_variable_as_double(path, "month", &shape), as_doubles(sample.months));
  EXPECT_EQ(shape, std::vector<std::size_t>{24});
  EXPECT_EQ(read_variable_as_double(path, "municipality"), as_doubles(sample.municipalities));
  EXPECT_EQ(read_variable_as_double(path, "wage_threshold"), sample.wage_thresholds);
  EXPECT_EQ(read_labels(path, "municipality_name"), sample.municipality_names);
  EXPECT_EQ(read_labels(path, "age_group_name"), sample.age_group_names);

  EXPECT_EQ(read_variable_as_double(path, "total_wage_bill", &shape), std::vector<double>{12345.5});
  EXPECT_TRUE(shape.empty());
  EXPECT_EQ(read_variable_as_double(path, "employed", &shape), as_doubles(sample.employed));
  EXPECT_EQ(shape, std::vector<std::size_t>{12});
  EXPECT_EQ(read_variable_as_double(path, "unemployment_rate", &shape), sample.unemployment_rate);
  EXPECT_EQ(shape, (std::vector<std::size_t>{24, 12}));
  EXPECT_EQ(read_variable_as_double(path, "persons", &shape), as_doubles(sample.persons));
  EXPECT_EQ(shape, (std::vector<std::size_t>{24, 12, 2}));
  EXPECT_EQ(read_variable_as_double(path, "wage", &shape), sample.wage);
  EXPECT_EQ(shape, (std::vector<std::size_t>{24, 12, 2, 7}));
}

TEST(NcWriter, RecordsTypesDimensionsUnitsAndLongNames) {
  ScratchDirectory dir;
  const auto path = dir / "sample.nc";
  Sample().write(path);
  const FileInfo info = read_file_info(path);

  std::vector<std::string> dimension_names;
  for (const auto& d : info.dimensions) dimension_names.push_back(d.name);
  EXPECT_EQ(dimension_names, (std::vector<std::string>{"month", "municipality", "sex", "age_group",
                                                       "wage_threshold"}));
  const auto* municipality = find(info.dimensions, "municipality");
  ASSERT_NE(municipality, nullptr);
  EXPECT_EQ(municipality->dtype, "int32");
  EXPECT_EQ(municipality->long_name, "Municipality number");
  EXPECT_EQ(municipality->first_value, "3101");
  EXPECT_EQ(municipality->last_value, "3124");

  const auto* persons = find(info.variables, "persons");
  ASSERT_NE(persons, nullptr);
  EXPECT_EQ(persons->dtype, "int64");
  EXPECT_EQ(persons->dims, (std::vector<std::string>{"month", "municipality", "sex"}));
  EXPECT_EQ(persons->units, "persons");
  const auto* wage = find(info.variables, "wage");
  ASSERT_NE(wage, nullptr);
  EXPECT_EQ(wage->dtype, "float64");
  EXPECT_EQ(wage->long_name, "Mean annual wage of the employed");
  const auto* employed = find(info.variables, "employed");
  ASSERT_NE(employed, nullptr);
  EXPECT_EQ(employed->dtype, "int32");
  const auto* names = find(info.variables, "municipality_name");
  ASSERT_NE(names, nullptr);
  EXPECT_EQ(names->dtype, "string");
  EXPECT_EQ(names->dims, std::vector<std::string>{"municipality"});
  EXPECT_EQ(names->last_value, "Aremark");
}

TEST(NcWriter, WritesExtraAttributesWithTheirTypes) {
  ScratchDirectory dir;
  const auto path = dir / "sample.nc";
  Sample().write(path);
  const auto attributes = read_attributes(path, "unemployment_rate");
  const auto value = [&](const std::string& name) -> Attribute::Value {
    for (const auto& a : attributes) {
      if (a.name == name) return a.value;
    }
    ADD_FAILURE() << "no attribute " << name;
    return std::string();
  };
  EXPECT_EQ(value("units"), Attribute::Value(std::string("1")));
  EXPECT_EQ(value("valid_max"), Attribute::Value(1.0));
  EXPECT_EQ(value("coordinates"), Attribute::Value(std::string("municipality_name")));
  bool found_count = false;
  for (const auto& a : read_attributes(path, "persons")) {
    if (a.name == "replicate_count") {
      found_count = true;
      EXPECT_EQ(a.value, Attribute::Value(std::int64_t{3}));
    }
    if (a.name == "coordinates") {
      EXPECT_EQ(a.value, Attribute::Value(std::string("municipality_name sex_name")));
    }
  }
  EXPECT_TRUE(found_count);
}

TEST(NcWriter, CommitRenamesTheTemporaryOntoTheFinalPath) {
  ScratchDirectory dir;
  const auto path = dir / "run.nc";
  NcWriter writer(path, false);
  EXPECT_EQ(writer.final_path(), path);
  EXPECT_EQ(writer.temporary_path().parent_path(), dir.path());
  EXPECT_EQ(writer.temporary_path().filename().string(),
            ".run.nc.partial-" + std::to_string(::getpid()));
  Sample().write_to(writer);
  EXPECT_TRUE(std::filesystem::exists(writer.temporary_path()));
  EXPECT_FALSE(std::filesystem::exists(path));
  writer.commit();
  EXPECT_TRUE(writer.committed());
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(writer.temporary_path()));
  EXPECT_EQ(directory_entries(dir.path()), std::vector<std::string>{"run.nc"});
  EXPECT_THROW(writer.add_dimension("late", std::vector<std::int32_t>{1}, "1", "Late"),
               OutputError);
}

TEST(NcWriter, DestructorWithoutCommitLeavesNothing) {
  ScratchDirectory dir;
  const auto path = dir / "run.nc";
  std::filesystem::path temporary;
  {
    NcWriter writer(path, false);
    temporary = writer.temporary_path();
    Sample().write_to(writer);
    EXPECT_TRUE(std::filesystem::exists(temporary));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(temporary));
  EXPECT_TRUE(directory_entries(dir.path()).empty());
}

TEST(NcWriter, AWriterAbandonedByAnExceptionLeavesNothing) {
  ScratchDirectory dir;
  try {
    NcWriter writer(dir / "run.nc", false);
    Sample().write_to(writer);
    throw std::runtime_error("the run failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_TRUE(directory_entries(dir.path()).empty());
}

TEST(NcWriter, RefusesToOverwriteWithoutPermission) {
  ScratchDirectory dir;
  const auto path = dir / "run.nc";
  std::ofstream(path) << "an earlier result";
  try {
    NcWriter writer(path, false);
    FAIL() << "an existing file was accepted";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos) << error.what();
  }
  EXPECT_EQ(directory_entries(dir.path()), std::vector<std::string>{"run.nc"});
}

TEST(NcWriter, OverwritesWithPermission) {
  ScratchDirectory dir;
  const auto path = dir / "run.nc";
  std::ofstream(path) << "an earlier result";
  NcWriter writer(path, true);
  Sample().write_to(writer);
  writer.commit();
  EXPECT_EQ(read_labels(path, "sex_name"), (std::vector<std::string>{"mann", "kvinne"}));
  EXPECT_EQ(directory_entries(dir.path()), std::vector<std::string>{"run.nc"});
}

TEST(NcWriter, CommitDoesNotReplaceAFileThatAppearedMeanwhile) {
  ScratchDirectory dir;
  const auto path = dir / "run.nc";
  NcWriter writer(path, false);
  Sample().write_to(writer);
  std::ofstream(path) << "written by someone else";
  EXPECT_THROW(writer.commit(), OutputError);
  std::ifstream in(path);
  std::string text;
  std::getline(in, text);
  EXPECT_EQ(text, "written by someone else");
}

TEST(NcWriter, MismatchedShapeThrowsAndTheWriterStaysUsable) {
  ScratchDirectory dir;
  NcWriter writer(dir / "run.nc", false);
  writer.add_dimension("month", std::vector<std::int32_t>{0, 1, 2}, "1", "Month");
  writer.add_dimension("sex", std::vector<std::int32_t>{1, 2}, "1", "Sex");
  const std::vector<double> five(5, 1.0);
  EXPECT_THROW(writer.add_variable("x", {"month", "sex"}, std::span<const double>(five), "1", "X"),
               OutputError);
  const std::vector<double> six(6, 1.0);
  writer.add_variable("x", {"month", "sex"}, std::span<const double>(six), "1", "X");
  writer.commit();
  EXPECT_EQ(read_variable_as_double(dir / "run.nc", "x"), six);
}

TEST(NcWriter, UnknownDimensionThrows) {
  ScratchDirectory dir;
  NcWriter writer(dir / "run.nc", false);
  writer.add_dimension("month", std::vector<std::int32_t>{0, 1}, "1", "Month");
  const std::vector<std::int64_t> two = {1, 2};
  try {
    writer.add_variable("x", {"year"}, std::span<const std::int64_t>(two), "1", "X");
    FAIL() << "an unknown dimension was accepted";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("year"), std::string::npos) << error.what();
  }
  EXPECT_THROW(writer.add_labels("year", "year_name", {"a", "b"}, "Year"), OutputError);
}

TEST(NcWriter, LabelsMustMatchTheDimension) {
  ScratchDirectory dir;
  NcWriter writer(dir / "run.nc", false);
  writer.add_dimension("sex", std::vector<std::int32_t>{1, 2}, "1", "Sex");
  EXPECT_THROW(writer.add_labels("sex", "sex_name", {"mann"}, "Sex"), OutputError);
}

TEST(NcWriter, RefusesDuplicateInvalidAndReservedNames) {
  ScratchDirectory dir;
  NcWriter writer(dir / "run.nc", false);
  writer.add_dimension("sex", std::vector<std::int32_t>{1, 2}, "1", "Sex");
  EXPECT_THROW(writer.add_dimension("sex", std::vector<std::int32_t>{1}, "1", "Sex"), OutputError);
  EXPECT_THROW(writer.add_dimension("a/b", std::vector<std::int32_t>{1}, "1", "A"), OutputError);
  EXPECT_THROW(writer.add_dimension("", std::vector<std::int32_t>{1}, "1", "A"), OutputError);
  EXPECT_THROW(writer.add_dimension("age", std::vector<std::int32_t>{1}, "1", "Age",
                                    {{"units", std::string("years")}}),
               OutputError);
  EXPECT_THROW(writer.add_dimension("age", std::vector<std::int32_t>{1}, "1", "Age",
                                    {{"DIMENSION_LIST", std::string("x")}}),
               OutputError);
  EXPECT_THROW(writer.set_global({"_NCProperties", std::string("x")}), OutputError);
  EXPECT_THROW(writer.set_global({"note", std::string("a\0b", 3)}), OutputError);
}

TEST(NcWriter, SettingAGlobalAttributeAgainReplacesIt) {
  ScratchDirectory dir;
  const auto path = dir / "run.nc";
  NcWriter writer(path, false);
  writer.set_global({"title", std::string("first")});
  writer.set_global({"title", std::int64_t{2}});
  writer.commit();
  const auto attributes = read_attributes(path);
  ASSERT_EQ(attributes.size(), 1u);
  EXPECT_EQ(attributes[0].value, Attribute::Value(std::int64_t{2}));
}

TEST(NcWriter, EmptyTextAndEmptyDimensionsAreWritten) {
  ScratchDirectory dir;
  const auto path = dir / "run.nc";
  NcWriter writer(path, false);
  writer.add_dimension("none", std::vector<std::int32_t>{}, "", "");
  writer.add_labels("none", "none_name", {}, "Nothing");
  writer.add_variable("nothing", {"none"}, std::span<const double>(), "1", "Nothing");
  writer.set_global({"comment", std::string()});
  writer.commit();
  std::vector<std::size_t> shape;
  EXPECT_TRUE(read_variable_as_double(path, "nothing", &shape).empty());
  EXPECT_EQ(shape, std::vector<std::size_t>{0});
  EXPECT_TRUE(read_labels(path, "none_name").empty());
  const auto globals = read_attributes(path);
  ASSERT_EQ(globals.size(), 1u);
  EXPECT_EQ(globals[0].value, Attribute::Value(std::string()));
}

TEST(NcWriter, LargeTextAttributesAreKept) {
  ScratchDirectory dir;
  const auto path = dir / "run.nc";
  std::string scenario;
  while (scenario.size() < 200'000) scenario += "[labour_market]\nentry_rate = 0.0125 # Østfold\n";
  NcWriter writer(path, false);
  writer.set_global({"kfsim_scenario", scenario});
  writer.commit();
  const auto globals = read_attributes(path);
  ASSERT_EQ(globals.size(), 1u);
  EXPECT_EQ(globals[0].value, Attribute::Value(scenario));
}

TEST(NcWriter, MissingDirectoryIsRefused) {
  ScratchDirectory dir;
  EXPECT_THROW(NcWriter(dir / "no" / "such" / "run.nc", false), OutputError);
  EXPECT_THROW(NcWriter(dir.path() / "", false), OutputError);
}

// A directory this process cannot create files in. Permissions do not stop root, so root gets
// /sys, where the kernel refuses new files to everyone.
std::filesystem::path unwritable_directory(const ScratchDirectory& scratch) {
  const auto locked = scratch / "locked";
  std::filesystem::create_directory(locked);
  std::filesystem::permissions(
      locked, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  for (const auto& candidate : {locked, std::filesystem::path("/sys")}) {
    const auto probe = candidate / "kfsim-probe";
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) return candidate;
    ::close(fd);
    std::filesystem::remove(probe);
  }
  return {};
}

TEST(NcWriter, UnwritableDirectoryIsRefused) {
  ScratchDirectory dir;
  const auto unwritable = unwritable_directory(dir);
  if (unwritable.empty()) GTEST_SKIP() << "no directory here refuses new files to this process";
  try {
    NcWriter writer(unwritable / "run.nc", false);
    FAIL() << "a writer was created in " << unwritable;
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find(unwritable.string()), std::string::npos)
        << error.what();
  }
}

TEST(NcWriter, MovedWriterKeepsTheFile) {
  ScratchDirectory dir;
  const auto path = dir / "run.nc";
  NcWriter first(path, false);
  first.add_dimension("sex", std::vector<std::int32_t>{1, 2}, "1", "Sex");
  NcWriter second = std::move(first);
  second.commit();
  EXPECT_EQ(read_variable_as_double(path, "sex"), (std::vector<double>{1, 2}));
}

}  // namespace
}  // namespace kfsim::output
