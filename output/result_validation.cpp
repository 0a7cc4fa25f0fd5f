#include "output/result_validation.hpp"

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "output/output_error.hpp"
#include "sim/scenario/text.hpp"

namespace kfsim::output {

namespace {

bool is_clean(const std::string& text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) return false;
  }
  return scenario::is_valid_utf8(text);
}

void check_name(const std::filesystem::path& path, const std::string& what,
                const std::string& name) {
  if (is_clean(name)) return;
  throw OutputError(path.string() + ": " + what + " \"" + scenario::printable(name) +
                    "\" holds a control character or malformed UTF-8; expected printable text");
}

// "index [replicate 0, year 3, competence 5]" for the flat index `at` of a variable.
std::string position(const VariableInfo& variable, std::size_t at) {
  std::vector<std::size_t> index(variable.shape.size());
  for (std::size_t d = variable.shape.size(); d-- > 0;) {
    const std::size_t size = std::max<std::size_t>(variable.shape[d], 1);
    index[d] = at % size;
    at /= size;
  }
  std::string text;
  for (std::size_t d = 0; d < index.size(); ++d) {
    text += (d == 0 ? "" : ", ") + variable.dims[d] + " " + std::to_string(index[d]);
  }
  return text.empty() ? "its value" : "index [" + text + "]";
}

bool is_number_type(const std::string& dtype) {
  return dtype.starts_with("float") || dtype.starts_with("int") || dtype.starts_with("uint");
}

}  // namespace

void validate_result_file(const std::filesystem::path& path, const FileInfo& info) {
  for (const auto& [name, value] : info.global_attributes) check_name(path, "attribute", name);
  std::map<std::string, std::size_t> sizes;
  for (const auto& dimension : info.dimensions) {
    check_name(path, "dimension", dimension.name);
    sizes[dimension.name] = dimension.shape.empty() ? 0 : dimension.shape.front();
  }
  for (const auto* group : {&info.dimensions, &info.variables}) {
    for (const auto& variable : *group) {
      check_name(path, "variable", variable.name);
      for (std::size_t d = 0; d < variable.dims.size() && d < variable.shape.size(); ++d) {
        check_name(path, "dimension", variable.dims[d]);
        const auto found = sizes.find(variable.dims[d]);
        if (found == sizes.end() || found->second == variable.shape[d]) continue;
        throw OutputError(path.string() + ": variable '" + variable.name + "' has " +
                          std::to_string(variable.shape[d]) + " values along dimension '" +
                          variable.dims[d] + "', which has " + std::to_string(found->second) +
                          "; expected the sizes of its dimensions");
      }
      if (variable.dtype == "string") {
        const auto labels = read_labels(path, variable.name);
        for (std::size_t i = 0; i < labels.size(); ++i) {
          check_name(path,
                     "variable '" + variable.name + "' at " + position(variable, i) + ": text",
                     labels[i]);
        }
        continue;
      }
      if (!is_number_type(variable.dtype)) continue;
      const bool rating = variable.name == "competence_rating";
      // Integers are always finite: only real variables and the ratings are read.
      if (!variable.dtype.starts_with("float") && !rating) continue;
      const auto values = read_variable_as_double(path, variable.name);
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i])) {
          throw OutputError(path.string() + ": variable '" + variable.name + "' holds " +
                            (std::isnan(values[i]) ? "NaN" : "an infinity") + " at " +
                            position(variable, i) + "; expected finite numbers");
        }
        if (rating && values[i] != -1 && values[i] != 0 && values[i] != 1) {
          throw OutputError(path.string() + ": variable 'competence_rating' holds " +
                            number_text(values[i]) + " at " + position(variable, i) +
                            "; expected -1 (surplus), 0 (balance) or 1 (shortage)");
        }
      }
    }
  }
}

}  // namespace kfsim::output
