// The HDF5 layout that netCDF-C, h5netcdf and xarray rely on, checked on a written sample file.
#include "output/nc_inspect.hpp"

#include <gtest/gtest.h>

#include "output/nc_reader.hpp"
#include "output/output_error.hpp"
#include "tests/output/sample_file.hpp"
#include "tests/output/scratch_directory.hpp"

namespace kfsim::output {
namespace {

using testing::Sample;
using testing::ScratchDirectory;

class SampleFile : public ::testing::Test {
 protected:
  void SetUp() override { Sample().write(path_); }
  ScratchDirectory dir_;
  std::filesystem::path path_ = dir_ / "sample.nc";
};

TEST_F(SampleFile, TextAttributesAreFixedLengthStrings) {
  for (const auto& variable : read_file_info(path_).variables) {
    const auto long_name = inspect_attribute(path_, variable.name, "long_name");
    EXPECT_TRUE(long_name.is_string) << variable.name;
    EXPECT_FALSE(long_name.variable_length) << variable.name;
  }
  const auto units = inspect_attribute(path_, "wage", "units");
  EXPECT_TRUE(units.is_string);
  EXPECT_FALSE(units.variable_length);
  EXPECT_EQ(units.size, 3u);  // "NOK", without a terminator byte
  EXPECT_FALSE(units.utf8);
  const auto title = inspect_attribute(path_, "/", "title");
  EXPECT_FALSE(title.variable_length);
  EXPECT_TRUE(title.utf8);  // "Østfold"
  EXPECT_FALSE(inspect_attribute(path_, "municipality", "units").variable_length);
  EXPECT_THROW(inspect_attribute(path_, "wage", "no_such_attribute"), OutputError);
}

TEST_F(SampleFile, EmptyTextIsANullDataspace) {
  ScratchDirectory dir;
  const auto path = dir / "empty.nc";
  NcWriter writer(path, false);
  writer.set_global({"comment", std::string()});
  writer.commit();
  const auto comment = inspect_attribute(path, "/", "comment");
  EXPECT_TRUE(comment.is_string);
  EXPECT_TRUE(comment.null_dataspace);
}

TEST_F(SampleFile, EveryDimensionIsAScaleAttachedToEveryVariableOverIt) {
  const FileInfo info = read_file_info(path_);
  for (const auto& dimension : info.dimensions) {
    EXPECT_TRUE(is_dimension_scale(path_, dimension.name)) << dimension.name;
  }
  int attached = 0;
  for (const auto& variable : info.variables) {
    EXPECT_FALSE(is_dimension_scale(path_, variable.name)) << variable.name;
    for (unsigned i = 0; i < variable.dims.size(); ++i) {
      EXPECT_TRUE(is_scale_attached(path_, variable.name, variable.dims[i], i))
          << variable.name << " dimension " << i;
      ++attached;
    }
  }
  EXPECT_EQ(attached, 1 + 2 + 3 + 4 + 1 + 1 + 1 + 1);  // data and label variables
  EXPECT_FALSE(is_scale_attached(path_, "persons", "sex", 0));
}

TEST_F(SampleFile, DimensionsCarryNetcdfDimensionIdsInCreationOrder) {
  const FileInfo info = read_file_info(path_);
  for (std::size_t i = 0; i < info.dimensions.size(); ++i) {
    bool found = false;
    for (const auto& attribute : read_attributes(path_, info.dimensions[i].name)) {
      if (attribute.name != "_Netcdf4Dimid") continue;
      found = true;
      EXPECT_EQ(attribute.value, Attribute::Value(static_cast<std::int64_t>(i)));
    }
    EXPECT_TRUE(found) << info.dimensions[i].name;
    EXPECT_EQ(inspect_attribute(path_, info.dimensions[i].name, "_Netcdf4Dimid").is_string, false);
  }
}

TEST_F(SampleFile, CreationOrderIsTrackedAndIndexed) {
  const auto root = inspect_creation_order(path_, "/");
  EXPECT_TRUE(root.links_tracked_and_indexed);
  EXPECT_TRUE(root.attributes_tracked_and_indexed);
  for (const auto& name : {"month", "wage", "municipality_name", "total_wage_bill"}) {
    EXPECT_TRUE(inspect_creation_order(path_, name).attributes_tracked_and_indexed) << name;
  }
}

TEST_F(SampleFile, LargeVariablesAreChunkedAndCompressedSmallOnesNot) {
  const auto wage = inspect_storage(path_, "wage");  // 24*12*2*7 doubles = 32 KiB
  EXPECT_TRUE(wage.chunked);
  EXPECT_EQ(wage.chunks.size(), 4u);
  EXPECT_TRUE(wage.shuffle);
  EXPECT_TRUE(wage.deflate);
  const auto employed = inspect_storage(path_, "employed");
  EXPECT_FALSE(employed.chunked);
  EXPECT_FALSE(employed.deflate);
  EXPECT_FALSE(inspect_storage(path_, "total_wage_bill").chunked);
}

}  // namespace
}  // namespace kfsim::output
