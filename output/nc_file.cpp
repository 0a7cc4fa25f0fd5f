#include "output/nc_file.hpp"

#include <hdf5_hl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <numeric>
#include <set>
#include <utility>

#include "output/atomic_commit.hpp"
#include "output/chunking.hpp"
#include "output/hdf5_attribute.hpp"
#include "output/hdf5_handle.hpp"
#include "output/hdf5_types.hpp"
#include "output/netcdf_names.hpp"

namespace kfsim::output {

namespace {

constexpr unsigned kCreationOrder = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;

std::string quoted_list(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + ("'" + name + "'");
  return "(" + text + ")";
}

}  // namespace

struct NcWriter::Impl {
  struct Dimension {
    std::string name;
    std::size_t size = 0;
    std::vector<std::string> labels;  // names of the label variables over this dimension
  };
  struct Variable {
    std::string name;
    std::vector<std::string> dims;
  };

  std::filesystem::path final_path;
  std::filesystem::path temporary_path;
  bool overwrite = false;
  bool created = false;  // the temporary file is ours to remove
  bool committed = false;
  hdf5::File file;
  std::vector<Dimension> dimensions;  // in creation order: the index is the _Netcdf4Dimid
  std::vector<Variable> variables;
  std::set<std::string> names;  // dimensions, labels and variables share the root's namespace

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    if (committed) return;
    file.reset();
    std::error_code ignored;
    if (created) std::filesystem::remove(temporary_path, ignored);
  }

  [[noreturn]] void fail(const std::string& message) const {
    throw OutputError(final_path.string() + ": " + message);
  }

  Dimension& dimension(const std::string& name) {
    const auto found = std::find_if(dimensions.begin(), dimensions.end(),
                                    [&](const Dimension& d) { return d.name == name; });
    if (found == dimensions.end()) fail("unknown dimension '" + name + "'");
    return *found;
  }

  void require_new_name(const std::string& name, const char* kind) const {
    if (const auto problem = netcdf_name_problem(name)) {
      fail("invalid " + std::string(kind) + " name '" + name + "': " + *problem);
    }
    if (names.contains(name)) fail("'" + name + "' is already in the file");
  }

  void require_valid_extra(const std::vector<Attribute>& extra) const {
    std::set<std::string> seen;
    for (const auto& attribute : extra) {
      if (const auto problem = variable_attribute_problem(attribute.name)) {
        fail("attribute '" + attribute.name + "': " + *problem);
      }
      if (!seen.insert(attribute.name).second) {
        fail("attribute '" + attribute.name + "' is given twice");
      }
    }
  }

  hdf5::Dataset create_dataset(const std::string& name, hid_t type,
                               const std::vector<std::size_t>& shape, std::size_t element_size) {
    const std::vector<hsize_t> extent(shape.begin(), shape.end());
    hdf5::Dataspace space(hdf5::check_id(
        shape.empty() ? H5Screate(H5S_SCALAR)
                      : H5Screate_simple(static_cast<int>(extent.size()), extent.data(), nullptr),
        temporary_path, "creating the dataspace of '" + name + "'"));

    hdf5::PropertyList creation(hdf5::check_id(H5Pcreate(H5P_DATASET_CREATE), temporary_path,
                                               "creating dataset properties"));
    hdf5::check(H5Pset_attr_creation_order(creation.get(), kCreationOrder), temporary_path,
                "tracking attribute creation order");
    // No modification times: the same results give the same bytes.
    hdf5::check(H5Pset_obj_track_times(creation.get(), 0), temporary_path,
                "turning off time stamps");
    const std::vector<std::size_t> chunks = choose_chunks(shape, element_size);
    if (!chunks.empty()) {
      const std::vector<hsize_t> chunk_extent(chunks.begin(), chunks.end());
      hdf5::check(
          H5Pset_chunk(creation.get(), static_cast<int>(chunk_extent.size()), chunk_extent.data()),
          temporary_path, "setting the chunks of '" + name + "'");
      if (H5Zfilter_avail(H5Z_FILTER_DEFLATE) > 0) {
        hdf5::check(H5Pset_shuffle(creation.get()), temporary_path, "setting the shuffle filter");
        hdf5::check(H5Pset_deflate(creation.get(), kDeflateLevel), temporary_path,
                    "setting the deflate filter");
      }
    }

    hdf5::PropertyList link(
        hdf5::check_id(H5Pcreate(H5P_LINK_CREATE), temporary_path, "creating link properties"));
    hdf5::check(
        H5Pset_char_encoding(link.get(), hdf5::is_ascii(name) ? H5T_CSET_ASCII : H5T_CSET_UTF8),
        temporary_path, "setting the encoding of a name");
    return hdf5::Dataset(hdf5::check_id(H5Dcreate2(file.get(), name.c_str(), type, space.get(),
                                                   link.get(), creation.get(), H5P_DEFAULT),
                                        temporary_path, "creating dataset '" + name + "'"));
  }

