#include "models/education/education.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "models/labour/labour_choice.hpp"
#include "models/labour/labour_measures.hpp"
#include "models/population/ages.hpp"
#include "sim/parallel/parallel.hpp"

namespace kfsim {

namespace {

// The choice among programmes stays open this many rounds: an applicant turned
// away by a full programme chooses again among those with places left.
constexpr int kChoiceRounds = 3;

// Pupils weigh schools by travel time like commuters weigh jobs (assumption:
// the same 30-minute scale as labour.commute_decay_minutes' default).
constexpr double kSchoolTravelDecayMinutes = 30;

constexpr std::int8_t stage_code(Stage stage) {
  return static_cast<std::int8_t>(static_cast<int>(stage) + 1);
}

}  // namespace

Education::Education(const EducationData& data, const LabourData& labour_data,
                     const Municipalities& municipalities, Persons& persons,
                     const LabourMarket& labour, MeasureSet& measures, const rng::RngKey& key,
                     Month start, Month end, int signal_lag)
    : data_(data),
      labour_data_(labour_data),
      municipalities_(municipalities),
      persons_(persons),
      labour_(labour),
      measures_(measures),
      key_(key),
      first_month_(start),
      last_month_(end),
      signal_lag_(signal_lag) {
  std::vector<std::int32_t> codes(data.size());
  std::vector<std::string> labels;
  for (std::size_t p = 0; p < data.size(); ++p) {
    codes[p] = static_cast<std::int32_t>(p);
    labels.push_back(data.programmes[p].code + ": " + data.programmes[p].name + " (" +
                     data.programmes[p].provider + ")");
  }
  measures.add_dimension({"programme", "1", "education programme at a provider (index)", codes,
                          "programme_name", labels});
  const std::vector<std::string> dims = {"year", "programme"};
  auto count = [&](const char* name, const char* meaning, const char* cell) {
    return measures.declare_count(name, dims, "persons", meaning, cell);
  };
  ids_.applicants = count("programme_applicants",
                          "applicants with the programme as first choice (August)", "year: sum");
  ids_.admitted = count("programme_admitted", "admitted (intake)", "year: sum");
  ids_.admitted_non_resident =
      count("programme_admitted_non_resident",
            "admitted applicants living outside Østfold (not followed)", "year: sum");
  ids_.rejected =
      count("programme_rejected", "applications turned away for lack of places", "year: sum");
  ids_.places = count("programme_places", "intake places in the year's admissions", "year: point");
  ids_.unused_places = count("programme_unused_places", "intake places left empty", "year: point");
  ids_.enrolled_start =
      count("programme_enrolled_start",
            "enrolled on 1 January (the run's first day for the first year)", "year: point");
  ids_.enrolled_end = count("programme_enrolled_end", "enrolled on 31 December", "year: point");
  ids_.completed =
      count("programme_completed",
            "completed the programme (for vocational school programmes: the two school years)",
            "year: sum");
  ids_.dropped_out =
      count("programme_dropped_out", "left the programme without completing it", "year: sum");
  ids_.moved =
      count("programme_moved", "left the programme by dying or moving out of Østfold", "year: sum");
  ids_.transferred_in = count(
      "programme_transferred_in",
      "enrolled other than by the August intake (moved into Østfold while studying; Vg3 in school)",
      "year: sum");
  ids_.graduates_followed = count(
      "graduates_followed", "graduates still in Østfold 12 months after completing", "year: sum");
  ids_.graduates_employed_12m =
      count("graduates_employed_12m",
            "of those, employed 12 months after completing (by year of completion)", "year: sum");
  ids_.graduates_fitting_job_12m =
      count("graduates_fitting_job_12m",
            "of those, in a job their competence fits well (fit >= 0.8)", "year: sum");
  ids_.outside_graduates_resident =
      count("programme_outside_graduates_resident",
            "graduates admitted as outside applicants to places above the table's who live in "
            "Østfold (adults and part-time students not followed as applicants): residents who "
            "gain the competence on completing",
            "year: sum");
  ids_.outside_graduates_settled =
      count("programme_outside_graduates_settled",
            "graduates from other counties admitted to places above the table's who settle in "
            "Østfold after completing (counted in June, moving in the month after)",
            "year: sum");
  admitted_this_year_.assign(data.size(), 0);
  outside_added_this_year_.assign(data.size(), 0);
  places_this_year_.assign(data.size(), -1);
  for (std::size_t c = labour_data.competences.size(); c-- > 0;) {
    if (labour_data.competence_level[c] == EducationLevel::Primary) primary_ = c;
  }
}

std::size_t Education::year_index(Month month) const {
  return static_cast<std::size_t>(month.year() - first_month_.year());
}

Month Education::programme_end(std::size_t programme, Month start) const {
  // Entered in August, a programme of L years ends in June L years later.
  const int months =
      static_cast<int>(std::lround(12 * data_.programmes[programme].length_years)) - 2;
  return start + std::max(1, months);
}

std::vector<std::int64_t> Education::stock() const {
  const auto& programme = persons_.table.column(persons_.programme);
  // kNoProgramme (-1) maps past the last bin: not counted.
  return parallel_counts(programme.size(), data_.size(), [&](std::size_t i) {
    return programme[i] == kNoProgramme ? data_.size() : static_cast<std::size_t>(programme[i]);
  });
}

void Education::record_stock(MeasureId measure, Month month) {
  const auto counts = stock();
  const std::size_t y = year_index(month);
  for (std::size_t p = 0; p < counts.size(); ++p) measures_.count(measure, {y, p}) = counts[p];
}

void Education::enrol(std::size_t person, std::size_t programme, Month month, Month end) {
  auto& t = persons_.table;
  give_compulsory_school(person);
  t.column(persons_.programme)[person] = static_cast<std::int16_t>(programme);
  t.column(persons_.education_target)[person] =
      static_cast<std::int8_t>(data_.programmes[programme].competence);
  t.column(persons_.education_end)[person] = std::max(end, month + 1).index();
  t.column(persons_.next_stage)[person] = 0;
  auto& status = t.column(persons_.labour_status)[person];
  // The employed keep their job while studying (upskilling, part-time work).
  if (status != static_cast<std::int8_t>(LabourStatus::Employed)) {
    status = static_cast<std::int8_t>(LabourStatus::InEducation);
    t.column(persons_.months_in_status)[person] = 0;
  }
}

void Education::give_compulsory_school(std::size_t person) {
  // Whoever leaves lower secondary holds its competence from then on.
  auto& competence = persons_.table.column(persons_.competence)[person];
  if (competence == kNoCompetence) competence = static_cast<std::int8_t>(primary_);
}

void Education::leave_education(std::size_t person) {
  auto& t = persons_.table;
  give_compulsory_school(person);
  t.column(persons_.programme)[person] = kNoProgramme;
  t.column(persons_.education_target)[person] = kNoCompetence;
  t.column(persons_.next_stage)[person] = 0;
  t.column(persons_.school_vg3)[person] = 0;
  auto& status = t.column(persons_.labour_status)[person];
  if (status == static_cast<std::int8_t>(LabourStatus::InEducation) ||
      status == static_cast<std::int8_t>(LabourStatus::Child)) {
    status = static_cast<std::int8_t>(LabourStatus::Unemployed);  // seeks work
    t.column(persons_.months_in_status)[person] = 0;
  }
}

bool Education::eligible(std::size_t person, const Programme& programme, Month month) const {
  const auto& t = persons_.table;
  const int age = age_in_years(Month::from_index(t.column(persons_.birth_month)[person]), month);
  if (age < programme.min_age || age > programme.max_age) return false;
  const auto c =
      static_cast<std::size_t>(std::max<std::int8_t>(0, t.column(persons_.competence)[person]));
  const EducationLevel level = labour_data_.competence_level[c];
  switch (programme.stage) {
    case Stage::Vg1:
      return true;
    case Stage::Apprenticeship:
      return static_cast<std::size_t>(t.column(persons_.education_target)[person]) ==
             programme.competence;
    case Stage::Higher:
      if (programme.eligibility.general_studies_only)
        return level == EducationLevel::UpperSecondaryGeneral;
      return level == EducationLevel::UpperSecondaryGeneral ||
             level == EducationLevel::UpperSecondaryVocational;
    case Stage::Master:
      return level == EducationLevel::Bachelor;
    case Stage::Adult: {
      const auto& e = programme.eligibility;
      if (e.employed_only && t.column(persons_.labour_status)[person] !=
                                 static_cast<std::int8_t>(LabourStatus::Employed)) {
        return false;
      }
      if (e.unemployed_only && t.column(persons_.labour_status)[person] !=
                                   static_cast<std::int8_t>(LabourStatus::Unemployed)) {
        return false;
      }
      if (e.competences.empty()) return true;
      return std::find(e.competences.begin(), e.competences.end(), static_cast<std::int8_t>(c)) !=
             e.competences.end();
    }
  }
  return false;
}

double Education::choice_weight(std::size_t person, const Programme& programme,
                                const EducationParams& params) const {
  double weight = programme.choice_weight;
  if (weight <= 0) return 0;
  // Career guidance: choices lean towards competences the labour market asks for.
  if (params.labour_market_signal_strength > 0 && !current_signal_.empty()) {
    const double signal = std::clamp(current_signal_[programme.competence], -1.0, 1.0);
    weight *= std::exp(params.labour_market_signal_strength * signal);
  }
  if (programme.municipality >= 0) {
    const auto home =
        static_cast<std::size_t>(persons_.table.column(persons_.municipality)[person]);
    const std::size_t areas = municipalities_.size() + 1;
    const double minutes =
        labour_data_
            .travel_minutes[home * areas + static_cast<std::size_t>(programme.municipality)];
    if (minutes < 0) return 0;
    weight *= std::exp(-minutes / kSchoolTravelDecayMinutes);
  }
  return weight;
}

void Education::initialize(Month start) {
  enrol_transfers(start, true);
  record_stock(ids_.enrolled_start, start);
  stock_after_last_step_ = stock();
}

void Education::enrol_transfers(Month month, bool at_start) {
  // People the labour market gave a competence to study for (on the start date,
  // or on moving into Østfold) join a programme that gives it.
  auto& t = persons_.table;
  const auto ids = t.ids();
  const std::size_t y = year_index(month);
  // The columns, looked up once: a month has few transfers among many persons.
  const auto& education_target = t.column(persons_.education_target);
  const auto& in_programme = t.column(persons_.programme);
  const auto& next_stage = t.column(persons_.next_stage);
  const auto& birth_month = t.column(persons_.birth_month);
  const auto& education_end = t.column(persons_.education_end);
  for (std::size_t i = 0; i < t.size(); ++i) {
    const auto target = education_target[i];
    if (target == kNoCompetence || in_programme[i] != kNoProgramme || next_stage[i] != 0) {
      continue;
    }
    const Month born = Month::from_index(birth_month[i]);
    // This year's 16-year-olds (and younger) are still in lower secondary:
    // they apply to upper secondary in August.
    if (born.year() >= month.year() - 16) continue;
    const int age = age_in_years(born, month);
    const auto level = labour_data_.competence_level[static_cast<std::size_t>(target)];
    const bool upper_secondary = level == EducationLevel::UpperSecondaryGeneral ||
                                 level == EducationLevel::UpperSecondaryVocational;
    // Which programmes could they be in: the one giving their target, or
    // general upper secondary while too young for higher education.
    std::vector<double> weights(data_.size(), 0.0);
    const bool still_in_school = !upper_secondary && age < 19;
    for (std::size_t p = 0; p < data_.size(); ++p) {
      const auto& programme = data_.programmes[p];
      if (programme.stage == Stage::Adult) continue;
      bool fits = false;
      if (still_in_school) {
        fits =
            programme.stage == Stage::Vg1 && labour_data_.competence_level[programme.competence] ==
                                                 EducationLevel::UpperSecondaryGeneral;
      } else if (upper_secondary && level == EducationLevel::UpperSecondaryVocational &&
                 age >= 18) {
        fits = programme.stage == Stage::Apprenticeship &&
               programme.competence == static_cast<std::size_t>(target);
      } else {
        fits = programme.stage != Stage::Apprenticeship &&
               programme.competence == static_cast<std::size_t>(target);
      }
      if (fits) weights[p] = std::max(programme.choice_weight, 1e-9);
    }
    double total = 0;
    for (double w : weights) total += w;
    if (total <= 0) {
      leave_education(i);
      continue;
    }
    rng::Draws draws(key_, static_cast<std::uint64_t>(ids[i]), month, rng::Stream::EducationChoice);
    const std::size_t p = pick_weighted(weights, draws.uniform());
    Month end = Month::from_index(education_end[i]);
    // Upper secondary ends in June of the year one turns 19; the school years
    // of a vocational programme a year earlier, before the apprenticeship.
    if (still_in_school) end = Month::of(born.year() + 19, 6);
    if (data_.programmes[p].vocational) end = Month::of(born.year() + 18, 6);
    enrol(i, p, month, end);
    if (!at_start) ++measures_.count(ids_.transferred_in, {y, p});
  }
}

void Education::count_departures(Month month) {
  // Only education changes a resident's programme, so the students gone since
  // the last step are those the demography removed (Persons::departed_programmes).
  const std::size_t y = year_index(month);
  for (const auto p : persons_.departed_programmes) {
    ++measures_.count(ids_.moved, {y, static_cast<std::size_t>(p)});
  }
  persons_.departed_programmes.clear();
}

void Education::drop_out(Month month) {
  auto& t = persons_.table;
  const std::size_t n = t.size();
  std::vector<std::uint8_t> drops(n, 0);
  const auto ids = t.ids();
  const auto& programme = t.column(persons_.programme);
  parallel_blocks(n, kDefaultGrain, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (programme[i] == kNoProgramme) continue;
      const auto& p = data_.programmes[static_cast<std::size_t>(programme[i])];
      // A constant monthly hazard over the months at risk (August to the final
      // June) that leaves completion_rate of entrants at the end.
      const double months_at_risk = std::max(1.0, std::round(12.0 * p.length_years) - 2.0);
      const double monthly = -std::expm1(std::log(p.completion_rate) / months_at_risk);
      rng::Draws draws(key_, static_cast<std::uint64_t>(ids[i]), month, rng::Stream::Education);
      if (draws.uniform() < monthly) drops[i] = 1;
    }
  });
  const std::size_t y = year_index(month);
  for (std::size_t i = 0; i < n; ++i) {
    if (!drops[i]) continue;
    ++measures_.count(ids_.dropped_out, {y, static_cast<std::size_t>(programme[i])});
    leave_education(i);
  }
}

