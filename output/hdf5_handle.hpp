#pragma once
// Owning wrappers for HDF5 identifiers, and checked calls that turn HDF5 failures into
// OutputError. Internal to kfsim_output: this header includes hdf5.h, which only the library's
// own sources see.
#include <hdf5.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

namespace kfsim::output::hdf5 {

// Stops HDF5 from printing its error stack to stderr; failures are reported as exceptions
// instead. The setting belongs to the calling thread's error stack, so every entry point of the
// library calls this (it is cheap).
void silence_error_printing() noexcept;

// The most specific message on the calling thread's HDF5 error stack (empty if there is none),
// and the stack cleared, so that a later failure does not report an old cause.
std::string take_error_message();

// Throws OutputError "<file>: <what> failed: <HDF5's reason>".
[[noreturn]] void throw_error(const std::filesystem::path& file, std::string_view what);

inline hid_t check_id(hid_t id, const std::filesystem::path& file, std::string_view what) {
  if (id < 0) throw_error(file, what);
  return id;
}

inline void check(herr_t status, const std::filesystem::path& file, std::string_view what) {
  if (status < 0) throw_error(file, what);
}

inline bool check_tri(htri_t value, const std::filesystem::path& file, std::string_view what) {
  if (value < 0) throw_error(file, what);
  return value > 0;
}

// One HDF5 identifier, closed with Close when the handle goes. Move-only.
template <herr_t (*Close)(hid_t)>
class Handle {
 public:
  Handle() noexcept = default;
  explicit Handle(hid_t id) noexcept : id_(id) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
    }
    return *this;
  }
  ~Handle() { reset(); }

  hid_t get() const noexcept { return id_; }
  bool valid() const noexcept { return id_ >= 0; }

  // Closes now and says whether HDF5 reported success; the file's close is where buffered data
  // reach the disk, so NcWriter::commit must know.
  bool close() noexcept {
    if (id_ < 0) return true;
    return Close(std::exchange(id_, H5I_INVALID_HID)) >= 0;
  }
  // Closes, ignoring failure: for destructors and abandoned files.
  void reset() noexcept {
    if (id_ >= 0) static_cast<void>(Close(std::exchange(id_, H5I_INVALID_HID)));
  }

 private:
  hid_t id_ = H5I_INVALID_HID;
};

using File = Handle<H5Fclose>;
using Group = Handle<H5Gclose>;
using Dataset = Handle<H5Dclose>;
using Dataspace = Handle<H5Sclose>;
using Datatype = Handle<H5Tclose>;
using AttributeHandle = Handle<H5Aclose>;
using PropertyList = Handle<H5Pclose>;
using Object = Handle<H5Oclose>;

}  // namespace kfsim::output::hdf5
