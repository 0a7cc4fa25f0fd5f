#pragma once
// HDF5 datatypes as kfsim writes them, their names as `kfsim info` prints them, and reading of
// strings stored either way (fixed length or variable length). Internal to kfsim_output.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "output/hdf5_handle.hpp"

namespace kfsim::output::hdf5 {

// The in-memory type of T, which HDF5 converts to and from the type stored in the file.
template <typename T>
hid_t native_type();
template <>
inline hid_t native_type<std::int32_t>() {
  return H5T_NATIVE_INT32;
}
template <>
inline hid_t native_type<std::int64_t>() {
  return H5T_NATIVE_INT64;
}
template <>
inline hid_t native_type<double>() {
  return H5T_NATIVE_DOUBLE;
}

// The type stored in the file: little-endian standard types, so that a file written on one
// machine is read the same way everywhere.
template <typename T>
hid_t file_type();
template <>
inline hid_t file_type<std::int32_t>() {
  return H5T_STD_I32LE;
}
template <>
inline hid_t file_type<std::int64_t>() {
  return H5T_STD_I64LE;
}
template <>
inline hid_t file_type<double>() {
  return H5T_IEEE_F64LE;
}

bool is_ascii(std::string_view text) noexcept;

// A fixed-length, NUL-terminated string type of `size` bytes (at least 1), ASCII or UTF-8.
// netCDF-C reads such an attribute as NC_CHAR text.
Datatype fixed_string_type(std::size_t size, bool utf8, const std::filesystem::path& file);
// A variable-length string type; netCDF-C reads a dataset of it as NC_STRING.
Datatype variable_string_type(bool utf8, const std::filesystem::path& file);

// "int32", "int64", "float64", "string", ... as numpy would name the stored type.
std::string dtype_name(hid_t type);

// Reads all strings of a dataset or attribute of string type `type` and dataspace `space`;
// `read(memory_type, buffer)` performs the H5Dread or H5Aread.
std::vector<std::string> read_strings(hid_t type, hid_t space,
                                      const std::function<herr_t(hid_t, void*)>& read,
                                      const std::filesystem::path& file, std::string_view what);

// Refuses (OutputError naming the file and `what`) to read `count` values of `bytes_each` bytes
// into memory when the file cannot hold them: a damaged or forged header may declare billions.
// `stored` is what the file keeps of them (counted at most as the whole file); deflate, the one
// compression kfsim writes, packs at most 1032 to 1, so more than that many times the stored
// bytes (and over a megabyte) is not data the file holds.
void check_readable_size(std::size_t count, std::size_t bytes_each, std::uint64_t stored,
                         const std::filesystem::path& file, std::string_view what);

// The number of elements of a dataspace (0 for a null dataspace, 1 for a scalar).
std::size_t element_count(hid_t space, const std::filesystem::path& file);
// The extent of a dataspace; empty for a scalar or null dataspace.
std::vector<std::size_t> extent(hid_t space, const std::filesystem::path& file);

}  // namespace kfsim::output::hdf5