void Education::award(std::size_t person, std::size_t programme, Month month) {
  auto& t = persons_.table;
  const Programme& p = data_.programmes[programme];
  auto& competence = t.column(persons_.competence)[person];
  if (competence == kNoCompetence ||
      labour_data_.competence_level[p.competence] >=
          labour_data_.competence_level[static_cast<std::size_t>(competence)]) {
    competence = static_cast<std::int8_t>(p.competence);
    // A Norwegian qualification needs no recognition.
    t.column(persons_.qualification_pending)[person] = 0;
  }
  t.column(persons_.graduation_month)[person] = month.index();
  t.column(persons_.graduated_programme)[person] = static_cast<std::int16_t>(programme);
}

void Education::complete(Month month, const EducationParams& params) {
  auto& t = persons_.table;
  const auto ids = t.ids();
  const std::size_t y = year_index(month);
  for (std::size_t i = 0; i < t.size(); ++i) {
    const auto p_index = t.column(persons_.programme)[i];
    if (p_index == kNoProgramme || t.column(persons_.education_end)[i] > month.index()) continue;
    const auto p = static_cast<std::size_t>(p_index);
    const Programme& programme = data_.programmes[p];
    ++measures_.count(ids_.completed, {y, p});
    t.column(persons_.programme)[i] = kNoProgramme;
    // The two school years of a vocational programme lead to an apprenticeship.
    if (programme.vocational && !t.column(persons_.school_vg3)[i]) {
      t.column(persons_.next_stage)[i] = stage_code(Stage::Apprenticeship);
      continue;
    }
    t.column(persons_.school_vg3)[i] = 0;
    award(i, p, month);
    const auto new_level = labour_data_.competence_level[programme.competence];
    t.column(persons_.education_target)[i] = kNoCompetence;
    // Go on studying? Decided now, applied for in August.
    rng::Draws draws(key_, static_cast<std::uint64_t>(ids[i]), month, rng::Stream::EducationChoice);
    const double u = draws.uniform();
    const int age = age_in_years(Month::from_index(t.column(persons_.birth_month)[i]), month);
    std::int8_t next = 0;
    if (new_level == EducationLevel::UpperSecondaryGeneral && age < 30 &&
        u < params.higher_application_rate_general) {
      next = stage_code(Stage::Higher);
    } else if (new_level == EducationLevel::UpperSecondaryVocational && age < 30 &&
               u < params.higher_application_rate_vocational) {
      next = stage_code(Stage::Higher);
    } else if (new_level == EducationLevel::Bachelor && programme.stage != Stage::Adult &&
               u < params.master_application_rate) {
      next = stage_code(Stage::Master);
    }
    if (next != 0) {
      t.column(persons_.next_stage)[i] = next;
    } else {
      leave_education(i);
    }
  }
}

