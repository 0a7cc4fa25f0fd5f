#pragma once
// Writing and reading attributes of HDF5 objects the way netCDF-4 stores them: text as a
// fixed-length string (an empty text as a null dataspace), numbers as scalars. Internal to
// kfsim_output.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "output/attribute.hpp"
#include "output/hdf5_handle.hpp"

namespace kfsim::output::hdf5 {

// Fails if the object already has an attribute of that name.
void write_attribute(hid_t object, const output::Attribute& attribute,
                     const std::filesystem::path& file);
// netCDF-C's own integer attributes (_Netcdf4Dimid) are 32-bit.
void write_int32_attribute(hid_t object, const std::string& name, std::int32_t value,
                           const std::filesystem::path& file);
bool has_attribute(hid_t object, const std::string& name, const std::filesystem::path& file);
void delete_attribute(hid_t object, const std::string& name, const std::filesystem::path& file);

// The object's attribute names, in creation order when the file tracks it, else by name.
std::vector<std::string> attribute_names(hid_t object, const std::filesystem::path& file);

// What an attribute holds: text (one string per element), integers, reals, or nothing kfsim
// reads (references, compounds, ...).
using AttributeValues = std::variant<std::monostate, std::vector<std::string>,
                                     std::vector<std::int64_t>, std::vector<double>>;
AttributeValues read_attribute(hid_t object, const std::string& name,
                               const std::filesystem::path& file);

// Several elements joined: text by newlines, numbers by ", ".
std::string values_text(const AttributeValues& values);
// The value of a one-element attribute (or of an empty text); nullopt for anything else.
std::optional<output::Attribute::Value> single_value(const AttributeValues& values);

}  // namespace kfsim::output::hdf5
