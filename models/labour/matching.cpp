// Job search and matching (matching.hpp).
#include "models/labour/matching.hpp"

#include <algorithm>

#include <tbb/parallel_sort.h>

#include "models/labour/labour_choice.hpp"
#include "models/population/labour_status.hpp"
#include "sim/parallel/parallel.hpp"

namespace kfsim {

namespace {

struct Application {
  std::int32_t position = -1;
  std::int32_t searcher = 0;  // index into the searcher list (which is in slot order)
  float score = 0;            // the employer's ranking: fit plus a small random term
  float fit = 0;
  float minutes = 0;
};

}  // namespace

std::vector<MatchedHire> match_seekers(const LabourParams& params, const SeekerColumns& persons,
                                       std::span<const std::int32_t> searchers,
                                       const CommuteReach& reach, const CreditedFit& fit,
                                       const VacancyLists& vacancies, const rng::RngKey& key,
                                       Month month, float ranking_noise) {
  std::vector<MatchedHire> hires;
  if (searchers.empty()) return hires;
  const std::size_t n_occ = fit.occupations();
  const std::size_t n_comp = fit.competences;
  const std::size_t areas = reach.areas;
  const auto& vacant = vacancies.by_cell;
  const auto& home = persons.home;
  const auto& travel = reach.travel_minutes;
  // A seeker's competence as employers see it: (competence, awaiting
  // recognition of a foreign qualification).
  auto profile_of = [&](std::size_t i) {
    return static_cast<std::size_t>(persons.competence[i]) * 2 +
           (persons.qualification_pending[i] ? 1 : 0);
  };

  // Where a seeker of profile k living in h applies: a cumulative weight over
  // (area, occupation) cells, built once for each (h, k) that has seekers.
  const std::size_t cells = areas * n_occ;
  std::vector<std::vector<double>> cdf(reach.homes() * n_comp * 2);
  for (auto i : searchers) {
    const auto h = static_cast<std::size_t>(home[static_cast<std::size_t>(i)]);
    const auto k = profile_of(static_cast<std::size_t>(i));
    const std::size_t c = k / 2;
    const bool unrecognised = k % 2 == 1;
    auto& weights = cdf[h * n_comp * 2 + k];
    if (!weights.empty()) continue;
    weights.assign(cells, 0.0);
    double running = 0;
    for (std::size_t a = 0; a < areas; ++a) {
      const double minutes = travel[h * areas + a];
      double place = minutes < 0 ? 0.0 : commute_weight(minutes, params);
      // Jobs in Oslo and Akershus draw more than their distance alone says
      // (higher pay and more specialised work; wages are not modelled).
      if (a == reach.outside_area()) place *= params.outside_attraction;
      for (std::size_t o = 0; o < n_occ; ++o) {
        const float fit_credited = fit.of(o, c, unrecognised);
        const auto fit_value = static_cast<double>(fit_credited);
        // Fits are stored as float: compare in float, so 0.7f meets a bar of 0.7.
        if (place > 0 && fit_credited >= static_cast<float>(std::max(params.min_hiring_fit,
                                                                     fit.occupation_min_fit[o]))) {
          running +=
              place * fit_weight(fit_value) * static_cast<double>(vacant[a * n_occ + o].size());
        }
        weights[a * n_occ + o] = running;
      }
    }
  }

  // Applications, drawn in parallel: each seeker fills its own slots.
  const auto per_searcher = static_cast<std::size_t>(params.applications_per_searcher);
  std::vector<Application> applications(searchers.size() * per_searcher);
  parallel_blocks(searchers.size(), 256, [&](std::size_t begin, std::size_t end) {
    for (std::size_t s = begin; s < end; ++s) {
      const auto i = static_cast<std::size_t>(searchers[s]);
      const auto h = static_cast<std::size_t>(home[i]);
      const auto profile = profile_of(i);
      const std::size_t c = profile / 2;
      const bool unrecognised = profile % 2 == 1;
      const auto& weights = cdf[h * n_comp * 2 + profile];
      const double total = weights.back();
      float current_fit = -1.0f;
      if (persons.labour_status[i] == static_cast<std::int8_t>(LabourStatus::Employed)) {
        const auto job = static_cast<std::size_t>(persons.job[i]);
        current_fit = fit.of(static_cast<std::size_t>(vacancies.occupation[job]), c, unrecognised);
      }
      rng::Draws draws(key, static_cast<std::uint64_t>(persons.ids[i]), month,
                       rng::Stream::LabourSearch);
      for (std::size_t k = 0; k < per_searcher; ++k) {
        const double u_cell = draws.uniform();
        const double u_position = draws.uniform();
        const double u_noise = draws.uniform();
        if (total <= 0) continue;
        const auto cell = static_cast<std::size_t>(
            std::upper_bound(weights.begin(), weights.end(), u_cell * total) - weights.begin());
        if (cell >= cells || vacant[cell].empty()) continue;
        const auto o = cell % n_occ;
        const auto a = cell / n_occ;
        const float applicant_fit = fit.of(o, c, unrecognised);
        // Someone with a job moves only for a better fit.
        if (applicant_fit <= current_fit) continue;
        const auto& list = vacant[cell];
        Application& app = applications[s * per_searcher + k];
        app.position =
            list[static_cast<std::size_t>(u_position * static_cast<double>(list.size()))];
        app.searcher = static_cast<std::int32_t>(s);
        app.fit = applicant_fit;
        app.score = applicant_fit + ranking_noise * static_cast<float>(u_noise);
        app.minutes = static_cast<float>(travel[h * areas + a]);
      }
    }
  });
  applications.erase(std::remove_if(applications.begin(), applications.end(),
                                    [](const Application& a) { return a.position < 0; }),
                     applications.end());
  // Each position's applicants, best first; ties by seeker (slot order = id order).
  // Applications equal in all three keys are equal in every field (one seeker,
  // one position), so the order is the same whichever sort makes it: a parallel one.
  tbb::parallel_sort(applications.begin(), applications.end(),
                     [](const Application& x, const Application& y) {
                       if (x.position != y.position) return x.position < y.position;
                       if (x.score != y.score) return x.score > y.score;
                       return x.searcher < y.searcher;
                     });

  // Groups of applications per position.
  std::vector<std::size_t> group_start;
  for (std::size_t k = 0; k < applications.size(); ++k) {
    if (k == 0 || applications[k].position != applications[k - 1].position)
      group_start.push_back(k);
  }
  group_start.push_back(applications.size());
  const std::size_t groups = group_start.size() - 1;
  std::vector<std::size_t> next(groups);
  for (std::size_t g = 0; g < groups; ++g) next[g] = group_start[g];
  std::vector<std::uint8_t> group_done(groups, 0);
  std::vector<std::uint8_t> hired(searchers.size(), 0);

  struct Offer {
    std::int32_t searcher;
    std::size_t group;
    float fit;
    float minutes;
    std::int32_t position;
  };
  std::vector<Offer> offers;
  for (int round = 0; round < kOfferRounds; ++round) {
    offers.clear();
    for (std::size_t g = 0; g < groups; ++g) {
      if (group_done[g]) continue;
      // The best applicant still available (every application meets the
      // employer's bar: seekers apply only where they qualify).
      while (next[g] < group_start[g + 1]) {
        const Application& app = applications[next[g]];
        if (!hired[static_cast<std::size_t>(app.searcher)]) break;
        ++next[g];
      }
      if (next[g] == group_start[g + 1]) {
        group_done[g] = 1;
        continue;
      }
      const Application& app = applications[next[g]];
      offers.push_back({app.searcher, g, app.fit, app.minutes, app.position});
    }
    if (offers.empty()) break;
    // Each seeker takes the best offer: best fit, then shortest trip, then the
    // lowest position slot.
    std::sort(offers.begin(), offers.end(), [](const Offer& x, const Offer& y) {
      if (x.searcher != y.searcher) return x.searcher < y.searcher;
      if (x.fit != y.fit) return x.fit > y.fit;
      if (x.minutes != y.minutes) return x.minutes < y.minutes;
      return x.position < y.position;
    });
    for (std::size_t k = 0; k < offers.size(); ++k) {
      const Offer& offer = offers[k];
      if (k > 0 && offers[k - 1].searcher == offer.searcher) {
        ++next[offer.group];  // declined: the employer turns to the next applicant
        continue;
      }
      const auto s = static_cast<std::size_t>(offer.searcher);
      hired[s] = 1;
      group_done[offer.group] = 1;
      hires.push_back({searchers[s], offer.position});
    }
  }
  return hires;
}

}  // namespace kfsim
