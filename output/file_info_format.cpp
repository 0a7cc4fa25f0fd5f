// format_file_info: the text of `kfsim info`.
#include <algorithm>
#include <sstream>

#include "output/nc_reader.hpp"
#include "sim/scenario/text.hpp"

namespace kfsim::output {

namespace {

// Values longer than this, or of several lines, go below their name, indented.
constexpr std::size_t kInlineValueWidth = 60;
constexpr const char* kValueIndent = "      ";

// Display width in characters: UTF-8 continuation bytes take no column.
std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Text as it may reach a terminal, whole: control characters (an escape sequence could rewrite
// the screen) and malformed UTF-8 escaped; line breaks kept where `lines` is true.
std::string shown(const std::string& text, bool lines = false) {
  return scenario::printable(text, std::string::npos, lines);
}

void print_attribute(std::ostringstream& out, const std::string& raw_name,
                     const std::string& raw_value) {
  const std::string name = shown(raw_name);
  const std::string value = shown(raw_value, true);
  if (value.find('\n') == std::string::npos && value.size() <= kInlineValueWidth) {
    out << "  " << name << ": " << value << '\n';
    return;
  }
  out << "  " << name << ":\n";
  std::istringstream lines(value);
  for (std::string line; std::getline(lines, line);) {
    out << (line.empty() ? "" : kValueIndent) << line << '\n';
  }
}

// Rows of cells in columns padded to the widest cell, two spaces apart.
void print_table(std::ostringstream& out, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  for (const auto& row : rows) {
    std::string line = " ";
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += " " + row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - display_width(row[c]) + 1, ' ');
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
  }
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : separator) + part;
  return text;
}

std::string shape_text(const std::vector<std::size_t>& shape) {
  std::vector<std::string> sizes;
  for (const auto size : shape) sizes.push_back(std::to_string(size));
  return "[" + joined(sizes, " x ") + "]";
}

std::string range_text(const VariableInfo& variable) {
  if (variable.first_value.empty() && variable.last_value.empty()) return "";
  return variable.first_value + " .. " + variable.last_value;
}

}  // namespace

std::string format_file_info(const FileInfo& info) {
  std::ostringstream out;
  out << "Global attributes (" << info.global_attributes.size() << "):\n";
  for (const auto& [name, value] : info.global_attributes) print_attribute(out, name, value);

  out << "\nDimensions (" << info.dimensions.size() << "):\n";
  std::vector<std::vector<std::string>> rows = {
      {"name", "size", "type", "first .. last", "units", "long_name"}};
  for (const auto& dimension : info.dimensions) {
    const std::size_t size = dimension.shape.empty() ? 0 : dimension.shape.front();
    rows.push_back({shown(dimension.name), std::to_string(size), dimension.dtype,
                    shown(range_text(dimension)), shown(dimension.units),
                    shown(dimension.long_name)});
  }
  print_table(out, rows);

  out << "\nVariables (" << info.variables.size() << "):\n";
  rows = {{"name(dimensions)", "shape", "type", "units", "long_name"}};
  for (const auto& variable : info.variables) {
    rows.push_back({shown(variable.name + "(" + joined(variable.dims, ", ") + ")"),
                    shape_text(variable.shape), variable.dtype, shown(variable.units),
                    shown(variable.long_name)});
  }
  print_table(out, rows);
  return out.str();
}

}  // namespace kfsim::output
