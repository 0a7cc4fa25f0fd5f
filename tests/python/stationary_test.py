"""The competence gap in a county held still (tests/scenarios/stationary.toml): nobody ages, is
born, dies, moves or retires (demography.stationary), education holds still, no industry grows
and what jobs ask for does not change. What is left is the labour market's own flows (search,
hires, quits, lay-offs, disability, in-commuting, the withdrawal of long-unfilled positions), so
the gap and its parts (competence_gap.hpp) must stay flat within noise: anything more is drift of
the measure's own.

The start state settles first. The start placement puts every employed person in a job that
fits, which the matching then mixes (a burn-in before the start, labour.burn_in_months, would
let that happen unrecorded; the baseline runs without one, docs/calibration.md says why). The
checks therefore read the years after SETTLE_YEARS (2029-2034); the settling and what still
drifts are reported below and in docs/calibration.md, "The gap in a county held still".

"Flat within noise", for a yearly series X (replicate, year): the mean over replicates of the
change from the first year after settling (2029) to the last, D, is within K = 4 standard errors of zero,
the standard error of a difference of two years' means, sigma * sqrt(2 / R), where sigma is the
spread of one year's value between replicates (pooled over the years) and R the replicates;
AND |D| is at most 1 % of the employed residents holding the competence (of all of them for the
county). One person is allowed on top of both for counts of small groups, whose spread can be 0.

The check sees a trend: the same county with the requirement and occupation trends of the
baseline (labour.requirement_trend_scale = labour.occupation_trend_scale = 1), set against the
still county replicate by replicate (the same random numbers), drifts beyond both bounds.

In the sanitizer pass (several times slower) the runs stop in 2026 with two replicates, before
the county has settled: the flatness checks are left to the Release pass.
"""
import pathlib
import unittest

import h5py
import numpy as np

from kfsim_testing import (KFSIM, MPI_BUILD, MPI_ENV, MPIEXEC, SANITIZED, SOURCE, run_kfsim,
                           scratch_dir)

SCENARIO = SOURCE / "tests" / "scenarios" / "stationary.toml"
END, REPLICATES = ("2026-12", 2) if SANITIZED else ("2034-12", 3)
K_STANDARD_ERRORS = 4.0
SETTLE_YEARS = 5
SHARE_OF_EMPLOYED = 0.01
PARTS = ("competence_gap", "competence_shortage", "competence_surplus", "competence_upgrading",
         "competence_frictional")


def run(path, *settings, threads=2, replicates=REPLICATES, end=END):
    args = ["run", SCENARIO, "-o", path, "--threads", threads, "--replicates", replicates,
            "--set", f"end={end}", "--quiet", "--force"]
    for setting in settings:
        args += ["--set", setting]
    done = run_kfsim(*args)
    if done.returncode != 0:
        raise AssertionError(f"kfsim run failed: {done.stderr}")
    return path


