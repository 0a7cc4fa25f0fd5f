#include "output/measures_file.hpp"

#include "output/replicate_summary.hpp"

#include <numeric>
#include <stdexcept>
#include <utility>
#include <variant>

namespace kfsim::output {

namespace {

void require_same_layout(const MeasureSet& first, const MeasureSet& other) {
  bool same = first.dimensions().size() == other.dimensions().size() &&
              first.measures().size() == other.measures().size();
  for (std::size_t d = 0; same && d < first.dimensions().size(); ++d) {
    same = first.dimensions()[d].name == other.dimensions()[d].name &&
           first.dimensions()[d].codes == other.dimensions()[d].codes;
  }
  for (std::size_t m = 0; same && m < first.measures().size(); ++m) {
    same = first.measures()[m].name == other.measures()[m].name &&
           first.measures()[m].dims == other.measures()[m].dims;
  }
  if (!same) throw std::logic_error("replicates declare different measures");
}

// X_mean, X_p05, X_p50, X_p95 over the replicates, as reals.
template <typename Vector>
void write_summaries(NcWriter& writer, const Measure& measure, std::vector<std::string> dims,
                     const Vector& stacked, std::size_t replicates) {
  dims.erase(dims.begin());  // the replicate dimension is summarised away
  const std::vector<double> as_real(stacked.begin(), stacked.end());
  for (const auto& statistic : replicate_statistics()) {
    const std::vector<double> values = summarise_replicates(as_real, replicates, statistic);
    std::vector<Attribute> extra;
    const std::string methods = measure.cell_methods.empty()
                                    ? statistic.cell_methods
                                    : measure.cell_methods + " " + statistic.cell_methods;
    extra.push_back({"cell_methods", methods});
    extra.push_back({"kfsim_summary_of", measure.name});
    writer.add_variable(measure.name + statistic.suffix, dims, std::span(values), measure.units,
                        measure.long_name + " (" + statistic.description + ")", extra);
  }
}

}  // namespace

void write_measures(NcWriter& writer, std::span<const MeasureSet> replicates) {
  if (replicates.empty()) throw std::logic_error("no replicates to write");
  const MeasureSet& first = replicates.front();
  for (const auto& other : replicates) require_same_layout(first, other);

  std::vector<std::int32_t> replicate_codes(replicates.size());
  std::iota(replicate_codes.begin(), replicate_codes.end(), 0);
  writer.add_dimension("replicate", replicate_codes, "1",
                       "replicate run (same scenario, independent random numbers)");
  for (const auto& dimension : first.dimensions()) {
    writer.add_dimension(dimension.name, dimension.codes, dimension.units, dimension.long_name);
    if (!dimension.labels.empty()) {
      writer.add_labels(dimension.name, dimension.labels_name, dimension.labels,
                        dimension.long_name + " (label)");
    }
  }
  for (std::size_t m = 0; m < first.measures().size(); ++m) {
    const Measure& measure = first.measures()[m];
    std::vector<std::string> dims = {"replicate"};
    for (std::size_t d : measure.dims) dims.push_back(first.dimensions()[d].name);
    std::vector<Attribute> extra;
    if (!measure.cell_methods.empty()) extra.push_back({"cell_methods", measure.cell_methods});
    std::visit(
        [&](const auto& values) {
          using Vector = std::decay_t<decltype(values)>;
          Vector stacked;
          stacked.reserve(values.size() * replicates.size());
          for (const auto& replicate : replicates) {
            const auto& part = std::get<Vector>(replicate.measures()[m].values);
            stacked.insert(stacked.end(), part.begin(), part.end());
          }
          writer.add_variable(measure.name, dims, std::span(std::as_const(stacked)), measure.units,
                              measure.long_name, extra);
          write_summaries(writer, measure, dims, stacked, replicates.size());
        },
        measure.values);
  }
}

}  // namespace kfsim::output
