#include "models/labour/labour_measures.hpp"

#include <numeric>

#include "models/population/labour_status.hpp"

namespace kfsim {

namespace {

Dimension categorical(std::string name, std::string long_name, std::vector<std::int32_t> codes,
                      std::string labels_name, std::vector<std::string> labels) {
  return {std::move(name),  "1", std::move(long_name), std::move(codes), std::move(labels_name),
          std::move(labels)};
}

std::vector<std::int32_t> indices(std::size_t n) {
  std::vector<std::int32_t> v(n);
  std::iota(v.begin(), v.end(), 0);
  return v;
}

}  // namespace

LabourMeasures declare_labour_measures(MeasureSet& measures, const LabourData& data,
                                       const Municipalities& municipalities) {
  {
    std::vector<std::string> labels;
    for (std::size_t c = 0; c < data.competences.size(); ++c) {
      labels.push_back(data.competences.codes[c] + ": " + data.competences.names[c]);
    }
    measures.add_dimension(categorical("competence", "competence group (index)",
                                       indices(data.competences.size()), "competence_name",
                                       labels));
  }
  {
    std::vector<std::int32_t> codes;
    for (const auto& code : data.occupations.codes) codes.push_back(std::stoi(code));
    measures.add_dimension(categorical("occupation",
                                       "STYRK-08 occupation code (see occupations.csv)", codes,
                                       "occupation_name", data.occupations.names));
  }
  {
    std::vector<std::int32_t> codes = municipalities.codes;
    std::vector<std::string> labels = municipalities.names;
    codes.push_back(kOutsideAreaCode);
    labels.emplace_back("Oslo og Akershus (outside Østfold)");
    measures.add_dimension(
        categorical("work_area", "place of work: municipality number, 0 for Oslo and Akershus",
                    codes, "work_area_name", labels));
  }
  {
    std::vector<std::string> labels(kLabourStatusLabels.begin(), kLabourStatusLabels.end());
    measures.add_dimension(categorical("labour_status", "labour-market status (code)",
                                       indices(kLabourStatusCount), "labour_status_name", labels));
  }
  {
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < data.industries.size(); ++i) {
      labels.push_back(data.industries.codes[i] + ": " + data.industries.names[i]);
    }
    measures.add_dimension(categorical("industry", "SN2007 industry group (index)",
                                       indices(data.industries.size()), "industry_name", labels));
  }
  measures.add_dimension(categorical("separation_reason", "why a person left a job (code)",
                                     indices(7), "separation_reason_name",
                                     {"quit", "layoff", "retirement", "disability",
                                      "death_or_moved_away", "job_to_job", "position_abolished"}));
  // Codes 0 and 1 keep the meaning they had when these were the only two kinds;
  // the replacement kind now counts exits only (OpeningKind).
  measures.add_dimension(categorical("opening_kind", "why a vacancy opened (code)", indices(4),
                                     "opening_kind_name",
                                     {"replacement", "expansion", "mobility", "churn"}));
  measures.add_dimension(categorical("outside_group",
                                     "group of those outside the labour force (code)", indices(3),
                                     "outside_group_name", {"student", "disability", "other"}));