def yearly(f, name):
    """A monthly county series (replicate, month) as yearly means (replicate, year)."""
    months = f["month"][()]
    values = f[name][()]
    return np.stack([values[:, months // 100 == y].mean(axis=1) for y in f["year"][()]], axis=1)


def drift(series):
    """(D, standard error of D) of a (replicate, year) series: D = mean change first to last."""
    replicates = series.shape[0]
    change = float((series[:, -1] - series[:, 0]).mean())
    sigma = float(np.sqrt(series.var(axis=0, ddof=1).mean())) if replicates > 1 else 0.0
    return change, sigma * np.sqrt(2.0 / replicates)


def drifting(series, employed, settle=SETTLE_YEARS):
    """'' when `series` is flat within noise after `settle` years (the module's definition),
    else why not."""
    change, se = drift(series[:, settle:])
    bound = SHARE_OF_EMPLOYED * employed
    if abs(change) <= K_STANDARD_ERRORS * se + 1 and abs(change) <= bound + 1:
        return ""
    return f"change {change:+.0f} (standard error {se:.0f}, 1 % of employed {bound:.0f})"


def gap_drifts(f, parts=PARTS, groups=True):
    """Every (part, group) that is not flat: the county ('all') and, with `groups`, each
    competence."""
    codes = [c.decode() if isinstance(c, bytes) else str(c) for c in f["competence_name"][()]]
    codes = [c.split(":")[0] for c in codes]
    # Employed residents by competence in the first year, mean over replicates.
    employed = f["employed_by_competence"][()][:, 0].sum(axis=1).mean(axis=0)
    found = []
    for part in parts:
        values = f[part][()].astype(float)
        why = drifting(values.sum(axis=2), employed.sum())
        if why:
            found.append(f"{part} all: {why}")
        for c, code in enumerate(codes if groups else []):
            why = drifting(values[:, :, c], employed[c])
            if why:
                found.append(f"{part} {code}: {why}")
    return found


class StationaryCounty(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = scratch_dir()
        cls.dir = pathlib.Path(cls.tmp.name)
        cls.still = h5py.File(run(cls.dir / "still.h5"), "r")

    @classmethod
    def tearDownClass(cls):
        cls.still.close()
        cls.tmp.cleanup()

    def test_the_population_holds_still_cell_by_cell(self):
        f = self.still
        start = f["population_start"][()]
        end = f["population_end"][()]
        # Every year ends, and the next starts, with the people of 1 January 2024, each
        # (municipality, sex, age group) as it was.
        for year in range(start.shape[1]):
            self.assertTrue(np.array_equal(end[:, year], start[:, 0]), year)
            self.assertTrue(np.array_equal(start[:, year], start[:, 0]), year)
        for flow in ("births", "deaths", "in_migration", "out_migration", "immigration"):
            self.assertEqual(int(f[flow][()].sum()), 0, flow)
        # The labour market's year-end count by age sees the same ages.
        by_age = f["persons_by_status"][()].sum(axis=-1)
        for year in range(by_age.shape[1]):
            self.assertTrue(np.array_equal(by_age[:, year], start[:, 0]), year)

    def test_nobody_retires_and_education_holds_still(self):
        f = self.still
        reasons = [r.decode() if isinstance(r, bytes) else str(r)
                   for r in f["separation_reason_name"][()]]
        self.assertEqual(int(f["separations"][()][:, :, reasons.index("retirement")].sum()), 0)
        for flow in ("programme_admitted", "programme_completed", "programme_dropped_out"):
            self.assertEqual(int(f[flow][()].sum()), 0, flow)
        enrolled = f["programme_enrolled_end"][()]
        self.assertTrue(np.array_equal(enrolled[:, -1], enrolled[:, 0]))

    # Employers post withdrawn positions again where the unemployed trained for the occupation
    # outnumber its hard-to-fill positions (labour.unmet_repost). In the occupations short of
    # people on the start date (building trades 71, 711, 712, business, science and ICT
    # professionals 24, 21, 25, business associates 33, metal trades 72) that never happens, and
    # long vacancies keep turning into unmet demand: 5,134 positions by 2034, +380 a year at
    # the end, with the shortage (+1,661, 2029 -> 2034, standard error 176) and the total gap
    # (+1,472, 199), while the vacancies fall (-318, 40). The positions short on the start date
    # were held by stand-ins the start placement put there (its last pass places the rest in
    # any job within reach); when they leave, the matching does not hire such stand-ins again.
    # When a part is mended its test passes, and unittest reports the unexpected success as a
    # failure: then drop its mark.
    @unittest.skipIf(SANITIZED, "the short sanitizer run ends before the county has settled")
    @unittest.expectedFailure
    def test_the_countys_gap_and_shortage_stay_flat(self):
        for part in ("competence_gap", "competence_shortage"):
            self.assertEqual(gap_drifts(self.still, (part,), groups=False), [], part)

    @unittest.skipIf(SANITIZED, "the short sanitizer run ends before the county has settled")
    def test_the_countys_frictional_part_and_unemployment_stay_flat(self):
        self.assertEqual(gap_drifts(self.still, ("competence_frictional",), groups=False), [])
        employed = yearly(self.still, "employed_monthly")[:, 0].mean()
        self.assertEqual(drifting(yearly(self.still, "unemployed_monthly"), employed), "")

    @unittest.skipIf(SANITIZED, "the short sanitizer run ends before the county has settled")
    @unittest.expectedFailure
    def test_vacancies_stay_flat(self):
        employed = yearly(self.still, "employed_monthly")[:, 0].mean()
        self.assertEqual(drifting(yearly(self.still, "vacancies_monthly"), employed), "")

    # What still settles (same run, 2029 -> 2034): the employed below their competence keep
    # rising, each year less, as the matching mixes the start placement: the surplus (+858,
    # standard error 148; +3,121 over 2024-2029) and the upgrading (+775, 144), which cancel in
    # the total gap. Only the bound of 1 % of the employed is asserted for these two parts.
    # Within single competence groups the parts move by a few dozen persons, above 1 % of the
    # group's employed for 47 (group, part) pairs. When the groups are mended the last test
    # passes, and unittest reports the unexpected success as a failure: then drop its mark.
    @unittest.skipIf(SANITIZED, "the short sanitizer run ends before the county has settled")
    def test_the_countys_surplus_and_upgrading_settle_within_one_percent_of_the_employed(self):
        employed = self.still["employed_by_competence"][()][:, 0].sum(axis=(1, 2)).mean()
        for part in ("competence_surplus", "competence_upgrading"):
            change, _ = drift(self.still[part][()].sum(axis=2).astype(float)[:, SETTLE_YEARS:])
            self.assertLessEqual(abs(change), SHARE_OF_EMPLOYED * employed, part)

    @unittest.skipIf(SANITIZED, "the short sanitizer run ends before the county has settled")
    @unittest.expectedFailure
    def test_every_part_stays_flat_in_every_group(self):
        self.assertEqual(gap_drifts(self.still), [])

    @unittest.skipIf(SANITIZED, "a second ten-year ensemble: left to the Release pass")
    def test_the_check_sees_a_trend_in_what_jobs_ask_for(self):
        path = run(self.dir / "trend.h5", "labour.requirement_trend_scale=1",
                   "labour.occupation_trend_scale=1")
        with h5py.File(path, "r") as trend:
            # Paired replicate by replicate, so the still county's own drift drops out.
            employed = trend["employed_by_competence"][()][:, 0].sum(axis=(1, 2)).mean()
            for part in ("competence_gap", "competence_shortage", "competence_upgrading"):
                difference = (trend[part][()].sum(axis=2).astype(float)
                              - self.still[part][()].sum(axis=2))
                self.assertNotEqual(drifting(difference, employed), "", part)


class StationaryDeterminism(unittest.TestCase):
    """The held-still county gives bit-identical results for any thread or process count,
    a burn-in before the start (labour.burn_in_months = 6) included."""

    def test_one_and_three_threads_and_two_processes_agree(self):
        with scratch_dir() as tmp:
            folder = pathlib.Path(tmp)
            files = [run(folder / f"t{t}.h5", "labour.burn_in_months=6", threads=t,
                         replicates=2, end="2025-03") for t in (1, 3)]
            if MPI_BUILD:
                import subprocess
                spread = folder / "mpi.h5"
                done = subprocess.run(
                    [MPIEXEC, "-np", "2", KFSIM, "run", str(SCENARIO), "-o", str(spread),
                     "--threads", "1", "--replicates", "2", "--set", "end=2025-03",
                     "--set", "labour.burn_in_months=6", "--quiet"],
                    capture_output=True, text=True, timeout=600, env=MPI_ENV)
                self.assertEqual(done.returncode, 0, done.stderr + done.stdout)
                files.append(spread)
            with h5py.File(files[0], "r") as one:
                names = []
                one.visit(lambda n: names.append(n) if isinstance(one[n], h5py.Dataset) else None)
                for other_path in files[1:]:
                    with h5py.File(other_path, "r") as other:
                        differing = [n for n in names if not np.array_equal(one[n][()], other[n][()])]
                        self.assertEqual(differing, [], other_path.name)


if __name__ == "__main__":
    unittest.main()