  void write_attributes(hid_t object, const std::string& units, const std::string& long_name,
                        const std::vector<Attribute>& extra) {
    hdf5::write_attribute(object, {"units", units}, temporary_path);
    hdf5::write_attribute(object, {"long_name", long_name}, temporary_path);
    for (const auto& attribute : extra) hdf5::write_attribute(object, attribute, temporary_path);
  }

  hdf5::Dataset open_dataset(const std::string& name) {
    return hdf5::Dataset(hdf5::check_id(H5Dopen2(file.get(), name.c_str(), H5P_DEFAULT),
                                        temporary_path, "opening dataset '" + name + "'"));
  }

  template <typename T>
  void write_values(hid_t dataset, const T* values, std::size_t count, const std::string& name) {
    if (count == 0) return;  // HDF5 wants a buffer even for nothing
    hdf5::check(H5Dwrite(dataset, hdf5::native_type<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values),
                temporary_path, "writing the values of '" + name + "'");
  }

  template <typename T>
  void add_dimension(const std::string& name, const std::vector<T>& values,
                     const std::string& units, const std::string& long_name,
                     const std::vector<Attribute>& extra) {
    require_new_name(name, "dimension");
    require_valid_extra(extra);
    hdf5::Dataset dataset = create_dataset(name, hdf5::file_type<T>(), {values.size()}, sizeof(T));
    names.insert(name);
    write_values(dataset.get(), values.data(), values.size(), name);
    // A coordinate variable: the scale's NAME is the dimension's own name, as netCDF-C writes.
    hdf5::check(H5DSset_scale(dataset.get(), name.c_str()), temporary_path,
                "making '" + name + "' a dimension scale");
    write_attributes(dataset.get(), units, long_name, extra);
    hdf5::write_int32_attribute(dataset.get(), "_Netcdf4Dimid",
                                static_cast<std::int32_t>(dimensions.size()), temporary_path);
    dimensions.push_back({name, values.size(), {}});
  }

  void attach_scales(hid_t dataset, const std::string& name, const std::vector<std::string>& dims) {
    for (std::size_t index = 0; index < dims.size(); ++index) {
      hdf5::Dataset scale = open_dataset(dims[index]);
      hdf5::check(H5DSattach_scale(dataset, scale.get(), static_cast<unsigned>(index)),
                  temporary_path, "attaching dimension '" + dims[index] + "' to '" + name + "'");
    }
  }

  template <typename T>
  void add_variable(const std::string& name, const std::vector<std::string>& dims,
                    std::span<const T> data, const std::string& units, const std::string& long_name,
                    const std::vector<Attribute>& extra) {
    require_new_name(name, "variable");
    require_valid_extra(extra);
    std::vector<std::size_t> shape;
    for (const auto& dim : dims) shape.push_back(dimension(dim).size);
    const std::size_t expected =
        std::accumulate(shape.begin(), shape.end(), std::size_t{1}, std::multiplies<>());
    if (data.size() != expected) {
      fail("variable '" + name + "' over " + quoted_list(dims) + " needs " +
           std::to_string(expected) + " values, got " + std::to_string(data.size()));
    }
    hdf5::Dataset dataset = create_dataset(name, hdf5::file_type<T>(), shape, sizeof(T));
    names.insert(name);
    write_values(dataset.get(), data.data(), data.size(), name);
    write_attributes(dataset.get(), units, long_name, extra);
    attach_scales(dataset.get(), name, dims);
    variables.push_back({name, dims});
  }

