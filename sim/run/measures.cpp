#include "sim/run/measures.hpp"

#include <stdexcept>

namespace kfsim {

std::vector<std::size_t> MeasureSet::shape(const Measure& measure) const {
  std::vector<std::size_t> extents;
  for (std::size_t d : measure.dims) extents.push_back(dimensions_[d].size());
  return extents;
}

std::size_t MeasureSet::add_dimension(Dimension dimension) {
  for (const auto& d : dimensions_) {
    if (d.name == dimension.name) throw std::logic_error("duplicate dimension " + d.name);
  }
  if (!dimension.labels.empty() && dimension.labels.size() != dimension.codes.size()) {
    throw std::logic_error("dimension " + dimension.name + ": labels and codes differ in length");
  }
  dimensions_.push_back(std::move(dimension));
  return dimensions_.size() - 1;
}

std::size_t MeasureSet::dimension_index(const std::string& name) const {
  for (std::size_t i = 0; i < dimensions_.size(); ++i) {
    if (dimensions_[i].name == name) return i;
  }
  throw std::logic_error("unknown dimension " + name);
}

MeasureId MeasureSet::declare(Measure measure) {
  if (find(measure.name) != nullptr) throw std::logic_error("duplicate measure " + measure.name);
  measures_.push_back(std::move(measure));
  return MeasureId{measures_.size() - 1};
}

MeasureId MeasureSet::declare_count(std::string name, const std::vector<std::string>& dims,
                                    std::string units, std::string long_name,
                                    std::string cell_methods) {
  Measure m{
      std::move(name), {}, std::move(units), std::move(long_name), std::move(cell_methods), {}, {}};
  std::size_t size = 1;
  for (const auto& d : dims) {
    m.dims.push_back(dimension_index(d));
    m.extents.push_back(dimensions_[m.dims.back()].size());
    size *= m.extents.back();
  }
  m.values = std::vector<std::int64_t>(size, 0);
  return declare(std::move(m));
}

MeasureId MeasureSet::declare_real(std::string name, const std::vector<std::string>& dims,
                                   std::string units, std::string long_name,
                                   std::string cell_methods) {
  MeasureId id = declare_count(std::move(name), dims, std::move(units), std::move(long_name),
                               std::move(cell_methods));
  auto& m = measures_[id.index];
  m.values = std::vector<double>(std::get<std::vector<std::int64_t>>(m.values).size(), 0.0);
  return id;
}

void MeasureSet::wrong_rank(const Measure& measure) {
  throw std::logic_error("measure " + measure.name + ": wrong number of indices");
}

void MeasureSet::out_of_range(const Measure& measure) {
  throw std::out_of_range("measure " + measure.name + ": index out of range");
}

std::span<std::int64_t> MeasureSet::counts(MeasureId id) {
  return std::get<std::vector<std::int64_t>>(measures_.at(id.index).values);
}

std::span<double> MeasureSet::reals(MeasureId id) {
  return std::get<std::vector<double>>(measures_.at(id.index).values);
}

const Measure* MeasureSet::find(const std::string& name) const {
  for (const auto& m : measures_) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

}  // namespace kfsim
