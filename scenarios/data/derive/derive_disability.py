#!/usr/bin/python3
"""Derive the disability (nedsatt arbeidsevne) stock of Østfold that the
labour model starts from and is calibrated to.

Reads NAV's monthly stock of persons 18-66 with nedsatt arbeidsevne (NAV-
assessed reduced work capacity; mostly recipients of arbeidsavklaringspenger,
AAP) in Østfold (county 31, 2024 borders) by sex, 2011-2024, from the shared
file disability_nav_nedsatt_arbeidsevne_monthly_2011_2024.csv, and writes
scenarios/data/labour/disability_nav_2024.csv: by sex, the stock in January
2024 (the start date), the 2024 mean of the twelve months (the calibration
target) and the yearly growth of the stock over 2011-2024 and 2023-2024, for
the record.

Usage (from the repository root):
    /usr/bin/python3 scenarios/data/derive/derive_disability.py [--shared DIR] [--out DIR]

Deterministic; standard library only.
"""

import argparse
import csv
import os

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SHARED = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", "data", "ostfold"))
FILE = "disability_nav_nedsatt_arbeidsevne_monthly_2011_2024.csv"
AREA = "Østfold (county 31, 2024 borders)"
URL = ("https://github.com/evensrii/Telemark/blob/main/Data/03_Arbeid%20og%20n%C3%A6ringsliv/"
       "01_Arbeidsliv/NAV/Nedsatt%20arbeidsevne/nedsatt_arbeidsevne.csv")


def stock_by_sex(shared, stock_month, mean_year, first_year=2011):
    """By sex: (sex, stock of stock_month, mean of the 12 months of mean_year, yearly growth of the annual mean
    first_year -> mean_year, growth of the annual mean mean_year - 1 -> mean_year). No month after mean_year or
    stock_month is read."""
    last = max(mean_year, int(stock_month[:4]))
    stock = {}
    with open(os.path.join(shared, FILE), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["area"] == AREA and row["age"] == "18-66år" and int(row["month"][:4]) <= last:
                stock[(row["sex"], row["month"])] = int(row["persons"])
    rows = []
    for sex in ("female", "male"):
        year = {y: [stock[(sex, f"{y}-{m:02d}")] for m in range(1, 13)] for y in (first_year, mean_year - 1, mean_year)}
        mean = {y: sum(v) / 12.0 for y, v in year.items()}
        growth_long = (mean[mean_year] / mean[first_year]) ** (1 / (mean_year - first_year)) - 1
        growth_last = mean[mean_year] / mean[mean_year - 1] - 1
        rows.append((sex, stock[(sex, stock_month)], mean[mean_year], growth_long, growth_last))
    total = sum(r[1] for r in rows)
    assert total == stock[("total", stock_month)], (total, stock[("total", stock_month)])
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=SHARED)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "labour"))
    args = parser.parse_args()
    rows = stock_by_sex(args.shared, "2024-01", 2024)
    header = [
        "# Persons 18-66 with nedsatt arbeidsevne (NAV-assessed reduced work capacity; mostly recipients of",
        "#   arbeidsavklaringspenger, AAP; NOT uføretrygd) resident in Østfold (county 31, 2024 borders), by sex.",
        "# Unit: persons. stock_2024_01 = monthly stock, January 2024 (the start date); mean_2024 = mean of the twelve",
        "#   monthly stocks of 2024 (the calibration target); growth_2011_2024 = yearly growth of the annual mean",
        "#   stock 2011-2024; growth_2023_2024 = growth of the annual mean from 2023 to 2024.",
        f"# Source: shared {FILE}: NAV tables as collected in {URL}.",
        "#   DERIVED by scenarios/data/derive/derive_disability.py.",
        "# Used by: models/labour/labour_outside_groups.cpp (the disability group of those outside the labour force).",
    ]
    path = os.path.join(args.out, "disability_nav_2024.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(header) + "\n")
        f.write("sex,stock_2024_01,mean_2024,growth_2011_2024,growth_2023_2024\n")
        for sex, jan, mean, g_long, g_last in rows:
            f.write(f"{sex},{jan},{mean:.1f},{g_long:.4f},{g_last:.4f}\n")
            print(sex, jan, round(mean, 1), round(g_long, 4), round(g_last, 4))


if __name__ == "__main__":
    main()
