#include "sim/scenario/sweep.hpp"

#include <stdexcept>

namespace kfsim::scenario {

std::size_t Sweep::points() const {
  if (axes.empty()) return 1;
  if (mode == Mode::List) return axes.front().values.size();
  std::size_t count = 1;
  for (const auto& axis : axes) count *= axis.values.size();
  return count;
}

std::vector<std::pair<std::string, Value>> Sweep::point(std::size_t i) const {
  if (i >= points()) throw std::out_of_range("sweep point " + std::to_string(i));
  std::vector<std::pair<std::string, Value>> assignments(axes.size());
  std::size_t rest = i;
  for (std::size_t a = axes.size(); a-- > 0;) {
    const auto& values = axes[a].values;
    std::size_t position = i;
    if (mode == Mode::Grid) {
      position = rest % values.size();
      rest /= values.size();
    }
    assignments[a] = {axes[a].key, values[position]};
  }
  return assignments;
}

std::string Sweep::describe_point(std::size_t i) const {
  std::string text;
  for (const auto& [key, value] : point(i)) {
    text += (text.empty() ? "" : ", ") + key + " = " + format_value(value);
  }
  return text;
}

}  // namespace kfsim::scenario