  LabourMeasures m{};
  const std::string end = "year: point (31 December)";
  m.persons_by_status = measures.declare_count(
      "persons_by_status", {"year", "municipality", "sex", "age_group", "labour_status"}, "persons",
      "residents by labour-market status", end);
  m.employed_by_competence =
      measures.declare_count("employed_by_competence", {"year", "municipality", "competence"},
                             "persons", "employed residents by highest completed competence", end);
  m.unemployed_by_competence = measures.declare_count(
      "unemployed_by_competence", {"year", "municipality", "competence"}, "persons",
      "job seekers (registered unemployed) by highest completed competence", end);
  m.mismatched_employed = measures.declare_count(
      "mismatched_employed", {"year", "competence"}, "persons",
      "employed residents in a job their competence fits poorly (fit below 0.8)", end);
  m.jobs = measures.declare_count("jobs", {"year", "work_area", "occupation"}, "positions",
                                  "positions employers want filled (filled and vacant)", end);
  m.jobs_vacant = measures.declare_count("jobs_vacant", {"year", "work_area", "occupation"},
                                         "positions", "vacant positions", end);
  m.jobs_non_resident =
      measures.declare_count("jobs_non_resident", {"year", "work_area", "occupation"}, "positions",
                             "positions held by people living outside Østfold (in-commuters)", end);
  m.out_commuters = measures.declare_count("out_commuters", {"year", "municipality"}, "persons",
                                           "residents working in Oslo and Akershus", end);
  m.competence_supply = measures.declare_real(
      "competence_supply", {"year", "municipality", "competence"}, "persons",
      "labour force (employed and job seekers) by competence and municipality of residence", end);
  m.competence_demand = measures.declare_real(
      "competence_demand", {"year", "work_area", "competence"}, "persons",
      "what the positions open to residents ask for, in whole persons by the competence mix of "
      "each occupation: positions held by residents (any place of work), vacant positions and "
      "unmet demand in Østfold, by place of work",
      end);
  m.competence_gap = measures.declare_real(
      "competence_gap", {"year", "competence"}, "persons",
      "competence_demand minus competence_supply for the county; equals competence_shortage + "
      "competence_frictional - competence_surplus + competence_upgrading, exactly",
      end);
  m.competence_rating = measures.declare_count(
      "competence_rating", {"year", "competence"}, "1",
      "1 shortage, 0 balance, -1 surplus: competence_shortage minus competence_surplus as a share "
      "of the group's employed residents, beyond labour.gap_rating_threshold (upgrading never "
      "rates a shortage)",
      end);
  m.competence_shortage = measures.declare_count(
      "competence_shortage", {"year", "competence"}, "persons",
      "the gap's shortage: what positions in Østfold vacant labour.shortage_months or more, and "
      "unmet demand, ask for: demand the county fails to meet",
      end);
  m.competence_frictional = measures.declare_count(
      "competence_frictional", {"year", "competence"}, "persons",
      "the gap's frictional part: what positions in Østfold vacant a shorter time ask for", end);
  m.competence_surplus = measures.declare_count(
      "competence_surplus", {"year", "competence"}, "persons",
      "the gap's surplus: residents holding the competence who are registered unemployed or "
      "employed below it (in an occupation whose median requirement is a lower education level)",
      end);
  m.competence_upgrading = measures.declare_count(
      "competence_upgrading", {"year", "competence"}, "persons",
      "the gap's upgrading: what filled positions ask for minus the competences of the residents "
      "holding them (plus those of them counted in the surplus); positive where jobs asking for "
      "the competence are held by people with another, such as better-educated newcomers",
      end);
  m.shortage_by_occupation = measures.declare_count(
      "shortage_by_occupation", {"year", "work_area", "occupation"}, "positions",
      "positions in Østfold vacant labour.shortage_months or more, plus unmet demand, by place "
      "of work and occupation, on 31 December: the shortage in persons",
      end);
  m.employed_by_industry = measures.declare_count(
      "employed_by_industry", {"year", "work_area", "industry"}, "persons",
      "filled positions (residents and in-commuters) by industry and place of work", end);
  m.unmet_demand = measures.declare_count(
      "unmet_demand", {"year", "work_area", "occupation"}, "positions",
      "unmet demand: positions employers wanted but withdrew after they stayed vacant "
      "labour.unfilled_withdrawal_months, and do not post again while demand stays as high, by "
      "place of work (Østfold) and occupation",
      end);
  m.unmet_demand_by_industry =
      measures.declare_count("unmet_demand_by_industry", {"year", "industry"}, "positions",
                             "unmet demand (as unmet_demand) by industry, Østfold", end);
  m.employed_by_occupation = measures.declare_count(
      "employed_by_occupation", {"year", "municipality", "occupation"}, "persons",
      "employed residents by occupation and municipality of residence", end);
  m.employed_by_occupation_age = measures.declare_count(
      "employed_by_occupation_age", {"year", "occupation", "age_group"}, "persons",
      "employed residents by occupation and age on 31 December", end);
  m.unemployment_duration_mean = measures.declare_real(
      "unemployment_duration_mean", {"year", "competence"}, "months",
      "months the job seekers of 31 December had been seeking work, mean by competence", end);
  m.awaiting_recognition = measures.declare_count(
      "awaiting_recognition", {"year", "competence"}, "persons",
      "residents who moved in from abroad with a qualification above upper secondary that is not "
      "yet recognised (hired as if holding general upper secondary), by that qualification",
      end);
  m.vacancies_mean =
      measures.declare_real("vacancies_mean", {"year", "work_area", "occupation"}, "positions",
                            "vacant positions, mean over the months", "year: mean");
  m.unfilled_vacancies_mean = measures.declare_real(
      "unfilled_vacancies_mean", {"year", "work_area", "occupation"}, "positions",
      "vacancies open at least labour.shortage_months months (unfilled demand, as NAV's shortage), "
      "mean over the months",
      "year: mean");
  m.outside_labour_force_mean = measures.declare_real(
      "outside_labour_force_mean", {"year", "sex", "outside_group"}, "persons",
      "residents 15+ outside the labour force and not retired: students (not seeking work), the "
      "disability group (NAV-assessed reduced work capacity, 18-66) and the others; mean over "
      "the months",
      "year: mean");
  m.hires = measures.declare_count("hires", {"year", "work_area", "occupation"}, "persons",
                                   "residents hired", "year: sum");
  m.separations = measures.declare_count("separations", {"year", "separation_reason"}, "persons",
                                         "residents leaving a job, by reason", "year: sum");
  m.separations_by_occupation = measures.declare_count(
      "separations_by_occupation", {"year", "occupation", "separation_reason"}, "persons",
      "residents leaving a job, by the occupation of the job left and the reason, in Østfold "
      "and outside alike",
      "year: sum");
  m.openings = measures.declare_count(
      "openings", {"year", "opening_kind"}, "positions",
      "vacancies that opened in Østfold: replacement (the leaver left the occupation's labour "
      "supply for good: retirement, disability, death or moving out of the county), expansion "
      "(a new position), mobility (the leaver moved to a job in another occupation), churn (the "
      "leaver moved to a job in the same occupation, into registered unemployment or out of the "
      "labour force for a time, or was an in-commuter)",
      "year: sum");
  m.replacement_demand = measures.declare_count(
      "replacement_demand", {"year", "occupation"}, "persons",
      "residents leaving a job and the occupation's labour supply for good (retirement, "
      "disability, death or moving out of the county), in Østfold and outside alike; abolished "
      "positions left out",
      "year: sum");
  m.occupational_mobility = measures.declare_count(
      "occupational_mobility", {"year", "occupation"}, "persons",
      "residents leaving a job for one in another occupation, by the occupation left, in Østfold "
      "and outside alike",
      "year: sum");
  m.churn = measures.declare_count(
      "churn", {"year", "occupation"}, "persons",
      "residents leaving a job who stay in, or come back to, the occupation's labour supply: a "
      "job in the same occupation, a quit or lay-off into registered unemployment or out of the "
      "labour force for a time (to study or outside), in Østfold and outside alike; abolished "
      "positions left out",
      "year: sum");
  m.vacancy_months_at_hire = measures.declare_count(
      "vacancy_months_at_hire", {"year", "occupation"}, "months",
      "months the filled vacancies had been open, summed over hires", "year: sum");
  m.hires_by_occupation =
      measures.declare_count("hires_by_occupation", {"year", "occupation"}, "persons",
                             "residents hired, by occupation", "year: sum");
  m.unemployment_rate_monthly = measures.declare_real(
      "unemployment_rate_monthly", {"month"}, "1",
      "registered unemployed as a share of the resident labour force, end of month: job "
      "seekers and, in a lay-off episode, the temporarily laid off (as NAV counts helt ledige)",
      "month: point");
  m.vacancy_rate_monthly = measures.declare_real(
      "vacancy_rate_monthly", {"month"}, "1",
      "vacant positions in Østfold as a share of all positions there, end of month",
      "month: point");
  m.employed_monthly = measures.declare_count("employed_monthly", {"month"}, "persons",
                                              "employed residents, end of month", "month: point");
  m.unemployed_monthly = measures.declare_count("unemployed_monthly", {"month"}, "persons",
                                                "job seekers, end of month", "month: point");
  m.temporarily_laid_off_monthly =
      measures.declare_count("temporarily_laid_off_monthly", {"month"}, "persons",
                             "employed residents temporarily laid off in full, end of month "
                             "(labour.temporary_layoff_share; "
                             "counted as employed and as registered unemployed)",
                             "month: point");
  m.vacancies_monthly =
      measures.declare_count("vacancies_monthly", {"month"}, "positions",
                             "vacant positions in Østfold, end of month", "month: point");
  return m;
}

}  // namespace kfsim
