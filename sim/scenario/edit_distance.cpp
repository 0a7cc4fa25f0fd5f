#include "sim/scenario/edit_distance.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace kfsim::scenario {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view last_segment(std::string_view key) {
  const std::size_t dot = key.rfind('.');
  return dot == std::string_view::npos ? key : key.substr(dot + 1);
}

// How many edits still read as a misspelling rather than a different word: one for short
// words, up to four for long dotted keys.
std::size_t tolerance(std::size_t length) { return std::clamp<std::size_t>(length / 4, 1, 4); }

// Longer words cannot be a misspelling of any key and would only cost time.
constexpr std::size_t kLongestWordWorthComparing = 256;

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rolling rows: the one before the previous is needed for adjacent swaps.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string nearest_of(const std::vector<std::string>& candidates, std::string_view word) {
  if (word.empty() || word.size() > kLongestWordWorthComparing) return "";
  const std::string target = lower(word);
  const std::string target_last = lower(last_segment(word));

  const std::string* best = nullptr;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const std::string& candidate : candidates) {
    const std::size_t distance = edit_distance(target, lower(candidate));
    if (distance <= tolerance(target.size()) && distance < best_distance) {
      best = &candidate;
      best_distance = distance;
    }
  }
  if (best != nullptr) return *best;

  // Second chance: a key written in the wrong table. Only the last segments of dotted keys are
  // compared, and with half the tolerance, since short segments resemble each other easily.
  for (const std::string& candidate : candidates) {
    const std::string candidate_last = lower(last_segment(candidate));
    if (candidate_last.size() == candidate.size()) continue;
    const std::size_t distance = edit_distance(target_last, candidate_last);
    if (distance <= tolerance(target_last.size()) / 2 && distance < best_distance) {
      best = &candidate;
      best_distance = distance;
    }
  }
  return best != nullptr ? *best : "";
}

std::string did_you_mean(const std::string& suggestion) {
  return suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)";
}

}  // namespace kfsim::scenario
