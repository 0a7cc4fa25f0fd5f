#!/usr/bin/env python3
"""Sets a kfsim result file beside the calibration targets of the baseline
(scenarios/data/labour/calibration_targets.csv) and the stylised facts a
labour-market model must show. Reads the HDF5 file only.

    /usr/bin/python3 notebooks/calibration_report.py results/baseline.h5 [--markdown FILE] [--strict]

--strict exits 1 when a target is missed beyond its tolerance.
"""
import argparse
import csv
import pathlib
import sys

import numpy as np
import xarray as xr

ROOT = pathlib.Path(__file__).resolve().parents[1]
TARGETS = ROOT / "scenarios" / "data" / "labour" / "calibration_targets.csv"
# NAV's 2017 shortage in Østfold by the model's occupations (NAV Bedriftsundersøkelsen).
NAV_SHORTAGE = ROOT / "scenarios" / "data" / "labour" / "shortage_by_occupation_2017.csv"
SEASONALITY = ROOT / "scenarios" / "data" / "labour" / "unemployment_seasonality.csv"
DISABILITY = ROOT / "scenarios" / "data" / "labour" / "disability_nav_2024.csv"



# The occupations are STYRK-08 codes: 2-digit sub-major groups, with doctors (221),
# nurses (222: STYRK 2221-2223) and helsefagarbeidere (5321) kept apart from 22 and 53,
# and grunnskole- og barnehagelærere (234), bygningsarbeidere incl. tømrere (711),
# bygningstekniske arbeidere incl. rørleggere (712) and elektrikere (741) from 23, 71 and 74.
HEALTH_PROFESSIONALS = (22, 221, 222)
NAV_SHARE_OCCUPATIONS = (222, 5321, 221, 51, 711, 741)


def major_groups(codes):
    """STYRK-08 major group (the first digit) of each occupation code; 0 for the armed forces (01)."""
    return np.array([int(str(int(c))[0]) if c >= 10 else 0 for c in codes])

def read_table(path):
    """A data table under scenarios/data/ as a list of dicts ('#' lines skipped)."""
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))
EMPLOYED, UNEMPLOYED = 3, 4