  void add_labels(const std::string& dimension_name, const std::string& name,
                  const std::vector<std::string>& labels, const std::string& long_name) {
    require_new_name(name, "label variable");
    Dimension& dim = dimension(dimension_name);
    if (labels.size() != dim.size) {
      fail("label variable '" + name + "' needs " + std::to_string(dim.size) + " labels for '" +
           dimension_name + "', got " + std::to_string(labels.size()));
    }
    std::vector<const char*> pointers;
    pointers.reserve(labels.size());
    for (const auto& label : labels) {
      if (label.find('\0') != std::string::npos) {
        fail("a label of '" + name + "' contains a NUL character");
      }
      pointers.push_back(label.c_str());
    }
    // Always UTF-8: names of places are not ASCII (Råde), and ASCII is UTF-8 too.
    const hdf5::Datatype type = hdf5::variable_string_type(true, temporary_path);
    // Variable-length strings are stored contiguously: chunks would compress only pointers.
    hdf5::Dataset dataset = create_dataset(name, type.get(), {labels.size()}, 0);
    names.insert(name);
    if (!pointers.empty()) {
      hdf5::check(
          H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()),
          temporary_path, "writing the labels of '" + name + "'");
    }
    hdf5::write_attribute(dataset.get(), {"long_name", long_name}, temporary_path);
    attach_scales(dataset.get(), name, {dimension_name});
    dim.labels.push_back(name);
  }

  // CF: label variables are auxiliary coordinates of every variable over their dimension, which
  // is what makes xarray show them as coordinates. Written last, when all labels are known.
  void write_coordinates_attributes() {
    for (const auto& variable : variables) {
      std::vector<std::string> labels;
      for (const auto& dim : variable.dims) {
        for (const auto& label : dimension(dim).labels) {
          if (std::find(labels.begin(), labels.end(), label) == labels.end()) {
            labels.push_back(label);
          }
        }
      }
      if (labels.empty()) continue;
      std::string text;
      for (const auto& label : labels) text += (text.empty() ? "" : " ") + label;
      hdf5::Dataset dataset = open_dataset(variable.name);
      hdf5::write_attribute(dataset.get(), {"coordinates", text}, temporary_path);
    }
  }
};

NcWriter::NcWriter(std::filesystem::path final_path, bool overwrite)
    : impl_(std::make_unique<Impl>()) {
  hdf5::silence_error_printing();
  Impl& impl = *impl_;
  impl.final_path = std::move(final_path);
  impl.overwrite = overwrite;
  const std::filesystem::path& target = impl.final_path;
  if (!target.has_filename()) {
    throw OutputError(target.string() + ": a result file needs a file name");
  }
  const std::filesystem::path directory =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    throw OutputError(target.string() + ": directory '" + directory.string() + "' does not exist");
  }
  if (std::filesystem::exists(std::filesystem::symlink_status(target, error))) {
    if (std::filesystem::is_directory(target, error)) {
      throw OutputError(target.string() + ": is a directory");
    }
    if (!overwrite) {
      throw OutputError(target.string() + ": already exists (allow overwriting to replace it)");
    }
  }
  if (::access(directory.c_str(), W_OK | X_OK) != 0) {
    throw OutputError(target.string() + ": directory '" + directory.string() +
                      "' is not writable: " + std::strerror(errno));
  }
  remove_stale_temporaries(target);
  impl.temporary_path = temporary_path_for(target);

  hdf5::PropertyList creation(
      hdf5::check_id(H5Pcreate(H5P_FILE_CREATE), impl.temporary_path, "creating file properties"));
  // netCDF-C lists variables and attributes in creation order and needs the order indexed.
  hdf5::check(H5Pset_link_creation_order(creation.get(), kCreationOrder), impl.temporary_path,
              "tracking link creation order");
  hdf5::check(H5Pset_attr_creation_order(creation.get(), kCreationOrder), impl.temporary_path,
              "tracking attribute creation order");
  hdf5::check(H5Pset_obj_track_times(creation.get(), 0), impl.temporary_path,
              "turning off time stamps");
  hdf5::PropertyList access(hdf5::check_id(H5Pcreate(H5P_FILE_ACCESS), impl.temporary_path,
                                           "creating file access properties"));
  // The 1.8 file format: readable by every netCDF-C and HDF5 since 1.8, and it still allows
  // attributes over 64 KiB (a whole scenario text).
  hdf5::check(H5Pset_libver_bounds(access.get(), H5F_LIBVER_V18, H5F_LIBVER_V18),
              impl.temporary_path, "choosing the file format version");
  // Closing the file fails, rather than silently leaving it open, if an object is still open.
  hdf5::check(H5Pset_fclose_degree(access.get(), H5F_CLOSE_SEMI), impl.temporary_path,
              "setting the close degree");
  impl.file = hdf5::File(hdf5::check_id(
      H5Fcreate(impl.temporary_path.c_str(), H5F_ACC_TRUNC, creation.get(), access.get()),
      impl.temporary_path, "creating the result file"));
  impl.created = true;
}

