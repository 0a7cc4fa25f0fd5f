#pragma once
// Writes a MeasureSet (dimensions with codes and labels, measures with units)
// into a result file. The output library's only knowledge of the model is what
// the measures declare about themselves.
#include "output/nc_file.hpp"
#include "sim/run/measures.hpp"

namespace kfsim::output {

void write_measures(NcWriter& writer, const MeasureSet& measures);

}  // namespace kfsim::output
