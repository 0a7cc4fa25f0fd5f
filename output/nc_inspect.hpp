#pragma once
// The HDF5 storage facts behind netCDF-4 compatibility, for checks of written files: how an
// attribute is typed, whether dimension scales are attached, whether creation order is tracked,
// how a variable is chunked. `kfsim info` has no use for them; tests and diagnostics do.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace kfsim::output {

struct AttributeLayout {
  bool is_string = false;
  bool variable_length = false;  // H5Tis_variable_str
  bool utf8 = false;             // character set UTF-8 (else ASCII)
  std::size_t size = 0;          // bytes of a fixed-length string type
  bool null_dataspace = false;   // how netCDF stores an empty text
};

// `object` is "/" for the root group or a variable's name.
AttributeLayout inspect_attribute(const std::filesystem::path& path, const std::string& object,
                                  const std::string& attribute);

bool is_dimension_scale(const std::filesystem::path& path, const std::string& variable);
// H5DSis_attached: is the scale `dimension` attached to dimension `index` of `variable`?
bool is_scale_attached(const std::filesystem::path& path, const std::string& variable,
                       const std::string& dimension, unsigned index);

// Whether link (groups only) and attribute creation order are tracked and indexed.
struct CreationOrder {
  bool links_tracked_and_indexed = false;
  bool attributes_tracked_and_indexed = false;
};
CreationOrder inspect_creation_order(const std::filesystem::path& path, const std::string& object);

struct StorageLayout {
  bool chunked = false;
  std::vector<std::size_t> chunks;
  bool shuffle = false;
  bool deflate = false;
};
StorageLayout inspect_storage(const std::filesystem::path& path, const std::string& variable);

}  // namespace kfsim::output
