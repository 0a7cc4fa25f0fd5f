#include "sim/scenario/validate.hpp"

#include <cmath>
#include <system_error>

#include "sim/files/file_type.hpp"
#include "sim/scenario/text.hpp"

namespace kfsim::scenario {
namespace {

namespace fs = std::filesystem;

std::string range_text(const KeySpec& spec) {
  if (spec.min && spec.max && *spec.min == *spec.max)
    return " equal to " + format_number(*spec.min);
  if (spec.min && spec.max) {
    return " in [" + format_number(*spec.min) + ", " + format_number(*spec.max) + "]";
  }
  if (spec.min) return " >= " + format_number(*spec.min);
  if (spec.max) return " <= " + format_number(*spec.max);
  return "";
}

// "1" is the unit of dimensionless numbers; saying so adds nothing.
std::string unit_text(const KeySpec& spec) {
  if (spec.unit.empty() || spec.unit == "1") return "";
  return " (unit: " + spec.unit + ")";
}

std::string choices_text(const KeySpec& spec) {
  std::string text = "one of ";
  for (std::size_t i = 0; i < spec.choices.size(); ++i) {
    if (i > 0) text += ", ";
    text += format_value(spec.choices[i]);
  }
  return text;
}

std::optional<Problem> check_number(const KeySpec& spec, double number) {
  if ((spec.min && number < *spec.min) || (spec.max && number > *spec.max)) {
    const std::string got =
        spec.type == Type::Integer ? format_number(number) : format_value(number);
    return Problem{"value " + got + " is out of range", expectation(spec)};
  }
  return std::nullopt;
}

std::optional<Problem> check_file(const KeySpec& spec, std::string& text, const fs::path& base_dir,
                                  bool file_must_exist) {
  if (text.empty()) return Problem{"got an empty path", expectation(spec)};
  // The operating system would stop reading the path at a NUL and look up another file.
  if (text.find('\0') != std::string::npos) {
    return Problem{"path \"" + printable(text) + "\" contains a NUL character", expectation(spec)};
  }
  fs::path path(text);
  if (!file_must_exist) {
    if (!path.is_absolute()) {
      return Problem{"path \"" + printable(text) + "\" is relative", "an absolute path"};
    }
    text = path.lexically_normal().string();
    return std::nullopt;
  }
  if (path.is_relative()) path = base_dir / path;
  std::error_code error;
  fs::path absolute = fs::absolute(path, error);
  if (error) absolute = path;
  absolute = absolute.lexically_normal();
  const std::string shown = printable(absolute.string(), 300);
  const fs::file_status status = fs::status(absolute, error);
  if (!fs::exists(status)) return Problem{"file not found: " + shown, expectation(spec)};
  if (!fs::is_regular_file(status)) {
    return Problem{shown + " is not a regular file but " + files::kind_of(status.type()),
                   expectation(spec)};
  }
  text = absolute.string();
  return std::nullopt;
}

std::optional<Problem> check_string(const KeySpec& spec, const std::string& text) {
  if (!is_valid_utf8(text)) {
    return Problem{"string \"" + printable(text) + "\" is not valid UTF-8", expectation(spec)};
  }
  if (!spec.choices.empty()) {
    for (const std::string& choice : spec.choices) {
      if (choice == text) return std::nullopt;
    }
    return Problem{"got " + describe_value(text), expectation(spec)};
  }
  if (!spec.charset.empty() && (text.empty() || !matches_charset(text, spec.charset))) {
    return Problem{"got " + describe_value(text), expectation(spec)};
  }
  return std::nullopt;
}

}  // namespace

std::string expectation(const KeySpec& spec) {
  switch (spec.type) {
    case Type::Integer:
    case Type::Real:
      return type_name(spec.type) + range_text(spec) + unit_text(spec);
    case Type::String:
      if (!spec.choices.empty()) return choices_text(spec);
      if (!spec.charset.empty()) return "non-empty string of the characters [" + spec.charset + "]";
      return type_name(spec.type);
    case Type::Month:
      return type_name(spec.type) + ", e.g. \"2024-01\"";
    case Type::Boolean:
    case Type::File:
      return type_name(spec.type);
  }
  return type_name(spec.type);
}

std::string map_expectation(const KeySpec& map) {
  return "a table [" + map.key + "] of entries NAME = VALUE (NAME of the characters " +
         "[A-Za-z0-9_-]; VALUE: " + expectation(map) + ")";
}

Problem bad_entry_name(const KeySpec& map, std::string_view name) {
  return {name.empty() ? "the entry name is empty"
                       : "entry name \"" + printable(name) + "\" is not a valid name",
          "an entry " + map.key + ".NAME with NAME of the characters [A-Za-z0-9_-]"};
}

bool matches_charset(std::string_view text, std::string_view charset) {
  for (const char c : text) {
    bool allowed = false;
    for (std::size_t i = 0; i < charset.size() && !allowed; ++i) {
      if (i + 2 < charset.size() && charset[i + 1] == '-') {
        allowed = c >= charset[i] && c <= charset[i + 2];
        i += 2;
      } else {
        allowed = c == charset[i];
      }
    }
    if (!allowed) return false;
  }
  return true;
}

std::optional<Problem> check_value(const KeySpec& spec, Value& value, const fs::path& base_dir,
                                   bool file_must_exist) {
  const auto wrong_type = [&] {
    return Problem{"got " + describe_value(value), expectation(spec)};
  };
  switch (spec.type) {
    case Type::Integer: {
      const auto* integer = std::get_if<std::int64_t>(&value);
      if (integer == nullptr) return wrong_type();
      return check_number(spec, static_cast<double>(*integer));
    }
    case Type::Real: {
      if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        value = static_cast<double>(*integer);
      }
      const auto* real = std::get_if<double>(&value);
      if (real == nullptr) return wrong_type();
      // A NaN or infinite parameter would only surface as nonsense many months into a run.
      if (!std::isfinite(*real)) {
        return Problem{"got " + describe_value(value) + ", which is not finite", expectation(spec)};
      }
      return check_number(spec, *real);
    }
    case Type::Boolean:
      if (!std::holds_alternative<bool>(value)) return wrong_type();
      return std::nullopt;
    case Type::String: {
      const auto* text = std::get_if<std::string>(&value);
      if (text == nullptr) return wrong_type();
      return check_string(spec, *text);
    }
    case Type::Month: {
      if (std::holds_alternative<kfsim::Month>(value)) return std::nullopt;
      const auto* text = std::get_if<std::string>(&value);
      if (text == nullptr) return wrong_type();
      const std::optional<kfsim::Month> month = kfsim::Month::parse(*text);
      if (!month) {
        return Problem{
            "got " + describe_value(value) + ", which is not a month from 1900-01 to 2200-12",
            expectation(spec)};
      }
      value = *month;
      return std::nullopt;
    }
    case Type::File: {
      auto* text = std::get_if<std::string>(&value);
      if (text == nullptr) return wrong_type();
      return check_file(spec, *text, base_dir, file_must_exist);
    }
  }
  return wrong_type();
}

}  // namespace kfsim::scenario
