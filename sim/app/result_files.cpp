#include "sim/app/result_files.hpp"

#include "sim/app/output_guard.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>

#include "output/atomic_commit.hpp"
#include "output/output_error.hpp"

namespace kfsim::app {

namespace fs = std::filesystem;

namespace {

// A CSV field, quoted when it holds a separator, quote or line break (RFC 4180).
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

ResultFiles plan_result_files(const fs::path& output, const scenario::Sweep& sweep) {
  ResultFiles files;
  if (sweep.empty()) {
    files.points.push_back(output);
    return files;
  }
  const std::size_t points = sweep.points();
  // Zero-padded to the width of the last number (at least 3), so the files sort in order.
  const std::size_t width = std::max<std::size_t>(3, std::to_string(points - 1).size());
  const fs::path stem = output.parent_path() / output.stem();
  const std::string extension = output.has_extension() ? output.extension().string() : ".h5";
  for (std::size_t i = 0; i < points; ++i) {
    std::string number = std::to_string(i);
    number.insert(0, width - number.size(), '0');
    files.points.push_back(stem.string() + ".point-" + number + extension);
  }
  files.sweep_index = stem.string() + ".sweep.csv";
  return files;
}

bool check_result_files(const ResultFiles& files, const std::vector<fs::path>& inputs, bool force,
                        bool create_directory) {
  std::error_code ec;
  const fs::path& first = files.points.front();
  const fs::path parent = first.parent_path().empty() ? fs::path(".") : first.parent_path();
  if (create_directory) fs::create_directories(parent, ec);
  if (!fs::is_directory(parent, ec)) {
    std::cerr << "kfsim: output directory " << parent << " does not exist\n";
    return false;
  }
  // A directory kfsim cannot write in is found now, not after a long run: a probe file under
  // the temporary name the result will use is created and removed.
  const fs::path probe = output::temporary_path_for(first);
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    std::cerr << "kfsim: cannot write in output directory " << parent << ": "
              << std::strerror(errno) << "\n";
    return false;
  }
  ::close(fd);
  fs::remove(probe, ec);
  std::vector<fs::path> all = files.points;
  if (!files.sweep_index.empty()) all.push_back(files.sweep_index);
  for (const auto& path : all) {
    if (const auto refusal = output_refusal(path, inputs, force)) {
      std::cerr << "kfsim: " << *refusal << "\n";
      return false;
    }
  }
  return true;
}

void write_sweep_index(const ResultFiles& files, const scenario::Sweep& sweep, bool force) {
  output::write_file_atomically(
      files.sweep_index, force, "the sweep index", [&](std::ostream& out) {
        out << "point,file";
        for (const auto& axis : sweep.axes) out << "," << csv_field(axis.key);
        out << "\n";
        for (std::size_t i = 0; i < files.points.size(); ++i) {
          out << i << "," << csv_field(files.points[i].filename().string());
          for (const auto& [key, value] : sweep.point(i)) {
            std::string text = scenario::format_value(value);
            // Strings and months are written bare: the CSV's own quoting is enough.
            if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
              text = text.substr(1, text.size() - 2);
            }
            out << "," << csv_field(text);
          }
          out << "\n";
        }
      });
}

}  // namespace kfsim::app
