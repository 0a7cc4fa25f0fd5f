#include "output/netcdf_names.hpp"

#include <gtest/gtest.h>

namespace kfsim::output {
namespace {

TEST(NetcdfNames, AcceptsOrdinaryAndUtf8Names) {
  EXPECT_FALSE(netcdf_name_problem("municipality_name"));
  EXPECT_FALSE(netcdf_name_problem("kommune_Råde"));
  EXPECT_FALSE(netcdf_name_problem("_hidden"));
}

TEST(NetcdfNames, RefusesWhatNetcdfCannotRead) {
  EXPECT_TRUE(netcdf_name_problem(""));
  EXPECT_TRUE(netcdf_name_problem("a/b"));
  EXPECT_TRUE(netcdf_name_problem("tab\there"));
  EXPECT_TRUE(netcdf_name_problem(" padded"));
  EXPECT_TRUE(netcdf_name_problem("padded "));
}

TEST(NetcdfNames, ReservesTheAttributesTheWriterAndNetcdfManage) {
  for (const char* name : {"units", "long_name", "coordinates", "CLASS", "NAME", "REFERENCE_LIST",
                           "DIMENSION_LIST", "_Netcdf4Dimid", "_FillValue"}) {
    EXPECT_TRUE(variable_attribute_problem(name)) << name;
  }
  EXPECT_FALSE(variable_attribute_problem("cell_methods"));
  EXPECT_TRUE(global_attribute_problem("_NCProperties"));
  EXPECT_FALSE(global_attribute_problem("history"));
  EXPECT_FALSE(global_attribute_problem("units"));
}

}  // namespace
}  // namespace kfsim::output
