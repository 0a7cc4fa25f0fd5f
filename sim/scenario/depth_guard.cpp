#include "sim/scenario/depth_guard.hpp"

#include <limits>

namespace kfsim::scenario {
namespace {

enum class State { Code, Comment, Basic, Literal, MultiBasic, MultiLiteral };

bool starts_with(std::string_view text, std::size_t pos, std::string_view prefix) {
  return text.substr(pos, prefix.size()) == prefix;
}

int clamp_to_int(std::size_t value) {
  constexpr auto kMax = static_cast<std::size_t>(std::numeric_limits<int>::max());
  return static_cast<int>(value > kMax ? kMax : value);
}

}  // namespace

std::optional<TextPosition> find_overly_nested_line(std::string_view text, std::size_t max_dots) {
  State state = State::Code;
  std::size_t line = 1;
  std::size_t line_start = 0;
  std::size_t dots = 0;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '\n') {
      ++line;
      line_start = pos + 1;
      dots = 0;
      // Single-line strings and comments end with the line; TOML rejects the former anyway.
      if (state == State::Comment || state == State::Basic || state == State::Literal) {
        state = State::Code;
      }
      continue;
    }
    switch (state) {
      case State::Code:
        if (c == '.') {
          if (++dots > max_dots) {
            return TextPosition{clamp_to_int(line), clamp_to_int(pos - line_start + 1)};
          }
        } else if (c == '#') {
          state = State::Comment;
        } else if (starts_with(text, pos, "\"\"\"")) {
          state = State::MultiBasic;
          pos += 2;
        } else if (starts_with(text, pos, "'''")) {
          state = State::MultiLiteral;
          pos += 2;
        } else if (c == '"') {
          state = State::Basic;
        } else if (c == '\'') {
          state = State::Literal;
        }
        break;
      case State::Comment:
        break;
      case State::Basic:
        if (c == '\\') {
          // Skip the escaped character, unless it is the newline the loop must count.
          if (pos + 1 < text.size() && text[pos + 1] != '\n') ++pos;
        } else if (c == '"') {
          state = State::Code;
        }
        break;
      case State::Literal:
        if (c == '\'') state = State::Code;
        break;
      case State::MultiBasic:
        if (c == '\\') {
          if (pos + 1 < text.size() && text[pos + 1] != '\n') ++pos;
        } else if (starts_with(text, pos, "\"\"\"")) {
          state = State::Code;
          pos += 2;
        }
        break;
      case State::MultiLiteral:
        if (starts_with(text, pos, "'''")) {
          state = State::Code;
          pos += 2;
        }
        break;
    }
  }
  return std::nullopt;
}

}  // namespace kfsim::scenario
