#include "sim/files/file_type.hpp"

#include <system_error>

namespace kfsim::files {

const char* kind_of(std::filesystem::file_type type) {
  namespace fs = std::filesystem;
  switch (type) {
    case fs::file_type::directory:
      return "a directory";
    case fs::file_type::character:
      return "a character device";
    case fs::file_type::block:
      return "a block device";
    case fs::file_type::fifo:
      return "a FIFO (named pipe)";
    case fs::file_type::socket:
      return "a socket";
    case fs::file_type::not_found:
      return "not found";
    default:
      return "not a regular file";
  }
}

std::optional<std::string> input_refusal(const std::filesystem::path& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (std::filesystem::is_regular_file(status)) return std::nullopt;
  if (!std::filesystem::exists(status)) return path.string() + " does not exist";
  return path.string() + " is " + kind_of(status.type());
}

}  // namespace kfsim::files
