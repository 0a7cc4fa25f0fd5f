// Monthly changes of labour status: entering and leaving education, leaving a
// job (quits, lay-offs, disability, retirement), and moving between seeking
// work and staying outside the labour force.
#include <algorithm>
#include <cmath>

#include "models/labour/labour_market.hpp"
#include "models/labour/labour_outside_groups.hpp"
#include "models/labour/labour_seasonality.hpp"
#include "models/labour/occupation_turnover.hpp"
#include "models/labour/separations.hpp"
#include "models/population/ages.hpp"
#include "sim/parallel/parallel.hpp"
#include "sim/rng/draw_batch.hpp"

namespace kfsim {

namespace {

// Disability benefit turns into old-age pension at 67; activation stops there.
constexpr int kPensionAge = 67;
constexpr int kEarliestPensionAge = 62;

}  // namespace

void LabourMarket::count_start_quits(Month start) {
  start_quits_.assign(data_.occupations.size(), 0.0);
  const auto& table = persons_.table;
  const auto& status = table.column(persons_.labour_status);
  const auto& job = table.column(persons_.job);
  const auto& birth = table.column(persons_.birth_month);
  const auto& sex = table.column(persons_.sex);
  const auto& occupation = book_.occupation();
  // In slot order, so the sums are the same for any thread count.
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (static_cast<LabourStatus>(status[i]) != LabourStatus::Employed || job[i] == kNoJob)
      continue;
    const int age = age_in_years(Month::from_index(birth[i]), start);
    const std::size_t cell = labour_age_group(age) * kSexCount + static_cast<std::size_t>(sex[i]);
    start_quits_[static_cast<std::size_t>(occupation[static_cast<std::size_t>(job[i])])] +=
        data_.quit_rate[cell];
  }
}

void LabourMarket::refresh_quit_factors(const LabourParams& params) {
  if (quit_factor_ready_ && quit_factor_scale_ == params.occupation_turnover_scale) return;
  quit_factor_ = occupation_quit_factors(data_.occupation_quit_factor,
                                         params.occupation_turnover_scale, start_quits_);
  quit_factor_scale_ = params.occupation_turnover_scale;
  quit_factor_ready_ = true;
}

SeparationRates LabourMarket::separation_rates(Month month, const LabourParams& params) {
  if (retirement_month_.empty() || !(retirement_params_ == params)) {
    retirement_month_ = monthly_retirement_probabilities(data_.retirement_rate, params);
    // Held still, nobody ages and nobody retires (the rules by age are off below; the start
    // state has nobody employed at 75 or over, whom draw_job_event would retire). So too
    // in the burn-in before the start (labour_burn_in.cpp).
    if (held_still()) std::fill(retirement_month_.begin(), retirement_month_.end(), 0.0);
    retirement_params_ = params;
  }
  refresh_quit_factors(params);

  // Quits and lay-offs have their seasons: many temporary and seasonal
  // contracts end at New Year, few in spring (labour_seasonality.hpp).
  const double season = setup_.seasonal_index
                            ? seasonal_separation_factor(*setup_.seasonal_index,
                                                         month.month_of_year(), params.seasonality)
                            : 1.0;
  return SeparationRates{retirement_month_,
                         data_.disability_rate,
                         data_.quit_rate,
                         data_.layoff_rate,
                         params.disability_scale,
                         params.quit_scale,
                         params.layoff_scale,
                         season,
                         params.quit_to_unemployment_share,
                         params.on_the_job_search_rate,
                         quit_factor_};
}

