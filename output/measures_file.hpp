#pragma once
// Writes the measures of a run's replicates into a result file: every measure
// gets a leading `replicate` dimension. The output library's only knowledge of
// the model is what the measures declare about themselves.
#include <span>

#include "output/nc_file.hpp"
#include "sim/run/measures.hpp"

namespace kfsim::output {

// All replicates must declare the same dimensions and measures (they come from
// one scenario); throws std::logic_error otherwise.
void write_measures(NcWriter& writer, std::span<const MeasureSet> replicates);

}  // namespace kfsim::output
