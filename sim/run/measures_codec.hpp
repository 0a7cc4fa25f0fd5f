#pragma once
// A run's MeasureSet as bytes and back, for sending a run's results from one MPI process to
// another: the layout (dimensions, measures, units, labels) and the values. The bytes are in
// the sender's native byte order: an MPI job runs one build on one kind of machine.
#include <cstddef>
#include <span>
#include <vector>

#include "sim/run/measures.hpp"

namespace kfsim {

std::vector<std::byte> encode_measures(const MeasureSet& measures);

// Throws std::runtime_error when the bytes are cut short, too long, or not a MeasureSet.
MeasureSet decode_measures(std::span<const std::byte> bytes);

}  // namespace kfsim
