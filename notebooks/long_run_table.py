#!/usr/bin/env python3
"""The long-run table of a kfsim result file: registered unemployment and the
vacancy rate (means of the monthly county series), the employment rate 15-74,
health and care's and agriculture's shares of filled positions in Østfold, and
unmet demand by occupation (the health and care occupations 222 nurses,
5321 helsefagarbeidere, 221 doctors, 22 other health professionals, 32 and 53,
and all), as means
over the replicates. Reads the HDF5 file only.

    /usr/bin/python3 notebooks/long_run_table.py results/baseline.h5 [--years 2024,2030,2040,2050]
"""
import argparse

import numpy as np
import xarray as xr

EMPLOYED = 3
HEALTH_OCCUPATIONS = (222, 5321, 221, 22, 32, 53)


def table(ds, years):
    rows = []
    groups = ds.age_group.values
    working = np.where((groups >= 15) & (groups < 75))[0]
    inside = np.where(ds.work_area.values != 0)[0]
    industry_codes = [str(label).split(":")[0] for label in ds.industry_name.values]
    q, a = industry_codes.index("Q"), industry_codes.index("A")
    occupations = list(ds.occupation.values)
    for year in years:
        months = ds.month.values // 100 == year
        status = ds.persons_by_status.sel(year=year).isel(age_group=working)
        employment = float((status.sel(labour_status=EMPLOYED).sum(["municipality", "sex", "age_group"])
                            / status.sum(["municipality", "sex", "age_group", "labour_status"])).mean())
        by_industry = ds.employed_by_industry.sel(year=year).isel(work_area=inside).sum("work_area")
        total = by_industry.sum("industry")
        row = {
            "year": year,
            "unemployment_%": 100 * float(ds.unemployment_rate_monthly.values[:, months].mean()),
            "vacancy_rate_%": 100 * float(ds.vacancy_rate_monthly.values[:, months].mean()),
            "employment_rate_15_74_%": 100 * employment,
            "health_care_share_%": 100 * float((by_industry.isel(industry=q) / total).mean()),
            "agriculture_share_%": 100 * float((by_industry.isel(industry=a) / total).mean()),
        }
        if "unmet_demand" in ds:
            unmet = ds.unmet_demand.sel(year=year).isel(work_area=inside).sum("work_area").mean("replicate")
            row["unmet_all"] = float(unmet.sum())
            for code in HEALTH_OCCUPATIONS:
                row[f"unmet_{code:02d}"] = float(unmet.isel(occupation=occupations.index(code)))
            major = {}
            for o, code in enumerate(occupations):
                group = int(str(int(code))[0]) if code >= 10 else 0   # STYRK-08 major group
                major[group] = major.get(group, 0.0) + float(unmet.isel(occupation=o))
            row["unmet_by_major_group"] = " ".join(f"{g}:{v:.0f}" for g, v in sorted(major.items()))
        rows.append(row)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("result")
    parser.add_argument("--years", default="2024,2030,2040,2050")
    parser.add_argument("--every-year", action="store_true", help="unemployment and vacancies for every year")
    args = parser.parse_args()
    with xr.open_dataset(args.result, engine="h5netcdf") as ds:
        years = [int(y) for y in args.years.split(",")]
        if args.every_year:
            years = [int(y) for y in ds.year.values]
        for row in table(ds, years):
            print(" | ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()))


if __name__ == "__main__":
    main()
