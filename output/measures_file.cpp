#include "output/measures_file.hpp"

#include <variant>

namespace kfsim::output {

void write_measures(NcWriter& writer, const MeasureSet& measures) {
  for (const auto& dimension : measures.dimensions()) {
    writer.add_dimension(dimension.name, dimension.codes, dimension.units, dimension.long_name);
    if (!dimension.labels.empty()) {
      writer.add_labels(dimension.name, dimension.labels_name, dimension.labels,
                        dimension.long_name + " (label)");
    }
  }
  for (const auto& measure : measures.measures()) {
    std::vector<std::string> dims;
    for (std::size_t d : measure.dims) dims.push_back(measures.dimensions()[d].name);
    std::vector<Attribute> extra;
    if (!measure.cell_methods.empty()) extra.push_back({"cell_methods", measure.cell_methods});
    std::visit(
        [&](const auto& values) {
          writer.add_variable(measure.name, dims, std::span(values), measure.units,
                              measure.long_name, extra);
        },
        measure.values);
  }
}

}  // namespace kfsim::output
