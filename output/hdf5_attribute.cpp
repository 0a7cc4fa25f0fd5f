#include "output/hdf5_attribute.hpp"

#include "output/hdf5_types.hpp"
#include "output/output_error.hpp"

namespace kfsim::output::hdf5 {

namespace {

void write_scalar(hid_t object, const std::string& name, hid_t stored, hid_t memory,
                  const void* value, const std::filesystem::path& file) {
  Dataspace space(check_id(H5Screate(H5S_SCALAR), file, "creating a scalar dataspace"));
  AttributeHandle attribute(
      check_id(H5Acreate2(object, name.c_str(), stored, space.get(), H5P_DEFAULT, H5P_DEFAULT),
               file, "creating attribute '" + name + "'"));
  check(H5Awrite(attribute.get(), memory, value), file, "writing attribute '" + name + "'");
}

void write_text(hid_t object, const std::string& name, const std::string& text,
                const std::filesystem::path& file) {
  if (text.find('\0') != std::string::npos) {
    throw OutputError(file.string() + ": attribute '" + name +
                      "' contains a NUL character, which a fixed-length string cannot hold");
  }
  const Datatype type = fixed_string_type(text.size(), !is_ascii(text), file);
  if (!text.empty()) {
    write_scalar(object, name, type.get(), type.get(), text.data(), file);
    return;
  }
  // netCDF-C stores an empty text as a null dataspace: a zero-size string type does not exist.
  Dataspace space(check_id(H5Screate(H5S_NULL), file, "creating a null dataspace"));
  AttributeHandle attribute(
      check_id(H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
               file, "creating attribute '" + name + "'"));
}

herr_t collect_name(hid_t, const char* name, const H5A_info_t*, void* names) {
  static_cast<std::vector<std::string>*>(names)->emplace_back(name);
  return 0;
}

template <typename T>
std::vector<T> read_numbers(hid_t attribute, hid_t space, const std::filesystem::path& file,
                            const std::string& name) {
  std::vector<T> values(element_count(space, file));
  if (!values.empty()) {
    check(H5Aread(attribute, native_type<T>(), values.data()), file,
          "reading attribute '" + name + "'");
  }
  return values;
}

}  // namespace

void write_attribute(hid_t object, const output::Attribute& attribute,
                     const std::filesystem::path& file) {
  if (const auto* text = std::get_if<std::string>(&attribute.value)) {
    write_text(object, attribute.name, *text, file);
  } else if (const auto* integer = std::get_if<std::int64_t>(&attribute.value)) {
    write_scalar(object, attribute.name, file_type<std::int64_t>(), native_type<std::int64_t>(),
                 integer, file);
  } else {
    write_scalar(object, attribute.name, file_type<double>(), native_type<double>(),
                 &std::get<double>(attribute.value), file);
  }
}

void write_int32_attribute(hid_t object, const std::string& name, std::int32_t value,
                           const std::filesystem::path& file) {
  write_scalar(object, name, file_type<std::int32_t>(), native_type<std::int32_t>(), &value, file);
}

bool has_attribute(hid_t object, const std::string& name, const std::filesystem::path& file) {
  return check_tri(H5Aexists(object, name.c_str()), file, "looking up attribute '" + name + "'");
}

void delete_attribute(hid_t object, const std::string& name, const std::filesystem::path& file) {
  check(H5Adelete(object, name.c_str()), file, "deleting attribute '" + name + "'");
}

std::vector<std::string> attribute_names(hid_t object, const std::filesystem::path& file) {
  std::vector<std::string> names;
  if (H5Aiterate2(object, H5_INDEX_CRT_ORDER, H5_ITER_INC, nullptr, collect_name, &names) >= 0) {
    return names;
  }
  // Files written without creation-order tracking can only be listed by name.
  take_error_message();
  names.clear();
  check(H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_name, &names), file,
        "listing attributes");
  return names;
}

AttributeValues read_attribute(hid_t object, const std::string& name,
                               const std::filesystem::path& file) {
  const std::string what = "reading attribute '" + name + "'";
  AttributeHandle attribute(check_id(H5Aopen(object, name.c_str(), H5P_DEFAULT), file, what));
  Datatype type(check_id(H5Aget_type(attribute.get()), file, what));
  Dataspace space(check_id(H5Aget_space(attribute.get()), file, what));
  // An attribute is stored whole in its object's header: at most the file.
  check_readable_size(element_count(space.get(), file), 1, H5Aget_storage_size(attribute.get()),
                      file, "attribute '" + name + "'");
  switch (H5Tget_class(type.get())) {
    case H5T_STRING:
      return read_strings(
          type.get(), space.get(),
          [&](hid_t memory, void* buffer) { return H5Aread(attribute.get(), memory, buffer); },
          file, what);
    case H5T_INTEGER:
      return read_numbers<std::int64_t>(attribute.get(), space.get(), file, name);
    case H5T_FLOAT:
      return read_numbers<double>(attribute.get(), space.get(), file, name);
    default:
      return std::monostate{};
  }
}

std::string values_text(const AttributeValues& values) {
  std::string text;
  const auto join = [&](const auto& elements, const char* separator, auto to_text) {
    for (std::size_t i = 0; i < elements.size(); ++i) {
      if (i > 0) text += separator;
      text += to_text(elements[i]);
    }
  };
  if (const auto* strings = std::get_if<std::vector<std::string>>(&values)) {
    join(*strings, "\n", [](const std::string& s) { return s; });
  } else if (const auto* integers = std::get_if<std::vector<std::int64_t>>(&values)) {
    join(*integers, ", ", [](std::int64_t v) { return std::to_string(v); });
  } else if (const auto* reals = std::get_if<std::vector<double>>(&values)) {
    join(*reals, ", ", [](double v) { return number_text(v); });
  } else {
    text = "(a value of a type kfsim does not read)";
  }
  return text;
}

std::optional<output::Attribute::Value> single_value(const AttributeValues& values) {
  if (const auto* strings = std::get_if<std::vector<std::string>>(&values)) {
    if (strings->size() == 1) return strings->front();
  } else if (const auto* integers = std::get_if<std::vector<std::int64_t>>(&values)) {
    if (integers->size() == 1) return integers->front();
  } else if (const auto* reals = std::get_if<std::vector<double>>(&values)) {
    if (reals->size() == 1) return reals->front();
  }
  return std::nullopt;
}

}  // namespace kfsim::output::hdf5
