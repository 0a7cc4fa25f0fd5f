#pragma once
// A guard run before toml++ sees a file. toml++ 3.3 builds the tables of a dotted key or
// header recursively and overflows the stack on keys some ten thousand levels deep (a
// 200 kB line of ".a"), which would crash the program instead of reporting an error.
#include <cstddef>
#include <optional>
#include <string_view>

namespace kfsim::scenario {

// Far beyond any real scenario key, far below the depth that overflows the stack.
inline constexpr std::size_t kMaxDotsPerLine = 256;

struct TextPosition {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in bytes
};

// The position of the first '.' beyond max_dots on one line, counting only dots outside
// strings and comments; nullopt when no line has that many. Every level of table nesting
// comes from such a dot, a bracket (toml++ caps those at 256) or a header on an earlier line
// (itself capped), so this bounds the depth toml++ will recurse to.
std::optional<TextPosition> find_overly_nested_line(std::string_view text,
                                                    std::size_t max_dots = kMaxDotsPerLine);

}  // namespace kfsim::scenario
