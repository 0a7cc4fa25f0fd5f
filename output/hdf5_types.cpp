#include "output/hdf5_types.hpp"

#include <algorithm>

#include "output/output_error.hpp"

namespace kfsim::output::hdf5 {

bool is_ascii(std::string_view text) noexcept {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

Datatype fixed_string_type(std::size_t size, bool utf8, const std::filesystem::path& file) {
  Datatype type(check_id(H5Tcopy(H5T_C_S1), file, "copying the string type"));
  check(H5Tset_size(type.get(), std::max<std::size_t>(size, 1)), file, "sizing a string type");
  check(H5Tset_strpad(type.get(), H5T_STR_NULLTERM), file, "setting string padding");
  check(H5Tset_cset(type.get(), utf8 ? H5T_CSET_UTF8 : H5T_CSET_ASCII), file,
        "setting a string character set");
  return type;
}

Datatype variable_string_type(bool utf8, const std::filesystem::path& file) {
  Datatype type(check_id(H5Tcopy(H5T_C_S1), file, "copying the string type"));
  check(H5Tset_size(type.get(), H5T_VARIABLE), file, "making a variable-length string type");
  check(H5Tset_cset(type.get(), utf8 ? H5T_CSET_UTF8 : H5T_CSET_ASCII), file,
        "setting a string character set");
  return type;
}

std::string dtype_name(hid_t type) {
  const std::size_t bits = 8 * H5Tget_size(type);
  switch (H5Tget_class(type)) {
    case H5T_INTEGER:
      return (H5Tget_sign(type) == H5T_SGN_NONE ? "uint" : "int") + std::to_string(bits);
    case H5T_FLOAT:
      return "float" + std::to_string(bits);
    case H5T_STRING:
      return "string";
    case H5T_ENUM:
      return "enum";
    case H5T_COMPOUND:
      return "compound";
    default:
      return "other";
  }
}

void check_readable_size(std::size_t count, std::size_t bytes_each, std::uint64_t stored,
                         const std::filesystem::path& file, std::string_view what) {
  constexpr std::uint64_t kMaxCompression = 1032;
  constexpr std::uint64_t kAlwaysReadable = 1ull << 20;
  std::error_code error;
  const auto file_size = std::filesystem::file_size(file, error);
  if (!error) stored = std::min<std::uint64_t>(stored, file_size);
  const std::uint64_t limit = std::max(kAlwaysReadable, kMaxCompression * stored);
  const bool too_many = count > limit / std::max<std::size_t>(bytes_each, 1);
  if (too_many) {
    throw OutputError(file.string() + ": " + std::string(what) + " declares " +
                      std::to_string(count) + " values, more than the file's " +
                      std::to_string(stored) +
                      " stored bytes can hold; the file is damaged or not a result file");
  }
}

std::size_t element_count(hid_t space, const std::filesystem::path& file) {
  const hssize_t count = H5Sget_simple_extent_npoints(space);
  if (count < 0) throw_error(file, "counting the elements of a dataspace");
  return static_cast<std::size_t>(count);
}

std::vector<std::size_t> extent(hid_t space, const std::filesystem::path& file) {
  const int rank = H5Sget_simple_extent_ndims(space);
  if (rank < 0) throw_error(file, "reading the rank of a dataspace");
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  if (rank > 0) {
    check(H5Sget_simple_extent_dims(space, dims.data(), nullptr), file,
          "reading the extent of a dataspace");
  }
  return {dims.begin(), dims.end()};
}

namespace {

std::vector<std::string> read_variable_length(hid_t type, hid_t space, std::size_t count,
                                              const std::function<herr_t(hid_t, void*)>& read,
                                              const std::filesystem::path& file,
                                              std::string_view what) {
  // Read in the stored character set: HDF5 does not convert between ASCII and UTF-8.
  Datatype memory = variable_string_type(H5Tget_cset(type) == H5T_CSET_UTF8, file);
  std::vector<char*> pointers(count, nullptr);
  const herr_t status = read(memory.get(), pointers.data());
  if (status < 0) {
    // A read that failed part way may have allocated some strings already.
    H5Dvlen_reclaim(memory.get(), space, H5P_DEFAULT, pointers.data());
    check(status, file, what);
  }
  std::vector<std::string> strings;
  strings.reserve(count);
  for (const char* p : pointers) strings.emplace_back(p == nullptr ? "" : p);
  H5Dvlen_reclaim(memory.get(), space, H5P_DEFAULT, pointers.data());
  return strings;
}

std::vector<std::string> read_fixed_length(hid_t type, std::size_t count,
                                           const std::function<herr_t(hid_t, void*)>& read,
                                           const std::filesystem::path& file,
                                           std::string_view what) {
  // The stored type itself as the memory type, so that nothing is converted or cut.
  Datatype memory(check_id(H5Tcopy(type), file, "copying a string type"));
  const std::size_t size = H5Tget_size(type);
  const bool space_padded = H5Tget_strpad(type) == H5T_STR_SPACEPAD;
  std::vector<char> buffer(size * count);
  check(read(memory.get(), buffer.data()), file, what);
  std::vector<std::string> strings;
  strings.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const char* begin = buffer.data() + i * size;
    std::string_view text(begin, size);
    text = text.substr(0, std::min(text.find('\0'), text.size()));
    if (space_padded) {
      const auto last = text.find_last_not_of(' ');
      text = text.substr(0, last == std::string_view::npos ? 0 : last + 1);
    }
    strings.emplace_back(text);
  }
  return strings;
}

}  // namespace

std::vector<std::string> read_strings(hid_t type, hid_t space,
                                      const std::function<herr_t(hid_t, void*)>& read,
                                      const std::filesystem::path& file, std::string_view what) {
  const std::size_t count = element_count(space, file);
  if (count == 0) {
    // A null dataspace is how netCDF stores an empty text attribute: one empty string.
    return H5Sget_simple_extent_type(space) == H5S_NULL ? std::vector<std::string>{""}
                                                        : std::vector<std::string>{};
  }
  const bool variable = check_tri(H5Tis_variable_str(type), file, "inspecting a string type");
  return variable ? read_variable_length(type, space, count, read, file, what)
                  : read_fixed_length(type, count, read, file, what);
}

}  // namespace kfsim::output::hdf5