void Education::admit(Month month, Stage stage, const std::vector<std::size_t>& applicants,
                      const EducationParams& params, const std::vector<double>& places) {
  auto& t = persons_.table;
  const auto ids = t.ids();
  const std::size_t y = year_index(month);
  std::vector<int> choice(applicants.size(), -1);
  std::vector<std::uint8_t> placed(applicants.size(), 0);
  std::vector<rng::Draws> draws;
  draws.reserve(applicants.size());
  for (std::size_t a : applicants) {
    draws.emplace_back(key_, static_cast<std::uint64_t>(ids[a]), month,
                       rng::Stream::EducationChoice);
  }
  auto room = [&](std::size_t p) {
    return places[p] < 0 || static_cast<double>(admitted_this_year_[p]) < std::floor(places[p]);
  };
  std::vector<double> weights(data_.size());
  for (int round = 0; round < kChoiceRounds; ++round) {
    // Each applicant still without a place chooses among programmes with room.
    std::vector<std::vector<std::size_t>> queue(data_.size());
    for (std::size_t k = 0; k < applicants.size(); ++k) {
      const double u = draws[k].uniform();
      if (placed[k]) continue;
      double total = 0;
      for (std::size_t p = 0; p < data_.size(); ++p) {
        const Programme& programme = data_.programmes[p];
        weights[p] =
            programme.stage == stage && room(p) && eligible(applicants[k], programme, month)
                ? choice_weight(applicants[k], programme, params)
                : 0.0;
        total += weights[p];
      }
      if (total <= 0) continue;
      const std::size_t p = pick_weighted(weights, u);
      if (round == 0) ++measures_.count(ids_.applicants, {y, p});
      queue[p].push_back(k);
    }
    // Over-subscribed programmes admit in a random order keyed by the
    // applicant (a stand-in for grades), ties by slot. Colleges also take
    // applicants from outside Østfold, who compete for the same places in the
    // first round but are not followed afterwards (they do not live here).
    for (std::size_t p = 0; p < data_.size(); ++p) {
      auto& q = queue[p];
      const std::int64_t outsiders =
          round == 0 ? outside_applicants(p, stage, places[p], params) : 0;
      if (q.empty() && outsiders == 0) continue;
      std::vector<std::pair<std::uint32_t, std::size_t>> order;
      for (std::size_t k : q) {
        rng::Draws priority(key_, static_cast<std::uint64_t>(ids[applicants[k]]), month,
                            rng::Stream::EducationAdmission);
        order.emplace_back(priority.next_u32(), k);
      }
      rng::Draws outside(key_, p, month, rng::Stream::EducationOutsideApplicants);
      for (std::int64_t j = 0; j < outsiders; ++j) {
        order.emplace_back(outside.next_u32(), applicants.size() + static_cast<std::size_t>(j));
      }
      std::sort(order.begin(), order.end());
      for (const auto& [unused, k] : order) {
        const bool resident = k < applicants.size();
        if (!room(p)) {
          if (resident) ++measures_.count(ids_.rejected, {y, p});
          continue;
        }
        // An outside applicant admitted beyond the table's places would have been turned
        // away at them: the intake a policy's added places bring.
        const double table = data_.programmes[p].places;
        if (!resident && table > 0 && static_cast<double>(admitted_this_year_[p]) >= table) {
          ++outside_added_this_year_[p];
        }
        ++admitted_this_year_[p];
        if (!resident) {
          ++measures_.count(ids_.admitted_non_resident, {y, p});
          continue;
        }
        ++measures_.count(ids_.admitted, {y, p});
        placed[k] = 1;
        enrol(applicants[k], p, month, programme_end(p, month));
      }
    }
  }
  // Those without a place.
  for (std::size_t k = 0; k < applicants.size(); ++k) {
    if (placed[k]) continue;
    const std::size_t i = applicants[k];
    if (stage == Stage::Adult) continue;  // they carry on as before
    if (stage == Stage::Apprenticeship && draws[k].uniform() < params.vg3_in_school_share) {
      // Vg3 in school: a final school year instead of the apprenticeship.
      // At the school of their trade nearest to home.
      const auto target = static_cast<std::size_t>(t.column(persons_.education_target)[i]);
      const auto home = static_cast<std::size_t>(t.column(persons_.municipality)[i]);
      const std::size_t areas = municipalities_.size() + 1;
      int nearest = -1;
      double nearest_minutes = 0;
      for (std::size_t p = 0; p < data_.size(); ++p) {
        const Programme& programme = data_.programmes[p];
        if (!programme.vocational || programme.competence != target) continue;
        const double minutes =
            programme.municipality < 0
                ? 0.0
                : labour_data_.travel_minutes[home * areas +
                                              static_cast<std::size_t>(programme.municipality)];
        if (minutes < 0) continue;
        if (nearest < 0 || minutes < nearest_minutes) {
          nearest = static_cast<int>(p);
          nearest_minutes = minutes;
        }
      }
      if (nearest >= 0) {
        const auto p = static_cast<std::size_t>(nearest);
        enrol(i, p, month, month + 10);
        t.column(persons_.school_vg3)[i] = 1;
        ++measures_.count(ids_.transferred_in, {y, p});
        continue;
      }
    }
    leave_education(i);
  }
}

