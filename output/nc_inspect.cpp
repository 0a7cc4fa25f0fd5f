#include "output/nc_inspect.hpp"

#include <hdf5_hl.h>

#include "output/hdf5_file.hpp"
#include "output/hdf5_handle.hpp"
#include "output/output_error.hpp"

namespace kfsim::output {

namespace {

constexpr unsigned kTrackedAndIndexed = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;

}  // namespace

AttributeLayout inspect_attribute(const std::filesystem::path& path, const std::string& object,
                                  const std::string& attribute) {
  const hdf5::File file = hdf5::open_for_reading(path);
  const hdf5::Object handle = hdf5::open_object(file.get(), object, path);
  const std::string what = "inspecting attribute '" + attribute + "' of '" + object + "'";
  if (!hdf5::check_tri(H5Aexists(handle.get(), attribute.c_str()), path, what)) {
    throw OutputError(path.string() + ": '" + object + "' has no attribute '" + attribute + "'");
  }
  const hdf5::AttributeHandle attr(
      hdf5::check_id(H5Aopen(handle.get(), attribute.c_str(), H5P_DEFAULT), path, what));
  const hdf5::Datatype type(hdf5::check_id(H5Aget_type(attr.get()), path, what));
  const hdf5::Dataspace space(hdf5::check_id(H5Aget_space(attr.get()), path, what));
  AttributeLayout layout;
  layout.null_dataspace = H5Sget_simple_extent_type(space.get()) == H5S_NULL;
  layout.is_string = H5Tget_class(type.get()) == H5T_STRING;
  if (layout.is_string) {
    layout.variable_length = hdf5::check_tri(H5Tis_variable_str(type.get()), path, what);
    layout.utf8 = H5Tget_cset(type.get()) == H5T_CSET_UTF8;
    if (!layout.variable_length) layout.size = H5Tget_size(type.get());
  }
  return layout;
}

bool is_dimension_scale(const std::filesystem::path& path, const std::string& variable) {
  const hdf5::File file = hdf5::open_for_reading(path);
  const hdf5::Dataset dataset = hdf5::open_dataset(file.get(), variable, path);
  return hdf5::check_tri(H5DSis_scale(dataset.get()), path, "checking for a dimension scale");
}

bool is_scale_attached(const std::filesystem::path& path, const std::string& variable,
                       const std::string& dimension, unsigned index) {
  const hdf5::File file = hdf5::open_for_reading(path);
  const hdf5::Dataset dataset = hdf5::open_dataset(file.get(), variable, path);
  const hdf5::Dataset scale = hdf5::open_dataset(file.get(), dimension, path);
  return hdf5::check_tri(H5DSis_attached(dataset.get(), scale.get(), index), path,
                         "checking whether '" + dimension + "' is attached to '" + variable + "'");
}

CreationOrder inspect_creation_order(const std::filesystem::path& path, const std::string& object) {
  const hdf5::File file = hdf5::open_for_reading(path);
  const hdf5::Object handle = hdf5::open_object(file.get(), object, path);
  CreationOrder order;
  unsigned flags = 0;
  if (H5Iget_type(handle.get()) == H5I_GROUP) {
    const hdf5::PropertyList creation(
        hdf5::check_id(H5Gget_create_plist(handle.get()), path, "reading group properties"));
    hdf5::check(H5Pget_link_creation_order(creation.get(), &flags), path,
                "reading link creation order");
    order.links_tracked_and_indexed = (flags & kTrackedAndIndexed) == kTrackedAndIndexed;
    hdf5::check(H5Pget_attr_creation_order(creation.get(), &flags), path,
                "reading attribute creation order");
  } else {
    const hdf5::PropertyList creation(
        hdf5::check_id(H5Dget_create_plist(handle.get()), path, "reading dataset properties"));
    hdf5::check(H5Pget_attr_creation_order(creation.get(), &flags), path,
                "reading attribute creation order");
  }
  order.attributes_tracked_and_indexed = (flags & kTrackedAndIndexed) == kTrackedAndIndexed;
  return order;
}

StorageLayout inspect_storage(const std::filesystem::path& path, const std::string& variable) {
  const hdf5::File file = hdf5::open_for_reading(path);
  const hdf5::Dataset dataset = hdf5::open_dataset(file.get(), variable, path);
  const hdf5::PropertyList creation(
      hdf5::check_id(H5Dget_create_plist(dataset.get()), path, "reading dataset properties"));
  StorageLayout layout;
  layout.chunked = H5Pget_layout(creation.get()) == H5D_CHUNKED;
  if (layout.chunked) {
    std::vector<hsize_t> chunks(32);
    const int rank = H5Pget_chunk(creation.get(), static_cast<int>(chunks.size()), chunks.data());
    if (rank < 0) hdf5::throw_error(path, "reading the chunks of '" + variable + "'");
    layout.chunks.assign(chunks.begin(), chunks.begin() + rank);
  }
  const int filters = H5Pget_nfilters(creation.get());
  for (int i = 0; i < filters; ++i) {
    unsigned flags = 0;
    std::size_t count = 0;
    unsigned config = 0;
    const H5Z_filter_t filter = H5Pget_filter2(creation.get(), static_cast<unsigned>(i), &flags,
                                               &count, nullptr, 0, nullptr, &config);
    layout.shuffle = layout.shuffle || filter == H5Z_FILTER_SHUFFLE;
    layout.deflate = layout.deflate || filter == H5Z_FILTER_DEFLATE;
  }
  return layout;
}

}  // namespace kfsim::output