void LabourMarket::draw_transitions(Month month, const LabourParams& params) {
  const SeparationRates rates = separation_rates(month, params);
  // Those outside the labour force but neither students nor in the disability
  // group start seeking work more often in a tight market.
  const double participation = participation_factor(tightness(), params.participation_response);
  const bool disability_group = static_cast<bool>(setup_.disability_stock);
  auto& table = persons_.table;
  const std::size_t n = table.size();
  // Every slot is written below, in parallel: no serial fill first.
  events_.resize(n);
  searching_.resize(n);
  event_slots_.reset(n, kDefaultGrain);
  // The columns as raw pointers held in the loop's own locals: the byte-wide
  // stores below (statuses, events, flags) may alias anything, and through
  // references the compiler would load every column's address again after each.
  const AgentId* const all_ids = table.ids().data();
  const std::int32_t* const birth_column = table.column(persons_.birth_month).data();
  const std::int8_t* const sex_column = table.column(persons_.sex).data();
  const std::int8_t* const home_column = table.column(persons_.municipality).data();
  std::int8_t* const status_column = table.column(persons_.labour_status).data();
  std::int8_t* const competence_column = table.column(persons_.competence).data();
  std::int8_t* const target_column = table.column(persons_.education_target).data();
  std::int32_t* const education_end_column = table.column(persons_.education_end).data();
  std::int16_t* const months_column = table.column(persons_.months_in_status).data();
  std::int8_t* const disability_column = table.column(persons_.disability).data();
  const std::int32_t* const job_column = table.column(persons_.job).data();
  const std::int8_t* const occupation_column = book_.occupation().data();
  std::uint8_t* const events_column = events_.data();
  std::uint8_t* const searching_column = searching_.data();

  parallel_blocks(n, kDefaultGrain, [&](std::size_t begin, std::size_t end) {
    const AgentId* const ids = all_ids;
    const std::int32_t* const birth = birth_column;
    const std::int8_t* const sex = sex_column;
    const std::int8_t* const home = home_column;
    std::int8_t* const status = status_column;
    std::int8_t* const competence = competence_column;
    std::int8_t* const target = target_column;
    std::int32_t* const education_end = education_end_column;
    std::int16_t* const months = months_column;
    std::int8_t* const disability = disability_column;
    const std::int32_t* const job = job_column;
    const std::int8_t* const position_occupation = occupation_column;
    std::uint8_t* const events = events_column;
    std::uint8_t* const searching = searching_column;
    const auto change = [status, months](std::size_t i, LabourStatus s) {
      status[i] = static_cast<std::int8_t>(s);
      months[i] = 0;
    };
    // The first eight words of the separation draws of everyone in the block
    // but children and the retired (who take none), computed at once
    // (draw_batch.hpp): the employed use six, the others eight.
    const auto draws_none = [&](std::size_t i) {
      return status[i] == static_cast<std::int8_t>(LabourStatus::Retired) ||
             status[i] == static_cast<std::int8_t>(LabourStatus::Child);
    };
    std::vector<std::int64_t> drawing;
    drawing.reserve(end - begin);
    for (std::size_t i = begin; i < end; ++i) {
      if (!draws_none(i)) drawing.push_back(ids[i]);
    }
    const rng::BatchedDraws separation(key_, drawing, month, rng::Stream::LabourSeparation, 2);
    std::size_t next_drawing = 0;
    for (std::size_t i = begin; i < end; ++i) {
      events[i] = static_cast<std::uint8_t>(JobEvent::None);
      searching[i] = 0;
      const auto s = static_cast<LabourStatus>(status[i]);
      // This person's place among those drawing, taken before any branch below.
      const std::size_t k = draws_none(i) ? 0 : next_drawing++;
      if (s == LabourStatus::Retired) continue;
      const Month born = Month::from_index(birth[i]);
      const int age = age_in_years(born, month);
      if (s == LabourStatus::Child) {
        if (age < kLabourMinAge) continue;
        // With an education model, children enter upper secondary through its
        // admissions; one who turns 18 without a place is outside education.
        if (setup_.external_education) {
          if (age >= 18) change(i, LabourStatus::Outside);
          continue;
        }
        // Assumption until education providers are modelled: a young person
        // studies towards the competence mix of today's 30-34-year-olds.
        rng::Draws draws(key_, static_cast<std::uint64_t>(ids[i]), month, rng::Stream::Education);
        const auto t = draw_competence(kSettledAgeGroup, static_cast<Sex>(sex[i]),
                                       static_cast<std::size_t>(home[i]), draws.uniform());
        target[i] = static_cast<std::int8_t>(t);
        education_end[i] = education_end_for(born, t, month).index();
        competence[i] = static_cast<std::int8_t>(primary_);
        change(i, LabourStatus::InEducation);
        continue;
      }
      // Graduation: the competence studied for is now held (the education
      // model graduates people itself when it runs).
      if (!setup_.external_education && target[i] != kNoCompetence &&
          month.index() >= education_end[i]) {
        competence[i] = target[i];
        target[i] = kNoCompetence;
        if (s == LabourStatus::InEducation) {
          change(i, LabourStatus::Unemployed);  // a new graduate seeks work
          searching[i] = 1;
          continue;
        }
      }
      if (s == LabourStatus::Employed) {
        const std::ptrdiff_t occupation =
            job[i] == kNoJob ? -1 : position_occupation[static_cast<std::size_t>(job[i])];
        const SeparationDraws u{separation.uniform(k, 0), separation.uniform(k, 1),
                                separation.uniform(k, 2), separation.uniform(k, 3),
                                separation.uniform(k, 4), separation.uniform(k, 5)};
        const auto drawn =
            draw_job_event({ids[i], age, static_cast<Sex>(sex[i]), occupation}, rates, u);
        events[i] = static_cast<std::uint8_t>(drawn.event);
        if (drawn.event != JobEvent::None) event_slots_.add(begin, i);
        if (drawn.searching) searching[i] = 1;
        continue;
      }
      // This stream's draws come in one order for every status
      // (draw_job_event); those only the employed use (disability, quit,
      // lay-off, where a quit leads: words 1, 2, 3 and 5) are passed over.
      const double u_retire = separation.uniform(k, 0);
      const double u_search = separation.uniform(k, 4);
      const double u_activate = separation.uniform(k, 6);
      const double u_exit = separation.uniform(k, 7);
      const double retire =
          retirement_month_[static_cast<std::size_t>(std::min(age, kMaxTableAge)) * kSexCount +
                            static_cast<std::size_t>(sex[i])];
      // Held still, nobody retires: with ages frozen, the rules by age would drain the ages
      // where they act, month after month.
      const bool must_retire = !held_still() && age >= kAllRetiredAge;
      const bool pension_age = !held_still() && age >= kPensionAge;

      switch (s) {
        case LabourStatus::InEducation:
          // Pupils and students look for a part-time job beside their studies.
          if (u_search < params.student_job_search_rate) searching[i] = 1;
          break;
        case LabourStatus::Unemployed:
          if (must_retire || (age >= kEarliestPensionAge && u_retire < retire)) {
            change(i, LabourStatus::Retired);
          } else if (u_exit < params.unemployed_exit_rate) {
            change(i, LabourStatus::Outside);
          } else {
            searching[i] = 1;
          }
          break;
        case LabourStatus::Outside:
          if (must_retire || (age >= kEarliestPensionAge && u_retire < retire) || pension_age) {
            change(i, LabourStatus::Retired);
            disability[i] = 0;
          } else if (u_activate <
                     params.outside_search_rate * (disability[i] ? 1.0 : participation)) {
            change(i, LabourStatus::Unemployed);
            searching[i] = 1;
            disability[i] = 0;
          } else if (disability_group) {
            // Entry into and exit from the disability group (labour_outside_groups.hpp).
            rng::Draws group(key_, static_cast<std::uint64_t>(ids[i]), month,
                             rng::Stream::OutsideGroup);
            const double u_group = group.uniform();
            if (disability[i]) {
              if (u_group < kDisabilityExitRate) disability[i] = 0;
            } else if (disability_age(age) &&
                       u_group < disability_entry_[static_cast<std::size_t>(sex[i])]) {
              disability[i] = 1;
            }
          }
          break;
        default:
          break;
      }
    }
  });
}

