#include "output/nc_reader.hpp"

#include <hdf5_hl.h>

#include "output/hdf5_attribute.hpp"
#include "output/hdf5_file.hpp"
#include "output/hdf5_handle.hpp"
#include "output/hdf5_types.hpp"

namespace kfsim::output {

namespace {

herr_t collect_hard_link(hid_t, const char* name, const H5L_info_t* info, void* names) {
  if (info->type == H5L_TYPE_HARD)
    static_cast<std::vector<std::string>*>(names)->emplace_back(name);
  return 0;
}

// The root's links in creation order when the file tracks it (netCDF-4 files do), else by name.
std::vector<std::string> root_links(hid_t file, const std::filesystem::path& path) {
  std::vector<std::string> names;
  if (H5Literate(file, H5_INDEX_CRT_ORDER, H5_ITER_INC, nullptr, collect_hard_link, &names) >= 0) {
    return names;
  }
  hdf5::take_error_message();
  names.clear();
  hdf5::check(H5Literate(file, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_hard_link, &names),
              path, "listing the variables");
  return names;
}

herr_t keep_scale_name(hid_t, unsigned, hid_t scale, void* name) {
  const ssize_t size = H5Iget_name(scale, nullptr, 0);
  if (size <= 0) return -1;
  std::string text(static_cast<std::size_t>(size) + 1, '\0');
  H5Iget_name(scale, text.data(), text.size());
  text.resize(static_cast<std::size_t>(size));
  *static_cast<std::string*>(name) = text.starts_with('/') ? text.substr(1) : text;
  return 1;  // the first scale names the dimension
}

std::vector<std::string> attached_dimensions(hid_t dataset, std::size_t rank) {
  std::vector<std::string> dims;
  for (unsigned i = 0; i < rank; ++i) {
    std::string name;
    if (H5DSget_num_scales(dataset, i) > 0) {
      H5DSiterate_scales(dataset, i, nullptr, keep_scale_name, &name);
    }
    hdf5::take_error_message();  // files without dimension scales are readable too
    dims.push_back(name.empty() ? "phony_dim_" + std::to_string(i) : name);
  }
  return dims;
}

std::string text_attribute(hid_t object, const std::string& name,
                           const std::filesystem::path& path) {
  if (!hdf5::has_attribute(object, name, path)) return "";
  return hdf5::values_text(hdf5::read_attribute(object, name, path));
}

std::vector<double> read_numbers(hid_t dataset, const std::string& name,
                                 const std::filesystem::path& path,
                                 std::vector<std::size_t>* shape) {
  hdf5::Datatype type(hdf5::check_id(H5Dget_type(dataset), path, "reading the type of " + name));
  const H5T_class_t type_class = H5Tget_class(type.get());
  if (type_class != H5T_INTEGER && type_class != H5T_FLOAT) {
    throw OutputError(path.string() + ": variable '" + name + "' is not numeric (" +
                      hdf5::dtype_name(type.get()) + ")");
  }
  hdf5::Dataspace space(
      hdf5::check_id(H5Dget_space(dataset), path, "reading the shape of '" + name + "'"));
  if (shape != nullptr) *shape = hdf5::extent(space.get(), path);
  const std::size_t count = hdf5::element_count(space.get(), path);
  hdf5::check_readable_size(count, sizeof(double), H5Dget_storage_size(dataset), path,
                            "variable '" + name + "'");
  std::vector<double> values(count);
  if (!values.empty()) {
    hdf5::check(H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                path, "reading variable '" + name + "'");
  }
  return values;
}

std::vector<std::string> read_strings(hid_t dataset, const std::string& name,
                                      const std::filesystem::path& path) {
  hdf5::Datatype type(hdf5::check_id(H5Dget_type(dataset), path, "reading the type of " + name));
  if (H5Tget_class(type.get()) != H5T_STRING) {
    throw OutputError(path.string() + ": variable '" + name + "' does not hold text (" +
                      hdf5::dtype_name(type.get()) + ")");
  }
  hdf5::Dataspace space(
      hdf5::check_id(H5Dget_space(dataset), path, "reading the shape of '" + name + "'"));
  const std::size_t count = hdf5::element_count(space.get(), path);
  if (count == 0) return {};
  // Each string takes at least a byte of the file.
  hdf5::check_readable_size(count, 1, H5Dget_storage_size(dataset), path,
                            "variable '" + name + "'");
  return hdf5::read_strings(
      type.get(), space.get(),
      [&](hid_t memory, void* buffer) {
        return H5Dread(dataset, memory, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer);
      },
      path, "reading variable '" + name + "'");
}

VariableInfo describe(hid_t dataset, const std::string& name, bool is_scale,
                      const std::filesystem::path& path) {
  VariableInfo info;
  info.name = name;
  hdf5::Datatype type(hdf5::check_id(H5Dget_type(dataset), path, "reading the type of " + name));
  hdf5::Dataspace space(
      hdf5::check_id(H5Dget_space(dataset), path, "reading the shape of '" + name + "'"));
  info.shape = hdf5::extent(space.get(), path);
  info.dtype = hdf5::dtype_name(type.get());
  info.dims =
      is_scale ? std::vector<std::string>{name} : attached_dimensions(dataset, info.shape.size());
  info.units = text_attribute(dataset, "units", path);
  info.long_name = text_attribute(dataset, "long_name", path);
  const bool is_text = H5Tget_class(type.get()) == H5T_STRING;
  if (info.shape.size() == 1 && info.shape[0] > 0 && (is_scale || is_text)) {
    if (is_text) {
      const auto labels = read_strings(dataset, name, path);
      info.first_value = labels.front();
      info.last_value = labels.back();
    } else if (H5Tget_class(type.get()) == H5T_INTEGER || H5Tget_class(type.get()) == H5T_FLOAT) {
      const auto values = read_numbers(dataset, name, path, nullptr);
      info.first_value = number_text(values.front());
      info.last_value = number_text(values.back());
    }
  }
  return info;
}

}  // namespace

FileInfo read_file_info(const std::filesystem::path& path) {
  const hdf5::File file = hdf5::open_for_reading(path);
  FileInfo info;
  const hdf5::Object root = hdf5::open_object(file.get(), "/", path);
  for (const auto& name : hdf5::attribute_names(root.get(), path)) {
    info.global_attributes.emplace_back(
        name, hdf5::values_text(hdf5::read_attribute(root.get(), name, path)));
  }
  for (const auto& name : root_links(file.get(), path)) {
    const hdf5::Object object = hdf5::open_object(file.get(), name, path);
    if (H5Iget_type(object.get()) != H5I_DATASET) continue;  // groups are not listed
    const hdf5::Dataset dataset = hdf5::open_dataset(file.get(), name, path);
    const bool is_scale = hdf5::check_tri(H5DSis_scale(dataset.get()), path,
                                          "checking whether '" + name + "' is a dimension");
    (is_scale ? info.dimensions : info.variables)
        .push_back(describe(dataset.get(), name, is_scale, path));
  }
  return info;
}

std::vector<double> read_variable_as_double(const std::filesystem::path& path,
                                            const std::string& name,
                                            std::vector<std::size_t>* shape) {
  const hdf5::File file = hdf5::open_for_reading(path);
  const hdf5::Dataset dataset = hdf5::open_dataset(file.get(), name, path);
  return read_numbers(dataset.get(), name, path, shape);
}

std::vector<std::string> read_labels(const std::filesystem::path& path, const std::string& name) {
  const hdf5::File file = hdf5::open_for_reading(path);
  const hdf5::Dataset dataset = hdf5::open_dataset(file.get(), name, path);
  return read_strings(dataset.get(), name, path);
}

std::vector<Attribute> read_attributes(const std::filesystem::path& path,
                                       const std::string& object) {
  const hdf5::File file = hdf5::open_for_reading(path);
  const hdf5::Object handle = hdf5::open_object(file.get(), object, path);
  std::vector<Attribute> attributes;
  for (const auto& name : hdf5::attribute_names(handle.get(), path)) {
    if (auto value = hdf5::single_value(hdf5::read_attribute(handle.get(), name, path))) {
      attributes.push_back({name, std::move(*value)});
    }
  }
  return attributes;
}

}  // namespace kfsim::output
