#!/usr/bin/env python3
"""Derives scenarios/data/labour/industry_growth.csv: the baseline annual growth
of jobs by industry, from Norway's employees by industry 2015-2023 (NAV).

Run from the repository root:
    /usr/bin/python3 scenarios/data/derive/derive_growth.py [--shared DIR]
"""
import argparse
import csv
import math
import pathlib

# NAV's industry labels (as in the shared file) -> the model's industry codes.
NAV_TO_CODE = {
    "Jordbruk, skogbruk og fiske": "A",
    "Bergverksdrift og utvinning": "B",
    "Industri": "C",
    "Elektrisitet, vann og renovasjon": "DE",
    "Bygge- og anleggsvirksomhet": "F",
    "Varehandel, reparasjon av motorvogner": "G",
    "Transport og lagring": "H",
    "Overnattings- og serveringsvirksomhet": "I",
    "Informasjon og kommunikasjon": "J",
    "Finansiering og forsikringsvirksomhet": "K",
    "Omsetning og drift av fast eiendom": "L",
    "Faglig, vitenskapelig og teknisk tjenesteyting": "M",
    "Forretningsmessig tjenesteyting": "N",
    "Off.adm., forsvar, sosialforsikring": "O",
    "Undervisning": "P",
    "Helse- og sosialtjenester": "Q",
    "Private tjenester ellers": "RSTU",
}
FIRST, LAST = 2015, 2023


def main():
    root = pathlib.Path(__file__).resolve().parents[3]
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=str(root.parent / "shared" / "data" / "ostfold"))
    args = parser.parse_args()
    source = pathlib.Path(args.shared) / "employment_employees_by_industry_norway_nav_2009_2023.csv"
    employees = {}
    url = {}
    with open(source, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            label = row["industry_nav"]
            code = NAV_TO_CODE.get(label)
            if code is None:
                # Labels differ slightly between years; match on the start of the label.
                code = next((c for l, c in NAV_TO_CODE.items() if label.startswith(l[:12])), None)
            if code is None or row["area"] != "Norway":
                continue
            year = int(row["year"])
            employees[(code, year)] = employees.get((code, year), 0) + int(row["employees_18_66_start_of_year"])
            url[year] = row["source_url"]
    # Østfold's population aged 15-74, 1 January, county 31 (SSB 07459 in the shared data).
    population = {}
    with open(pathlib.Path(args.shared) / "population_age_sex_2005_2024_2024borders.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["area_code"] == "31" and row["sex"] in ("female", "male") and 15 <= int(row["age"]) <= 74:
                year = int(row["year_1jan"])
                population[year] = population.get(year, 0) + int(row["persons"])
    county_growth = (population[LAST] / population[FIRST]) ** (1 / (LAST - FIRST)) - 1
    total_first = sum(employees[(c, FIRST)] for c in dict.fromkeys(NAV_TO_CODE.values()))
    total_last = sum(employees[(c, LAST)] for c in dict.fromkeys(NAV_TO_CODE.values()))
    norway_growth = (total_last / total_first) ** (1 / (LAST - FIRST)) - 1
    out = root / "scenarios" / "data" / "labour" / "industry_growth.csv"
    lines = [
        "# Baseline annual growth of jobs by industry (fraction per year), used from the start of the run.",
        "# Unit: relative change per year (0.01 = 1 % a year).",
        "# Source: shared employment_employees_by_industry_norway_nav_2009_2023.csv (NAV: employees 18-66 at the",
        f"#   start of the year by industry, Norway); {FIRST}: {url[FIRST]}",
        f"#   {LAST}: {url[LAST]}",
        f"# Derived: (1 + g_i) / (1 + g_Norway) x (1 + g_Østfold) - 1, where g_i is the compound annual growth of",
        f"#   Norway's employees in industry i {FIRST}-{LAST}, g_Norway that of all employees ({norway_growth:.5f}) and",
        f"#   g_Østfold that of Østfold's population aged 15-74 {FIRST}-{LAST} ({county_growth:.5f}; shared",
        "#   population_age_sex_2005_2024_2024borders.csv, SSB 07459).",
        "# Assumption: jobs in Østfold keep growing as fast as its working-age population did in 2015-2023, and",
        "#   shift between industries as Norway's employees did then (no county series by industry exists in the",
        "#   data). Scenarios change this path (care demand, automation, a demand swing) with labour.*_growth keys",
        "#   or their own copy of this table.",
        "# Regenerate: /usr/bin/python3 scenarios/data/derive/derive_growth.py",
        "industry,annual_growth,employees_first_year,employees_last_year",
    ]
    for code in dict.fromkeys(NAV_TO_CODE.values()):
        a, b = employees[(code, FIRST)], employees[(code, LAST)]
        growth = math.exp(math.log(b / a) / (LAST - FIRST)) - 1
        growth = (1 + growth) / (1 + norway_growth) * (1 + county_growth) - 1
        lines.append(f"{code},{growth:.5f},{a},{b}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(out.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
