#!/usr/bin/env python3
"""Derives scenarios/data/labour/occupation_trend.csv: each occupation's yearly
trend in its share of the positions *within* industries, the occupational
structure that moves under the industry mix (Cedefop's skills forecast and
SSB's projections by occupation both carry such a within-industry trend; with
the 2024 mix frozen, low-skilled work would keep its share of every industry
for ever while the county's people become better educated).

Data: employed by occupation group, Vestfold og Telemark, 2015-2020 (SSB's
register-based employment, a custom table; shared data folder, section 15).
No such table exists for Østfold; Vestfold og Telemark is the neighbouring
county of similar size and industry mix (assumption: the same within-industry
shift of occupations holds for Østfold).

The same table carries each occupation's qualification trend: the yearly change
of the log-odds of the share of its employed with higher education (2015-2020),
which the model takes as the trend of what the occupation asks for at bachelor
level or above (a logistic path, as qualification shares are commonly
projected: it saturates instead of passing 1).

Method (shift-share):
1. The share of each occupation group in all employed with an occupation code
   (X99 self-employed without an occupation and 000 unknown/military left out),
   2015 and 2020; total trend t_o = (s_2020 / s_2015)^(1/5) - 1.
2. The part of that trend the industry mix explains: with Østfold's 2024
   occupation mix of each industry (staffing_industry_occupation.csv) and the
   industries' growth rates (industry_growth.csv), occupation o's share moves
   by b_o = sum_i g_i E_i m_oi / E_o - sum_i g_i E_i / E a year.
3. The within-industry trend w_o = t_o - b_o, shared among the model's
   occupations of the group (each gets the group's rate; 221 doctors, 222 nurses,
   5321 helsefagarbeidere, 234 grunnskole- og barnehagelærere, 711, 712 and 741
   are codes of their own).
4. Groups under MIN_EMPLOYED in 2015 give no trend of their own (too few people
   for a 5-year trend): they get 0.

Run from the repository root:
    /usr/bin/python3 scenarios/data/derive/derive_occupation_trend.py [--shared DIR]
"""
import argparse
import csv
import math
import pathlib

# Vestfold og Telemark's occupation groups -> the model's STYRK-08 codes (2-digit, and 221 222 234 5321 711 712 741).
GROUP_TO_CODES = {
    "100": ["11", "12", "13", "14"],
    "210": ["21"],
    # 222 holds the nurses (2221-2223, code 222) and vernepleiere (2224, in 22); 532 holds the helsefagarbeidere
    # (5321) and the other pleiemedarbeidere (in 53).
    "221": ["221"], "222": ["222", "22"], "225": ["22"], "226": ["22"],
    # 234 (grunnskole- og barnehagelærere), 711 712 and 741 are codes of their own; 23 71 and 74 hold the rest.
    "231": ["23"], "232": ["23"], "233": ["23"], "234": ["234"], "235": ["23"],
    "240": ["24"],
    "250": ["25"],
    "260": ["26"],
    "310": ["31"],
    "320": ["32"],
    "330": ["33"],
    "340": ["34"],
    "350": ["35"],
    "400": ["41", "42", "43", "44"],
    "510,540": ["51", "52", "54"],
    "531": ["53"], "532": ["5321", "53"],
    "600": ["61", "62"],
    "711": ["711"], "712": ["712"], "713": ["71"],
    "720": ["72"],
    "730,750": ["73", "75"],
    "741": ["741"], "742": ["74"],
    "810": ["81"],
    "820": ["82"],
    "830": ["83"],
    "900": ["91", "92", "93", "94", "95", "96"],
}
# Left out of the shares: no occupation code (self-employed) or unknown/military.
NOT_OCCUPATIONS = {"X99", "000"}
# Assumption: a 5-year trend of a group under 500 employed is noise, not a trend.
MIN_EMPLOYED = 500
FIRST, LAST = 2015, 2020


