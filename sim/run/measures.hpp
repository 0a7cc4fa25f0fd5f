#pragma once
// What a run measures, declared up front with units and dimensions, apart from
// the code that writes files. Models declare dimensions and measures and add to
// them; the output library walks the declarations to write a file.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace kfsim {

// A dimension of the measured arrays. Categorical dimensions carry integer
// codes (e.g. municipality numbers) and labels (names); numeric ones only codes.
struct Dimension {
  std::string name;
  std::string units;
  std::string long_name;
  std::vector<std::int32_t> codes;
  std::string labels_name;  // e.g. "municipality_name"; empty when none
  std::vector<std::string> labels;
  std::size_t size() const { return codes.size(); }
};

struct MeasureId {
  std::size_t index = 0;
};

struct Measure {
  std::string name;
  std::vector<std::size_t> dims;  // indices into dimensions()
  std::string units;
  std::string long_name;
  std::string cell_methods;  // CF cell_methods, e.g. "year: sum" or "year: point"
  std::variant<std::vector<std::int64_t>, std::vector<double>> values;
  // The extent of each dimension, kept beside `dims` so that the monthly
  // bookkeeping's index arithmetic needs no look-up of the dimensions.
  std::vector<std::size_t> extents;
};

class MeasureSet {
 public:
  std::size_t add_dimension(Dimension dimension);
  std::size_t dimension_index(const std::string& name) const;  // throws if unknown
  const std::vector<Dimension>& dimensions() const { return dimensions_; }

  // Integer counts (persons, events) and real-valued measures (rates, means).
  MeasureId declare_count(std::string name, const std::vector<std::string>& dims, std::string units,
                          std::string long_name, std::string cell_methods);
  MeasureId declare_real(std::string name, const std::vector<std::string>& dims, std::string units,
                         std::string long_name, std::string cell_methods);

  // Inline: the models call these for every event they count.
  std::int64_t& count(MeasureId id, std::initializer_list<std::size_t> index) {
    auto& m = measures_.at(id.index);
    return std::get<std::vector<std::int64_t>>(m.values)[flat_index(m, index)];
  }
  double& real(MeasureId id, std::initializer_list<std::size_t> index) {
    auto& m = measures_.at(id.index);
    return std::get<std::vector<double>>(m.values)[flat_index(m, index)];
  }
  std::span<std::int64_t> counts(MeasureId id);
  std::span<double> reals(MeasureId id);

  const std::vector<Measure>& measures() const { return measures_; }
  const Measure& measure(MeasureId id) const { return measures_.at(id.index); }
  const Measure* find(const std::string& name) const;
  std::vector<std::size_t> shape(const Measure& measure) const;

 private:
  static std::size_t flat_index(const Measure& measure, std::initializer_list<std::size_t> index) {
    if (index.size() != measure.extents.size()) wrong_rank(measure);
    std::size_t flat = 0;
    const std::size_t* extent = measure.extents.data();
    for (std::size_t i : index) {
      if (i >= *extent) out_of_range(measure);
      flat = flat * *extent++ + i;
    }
    return flat;
  }
  [[noreturn]] static void wrong_rank(const Measure& measure);
  [[noreturn]] static void out_of_range(const Measure& measure);
  MeasureId declare(Measure measure);

  std::vector<Dimension> dimensions_;
  std::vector<Measure> measures_;
};

}  // namespace kfsim
