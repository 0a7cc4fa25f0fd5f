#!/usr/bin/env python3
"""Derives scenarios/data/labour/turnover_by_occupation.csv: each model
occupation's quit rate relative to the whole economy's, where KS's turnover
statistics for the municipal sector have a position code (stillingskode) that
belongs to it.

Data: KS PAI register, turnover out of the municipal sector (kommuner and
fylkeskommuner) by position code, 2017-18 to 2021-22 (shared
turnover_by_occupation_municipal_sector_norway_2015_2022.csv; its SOURCES.md
section 16). Turnover = share of those employed on 1 December of year t who hold
no municipal-sector position on 1 December of year t+1.

Method:
1. The mean turnover of each position code and of the whole sector (code 0000)
   over the five years 2017-18 .. 2021-22.
2. A model occupation's relative factor = the mean turnover of its position
   codes (their plain mean where several codes map to it: KS gives no head
   counts by code in the stored table) / the whole sector's mean.
3. Occupations without a position code get no row: the model gives them
   factor 1.

Which KS position code goes to which model occupation (STYRK-08), and why:
- 7174 Sykepleier -> 222 nurses: the position requires the nurse's
  authorisation (helsepersonelloven), which is what 222 holds.
- 7076 Helsefagarbeider/hjelpepleier -> 5321 helsefagarbeidere: the same
  authorised trade.
- 6572 Assistent -> 53 (other personal care workers): the assistants in
  kindergartens, schools and care without a trade certificate, STYRK 531 and
  532 without 5321, which is what the model's 53 holds.
- 7637 Pedagogisk leder (barnehage), 7962 Adjunkt, 7963 Adjunkt med
  tilleggsutdanning -> 234 grunnskole- og barnehagelærere: kindergarten
  teachers and the adjunkter of the municipalities' primary and lower
  secondary schools.
- 7966 Lektor med tilleggsutdanning -> 23 (the other teachers): lektorer teach
  mostly in upper secondary schools, which the county municipalities run
  (Assumption: the lektorer in lower secondary schools do not change the
  ratio much; KS gives no split by school).
Left out, with the reason:
- 7517 Fagarbeider: a pay title for anyone with a trade certificate outside
  health (barne- og ungdomsarbeidere in 53, craftsmen in 71-74, cooks in 51,
  operators): no single model occupation.
- 6675 Miljøterapeut: held by vernepleiere (22), sosionomer and
  barnevernspedagoger (26), nurses (222) and others with a social or health
  degree (utdanning.no, "Miljøterapeut"): no single model occupation; its
  turnover is the sector's anyway (12.9 % against 12.8 %).
- 8530 Rådgiver: advisers of every field (engineering 21, finance and
  administration 24, social science 26): no single model occupation.
- Helsesykepleier (Helsedirektoratet's extract): a specialisation inside 222
  measured over other years (2014-2020); 7174 already stands for 222.
- Turnover by age: the model's quit rates have their own age profile
  (separation_rates.csv); the three KS points are not used.

Run from the repository root:
    /usr/bin/python3 scenarios/data/derive/derive_turnover.py [--shared DIR]
"""
import argparse
import csv
import pathlib

