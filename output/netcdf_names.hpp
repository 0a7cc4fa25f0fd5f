#pragma once
// Which names a netCDF-4 file can carry: what netCDF-C refuses to read, and the attribute names
// that HDF5 dimension scales, netCDF-C and the writer itself manage.
#include <optional>
#include <string>

namespace kfsim::output {

// Why `name` cannot name a dimension or variable, or nullopt when it can.
std::optional<std::string> netcdf_name_problem(const std::string& name);
// Why `name` cannot be an extra attribute of a dimension or variable (units, long_name,
// coordinates and the dimension-scale bookkeeping are written by NcWriter itself).
std::optional<std::string> variable_attribute_problem(const std::string& name);
// Why `name` cannot be a global attribute.
std::optional<std::string> global_attribute_problem(const std::string& name);

}  // namespace kfsim::output
