#pragma once
// Opening an existing file for reading, with a clear reason when it is missing, not HDF5 (a
// netCDF-3 file, say) or truncated. Internal to kfsim_output.
#include <filesystem>
#include <string>

#include "output/hdf5_handle.hpp"

namespace kfsim::output::hdf5 {

File open_for_reading(const std::filesystem::path& path);

// An object (the root group "/" or a dataset) by name, with "no '<name>' in the file" when the
// name does not exist.
Object open_object(hid_t file, const std::string& name, const std::filesystem::path& path);
Dataset open_dataset(hid_t file, const std::string& name, const std::filesystem::path& path);

}  // namespace kfsim::output::hdf5
