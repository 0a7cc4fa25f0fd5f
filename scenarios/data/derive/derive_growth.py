#!/usr/bin/env python3
"""Derives scenarios/data/labour/industry_growth.csv: the baseline annual growth
of jobs by industry, from Norway's employees by industry (NAV, 2009-2023), over
the longest window free of breaks in the series.

A break is a year-on-year change of one industry that departs from the change of
all employees by more than BREAK_POINTS percentage points a year (annualised
where a year is missing): a change of counting, not of the industry. NAV's
count of agricultural employees rises 53 % from 2015 to 2016 while all
employees rise 3 %; no other industry-year departs by more than about
11 points (printed when the script runs).

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
# Assumption: a departure of 15 points a year from the total separates a change of
# counting from real change; the largest departure left after the break is
# 10.7 points (printed), so any threshold between 11 and 50 points gives the same window.
BREAK_POINTS = 0.15


def annual(a, b, years):
    return (b / a) ** (1 / years) - 1


def clean_window(employees, codes, years):
    """Breaks as (industry, from, to, change, total change), and the longest run of
    consecutive observed years with no break in any industry."""
    breaks = []
    largest_other = 0.0
    cut_after = set()
    for y0, y1 in zip(years, years[1:]):
        total = annual(sum(employees[(c, y0)] for c in codes), sum(employees[(c, y1)] for c in codes), y1 - y0)
        for c in codes:
            change = annual(employees[(c, y0)], employees[(c, y1)], y1 - y0)
            if abs(change - total) > BREAK_POINTS:
                breaks.append((c, y0, y1, change, total))
                cut_after.add(y0)
            else:
                largest_other = max(largest_other, abs(change - total))
    runs, run = [], [years[0]]
    for y0, y1 in zip(years, years[1:]):
        if y0 in cut_after:
            runs.append(run)
            run = [y1]
        else:
            run.append(y1)
    runs.append(run)
    best = max(runs, key=lambda r: (r[-1] - r[0], r[-1]))
    return breaks, largest_other, best[0], best[-1]


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
    codes = list(dict.fromkeys(NAV_TO_CODE.values()))
    years = sorted({y for (_, y) in employees})
    breaks, largest_other, FIRST, LAST = clean_window(employees, codes, years)
    print(f"breaks: {breaks}; largest other departure from the total: {largest_other:.3f}; window {FIRST}-{LAST}")
    county_growth = (population[LAST] / population[FIRST]) ** (1 / (LAST - FIRST)) - 1
    total_first = sum(employees[(c, FIRST)] for c in codes)
    total_last = sum(employees[(c, LAST)] for c in codes)
    norway_growth = (total_last / total_first) ** (1 / (LAST - FIRST)) - 1
    out = root / "scenarios" / "data" / "labour" / "industry_growth.csv"
    lines = [
        "# Baseline annual growth of jobs by industry (fraction per year), used from the start of the run.",
        "# Unit: relative change per year (0.01 = 1 % a year).",
        "# Source: shared employment_employees_by_industry_norway_nav_2009_2023.csv (NAV: employees 18-66 at the",
        f"#   start of the year by industry, Norway); {FIRST}: {url[FIRST]}",
        f"#   {LAST}: {url[LAST]}",
        f"# Years in the source: {', '.join(str(y) for y in years)} (start of each year).",
        f"# Breaks: a year-on-year change of one industry departing from that of all employees by more than",
        f"#   {BREAK_POINTS * 100:.0f} percentage points a year marks a change of counting (Assumption: the largest other",
        f"#   departure in the series is {largest_other * 100:.1f} points). Found:",
        *[f"#   {c} {y0}-{y1}: {ch * 100:+.1f} % a year against {tot * 100:+.1f} % for all employees (NAV's count changed)"
          for c, y0, y1, ch, tot in breaks],
        f"# Window: {FIRST}-{LAST}, the longest run of years with no break in any industry (2017 is missing in the",
        "#   source; growth is compound between the window's ends).",
        f"# Derived: (1 + g_i) / (1 + g_Norway) x (1 + g_Østfold) - 1, where g_i is the compound annual growth of",
        f"#   Norway's employees in industry i {FIRST}-{LAST}, g_Norway that of all employees ({norway_growth:.5f}) and",
        f"#   g_Østfold that of Østfold's population aged 15-74 {FIRST}-{LAST} ({county_growth:.5f}; shared",
        "#   population_age_sex_2005_2024_2024borders.csv, SSB 07459).",
        f"# Assumption: jobs in Østfold keep growing as fast as its working-age population did in {FIRST}-{LAST}, and",
        "#   shift between industries as Norway's employees did then (no county series by industry exists in the",
        "#   data). Scenarios change this path (care demand, automation, a demand swing) with labour.*_growth keys",
        "#   or their own copy of this table. Each industry's own trend fades towards the all-industry rate over",
        "#   labour.industry_trend_fade_years; health and social services and education follow the population",
        "#   they serve where data.service_demand says so (scenarios/data/labour/SOURCES.md).",
        "# Regenerate: /usr/bin/python3 scenarios/data/derive/derive_growth.py",
        "industry,annual_growth,employees_first_year,employees_last_year",
    ]
    for code in codes:
        a, b = employees[(code, FIRST)], employees[(code, LAST)]
        growth = math.exp(math.log(b / a) / (LAST - FIRST)) - 1
        growth = (1 + growth) / (1 + norway_growth) * (1 + county_growth) - 1
        lines.append(f"{code},{growth:.5f},{a},{b}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(out.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
