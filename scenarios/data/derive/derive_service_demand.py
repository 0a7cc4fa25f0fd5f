#!/usr/bin/env python3
"""Derives scenarios/data/labour/service_demand.csv: the services whose jobs grow
with the population they serve (the HELSEMOD method of SSB: users by age x
population), their share of their industry's jobs and the relative use of the
service per resident by age; and scenarios/data/labour/service_staffing.csv:
the occupations that staff the care service, so that care's growth asks for
its own staff rather than for its industry's average mix (HELSEMOD projects
demand by staff group within each service).

Run from the repository root:
    /usr/bin/python3 scenarios/data/derive/derive_service_demand.py [--shared DIR]
"""
import argparse
import csv
import pathlib

# Assumption: a full-time equivalent (årsverk) is a 37.5-hour week, the normal
# working week of Norway's municipal sector (Hovedtariffavtalen, KS).
HOURS_PER_ARSVERK = 37.5
# Assumption: pupils in upper secondary school (ages 16-18) need as many staff
# per pupil as in grades 5-10 (the lærernorm of 20 pupils per teacher); the
# norm does not cover upper secondary.
# Assumption: primary and secondary schools (SN2007 85.1-85.3) hold 60 % of the
# jobs in education (P); the rest (higher education, adult and other education)
# follows P's trend. Not in the shared data; it rests on SSB's employment by
# NACE class for Norway (about 135 000 of 230 000 in schools, statbank 13470
# at 5-digit level).
SCHOOL_SHARE_OF_P = 0.60


