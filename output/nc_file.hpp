#pragma once
// Writing a result file: HDF5 laid out as netCDF-4, so that xarray (h5netcdf or netCDF4
// engines), R's ncdf4 and netCDF-C tools read named dimensions, coordinates, labels and CF
// attributes without options.
//
// Layout: every dimension is a 1-D coordinate variable made an HDF5 dimension scale with
// `_Netcdf4Dimid`; categorical dimensions hold integer codes and get a string label variable
// (e.g. municipality_name(municipality)); every data variable has the scales of its dimensions
// attached, `units` and `long_name`, and a CF `coordinates` attribute naming the label variables
// of its dimensions. Creation order of links and attributes is tracked, as netCDF-C requires.
//
// HDF5 is called from one thread at a time: write (and read) result files from one thread.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "output/attribute.hpp"
#include "output/output_error.hpp"

namespace kfsim::output {

// A result file being written: under a temporary name in the target directory until commit()
// renames it onto the final path, so that an interrupted run never leaves a file that looks
// complete. Every method throws OutputError naming the file and what failed.
class NcWriter {
 public:
  // Refuses when final_path exists and !overwrite, or when its directory does not exist or is
  // not writable. Creates "." + filename + ".partial-<pid>" next to it.
  NcWriter(std::filesystem::path final_path, bool overwrite);
  // Without commit(): closes and removes the temporary file. Never throws.
  ~NcWriter();
  NcWriter(NcWriter&&) noexcept;
  NcWriter& operator=(NcWriter&&) noexcept;
  NcWriter(const NcWriter&) = delete;
  NcWriter& operator=(const NcWriter&) = delete;

  // A dimension and its coordinate variable of the same name: integer values for categories
  // (codes such as municipality numbers 3101, ...) and counters, reals for continuous axes.
  void add_dimension(const std::string& name, const std::vector<std::int32_t>& values,
                     const std::string& units, const std::string& long_name,
                     std::vector<Attribute> extra = {});
  void add_dimension(const std::string& name, const std::vector<double>& values,
                     const std::string& units, const std::string& long_name,
                     std::vector<Attribute> extra = {});

  // A text label for each value of a categorical dimension (UTF-8, e.g. "Råde"), stored as
  // variable-length strings in `name(dimension)`.
  void add_labels(const std::string& dimension, const std::string& name,
                  const std::vector<std::string>& labels, const std::string& long_name);

  // A data variable over `dims` (rank 0 and up). `data` is row-major with the shape given by the
  // sizes of `dims` in order. Throws, writing nothing, if a dimension is unknown or the number
  // of values does not match.
  void add_variable(const std::string& name, const std::vector<std::string>& dims,
                    std::span<const double> data, const std::string& units,
                    const std::string& long_name, std::vector<Attribute> extra = {});
  void add_variable(const std::string& name, const std::vector<std::string>& dims,
                    std::span<const std::int64_t> data, const std::string& units,
                    const std::string& long_name, std::vector<Attribute> extra = {});
  void add_variable(const std::string& name, const std::vector<std::string>& dims,
                    std::span<const std::int32_t> data, const std::string& units,
                    const std::string& long_name, std::vector<Attribute> extra = {});

  // A global attribute; setting a name again replaces the value.
  void set_global(const Attribute& attribute);

  const std::filesystem::path& temporary_path() const;
  const std::filesystem::path& final_path() const;
  bool committed() const;

  // Flushes and closes the file, syncs it to disk and renames it onto the final path (atomic on
  // POSIX). Without overwrite, a final file that appeared meanwhile is not replaced (throws).
  // Afterwards the writer accepts nothing more and its destructor does nothing.
  void commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  Impl& open_impl(const char* operation);
};

}  // namespace kfsim::output
