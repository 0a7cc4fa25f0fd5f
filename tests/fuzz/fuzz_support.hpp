#pragma once
// Shared by the data-table fuzz targets: a private scratch folder for the table under test, the
// baseline's tables, and splitting an input into the name of the table it replaces and its text.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kfsim::fuzz {

inline const std::filesystem::path kData = KFSIM_SOURCE_DIR "/scenarios/data";

// A folder of its own for this process, removed at exit.
inline const std::filesystem::path& scratch() {
  static const std::filesystem::path folder = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "kfsim-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    std::atexit([] { std::filesystem::remove_all(scratch()); });
    return std::filesystem::path(pattern);
  }();
  return folder;
}

// Writes the text as the file `name` in the scratch folder and returns its path.
inline std::filesystem::path write_table(const std::string& name, std::string_view text) {
  const auto path = scratch() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return path;
}

// An input is "TABLE\nCSV TEXT": the first line picks which of `tables` the text replaces. An
// unknown first line picks by its first byte, so that every input exercises some reader.
struct Split {
  std::size_t table;
  std::string_view text;
};

inline Split split_input(const std::uint8_t* data, std::size_t size,
                         const std::vector<std::string>& tables) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string_view first = input.substr(0, newline);
  const std::string_view rest =
      newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (first == tables[i]) return {i, rest};
  }
  return {size == 0 ? 0 : data[0] % tables.size(), rest};
}

}  // namespace kfsim::fuzz
