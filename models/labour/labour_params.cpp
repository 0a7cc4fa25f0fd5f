#include "models/labour/labour_params.hpp"

#include <string>

#include "models/scenario_keys.hpp"
#include "sim/run/parameter_at.hpp"

namespace kfsim {

namespace {
using scenario::KeySpec;
using scenario::Type;

constexpr const char* kCalibrated =
    "Assumption, calibrated by hand to the baseline targets (docs/calibration.md)";

constexpr const char* kIndustryGrowthShift = "labour.industry_growth_shift";
constexpr const char* kOccupationDemandTrend = "labour.occupation_demand_trend";
}  // namespace

void add_labour_keys(scenario::Schema& schema) {
  schema.add(data_key("data.competences", "competence groups (CSV: code,name_en,level)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key("data.occupations",
                      "STYRK-08 2-digit occupations (CSV: code,name_en,major_group)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key("data.industries", "SN2007 industry groups (CSV: code,name_en)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key(
      "data.jobs_by_industry",
      "jobs by workplace on the start date (CSV: industry,municipality,employed_workplace)",
      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key("data.staffing",
                      "occupation shares by industry (CSV: industry,occupation,share)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key("data.establishment_sizes",
                      "establishment size classes (CSV: industry,size_min,size_max,share_of_jobs)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key("data.occupation_competence_fit",
                      "how well a competence suits an occupation (CSV: occupation,competence,fit)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key("data.competence_by_age_sex",
                      "highest competence shares (CSV: age_group,sex,competence,share)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(
      data_key("data.competence_municipality_factor",
               "relative odds of education levels by municipality (CSV: municipality,level,factor)",
               "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key(
      "data.labour_status_targets",
      "employment and unemployment rates (CSV: age_group,sex,employment_rate,unemployment_rate)",
      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key("data.separation_rates",
                      "monthly quit, lay-off and disability rates (CSV: age_group,sex,...)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key("data.retirement_rates",
                      "annual retirement rates (CSV: age,sex,annual_retirement_rate)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key("data.commuting",
                      "out-commuting shares and non-resident workers (CSV: "
                      "municipality,out_of_county_share,in_commuters)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key("data.commuting_reach", "travel times (CSV: home,work,travel_minutes)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key("data.industry_growth",
                      "annual growth of jobs by industry (CSV: industry,annual_growth)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key("data.service_demand",
                      "services whose jobs follow the residents they serve, with their share of "
                      "their industry's jobs and use by age (CSV: service,industry,"
                      "share_of_industry_jobs,age_min,age_max,weight)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key("data.service_staffing",
                      "the occupations that staff a service of data.service_demand, as shares "
                      "of its jobs; the rest has its industry's mix (CSV: service,occupation,"
                      "share_of_service_jobs,source)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key("data.occupation_trend",
                      "yearly trends of each occupation's share of the positions within "
                      "industries and of its qualification requirement (CSV: occupation,"
                      "within_industry,higher_education_logit_trend)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key("data.turnover_by_occupation",
                      "each occupation's quit rate relative to the whole economy's, where KS's "
                      "municipal-sector turnover has a position code for it (CSV: occupation,"
                      "quit_factor; occupations without a row: 1)",
                      "scenarios/data/labour/SOURCES.md"));
  schema.add(data_key("data.occupation_requirements",
                      "lowest fit accepted in regulated occupations (CSV: occupation,min_fit)",
                      "scenarios/data/labour/SOURCES.md"));

  schema.add(integer_key("labour.applications_per_searcher", 2, 1, 50, "applications per month",
                         "vacancies a job seeker applies to each month", kCalibrated));
  schema.add(real_key("labour.on_the_job_search_rate", 0.01, 0, 1, "per month",
                      "share of the employed who look for a better-fitting job each month",
                      kCalibrated));
  schema.add(real_key("labour.student_job_search_rate", 0.05, 0, 1, "per month",
                      "share of pupils and students without a job who look for one beside their "
                      "studies each month",
                      kCalibrated));
  schema.add(
      real_key("labour.outside_search_rate", 0.02, 0, 1, "per month",
               "share of people outside the labour force (15-66) who start seeking work each "
               "month; the activation lever",
               kCalibrated));
  schema.add(real_key("labour.unemployed_exit_rate", 0.02, 0, 1, "per month",
                      "share of job seekers who stop seeking work each month", kCalibrated));
  schema.add(real_key("labour.quit_to_unemployment_share", 0.5, 0, 1, "1",
                      "share of those who quit into non-employment who register as job seekers",
                      kCalibrated));
  schema.add(real_key("labour.min_hiring_fit", 0.3, 0, 1, "1",
                      "lowest competence fit an employer accepts (regulated occupations ask more: "
                      "data.occupation_requirements); vacancies with no such applicant stay open",
                      kCalibrated));
  schema.add(real_key("labour.max_commute_minutes", 100, 0, 300, "minutes",
                      "longest one-way trip to work a person accepts",
                      "the reach rule of scenarios/data/labour/commuting_reach.csv"));
  schema.add(real_key("labour.oslo_travel_time_scale", 1.0, 0.2, 3, "1",
                      "multiplies travel times to Oslo and Akershus; below 1 models faster rail",
                      "1 = today's travel times (commuting_reach.csv)"));
  schema.add(real_key("labour.commute_decay_minutes", 30, 1, 500, "minutes",
                      "travel time at which a job seeker's interest in a place falls by e",
                      kCalibrated));
  schema.add(real_key("labour.outside_attraction", 4.0, 0, 100, "1",
                      "how much more a job in Oslo and Akershus draws a job seeker than its travel "
                      "time alone says (pay and specialised work, which are not modelled)",
                      kCalibrated));
  schema.add(real_key("labour.demand_growth_shift", 0.0, -0.2, 0.2, "per year",
                      "added to every industry's yearly job growth (a demand swing)",
                      "0 = the growth path of data.industry_growth"));
  schema.add(real_key("labour.care_demand_growth", 0.0, -0.2, 0.2, "per year",
                      "added to the yearly job growth of health and social services (industry Q)",
                      "0 = the growth path of data.industry_growth"));
  schema.add(real_key(
      "labour.care_standard_growth", 0.0, -0.05, 0.05, "per year",
      "yearly growth of staff per user in the care and health services of data.service_demand "
      "(HELSEMOD's standard growth: better or more costly care for each user); the jobs of those "
      "services grow with their users by age times this",
      "Assumption: 0 keeps today's staffing per user, SSB HELSEMOD's purely demographic path"));
  schema.add(integer_key(
      "labour.unfilled_withdrawal_months", 12, 0, 120, "months",
      "a position in Østfold left vacant this many months is withdrawn and counted as unmet "
      "demand (measures unmet_demand, unmet_demand_by_industry); its cell then wants that many "
      "fewer positions until demand falls below what remains; 0: vacancies stay open for ever",
      "Assumption: an employer who has not filled a post in a year stops seeking for it; NAV's "
      "employer survey counts recruitment given up or filled with a less qualified person as "
      "shortage (shared nav_bedriftsundersokelse_shortage_norway_2015_2024.csv), but the time "
      "before giving up is not in the shared data"));
  schema.add(integer_key(
      "labour.unmet_repost", 1, 0, 1, "1",
      "1: employers post withdrawn positions (unmet demand) again where people are at hand: "
      "each month, in each occupation, as many as the unemployed trained for it (fit 0.8 or "
      "more, and the law's lowest fit) exceed its positions open labour.shortage_months or "
      "more, each withdrawn position of the occupation with the same chance, as a new vacancy "
      "of its cell; elsewhere the withdrawn ones stay unmet demand; 0: never (unmet demand "
      "then only ever grows while demand does not fall, even in a county held still)",
      "Assumption: an employer who gave up a post tries again when people who could fill it "
      "are looking for work; without it the withdrawn posts of a county held still pile up for "
      "ever (tests/python/stationary_test.py)"));
  {
    KeySpec spec = real_key(
        "labour.industry_trend_fade_years", 15, 0, 200, "years",
        "each industry's own growth trend (data.industry_growth) fades linearly over this many "
        "years to the all-industry rate (their mean weighted by jobs on the start date); 0: the "
        "trends never fade",
        "Assumption: the trends rest on the 7 years 2016-2023 (scenarios/data/labour/"
        "industry_growth.csv); a shift in the industry mix is not carried much beyond twice the "
        "window it was seen in, as Cedefop's and SSB's long-run projections let sector trends "
        "converge");
    spec.policy_settable = false;
    schema.add(spec);
  }
  {
    KeySpec spec = integer_key(
        "labour.population_driven_services", 1, 0, 1, "1",
        "1: the jobs of the services in data.service_demand (care, health, kindergartens, "
        "schools) follow the residents they serve by age; 0: every industry follows "
        "data.industry_growth alone",
        "SSB's HELSEMOD method; the weights and shares are derived in "
        "scenarios/data/derive/derive_service_demand.py");
    spec.policy_settable = false;
    schema.add(spec);
  }
  {
    KeySpec spec = integer_key(
        "labour.service_staffing_mix", 1, 0, 1, "1",
        "1: a service of data.service_demand listed in data.service_staffing asks for its own "
        "staff as it grows (care: nurses, helsefagarbeidere, care assistants), so its industry's "
        "occupations shift towards them when it grows faster than the rest of the industry; 0: "
        "every service grows with its industry's average mix",
        "HELSEMOD projects demand by staff group within each service; the mix is derived in "
        "scenarios/data/derive/derive_service_demand.py from Helsedirektoratet's staff of the "
        "municipal health and care services 2020");
    spec.policy_settable = false;
    schema.add(spec);
  }
  {
    KeySpec spec = real_key(kIndustryGrowthShift, 0.0, -0.2, 0.2, "per year",
                            "added to the yearly job growth of one industry; one entry per SN2007 "
                            "code of data.industries, e.g. industry_growth_shift.DE = 0.02 (the "
                            "green transition); unlike demand_growth_shift it moves the total too",
                            "0 = the growth path of data.industry_growth");
    spec.is_map = true;
    schema.add(spec);
  }
  {
    KeySpec spec = real_key(
        kOccupationDemandTrend, 0.0, -0.2, 0.2, "per year",
        "yearly relative change of an occupation's share of the positions of every industry; one "
        "entry per STYRK-08 2-digit code of data.occupations, e.g. occupation_demand_trend.41 = "
        "-0.03 (automation of clerical work); the other occupations' shares are rescaled so that "
        "each industry keeps its number of positions",
        "0 = the staffing of data.staffing on the start date");
    spec.is_map = true;
    schema.add(spec);
  }
  schema.add(real_key(
      "labour.occupation_trend_scale", 1.0, 0, 3, "1",
      "multiplies the within-industry occupation share trends of data.occupation_trend (the shift "
      "of each industry's staffing towards professional work seen in 2015-2020); 0 = each "
      "industry keeps its start date's staffing (apart from labour.occupation_demand_trend)",
      "1 = the trend of SSB's register 2015-2020 (Vestfold og Telemark), carried on unfaded "
      "to 2050 since the cohort upgrading it follows goes on: derived in "
      "scenarios/data/derive/derive_occupation_trend.py"));
  schema.add(real_key(
      "labour.requirement_trend_scale", 1.0, 0, 3, "1",
      "multiplies the qualification trends of data.occupation_trend: the yearly change of the "
      "log-odds that an occupation asks for bachelor level or above (moved once a year, from "
      "upper secondary and fagskole; occupations regulated by law keep their requirement); "
      "0 = what each occupation asks for stays as on the start date",
      "1 = the trend of the share with higher education among the employed of each occupation "
      "in SSB's register 2015-2020 (Vestfold og Telemark): "
      "scenarios/data/derive/derive_occupation_trend.py"));
  schema.add(real_key(
      "labour.occupation_turnover_scale", 1.0, 0, 3, "1",
      "power on the quit factors of data.turnover_by_occupation: an employed person's quit "
      "rate is multiplied by the factor of the occupation of the job held, raised to this power, "
      "and all factors are rescaled so that the county's quits on the start date stay those of "
      "the age-sex rates; 0 = every occupation quits at the age-sex rates (data.separation_rates)",
      "1 = the relative turnover out of the municipal sector by KS position code 2017-2022 "
      "(assistants 2.0, helsefagarbeidere 0.85, nurses 0.97, teachers 0.60): derived in "
      "scenarios/data/derive/derive_turnover.py. A power, not a linear blend, so that every "
      "scale keeps the factors positive"));
  schema.add(real_key(
      "labour.recognition_months", 12, 0, 120, "months",
      "mean time before a qualification from abroad above upper secondary (fagskole, bachelor, "
      "master) is recognised; until then its holder is hired as if holding general upper "
      "secondary, so regulated and skilled jobs are closed to them; 0: recognised on arrival",
      "Assumption: NOKUT's recognition of foreign higher education takes a few months, but "
      "authorisation for health personnel from outside the EU/EEA (Helsedirektoratet) asks for "
      "language tests, a course in Norwegian health law and often supplementary education, "
      "commonly one to two years; 12 months as a mean over all arrivals (not in the shared "
      "data)"));
  schema.add(
      real_key("labour.outside_jobs_growth", 0.0, -0.2, 0.2, "per year",
               "yearly growth of the jobs in Oslo and Akershus open to commuters from Østfold",
               "Assumption: out-commuting holds at its 2024 level"));
  schema.add(real_key("labour.retirement_scale", 1.0, 0, 5, "1", "multiplies every retirement rate",
                      "1 = data.retirement_rates"));
  schema.add(real_key("labour.retirement_age_shift", 0.0, -5, 10, "years",
                      "retirement rates apply this many years later (a later retirement age)",
                      "0 = data.retirement_rates"));
  schema.add(real_key("labour.quit_scale", 1.0, 0, 5, "1", "multiplies every quit rate",
                      "1 = data.separation_rates"));
  schema.add(real_key("labour.layoff_scale", 1.0, 0, 5, "1", "multiplies every lay-off rate",
                      "1 = data.separation_rates"));
  schema.add(real_key(
      "labour.temporary_layoff_share", 0.0, 0, 0.5, "1",
      "share of employed residents temporarily laid off in full (helt permittert) in the month: "
      "they keep their jobs and seek no other, but NAV counts them among the registered "
      "unemployed (helt ledige), and so do unemployment_rate_monthly and "
      "temporarily_laid_off_monthly; employment, hiring and the market's tightness are "
      "unchanged. 0 = no lay-off episode. Set it with dated policies (the pandemic of 2020-2021 "
      "in scenarios/backtest_2015_events.toml)",
      "NAV counts the fully laid off as helt ledige (NAV, Hovedtall om arbeidsmarkedet); the "
      "register of employment keeps them as employed"));
  schema.add(real_key("labour.disability_scale", 1.0, 0, 5, "1", "multiplies every disability rate",
                      "1 = data.separation_rates"));
  schema.add(integer_key("labour.shortage_months", 3, 1, 36, "months",
                         "a vacancy open this long counts as unfilled (NAV's shortage)",
                         "Assumption: NAV's employer survey counts recruitment that failed or took "
                         "long; three months is taken as 'long'"));
  schema.add(real_key("labour.gap_rating_threshold", 0.05, 0, 1, "1",
                      "a competence is rated in shortage when its shortage minus its surplus "
                      "(competence_shortage - competence_surplus) exceeds this share of the "
                      "group's employed residents, in surplus below minus this share, else in "
                      "balance",
                      "Assumption: 5 % of employment, a margin wider than the model's "
                      "year-to-year noise for the larger groups"));
  {
    KeySpec spec =
        real_key("labour.initial_vacancy_rate", 0.03, 0, 0.5, "1",
                 "share of positions vacant on the start date",
                 "Assumption: SSB's vacancy rate for Norway was about 3 % in 2023 (not in "
                 "the shared data)");
    spec.policy_settable = false;
    schema.add(spec);
  }
  {
    KeySpec spec = integer_key(
        "labour.burn_in_months", 0, 0, 600, "months",
        "months the labour market's own job moves run before the first recorded month: the "
        "employed quit, are laid off or search on the job, and take new jobs through the "
        "monthly matching, with nobody ageing, retiring, arriving or leaving, every person's "
        "labour status, competence and education as on the start date, and demand held at "
        "the start date's positions (labour_burn_in.cpp); nothing is recorded. The start "
        "placement gives every employed person a job that fits; the monthly moves then mix "
        "this, which without a burn-in shows in the first years as a rise in surplus and "
        "upgrading. 0 (the baseline): the run starts from the start placement itself",
        "Off by default: a burn-in halves the still county's settling (120 months: surplus "
        "+349 against +771 over 2029-2034), but the positions it withdraws unfilled before the "
        "start (posted again only where people are at hand) enter the 2024 shortage, whose "
        "rank agreement with NAV's 2017 list then falls from 0.63 to 0.44-0.49 and whose total "
        "passes NAV's 2 400, and 120 months cost 15 % more run time (docs/calibration.md, "
        "\"The gap in a county held still\")");
    spec.policy_settable = false;
    schema.add(spec);
  }
  add_labour_supply_keys(schema);
}

LabourParams labour_params_at(const scenario::Scenario& scenario, Month month) {
  LabourParams p;
  p.applications_per_searcher =
      static_cast<int>(real_at(scenario, "labour.applications_per_searcher", month));
  p.on_the_job_search_rate = real_at(scenario, "labour.on_the_job_search_rate", month);
  p.student_job_search_rate = real_at(scenario, "labour.student_job_search_rate", month);
  p.outside_search_rate = real_at(scenario, "labour.outside_search_rate", month);
  p.unemployed_exit_rate = real_at(scenario, "labour.unemployed_exit_rate", month);
  p.quit_to_unemployment_share = real_at(scenario, "labour.quit_to_unemployment_share", month);
  p.min_hiring_fit = real_at(scenario, "labour.min_hiring_fit", month);
  p.max_commute_minutes = real_at(scenario, "labour.max_commute_minutes", month);
  p.oslo_travel_time_scale = real_at(scenario, "labour.oslo_travel_time_scale", month);
  p.commute_decay_minutes = real_at(scenario, "labour.commute_decay_minutes", month);
  p.outside_attraction = real_at(scenario, "labour.outside_attraction", month);
  p.demand_growth_shift = real_at(scenario, "labour.demand_growth_shift", month);
  p.care_demand_growth = real_at(scenario, "labour.care_demand_growth", month);
  p.care_standard_growth = real_at(scenario, "labour.care_standard_growth", month);
  p.unfilled_withdrawal_months =
      static_cast<int>(real_at(scenario, "labour.unfilled_withdrawal_months", month));
  p.unmet_repost = real_at(scenario, "labour.unmet_repost", month) != 0;
  p.outside_jobs_growth = real_at(scenario, "labour.outside_jobs_growth", month);
  p.retirement_scale = real_at(scenario, "labour.retirement_scale", month);
  p.retirement_age_shift = real_at(scenario, "labour.retirement_age_shift", month);
  p.quit_scale = real_at(scenario, "labour.quit_scale", month);
  p.layoff_scale = real_at(scenario, "labour.layoff_scale", month);
  p.temporary_layoff_share = real_at(scenario, "labour.temporary_layoff_share", month);
  p.disability_scale = real_at(scenario, "labour.disability_scale", month);
  p.gap_rating_threshold = real_at(scenario, "labour.gap_rating_threshold", month);
  p.shortage_months = static_cast<int>(real_at(scenario, "labour.shortage_months", month));
  p.recognition_months = real_at(scenario, "labour.recognition_months", month);
  p.occupation_trend_scale = real_at(scenario, "labour.occupation_trend_scale", month);
  p.requirement_trend_scale = real_at(scenario, "labour.requirement_trend_scale", month);
  p.occupation_turnover_scale = real_at(scenario, "labour.occupation_turnover_scale", month);
  read_labour_supply_params(scenario, month, p);
  return p;
}

LabourParams labour_params_at(const scenario::Scenario& scenario, const LabourData& data,
                              Month month) {
  LabourParams p = labour_params_at(scenario, month);
  p.industry_growth_shift.resize(data.industries.size());
  for (std::size_t i = 0; i < data.industries.size(); ++i) {
    p.industry_growth_shift[i] = real_at(
        scenario, std::string(kIndustryGrowthShift) + "." + data.industries.codes[i], month);
  }
  p.occupation_demand_trend.resize(data.occupations.size());
  for (std::size_t o = 0; o < data.occupations.size(); ++o) {
    p.occupation_demand_trend[o] = real_at(
        scenario, std::string(kOccupationDemandTrend) + "." + data.occupations.codes[o], month);
  }
  return p;
}

namespace {

// A map whose entries name codes of `codes`, the table the scenario key `table` names.
MapCodes codes_of(const char* map, const Categories& codes, const std::string& table,
                  const std::string& what) {
  return {map, [&codes](const std::string& code) { return codes.index_of(code) >= 0; },
          [table](const std::string& code) { return "no code '" + code + "' in " + table; },
          what + " from that table"};
}

}  // namespace

void check_labour_keys(const scenario::Scenario& scenario, const LabourData& data) {
  check_map_codes(scenario, {codes_of(kIndustryGrowthShift, data.industries, "data.industries",
                                      "an SN2007 industry code"),
                             codes_of(kOccupationDemandTrend, data.occupations, "data.occupations",
                                      "a STYRK-08 2-digit occupation code")});
}

LabourSetup labour_setup(const scenario::Scenario& scenario) {
  LabourSetup setup;
  setup.initial_vacancy_rate = scenario.real("labour.initial_vacancy_rate");
  setup.industry_trend_fade_years = scenario.real("labour.industry_trend_fade_years");
  setup.population_driven_services = scenario.integer("labour.population_driven_services") != 0;
  setup.service_staffing = scenario.integer("labour.service_staffing_mix") != 0;
  setup.seasonal_index = load_seasonal_index(scenario.file("data.unemployment_seasonality"));
  setup.disability_stock = load_disability_stock(scenario.file("data.disability_stock"));
  setup.stationary = scenario.integer("demography.stationary") != 0;
  setup.burn_in_months = static_cast<int>(scenario.integer("labour.burn_in_months"));
  return setup;
}

LabourFiles labour_files(const scenario::Scenario& scenario) {
  LabourFiles f;
  f.competences = scenario.file("data.competences");
  f.occupations = scenario.file("data.occupations");
  f.industries = scenario.file("data.industries");
  f.jobs_by_industry = scenario.file("data.jobs_by_industry");
  f.staffing = scenario.file("data.staffing");
  f.establishment_sizes = scenario.file("data.establishment_sizes");
  f.fit = scenario.file("data.occupation_competence_fit");
  f.competence_by_age_sex = scenario.file("data.competence_by_age_sex");
  f.competence_municipality_factor = scenario.file("data.competence_municipality_factor");
  f.status_targets = scenario.file("data.labour_status_targets");
  f.separation_rates = scenario.file("data.separation_rates");
  f.retirement_rates = scenario.file("data.retirement_rates");
  f.commuting = scenario.file("data.commuting");
  f.commuting_reach = scenario.file("data.commuting_reach");
  f.industry_growth = scenario.file("data.industry_growth");
  f.occupation_requirements = scenario.file("data.occupation_requirements");
  f.service_demand = scenario.file("data.service_demand");
  f.service_staffing = scenario.file("data.service_staffing");
  f.occupation_trend = scenario.file("data.occupation_trend");
  f.turnover_by_occupation = scenario.file("data.turnover_by_occupation");
  return f;
}

}  // namespace kfsim
