#pragma once
// Reading result files back: what `kfsim info` prints and what comparisons of runs read. Works
// on any netCDF-4/HDF5 file with variables in the root group, not only on kfsim's own.
#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "output/attribute.hpp"
#include "output/output_error.hpp"

namespace kfsim::output {

struct VariableInfo {
  std::string name;
  std::vector<std::string> dims;  // the attached dimension scales; "phony_dim_<i>" where none
  std::vector<std::size_t> shape;
  std::string dtype;  // "int32", "int64", "float64", "string", ...
  std::string units, long_name;
  // Of one-dimensional coordinates and labels, the first and last value as text (empty when
  // the variable is empty or not one-dimensional).
  std::string first_value, last_value;
};

struct FileInfo {
  std::vector<VariableInfo> dimensions;  // coordinate variables (dimension scales)
  std::vector<VariableInfo> variables;   // everything else: data and label variables
  std::vector<std::pair<std::string, std::string>> global_attributes;  // values as text
};

// All functions throw OutputError with the file name and a clear reason for a missing file, a
// file that is not HDF5 (or netCDF-4), a truncated file, or a missing or unreadable variable.
FileInfo read_file_info(const std::filesystem::path& path);

// The values of a numeric variable (any integer or real type) converted to double, row-major;
// its shape is stored in *shape when given.
std::vector<double> read_variable_as_double(const std::filesystem::path& path,
                                            const std::string& name,
                                            std::vector<std::size_t>* shape = nullptr);

// The strings of a label variable (variable- or fixed-length strings).
std::vector<std::string> read_labels(const std::filesystem::path& path, const std::string& name);

// The attributes of the root group ("/") or of a variable that hold text or a single number, in
// creation order; other attributes (arrays, references) are left out.
std::vector<Attribute> read_attributes(const std::filesystem::path& path,
                                       const std::string& object = "/");

// The text `kfsim info` prints: global attributes (the provenance) first, then the dimensions
// with sizes and first and last values, then the variables with dimensions, type, units and
// long name. Values of several lines (a whole scenario) are printed in full, indented.
std::string format_file_info(const FileInfo& info);

}  // namespace kfsim::output