void Education::admit_all(Month month, const EducationParams& params,
                          const std::vector<double>& places) {
  const auto key = Month::of(month.year(), 8).index();
  const auto found = signal_by_august_.find(key);
  current_signal_ = found == signal_by_august_.end() ? std::vector<double>{} : found->second;
  signal_by_august_.erase(signal_by_august_.begin(), signal_by_august_.upper_bound(key));

  std::fill(admitted_this_year_.begin(), admitted_this_year_.end(), 0);
  std::fill(outside_added_this_year_.begin(), outside_added_this_year_.end(), 0);
  places_this_year_ = places;
  auto& t = persons_.table;
  const auto ids = t.ids();
  const auto& birth = t.column(persons_.birth_month);
  const auto& programme = t.column(persons_.programme);
  const auto& next = t.column(persons_.next_stage);
  const auto& status = t.column(persons_.labour_status);
  std::vector<std::vector<std::size_t>> applicants(kStageCount);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (programme[i] != kNoProgramme) continue;
    if (next[i] != 0) {
      applicants[static_cast<std::size_t>(next[i] - 1)].push_back(i);
      continue;
    }
    const Month born = Month::from_index(birth[i]);
    const auto s = static_cast<LabourStatus>(status[i]);
    if (born.year() == month.year() - 16 && s != LabourStatus::Retired) {
      applicants[static_cast<std::size_t>(Stage::Vg1)].push_back(i);
      continue;
    }
    if (s == LabourStatus::Employed || s == LabourStatus::Unemployed ||
        s == LabourStatus::Outside) {
      // Adults apply for upskilling now and then (the yearly application rate).
      rng::Draws draws(key_, static_cast<std::uint64_t>(ids[i]), month, rng::Stream::Training);
      const int age = age_in_years(born, month);
      const double rate = params.adult_application_rate *
                          std::exp(-params.adult_application_age_decline * std::max(0, age - 25));
      if (draws.uniform() < rate) {
        applicants[static_cast<std::size_t>(Stage::Adult)].push_back(i);
      }
    }
  }
  for (Stage stage :
       {Stage::Vg1, Stage::Apprenticeship, Stage::Higher, Stage::Master, Stage::Adult}) {
    admit(month, stage, applicants[static_cast<std::size_t>(stage)], params, places);
  }
  note_added_outside_intake(month);
  const std::size_t y = year_index(month);
  for (std::size_t p = 0; p < data_.size(); ++p) {
    if (places[p] < 0) continue;
    const auto capacity = static_cast<std::int64_t>(std::floor(places[p]));
    measures_.count(ids_.places, {y, p}) = capacity;
    measures_.count(ids_.unused_places, {y, p}) = capacity - admitted_this_year_[p];
  }
}

