#include "output/netcdf_names.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace kfsim::output {

namespace {

bool is_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7f;
}

template <std::size_t N>
bool is_one_of(const std::string& name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::optional<std::string> netcdf_name_problem(const std::string& name) {
  if (name.empty()) return "a name cannot be empty";
  if (name.find('/') != std::string::npos) return "a name cannot contain '/'";
  if (std::any_of(name.begin(), name.end(), is_control)) {
    return "a name cannot contain control characters";
  }
  if (name.front() == ' ' || name.back() == ' ') return "a name cannot start or end with a space";
  return std::nullopt;
}

std::optional<std::string> variable_attribute_problem(const std::string& name) {
  if (auto problem = netcdf_name_problem(name)) return problem;
  static constexpr std::array<std::string_view, 3> kWrittenByWriter = {"units", "long_name",
                                                                       "coordinates"};
  if (is_one_of(name, kWrittenByWriter)) return "is written by the writer itself";
  static constexpr std::array<std::string_view, 7> kReserved = {
      "CLASS",          "NAME",          "REFERENCE_LIST",
      "DIMENSION_LIST", "_Netcdf4Dimid", "_Netcdf4Coordinates",
      "_FillValue"};
  if (is_one_of(name, kReserved)) return "is reserved by HDF5 dimension scales or netCDF";
  return std::nullopt;
}

std::optional<std::string> global_attribute_problem(const std::string& name) {
  if (auto problem = netcdf_name_problem(name)) return problem;
  static constexpr std::array<std::string_view, 4> kReserved = {"_NCProperties", "_IsNetcdf4",
                                                                "_SuperblockVersion", "_Format"};
  if (is_one_of(name, kReserved)) return "is reserved by netCDF";
  return std::nullopt;
}

}  // namespace kfsim::output
