#include "models/data/csv_table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "sim/files/file_type.hpp"
#include "sim/scenario/text.hpp"

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

void trim_spaces(std::string& field) {
  while (!field.empty() && field.back() == ' ') field.pop_back();
  std::size_t first = 0;
  while (first < field.size() && field[first] == ' ') ++first;
  field.erase(0, first);
}

// The line (1-based) of byte `offset`.
int line_at(std::string_view text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(),
                                         text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// One record of the table: its fields and the line it starts on.
struct Record {
  std::vector<std::string> fields;
  int line = 0;
};

constexpr std::string_view kDeclaration = "# kfsim-";

// Splits RFC 4180 CSV text into records: fields separated by commas, records by LF or
// CRLF; a field in double quotes may hold commas, line breaks and doubled quotes ("").
// Spaces around a field are dropped. A line that starts with '#' is a comment, an empty
// line is skipped.
std::vector<Record> split_records(
    std::string_view text, const std::filesystem::path& name,
    std::vector<std::pair<std::string, CsvTable::Declaration>>& declarations) {
  std::vector<Record> records;
  std::size_t pos = 0;
  int line = 1;
  while (pos < text.size()) {
    const char first = text[pos];
    if (first == '#' || first == '\n' ||
        (first == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n')) {
      const std::size_t end = text.find('\n', pos);
      std::string_view comment = text.substr(pos, end - pos);
      if (comment.starts_with(kDeclaration)) {
        comment.remove_prefix(kDeclaration.size());
        const std::size_t colon = comment.find(':');
        std::string value(
            comment.substr(colon == std::string_view::npos ? comment.size() : colon + 1));
        if (!value.empty() && value.back() == '\r') value.pop_back();
        trim_spaces(value);
        declarations.emplace_back(std::string(comment.substr(0, colon)),
                                  CsvTable::Declaration{value, line});
      }
      pos = end == std::string_view::npos ? text.size() : end + 1;
      ++line;
      continue;
    }
    Record record;
    record.line = line;
    std::string field;
    bool quoted = false;  // the field began with a quote
    bool closed = false;  // ... and its closing quote has been read
    while (true) {
      if (pos >= text.size()) {
        if (quoted && !closed) {
          throw DataError(name, record.line, "",
                          "a quoted field is not closed by the end of the file; expected a "
                          "closing double quote (RFC 4180)");
        }
        // The last line, without a line feed at the end of the file.
        if (!quoted) trim_spaces(field);
        record.fields.push_back(std::move(field));
        break;
      }
      const char c = text[pos++];
      if (quoted && !closed) {
        if (c == '"') {
          if (pos < text.size() && text[pos] == '"') {
            field += '"';
            ++pos;
          } else {
            closed = true;
          }
        } else {
          if (c == '\n') ++line;
          field += c;
        }
        continue;
      }
      if (c == ',' || c == '\n' || (c == '\r' && pos < text.size() && text[pos] == '\n')) {
        if (!quoted) trim_spaces(field);
        record.fields.push_back(std::move(field));
        field.clear();
        quoted = closed = false;
        if (c == ',') continue;
        if (c == '\r') ++pos;
        ++line;
        break;
      }
      if (closed) {
        if (c == ' ') continue;
        throw DataError(name, line, "",
                        std::string("'") + c +
                            "' after a closing double quote; expected a comma or the end of the "
                            "line (RFC 4180)");
      }
      if (c == '"') {
        bool blank = true;
        for (char f : field) blank = blank && f == ' ';
        if (!blank) {
          throw DataError(name, line, "",
                          "a double quote inside an unquoted field; expected the whole field in "
                          "double quotes with its quotes doubled (RFC 4180)");
        }
        field.clear();
        quoted = true;
        continue;
      }
      field += c;
    }
    records.push_back(std::move(record));
  }
  return records;
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
  const auto status = std::filesystem::status(file, ec);
  if (!std::filesystem::exists(status)) {
    throw DataError(file, 0, "", "data file does not exist; expected a CSV table there");
  }
  if (!std::filesystem::is_regular_file(status)) {
    throw DataError(file, 0, "",
                    std::string("data file is ") + files::kind_of(status.type()) +
                        "; expected a regular file holding a CSV table");
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
  bool have_header = false;
  // Spreadsheets often save UTF-8 with a byte order mark, which would stick to the first column.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (text.find('\0') != std::string_view::npos) {
    throw DataError(name, 0, "", "file contains NUL bytes; expected a UTF-8 CSV text table");
  }
  const std::size_t bad = scenario::first_invalid_utf8(text);
  if (bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    throw DataError(name, line_at(text, bad), "",
                    std::string("byte ") + byte +
                        " is not valid UTF-8 (a table saved as Latin-1 or Windows-1252?); "
                        "expected a UTF-8 text table");
  }
  // Line ends of a single carriage return (old Mac files) would make the whole file one
  // line; named by the line they end.
  for (std::size_t cr = text.find('\r'); cr != std::string_view::npos;
       cr = text.find('\r', cr + 1)) {
    if (cr + 1 < text.size() && text[cr + 1] == '\n') continue;
    throw DataError(name, line_at(text, cr), "",
                    "a carriage return without a line feed ends this line (old Mac line "
                    "ends); expected LF or CRLF line ends");
  }
  for (auto& record : split_records(text, name, table.declarations_)) {
    auto& fields = record.fields;
    if (!have_header) {
      // A column named twice would be read from its first place only.
      for (std::size_t i = 0; i < fields.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (fields[i] == fields[j]) {
            throw DataError(name, record.line, fields[i],
                            "column named twice in the header; expected each column once");
          }
        }
      }
      table.header_ = std::move(fields);
      have_header = true;
      continue;
    }
    if (fields.size() != table.header_.size()) {
      throw DataError(name, record.line, "",
                      "row has " + std::to_string(fields.size()) + " fields; expected " +
                          std::to_string(table.header_.size()) + " as in the header");
    }
    table.rows_.push_back(std::move(fields));
    table.lines_.push_back(record.line);
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

std::optional<CsvTable::Declaration> CsvTable::declared(const std::string& name) const {
  for (const auto& [key, declaration] : declarations_) {
    if (key == name) return declaration;
  }
  return std::nullopt;
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
