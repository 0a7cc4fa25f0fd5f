#!/usr/bin/python3
"""Derive the seasonal pattern of registered unemployment in Østfold that the
labour model's quits and lay-offs are to give.

Reads NAV's monthly stock of registered fully unemployed persons (helt ledige)
in Østfold (county 31 on 2024 borders, both sexes), 2011-01 to 2024-12, from
the shared file unemployment_nav_monthly_2011_2024_county31.csv, and writes
scenarios/data/labour/unemployment_seasonality.csv with, by calendar month:

nav_index    NAV's seasonal index: classical ratio-to-moving-average
             decomposition (X-11's first pass). The trend is the centred 2x12
             moving average of the monthly stock; each month's ratio is stock /
             trend; a calendar month's index is the mean of its ratios over
             2011-07..2024-06 without 2020-2021 (the pandemic's lay-offs, not
             seasonal), 11 ratios a month, scaled to average 1.
nav_profile  NAV's mean by calendar month over 2011-2024, each year divided by
             its own mean first (all years; the profile the issue names).
model_index  The model's own profile with its seasonal flows switched off
             (labour.seasonality = 0): the baseline's monthly registered
             unemployment rate 2025-2031 (2024 is left out: the start-up month
             sits in January), each year divided by its mean, mean by calendar
             month. It is shaped by the June school leavers of the education
             model, which the seasonal flows need not add again.
flow_index   nav_index / model_index, scaled to average 1: what the quits and
             lay-offs are to add (models/labour/labour_seasonality.cpp).

Usage (from the repository root):
    build/test/sim/app/kfsim run scenarios/baseline.toml -o /tmp/noseason.h5 \
        --set end=2031-12 --set labour.seasonality=0 --replicates 1
    /usr/bin/python3 scenarios/data/derive/derive_seasonality.py --model-run /tmp/noseason.h5
Without --model-run the model_index of the existing output file is kept.

Deterministic; the standard library, and numpy and xarray to read a model run.
"""

import argparse
import csv
import os

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SHARED = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", "data", "ostfold"))
FILE = "unemployment_nav_monthly_2011_2024_county31.csv"
AREA = "Østfold (county 31, 2024 borders)"
STATUS = "helt ledige (fully unemployed)"
EXCLUDED_YEARS = (2020, 2021)
URL = ("https://github.com/evensrii/Telemark/blob/main/Data/03_Arbeid%20og%20n%C3%A6ringsliv/"
       "01_Arbeidsliv/NAV/Arbeidsledighet/arbeidsledighet.csv")
MODEL_FROM, MODEL_TO = 2025, 2031


def read_series(shared, last_year=2024):
    """NAV's monthly stock January 2011 .. December last_year (no later month is read)."""
    series = {}
    with open(os.path.join(shared, FILE), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["area"] == AREA and row["status"] == STATUS and row["sex"] == "total":
                year, month = (int(x) for x in row["month"].split("-"))
                if year <= last_year:
                    series[(year, month)] = float(row["persons"])
    keys = sorted(series)
    n = 12 * (last_year - 2011 + 1)
    assert keys[0] == (2011, 1) and keys[-1] == (last_year, 12) and len(keys) == n, keys[:2]
    return [series[k] for k in keys]


def seasonal_indices(values, excluded=EXCLUDED_YEARS):
    n = len(values)
    ratios = [[] for _ in range(12)]
    for t in range(6, n - 6):
        # Centred 2x12 moving average: half weight on the two ends.
        trend = (0.5 * values[t - 6] + sum(values[t - 5:t + 6]) + 0.5 * values[t + 6]) / 12.0
        if 2011 + t // 12 in excluded:
            continue
        ratios[t % 12].append(values[t] / trend)
    raw = [sum(r) / len(r) for r in ratios]
    return normalised(raw)


def normalised(values):
    mean = sum(values) / len(values)
    return [v / mean for v in values]


def yearly_profile(values):
    """Mean by calendar month of a monthly series of whole years, each year
    divided by its own mean."""
    years = len(values) // 12
    rows = [normalised(values[12 * y:12 * y + 12]) for y in range(years)]
    return [sum(r[m] for r in rows) / years for m in range(12)]


def model_profile(path):
    import numpy as np
    import xarray as xr
    with xr.open_dataset(path, engine="h5netcdf") as ds:
        rate = ds.unemployment_rate_monthly.mean("replicate").values
        month = ds.month.values
    keep = (month // 100 >= MODEL_FROM) & (month // 100 <= MODEL_TO)
    assert keep.sum() == 12 * (MODEL_TO - MODEL_FROM + 1), "the run must cover 2025-2031"
    return yearly_profile([float(v) for v in np.asarray(rate)[keep]])


def existing_model_index(path):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    return [float(r["model_index"]) for r in rows]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=SHARED)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "labour"))
    parser.add_argument("--model-run", help="a baseline run with labour.seasonality = 0")
    args = parser.parse_args()
    path = os.path.join(args.out, "unemployment_seasonality.csv")
    values = read_series(args.shared)
    nav_index = seasonal_indices(values)
    nav_profile = yearly_profile(values)
    model = model_profile(args.model_run) if args.model_run else existing_model_index(path)
    flow = normalised([n / m for n, m in zip(nav_index, model)])
    header = [
        "# Seasonal pattern of registered unemployment (NAV helt ledige, fully unemployed) in Østfold (county 31,",
        "#   2024 borders), both sexes, by calendar month, and the pattern the model's quits and lay-offs are to add.",
        "# Unit: indices averaging 1. nav_index = ratio of the month's stock to its centred 2x12-month moving",
        "#   average, mean over 2011-07..2024-06 without 2020-2021 (pandemic) (ratio-to-moving-average method);",
        "#   nav_profile = mean over 2011-2024 of each year's months divided by that year's mean; model_index = the",
        "#   baseline's own profile 2025-2031 with labour.seasonality = 0 (school leavers in June); flow_index =",
        "#   nav_index / model_index, rescaled (what the model reads).",
        f"# Source: shared {FILE}: NAV monthly tables as collected in {URL}",
        "#   (monthly average stock). DERIVED by scenarios/data/derive/derive_seasonality.py.",
        "# Used by: models/labour/labour_seasonality.cpp (labour.seasonality).",
    ]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(header) + "\n")
        f.write("month,nav_index,nav_profile,model_index,flow_index\n")
        for m in range(12):
            f.write(f"{m + 1},{nav_index[m]:.4f},{nav_profile[m]:.4f},{model[m]:.4f},{flow[m]:.4f}\n")
    print("month nav_index nav_profile model_index flow_index")
    for m in range(12):
        print(f"{m + 1:5d} {nav_index[m]:.4f} {nav_profile[m]:.4f} {model[m]:.4f} {flow[m]:.4f}")


if __name__ == "__main__":
    main()
