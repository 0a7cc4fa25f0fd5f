#!/usr/bin/python3
"""Derive the demography input tables of the kfsim baseline scenario, or of a back-test.

Reads the reference data in the shared Østfold data folder and writes, into
scenarios/data/:

    municipalities.csv, population_2024.csv, mortality.csv, fertility.csv,
    migration.csv, migration_events.csv, demography_parameters.csv

Every output begins with '#' comment lines (content, unit, sources, years,
assumptions, checks). The script is deterministic: same inputs, same bytes.

Age convention: the simulation applies every rate by a person's current age in
completed years (exact age), month by month. The rates here are therefore
period rates by exact age (as HMD and HFD publish them), and the migration
residuals, which the population series gives for cohorts aged a on 1 January,
are converted to exact age. The last section of the output projects the five
years before the start date (2019 to 2024) with the simulation's monthly rules
as a check.

Back-test: with --cutoff YEAR every rate comes from data up to YEAR only and
the tables describe a run that starts on 1 January YEAR+1 (population_<YEAR+1>.csv;
default output folder scenarios/data/backtest_<YEAR+1>/). All windows follow
from the cut-off in one place, windows(). The one exception is
migration_events.csv: the refugee episodes' sizes come from the episode years
(its header says so); --no-events leaves it out.

Usage (from the repository root):
    /usr/bin/python3 scenarios/data/derive/derive_demography.py [--shared DIR] [--out DIR]
    /usr/bin/python3 scenarios/data/derive/derive_demography.py --cutoff 2014 [--no-events] [--shared DIR] [--out DIR]

Only the Python standard library and numpy are used.
"""

import argparse
import csv
import math
import os
import sys
import textwrap
from dataclasses import dataclass
from typing import Optional

import numpy as np

REPO_ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
DEFAULT_SHARED = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", "data", "ostfold"))
DEFAULT_OUT = os.path.join(REPO_ROOT, "scenarios", "data")

# ---------------------------------------------------------------------------
# Fixed choices (each one is written into the headers as an assumption)
# ---------------------------------------------------------------------------
SEXES = ("female", "male")
HMD_SEX = {"female": "Female", "male": "Male"}
POP_MAX_AGE = 105            # population and migration tables: ages 0..104 and 105 (= 105+)
MORT_MAX_AGE = 110           # HMD: 0..109 and 110+
MORT_POOL_FROM = 100         # rates at 100..110 are pooled into one rate
IMPROVEMENT_FIRST_YEAR = 2000
IMPROVEMENT_LAST_YEAR = 2019  # the trend fit never goes past 2019: 2020-2023 were disturbed by the pandemic
IMPROVEMENT_MAX_AGE = 100
PANDEMIC_YEAR = 2020
FERT_MIN_AGE, FERT_MAX_AGE = 15, 49
FERT_CHECK_YEARS = (2006, 2007, 2008)    # method check against the SSB county TFR of 2005-2007
RESID_FIRST_YEAR = 2005                  # first interval 1 January y -> y+1 of the population series
# Net migration: calendar years y (intervals 1 January y -> 1 January y+1). The rates come from the latest five years up
# to the cut-off that neither refugee episode dominates; the episodes become optional dated events (migration_events.csv).
EVENTS = (("refugees_2015", (2015, 2016),
           "asylum seekers and refugees of 2015-2016 (mostly from Syria Afghanistan and Eritrea)"),
          ("ukraine_2022", (2022, 2023), "refugees from Ukraine 2022-2023"))
EVENT_MISSING = {"ukraine_2022": "the arrivals from Ukraine of 2022-2023",
                 "refugees_2015": "the asylum seekers of 2015-2016"}
MIG_GROSS_YEARS = (2008, 2015)   # the years of municipal gross flows in SRC_MIG
INTERNAL_SHARE_YEAR = 2008       # the only year with both municipal and county domestic out-moves
BASELINE_CUTOFF = 2023           # the baseline: data up to 2023 and the population of 1 January 2024
BASELINE_OLD_WINDOW = (2019, 2020, 2021, 2022, 2023)   # the baseline's window used before (reported for comparison)
COUNTY_CODE = "31"
POP_CHECKS = {2024: (312152, "SNL gives 312 150")}   # start year: county total asserted, and an outside figure
INFANT_EXPOSURE = 0.5        # person-years at age 0 before the first 1 January, per birth


@dataclass(frozen=True)
class Windows:
    """Every window of years the derivation uses, all derived from the cut-off (the last calendar year of data behind
    the rates); the start population is that of 1 January cut-off + 1, the state at the end of the cut-off year."""
    cutoff: int
    backtest: bool
    start_year: int                  # population of 1 January start_year; the run starts then
    mort_years: tuple                # HMD years pooled into mortality.csv
    mort_years_alt: Optional[tuple]  # the pool without the pandemic year 2020 (None when 2020 is not in the pool)
    mort_reference_year: int         # middle of the pool
    improvement_years: tuple         # (first, last) of the log-linear fit of the ASDR
    standard_year: int               # standard population (HMD exposure) of the ASDR
    asdr_years: tuple                # ASDR listed in the header
    mort_check_years: tuple          # intervals y -> y+1 of the 80+ cohort-decline check
    srb_years: tuple                 # HMD exposure at age 0; Østfold age 0 on 1 January of these years + 1
    fert_years: tuple                # HFD years averaged
    fert_calib_years: tuple          # age 0 on 1 January of these years (births of the year before)
    fert_same_year: tuple            # age 0 on 1 January y with the HFD rates of y-1
    resid_years: tuple               # calendar years of the cohort residuals
    last_five: tuple                 # the latest five calendar years up to the cut-off
    clean_years: tuple               # net migration window: the latest five years outside the refugee episodes
    pattern_years: tuple             # its pattern by municipality, sex and age: the latest ten such years
    old_window: Optional[tuple]      # the baseline's window used before (None in a back-test)
    gross_year: int                  # year of the municipal gross out-flows (SRC_MIG)
    comparison_years: tuple          # SSB county totals compared with migration.csv
    validation_start: int            # the check projects 1 January validation_start -> start_year
    validation_events: tuple         # episodes inside the check's years, switched on in its second run

    def span(self, years):
        return "%d-%d" % (years[0], years[-1])

    def years_text(self, years):
        """Years as runs of consecutive years: "2010-2014 and 2017-2021"."""
        runs = []
        for y in years:
            if runs and y == runs[-1][-1] + 1:
                runs[-1].append(y)
            else:
                runs.append([y])
        return " and ".join(self.span(r) if len(r) > 1 else str(r[0]) for r in runs)

    def header_lines(self, episodes=False):
        """The lines every back-test table carries after its first line (none for the baseline). episodes: the table
        of the refugee episodes, whose sizes come from the episode years."""
        if not self.backtest:
            return []
        if episodes:
            first = ("Back-test: the other tables of this folder are estimated from data up to %d only (back-test cut-off);"
                     " these event sizes are not (see Caution below). The run starts on 1 January %d." %
                     (self.cutoff, self.start_year))
        else:
            first = ("Back-test: estimated from data up to %d only (back-test cut-off); the run starts on 1 January %d"
                     " from the population of that date (the state at the end of %d)." %
                     (self.cutoff, self.start_year, self.cutoff))
        return [first, "Windows used: " + self.windows_text() + "."]

    def windows_text(self):
        return "; ".join((
            "mortality HMD %s pooled (reference year %d)" % (self.span(self.mort_years), self.mort_reference_year),
            "mortality improvement fitted over %s (standard population: Norway %d exposure)"
            % (self.span(self.improvement_years), self.standard_year),
            "mortality level check (80+ cohort decline) 1 January %d -> %d"
            % (self.mort_check_years[0], self.mort_check_years[-1] + 1),
            "sex ratio at birth HMD %s" % self.span(self.srb_years),
            "fertility HFD %s" % self.span(self.fert_years),
            "fertility scale on the births of %d-%d (age 0 on 1 January %s)"
            % (self.fert_calib_years[0] - 1, self.fert_calib_years[-1] - 1, self.span(self.fert_calib_years)),
            "net migration %s, shared among the municipalities as in %s (residuals of %s computed)"
            % (self.span(self.clean_years), self.years_text(self.pattern_years), self.span(self.resid_years)),
            "gross out-migration level %d; internal move share %d" % (self.gross_year, INTERNAL_SHARE_YEAR),
            "validation 1 January %d -> %d" % (self.validation_start, self.start_year)))