std::int64_t Education::outside_applicants(std::size_t programme, Stage stage, double places,
                                           const EducationParams& params) const {
  const Programme& p = data_.programmes[programme];
  const bool college =
      p.provider_type == ProviderType::University || p.provider_type == ProviderType::Fagskole;
  if (!college || p.stage != stage || places <= 0 || p.places <= 0) return 0;
  // In proportion to the table's places, not to places a policy adds: more
  // places at HiØ do not by themselves draw more applicants from elsewhere.
  return std::llround(p.places * params.outside_applicants_per_place);
}

void Education::note_added_outside_intake(Month month) {
  for (std::size_t p = 0; p < data_.size(); ++p) {
    const std::int64_t count = outside_added_this_year_[p];
    if (count > 0) outside_cohorts_.push_back({p, month, programme_end(p, month), count});
  }
}

void Education::complete_outside(Month month, const EducationParams& params) {
  const std::size_t y = year_index(month);
  std::vector<OutsideCohort> later;
  for (const OutsideCohort& cohort : outside_cohorts_) {
    if (cohort.end > month) later.push_back(cohort);
    if (cohort.end != month) continue;
    const std::size_t p = cohort.programme;
    const Programme& programme = data_.programmes[p];
    // Each completes with the programme's completion rate; a completer lives in the county
    // already (outside_resident_share) or, coming from elsewhere, settles there
    // (outside_graduate_settle_share) or leaves.
    const double resident = params.outside_resident_share;
    const double stays = resident + (1.0 - resident) * params.outside_graduate_settle_share;
    rng::Draws draws(key_, p, month, rng::Stream::OutsideGraduates);
    std::int64_t residents = 0;
    std::uint32_t settlers = 0;
    for (std::int64_t k = 0; k < cohort.count; ++k) {
      const double u_complete = draws.uniform();
      const double u_stay = draws.uniform();
      if (u_complete >= programme.completion_rate) continue;
      if (u_stay < resident) {
        ++residents;
      } else if (u_stay < stays) {
        ++settlers;
      }
    }
    if (settlers > 0) {
      GraduateSettlers group = settlers_like_graduates(p, month);
      group.count = settlers;
      settlers_.push_back(group);
      measures_.count(ids_.outside_graduates_settled, {y, p}) += settlers;
    }
    measures_.count(ids_.outside_graduates_resident, {y, p}) +=
        graduate_residents(p, cohort.admitted, month, residents);
  }
  outside_cohorts_ = std::move(later);
}

