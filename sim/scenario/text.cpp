#include "sim/scenario/text.hpp"

#include <cstdio>

namespace kfsim::scenario {

std::size_t utf8_sequence_length(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  // The second byte's allowed range rules out overlong forms, surrogates and code points
  // above U+10FFFF (RFC 3629, table 3-7 of the Unicode standard).
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF) return 0;
  }
  return length;
}

std::size_t first_invalid_utf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t length = utf8_sequence_length(text, pos);
    if (length == 0) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

bool is_valid_utf8(std::string_view text) {
  return first_invalid_utf8(text) == std::string_view::npos;
}

std::string printable(std::string_view text, std::size_t max_chars, bool keep_line_breaks) {
  std::string out;
  std::size_t pos = 0;
  std::size_t shown = 0;
  for (; pos < text.size() && shown < max_chars; ++shown) {
    const auto c = static_cast<unsigned char>(text[pos]);
    const std::size_t length = utf8_sequence_length(text, pos);
    if (c == '\n' && keep_line_breaks) {
      out += '\n';
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (length == 0 || c < 0x20 || c == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", static_cast<unsigned>(c));
      out += escaped;
      ++pos;
      continue;
    } else {
      out.append(text.substr(pos, length));
      pos += length;
      continue;
    }
    ++pos;
  }
  if (pos < text.size()) out += "...";
  return out;
}

std::string comment_safe(std::string_view text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto c = static_cast<unsigned char>(text[pos]);
    const std::size_t length = utf8_sequence_length(text, pos);
    if (length == 0 || (c < 0x20 && c != '\t') || c == 0x7F) {
      out += '?';
      ++pos;
    } else {
      out.append(text.substr(pos, length));
      pos += length;
    }
  }
  return out;
}

}  // namespace kfsim::scenario
