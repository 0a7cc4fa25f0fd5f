"""The result file of the baseline: it opens in xarray (h5netcdf) and h5py with
named dimensions and labels, every dataset is bit-identical for 1, 2 and 4
threads, and the population accounting holds."""
import pathlib
import unittest

import h5py
import numpy as np
import xarray as xr

from kfsim_testing import BASELINE, SANITIZED, run_kfsim, scratch_dir

# The sanitizer build runs several times slower: there the baseline stops in 2030 (education
# cycles, demand growth and the labour flows are all under way by then).
SHORTER = ("--set", "end=2030-12") if SANITIZED else ()
LAST_YEAR = 2030 if SANITIZED else 2050

DIMENSIONS = {"replicate", "year", "month", "municipality", "sex", "age_group", "competence",
              "occupation", "work_area", "labour_status", "separation_reason", "opening_kind"}


class BaselineResults(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = scratch_dir()
        cls.files = {}
        for threads in (1, 2, 4):
            path = pathlib.Path(cls.tmp.name) / f"baseline_t{threads}.h5"
            result = run_kfsim("run", BASELINE, "-o", path, "--threads", threads, "--quiet",
                               *SHORTER)
            if result.returncode != 0:
                raise AssertionError(f"kfsim run failed: {result.stderr}")
            cls.files[threads] = path

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_opens_in_xarray_with_named_dimensions(self):
        with xr.open_dataset(self.files[1], engine="h5netcdf") as ds:
            self.assertTrue(DIMENSIONS <= set(ds.dims), ds.dims)
            self.assertEqual(ds["population_start"].dims,
                             ("replicate", "year", "municipality", "sex", "age_group"))
            self.assertEqual(ds.sizes["replicate"], 1)
            self.assertEqual(int(ds["year"][0]), 2024)
            self.assertEqual(int(ds["year"][-1]), LAST_YEAR)
            names = [str(n) for n in ds["municipality_name"].values]
            self.assertIn("Fredrikstad", names)
            self.assertIn("Råde", names)
            self.assertEqual([str(s) for s in ds["sex_name"].values], ["female", "male"])
            self.assertEqual(str(ds["age_group_name"].values[-1]), "90+")
            for name, variable in ds.data_vars.items():
                self.assertIn("units", variable.attrs, name)
                self.assertIn("long_name", variable.attrs, name)
            self.assertEqual(ds.sizes["competence"], 26)
            self.assertEqual(ds.sizes["occupation"], 47)
            self.assertIn("Oslo og Akershus (outside Østfold)", [str(n) for n in ds["work_area_name"].values])
            self.assertEqual(ds["competence_gap"].dims, ("replicate", "year", "competence"))
            self.assertIn("employed", [str(n) for n in ds["labour_status_name"].values])
            # The real population of county 31 on 1 January 2024 (SSB 07459).
            self.assertEqual(int(ds["population_start"].isel(year=0).sum()), 312152)

    def test_opens_in_h5py_with_provenance(self):
        with h5py.File(self.files[1], "r") as f:
            for key in ("kfsim_scenario", "kfsim_seed", "kfsim_code_version", "kfsim_threads",
                        "kfsim_command_line", "kfsim_started_utc", "kfsim_finished_utc",
                        "kfsim_library_versions"):
                self.assertIn(key, f.attrs, key)
            self.assertIn('name = "baseline"', _text(f.attrs["kfsim_scenario"]))
            self.assertEqual(int(f.attrs["kfsim_threads"]), 1)

    def test_every_dataset_is_identical_for_1_2_and_4_threads(self):
        with h5py.File(self.files[1], "r") as one:
            names = []
            one.visit(lambda n: names.append(n) if isinstance(one[n], h5py.Dataset) else None)
            self.assertGreater(len(names), 10)
            for threads in (2, 4):
                with h5py.File(self.files[threads], "r") as other:
                    other_names = []
                    other.visit(lambda n: other_names.append(n) if isinstance(other[n], h5py.Dataset) else None)
                    self.assertEqual(sorted(names), sorted(other_names))
                    for name in names:
                        a, b = one[name][()], other[name][()]
                        self.assertEqual(a.dtype, b.dtype, name)
                        self.assertTrue(np.array_equal(a, b), f"{name} differs with {threads} threads")

    def test_accounting_holds_in_every_year_and_municipality(self):
        with xr.open_dataset(self.files[1], engine="h5netcdf") as ds:
            flows = ["population_start", "births", "deaths", "in_migration", "out_migration",
                     "population_end"]
            s = {k: ds[k].sum([d for d in ds[k].dims if d not in ("replicate", "year", "municipality")])
                 for k in flows}
            balance = (s["population_start"] + s["births"] - s["deaths"] + s["in_migration"]
                       - s["out_migration"] - s["population_end"])
            self.assertEqual(int(abs(balance).max()), 0)
            end = ds["population_end"].isel(year=slice(0, -1)).values
            self.assertEqual(end.shape[0], 1)
            start = ds["population_start"].isel(year=slice(1, None)).values
            self.assertTrue(np.array_equal(end, start))


    def test_exits_mobility_and_churn_add_up_to_separations(self):
        # Every resident who leaves a position that is not abolished counts once by
        # occupation; openings in Østfold have the four kinds, codes 0 and 1 as before.
        with xr.open_dataset(self.files[1], engine="h5netcdf") as ds:
            kinds = [_text(k) for k in ds.opening_kind_name.values]
            self.assertEqual(kinds, ["replacement", "expansion", "mobility", "churn"])
            reasons = [_text(r) for r in ds.separation_reason_name.values]
            separations = ds.separations.sum("separation_reason") - ds.separations.isel(
                separation_reason=reasons.index("position_abolished"))
            by_occupation = sum(ds[k].sum("occupation") for k in
                                ("replacement_demand", "occupational_mobility", "churn"))
            self.assertTrue(np.array_equal(by_occupation.values, separations.values))
            moves = ds.separations.isel(separation_reason=reasons.index("job_to_job"))
            self.assertTrue(bool((ds.occupational_mobility.sum("occupation") <= moves).all()))


def _text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


if __name__ == "__main__":
    unittest.main()