GraduateSettlers Education::settlers_like_graduates(std::size_t programme, Month month) const {
  // As the residents who completed the programme this month: their share of women and their
  // mean age (the programme's entry age plus its length where none did).
  const auto& t = persons_.table;
  const auto& graduated = t.column(persons_.graduation_month);
  const auto& completed = t.column(persons_.graduated_programme);
  const auto& sex = t.column(persons_.sex);
  const auto& birth = t.column(persons_.birth_month);
  std::int64_t n = 0;
  std::int64_t women = 0;
  std::int64_t ages = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (graduated[i] != month.index() || static_cast<std::size_t>(completed[i]) != programme) {
      continue;
    }
    ++n;
    if (sex[i] == static_cast<std::int8_t>(Sex::Female)) ++women;
    ages += age_in_years(Month::from_index(birth[i]), month);
  }
  const Programme& p = data_.programmes[programme];
  GraduateSettlers group;
  group.programme = programme;
  group.competence = static_cast<std::int8_t>(p.competence);
  group.female_share = n > 0 ? static_cast<double>(women) / static_cast<double>(n) : 0.5;
  group.age =
      n > 0 ? static_cast<int>(std::lround(static_cast<double>(ages) / static_cast<double>(n)))
            : p.min_age + static_cast<int>(std::lround(p.length_years));
  return group;
}

