#include "output/hdf5_file.hpp"

#include <array>
#include <fstream>

#include "output/output_error.hpp"
#include "sim/files/file_type.hpp"

namespace kfsim::output::hdf5 {

namespace {

bool starts_like_netcdf3(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, 3> magic{};
  return in.read(magic.data(), magic.size()) && magic == std::array<char, 3>{'C', 'D', 'F'};
}

}  // namespace

File open_for_reading(const std::filesystem::path& path) {
  silence_error_printing();
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (!std::filesystem::exists(status)) throw OutputError(path.string() + ": no such file");
  if (std::filesystem::is_directory(status)) {
    throw OutputError(path.string() + ": is a directory, not a result file");
  }
  // A FIFO would block the reader for ever, a device never end.
  if (!std::filesystem::is_regular_file(status)) {
    throw OutputError(path.string() + ": is " + files::kind_of(status.type()) +
                      ", not a result file (a regular HDF5 file)");
  }
  const htri_t is_hdf5 = H5Fis_hdf5(path.c_str());
  if (is_hdf5 < 0) throw_error(path, "reading the file");
  if (is_hdf5 == 0) {
    throw OutputError(path.string() +
                      (starts_like_netcdf3(path)
                           ? ": is a netCDF-3 (classic) file; kfsim reads netCDF-4 (HDF5) files"
                           : ": is not an HDF5 (netCDF-4) file"));
  }
  PropertyList access(check_id(H5Pcreate(H5P_FILE_ACCESS), path, "creating access properties"));
  // Closing the file closes whatever is still open in it.
  check(H5Pset_fclose_degree(access.get(), H5F_CLOSE_STRONG), path, "setting the close degree");
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, access.get());
  if (file < 0) {
    const std::string reason = take_error_message();
    const bool truncated = reason.find("truncated") != std::string::npos;
    throw OutputError(path.string() + ": cannot be opened" +
                      (truncated ? " because it is truncated (incomplete): " : ": ") + reason);
  }
  return File(file);
}

Object open_object(hid_t file, const std::string& name, const std::filesystem::path& path) {
  if (name != "/" &&
      !check_tri(H5Lexists(file, name.c_str(), H5P_DEFAULT), path, "looking up '" + name + "'")) {
    throw OutputError(path.string() + ": has no variable '" + name + "'");
  }
  return Object(check_id(H5Oopen(file, name.c_str(), H5P_DEFAULT), path, "opening '" + name + "'"));
}

Dataset open_dataset(hid_t file, const std::string& name, const std::filesystem::path& path) {
  if (!check_tri(H5Lexists(file, name.c_str(), H5P_DEFAULT), path, "looking up '" + name + "'")) {
    throw OutputError(path.string() + ": has no variable '" + name + "'");
  }
  return Dataset(
      check_id(H5Dopen2(file, name.c_str(), H5P_DEFAULT), path, "opening variable '" + name + "'"));
}

}  // namespace kfsim::output::hdf5
