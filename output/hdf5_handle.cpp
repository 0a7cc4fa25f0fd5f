#include "output/hdf5_handle.hpp"

#include "output/output_error.hpp"

namespace kfsim::output::hdf5 {

namespace {

// No clean-up of the library at exit: after a failed write (disk full, a file-size limit)
// HDF5 1.10 cannot close the file, and its exit handler then crashes closing it again. The
// writer removes its temporary file; the operating system frees the rest. H5dont_atexit must
// come before any other HDF5 call, hence a static initialiser of this library.
const bool g_no_exit_handler = [] {
  H5dont_atexit();
  return true;
}();

}  // namespace

void silence_error_printing() noexcept { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

namespace {

// Walking upward starts at the function where the error was detected, whose description is the
// one that says why (a missing signature, a truncated file, errno's text).
herr_t keep_innermost(unsigned position, const H5E_error2_t* error, void* message) {
  if (position == 0 && error != nullptr && error->desc != nullptr) {
    *static_cast<std::string*>(message) = error->desc;
  }
  return 0;
}

}  // namespace

std::string take_error_message() {
  std::string message;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, keep_innermost, &message);
  H5Eclear2(H5E_DEFAULT);
  // A failed system call is described at length (time, descriptor, offsets, ...) with the
  // operating system's words inside: "..., error message = 'No space left on device', ...".
  const std::string marker = "error message = '";
  if (const auto at = message.find(marker); at != std::string::npos) {
    const auto begin = at + marker.size();
    const auto end = message.find('\'', begin);
    if (end != std::string::npos) {
      const auto call = message.substr(0, message.find(':'));
      message = call + ": " + message.substr(begin, end - begin);
    }
  }
  return message;
}

void throw_error(const std::filesystem::path& file, std::string_view what) {
  std::string message = file.string() + ": " + std::string(what) + " failed";
  const std::string reason = take_error_message();
  if (!reason.empty()) message += ": " + reason;
  throw OutputError(message);
}

}  // namespace kfsim::output::hdf5