SOURCE = "turnover_by_occupation_municipal_sector_norway_2015_2022.csv"
PERIODS = ["2017-2018", "2018-2019", "2019-2020", "2020-2021", "2021-2022"]
SECTOR = "0000"
# Model occupation (STYRK-08) -> the KS position codes that stand for it (reasons in the docstring).
OCCUPATION_CODES = {
    "222": ["7174"],
    "5321": ["7076"],
    "53": ["6572"],
    "234": ["7637", "7962", "7963"],
    "23": ["7966"],
}
LEFT_OUT = {"7517", "6675", "8530"}


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

    turnover = {}
    names = {}
    for row in read_csv(shared / SOURCE):
        if row["group_type"] != "KS position code (stillingskode)":
            continue
        if row["measure"] != "turnover_out_of_sector" or row["unit"] != "percent":
            continue
        turnover[(row["group_code"], row["period"])] = float(row["value"])
        names[row["group_code"]] = row["group"]
    codes = sorted(names)
    for code in codes:
        missing = [p for p in PERIODS if (code, p) not in turnover]
        assert not missing, f"position code {code} lacks {missing}"
    mapped = {c for cs in OCCUPATION_CODES.values() for c in cs}
    unaccounted = set(codes) - mapped - LEFT_OUT - {SECTOR}
    assert not unaccounted, f"position codes neither mapped nor left out: {sorted(unaccounted)}"

    def mean(code):
        return sum(turnover[(code, p)] for p in PERIODS) / len(PERIODS)

    occupations = [r["code"] for r in read_csv(labour / "occupations.csv")]
    sector = mean(SECTOR)
    rows = []
    for occupation, ks in OCCUPATION_CODES.items():
        assert occupation in occupations, f"occupation {occupation} is not in occupations.csv"
        own = sum(mean(c) for c in ks) / len(ks)
        detail = " ".join(f"{c} {names[c]} {mean(c):.2f}" for c in ks)
        rows.append((occupation, own / sector, own, sector, " ".join(ks), detail))
    rows.sort(key=lambda r: occupations.index(r[0]))

    out = labour / "turnover_by_occupation.csv"
    with open(out, "w", newline="", encoding="utf-8") as f:
        f.write(
            "# Relative quit rate by occupation: the occupation's turnover out of the municipal sector over the\n"
            "#   sector's, where KS has a position code (stillingskode) for the occupation. Unit: none (a ratio).\n"
            "# Source: KS PAI register, turnover out of the municipal sector by position code, Norway, 2017-18 to\n"
            "#   2021-22 (share of those employed on 1 Dec of year t who hold no municipal-sector position on 1 Dec of\n"
            "#   year t+1); https://www.ks.no/fagomrader/statistikk-og-analyse/turnover/publisert-turnoverstatistikk/;\n"
            f"#   shared {SOURCE} (shared SOURCES.md section 16).\n"
            "# DERIVED: quit_factor = turnover_mean_percent / sector_turnover_mean_percent, both the mean of the five\n"
            "#   years; where several position codes map to one occupation turnover_mean_percent is their plain mean\n"
            "#   (the stored table has no head counts by code). Whole sector (code 0000): "
            + " ".join(f"{turnover[(SECTOR, p)]:.1f}" for p in PERIODS) + f" % (mean {sector:.2f} %).\n"
            "# Mapping: 7174 Sykepleier -> 222; 7076 Helsefagarbeider/hjelpepleier -> 5321; 6572 Assistent -> 53\n"
            "#   (assistants in kindergartens schools and care: STYRK 531 and 532 without 5321); 7637 Pedagogisk leder\n"
            "#   (barnehage) 7962 Adjunkt 7963 Adjunkt med tilleggsutdanning -> 234; 7966 Lektor med tilleggsutdanning\n"
            "#   -> 23 (Assumption: lektorer teach mostly in the county municipalities' upper secondary schools).\n"
            "#   Left out (no single model occupation holds them): 7517 Fagarbeider (any trade certificate outside\n"
            "#   health: 53 51 71-74 ...) 6675 Miljøterapeut (vernepleiere sosionomer barnevernspedagoger nurses) and\n"
            "#   8530 Rådgiver (advisers of every field).\n"
            "# Assumption: the relative turnover in the municipal sector stands for the occupation everywhere (KS counts\n"
            "#   exits from the sector: quits, job-to-job moves to other employers, and also retirement; nurses and\n"
            "#   teachers outside the municipal sector have no such statistic in the shared data).\n"
            "# Assumption: occupations without a row quit at the age-sex rate of separation_rates.csv (factor 1): there\n"
            "#   is no turnover by occupation outside the municipal sector in the shared data, and the sector's own\n"
            "#   mean is the best guess for an occupation it does not list.\n"
            "# The model multiplies the quit rate (not retirement disability or lay-offs) by quit_factor raised to\n"
            "#   labour.occupation_turnover_scale and rescales all factors so that the county's quits on the start date\n"
            "#   are what separation_rates.csv gives (its age-sex profile is calibrated to the whole economy).\n"
            "# Generated by scenarios/data/derive/derive_turnover.py; do not edit by hand.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["occupation", "quit_factor", "turnover_mean_percent", "sector_turnover_mean_percent",
                    "ks_codes", "note"])
        for occupation, factor, own, sec, ks, detail in rows:
            w.writerow([occupation, f"{factor:.4f}", f"{own:.2f}", f"{sec:.2f}", ks, detail.replace(",", " ")])
    for occupation, factor, own, sec, ks, detail in rows:
        print(f"{occupation}: {own:.2f} % / {sec:.2f} % = {factor:.4f}  ({detail})")
    print(f"wrote {out.relative_to(root)}")


if __name__ == "__main__":
    main()
