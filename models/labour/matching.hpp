#pragma once
// Job search and matching as a plain function of what it reads. Job seekers
// apply to vacancies within commuting reach, favouring occupations their
// competence fits and places close to home; employers rank applicants by fit;
// offers are accepted in rounds, each seeker taking the best offer. Every
// conflict is settled by sorting on (score, id), so the outcome does not
// depend on the thread count. The caller owns the persons and positions and
// applies the hires.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "models/labour/labour_params.hpp"
#include "sim/agents/table.hpp"
#include "sim/rng/random.hpp"
#include "sim/time/month.hpp"

namespace kfsim {

// Rounds of offers and acceptances each month: enough for nearly every
// vacancy with a willing applicant to be filled.
inline constexpr int kOfferRounds = 3;

// Assumption: employers see fit with some noise (interviews, references):
// applicants within 0.05 of each other in fit may be ranked either way.
inline constexpr float kRankingNoise = 0.05f;

// The fit of each competence for each occupation as employers credit it.
struct CreditedFit {
  std::span<const float> fit;                  // [occupation][competence] in [0, 1]
  std::span<const double> occupation_min_fit;  // lowest fit the law allows, [occupation]
  std::size_t competences = 0;
  // General upper secondary: what a foreign qualification counts as until recognised.
  std::size_t general_upper_secondary = 0;

  std::size_t occupations() const { return occupation_min_fit.size(); }
  // While a foreign qualification awaits recognition (`pending`), no more than
  // general upper secondary gives, and no more than the person's own
  // competence gives.
  float of(std::size_t occupation, std::size_t competence, bool pending) const {
    const float own = fit[occupation * competences + competence];
    if (!pending) return own;
    return std::min(own, fit[occupation * competences + general_upper_secondary]);
  }
};

// The persons' columns that matching reads, indexed by person slot.
struct SeekerColumns {
  std::span<const AgentId> ids;
  std::span<const std::int8_t> home;  // municipality
  std::span<const std::int8_t> competence;
  std::span<const std::int8_t> labour_status;
  std::span<const std::int8_t> qualification_pending;
  std::span<const std::int32_t> job;  // position slot, or kNoJob
};

// Where each home municipality reaches: effective one-way travel minutes
// [home][area], negative when out of reach. The areas are the municipalities,
// then the outside labour market (Oslo and Akershus) last.
struct CommuteReach {
  std::span<const double> travel_minutes;
  std::size_t areas = 0;

  std::size_t homes() const { return areas == 0 ? 0 : travel_minutes.size() / areas; }
  std::size_t outside_area() const { return areas - 1; }
};

// The positions that matching reads.
struct VacancyLists {
  // Vacant position slots by (area, occupation) cell, in slot order
  // (PositionBook::vacancies_by_cell).
  const std::vector<std::vector<std::int32_t>>& by_cell;
  // Occupation of every position, by slot: the fit of an employed seeker's
  // current job.
  std::span<const std::int8_t> occupation;
};

struct MatchedHire {
  std::int32_t person = 0;    // the seeker's person slot
  std::int32_t position = 0;  // the position slot
};

// The month's hires, in the order they are made (offer round, then seeker in
// slot order). `searchers` are the seekers' person slots in ascending order;
// their draws come from rng::Stream::LabourSearch keyed by person id and
// month. Nobody is hired twice and no position is filled twice.
std::vector<MatchedHire> match_seekers(const LabourParams& params, const SeekerColumns& persons,
                                       std::span<const std::int32_t> searchers,
                                       const CommuteReach& reach, const CreditedFit& fit,
                                       const VacancyLists& vacancies, const rng::RngKey& key,
                                       Month month, float ranking_noise = kRankingNoise);

}  // namespace kfsim
