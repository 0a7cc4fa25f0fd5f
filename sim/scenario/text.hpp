#pragma once
// Text utilities for messages. Scenario files and --set arguments are user input: whatever
// bytes they hold, a message about them must stay one readable line of valid UTF-8.
#include <cstddef>
#include <string>
#include <string_view>

namespace kfsim::scenario {

// Length of the well-formed UTF-8 sequence starting at text[pos], or 0 when it is malformed
// (overlong, surrogate, beyond U+10FFFF or cut short).
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos);

bool is_valid_utf8(std::string_view text);

// The offset of the first byte that does not begin a well-formed UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view text);

// The text for a one-line message: control characters and malformed bytes escaped (\n, \xNN),
// and cut to about max_chars with "..." so a megabyte of garbage does not become the message.
// With `keep_line_breaks`, a line feed stays as it is (text printed over several lines).
std::string printable(std::string_view text, std::size_t max_chars = 80,
                      bool keep_line_breaks = false);

// The text for a TOML comment, which may hold neither control characters nor malformed UTF-8:
// each offending byte becomes '?'.
std::string comment_safe(std::string_view text);

}  // namespace kfsim::scenario
