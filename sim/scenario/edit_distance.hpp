#pragma once
// Edit distance, for "did you mean ...?" suggestions on misspelt scenario keys.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kfsim::scenario {

// Optimal-string-alignment distance (Damerau–Levenshtein without repeated edits of one
// substring): insertions, deletions, substitutions and swaps of adjacent characters each
// cost 1, so "strat" is one edit from "start". Case-sensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to word, ignoring case, or "" when none is close enough to be a
// plausible misspelling. Ties go to the earlier candidate. A candidate whose last dotted
// segment matches the word's last segment also counts, so "fertility_scale" written at the
// top level finds "demography.fertility_scale".
std::string nearest_of(const std::vector<std::string>& candidates, std::string_view word);

// " (did you mean 'X'?)" for a suggestion from nearest_of, "" for none.
std::string did_you_mean(const std::string& suggestion);

}  // namespace kfsim::scenario