def windows(cutoff=None, hfd_last=None):
    """The windows for data up to `cutoff` (None: the baseline, data up to BASELINE_CUTOFF). hfd_last: the last year of
    the HFD rates in the data."""
    backtest = cutoff is not None
    if cutoff is None:
        cutoff = BASELINE_CUTOFF
    last_five = tuple(range(cutoff - 4, cutoff + 1))
    mort_years = last_five
    improvement = (IMPROVEMENT_FIRST_YEAR, min(cutoff, IMPROVEMENT_LAST_YEAR))
    fert_last = min(cutoff, hfd_last)
    fert_years = tuple(range(fert_last - 2, fert_last + 1))
    resid_years = tuple(range(RESID_FIRST_YEAR, cutoff + 1))
    event_years = {y for _, ys, _ in EVENTS for y in ys}
    clean_years = tuple(sorted(y for y in resid_years if y not in event_years)[-5:])
    pattern_years = tuple(sorted(y for y in resid_years if y not in event_years)[-10:])
    validation_start = cutoff - 4
    w = Windows(
        cutoff=cutoff, backtest=backtest, start_year=cutoff + 1,
        mort_years=mort_years,
        mort_years_alt=tuple(y for y in mort_years if y != PANDEMIC_YEAR) if PANDEMIC_YEAR in mort_years else None,
        mort_reference_year=mort_years[len(mort_years) // 2],
        improvement_years=improvement, standard_year=improvement[1],
        asdr_years=tuple(range(cutoff - 6, cutoff + 1)),
        mort_check_years=last_five, srb_years=last_five,
        fert_years=fert_years,
        fert_calib_years=(cutoff - 1, cutoff, cutoff + 1),
        fert_same_year=tuple(y + 1 for y in fert_years),
        resid_years=resid_years, last_five=last_five, clean_years=clean_years, pattern_years=pattern_years,
        old_window=None if backtest else BASELINE_OLD_WINDOW,
        gross_year=max(y for y in MIG_GROSS_YEARS if y <= cutoff),
        comparison_years=tuple(y for y in (2017, 2015, 2008, 2007) if y <= cutoff),
        validation_start=validation_start,
        validation_events=tuple(name for name, ys, _ in EVENTS if validation_start <= ys[0] and ys[-1] <= cutoff))
    assert len(clean_years) == 5 and len(pattern_years) == 10 and min(FERT_CHECK_YEARS) - 1 >= RESID_FIRST_YEAR
    assert max(FERT_CHECK_YEARS) <= cutoff + 1 and INTERNAL_SHARE_YEAR <= cutoff
    return w


# Rogers-Castro model migration schedule (a rate per person-year by exact age).
# a1, alpha1, a2, alpha2, mu2, lambda2, c: the "fundamental" parameter set of
# Rogers and Castro (1981), Model Migration Schedules, IIASA RR-81-30 (as
# reproduced e.g. in the R package migest, rc9.fund).
# a3, alpha3, mu3, lambda3: a retirement component chosen here (not estimated):
# a bump of about 0.001 centred on age 65.
RC = dict(a1=0.02, alpha1=0.10, a2=0.06, alpha2=0.10, mu2=20.0, lambda2=0.40, c=0.003,
          a3=0.003, alpha3=0.50, mu3=65.0, lambda3=0.50)
OUT_RATE_CAP = 0.95          # out_rate must stay below 1

SRC_POP = "population_age_sex_2005_2024_2024borders.csv"
SRC_POP_TOTAL_OLD = "population_municipality_total_2005_2023.csv"
SRC_HMD = "demography_mortality_rates_norway_hmd_2000_2023.csv"
SRC_HFD = "demography_fertility_rates_norway_hfd_2000_2022.csv"
SRC_TFR = "demography_fertility_tfr_county_1968_2007.csv"
SRC_MIG = "migration_municipal_2008_2015.csv"
SRC_MIG2007 = "demography_migration_municipal_2007.csv"
SRC_MIG2017 = "migration_county_totals_2017_and_regions_2007.csv"
SRC_MAP = "municipality_code_mapping.csv"
SRC_QUARTERLY = "population_change_components_quarterly.csv"

URL_POP = ("SSB statbank table 07459 (https://www.ssb.no/statbank/table/07459) as packaged in "
           "nor_population_by_age_b2024 of https://github.com/niphr/csdata (R/sysdata.rda; NLOD)")
URL_HMD = ("Human Mortality Database (https://www.mortality.org; Norway; based on SSB data) via "
           "https://github.com/robjhyndman/vital/blob/main/data/norway_mortality.rda")
URL_HFD = ("Human Fertility Database (https://www.humanfertility.org; Norway) via "
           "https://github.com/robjhyndman/vital/blob/main/data/norway_fertility.rda")
URL_TFR = "SSB https://www.ssb.no/a/kortnavn/fodte/arkiv/tab-2008-04-09-05.html"
URL_MIG2008 = "SSB https://www.ssb.no/a/static/flytting/tab-2009-05-07-12.html"
URL_MIG2015 = ("SSB https://www.ssb.no/a/barnogunge/2016/tabeller/befolkning/bef0601.html and "
               "https://www.ssb.no/a/barnogunge/2016/tabeller/befolkning/bef0701.html")
URL_MIG2007 = "SSB https://ssb.no/a/static/flytting/tab-2008-05-08-12.html"
URL_MIG2017 = "SSB https://ssb.no/343890/alle-flyttinger-innenlandske-og-fra-og-til-utlandet.hele-landet-og-fylker"
URL_QUARTERLY = ("SSB folkendrkv https://ssb.no/a/english/kortnavn/folkendrkv_en/2005k4/kvart01-en.html and "
                 "https://www.ssb.no/a/english/kortnavn/folkendrkv_en/2007k1/kvart01-en.html")


def log(line=""):
    print(line)


def read_rows(shared, name):
    with open(os.path.join(shared, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------
def load_population(shared):
    """pop[year][code][sex] -> float array over ages 0..105; names[code]."""
    pop, names = {}, {}
    for r in read_rows(shared, SRC_POP):
        if r["sex"] not in SEXES:
            continue
        y, code, a = int(r["year_1jan"]), r["area_code"], int(r["age"])
        arr = pop.setdefault(y, {}).setdefault(code, {}).setdefault(r["sex"], np.zeros(POP_MAX_AGE + 1))
        arr[a] = float(r["persons"])
        if code != COUNTY_CODE:
            names[code] = r["area_name"]
    return pop, names


def load_hmd(shared):
    """deaths[(year, Sex)], expo[(year, Sex)] -> arrays over ages 0..110."""
    deaths, expo = {}, {}
    for r in read_rows(shared, SRC_HMD):
        k = (int(r["year"]), r["sex"])
        a = int(r["age"])
        deaths.setdefault(k, np.zeros(MORT_MAX_AGE + 1))[a] = float(r["deaths"])
        expo.setdefault(k, np.zeros(MORT_MAX_AGE + 1))[a] = float(r["population_exposure"])
    return deaths, expo


def load_hfd(shared):
    """asfr[year] -> dict age -> rate (ages 12..55, 12 and 55 open)."""
    out = {}
    for r in read_rows(shared, SRC_HFD):
        out.setdefault(int(r["year"]), {})[int(r["age_of_mother"])] = float(r["fertility_rate"])
    return out


def folded_rates(hfd, years):
    """Mean HFD rates over `years` on ages 0..49, 12-14 folded into 15 and 50-55 into 49."""
    f = np.zeros(FERT_MAX_AGE + 1)
    for y in years:
        for a, v in hfd[y].items():
            f[min(max(a, FERT_MIN_AGE), FERT_MAX_AGE)] += v / len(years)
    return f


# ---------------------------------------------------------------------------
# Mortality
# ---------------------------------------------------------------------------
def pooled_rates(deaths, expo, years, sex):
    d = sum(deaths[(y, sex)] for y in years)
    e = sum(expo[(y, sex)] for y in years)
    m = np.zeros(MORT_MAX_AGE + 1)
    last = 0.0
    for a in range(MORT_POOL_FROM):
        if e[a] > 0:
            last = d[a] / e[a]
        m[a] = last                      # exposure 0: carry the last rate forward
    dp, ep = d[MORT_POOL_FROM:].sum(), e[MORT_POOL_FROM:].sum()
    m[MORT_POOL_FROM:] = dp / ep if ep > 0 else last
    return m


def asdr(deaths, expo, year, sex, std):
    d = deaths[(year, sex)][:IMPROVEMENT_MAX_AGE + 1]
    e = expo[(year, sex)][:IMPROVEMENT_MAX_AGE + 1]
    m = np.where(e > 0, d / np.where(e > 0, e, 1.0), 0.0)
    return float((m * std).sum() / std.sum())


def improvement(deaths, expo, sex, w):
    std = expo[(w.standard_year, sex)][:IMPROVEMENT_MAX_AGE + 1]
    ys = np.arange(w.improvement_years[0], w.improvement_years[1] + 1)
    a = np.array([asdr(deaths, expo, int(y), sex, std) for y in ys])
    slope = np.polyfit(ys - ys.mean(), np.log(a), 1)[0]
    loglin = 1.0 - math.exp(slope)                           # average annual rate of decline
    endpoint = 1.0 - (a[-1] / a[0]) ** (1.0 / (ys[-1] - ys[0]))
    return loglin, endpoint, a[0], a[-1]


def life_expectancy(m):
    """Period life expectancy at birth from single-year m(x), a(x)=0.5 (a0 = 0.1), open age 110."""
    lx, e = 1.0, 0.0
    for a in range(len(m) - 1):
        ax = 0.1 if a == 0 else 0.5
        qx = min(m[a] / (1 + (1 - ax) * m[a]), 1.0)
        dx = lx * qx
        e += lx - dx * (1 - ax)
        lx -= dx
    e += lx / m[-1] if m[-1] > 0 else 0.0
    return e


def cohort_survival(m_pop, scale):
    """Probability that a person aged a on 1 January survives to the next 1 January when the
    rate m(x) applies by exact age: half the year at a and half at a+1. Array [sex, age 0..105]."""
    m_next = np.concatenate([m_pop[:, 1:], m_pop[:, -1:]], axis=1)
    return np.exp(-scale * 0.5 * (m_pop + m_next))


# ---------------------------------------------------------------------------
# Rogers-Castro schedule
# ---------------------------------------------------------------------------
def rogers_castro(ages):
    x = np.asarray(ages, dtype=float)
    p = RC
    child = p["a1"] * np.exp(-p["alpha1"] * x)
    labour = p["a2"] * np.exp(-p["alpha2"] * (x - p["mu2"]) - np.exp(-p["lambda2"] * (x - p["mu2"])))
    retire = p["a3"] * np.exp(-p["alpha3"] * (x - p["mu3"]) - np.exp(-p["lambda3"] * (x - p["mu3"])))
    return child + labour + retire + p["c"]


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------
PARAGRAPH_STARTS = ("Assumption:", "Caution:")


def comment_lines(item, width=118):
    """Reflow one comment item. Its lines are joined into paragraphs; a line that starts with 'Assumption:' starts
    a new paragraph. Continuation lines are indented two spaces deeper (three after a numbered step '1. ')."""
    paragraphs = []
    for line in item.split("\n"):
        text = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if not paragraphs or text.startswith(PARAGRAPH_STARTS):
            paragraphs.append([indent, text])
        else:
            paragraphs[-1][1] += " " + text
    out = []
    for indent, text in paragraphs:
        step = len(text) > 2 and text[0].isdigit() and text[1:3] == ". "
        out.extend(textwrap.wrap(text, width=width, initial_indent=" " * indent,
                                 subsequent_indent=" " * (indent + (3 if step else 2)),
                                 break_long_words=False, break_on_hyphens=False) or [""])
    return out


def write_table(path, comments, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for c in comments:
            for part in comment_lines(c):
                f.write(("# " + part).rstrip() + "\n")
        f.write(",".join(header) + "\n")
        for r in rows:
            cells = [str(v) for v in r]
            for v in cells:
                if "," in v or "\n" in v or '"' in v:
                    raise ValueError("cell needs quoting: %r" % v)
            f.write(",".join(cells) + "\n")


def fmt(x, digits=6):
    """`digits` significant digits in plain decimal notation (no exponent)."""
    if x == 0:
        return "0"
    decimals = max(0, digits - 1 - int(math.floor(math.log10(abs(x)))))
    s = "%.*f" % (decimals, x)
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def f_dec(x, d):
    s = "%.*f" % (d, x)
    if float(s) == 0.0:
        return "0"
    return s


# ---------------------------------------------------------------------------
# Main derivation
# ---------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=DEFAULT_SHARED, help="shared Østfold data folder (default: %(default)s)")
    ap.add_argument("--out", help="output folder (default: %s; with --cutoff Y: %s)" %
                    (DEFAULT_OUT, os.path.join(DEFAULT_OUT, "backtest_<Y+1>")))
    ap.add_argument("--cutoff", type=int, metavar="YEAR",
                    help="back-test: estimate every rate from data up to YEAR only; the start population is that of"
                         " 1 January YEAR+1 (default: the baseline, data up to %d)" % BASELINE_CUTOFF)
    ap.add_argument("--no-events", action="store_true",
                    help="with --cutoff: do not derive or write migration_events.csv (its episode sizes need the"
                         " population of the episode years, after the cut-off)")
    args = ap.parse_args()
    shared = args.shared
    if not os.path.isfile(os.path.join(shared, "SOURCES.md")):
        sys.exit("shared data folder not found: %s (use --shared DIR)" % shared)
    if args.cutoff is not None and not 2010 <= args.cutoff <= BASELINE_CUTOFF:
        sys.exit("--cutoff must lie in 2010..%d" % BASELINE_CUTOFF)
    if args.no_events and args.cutoff is None:
        sys.exit("--no-events needs --cutoff (the baseline's validation switches an episode on)")

    hfd = load_hfd(shared)
    w = windows(args.cutoff, hfd_last=max(hfd))
    if args.no_events and w.validation_events:
        sys.exit("--no-events: the validation of this cut-off switches on %s" % " ".join(w.validation_events))
    outdir = args.out or (os.path.join(DEFAULT_OUT, "backtest_%d" % w.start_year) if w.backtest else DEFAULT_OUT)
    os.makedirs(outdir, exist_ok=True)
    if w.backtest:
        log("== Back-test: data up to %d only; start population 1 January %d" % (w.cutoff, w.start_year))
        log("Windows: " + w.windows_text())

    def table(name, comments, header, rows, episodes=False):
        """write_table with the back-test lines after the first comment line."""
        write_table(os.path.join(outdir, name), comments[:1] + w.header_lines(episodes) + comments[1:], header, rows)

    pop, names = load_population(shared)
    codes = sorted(names)
    assert len(codes) == 12 and codes[0] == "3101" and codes[-1] == "3124", codes
    ages = np.arange(POP_MAX_AGE + 1)

    def P_data(y, code):
        return np.array([pop[y][code][s] for s in SEXES])

    def P(y, code=None):
        """array [sex, age] for a municipality, or summed over municipalities; no year after the start date."""
        if y > w.start_year:
            raise LookupError("population of 1 January %d read, after the start date %d" % (y, w.start_year))
        if code is None:
            return sum(P(y, c) for c in codes)
        return P_data(y, code)

    def PM(y):
        """array [mun, sex, age]."""
        return np.array([P(y, c) for c in codes])

    def PM_episode(y):
        """PM for the refugee episodes of migration_events.csv only: they may lie after a back-test's cut-off."""
        return np.array([P_data(y, c) for c in codes])

    # consistency: municipalities add up to the county row
    for y in pop:
        cty = np.array([pop[y][COUNTY_CODE][s] for s in SEXES])
        assert np.array_equal(cty, sum(P_data(y, c) for c in codes)), "county row differs from municipality sum in %d" % y

    # ------------------------------------------------------------------ 1 municipalities
    borders_note = (["Assumption: the back-test keeps the borders of 2024 (they came in 2020 and 2024, after the cut-off):"
                     "\nthe population series of %s gives every year on these borders, so they regroup the same persons"
                     "\nand carry no later data." % SRC_POP] if w.backtest else [])
    table(
        "municipalities.csv",
        ["The 12 municipalities of Østfold (county 31) on 2024 borders.",
         "Unit: none (code = SSB municipality number from 1 January 2024; name as in the source).",
         "Source: %s; original: %s." % (SRC_POP, URL_POP),
         "Year: borders of 2024. 3103 Moss = former 0104 Moss + 0136 Rygge; 3118 Indre Østfold = former 0122 0123 0124 0125 0138;"
         "\nformer 0121 Rømskog is not part of Østfold on these borders (see %s)." % SRC_MAP,
         "3114 Våler is Våler in Østfold (not Våler in Innlandet)."] + borders_note,
        ["code", "name"], [(c, names[c]) for c in codes])

    # ------------------------------------------------------------------ 2 population
    Y0 = w.start_year
    P24 = PM(Y0)
    total24 = int(P24.sum())
    county_total = int(sum(pop[Y0][COUNTY_CODE][s].sum() for s in SEXES))
    assert total24 == county_total, (total24, county_total)
    if Y0 in POP_CHECKS:
        assert total24 == POP_CHECKS[Y0][0], total24
        check_text = "Check: the table sums to %d persons (asserted by the script; %s)." % (total24, POP_CHECKS[Y0][1])
    else:
        check_text = ("Check: the table sums to %d persons, the county row 31 of the same file (asserted by the script)."
                      % total24)
    log("== Population of 1 January %d: %d persons (county row %d)" % (Y0, total24, county_total))
    rows = []
    for i, c in enumerate(codes):
        for si, s in enumerate(SEXES):
            for a in ages:
                rows.append((c, s, int(a), int(P24[i, si, a])))
    table(
        "population_%d.csv" % Y0,
        ["Population of Østfold on 1 January %d by municipality (2024 code) sex and single-year age." % Y0,
         "Unit: persons. Age = completed years on 1 January; age 105 = 105 and older.",
         "Source: %s (year_1jan = %d; municipality rows only, the county row 31 is left out);" % (SRC_POP, Y0),
         "original: %s." % URL_POP,
         check_text,
         "kfsim-date: %d-01-01 (the date of this state, which kfsim reads: a run starts in its year)" % Y0],
        ["municipality", "sex", "age", "persons"], rows)

    # ------------------------------------------------------------------ 3 mortality
    deaths, expo = load_hmd(shared)
    mort = {s: pooled_rates(deaths, expo, w.mort_years, HMD_SEX[s]) for s in SEXES}
    std_tot = expo[(w.standard_year, "Total")][:IMPROVEMENT_MAX_AGE + 1]
    asdr_years = {y: asdr(deaths, expo, y, "Total", std_tot) for y in w.asdr_years}
    m_pool_asdr = {}
    pools = (("with 2020", w.mort_years),) + ((("without 2020", w.mort_years_alt),) if w.mort_years_alt else ())
    for lab, yrs in pools:
        d = sum(deaths[(y, "Total")] for y in yrs)[:IMPROVEMENT_MAX_AGE + 1]
        e = sum(expo[(y, "Total")] for y in yrs)[:IMPROVEMENT_MAX_AGE + 1]
        m_pool_asdr[lab] = float(((d / e) * std_tot).sum() / std_tot.sum())
    m_full = np.array([mort[s] for s in SEXES])                        # [sex, age 0..110]
    m_pop = m_full[:, :POP_MAX_AGE + 1]                                # [sex, age 0..105]
    impr = {s: improvement(deaths, expo, HMD_SEX[s], w) for s in SEXES}
    impr_tot = improvement(deaths, expo, "Total", w)
    e0s = {s: life_expectancy(mort[s]) for s in SEXES}
    mort_span, impr_span = w.span(w.mort_years), w.span(w.improvement_years)

    log("== Mortality (Norway, HMD)")
    log("ASDR per 1000 (ages 0-100, standard = Norway %d exposure, both sexes): " % w.standard_year +
        "; ".join("%d %.3f" % (y, 1000 * v) for y, v in asdr_years.items()))
    if w.mort_years_alt:
        mort_alt = {s: pooled_rates(deaths, expo, w.mort_years_alt, HMD_SEX[s]) for s in SEXES}
        log("Pooled ASDR per 1000: %s %.3f; without 2020 %.3f" %
            (mort_span, 1000 * m_pool_asdr["with 2020"], 1000 * m_pool_asdr["without 2020"]))
        for s in SEXES:
            log("%s: e0 %.2f (pooled %s); without 2020 e0 %.2f" % (s, e0s[s], mort_span, life_expectancy(mort_alt[s])))
    else:
        log("Pooled ASDR per 1000: %s %.3f (no pandemic year in the pool)" % (mort_span, 1000 * m_pool_asdr["with 2020"]))
        for s in SEXES:
            log("%s: e0 %.2f (pooled %s)" % (s, e0s[s], mort_span))
    for s in SEXES:
        l, e, a0, a1 = impr[s]
        log("Improvement %s %s: log-linear %.4f/yr; endpoint %.4f/yr (ASDR %.3f -> %.3f per 1000)" %
            (s, impr_span, l, e, 1000 * a0, 1000 * a1))
    log("Improvement both sexes: log-linear %.4f/yr; endpoint %.4f/yr" % (impr_tot[0], impr_tot[1]))

    chk = mortality_check(shared, P, m_pop, deaths, expo, w)
    mscale = chk["scale"]
    S = cohort_survival(m_pop, mscale)                                 # [sex, age] cohort survival
    S_birth = np.exp(-mscale * INFANT_EXPOSURE * m_pop[:, 0])          # [sex] birth -> first 1 January
    for line in chk["lines"]:
        log(line)

    # ------------------------------------------------------------------ sex ratio at birth
    b_f = sum(expo[(y, "Female")][0] for y in w.srb_years)
    b_m = sum(expo[(y, "Male")][0] for y in w.srb_years)
    srb = round(b_m / (b_m + b_f), 4)
    srb_ost_years = [y + 1 for y in w.srb_years]                       # age 0 on 1 January: births of the year before
    o_m = sum(P(y)[1][0] for y in srb_ost_years)
    o_f = sum(P(y)[0][0] for y in srb_ost_years)
    srb_ost = o_m / (o_m + o_f)
    srb_ost_se = math.sqrt(srb_ost * (1 - srb_ost) / (o_m + o_f))
    srb_span, srb_ost_span = w.span(w.srb_years), w.span(srb_ost_years)
    log("== Sex ratio at birth")
    log("Norway (HMD exposure at age 0, %s): male share %.4f; Østfold age 0 on 1 Jan %s: %.4f (+/- %.4f, n=%d)" %
        (srb_span, srb, srb_ost_span, srb_ost, srb_ost_se, o_m + o_f))

    # ------------------------------------------------------------------ cohort residuals (net migration)
    def survival_in(y):
        """Cohort survival over calendar year y: the pooled rates (centred on the reference year) moved to the middle
        of year y with the improvement trend, so that residuals of years far from the reference year do not count the
        change in mortality as migration."""
        return cohort_survival(m_pop, mscale * (1.0 - impr_tot[0]) ** (y + 0.5 - w.mort_reference_year))

    def residual(y, with_p=PM):
        """Net migration of the cohorts aged a on 1 January y (a = 0..104; 104 takes in 105+) over the year,
        array [mun, sex, age]; index 105 is 0."""
        pc, pn = with_p(y), with_p(y + 1)
        Sy = survival_in(y)
        r = np.zeros_like(pc)
        r[:, :, :POP_MAX_AGE - 1] = pn[:, :, 1:POP_MAX_AGE] - pc[:, :, :POP_MAX_AGE - 1] * Sy[None, :, :POP_MAX_AGE - 1]
        r[:, :, POP_MAX_AGE - 1] = (pn[:, :, POP_MAX_AGE] - pc[:, :, POP_MAX_AGE - 1] * Sy[None, :, POP_MAX_AGE - 1]
                                    - pc[:, :, POP_MAX_AGE] * Sy[None, :, POP_MAX_AGE])
        return r

    def rho(y):
        """County net migration rate over the year of the cohort aged 0 on 1 January y."""
        return float(residual(y)[:, :, 0].sum() / PM(y)[:, :, 0].sum())

    def births_from_age0(p_next0, newborn_rate=0.0):
        """Births of the year from the age-0 count on the next 1 January: P0 = B x (survival + newborn_rate), where
        newborn_rate is the newborns' net migration before that 1 January per birth (0 in the main calibration)."""
        return p_next0 / (S_birth + newborn_rate)

    # ------------------------------------------------------------------ 4 fertility
    f_nor = folded_rates(hfd, w.fert_years)
    tfr_nor = float(f_nor.sum())
    tfr_nor_year = {y: sum(hfd[y].values()) for y in w.fert_years}
    fert_span, calib_span = w.span(w.fert_years), w.span(w.fert_calib_years)
    births_span = w.span([y - 1 for y in w.fert_calib_years])

    def female_exposure(y):
        """Women by exact age during year y: mean of 1 January y and y+1 (county)."""
        return 0.5 * (P(y)[0] + P(y + 1)[0])

    def factor(y, f, newborn_migration=False):
        """Births of year y-1 (from age 0 on 1 January y) / births implied by rates f. With newborn_migration the
        newborns' net migration is taken as half the annual net rate of the cohort aged 0 on 1 January y-1."""
        nr = INFANT_EXPOSURE * rho(y - 1) if newborn_migration else 0.0
        births = float(births_from_age0(P(y)[:, 0], nr).sum())
        expected = float((f[FERT_MIN_AGE:] * female_exposure(y - 1)[FERT_MIN_AGE:FERT_MAX_AGE + 1]).sum())
        return births / expected, births, expected

    factors = {y: factor(y, f_nor) for y in w.fert_calib_years}
    fscale = round(float(np.mean([v[0] for v in factors.values()])), 4)
    factors_mig = {y: factor(y, f_nor, newborn_migration=True)[0] for y in w.fert_calib_years}
    same_year = {y: factor(y, folded_rates(hfd, (y - 1,)))[0] for y in w.fert_same_year}
    check = {y: factor(y, folded_rates(hfd, (y - 1,)))[0] for y in FERT_CHECK_YEARS}
    check_mig = {y: factor(y, folded_rates(hfd, (y - 1,)), newborn_migration=True)[0] for y in FERT_CHECK_YEARS}
    check_mean = float(np.mean(list(check.values())))
    check_mig_mean = float(np.mean(list(check_mig.values())))
    tfr = {(r["period"], r["area"]): float(r["total_fertility_rate"]) for r in read_rows(shared, SRC_TFR)}
    ratio_tfr = (sum(tfr[(str(y), "Østfold (01)")] for y in (2005, 2006, 2007)) /
                 sum(tfr[(str(y), "Norway")] for y in (2005, 2006, 2007)))
    f_ost = f_nor * fscale
    log("== Fertility")
    log("Norway HFD mean %s: TFR %.4f (%s)" %
        (fert_span, tfr_nor, ", ".join("%d %.3f" % kv for kv in tfr_nor_year.items())))
    for y in w.fert_calib_years:
        log("age 0 on 1 Jan %d: births of %d %.0f; implied by Norway rates %.0f; factor %.4f (%.4f if newborns migrated at"
            " half the age-0 cohort rate)" % (y, y - 1, factors[y][1], factors[y][2], factors[y][0], factors_mig[y]))
    log("fertility_scale_ostfold = %.4f; Østfold TFR %.4f" % (fscale, fscale * tfr_nor))
    log("with the Norway rates of the birth year itself: " + " ".join("age 0 in %d %.4f" % kv for kv in same_year.items()))
    log("method check: SSB TFR Østfold/Norway 2005-2007 = %.4f; same method on age 0 in 2006-2008 with HFD 2005-2007: %s"
        " -> mean %.4f (with newborn migration at half the age-0 cohort rate: %.4f)" %
        (ratio_tfr, " ".join("%d %.4f" % kv for kv in check.items()), check_mean, check_mig_mean))

    table(
        "fertility.csv",
        ["Annual age-specific fertility rate of women in Østfold by age of mother 15..49.",
         "Unit: live births per woman-year at exact age (completed years). Age 15 includes births to mothers aged 12-14;"
         " age 49 includes 50-55.",
         "Source: %s; original: %s. Mean of the years %s (the latest three %s)." %
         (SRC_HFD, URL_HFD, " ".join(str(y) for y in w.fert_years),
          "up to the cut-off" if w.backtest else "in the data"),
         "Norway TFR of the mean rates: %.4f (%s)." % (tfr_nor, "; ".join("%d %.3f" % kv for kv in tfr_nor_year.items())),
         "The Norway rates are multiplied by fertility_scale_ostfold = %.4f (demography_parameters.csv); Østfold TFR in this"
         " table = %.4f. A scenario therefore sets its own fertility scale to 1 for this level." % (fscale, fscale * tfr_nor),
         "Derivation of the factor (population from %s; original %s):" % (SRC_POP, URL_POP),
         "  Births of year y-1 = children aged 0 on 1 January y / exp(-0.5 x mortality_scale x m(0)) with m(0) from mortality.csv"
         "\n  (the m(0)/2 correction: a newborn spends on average half a year at age 0 before 1 January). Births implied by"
         "\n  Norway's rates = sum of rate(a) x women of exact age a in year y-1 (mean of 1 January y-1 and y). Factor ="
         "\n  births / implied births.",
         "  Factor by year: " + "; ".join("age 0 on 1 Jan %d (births of %d: %.0f; implied %.0f): %.4f" %
                                           (y, y - 1, factors[y][1], factors[y][2], factors[y][0])
                                           for y in w.fert_calib_years) + ". Mean used: %.4f." % fscale,
         "Assumption: the newborns' net migration before their first 1 January is neglected. Evidence: the same calibration"
         "\nrun on age 0 on 1 January 2006 2007 2008 with the HFD rates of 2005 2006 2007 gives " +
         " ".join("%.4f" % v for v in check.values()) + " (mean %.4f) against the SSB county TFR ratio" % check_mean +
         "\nØstfold/Norway 2005-2007 = %.4f (%s; %s). Estimating the newborns' migration as half the annual net rate of the"
         % (ratio_tfr, SRC_TFR, URL_TFR) +
         "\ncohort aged 0 on 1 January would give %.4f there, and factors of %s for %s." %
         (check_mig_mean, " ".join("%.4f" % factors_mig[y] for y in w.fert_calib_years), calib_span),
         "With the Norway rates of the birth year itself instead of the %s mean (%s): " %
         (fert_span, "the cut-off is %d" % w.cutoff if w.backtest else "HFD ends with %d" % w.fert_years[-1]) +
         "; ".join("age 0 on 1 Jan %d %.4f" % kv for kv in same_year.items()) + "." +
         (" The high factor for births of 2021 in"
          "\nthe main calibration reflects the national birth peak of 2021 (TFR %.3f)." % tfr_nor_year[2021]
          if 2021 in w.fert_years else ""),
         "Assumption: the county's age pattern of fertility equals Norway's; only the level differs."],
        ["age", "fertility_rate"], [(a, fmt(f_ost[a], 6)) for a in range(FERT_MIN_AGE, FERT_MAX_AGE + 1)])

    # ------------------------------------------------------------------ 5 migration
    mig = derive_migration(shared, P, PM, PM_episode, codes, names, S, residual, f_ost, srb, mscale, w,
                           with_events=not args.no_events)
    for line in mig["log"]:
        log(line)
    out_rate, in_count, share = mig["out_rate"], mig["in_count"], mig["share"]

    # ------------------------------------------------------------------ validation: the five years before the start, monthly
    val = validate(PM, codes, names, m_full, mscale, impr_tot[0], f_ost, srb, out_rate, in_count, share, w)
    # the same with each episode inside the check's years switched on in its years, as a scenario would switch it on
    for name in w.validation_events:
        years = dict((n, ys) for n, ys, _ in EVENTS)[name]
        val_ev = validate(PM, codes, names, m_full, mscale, impr_tot[0], f_ost, srb, out_rate, in_count, share, w,
                          extra_in={y: mig["events"][name] for y in years})
        ev_total, obs_total = float(val_ev["projected"].sum()), float(PM(w.start_year).sum())
        val["lines"].append("With the event %s of migration_events.csv switched on for %s: projected %.0f;"
                            " observed %.0f; difference %+.0f (%+.2f%%)." %
                            (name, " and ".join(str(y) for y in years), ev_total, obs_total, ev_total - obs_total,
                             100 * (ev_total - obs_total) / obs_total))
    val_span = "%d -> %d" % (w.validation_start, w.start_year)

    if mig["events"] is not None:
        ev_rows = []
        for name, _, _ in EVENTS:
            arr = mig["events"][name]
            for i, c in enumerate(codes):
                for si, sx in enumerate(SEXES):
                    for a in ages:
                        if arr[i, si, a] > 0:
                            ev_rows.append((name, c, sx, int(a), f_dec(arr[i, si, a], 4)))
        ev_first = ["Exceptional migration episodes of Østfold as optional dated events: persons per year moving in from abroad"
                    " when a\nscenario switches an event on (demography.refugee_arrivals_2015_16 /"
                    " demography.refugee_arrivals_2022_23 = 1 gives\nthe arrivals of the episode's average year; the value"
                    " multiplies them)."]
        ev_backtest = ([
            "Caution: unlike the other back-test tables these sizes use observed data of the episode years, after the"
            " cut-off %d: the population of 1 January %s (the net migration of the calendar years %s). An episode's"
            " size can only be known from its years. Both events are off unless a scenario switches them on; a back-test"
            " is reported with and without them." %
            (w.cutoff, " ".join(str(y) for y in mig["episode_pop_years"]),
             " ".join(str(y) for _, ys, _ in EVENTS for y in ys)),
            "The excess is taken over this back-test's own window %s, and the residuals of the episode years use this"
            " back-test's mortality (rates up to %d moved with its improvement trend): switched on in its years an event"
            " adds what the episode brought above the migration of migration.csv. That window holds much labour"
            " immigration, so an episode's excess over it is smaller than over the baseline's window 2017-2021 (the"
            " baseline's migration_events.csv), and its positive parts may miss the episode's own profile (see the"
            " episode lines below)." % (w.span(w.clean_years), w.cutoff)]
            if w.backtest else [])
        table(
            "migration_events.csv",
            ev_first + ev_backtest +
            ["Unit: persons per year. Age = exact age in completed years at arrival; 105 = 105 and older. Only cells with"
             " arrivals\nare listed; the others are 0.",
             "Source: the net migration by calendar year of migration.csv (cohort residuals of %s; original: %s)."
             % (SRC_POP, URL_POP),
             "Method: excess(m s a) = mean net migration of the episode's calendar years - mean of the clean window %d-%d"
             "\n(migration.csv). Summed over municipalities by sex and five-year age group; groups with a negative excess"
             " get\nnone (an episode adds arrivals; the shortfalls elsewhere are read as the normal variation of the other"
             " flows);\neach group's excess is spread evenly over its single years; the county total is shared among the"
             " municipalities\nin proportion to their positive total excess in the episode."
             % (w.clean_years[0], w.clean_years[-1]),
             "Assumption: an episode's arrivals all come from abroad and afterwards move like other residents (the"
             " out_rate of\nmigration.csv; real refugees move on within Norway more often in their first years)."] +
            ["Episode: " + l for l in mig["event_lines"]],
            ["event", "municipality", "sex", "age", "arrivals"], ev_rows, episodes=True)

    rows = []
    for i, c in enumerate(codes):
        for si, s in enumerate(SEXES):
            for a in ages:
                rows.append((c, s, int(a), f_dec(out_rate[i, si, a], 6), f_dec(in_count[i, si, a], 4)))
    table("migration.csv",
          mig["comments"] + ["Validation (projection %s with all tables; see demography_parameters.csv):" % val_span] +
          ["  " + l for l in val["lines"][1:]],
          ["municipality", "sex", "age", "out_rate", "in_count"], rows)

    migration_shift_table(table, w, mig["net_year"], PM, codes, names)

    # mortality table (written after the migration step so that the header can give deaths at the start exposure)
    deaths24 = float((mscale * m_pop * mig["E24"].sum(axis=0)).sum())
    asdr_text = "; ".join("%d %.2f" % (y, 1000 * v) for y, v in asdr_years.items())
    if w.mort_years_alt:
        pool_text = (
            "Why 2020 is kept: in Norway 2020 was not a high-mortality year. Age-standardised death rate ages 0-100 (standard ="
            "\nNorway %d exposure) per 1000: %s. The pandemic excess came in 2022." % (w.standard_year, asdr_text) +
            "\nLeaving 2020 out would keep the high year 2022 but drop the low year 2020 and raise the pooled rate"
            "\n(pooled ASDR %.3f with 2020 and %.3f without). The pool %s is also the period of the migration residuals."
            % (1000 * m_pool_asdr["with 2020"], 1000 * m_pool_asdr["without 2020"], mort_span))
    else:
        pool_text = (
            "No pandemic year falls in the pool (the baseline's variant without 2020 does not apply before 2020)."
            " Age-standardised death rate ages 0-100 (standard = Norway %d exposure) per 1000: %s; pooled %s %.3f."
            % (w.standard_year, asdr_text, mort_span, 1000 * m_pool_asdr["with 2020"]))
    mort_comments = [
        "Annual central death rate m(x) by sex and exact age for Norway; Østfold's rate is mortality_scale x m(x).",
        "Unit: deaths per person-year at exact age x (completed years) as HMD defines m(x). Ages 0..109 single; 110 = 110+.",
        "Source: %s; original: %s." % (SRC_HMD, URL_HMD),
        "Years: %s pooled: sum of deaths / sum of exposure for each sex and age. Reference year"
        " (middle of the pool) %d." % (" ".join(str(y) for y in w.mort_years), w.mort_reference_year),
        pool_text,
        "Ages 100..110 are pooled into one rate (deaths and exposure summed over those ages and the five years)"
        "\nbecause single-year rates there rest on a few dozen deaths. Where exposure is 0 the last rate is carried forward.",
        "Life expectancy at birth implied by this table: female %.2f, male %.2f years (with mortality_scale applied: %.2f and %.2f)."
        % (e0s["female"], e0s["male"], life_expectancy(mscale * mort["female"]), life_expectancy(mscale * mort["male"])),
        "This table holds Norway's rates unchanged. Assumption: Østfold mortality has Norway's pattern by sex and age (the data"
        "\nhold no county life tables after 2007); its level is mortality_scale = %.2f (demography_parameters.csv) from the"
        "\ncheck below. The migration residuals in migration.csv were computed with the scaled rates, so the scale belongs"
        "\nto the %s: without it Østfold's deaths are about %.0f%% too few and the population ends too old." %
        (mscale, "back-test" if w.backtest else "baseline", 100 * (1 - 1 / mscale)),
        "Assumption: the rate applies by exact age, as the simulation applies it (monthly probability 1 - exp(-m/12))."
        "\nMortality improvement over time is not applied in this table; see mortality_annual_improvement in demography_parameters.csv.",
        "Check against Østfold (population table %s):" % SRC_POP,
    ] + ["  " + line for line in chk["lines"]] + [
        "  Deaths per year implied for Østfold in %d (exposure estimated from the 1 January %d population): %.0f"
        " with mortality_scale." % (w.start_year, w.start_year, deaths24)]
    rows = [(s, a, fmt(mort[s][a], 6)) for s in SEXES for a in range(MORT_MAX_AGE + 1)]
    table("mortality.csv", mort_comments, ["sex", "age", "death_rate"], rows)
    log("Deaths per year implied for %d with mortality_scale: %.0f" % (w.start_year, deaths24))

    # ------------------------------------------------------------------ 6 parameters
    check_span = "%d-%d" % (w.mort_check_years[0], w.mort_check_years[-1] + 1)
    params = [
        ("fertility_scale_ostfold", "%.4f" % fscale, "ratio",
         "Østfold/Norway fertility level; already applied in fertility.csv; mean of %s; births %s estimated from age 0 on"
         " 1 Jan %s (%s) vs HFD Norway %s (%s)"
         % ("/".join("%.4f" % factors[y][0] for y in w.fert_calib_years), births_span, calib_span, SRC_POP, fert_span,
            SRC_HFD)),
        ("tfr_norway_%d_%d" % (w.fert_years[0], w.fert_years[-1]), "%.4f" % tfr_nor, "births per woman",
         "sum of HFD rates mean %s (%s)" % (fert_span, SRC_HFD)),
        ("tfr_ostfold", "%.4f" % float(f_ost.sum()), "births per woman", "sum of fertility.csv"),
        ("mortality_scale", "%.2f" % mscale, "ratio",
         "Østfold/Norway mortality level; multiplies death_rate of mortality.csv; observed 80+ cohort decline %s / deaths"
         " implied by the Norway rates (%s); used in migration.csv" % (check_span, SRC_POP)),
        ("mortality_reference_year", "%d" % w.mort_reference_year, "year",
         "middle of the HMD years %s pooled in mortality.csv" % mort_span),
        ("mortality_annual_improvement", "%.4f" % impr_tot[0], "per year",
         "annual rate of decline of the age-standardised death rate 0-100 (standard Norway %d exposure) %s both sexes;"
         " log-linear fit; HMD Norway (%s)" % (w.standard_year, impr_span, SRC_HMD)),
        ("mortality_annual_improvement_female", "%.4f" % impr["female"][0], "per year", "as above; women"),
        ("mortality_annual_improvement_male", "%.4f" % impr["male"][0], "per year", "as above; men"),
        ("sex_ratio_at_birth_male_share", "%.4f" % srb, "share",
         "boys / all; Norway HMD exposure at age 0 in %s (%s); Østfold age 0 in %s gives %.4f +/- %.4f"
         % (srb_span, SRC_HMD, srb_ost_span, srb_ost, srb_ost_se)),
        ("internal_move_share", "%.4f" % share, "share",
         "share of out-movers who move to another Østfold municipality; %d (%s) on 2024 borders; see migration.csv"
         % (INTERNAL_SHARE_YEAR, SRC_MIG)),
        ("out_migration_crude_rate_%d" % w.gross_year, "%.4f" % mig["crude_county"], "per year",
         "county sum of municipal out-moves %d on 2024 borders / population; %s" % (w.gross_year, SRC_MIG)),
        ("migration_out_of_county_per_year", "%.0f" % mig["tot_out_ext"], "persons",
         "moves out of Østfold implied by migration.csv at the %d population" % w.start_year),
        ("migration_into_county_per_year", "%.0f" % mig["tot_in_ext"], "persons", "sum of in_count in migration.csv"),
        ("migration_internal_per_year", "%.0f" % mig["tot_internal"], "persons",
         "moves between the 12 municipalities implied by migration.csv at the %d population" % w.start_year),
    ]
    if w.backtest:
        params.append(
            ("abroad_share_of_in_migrants", "%.4f" % mig["abroad_share"], "share",
             "for demography.abroad_share_of_in_migrants (its default 0.263 pools 2017): immigration / in-migration from"
             " outside the county; Østfold %s pooled (%s; %s)" %
             (" and ".join(str(y) for y in mig["abroad_share_years"]), SRC_MIG2007, SRC_MIG)))
    if w.mort_years_alt:
        fit_text = "The fit stops at 2019 because 2020-2023 were disturbed by the pandemic (low 2020; high 2022)."
    else:
        fit_text = "The fit ends at the cut-off %d (a back-test reads no later year)." % w.cutoff
    scenario_text = (
        ["For the back-test scenario: the demography keys whose defaults come from the baseline's years must be set from"
         "\nthis table: demography.mortality_scale = mortality_scale; demography.mortality_improvement ="
         " mortality_annual_improvement;\ndemography.mortality_reference_year = mortality_reference_year;"
         " demography.male_share_at_birth = sex_ratio_at_birth_male_share;\ndemography.internal_move_share ="
         " internal_move_share; demography.abroad_share_of_in_migrants = abroad_share_of_in_migrants;"
         "\ndemography.fertility_scale stays 1 (fertility_scale_ostfold is inside fertility.csv)."]
        if w.backtest else [])
    table(
        "demography_parameters.csv",
        ["Scalar demography parameters of the %s." %
         ("back-test scenario (start 1 January %d)" % w.start_year if w.backtest else "baseline scenario"),
         "Unit: see column unit. Sources: see column source; files are in the shared Østfold data folder"
         "\n(original sources: %s; %s; %s; %s)." % (URL_POP, URL_HMD, URL_HFD, URL_MIG2008),
         "fertility_scale_ostfold is already inside fertility.csv: a scenario using fertility.csv keeps its fertility scale at 1.",
         "mortality_scale: %s" % chk["scale_text"],
         "mortality_annual_improvement: the average annual rate of decline of the age-standardised death rate (ages 0-100;"
         "\nstandard population = Norway %d exposure of the same sex) over %s from a log-linear fit; the endpoint"
         "\nvalues are female %.4f male %.4f both %.4f. Assumption: this trend continues from the level of mortality.csv"
         "\n(reference year %d). %s" %
         (w.standard_year, impr_span, impr["female"][1], impr["male"][1], impr_tot[1], w.mort_reference_year, fit_text),
         "sex_ratio_at_birth_male_share: Norway's figure is used; the Østfold count (%d children) is too small to tell"
         "\n%.4f from Norway's %.4f." % (o_m + o_f, srb_ost, srb)] + scenario_text +
        ["Validation: projecting the 1 January %d population to 1 January %d with mortality.csv fertility.csv migration.csv"
         "\nand these parameters, month by month with the rules of the simulation (expected values) gives:"
         % (w.validation_start, w.start_year)] +
        ["  " + l for l in val["lines"][1:]],
        ["parameter", "value", "unit", "source"], params)

    for line in val["lines"]:
        log(line)
    if w.backtest:
        log("== Back-test summary: start population 1 January %d: %d; TFR Østfold %.4f (Norway %.4f); e0 female %.2f male"
            " %.2f (with mortality_scale %.2f: %.2f and %.2f)" %
            (w.start_year, total24, float(f_ost.sum()), tfr_nor, e0s["female"], e0s["male"], mscale,
             life_expectancy(mscale * mort["female"]), life_expectancy(mscale * mort["male"])))


def mortality_check(shared, P, m_pop, deaths, expo, w):
    """Compare deaths implied by the Norway rates with the Østfold population series."""
    lines = []
    S1 = cohort_survival(m_pop, 1.0)                  # exact-age rates, cohort aged a on 1 January
    q_jan = 1.0 - np.exp(-m_pop)                      # the same rate applied by age on 1 January
    obs_s, imp_s, impj_s = np.zeros(2), np.zeros(2), np.zeros(2)
    per_year = []
    for y in w.mort_check_years:
        pc, pn = P(y), P(y + 1)
        o = pc[:, 80:].sum(axis=1) - pn[:, 81:].sum(axis=1)          # cohort decline 80+ -> 81+
        i = ((1 - S1[:, 80:]) * pc[:, 80:]).sum(axis=1)
        obs_s += o
        imp_s += i
        impj_s += (q_jan[:, 80:] * pc[:, 80:]).sum(axis=1)
        per_year.append("%d->%d %.0f/%.0f" % (y, y + 1, o.sum(), i.sum()))
    obs, imp, impj = obs_s.sum(), imp_s.sum(), impj_s.sum()
    r, rj = obs / imp, obs / impj
    lines.append("Persons aged 80+ on 1 January -> 81+ a year later in Østfold (observed decline / deaths implied by the Norway"
                 " rates by exact age): " + "; ".join(per_year) + ".")
    check_span = "%d-%d" % (w.mort_check_years[0], w.mort_check_years[-1] + 1)
    lines.append("Pooled %s: observed decline %.0f; implied deaths %.0f; ratio %.3f (women %.3f; men %.3f). The decline"
                 " = deaths - net migration and net migration at 80+ is small; so the ratio measures Østfold's deaths against"
                 " Norway's rates." % (check_span, obs, imp, r, obs_s[0] / imp_s[0], obs_s[1] / imp_s[1]))
    lines.append("(A model that applied m(a) by the age on 1 January for a whole year would need %.3f: a person aged a on"
                 " 1 January is a+1 for half the year.)" % rj)
    # direct death counts: SSB quarterly figures for the old county 01 (with Rømskog) in 2005Q4 and 2007Q1
    qrows = {row["period"]: row for row in read_rows(shared, SRC_QUARTERLY) if row["area_code"] == "01"}
    oldtot = {}
    for row in read_rows(shared, SRC_POP_TOTAL_OLD):
        if row["municipality_code"].startswith("01") and len(row["municipality_code"]) == 4:
            oldtot[int(row["year_1jan"])] = oldtot.get(int(row["year_1jan"]), 0.0) + float(row["persons"])
    qobs, qimp = 0.0, 0.0
    parts = []
    for per, y in (("2005Q4", 2005), ("2007Q1", 2007)):
        scale = oldtot[y] / P(y).sum()                 # old county 01 incl. Rømskog / 2024 borders
        d = 0.0
        for si, s in enumerate(SEXES):
            my = pooled_rates(deaths, expo, (y,), HMD_SEX[s])
            d += float((my[:POP_MAX_AGE + 1] * 0.5 * (P(y)[si] + P(y + 1)[si]) * scale).sum())
        o = float(qrows[per]["deaths"])
        qobs += o
        qimp += d / 4
        parts.append("%s observed %.0f vs %.0f (a quarter of the %.0f deaths implied by Norway's %d rates)" % (per, o, d / 4, d, y))
    rq = qobs / qimp
    lines.append("Direct death counts exist only as SSB quarterly figures for the old county 01 with Rømskog (%s; %s): %s;"
                 " ratio %.3f. Q1 is the high season so this ratio of Q4+Q1 leans high by a few per cent." %
                 (SRC_QUARTERLY, URL_QUARTERLY, "; ".join(parts), rq))
    if abs(r - 1) < 0.03:
        scale = 1.0
        text = "the Norway rates reproduce the observed 80+ cohort decline within 3%% (ratio %.3f); 1.00 is used." % r
    else:
        scale = round(r, 2)
        text = ("%.2f = observed 80+ cohort decline %s / deaths implied by the Norway rates applied by exact age"
                " (ratio %.3f; women %.3f; men %.3f). The SSB quarterly death counts of 2005Q4 and 2007Q1 give %.3f."
                " Applied to all ages and both sexes; the migration residuals of migration.csv assume it." %
                (scale, check_span, r, obs_s[0] / imp_s[0], obs_s[1] / imp_s[1], rq))
    lines.append("Result: mortality_scale = %.2f." % scale)
    return dict(lines=lines, scale=scale, scale_text=text, ratio=r)



def migration_shift_table(table, w, net_year, PM, codes, names):
    """migration_shift.csv: how far each municipality's net migration rate moved between the two five-year windows
    before the cut-off, the record behind the spread of demography.net_migration_offset in an [uncertainty] table."""
    event_years = {y for _, ys, _ in EVENTS for y in ys}
    clean = [y for y in w.resid_years if y not in event_years][-10:]
    first, second = tuple(clean[:5]), tuple(clean[5:])

    def rate(i, years):
        """Net migration per 1000 residents a year (mean of 1 January y and y + 1) over the years."""
        return 1000 * sum(float(net_year[y][i].sum()) / (0.5 * float(PM(y)[i].sum() + PM(y + 1)[i].sum()))
                          for y in years) / len(years)

    def county(years):
        return 1000 * sum(float(net_year[y].sum()) / (0.5 * float(PM(y).sum() + PM(y + 1).sum()))
                          for y in years) / len(years)

    shift_county = county(second) - county(first)
    rows, relative = [], []
    for i, c in enumerate(codes):
        r1, r2 = rate(i, first), rate(i, second)
        relative.append(r2 - r1 - shift_county)
        rows.append((c, names[c], "%.2f" % r1, "%.2f" % r2, "%.2f" % (r2 - r1), "%.2f" % relative[-1]))
    rms = math.sqrt(sum(x * x for x in relative) / len(relative))
    table(
        "migration_shift.csv",
        ["How far each municipality's net migration rate moved between the two five-year windows before the cut-off:"
         " the\nrecord behind the spread of demography.net_migration_offset in an [uncertainty] table.",
         "Unit: net migration per 1000 residents a year (residents: mean of 1 January of the year and the next).",
         "Source: the cohort residuals of migration.csv by calendar year (%s; original: %s)." % (SRC_POP, URL_POP),
         "Windows: %s and %s, the latest ten years up to the cut-off outside the refugee episodes (%s)." %
         (w.span(first), w.span(second), " ".join(str(y) for y in sorted(event_years))),
         "Columns: the rate in each window; shift = second - first; relative_shift = shift less the county's shift"
         " (%+.2f),\nthe part a municipality's own draw must carry, the county's being drawn by"
         " demography.in_migration_scale." % shift_county,
         "Spread: the root mean square of relative_shift over the %d municipalities is %.2f per 1000 a year: how far a"
         " municipality's\nfive-year rate strayed from the one before, relative to the county, in the record. Used as"
         " the standard\ndeviation of each municipality's offset (unweighted: the small municipalities vary as much as"
         " the towns here)." % (len(codes), rms)],
        ["municipality", "name", "net_rate_first", "net_rate_second", "shift", "relative_shift"], rows)


def derive_migration(shared, P, PM, PM_episode, codes, names, S, residual, f_ost, srb, mscale, w, with_events=True):
    log_lines = []
    nm = len(codes)
    ages = np.arange(POP_MAX_AGE + 1)
    Y0 = w.start_year
    P24 = PM(Y0)                             # [m, s, a] population of the start date

    # --- mapping old -> 2024 codes
    old2new = {}
    for r in read_rows(shared, SRC_MAP):
        new = r["code_from_2024 (matches niphr/csdata nor_locations_hierarchy_b2024)"].strip()
        for part in r["pre2020_codes"].split(";"):
            oc = part.strip().split(" ")[0]
            if oc.startswith("01"):
                old2new[oc] = new if new.isdigit() else None     # Rømskog -> None
    assert len(old2new) == 18 and old2new["0121"] is None

    oldpop = {}
    for r in read_rows(shared, SRC_POP_TOTAL_OLD):
        oldpop.setdefault(int(r["year_1jan"]), {})[r["municipality_code"]] = float(r["persons"])

    def mean_old_pop(y):
        return {c: 0.5 * (oldpop[y][c] + oldpop[y + 1][c]) for c in old2new}

    migrows = read_rows(shared, SRC_MIG)

    def mig_year(y):
        assert y <= w.cutoff, y
        d = {}
        for r in migrows:
            if r["year"] == str(y):
                d[r["area_code"]] = {k: int(r[k]) for k in ("domestic_in", "domestic_out", "immigration", "emigration",
                                                             "in_migration_all", "out_migration_all", "net_migration_all")}
        return d

    def same_new_fraction(popo, i):
        """Share of the internal destinations of former municipality i that lie in the same 2024 municipality, and
        the share that is Rømskog, when destinations are chosen in proportion to population."""
        others = sum(v for c, v in popo.items() if c != i)
        same = sum(v for c, v in popo.items() if c != i and old2new[c] is not None and old2new[c] == old2new[i])
        rom = popo["0121"] if i != "0121" else 0.0
        return same / others, rom / others

    # --- internal share from 2008
    m08 = mig_year(INTERNAL_SHARE_YEAR)
    p08 = mean_old_pop(INTERNAL_SHARE_YEAR)
    sum_dom_out = sum(m08[c]["domestic_out"] for c in old2new)
    sum_out = sum(m08[c]["domestic_out"] + m08[c]["emigration"] for c in old2new)
    internal08 = sum_dom_out - m08["01"]["domestic_out"]
    s_old = internal08 / sum_out
    out_new, int_new = 0.0, 0.0
    for c in old2new:
        if old2new[c] is None:
            continue
        o = m08[c]["domestic_out"] + m08[c]["emigration"]
        fs, fr = same_new_fraction(p08, c)
        out_new += o * (1 - s_old * fs)
        int_new += o * s_old * (1 - fs - fr)
    share = round(int_new / out_new, 4)      # rounded as written to demography_parameters.csv
    log_lines.append("== Migration")
    log_lines.append("2008: sum of municipal domestic out %d; county domestic out %d; moves within the county %d;"
                     " sum of municipal out (domestic + emigration) %d; share %.4f on old borders; %.4f on 2024 borders" %
                     (sum_dom_out, m08["01"]["domestic_out"], internal08, sum_out, s_old, share))
    m07 = {}
    for r in read_rows(shared, SRC_MIG2007):
        m07[r["area"].split(" ")[0]] = {k: int(r[k]) for k in ("domestic_out", "emigration", "immigration", "in_migration_all",
                                                                 "out_migration_all", "net_migration_all")}
    s07 = ((sum(m07[c]["domestic_out"] for c in old2new) - m07["01"]["domestic_out"]) /
           sum(m07[c]["domestic_out"] + m07[c]["emigration"] for c in old2new))
    log_lines.append("2007 (old borders, for comparison): share %.4f" % s07)

    # --- out-migration level per 2024 municipality from the latest gross figures up to the cut-off
    gy = w.gross_year
    m15 = mig_year(gy)
    p15 = mean_old_pop(gy)
    out15_new = {c: 0.0 for c in codes}
    out15_raw = {c: 0.0 for c in codes}
    for c in old2new:
        if old2new[c] is None:
            continue
        o = m15[c]["domestic_out"] + m15[c]["emigration"]
        fs, _ = same_new_fraction(p15, c)
        out15_new[old2new[c]] += o * (1 - s_old * fs)
        out15_raw[old2new[c]] += o
    popnew15 = {c: 0.5 * (P(gy, c).sum() + P(gy + 1, c).sum()) for c in codes}
    crude = {c: out15_new[c] / popnew15[c] for c in codes}
    crude_county = sum(out15_new.values()) / sum(popnew15.values())
    log_lines.append("%d out-moves on 2024 borders (sum of former municipalities -> less moves between former parts), crude rate:" % gy)
    for c in codes:
        log_lines.append("  %s %-14s %6.0f -> %6.0f  pop %7.0f  rate %.4f" % (c, names[c], out15_raw[c], out15_new[c],
                                                                         popnew15[c], crude[c]))
    log_lines.append("  county crude out rate %.4f" % crude_county)

    # --- person-years by exact age in the start year, from the population of the start date:
    #     half of those aged a on 1 January plus half of the survivors of those aged a-1; age 0 takes half the births
    fem_expo = 0.5 * (P24[:, 0, :] + np.concatenate([np.zeros((nm, 1)), P24[:, 0, :-1]], axis=1))
    births24 = (f_ost[FERT_MIN_AGE:][None, :] * fem_expo[:, FERT_MIN_AGE:FERT_MAX_AGE + 1]).sum(axis=1)   # [m]
    E24 = np.zeros_like(P24)
    E24[:, :, 1:] = 0.5 * P24[:, :, 1:] + 0.5 * P24[:, :, :-1] * S[None, :, :-1]
    E24[:, :, POP_MAX_AGE] = (0.5 * P24[:, :, POP_MAX_AGE] * (1 + S[None, :, POP_MAX_AGE])   # 105+ stay at 105
                              + 0.5 * P24[:, :, POP_MAX_AGE - 1] * S[None, :, POP_MAX_AGE - 1])
    E24[:, 0, 0] = 0.5 * P24[:, 0, 0] + INFANT_EXPOSURE * births24 * (1 - srb)
    E24[:, 1, 0] = 0.5 * P24[:, 1, 0] + INFANT_EXPOSURE * births24 * srb
    tot24 = P24.sum(axis=(1, 2))             # destination weights use the 1 January population, as the simulation does

    # --- Rogers-Castro age schedule as an out-migration hazard, scaled per municipality
    rc = rogers_castro(ages)
    hazard = np.zeros((nm, 2, POP_MAX_AGE + 1))
    for i, c in enumerate(codes):
        k = crude[c] * E24[i].sum() / float((rc[None, :] * E24[i]).sum())
        hazard[i] = k * rc[None, :]
    hazard0 = hazard.copy()
    peak_age = int(np.argmax(rc))

    def county_rate(h, a):
        return float((h[:, :, a] * E24[:, :, a]).sum() / E24[:, :, a].sum())

    log_lines.append("Rogers-Castro schedule: peak at age %d; county out-moves per person-year at the peak %.4f; at 0 %.4f;"
                     " at 65 %.4f; at 80 %.4f" % (peak_age, county_rate(hazard0, peak_age), county_rate(hazard0, 0),
                                                  county_rate(hazard0, 65), county_rate(hazard0, 80)))

    # --- net migration by exact age, every calendar year of the residuals; the rates use the mean of the clean window
    # The residual R(a) of the cohort aged a on 1 January is split half to exact age a and half to a+1; the newborns
    # of the year (R(-1)) are all at exact age 0.
    def net_by_age(R):
        N = np.zeros_like(R)
        N[:, :, 0] = 0.5 * R[:, :, 0]
        N[:, :, 1:] = 0.5 * R[:, :, :-1] + 0.5 * R[:, :, 1:]
        return N

    net_year = {y: net_by_age(residual(y)) for y in w.resid_years}
    # The county's net migration by sex and age is that of the latest five clean years; how each (sex, age) is
    # shared among the municipalities follows the latest ten, as SSB projects a municipality's moves from the
    # pattern of its last ten years: five years carry one period's local booms (the back-test: docs/validation.md).
    # net(m s a) = ten-year net(m s a) less its excess over the five-year county cell, the excess taken from the
    # municipalities in proportion to their residents of that sex and age on the start date (all residents where a
    # cell has none), so that the county's cells are the five-year ones exactly.
    net_level = sum(net_year[y] for y in w.clean_years) / len(w.clean_years)
    net_pattern = sum(net_year[y] for y in w.pattern_years) / len(w.pattern_years)
    residents = P24.sum(axis=0)                                   # [s, a]
    weight = np.where(residents[None, :, :] > 0, P24 / np.where(residents > 0, residents, 1.0)[None, :, :],
                      (P24.sum(axis=(1, 2)) / P24.sum())[:, None, None])
    net = net_pattern - weight * (net_pattern.sum(axis=0) - net_level.sum(axis=0))[None, :, :]
    assert np.allclose(net.sum(axis=0), net_level.sum(axis=0))
    event_years = [y for _, ys, _ in EVENTS for y in ys]
    long_years = [y for y in w.resid_years if y not in event_years]
    net_long = sum(net_year[y].sum() for y in long_years) / len(long_years)
    log_lines.append("Net migration per calendar year, county: " +
                     "; ".join("%d %.0f" % (y, net_year[y].sum()) for y in w.resid_years))
    if w.old_window:
        net_old = sum(net_year[y].sum() for y in w.old_window) / len(w.old_window)
        log_lines.append("Window %d-%d mean %.0f; all years without %s mean %.0f; old window %d-%d mean %.0f" %
                         (w.clean_years[0], w.clean_years[-1], net.sum(), "/".join(str(y) for y in event_years), net_long,
                          w.old_window[0], w.old_window[-1], net_old))
    else:
        log_lines.append("Window %d-%d mean %.0f; all years %d-%d mean %.0f; no episode year up to the cut-off" %
                         (w.clean_years[0], w.clean_years[-1], net.sum(), long_years[0], long_years[-1], net_long))

    # --- exceptional episodes: excess over the clean window, by sex and five-year age group (county), positive part.
    # In a back-test the episode years lie after the cut-off: their residuals read the population of those years
    # (PM_episode) with the back-test's own mortality; nothing else does.
    events = {} if with_events else None
    event_lines = []
    episode_pop_years = sorted({yy for _, ys, _ in EVENTS for y in ys for yy in (y, y + 1)})
    groups5 = [(a, min(a + 4, POP_MAX_AGE)) for a in range(0, 100, 5)] + [(100, POP_MAX_AGE)]
    for name, years, what in (EVENTS if with_events else ()):
        ev_net = {y: net_year[y] if y in net_year else net_by_age(residual(y, with_p=PM_episode)) for y in years}
        # Over the clean window itself, not migration.csv's ten-year pattern: an episode is what its years
        # brought above the years around it.
        X = sum(ev_net[y] for y in years) / len(years) - net_level    # [m, s, a], persons per year
        county = np.zeros((2, POP_MAX_AGE + 1))
        for lo, hi in groups5:
            g = X[:, :, lo:hi + 1].sum(axis=(0, 2))                         # [s]
            for si in range(2):
                if g[si] > 0:
                    county[si, lo:hi + 1] = g[si] / (hi + 1 - lo)
        mun = np.maximum(X.sum(axis=(1, 2)), 0.0)
        share_m = mun / mun.sum()
        arrivals = share_m[:, None, None] * county[None, :, :]
        events[name] = arrivals
        band = lambda lo, hi: float(arrivals[:, :, lo:hi + 1].sum())
        event_lines.append(
            "%s (%s; calendar years %s): net excess over the clean window %.0f persons per year; arrivals (positive"
            " parts) %.0f per year: women %.0f men %.0f; ages 0-15 %.0f, 16-29 %.0f, 30-49 %.0f, 50-66 %.0f, 67+ %.0f;"
            " by municipality %s" %
            (name, what, " and ".join(str(y) for y in years), X.sum(), arrivals.sum(), arrivals[:, 0].sum(),
             arrivals[:, 1].sum(), band(0, 15), band(16, 29), band(30, 49), band(50, 66), band(67, POP_MAX_AGE),
             " ".join("%s %.0f" % (c, arrivals[i].sum()) for i, c in enumerate(codes) if arrivals[i].sum() > 0)))
    log_lines.extend(event_lines)

    # --- destination weights for internal moves: W[j, i] = share of internal movers from j going to i
    W = np.zeros((nm, nm))
    for j in range(nm):
        others = tot24.sum() - tot24[j]
        for i in range(nm):
            if i != j:
                W[j, i] = tot24[i] / others

    def internal_in(h):
        moves = share * h * E24
        return np.einsum("jsa,ji->isa", moves, W)

    # --- in_count; where negative, raise the hazard of the cell until in_count = 0 (fixed point)
    h_cap = -math.log(1 - OUT_RATE_CAP)
    raised = np.zeros(hazard.shape, dtype=bool)
    for it in range(500):
        iin = internal_in(hazard)
        inc = net + hazard * E24 - iin
        fixable = (inc < -1e-9) & (E24 > 0) & (hazard < h_cap - 1e-12)
        if not fixable.any():
            break
        need = np.where(fixable, (iin - net) / np.where(E24 > 0, E24, 1.0), hazard)
        new = np.minimum(np.maximum(need, hazard), h_cap)
        raised |= new > hazard + 1e-15
        hazard = new
    iin = internal_in(hazard)
    in_count = np.maximum(net + hazard * E24 - iin, 0.0)
    out_rate = 1.0 - np.exp(-hazard)
    assert (out_rate >= 0).all() and (out_rate < 1).all()
    assert (in_count >= 0).all()
    resid = in_count + iin - hazard * E24 - net
    bad = np.abs(resid) > 1e-6
    extra_out = float(((hazard - hazard0) * E24).sum())
    moves_all = float((hazard * E24).sum())
    log_lines.append("in_count < 0 fixed by raising out_rate in %d of %d cells (%d iterations); out-moves added %.0f per year"
                     " (%.1f%% of all out-moves)" % (int(raised.sum()), net.size, it + 1, extra_out, 100 * extra_out / moves_all))
    raised_ages = np.nonzero(raised)[2]
    groups = (("0-15", 0, 15), ("16-29", 16, 29), ("30-49", 30, 49), ("50-66", 50, 66), ("67-79", 67, 79), ("80+", 80, 200))
    log_lines.append("raised cells by age: " + " ".join("%s %d" % (lab, int(((raised_ages >= lo) & (raised_ages <= hi)).sum()))
                                                          for lab, lo, hi in groups))
    log_lines.append("cells where the net cannot be met: %d (%d with no residents; %d at the out_rate cap); excess net %.1f"
                     " persons per year" % (int(bad.sum()), int((bad & (E24 == 0)).sum()),
                                            int((bad & (E24 > 0)).sum()), float(resid.sum())))

    # --- totals
    tot_internal = share * moves_all
    tot_out_ext = moves_all - tot_internal
    tot_in_ext = float(in_count.sum())
    net_model = tot_in_ext - tot_out_ext
    log_lines.append("County per year (at the %d population): in from outside %.0f; out to outside %.0f; net %.0f;"
                     " moves between municipalities %.0f" % (Y0, tot_in_ext, tot_out_ext, net_model, tot_internal))

    # SSB county totals of the years up to the cut-off (w.comparison_years), and their source notes
    comp = [("migration.csv at the %d population" % Y0, tot_in_ext, tot_out_ext, net_model)]
    comp_notes = []
    if 2017 in w.comparison_years:
        c17 = {}
        for r in read_rows(shared, SRC_MIG2017):
            if r["year"] == "2017" and r["area"] == "Østfold":
                c17[r["measure"]] = int(r["value"])
        comp.append(("SSB 2017 county totals", c17["in-migration, all (excl. moves within county)"],
                     c17["out-migration, all"], c17["net migration, all"]))
        comp_notes.append("SSB 2017: %s." % URL_MIG2017)
    if 2015 in w.comparison_years:
        m2015 = mig_year(2015)
        int15_est = s_old * sum(m2015[c]["domestic_out"] + m2015[c]["emigration"] for c in old2new)
        comp.append(("SSB 2015 (moves within the county estimated and removed)", m2015["01"]["in_migration_all"] - int15_est,
                     m2015["01"]["out_migration_all"] - int15_est, m2015["01"]["net_migration_all"]))
        comp_notes.append("SSB 2015: %s; its county domestic in/out include moves within the county (%.0f such moves"
                          " estimated with the 2008 share were taken off)." % (URL_MIG2015, int15_est))
    comp.append(("SSB 2008 county totals", m08["01"]["in_migration_all"], m08["01"]["out_migration_all"],
                 m08["01"]["net_migration_all"]))
    comp.append(("SSB 2007 county totals", m07["01"]["in_migration_all"], m07["01"]["out_migration_all"],
                 m07["01"]["net_migration_all"]))
    comp_notes.append("2008: %s. 2007: %s." % (URL_MIG2008, URL_MIG2007))
    # immigration / in-migration from outside the county, the county totals up to the cut-off that exclude moves
    # within the county (2015 includes them): for demography.abroad_share_of_in_migrants
    abroad = [(y, d["01"]["immigration"], d["01"]["in_migration_all"]) for y, d in ((2007, m07), (2008, m08))]
    if 2017 in w.comparison_years:
        abroad.append((2017, c17["immigration from abroad"], c17["in-migration, all (excl. moves within county)"]))
    abroad_share = sum(a[1] for a in abroad) / sum(a[2] for a in abroad)
    log_lines.append("Share from abroad of in-migration from outside the county, %s pooled: %.4f" %
                     (" ".join(str(a[0]) for a in abroad), abroad_share))
    for lab, a, b, n in comp:
        log_lines.append("  %-58s in %6.0f  out %6.0f  net %6.0f" % (lab, a, b, n))

    mun_lines = []
    for i, c in enumerate(codes):
        mv = float((hazard[i] * E24[i]).sum())
        mun_lines.append("%s %s: out %.0f (%.4f per person) of which to other Østfold municipalities %.0f; in from other"
                         " Østfold municipalities %.0f; in from outside %.0f; net %.0f" %
                         (c, names[c], mv, mv / E24[i].sum(), share * mv, iin[i].sum(), in_count[i].sum(), net[i].sum()))
    log_lines.extend("  " + l for l in mun_lines)

    if w.old_window:
        window_text = (
            "\n   Window: the level of net migration is the mean of the calendar years %d-%d (%.0f per year), the latest five years" % (w.clean_years[0], w.clean_years[-1], net.sum()) +
            "\n   that no refugee episode dominates: 2015-2016 (asylum seekers) and 2022-2023 (refugees from Ukraine) are left out and"
            "\n   become optional dated events (migration_events.csv). The county's net by sex and age is that window's; how each sex"
            "\n   and age is shared among the municipalities follows the latest ten such years, %s (%.0f per year), as SSB" % (w.years_text(w.pattern_years), net_pattern.sum()) +
            "\n   projects a municipality's moves from the pattern of its last ten years (five carry one period's local booms: the"
            "\n   back-test, docs/validation.md): net(m s a) = ten-year net(m s a) less its excess over the window's county cell, taken"
            "\n   from the municipalities in proportion to their residents of that sex and age on the start date. For comparison: all years %d-%d without the four episode years" % (w.resid_years[0], w.resid_years[-1]) +
            "\n   give %.0f per year (2007-2013 carry the wave of labour immigration after the EU enlargement); the window used" % net_long +
            "\n   before (%d-%d with the Ukrainian arrivals) gave %.0f. Any error of the mortality table at Østfold also ends up in" % (w.old_window[0], w.old_window[-1], net_old))
    else:
        window_text = (
            "\n   Window: the level of net migration is the mean of the calendar years %d-%d (%.0f per year), the latest five years up"
            % (w.clean_years[0], w.clean_years[-1], net.sum()) +
            "\n   to the cut-off %d, by sex and age; how each sex and age is shared among the municipalities follows the latest ten,"
            % w.cutoff +
            "\n   %s (%.0f per year), as SSB projects a municipality's moves from the pattern of its last ten years: net(m s a) ="
            % (w.years_text(w.pattern_years), net_pattern.sum()) +
            "\n   ten-year net(m s a) less its excess over the window's county cell, taken from the municipalities in proportion to"
            "\n   their residents of that sex and age on the start date." +
            "\n   No refugee episode falls in them: the episodes 2015-2016 (asylum seekers) and 2022-2023 (refugees from Ukraine)"
            "\n   come after the cut-off and are optional dated events (migration_events.csv). Caution: the window holds the later"
            "\n   years of the wave of labour immigration after the EU enlargement (2007-2013); all years %d-%d give %.0f per year."
            % (long_years[0], long_years[-1], net_long) +
            "\n   Any error of the mortality table at Østfold also ends up in")
    comments = [
        "Annual migration of Østfold by municipality (2024 code) sex and age.",
        "Columns: out_rate = probability per year that a resident moves out of the municipality (to another Østfold municipality"
        "\nelsewhere in Norway or abroad); in_count = expected persons per year moving into the municipality from outside Østfold.",
        "Unit: out_rate per person per year (a constant hazard h gives out_rate = 1 - exp(-h)); in_count persons per year."
        "\nAge = exact age in completed years at the time of the move (the simulation applies the rates by current age);"
        " 105 = 105 and older.",
        "Sources (shared Østfold data folder): %s (original: %s);" % (SRC_POP, URL_POP) +
        ("\n%s (2008: %s; 2015: %s); %s (%s);" % (SRC_MIG, URL_MIG2008, URL_MIG2015, SRC_MIG2007, URL_MIG2007)
         if 2015 in w.comparison_years else
         "\n%s (2008: %s; its 2015 rows are after the cut-off and not read); %s (%s);"
         % (SRC_MIG, URL_MIG2008, SRC_MIG2007, URL_MIG2007)) +
        ("\n%s (%s); " % (SRC_MIG2017, URL_MIG2017) if 2017 in w.comparison_years else "\n") +
        "%s; %s (population of the former municipalities); mortality.csv; fertility.csv." % (SRC_MAP, SRC_POP_TOTAL_OLD),
        "How the table is built:",
        "1. Net migration. For each interval %d->%d .. %d->%d the cohort residual R(a) = P(y+1 m s a+1) - P(y m s a) x"
        % (w.last_five[0], w.last_five[0] + 1, w.last_five[-1], w.last_five[-1] + 1) +
        "\n   survival (survival from mortality.csv x mortality_scale %.2f by exact age: exp(-(m(a)+m(a+1))/2 x scale); ages 104 and" % mscale +
        "\n   105+ go into 105+). A cohort aged a on 1 January is aged a for half of the year and a+1 for the other half, so R(a)"
        "\n   is split half to age a and half to age a+1. Children born during the year are taken to have no net migration"
        "\n   before their first 1 January (see fertility.csv for the evidence). net(m s a) = mean of the five intervals."
        "\n   The survival of calendar year y is that of mortality.csv moved to the middle of y with the improvement trend"
        "\n   (demography_parameters.csv), so that residuals of years far from %d do not count the fall in mortality as migration." % w.mort_reference_year +
        "\n   County net per calendar year: " + "; ".join("%d %.0f" % (y, net_year[y].sum()) for y in w.resid_years) + "." +
        window_text +
        "\n   the residual.",
        "2. Gross out-flow level: %d domestic_out + emigration of each former municipality (%s) summed to 2024 borders"
        "\n   (%s). Moves between former parts of Moss and of Indre Østfold left a municipality then but not now: they are"
        "\n   estimated with the destination rule of step 4 and taken off (Moss %.0f -> %.0f; Indre Østfold %.0f -> %.0f)."
        "\n   Crude rate = out-moves / mean of the 1 January %d and %d populations: " %
        (gy, SRC_MIG, SRC_MAP, out15_raw["3103"], out15_new["3103"], out15_raw["3118"], out15_new["3118"], gy, gy + 1) +
        " ".join("%s %.4f" % (c, crude[c]) for c in codes) + " (county %.4f)." % crude_county,
        "   Assumption: the out-migration intensity of each municipality in %d still holds (the latest gross figures %s)."
        % (gy, "up to the cut-off in the data: the next are of 2015" if w.backtest else "in the data"),
        "3. Age shape: Rogers-Castro model schedule r(x) = a1 exp(-alpha1 x) + a2 exp(-alpha2 (x-mu2) - exp(-lambda2 (x-mu2)))"
        "\n   + a3 exp(-alpha3 (x-mu3) - exp(-lambda3 (x-mu3))) + c, used as moves per person-year (hazard) by exact age:"
        "\n   hazard(m s a) = k(m) r(a) with k(m) such that the moves at the %d person-years equal crude rate x person-years" % Y0 +
        "\n   of m. Person-years by exact age in %d are estimated from the 1 January %d population (half of age a plus half" % (Y0, Y0) +
        "\n   of the survivors of age a-1; age 0 also takes half the births implied by fertility.csv)."
        "\n   Assumption: a1=0.02 alpha1=0.10 a2=0.06 alpha2=0.10 mu2=20 lambda2=0.40 c=0.003 (the fundamental parameters of"
        "\n   Rogers and Castro 1981 Model Migration Schedules IIASA RR-81-30; peak at age %d) plus a small retirement component" % peak_age +
        "\n   a3=0.003 alpha3=0.5 mu3=65 lambda3=0.5 chosen here (not estimated). Same shape for women and men.",
        "4. Moves inside Østfold: internal_move_share = %.4f of all out-movers move to another Østfold municipality." % share +
        "\n   From 2008: (sum of municipal domestic out %d - county domestic out %d) / sum of municipal out incl. emigration %d"
        % (sum_dom_out, m08["01"]["domestic_out"], sum_out) +
        "\n   = %.4f on old borders; on 2024 borders (moves between former parts of one municipality and moves to Rømskog"
        "\n   taken off as in step 2) %.4f. 2007 gives %.4f on old borders." % (s_old, share, s07) +
        "\n   Assumption: the share is the same for every municipality sex and age%s." %
        ("; the %d share also holds for %d" % (INTERNAL_SHARE_YEAR, gy) if gy != INTERNAL_SHARE_YEAR else "") +
        "\n   Assumption: an internal mover chooses a destination among the other 11 municipalities in proportion to its"
        "\n   population (no distance effect; real moves favour neighbours).",
        "5. in_count(m s a) = net(m s a) + out-moves(m s a) - expected internal in-moves(m s a) at the %d person-years." % Y0 +
        "\n   Where that was negative the out_rate of the cell was raised until in_count = 0 (iterated because a raise adds internal"
        "\n   in-moves elsewhere); the net still holds. Raised cells: %d of %d (%d of them at ages 80+); out-moves added %.0f per year."
        % (int(raised.sum()), net.size, int((raised_ages >= 80).sum()), extra_out) +
        "\n   out_rate cap %.2f. Cells where the net could not be met: %d (%d with no residents, at ages %d-%d, where internal"
        " in-moves exceed the net; %d at the cap); %.1f persons per year in all." %
        (OUT_RATE_CAP, int(bad.sum()), int((bad & (E24 == 0)).sum()),
         int(np.nonzero(bad)[2].min()) if bad.any() else 0, int(np.nonzero(bad)[2].max()) if bad.any() else 0,
         int((bad & (E24 > 0)).sum()), float(resid.sum())) +
        "\n   The net holds at the %d population; with another population the out-flow changes with it. Residuals are not smoothed:" % Y0 +
        "\n   small cells carry noise.",
        "County totals per year (persons):",
    ] + ["  %-58s in %6.0f  out %6.0f  net %6.0f" % (lab, a, b, n) for lab, a, b, n in comp] + [
        "  Moves between the 12 municipalities implied by this table: %.0f per year." % tot_internal,
        "  " + " ".join(comp_notes),
        "Per municipality (per year at the %d population):" % Y0,
    ] + ["  " + l for l in mun_lines]
    return dict(out_rate=out_rate, in_count=in_count, share=share, log=log_lines, comments=comments, events=events,
                event_lines=event_lines, episode_pop_years=episode_pop_years, net_year=net_year, clean_net=net,
                abroad_share=abroad_share, abroad_share_years=[a[0] for a in abroad],
                crude_county=crude_county, tot_out_ext=tot_out_ext, tot_in_ext=tot_in_ext, tot_internal=tot_internal,
                E24=E24)


def validate(PM, codes, names, m_full, mscale, improvement_rate, f_ost, srb, out_rate, in_count, share, w, extra_in=None):
    """Deterministic projection from 1 January w.validation_start to 1 January w.start_year with the monthly rules of the simulation
    (models/demography): by age in months; each month death, then moving out (a share to another municipality in
    proportion to population), then birth for women who did neither; in-migrants arrive after the events with an age
    drawn uniformly within their year of age. Expected values instead of random draws. extra_in: {year: array [m, s, a]}
    of further arrivals per year in those years (the dated events of migration_events.csv)."""
    nm = len(codes)
    max_months = (MORT_MAX_AGE + 1) * 12
    k = np.arange(max_months)
    age_y = k // 12
    a_mort = np.minimum(age_y, MORT_MAX_AGE)
    a_tab = np.minimum(age_y, POP_MAX_AGE)
    fert = np.zeros(max_months)
    ok = (age_y >= FERT_MIN_AGE) & (age_y <= FERT_MAX_AGE)
    fert[ok] = f_ost[age_y[ok]]
    p_birth = -np.expm1(-fert / 12.0)
    p_out = -np.expm1(np.log1p(-np.minimum(out_rate, 0.999999)) / 12.0)[:, :, a_tab]     # [m, s, k]
    in_month = np.repeat(in_count / 12.0 / 12.0, 12, axis=2)                               # spread over 12 ages in months
    X = np.zeros((nm, 2, max_months))
    X[:, :, :(POP_MAX_AGE + 1) * 12] = np.repeat(PM(w.validation_start) / 12.0, 12, axis=2)
    for t in range((w.start_year - w.validation_start) * 12):
        year = w.validation_start + t // 12
        if t % 12 == 0:
            tot = X.sum(axis=(1, 2))
            W = np.zeros((nm, nm))
            for j in range(nm):
                for i in range(nm):
                    if i != j:
                        W[j, i] = tot[i] / (tot.sum() - tot[j])
            impr = (1 - improvement_rate) ** (year - w.mort_reference_year)
            p_death = -np.expm1(-m_full[:, a_mort] * mscale * impr / 12.0)                 # [s, k]
        if t % 12 == 0:
            extra = (extra_in or {}).get(year)
            in_month = np.repeat((in_count if extra is None else in_count + extra) / 12.0 / 12.0, 12, axis=2)
        alive = X * (1 - p_death[None])
        movers = alive * p_out
        stay = alive - movers
        births = (stay[:, 0, :] * p_birth[None, :]).sum(axis=1)                           # [m]
        stay = stay + np.einsum("jsk,ji->isk", share * movers, W)
        # arrivals of the month (in-migrants; newborns at age 0 months), then everyone is a month older
        stay[:, :, :in_month.shape[2]] += in_month
        new = np.zeros_like(X)
        new[:, :, 1:] = stay[:, :, :-1]
        new[:, :, -1] += stay[:, :, -1]
        new[:, 0, 1] += births * (1 - srb)
        new[:, 1, 1] += births * srb
        X = new
    proj = np.zeros((nm, 2, POP_MAX_AGE + 1))
    for a in range(POP_MAX_AGE):
        proj[:, :, a] = X[:, :, 12 * a:12 * a + 12].sum(axis=2)
    proj[:, :, POP_MAX_AGE] = X[:, :, 12 * POP_MAX_AGE:].sum(axis=2)
    obs = PM(w.start_year)
    lines = ["== Validation: projection of 1 January %d to 1 January %d" % (w.validation_start, w.start_year)]
    pt, ot = proj.sum(), obs.sum()
    inside = sum(1 for y in w.clean_years if w.validation_start <= y < w.start_year)
    words = ("none", "one", "two", "three", "four", "all")
    if w.validation_events:
        episodes = (" and %s are missing unless that event is switched on (last line)." %
                    " and ".join(EVENT_MISSING[e] for e in w.validation_events))
    else:
        episodes = "; no refugee episode falls in the check's years."
    lines.append("Monthly steps with the rules of the simulation and mortality improvement %.4f/yr from %d; expected values."
                 " The level of net migration comes from %d-%d, so %s of the five years are in its window%s" %
                 (improvement_rate, w.mort_reference_year, w.clean_years[0], w.clean_years[-1], words[inside], episodes))
    lines.append("County: projected %.0f; observed %.0f; difference %+.0f (%+.2f%%)" % (pt, ot, pt - ot, 100 * (pt - ot) / ot))
    errs = []
    for i, c in enumerate(codes):
        p, o = proj[i].sum(), obs[i].sum()
        errs.append(abs(p - o) / o)
        lines.append("  %s %-14s projected %7.0f observed %7.0f difference %+6.0f (%+.2f%%)" % (c, names[c], p, o, p - o,
                                                                                             100 * (p - o) / o))
    lines.append("Mean absolute municipal error %.2f%%; largest %.2f%%." % (100 * np.mean(errs), 100 * max(errs)))
    groups = (("0-5", 0, 5), ("6-15", 6, 15), ("16-19", 16, 19), ("20-29", 20, 29), ("30-49", 30, 49),
              ("50-66", 50, 66), ("67-79", 67, 79), ("80+", 80, POP_MAX_AGE))
    parts = []
    for lab, lo, hi in groups:
        p, o = proj[:, :, lo:hi + 1].sum(), obs[:, :, lo:hi + 1].sum()
        parts.append("%s %+.0f (%+.1f%%)" % (lab, p - o, 100 * (p - o) / o))
    lines.append("County by age on 1 January %d (projected - observed): " % w.start_year + "; ".join(parts) + ".")
    d0 = [100 * (proj[:, :, a].sum() - obs[:, :, a].sum()) / obs[:, :, a].sum() for a in (0, 1)]
    lines.append("Age 0 alone %+.1f%%, age 1 %+.1f%%: the simulation gives a child born in month t the birth month t, while"
                 " residents and in-migrants of age a get birth months t-12a-11 .. t-12a; so children born in January count"
                 " as aged 1 on the next 1 January (about 1/12 of a birth cohort)." % (d0[0], d0[1]))
    return dict(lines=lines, projected=proj)


if __name__ == "__main__":
    main()
