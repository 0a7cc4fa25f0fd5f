#include "output/hdf5_handle.hpp"

#include "output/output_error.hpp"

namespace kfsim::output::hdf5 {

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
  return message;
}

void throw_error(const std::filesystem::path& file, std::string_view what) {
  std::string message = file.string() + ": " + std::string(what) + " failed";
  const std::string reason = take_error_message();
  if (!reason.empty()) message += ": " + reason;
  throw OutputError(message);
}

}  // namespace kfsim::output::hdf5