std::int64_t Education::graduate_residents(std::size_t programme, Month admitted, Month month,
                                           std::int64_t count) {
  if (count <= 0) return 0;
  auto& t = persons_.table;
  const Programme& p = data_.programmes[programme];
  const auto new_level = labour_data_.competence_level[p.competence];
  const auto ids = t.ids();
  const auto& enrolled = t.column(persons_.programme);
  const auto& next = t.column(persons_.next_stage);
  const auto& disability = t.column(persons_.disability);
  auto& status = t.column(persons_.labour_status);
  const auto& competence = t.column(persons_.competence);
  // Who could have been admitted then, is in no programme now, and is of working age in the
  // labour force or outside it (not on a disability benefit): drawn at random, keyed by the
  // person and the programme.
  std::vector<std::pair<double, std::size_t>> candidates;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const auto s = static_cast<LabourStatus>(status[i]);
    if (enrolled[i] != kNoProgramme || next[i] != 0 || disability[i] != 0) continue;
    if (s != LabourStatus::Employed && s != LabourStatus::Unemployed &&
        s != LabourStatus::Outside) {
      continue;
    }
    if (competence[i] == kNoCompetence ||
        labour_data_.competence_level[static_cast<std::size_t>(competence[i])] >= new_level ||
        !eligible(i, p, admitted)) {
      continue;
    }
    const auto counter = ((static_cast<std::uint64_t>(ids[i]) + 1) << 16) | programme;
    rng::Draws draws(key_, counter, month, rng::Stream::OutsideGraduates);
    candidates.emplace_back(draws.uniform(), i);
  }
  const auto chosen = std::min<std::size_t>(candidates.size(), static_cast<std::size_t>(count));
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(chosen),
                    candidates.end());
  for (std::size_t k = 0; k < chosen; ++k) {
    const std::size_t i = candidates[k].second;
    award(i, programme, month);
    // The employed keep their job, as resident graduates do; the others seek work.
    if (status[i] != static_cast<std::int8_t>(LabourStatus::Employed)) {
      status[i] = static_cast<std::int8_t>(LabourStatus::Unemployed);
      t.column(persons_.months_in_status)[i] = 0;
    }
  }
  return static_cast<std::int64_t>(chosen);
}