def read_nav_shortage():
    """NAV's 2017 Østfold shortage (persons) of the occupations it lists: {code: persons}."""
    with open(NAV_SHORTAGE, encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        listed = {int(r["occupation"]): float(r["shortage_persons"]) for r in rows}
    return {code: persons for code, persons in listed.items() if persons > 0}


def nav_rank_correlation(unfilled):
    """Spearman's rank correlation, across the occupations NAV lists for Østfold in 2017,
    of NAV's shortage and the model's vacancies open three months or more with the
    positions withdrawn unfilled (`unfilled`, by occupation)."""
    nav = read_nav_shortage()
    codes = [c for c in nav if c in unfilled.occupation.values]
    model = [float(unfilled.sel(occupation=c)) for c in codes]
    observed = [nav[c] for c in codes]
    return float(np.corrcoef(_ranks(model), _ranks(observed))[0, 1]), len(codes)


def shortage_by_occupation(ds, year, inside):
    """Positions in Østfold (the work areas `inside`) vacant three months or more, by occupation,
    with those withdrawn unfilled: NAV counts recruitment given up as shortage too (unmet_demand,
    at the year's end), as the competence gap's shortage does (competence_gap.hpp). Without a
    burn-in nothing is withdrawn in the first year; after one (labour.burn_in_months) part of
    what stood open has been withdrawn."""
    area = np.where(inside)[0]
    unfilled = ds.unfilled_vacancies_mean.sel(year=year).isel(work_area=area).sum("work_area")
    if "unmet_demand" in ds:
        unfilled = unfilled + ds.unmet_demand.sel(year=year).isel(work_area=area).sum("work_area")
    return unfilled


def read_targets():
    with open(TARGETS, encoding="utf-8") as f:
        rows = [line for line in f if not line.startswith("#")]
    return {r["target"]: r for r in csv.DictReader(rows)}


def model_values(ds, year):
    """The model's value for each target it can be compared with, in the first year: replicate
    0's, except the rank agreement with NAV, which ranks the mean over the file's replicates (a
    ranking of small counts is too noisy in one run)."""
    replicates = ds
    ds = ds.isel(replicate=0)
    values = {}
    status = ds.persons_by_status.sel(year=year)
    groups = ds.age_group.values
    working = (groups >= 15) & (groups < 75)
    employed = status.sel(labour_status=EMPLOYED)
    population = status.sum("labour_status")

    def rate(sel):
        return float(employed.isel(age_group=sel).sum() / population.isel(age_group=sel).sum())

    values["employment_rate_15_74"] = rate(np.where(working)[0])
    for sex, name in ((0, "female"), (1, "male")):
        e = employed.sel(sex=sex).isel(age_group=np.where(working)[0]).sum()
        p = population.sel(sex=sex).isel(age_group=np.where(working)[0]).sum()
        values[f"employment_rate_15_74_{name}"] = float(e / p)
    for g in groups[(groups >= 15) & (groups < 75)]:
        values[f"employment_rate_{g}_{g + 4}"] = rate([int(np.where(groups == g)[0][0])])
    values["employed_residents_15_74"] = float(employed.isel(age_group=np.where(working)[0]).sum())
    months = ds.month.values // 100 == year
    values["registered_unemployment_rate_2023"] = float(ds.unemployment_rate_monthly.values[months].mean())
    values["registered_unemployed_2023"] = float(ds.unemployed_monthly.values[months].mean())
    values["registered_unemployment_rate_2024_01"] = float(ds.unemployment_rate_monthly.values[0])
    out = float(ds.out_commuters.sel(year=year).sum())
    inside = ds.work_area.values != 0
    non_resident = float(ds.jobs_non_resident.sel(year=year).isel(work_area=np.where(inside)[0]).sum())
    values["out_commuters"] = out
    values["non_resident_workers"] = non_resident
    values["net_out_commuting"] = out - non_resident
    filled = (ds.jobs - ds.jobs_vacant).sel(year=year).isel(work_area=np.where(inside)[0])
    values["jobs_by_workplace"] = float(filled.sum())
    major = major_groups(ds.occupation.values)
    for g in range(1, 10):
        values[f"jobs_occupation_major_{g}"] = float(filled.isel(occupation=np.where(major == g)[0]).sum())
    # By replicate: replicate 0's for the totals and shares, their mean for the ranking.
    shortage = shortage_by_occupation(replicates, year, inside)
    unfilled = shortage.isel(replicate=0)
    values["nav_shortage_2017_total"] = float(unfilled.sum())
    values["nav_shortage_2018_total"] = float(unfilled.sum())
    # Employed residents by occupation group and municipality, as location
    # quotients (municipal share / county share), groups 2 and 3 pooled as in 2007.
    if "employed_by_occupation" in ds:
        by_occupation = ds.employed_by_occupation.sel(year=year)
        groups = {str(g): [g] for g in (1, 4, 5, 6, 7, 8, 9)}
        groups["23"] = [2, 3]
        county = float(by_occupation.sum())
        for code in ds.municipality.values:
            local = by_occupation.sel(municipality=code)
            local_total = float(local.sum())
            for name, members in groups.items():
                mask = np.isin(major, members)
                county_share = float(by_occupation.isel(occupation=np.where(mask)[0]).sum()) / county
                local_share = float(local.isel(occupation=np.where(mask)[0]).sum()) / local_total
                if county_share > 0:
                    values[f"occupation_lq_2007_{code}_group_{name}"] = local_share / county_share
    total_unfilled = float(unfilled.sum())
    values["nav_shortage_2017_rank_correlation"], _ = nav_rank_correlation(
        shortage.mean("replicate"))
    for code in NAV_SHARE_OCCUPATIONS:
        if code in ds.occupation.values and total_unfilled > 0:
            values[f"nav_shortage_2017_share_of_listed_occ_{code}"] = float(unfilled.sel(occupation=code)) / total_unfilled
    reasons = [str(r) for r in ds.separation_reason_name.values]
    separations = ds.separations.sel(year=year)
    leaving = sum(float(separations.isel(separation_reason=k)) for k, r in enumerate(reasons)
                  if r not in ("job_to_job",))
    jobs_held = float(ds.employed_by_competence.sel(year=year).sum())
    values["separations_share_of_jobs_annual"] = leaving / jobs_held
    values["disability_exit_rate_employed_annual"] = float(separations.isel(separation_reason=reasons.index("disability"))) / jobs_held
    return values


def _ranks(values):
    """Ranks from 0, ties given their mean rank."""
    values = np.asarray(values, dtype=float)
    order = np.argsort(values, kind="stable")
    ranks = np.empty(len(values))
    ranks[order] = np.arange(len(values))
    for v in np.unique(values):
        tied = values == v
        ranks[tied] = ranks[tied].mean()
    return ranks


def exit_rates_by_occupation(ds, years=None):
    """Replacement demand (exits: retirement, disability, death or moving out of
    the county, leaving the labour force) per employed resident, and the share of
    employed residents aged 55 and over, by occupation over `years` (all years
    by default), for the first replicate; occupations without employed
    residents are left out. Employed residents are the 31 December stocks, so
    the rate is exits in the years over employed at their ends."""
    ds = ds.isel(replicate=0)
    if years is not None:
        ds = ds.sel(year=list(years))
    exits = ds.replacement_demand.sum("year")
    by_age = ds.employed_by_occupation_age.sum("year")
    employed = by_age.sum("age_group")
    older = by_age.isel(age_group=np.where(ds.age_group.values >= 55)[0]).sum("age_group")
    keep = employed.values > 0
    return {"occupation": ds.occupation.values[keep],
            "employed": employed.values[keep],
            "exit_rate": exits.values[keep] / employed.values[keep],
            "share_55_plus": older.values[keep] / employed.values[keep]}


def stylised_facts(ds):
    """The openings by kind: replacement demand is the exits from an occupation
    (Cedefop's and SCB's sense), expansion the new positions; mobility (moves
    to another occupation) and churn (moves within the occupation, quits and
    lay-offs into registered unemployment, in-commuters' turnover) are left out
    of both, as Cedefop leaves them out of its job openings."""
    by_occupation = exit_rates_by_occupation(ds)
    ds = ds.isel(replicate=0)
    openings = ds.openings.sum("year")
    kinds = [str(k) for k in ds.opening_kind_name.values]
    replacement = float(openings.isel(opening_kind=kinds.index("replacement")))
    expansion = float(openings.isel(opening_kind=kinds.index("expansion")))
    exits = float(ds.replacement_demand.sum())
    employed = float(ds.employed_by_occupation.sum())
    rates, older = by_occupation["exit_rate"], by_occupation["share_55_plus"]
    rank_corr = float(np.corrcoef(_ranks(older), _ranks(rates))[0, 1]) if len(rates) > 2 else float("nan")
    u = ds.unemployment_rate_monthly.values
    v = ds.vacancy_rate_monthly.values
    corr = float(np.corrcoef(u, v)[0, 1]) if u.std() > 0 and v.std() > 0 else float("nan")
    facts = {"exit rate of employed residents": exits / employed,
             "replacement share of job openings": replacement / (replacement + expansion),
             "rank correlation of the 55+ share and the exit rate across occupations": rank_corr,
             "churn and mobility share of all openings": 1 - (replacement + expansion) / float(openings.sum()),
             "correlation of monthly unemployment and vacancy rates": corr}
    # The demand mechanisms in the long run (docs/calibration.md, "Demand tied to
    # its drivers"): the range of the yearly unemployment and vacancy rates, and
    # unmet demand in the last year, where the run is long enough to show them.
    years = ds.year.values
    if len(years) > 1:
        months = ds.month.values // 100
        yearly_u = [float(u[months == y].mean()) for y in years]
        yearly_v = [float(v[months == y].mean()) for y in years]
        facts["lowest yearly registered unemployment rate"] = min(yearly_u)
        facts["highest yearly registered unemployment rate"] = max(yearly_u)
        facts["lowest yearly vacancy rate"] = min(yearly_v)
        facts["highest yearly vacancy rate"] = max(yearly_v)
    if "unmet_demand" in ds:
        inside = np.where(ds.work_area.values != 0)[0]
        unmet = ds.unmet_demand.isel(year=-1).isel(work_area=inside).sum("work_area")
        facts[f"unmet demand {int(years[-1])} (positions)"] = float(unmet.sum())
        health = np.isin(ds.occupation.values, HEALTH_PROFESSIONALS)
        if health.any():
            facts[f"unmet demand {int(years[-1])}, health professionals (22, 221, 222)"] = float(
                unmet.isel(occupation=np.where(health)[0]).sum())
    # The seasons: each whole year from 2025 (2024 holds the start-up month)
    # divided by its mean, mean by calendar month, against NAV's seasonal index.
    month = ds.month.values
    rows = [u[month // 100 == y] for y in sorted(set(month // 100)) if y >= 2025]
    rows = [r / r.mean() for r in rows if len(r) == 12 and r.mean() > 0]
    if rows and SEASONALITY.exists():
        profile = np.mean(rows, axis=0)
        nav = np.array([float(r["nav_index"]) for r in read_table(SEASONALITY)])
        facts["seasonal profile: correlation with NAV's index"] = float(np.corrcoef(profile, nav)[0, 1])
        facts["seasonal profile: highest month"] = int(np.argmax(profile)) + 1
    # The disability group's 2024 mean against NAV's, by sex.
    if "outside_labour_force_mean" in ds and 2024 in ds.year.values and DISABILITY.exists():
        groups = [str(g) for g in ds.outside_group_name.values]
        stock = ds.outside_labour_force_mean.sel(year=2024).isel(outside_group=groups.index("disability"))
        for s, row in enumerate(read_table(DISABILITY)):
            facts[f"disability stock 2024, {row['sex']}: model / NAV"] = (
                float(stock.values[s]) / float(row["mean_2024"]))
    return facts


def migration_facts(ds):
    """Net migration from outside Østfold in the first year (migration.csv implies 2 404 a year at the 2024
    population: the mean of 2017-2021) and the labour market's tightness that migration responds to, as
    LabourMarket::tightness() defines it: the 12-month mean of vacancies / registered unemployed against the
    first 12 months, here for the last full year of the run."""
    ds = ds.isel(replicate=0)
    first = int(ds.year.values[0])

    def total(name):
        return float(ds[name].sel(year=first).sum())

    facts = {f"net migration from outside Østfold, {first}":
             total("in_migration_from_outside") - total("out_migration_to_outside")}
    v = ds.vacancies_monthly.values.astype(float)
    u = np.maximum(ds.unemployed_monthly.values.astype(float), 1.0)
    full_years = len(v) // 12
    if full_years >= 2:
        ratio = v / u
        last = ratio[12 * (full_years - 1):12 * full_years].mean() / ratio[:12].mean()
        facts[f"labour-market tightness, {first + full_years - 1} (first year = 1)"] = float(last)
    return facts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("result")
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--markdown")
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args()
    targets = read_targets()
    with xr.open_dataset(args.result, engine="h5netcdf") as ds:
        values = model_values(ds, args.year)
        facts = stylised_facts(ds)
        facts.update(migration_facts(ds))
    lines = ["| target | data | tolerance | model | within |", "|---|---:|---:|---:|:-:|"]
    missed = 0
    for name, model in values.items():
        target = targets.get(name)
        if target is None:
            continue
        value, tolerance = float(target["value"]), float(target["tolerance"])
        ok = abs(model - value) <= tolerance
        missed += not ok
        lines.append(f"| {name} | {value:.4g} | ±{tolerance:.3g} | {model:.4g} | {'yes' if ok else 'NO'} |")
    lines.append("")
    for name, value in facts.items():
        lines.append(f"- {name}: {value:.3f}")
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        pathlib.Path(args.markdown).write_text(text + "\n", encoding="utf-8")
    if args.strict and missed:
        print(f"{missed} targets missed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