void LabourMarket::apply_transitions(Month month) {
  auto& job = persons_.table.column(persons_.job);
  const auto& target = persons_.table.column(persons_.education_target);
  const auto& birth = persons_.table.column(persons_.birth_month);
  auto& disability = persons_.table.column(persons_.disability);
  // The month's job events, in slot order.
  event_slots_.for_each([&](std::size_t i) {
    const auto event = static_cast<JobEvent>(events_[i]);
    SeparationReason reason = SeparationReason::Quit;
    LabourStatus next = LabourStatus::Unemployed;
    switch (event) {
      case JobEvent::Retire:
        reason = SeparationReason::Retirement;
        next = LabourStatus::Retired;
        break;
      case JobEvent::Disability:
        reason = SeparationReason::Disability;
        next = LabourStatus::Outside;
        break;
      case JobEvent::QuitToSeeking:
        reason = SeparationReason::Quit;
        next = LabourStatus::Unemployed;
        break;
      case JobEvent::QuitToOutside:
        reason = SeparationReason::Quit;
        next = LabourStatus::Outside;
        break;
      case JobEvent::Layoff:
        reason = SeparationReason::Layoff;
        next = LabourStatus::Unemployed;
        break;
      case JobEvent::None:
        break;
    }
    // A student who leaves a job goes on studying.
    if (target[i] != kNoCompetence && next != LabourStatus::Retired)
      next = LabourStatus::InEducation;
    // Retirement and disability take a person out of the occupation's labour
    // supply for good: replacement demand. A quit or lay-off, into job search or
    // out of the labour force for a time (to study, or outside: most come back,
    // as those outside seek work again at labour.outside_search_rate), is churn,
    // as Cedefop's net outflows by age leave such round trips out.
    const bool exit =
        reason == SeparationReason::Retirement || reason == SeparationReason::Disability;
    const OpeningKind kind = exit ? OpeningKind::Replacement : OpeningKind::Churn;
    vacate(static_cast<std::size_t>(job[i]), month, reason, kind);
    job[i] = kNoJob;
    set_status(i, next);
    if (event == JobEvent::Disability && next == LabourStatus::Outside && setup_.disability_stock &&
        disability_age(age_in_years(Month::from_index(birth[i]), month))) {
      disability[i] = 1;
    }
    // Those who lose a job seek another from next month, so nobody is hired
    // back into the position they have just left.
    searching_[i] = 0;
  });
}

}  // namespace kfsim
