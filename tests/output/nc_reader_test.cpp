#include "output/nc_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/output/sample_file.hpp"
#include "tests/output/scratch_directory.hpp"

namespace kfsim::output {
namespace {

using testing::Sample;
using testing::ScratchDirectory;

// Runs `read` and returns the OutputError message it must throw.
template <typename Read>
std::string error_of(Read read) {
  try {
    read();
  } catch (const OutputError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no OutputError";
  return "";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ReadFileInfo, MissingFileIsReported) {
  ScratchDirectory dir;
  const auto message = error_of([&] { read_file_info(dir / "missing.nc"); });
  EXPECT_TRUE(contains(message, "missing.nc")) << message;
  EXPECT_TRUE(contains(message, "no such file")) << message;
}

TEST(ReadFileInfo, NonHdf5FileIsReported) {
  ScratchDirectory dir;
  const auto path = dir / "notes.nc";
  std::ofstream(path) << "These are not the results you are looking for.\n";
  const auto message = error_of([&] { read_file_info(path); });
  EXPECT_TRUE(contains(message, "not an HDF5")) << message;
  EXPECT_THROW(read_variable_as_double(path, "x"), OutputError);
  EXPECT_THROW(read_labels(path, "x"), OutputError);
}

TEST(ReadFileInfo, EmptyFileIsReported) {
  ScratchDirectory dir;
  const auto path = dir / "empty.nc";
  std::ofstream{path};
  EXPECT_THROW(read_file_info(path), OutputError);
}

TEST(ReadFileInfo, NetCdf3FileIsNamedAsSuch) {
  ScratchDirectory dir;
  const auto path = dir / "classic.nc";
  std::ofstream(path, std::ios::binary) << std::string("CDF\x01\0\0\0\0", 8);
  const auto message = error_of([&] { read_file_info(path); });
  EXPECT_TRUE(contains(message, "netCDF-3")) << message;
}

TEST(ReadFileInfo, TruncatedFileIsReportedNotCrashedOn) {
  ScratchDirectory dir;
  const auto path = dir / "run.nc";
  Sample().write(path);
  const auto size = std::filesystem::file_size(path);
  std::filesystem::resize_file(path, size / 2);
  const auto message = error_of([&] { read_file_info(path); });
  EXPECT_TRUE(contains(message, "run.nc")) << message;
  EXPECT_TRUE(contains(message, "truncated")) << message;
  EXPECT_THROW(read_variable_as_double(path, "wage"), OutputError);
  EXPECT_THROW(read_labels(path, "municipality_name"), OutputError);
}

TEST(ReadFileInfo, DirectoryIsReported) {
  ScratchDirectory dir;
  EXPECT_THROW(read_file_info(dir.path()), OutputError);
}

TEST(ReadVariable, MissingAndNonNumericVariablesAreReported) {
  ScratchDirectory dir;
  const auto path = dir / "run.nc";
  Sample().write(path);
  EXPECT_TRUE(contains(error_of([&] { read_variable_as_double(path, "salary"); }), "salary"));
  EXPECT_TRUE(contains(error_of([&] { read_variable_as_double(path, "municipality_name"); }),
                       "not numeric"));
  EXPECT_THROW(read_labels(path, "wage"), OutputError);
}

TEST(ReadAttributes, GlobalAttributesComeInCreationOrderWithTheirTypes) {
  ScratchDirectory dir;
  const auto path = dir / "run.nc";
  Sample().write(path);
  const auto attributes = read_attributes(path);
  ASSERT_EQ(attributes.size(), 4u);
  EXPECT_EQ(attributes[0].name, "Conventions");
  EXPECT_EQ(attributes[1].value, Attribute::Value(std::string("kfsim sample for Østfold")));
  EXPECT_EQ(attributes[2].value, Attribute::Value(std::int64_t{42}));
  EXPECT_EQ(attributes[3].value, Attribute::Value(0.5));
}

TEST(FormatFileInfo, PrintsGlobalsThenDimensionsThenVariables) {
  ScratchDirectory dir;
  const auto path = dir / "run.nc";
  Sample().write(path);
  const std::string text = format_file_info(read_file_info(path));
  const auto globals = text.find("Global attributes");
  const auto dimensions = text.find("Dimensions (5)");
  const auto variables = text.find("Variables");
  ASSERT_NE(globals, std::string::npos) << text;
  ASSERT_NE(dimensions, std::string::npos) << text;
  ASSERT_NE(variables, std::string::npos) << text;
  EXPECT_LT(globals, dimensions);
  EXPECT_LT(dimensions, variables);
  EXPECT_TRUE(contains(text, "title: kfsim sample for Østfold")) << text;
  EXPECT_TRUE(contains(text, "kfsim_seed: 42")) << text;
  EXPECT_TRUE(contains(text, "3101 .. 3124")) << text;
  EXPECT_TRUE(contains(text, "wage(month, municipality, sex, age_group)")) << text;
  EXPECT_TRUE(contains(text, "[24 x 12 x 2 x 7]")) << text;
  EXPECT_TRUE(contains(text, "Mean annual wage of the employed")) << text;
  EXPECT_TRUE(contains(text, "total_wage_bill()")) << text;
}

TEST(FormatFileInfo, PrintsLongValuesInFullAndIndented) {
  FileInfo info;
  info.global_attributes = {{"kfsim_scenario", "[run]\nseed = 42\n\n[labour_market]\nrate = 1"},
                            {"title", "short"}};
  const std::string text = format_file_info(info);
  EXPECT_TRUE(contains(text,
                       "  kfsim_scenario:\n      [run]\n      seed = 42\n\n"
                       "      [labour_market]\n      rate = 1\n  title: short\n"))
      << text;
}

TEST(FormatFileInfo, AlignsColumnsByCharactersNotBytes) {
  FileInfo info;
  info.variables = {{"å", {"x"}, {1}, "int32", "1", "A", "", ""},
                    {"bb", {"x"}, {1}, "int32", "1", "B", "", ""}};
  const std::string text = format_file_info(info);
  // "name(dimensions)" sets the width of the first column: 16 characters, then two spaces.
  EXPECT_TRUE(contains(text, "\n  å(x)              [1]    int32")) << text;
  EXPECT_TRUE(contains(text, "\n  bb(x)             [1]    int32")) << text;
}

}  // namespace
}  // namespace kfsim::output