def read(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    root = pathlib.Path(__file__).resolve().parents[3]
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=str(root.parent / "shared" / "data" / "ostfold"))
    args = parser.parse_args()
    shared = pathlib.Path(args.shared)

    # Østfold's residents by single age, 1 January (SSB 07459).
    pop = {}
    for r in read(shared / "population_age_sex_2005_2024_2024borders.csv"):
        if r["area_code"] == "31" and r["sex"] in ("female", "male"):
            key = (int(r["year_1jan"]), int(r["age"]))
            pop[key] = pop.get(key, 0) + int(r["persons"])

    def pop_between(year, lo, hi):
        return sum(v for (y, a), v in pop.items() if y == year and lo <= a <= hi)

    # --- Care for the elderly and disabled (municipal care services). -------------
    care = read(shared / "care_service_users_by_age_norway_1992_2015.csv")

    def value(year, measure, age):
        for r in care:
            if r["year"] == str(year) and r["measure"] == measure and r["age_group"] == age:
                return float(r["value"])
        raise KeyError((year, measure, age))

    groups = [("0-66", 0, 66), ("67-79", 67, 79), ("80-89", 80, 89), ("90+", 90, 120)]
    # Home-care hours a week by age, 2009: users with hours stated x mean hours.
    home_hours = {"0-66": sum(value(2009, "home_care_users_with_hours_stated", g)
                              * value(2009, "home_care_hours_per_week_mean_all_needs", g)
                              for g in ("0-17", "18-49", "50-66"))}
    for g in ("67-79", "80-89", "90+"):
        home_hours[g] = (value(2009, "home_care_users_with_hours_stated", g)
                         * value(2009, "home_care_hours_per_week_mean_all_needs", g))
    residents = {g: value(2009, "institution_residents", g) for g, _, _ in groups}
    # Staff hours per institution resident: the care services' staff hours (2020)
    # less the home-care hours of home dwellers (2015 users x 2009 mean hours),
    # spread over the residents in institutions (2015).
    # Assumption: home-care staff time per user is the weekly hours granted; travel
    # and other indirect time then falls on institutions, which overstates their
    # weight somewhat.
    staff = read(shared / "health_care_staff_norway_2007_2020.csv")
    care_arsverk = next(float(r["value"]) for r in staff
                        if r["year"] == "2020" and r["sector"].startswith("care services")
                        and r["staff_group"] == "all staff" and r["measure"] == "avtalte_arsverk")
    users_2015 = {m: value(2015, "care_users_by_service_type:" + m, "all ages")
                  for m in ("all_services", "short_term_institution_stay", "long_term_institution_stay")}
    in_institution = users_2015["short_term_institution_stay"] + users_2015["long_term_institution_stay"]
    home_dwellers = users_2015["all_services"] - in_institution
    mean_home_hours = value(2009, "home_care_hours_per_week_mean_all_needs", "all")
    hours_per_resident = (care_arsverk * HOURS_PER_ARSVERK - home_dwellers * mean_home_hours) / in_institution
    # Norway's users per resident by age need Norway's population by age, which the
    # shared data lacks. Assumption: Norway's age mix in 2009 was Østfold's; the
    # weights are relative, so only the mix matters. Carried to Østfold by applying
    # the national use per resident of each age to Østfold's residents (HELSEMOD's
    # assumption of equal use by age across counties).
    care_weight = {}
    for g, lo, hi in groups:
        care_weight[g] = (home_hours[g] + hours_per_resident * residents[g]) / pop_between(2009, lo, hi)
    base = care_weight["0-66"]
    care_weight = {g: w / base for g, w in care_weight.items()}

    # Shares of industry Q (Norway; NAV employees 18-66 at the start of the year).
    nav = {}
    for r in read(shared / "employment_employees_by_industry_norway_nav_2009_2023.csv"):
        if r["area"] == "Norway" and r["industry_nav"].startswith("Helse"):
            nav[int(r["year"])] = int(r["employees_18_66_start_of_year"])
    # Persons per årsverk in health and social services (SSB 2010).
    persons_2010 = sum(float(r["value"]) for r in staff if r["year"] == "2010" and r["staff_group"] == "Total"
                       and r["measure"] == "employed_persons" and r["sector"] != "health and social services, total")
    arsverk_2010 = sum(float(r["value"]) for r in staff if r["year"] == "2010" and r["staff_group"] == "Total"
                       and r["measure"] == "avtalte_arsverk")
    fte_per_person = arsverk_2010 / persons_2010
    care_share = care_arsverk / fte_per_person / nav[2021]
    kg = read(shared / "kindergarten_children_staff_municipality_2015.csv")
    norway_kg = next(r for r in kg if r["area"] == "Norway")
    kindergarten_share = int(norway_kg["employees"]) / nav[2016]
    health_share = 1 - care_share - kindergarten_share

    # --- Kindergartens: children 1-5 by how many attend and the staff they need. --
    ostfold_kg = next(r for r in kg if r["area"] == "Østfold")
    norms = read(shared / "staffing_norms_kindergarten_school_norway.csv")
    staff_norm = {}
    for r in norms:
        if r["norm"].startswith("bemanningsnorm"):
            staff_norm["under 3" if "under 3" in r["child_group"] else "3+"] = float(r["max_children_or_pupils_per_staff"])
    kg_weight = {}
    for age in range(1, 6):
        # Children are counted on 15 December 2015; residents of that age on 1 January 2016.
        coverage = int(ostfold_kg[f"age_{age}"]) / pop_between(2016, age, age)
        need = staff_norm["3+"] / staff_norm["under 3" if age < 3 else "3+"]
        kg_weight[age] = coverage * need

    # --- Schools: pupils 6-18 by the teacher norm of their grades. ----------------
    teacher_norm = {}
    for r in norms:
        if r["norm"] == "lærernorm":
            teacher_norm[r["child_group"]] = float(r["max_children_or_pupils_per_staff"])
    school_weight = {}
    for age in range(6, 19):
        grades = "pupils in grades 1-4" if age <= 9 else "pupils in grades 5-7" if age <= 12 else "pupils in grades 8-10"
        school_weight[age] = teacher_norm["pupils in grades 8-10"] / teacher_norm[grades]

    out = root / "scenarios" / "data" / "labour" / "service_demand.csv"
    lines = [
        "# Services whose jobs grow with the residents they serve (SSB's HELSEMOD method: use of the service by age",
        "#   x population by age). Each service holds share_of_industry_jobs of its industry's jobs on the start date;",
        "#   its jobs grow with sum over ages of weight x residents, relative to the start. The rest of the industry",
        "#   follows data.industry_growth. weight = relative use per resident of that age (unit 1).",
        "# care (municipal care for the elderly and disabled, in Q): weights = staff hours per resident by age,",
        "#   Norway 2009: home-care users with hours stated x mean weekly hours (shared",
        "#   care_service_users_by_age_norway_1992_2015.csv, SSB tab-2010-07-08-07) plus institution residents x",
        f"#   {hours_per_resident:.1f} staff hours a week each: the care services' {care_arsverk:.0f} årsverk in 2020 (shared",
        "#   health_care_staff_norway_2007_2020.csv, Helsedirektoratet) x 37.5 h less the home dwellers' hours",
        f"#   ({home_dwellers:.0f} users in 2015 x {mean_home_hours} h), over {in_institution:.0f} residents in institutions (2015).",
        "#   Divided by residents of that age (Assumption: Norway's age mix in 2009 was Østfold's, from shared",
        "#   population_age_sex_2005_2024_2024borders.csv; the national use by age is carried to Østfold unchanged,",
        "#   as HELSEMOD does for every county). Assumption: home-care staff time per user is the hours granted.",
        f"#   Share of Q: {care_arsverk:.0f} årsverk / {fte_per_person:.3f} årsverk per person (health and social services",
        f"#   2010, SSB hesospers in the same shared file) / {nav[2021]} NAV employees in Q at the start of 2021 (shared",
        "#   employment_employees_by_industry_norway_nav_2009_2023.csv).",
        "# kindergarten (SN2007 88.91, in Q): weights = share of Østfold's children of that age in kindergarten",
        "#   (15 Dec 2015, shared kindergarten_children_staff_municipality_2015.csv, SSB) x staff needed per child",
        "#   relative to a child of 3+ (bemanningsnorm: one adult per 3 children under 3, per 6 over 3; shared",
        f"#   staffing_norms_kindergarten_school_norway.csv). Share of Q: {norway_kg['employees']} kindergarten employees in",
        f"#   Norway (2015) / {nav[2016]} NAV employees in Q at the start of 2016. Assumption: Østfold's Q has Norway's mix.",
        "# health (hospitals, doctors and other health and social services in Q): weight 1 at every age. Assumption:",
        "#   their use by age is not in the shared data; they grow with the population. Share: the rest of Q.",
        "# school (SN2007 85.1-85.3, in P): weights = pupils per teacher in grades 8-10 over that of the pupil's grades",
        "#   (lærernorm 2019: 15 in grades 1-4, 20 in 5-10; shared staffing_norms_kindergarten_school_norway.csv); ages",
        "#   6-9 grades 1-4, 10-15 grades 5-10, 16-18 upper secondary. Assumption: upper secondary needs staff per",
        "#   pupil as grades 5-10 (no norm covers it). Assumption: schools hold 60 % of P's jobs (SSB employment by",
        "#   NACE class for Norway, about 135 000 of 230 000; not in the shared data).",
        "# Regenerate: /usr/bin/python3 scenarios/data/derive/derive_service_demand.py",
        "service,industry,share_of_industry_jobs,age_min,age_max,weight",
    ]
    for g, lo, hi in groups:
        lines.append(f"care,Q,{care_share:.4f},{lo},{hi},{care_weight[g]:.4f}")
    for age in range(1, 6):
        lines.append(f"kindergarten,Q,{kindergarten_share:.4f},{age},{age},{kg_weight[age]:.4f}")
    lines.append(f"health,Q,{health_share:.4f},0,120,1")
    for age in range(6, 19):
        lines.append(f"school,P,{SCHOOL_SHARE_OF_P:.4f},{age},{age},{school_weight[age]:.4f}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(out.read_text(encoding="utf-8"))
    write_service_staffing(root, staff, fte_per_person)


def write_service_staffing(root, staff, fte_per_person):
    """The care service's staff by the model's occupations, from Helsedirektoratet's
    staff of the municipal health and care services in 2020 (persons)."""
    def municipal(group, measure):
        return next(float(r["value"]) for r in staff
                    if r["year"] == "2020" and r["sector"].startswith("municipal health and care")
                    and r["staff_group"] == group and r["measure"] == measure)

    def persons_from_55plus(group):
        # Persons = persons aged 55+ / their share: the report gives both for each group.
        return municipal(group, "employed_aged_55plus") / (municipal(group, "share_employed_aged_55plus") / 100)

    all_arsverk = municipal("all staff (excl. psychologists, doctors, physiotherapists)", "avtalte_arsverk")
    all_persons = all_arsverk / fte_per_person
    nurses_plain = municipal("Sykepleier uten videreutdanning", "employed_persons")
    nurses_further = persons_from_55plus("Sykepleier med videreutdanning (ekskl. jordmor/helsesykepleier)")
    health_workers = persons_from_55plus("Helsefagarbeider, hjelpepleier, omsorgsarbeider")
    unskilled = persons_from_55plus("Personell uten helse- og sosialfaglig utdanning")
    mix = {"222": (nurses_plain + nurses_further) / all_persons,
           "5321": health_workers / all_persons,
           "53": unskilled / all_persons}
    out = root / "scenarios" / "data" / "labour" / "service_staffing.csv"
    source = ("Helsedirektoratet Personell og kompetanse i den kommunale helse- og omsorgstjenesten 2021 "
              "(Norway 2020; shared health_care_staff_norway_2007_2020.csv)")
    lines = [
        "# The staff of a service by the model's occupations (STYRK-08), as a share of the service's jobs: when a",
        "#   service of data.service_demand grows faster than the rest of its industry, these occupations grow with it",
        "#   (HELSEMOD projects demand by staff group within each service). The service's jobs not listed here have",
        "#   the mix of its industry's other occupations. A service with no rows has its industry's mix.",
        "# care (municipal care for the elderly and disabled, in Q): persons employed in Norway's municipal health and",
        "#   care services in 2020 (Helsedirektoratet, in shared health_care_staff_norway_2007_2020.csv) over all their",
        f"#   persons: {all_arsverk:.0f} årsverk (excluding psychologists, doctors and physiotherapists) / {fte_per_person:.3f}",
        f"#   årsverk per person (SSB hesospers 2010, same file) = {all_persons:.0f}. Groups given as persons aged 55+ and",
        "#   their share are counted as 55+ / share.",
        f"#   222 nurses: {nurses_plain:.0f} without further education (persons) + {nurses_further:.0f} with further education",
        "#     (jordmødre and helsesykepleiere left out: they work in the health stations and maternity care, not in care).",
        f"#   5321 helsefagarbeidere, hjelpepleiere and omsorgsarbeidere: {health_workers:.0f}.",
        f"#   53 other care workers: staff without health or social education, {unskilled:.0f}.",
        "#   Assumption: the mix of all the municipal health and care services stands for the care services, which",
        "#   hold 146059 of their 168028 årsverk (87 %); Norway's mix stands for Østfold's; staff without a health or",
        "#   social education work as care assistants (STYRK 53, pleieassistenter). The rest of care's staff",
        "#   (vernepleiere, other health and social bachelors, cleaners, managers) has no count in the shared data.",
        "# Regenerate: /usr/bin/python3 scenarios/data/derive/derive_service_demand.py",
        "service,occupation,share_of_service_jobs,source",
    ]
    for occupation, share in mix.items():
        lines.append(f"care,{occupation},{share:.4f},{source}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(out.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
