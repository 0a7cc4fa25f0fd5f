#!/usr/bin/env python3
"""Compares a back-test run (e.g. scenarios/backtest_2015.toml) with what really happened:
the residents of the county and of each municipality every 1 January after the start, and
NAV's registered unemployment each year and each month. Reads the HDF5 file and
scenarios/data/validation/ only.

    /usr/bin/python3 notebooks/validate.py RESULT.h5 [--markdown FILE] [--monthly]

The months are summed up year by year (mean absolute error, months inside the band);
--monthly lists each month in the table too.

For each figure it prints the real value, the model's mean over the replicates with its band
(5th to 95th percentile; what the band holds, parameter and random variation or random
variation only, is the file's kfsim_interval), the error, and whether the real value lies in
the band. The model's population on 31 December of year y is set against the real one on
1 January of y + 1. Years of dated events (refugee arrivals 2015-2016 and 2022-2023, the
pandemic 2020-2021) are marked: the back-test may or may not switch them on.
"""
import argparse
import pathlib
import sys

import numpy as np
import xarray as xr

# The data tables' reader ('#' comment lines, then CSV), shared with the calibration report.
from calibration_report import read_table

ROOT = pathlib.Path(__file__).resolve().parents[1]
VALIDATION = ROOT / "scenarios" / "data" / "validation"
MONTHLY = "registered unemployment, month (%)"
EVENT_YEARS = {2015: "refugees", 2016: "refugees", 2020: "pandemic", 2021: "pandemic",
               2022: "refugees", 2023: "refugees"}


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def band(values):
    """The mean over the replicates and the band around it: the 5th and 95th percentiles."""
    low, high = np.percentile(values, [5, 95])
    return float(np.mean(values)), float(low), float(high)


