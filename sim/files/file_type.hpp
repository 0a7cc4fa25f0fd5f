#pragma once
// What kind of file a path is, for the rule that every input is a regular file:
// a FIFO without a writer blocks its reader for ever, and a device never ends.
#include <filesystem>
#include <optional>
#include <string>

namespace kfsim::files {

// "a directory", "a FIFO", "a character device", ... for a type that is not a
// regular file.
const char* kind_of(std::filesystem::file_type type);

// Why `path` (through links) cannot be read as an input: it does not exist or is
// not a regular file, said as "PATH is a FIFO"; nothing when it can be.
std::optional<std::string> input_refusal(const std::filesystem::path& path);

}  // namespace kfsim::files