std::vector<GraduateSettlers> Education::take_settlers() { return std::exchange(settlers_, {}); }

void Education::follow_up_graduates(Month month) {
  auto& t = persons_.table;
  const auto& graduated = t.column(persons_.graduation_month);
  const auto& programme = t.column(persons_.graduated_programme);
  const auto& status = t.column(persons_.labour_status);
  const auto year_ago = (month - 12).index();
  if (month - 12 < first_month_) return;
  const std::size_t y = year_index(month - 12);
  // Followed, employed and in a fitting job, by programme: whole numbers,
  // counted by blocks in parallel.
  const std::size_t n = data_.size();
  const auto counts = deterministic_reduce(
      t.size(), 4 * kDefaultGrain, std::vector<std::int64_t>(3 * n, 0),
      [&](std::size_t begin, std::size_t end, std::vector<std::int64_t>& part) {
        for (std::size_t i = begin; i < end; ++i) {
          if (graduated[i] != year_ago) continue;
          const auto p = static_cast<std::size_t>(programme[i]);
          ++part[p];
          if (status[i] != static_cast<std::int8_t>(LabourStatus::Employed)) continue;
          ++part[n + p];
          if (labour_.job_fit(i) >= kGoodFit) ++part[2 * n + p];
        }
      },
      [](std::vector<std::int64_t>& total, const std::vector<std::int64_t>& part) {
        for (std::size_t k = 0; k < total.size(); ++k) total[k] += part[k];
      });
  for (std::size_t p = 0; p < n; ++p) {
    measures_.count(ids_.graduates_followed, {y, p}) += counts[p];
    measures_.count(ids_.graduates_employed_12m, {y, p}) += counts[n + p];
    measures_.count(ids_.graduates_fitting_job_12m, {y, p}) += counts[2 * n + p];
  }
}

void Education::refresh_signal(Month month) {
  // Record the signal now if some coming August is `signal_lag_` months away.
  const Month august = month + signal_lag_;
  if (august.month_of_year() != 8 || august > last_month_) return;
  signal_by_august_[august.index()] = labour_.competence_signal();
}

void Education::step(Month month, const EducationParams& params,
                     const std::vector<double>& places) {
  if (month.month_of_year() == 1 && month != first_month_) {
    // 1 January: the stock at the end of December, before this month's deaths and moves.
    const std::size_t y = year_index(month);
    for (std::size_t p = 0; p < data_.size(); ++p) {
      measures_.count(ids_.enrolled_start, {y, p}) = stock_after_last_step_[p];
    }
  }
  count_departures(month);
  enrol_transfers(month, false);
  // Held still, the students of the start date stay where they are: with ages frozen no new
  // cohort would come after them, so completions alone would drain the schools into the
  // labour force.
  if (!params.stationary) {
    drop_out(month);
    if (month.month_of_year() == 6) {
      complete(month, params);
      complete_outside(month, params);
    }
    if (month.month_of_year() == 8) admit_all(month, params, places);
  }
  follow_up_graduates(month);
  if (params.labour_market_signal_strength > 0 || signal_lag_ > 0) refresh_signal(month);
  if (month.month_of_year() == 12 || month == last_month_) record_stock(ids_.enrolled_end, month);
  stock_after_last_step_ = stock();
}

void Education::check_invariants(Month month) const {
  for (std::size_t p = 0; p < data_.size(); ++p) {
    if (places_this_year_[p] >= 0 &&
        static_cast<double>(admitted_this_year_[p]) > std::floor(places_this_year_[p])) {
      throw std::logic_error("programme " + data_.programmes[p].code + " admitted " +
                             std::to_string(admitted_this_year_[p]) + " with " +
                             std::to_string(places_this_year_[p]) + " places in " +
                             month.to_string());
    }
  }
  const auto& programme = persons_.table.column(persons_.programme);
  const auto& target = persons_.table.column(persons_.education_target);
  const auto ids = persons_.table.ids();
  for (std::size_t i = 0; i < persons_.size(); ++i) {
    if (programme[i] == kNoProgramme) continue;
    if (static_cast<std::size_t>(programme[i]) >= data_.size() || target[i] == kNoCompetence) {
      throw std::logic_error("person " + std::to_string(ids[i]) +
                             " is enrolled in an invalid programme in " + month.to_string());
    }
  }
}

}  // namespace kfsim
