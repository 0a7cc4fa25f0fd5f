#pragma once
// A small reader for the data tables under scenarios/data/: UTF-8 (validated),
// RFC 4180 CSV (a field in double quotes may hold commas, line breaks and doubled
// quotes), LF or CRLF line ends, '#' lines are comments (where the sources are
// written), one header row. Every error names the file, the line, the column and
// what was expected, since analysts edit these tables by hand (and spreadsheets
// save them in other encodings and line ends).
#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kfsim::data {

class DataError : public std::runtime_error {
 public:
  DataError(const std::filesystem::path& file, int line, const std::string& column,
            const std::string& problem);
  const std::filesystem::path& file() const { return file_; }
  int line() const { return line_; }
  const std::string& column() const { return column_; }

 private:
  std::filesystem::path file_;
  int line_;
  std::string column_;
};

class CsvTable {
 public:
  // Reads and splits the file; checks every row has as many fields as the header
  // and that each `required` column is present.
  static CsvTable read(const std::filesystem::path& file, const std::vector<std::string>& required);
  static CsvTable parse(std::string_view text, const std::filesystem::path& name,
                        const std::vector<std::string>& required);

  std::size_t rows() const { return rows_.size(); }
  const std::filesystem::path& file() const { return file_; }
  int line_of(std::size_t row) const { return lines_[row]; }

  const std::string& text(std::size_t row, const std::string& column) const;
  // Numeric fields; a field that is not a number (or lies outside [min, max]) is
  // a DataError naming file, line and column.
  long long integer(std::size_t row, const std::string& column, long long min, long long max) const;
  double real(std::size_t row, const std::string& column, double min, double max) const;

  [[noreturn]] void fail(std::size_t row, const std::string& column,
                         const std::string& problem) const;

  // What the table declares of itself in a comment line "# kfsim-NAME: VALUE" (such as
  // "# kfsim-date: 2024-01-01", the date of the state a table holds): the value, or nothing.
  struct Declaration {
    std::string value;
    int line = 0;
  };
  std::optional<Declaration> declared(const std::string& name) const;

 private:
  std::size_t column_index(const std::string& column) const;

  std::filesystem::path file_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<int> lines_;
  std::vector<std::pair<std::string, Declaration>> declarations_;
};

}  // namespace kfsim::data
