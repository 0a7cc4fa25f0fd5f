#pragma once
// The competence gap as the forum reads it: demand for each competence (what
// the positions ask for) minus supply (the labour force holding it), split into
// parts that mean different things and add up exactly, in persons:
//
//   gap = shortage + frictional - surplus + upgrading
//
// - shortage: what positions open `labour.shortage_months` or more, and demand
//   withdrawn unfilled (unmet demand), ask for: demand the county fails to meet.
//   Such a position asks for a qualified person (a competence that fits the
//   occupation well): its requirement is the occupation's mix among the
//   competences that fit it, since anyone else who could take it would have;
// - frictional: what positions open for a shorter time ask for (being filled);
// - surplus: people holding the competence without matching work: registered
//   unemployed, and employed below it (in an occupation it fits poorly whose
//   median requirement is a lower education level than theirs);
// - upgrading: what the filled positions ask for minus the competence of those
//   who fill them (plus those counted in the surplus while employed): positive
//   where jobs asking for a competence are held by people with another one, as
//   when a job that once asked for primary school only goes to someone with
//   upper secondary. Reported, never called a shortage.
//
// Every count is a whole number: each cell's positions are split over the
// competences their occupation asks for by the largest remainder, so the
// identity holds exactly.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "models/labour/labour_data.hpp"

namespace kfsim {

// Splits `n` positions over competences in proportion to `shares` (summing to
// 1): each gets the floor of its quota, and the ones left go to the largest
// remainders (the lower index first on a tie). Adds the result to `out`.
void split_by_requirement(std::int64_t n, std::span<const double> shares,
                          std::span<std::int64_t> out);

// The county's counts by competence, built up by the recording.
struct GapCounts {
  explicit GapCounts(std::size_t competences);
  std::vector<std::int64_t> filled;      // asked for by positions held by residents
  std::vector<std::int64_t> frictional;  // asked for by positions vacant a short time
  std::vector<std::int64_t> shortage;    // asked for by long-vacant positions and unmet demand
  std::vector<std::int64_t> employed;    // residents holding the competence, employed
  std::vector<std::int64_t> unemployed;  // ... registered unemployed
  std::vector<std::int64_t> below;       // ... employed below it (above_requirement)
};

// [occupation x competence]: 1 where a holder of the competence works below it:
// the competence fits the occupation poorly (`fit` below kGoodFit) and its
// education level is above the median level the occupation asks for (`asks`,
// shares summing to 1 per occupation). General and vocational upper secondary
// are one level here. A doctor among the nurses of a pooled occupation fits it
// and is not counted; an economist in a clerk's job is.
std::vector<std::uint8_t> above_requirement(std::span<const double> asks,
                                            std::span<const float> fit,
                                            const std::vector<EducationLevel>& level);

// [occupation x competence]: what a position left unfilled asks for: `asks`
// restricted to the competences whose fit for the occupation is kGoodFit or
// better, renormalised; the whole of `asks` where none of them is asked for.
std::vector<double> qualified_requirement(std::span<const double> asks, std::span<const float> fit,
                                          std::size_t competences);

struct GapParts {
  std::vector<std::int64_t> total, shortage, frictional, surplus, upgrading;
};

GapParts decompose_gap(const GapCounts& counts);

// 1 shortage, -1 surplus, 0 balance: (shortage - surplus) relative to the
// group's employment beyond `threshold`. Upgrading alone never rates a shortage.
int gap_rating(std::int64_t shortage, std::int64_t surplus, std::int64_t employed,
               double threshold);

}  // namespace kfsim
