#pragma once
// The municipalities of Østfold (county 31 from 2024) as loaded from
// scenarios/data/municipalities.csv; their order is the order of the
// `municipality` dimension in result files.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kfsim {

struct Municipalities {
  std::vector<std::int32_t> codes;
  std::vector<std::string> names;

  std::size_t size() const { return codes.size(); }
  std::optional<std::size_t> index_of(std::int32_t code) const;
};

Municipalities load_municipalities(const std::filesystem::path& file);

}  // namespace kfsim