NcWriter::~NcWriter() = default;
NcWriter::NcWriter(NcWriter&&) noexcept = default;
NcWriter& NcWriter::operator=(NcWriter&&) noexcept = default;

NcWriter::Impl& NcWriter::open_impl(const char* operation) {
  if (!impl_) throw OutputError(std::string(operation) + ": the writer was moved from");
  if (impl_->committed || !impl_->file.valid()) {
    throw OutputError(impl_->final_path.string() + ": " + operation +
                      " after the file was committed or closed");
  }
  hdf5::silence_error_printing();
  return *impl_;
}

void NcWriter::add_dimension(const std::string& name, const std::vector<std::int32_t>& values,
                             const std::string& units, const std::string& long_name,
                             std::vector<Attribute> extra) {
  open_impl("add_dimension").add_dimension(name, values, units, long_name, extra);
}

void NcWriter::add_dimension(const std::string& name, const std::vector<double>& values,
                             const std::string& units, const std::string& long_name,
                             std::vector<Attribute> extra) {
  open_impl("add_dimension").add_dimension(name, values, units, long_name, extra);
}

void NcWriter::add_labels(const std::string& dimension, const std::string& name,
                          const std::vector<std::string>& labels, const std::string& long_name) {
  open_impl("add_labels").add_labels(dimension, name, labels, long_name);
}

void NcWriter::add_variable(const std::string& name, const std::vector<std::string>& dims,
                            std::span<const double> data, const std::string& units,
                            const std::string& long_name, std::vector<Attribute> extra) {
  open_impl("add_variable").add_variable(name, dims, data, units, long_name, extra);
}

void NcWriter::add_variable(const std::string& name, const std::vector<std::string>& dims,
                            std::span<const std::int64_t> data, const std::string& units,
                            const std::string& long_name, std::vector<Attribute> extra) {
  open_impl("add_variable").add_variable(name, dims, data, units, long_name, extra);
}

void NcWriter::add_variable(const std::string& name, const std::vector<std::string>& dims,
                            std::span<const std::int32_t> data, const std::string& units,
                            const std::string& long_name, std::vector<Attribute> extra) {
  open_impl("add_variable").add_variable(name, dims, data, units, long_name, extra);
}

void NcWriter::set_global(const Attribute& attribute) {
  Impl& impl = open_impl("set_global");
  if (const auto problem = global_attribute_problem(attribute.name)) {
    impl.fail("global attribute '" + attribute.name + "': " + *problem);
  }
  hdf5::Group root(hdf5::check_id(H5Gopen2(impl.file.get(), "/", H5P_DEFAULT), impl.temporary_path,
                                  "opening the root group"));
  if (hdf5::has_attribute(root.get(), attribute.name, impl.temporary_path)) {
    hdf5::delete_attribute(root.get(), attribute.name, impl.temporary_path);
  }
  hdf5::write_attribute(root.get(), attribute, impl.temporary_path);
}

const std::filesystem::path& NcWriter::temporary_path() const {
  if (!impl_) throw OutputError("temporary_path: the writer was moved from");
  return impl_->temporary_path;
}

const std::filesystem::path& NcWriter::final_path() const {
  if (!impl_) throw OutputError("final_path: the writer was moved from");
  return impl_->final_path;
}

bool NcWriter::committed() const { return impl_ && impl_->committed; }

void NcWriter::commit() {
  Impl& impl = open_impl("commit");
  impl.write_coordinates_attributes();
  hdf5::check(H5Fflush(impl.file.get(), H5F_SCOPE_GLOBAL), impl.temporary_path,
              "flushing the result file");
  if (!impl.file.close()) hdf5::throw_error(impl.temporary_path, "closing the result file");
  sync_file(impl.temporary_path);
  publish(impl.temporary_path, impl.final_path, impl.overwrite);
  impl.committed = true;
}

}  // namespace kfsim::output
