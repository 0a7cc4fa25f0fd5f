#include "models/data/csv_table.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace kfsim::data {

namespace {

// Data tables are small (the largest is ~3 MB); anything far larger is not one.
constexpr std::uintmax_t kMaxTableBytes = 64ull << 20;

std::string location(const std::filesystem::path& file, int line, const std::string& column) {
  std::string where = file.string();
  if (line > 0) where += ":" + std::to_string(line);
  if (!column.empty()) where += ": column '" + column + "'";
  return where;
}

std::vector<std::string> split(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    fields.emplace_back(line.substr(start, comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  for (auto& f : fields) {
    while (!f.empty() && (f.back() == ' ' || f.back() == '\r')) f.pop_back();
    while (!f.empty() && f.front() == ' ') f.erase(f.begin());
  }
  return fields;
}

}  // namespace

DataError::DataError(const std::filesystem::path& file, int line, const std::string& column,
                     const std::string& problem)
    : std::runtime_error(location(file, line, column) + ": " + problem),
      file_(file),
      line_(line),
      column_(column) {}

CsvTable CsvTable::read(const std::filesystem::path& file,
                        const std::vector<std::string>& required) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    throw DataError(file, 0, "", "data file does not exist or is not a regular file");
  }
  const auto bytes = std::filesystem::file_size(file, ec);
  if (ec || bytes > kMaxTableBytes) {
    throw DataError(file, 0, "", "data file is larger than 64 MiB; expected a small CSV table");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw DataError(file, 0, "", "cannot open data file for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse(buffer.str(), file, required);
}

CsvTable CsvTable::parse(std::string_view text, const std::filesystem::path& name,
                         const std::vector<std::string>& required) {
  CsvTable table;
  table.file_ = name;
  int line_number = 0;
  std::size_t pos = 0;
  bool have_header = false;
  // Spreadsheets often save UTF-8 with a byte order mark, which would stick to the first column.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (text.find('\0') != std::string_view::npos) {
    throw DataError(name, 0, "", "file contains NUL bytes; expected a UTF-8 CSV text table");
  }
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    auto fields = split(line);
    if (!have_header) {
      // A column named twice would be read from its first place only.
      for (std::size_t i = 0; i < fields.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (fields[i] == fields[j]) {
            throw DataError(name, line_number, fields[i],
                            "column named twice in the header; expected each column once");
          }
        }
      }
      table.header_ = std::move(fields);
      have_header = true;
      continue;
    }
    if (fields.size() != table.header_.size()) {
      throw DataError(name, line_number, "",
                      "row has " + std::to_string(fields.size()) + " fields; expected " +
                          std::to_string(table.header_.size()) + " as in the header");
    }
    table.rows_.push_back(std::move(fields));
    table.lines_.push_back(line_number);
  }
  if (!have_header) throw DataError(name, 0, "", "no header row; expected a CSV table");
  for (const auto& column : required) {
    bool found = false;
    for (const auto& h : table.header_) found = found || h == column;
    if (!found) throw DataError(name, 0, column, "required column is missing from the header");
  }
  if (table.rows_.empty()) throw DataError(name, 0, "", "table has a header but no data rows");
  return table;
}

std::size_t CsvTable::column_index(const std::string& column) const {
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == column) return i;
  }
  throw DataError(file_, 0, column, "no such column");
}

const std::string& CsvTable::text(std::size_t row, const std::string& column) const {
  return rows_.at(row)[column_index(column)];
}

void CsvTable::fail(std::size_t row, const std::string& column, const std::string& problem) const {
  throw DataError(file_, lines_.at(row), column, problem);
}

long long CsvTable::integer(std::size_t row, const std::string& column, long long min,
                            long long max) const {
  const std::string& field = text(row, column);
  long long value = 0;
  const auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (ec != std::errc{} || ptr != field.data() + field.size()) {
    fail(row, column, "'" + field + "' is not an integer");
  }
  if (value < min || value > max) {
    fail(row, column,
         std::to_string(value) + " is out of range; expected an integer in [" +
             std::to_string(min) + ", " + std::to_string(max) + "]");
  }
  return value;
}

double CsvTable::real(std::size_t row, const std::string& column, double min, double max) const {
  const std::string& field = text(row, column);
  double value = 0;
  const auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (ec != std::errc{} || ptr != field.data() + field.size() || !std::isfinite(value)) {
    fail(row, column, "'" + field + "' is not a finite number");
  }
  if (value < min || value > max) {
    std::ostringstream expected;
    expected << field << " is out of range; expected a number in [" << min << ", " << max << "]";
    fail(row, column, expected.str());
  }
  return value;
}

}  // namespace kfsim::data
