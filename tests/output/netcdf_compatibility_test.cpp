// A written file read by the tools analysts use: xarray with h5netcdf, h5py, and netCDF-C
// through the netCDF4 module when present (tests/output/check_netcdf.py says what is checked).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/output/sample_file.hpp"
#include "tests/output/scratch_directory.hpp"

namespace kfsim::output {
namespace {

constexpr const char* kPython = "/usr/bin/python3";

int exit_status(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string quoted(const std::string& text) {
  std::string result = "'";
  for (const char c : text) result += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return result + "'";
}

TEST(NetcdfCompatibility, SampleFileOpensInXarrayH5pyAndNetcdfC) {
  if (!std::filesystem::exists(kPython)) {
    GTEST_SKIP() << kPython << " is missing; install python3 to check netCDF compatibility";
  }
  if (exit_status(std::string(kPython) + " -c 'import xarray, h5netcdf, h5py' >/dev/null 2>&1") !=
      0) {
    GTEST_SKIP() << "python3-xarray, python3-h5netcdf or python3-h5py is not installed; "
                    "netCDF compatibility was not checked";
  }
  testing::ScratchDirectory dir;
  const auto path = dir / "sample.nc";
  testing::Sample().write(path);
  const std::string script = std::string(KFSIM_SOURCE_DIR) + "/tests/output/check_netcdf.py";
  const std::string command =
      std::string(kPython) + " " + quoted(script) + " " + quoted(path.string()) +
      " --dim month=24 --dim municipality=12 --dim sex=2 --dim age_group=7"
      " --dim wage_threshold=3 --label municipality_name=municipality --label sex_name=sex"
      " --label age_group_name=age_group";
  EXPECT_EQ(exit_status(command), 0) << command;
}

}  // namespace
}  // namespace kfsim::output