def compare(path):
    """Rows of the comparison: dicts with figure, area, year, real, mean, p05, p95, error
    (relative for population, points for unemployment), inside, event."""
    observed = {(int(r["year"]), r["area"]): int(r["persons"])
                for r in read_table(VALIDATION / "population_1jan.csv")}
    unemployment = {int(r["year"]): float(r["percent_of_labour_force"])
                    for r in read_table(VALIDATION / "registered_unemployment.csv")}
    unemployment_monthly = {
        int(r["month"].replace("-", "")): float(r["percent_of_labour_force"])
        for r in read_table(VALIDATION / "registered_unemployment_monthly.csv")}
    rows = []
    with xr.open_dataset(path, engine="h5netcdf") as ds:
        interval = text(ds.attrs.get("kfsim_interval", "spread over the runs"))
        population = ds.population_end.sum(["sex", "age_group"])
        if "replicate" not in population.dims:
            population = population.expand_dims("replicate")
        names = {int(c): text(n) for c, n in zip(ds.municipality.values, ds.municipality_name.values)}
        for year in ds.year.values:
            january = int(year) + 1
            for area, values in [("31", population.sel(year=year).sum("municipality").values)] + [
                    (str(code), population.sel(year=year, municipality=code).values)
                    for code in ds.municipality.values]:
                real = observed.get((january, area))
                if real is None:
                    continue
                mean, low, high = band(values)
                rows.append({"figure": "population 1 January", "area": area,
                             "name": "Østfold" if area == "31" else names[int(area)],
                             "year": january, "real": real, "mean": mean, "p05": low,
                             "p95": high, "error": (mean - real) / real,
                             "inside": bool(low <= real <= high), "event": EVENT_YEARS.get(january, "")})
        rate = ds.unemployment_rate_monthly
        if "replicate" not in rate.dims:
            rate = rate.expand_dims("replicate")
        months = ds.month.values
        for year in sorted(set(months // 100)):
            if year not in unemployment:
                continue
            chosen = np.where(months // 100 == year)[0]
            if len(chosen) < 12:
                continue
            values = 100 * rate.isel(month=chosen).mean("month").values
            mean, low, high = band(values)
            real = unemployment[year]
            rows.append({"figure": "registered unemployment (%)", "area": "31", "name": "Østfold",
                         "year": int(year), "real": real, "mean": mean, "p05": low,
                         "p95": high, "error": mean - real,
                         "inside": bool(low <= real <= high), "event": EVENT_YEARS.get(int(year), "")})
        for i, month in enumerate(months):
            real = unemployment_monthly.get(int(month))
            if real is None:
                continue
            values = 100 * rate.isel(month=i).values
            mean, low, high = band(values)
            year = int(month) // 100
            # NAV rounds to one decimal: a real value within half a unit of the band is inside it.
            rows.append({"figure": MONTHLY, "area": "31", "name": "Østfold",
                         "year": year, "month": f"{year}-{int(month) % 100:02d}", "real": real,
                         "mean": mean, "p05": low, "p95": high,
                         "error": mean - real,
                         "inside": bool(low - 0.05 <= real <= high + 0.05),
                         "event": EVENT_YEARS.get(year, "")})
    return rows, interval


def monthly_by_year(rows):
    """Per year of the monthly comparison: months, mean absolute error (points), months inside
    the band, and the event of the year."""
    years = {}
    for r in rows:
        if r["figure"] == MONTHLY:
            years.setdefault(r["year"], []).append(r)
    return [{"year": y, "months": len(rs),
             "mae": float(np.mean([abs(r["error"]) for r in rs])),
             "inside": sum(r["inside"] for r in rs), "event": rs[0]["event"]}
            for y, rs in sorted(years.items())]


def summary(rows):
    population = [r for r in rows if r["figure"] == "population 1 January"]
    county = [r for r in population if r["area"] == "31"]
    municipal = [r for r in population if r["area"] != "31"]
    unemployment = [r for r in rows if r["figure"] == "registered unemployment (%)"]
    quiet = [r for r in unemployment if not r["event"]]
    quiet_months = [r for r in rows if r["figure"] == MONTHLY and not r["event"]]
    return {
        "county_max_error": max((abs(r["error"]) for r in county), default=float("nan")),
        "municipal_max_error": max((abs(r["error"]) for r in municipal), default=float("nan")),
        "municipal_inside_share": (np.mean([r["inside"] for r in municipal]) if municipal
                                   else float("nan")),
        "county_inside_share": np.mean([r["inside"] for r in county]) if county else float("nan"),
        "unemployment_max_error_outside_events": max((abs(r["error"]) for r in quiet),
                                                     default=float("nan")),
        "monthly_mae_outside_events": (float(np.mean([abs(r["error"]) for r in quiet_months]))
                                       if quiet_months else float("nan")),
        "monthly_inside_share_outside_events": (np.mean([r["inside"] for r in quiet_months])
                                                if quiet_months else float("nan")),
    }


def markdown(rows, interval, monthly=False):
    lines = [f"Band: 5th to 95th percentile over the replicates ({interval}).", "",
             "| figure | area | 1 Jan / year | real | model mean | band | error | inside | event |",
             "|---|---|---:|---:|---:|---|---:|---|---|"]
    for r in rows:
        if r["figure"] == MONTHLY and not monthly:
            continue
        population = r["figure"].startswith("population")
        fmt = (lambda v: f"{v:,.0f}".replace(",", " ")) if population else (lambda v: f"{v:.2f}")
        error = f"{100 * r['error']:+.2f} %" if population else f"{r['error']:+.2f} points"
        lines.append(f"| {r['figure']} | {r['name']} | {r.get('month', r['year'])} | {fmt(r['real'])} | "
                     f"{fmt(r['mean'])} | [{fmt(r['p05'])}, {fmt(r['p95'])}] | {error} | "
                     f"{'yes' if r['inside'] else 'no'} | {r['event']} |")
    by_year = monthly_by_year(rows)
    if by_year:
        lines += ["", "Registered unemployment month by month (points; NAV's one-decimal value counts as "
                  "inside within half a unit of the band):", "",
                  "| year | months | mean absolute error | months inside the band | event |",
                  "|---:|---:|---:|---:|---|"]
        lines += [f"| {y['year']} | {y['months']} | {y['mae']:.2f} | {y['inside']} of {y['months']} | "
                  f"{y['event']} |" for y in by_year]
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("result")
    parser.add_argument("--markdown", help="also write the table as Markdown to this file")
    parser.add_argument("--monthly", action="store_true",
                        help="list every month's registered unemployment in the table")
    args = parser.parse_args(argv)
    try:
        rows, interval = compare(args.result)
    except (OSError, KeyError) as error:
        print(f"validate: {args.result}: {error}", file=sys.stderr)
        return 2
    if not rows:
        print(f"validate: {args.result}: no year of the run has a real figure to compare with",
              file=sys.stderr)
        return 2
    table = markdown(rows, interval, args.monthly)
    print(table)
    s = summary(rows)
    print(f"County population: largest error {100 * s['county_max_error']:.2f} %; "
          f"municipalities: largest error {100 * s['municipal_max_error']:.2f} %, "
          f"real value inside the band in {100 * s['municipal_inside_share']:.0f} % of "
          f"(municipality, year) pairs; registered unemployment outside the dated events: "
          f"largest error {s['unemployment_max_error_outside_events']:.2f} points (annual mean), "
          f"{s['monthly_mae_outside_events']:.2f} points mean absolute error over the months, "
          f"{100 * s['monthly_inside_share_outside_events']:.0f} % of the months inside the band.")
    if args.markdown:
        pathlib.Path(args.markdown).write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