def logit(p):
    return math.log(p / (1 - p))


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def main():
    root = pathlib.Path(__file__).resolve().parents[3]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(root.parent / "shared" / "data" / "ostfold"))
    args = parser.parse_args()
    shared = pathlib.Path(args.shared)
    labour = root / "scenarios" / "data" / "labour"

    employed = {}
    higher = {}
    for row in read_csv(shared / "occupation_education_age_shares_vestfold_telemark_2015_2020_DERIVED.csv"):
        key = (row["occupation_group_code"], int(row["year"]))
        employed[key] = float(row["employed_total"])
        higher[key] = float(row["share_higher_education"]) * employed[key]
    groups = sorted({g for g, _ in employed if g not in NOT_OCCUPATIONS})
    missing = [g for g in groups if g not in GROUP_TO_CODES]
    if missing:
        raise SystemExit(f"occupation groups without a mapping: {missing}")
    total = {y: sum(employed[(g, y)] for g in groups) for y in (FIRST, LAST)}

    # Rates by model code: the group's employed and share trend.
    code_groups = {}
    for g in groups:
        for code in GROUP_TO_CODES[g]:
            code_groups.setdefault(code, []).append(g)

    occupations = [r["code"] for r in read_csv(labour / "occupations.csv")]
    jobs = {}
    for r in read_csv(labour / "employment_by_industry_2024.csv"):
        jobs[r["industry"]] = jobs.get(r["industry"], 0.0) + float(r["employed_workplace"])
    growth = {r["industry"]: float(r["annual_growth"]) for r in read_csv(labour / "industry_growth.csv")}
    mix = {}
    for r in read_csv(labour / "staffing_industry_occupation.csv"):
        mix[(r["industry"], r["occupation"])] = float(r["share"])
    all_jobs = sum(jobs.values())
    mean_growth = sum(growth[i] * jobs[i] for i in jobs) / all_jobs

    def industry_part(codes):
        """Yearly change of the share of `codes` that the industry mix explains."""
        e = sum(jobs[i] * mix.get((i, c), 0.0) for i in jobs for c in codes)
        ge = sum(growth[i] * jobs[i] * mix.get((i, c), 0.0) for i in jobs for c in codes)
        return ge / e - mean_growth if e > 0 else 0.0

    # One rate per model code: the trend of the groups it belongs to, pooled
    # (a code spread over several groups, or a group over several codes, takes
    # the pooled groups' trend).
    rows = []
    for code in occupations:
        gs = code_groups.get(code, [])
        if not gs:
            rows.append((code, 0.0, 0.0, 0.0, 0.0, "no group (armed forces): no trend"))
            continue
        # All codes that share these groups, so that a pooled group is matched by a pooled code set.
        codes = sorted({c for g in gs for c in GROUP_TO_CODES[g]})
        first = sum(employed[(g, FIRST)] for g in gs)
        last = sum(employed[(g, LAST)] for g in gs)
        if first < MIN_EMPLOYED:
            rows.append((code, 0.0, 0.0, 0.0, 0.0, f"groups {'+'.join(gs)}: under {MIN_EMPLOYED} employed, no trend"))
            continue
        share_trend = ((last / total[LAST]) / (first / total[FIRST])) ** (1 / (LAST - FIRST)) - 1
        between = industry_part(codes)
        # The share with higher education among the groups' employed, pooled.
        he_first = sum(higher[(g, FIRST)] for g in gs) / first
        he_last = sum(higher[(g, LAST)] for g in gs) / last
        he_trend = (logit(he_last) - logit(he_first)) / (LAST - FIRST)
        rows.append((code, share_trend, between, share_trend - between, he_trend,
                     f"groups {'+'.join(gs)}: {first:.0f} -> {last:.0f} employed, higher education "
                     f"{he_first:.3f} -> {he_last:.3f}"))

    out = labour / "occupation_trend.csv"
    with open(out, "w", newline="", encoding="utf-8") as f:
        f.write(
            "# Within-industry occupation trend: the yearly relative change of each occupation's share of its\n"
            "# industries' positions, beyond what the industry mix explains. Unit: fraction a year.\n"
            "# Source: SSB, employed by occupation group, Vestfold og Telemark 2015-2020 (register-based, a custom\n"
            "#   table for Vestfold og Telemark fylkeskommune; ../shared/data/ostfold/SOURCES.md section 15), with\n"
            "#   Østfold's 2024 occupation mix by industry (staffing_industry_occupation.csv) and the industries'\n"
            "#   growth (industry_growth.csv) for the industry part.\n"
            "# DERIVED: share_trend = (share 2020 / share 2015)^(1/5) - 1 among coded occupations (self-employed\n"
            "#   without code and unknown left out); industry_part = the same for the industry mix alone;\n"
            "#   within_industry = share_trend - industry_part. A code pooled with others in one group gets the group's rate.\n"
            "#   higher_education_logit_trend = (logit(share with higher education 2020) - logit(2015)) / 5 among the\n"
            "#   groups' employed: the yearly change of the log-odds that the occupation asks for bachelor level or above\n"
            "#   (a logistic path: the share rises most where it is near one half and never passes 0 or 1).\n"
            f"# Assumption: Vestfold og Telemark's within-industry shift holds for Østfold (no Østfold table exists);\n"
            f"#   groups under {MIN_EMPLOYED} employed in 2015 get no trend.\n"
            "# Generated by scenarios/data/derive/derive_occupation_trend.py; do not edit by hand.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["occupation", "share_trend", "industry_part", "within_industry", "higher_education_logit_trend", "note"])
        for code, t, b, wi, he, note in rows:
            # The table reader knows no quoting: group codes like "510,540" are written "510/540".
            w.writerow([code, f"{t:.5f}", f"{b:.5f}", f"{wi:.5f}", f"{he:.5f}", note.replace(",", "/")])
    for code, t, b, wi, he, note in rows:
        print(f"{code}: share {t:+.4f}  industry {b:+.4f}  within {wi:+.4f}  higher-ed logit {he:+.4f}/yr  ({note})")
    print(f"wrote {out.relative_to(root)}")


if __name__ == "__main__":
    main()
