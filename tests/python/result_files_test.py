"""Result files kfsim did not write, or not whole: a truncated file, another program's HDF5 or
netCDF-4 file, and a file of an older kfsim result format (kfsim_file_format_version 0).
`kfsim info`, `kfsim compare` and `kfsim brief` refuse each with exit code 2 and one message
naming the file; `kfsim info` describes kfsim result files of this format version only."""
import pathlib
import shutil
import unittest

import h5py
import numpy as np

from kfsim_testing import run_kfsim, scratch_dir, write_short_scenario

NOT_KFSIM = ": is not a kfsim result file (it has no global attribute kfsim_file_format_version)"
OLD_FORMAT = (": has result file format version 0, written by an older kfsim; this kfsim reads "
              "version 1 only (run the scenario again to get a file of that version)")


class ResultFiles(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = scratch_dir()
        cls.dir = pathlib.Path(cls.tmp.name)
        scenario = write_short_scenario(cls.dir, end="2024-02")
        cls.good = cls.dir / "good.h5"
        result = run_kfsim("run", scenario, "-o", cls.good, "-q")
        assert result.returncode == 0, result.stderr
        cls.has_brief = "kfsim brief" in run_kfsim("--help").stdout

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def copy_of_good(self, name):
        path = self.dir / name
        shutil.copy(self.good, path)
        return path

    def readers(self, path):
        """Every command that reads result files, with path among its files."""
        commands = [("info", path), ("compare", self.good, path), ("compare", path, self.good)]
        if self.has_brief:
            commands.append(("brief", self.good, path, "-o", self.dir / "brief.html", "--no-pdf"))
        return commands

    def assert_refused(self, path, message, only_info=False):
        """Each reader (or `kfsim info` alone) exits 2 with `message` about PATH, and writes
        nothing."""
        for args in self.readers(path)[:1 if only_info else None]:
            with self.subTest(command=" ".join(map(str, args))):
                result = run_kfsim(*args)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertEqual(result.stdout, "")
                self.assertNotIn("Sanitizer", result.stderr)
                self.assertEqual(result.stderr.strip(), f"kfsim: {path}{message}")
                self.assertFalse((self.dir / "brief.html").exists())

    def test_the_good_file_is_described_and_compared(self):
        info = run_kfsim("info", self.good)
        self.assertEqual(info.returncode, 0, info.stderr)
        self.assertIn("kfsim_file_format_version", info.stdout)
        self.assertEqual(run_kfsim("compare", self.good, self.good, "--years", "2024").returncode,
                         0)

    def test_truncated_files_are_refused(self):
        size = self.good.stat().st_size
        for keep in (0.9, 0.5, 0.1):
            path = self.copy_of_good(f"cut_{int(keep * 100)}.h5")
            with open(path, "r+b") as f:
                f.truncate(int(size * keep))
            with self.subTest(keep=keep):
                for args in self.readers(path):
                    result = run_kfsim(*args)
                    self.assertEqual(result.returncode, 2, result.stderr)
                    self.assertTrue(result.stderr.startswith(
                        f"kfsim: {path}: cannot be opened because it is truncated (incomplete)"),
                        result.stderr)

    def test_cut_before_the_hdf5_signature_ends_is_not_hdf5(self):
        path = self.copy_of_good("cut_4.h5")
        with open(path, "r+b") as f:
            f.truncate(4)
        self.assert_refused(path, ": is not an HDF5 (netCDF-4) file")
        empty = self.dir / "empty.h5"
        empty.write_bytes(b"")
        self.assert_refused(empty, ": is not an HDF5 (netCDF-4) file")

    def test_plain_hdf5_file_of_another_program_is_refused(self):
        path = self.dir / "other_program.h5"
        with h5py.File(path, "w") as f:
            f.attrs["title"] = "measurements"
            f.create_dataset("competence_gap", data=np.arange(12.0).reshape(3, 4))
            f.create_group("raw").create_dataset("values", data=[1, 2, 3])
        self.assert_refused(path, NOT_KFSIM)

    def test_netcdf4_file_of_another_program_is_refused(self):
        path = self.dir / "weather.nc"
        with h5py.File(path, "w") as f:  # netCDF-4 as the netCDF library lays it out
            f.attrs["Conventions"] = "CF-1.8"
            time = f.create_dataset("time", data=np.arange(3, dtype="i4"))
            time.make_scale("time")
            time.attrs["units"] = "days since 2024-01-01"
            temperature = f.create_dataset("temperature", data=np.array([1.5, 2.0, -0.5]))
            temperature.dims[0].attach_scale(time)
            temperature.attrs["units"] = "degC"
        self.assert_refused(path, NOT_KFSIM)

    def test_older_result_format_is_refused(self):
        path = self.copy_of_good("old_format.h5")
        with h5py.File(path, "r+") as f:
            f.attrs["kfsim_file_format_version"] = np.int64(0)
        self.assert_refused(path, OLD_FORMAT)

    def test_format_version_that_is_not_a_number_is_refused(self):
        path = self.copy_of_good("text_version.h5")
        with h5py.File(path, "r+") as f:
            f.attrs["kfsim_file_format_version"] = "1"
        self.assert_refused(path, ": has result file format version 1; this kfsim reads version 1 "
                            "only (run the scenario again to get a file of that version)")

    def test_version_attribute_alone_does_not_make_a_result(self):
        path = self.dir / "claims_to_be_kfsim.h5"
        with h5py.File(path, "w") as f:
            f.attrs["kfsim_file_format_version"] = np.int64(1)
            f.create_dataset("x", data=[1.0, 2.0])
        result = run_kfsim("compare", self.good, path)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertEqual(result.stderr.strip(), f"kfsim: {path}: is not a kfsim result file "
                         "(it has no variable 'competence_gap')")
        info = run_kfsim("info", path)  # nothing to refuse it by: described as it is
        self.assertEqual(info.returncode, 0, info.stderr)
        self.assertIn("x", info.stdout)


    def forged(self, name, change):
        """A copy of the good file with `change(h5py.File)` applied."""
        path = self.copy_of_good(name)
        with h5py.File(path, "a") as f:
            change(f)
        return path

    def test_values_that_cannot_be_right_are_refused(self):
        def nan(f):
            f["competence_gap"][0, 0, 2] = np.nan

        def infinity(f):
            f["unemployment_rate_monthly"][0, 1] = np.inf

        def rating(f):
            f["competence_rating"][0, 0, 3] = 7

        def escape_in_label(f):
            names = f["competence_name"][()]
            names[2] = b"VGS_BA: \x1b[31mred"
            f["competence_name"][...] = names

        def bell_in_attribute_name(f):
            f.attrs["kfsim_note\x07"] = "bell"

        def wrong_shape(f):
            f.create_dataset("short_by_year", data=np.zeros(3))
            f["short_by_year"].dims[0].attach_scale(f["year"])

        for name, change, message in (
                ("nan", nan, ": variable 'competence_gap' holds NaN at index [replicate 0, year 0, "
                 "competence 2]; expected finite numbers"),
                ("infinity", infinity, ": variable 'unemployment_rate_monthly' holds an infinity "
                 "at index [replicate 0, month 1]; expected finite numbers"),
                ("rating", rating, ": variable 'competence_rating' holds 7 at index [replicate 0, "
                 "year 0, competence 3]; expected -1 (surplus), 0 (balance) or 1 (shortage)"),
                ("label", escape_in_label, ": variable 'competence_name' at index [competence 2]: "
                 'text "VGS_BA: \\x1B[31mred" holds a control character or malformed UTF-8; '
                 "expected printable text"),
                ("attribute", bell_in_attribute_name, ': attribute "kfsim_note\\x07" holds a '
                 "control character or malformed UTF-8; expected printable text"),
                ("shape", wrong_shape, ": variable 'short_by_year' has 3 values along dimension "
                 "'year', which has 1; expected the sizes of its dimensions")):
            with self.subTest(forged=name):
                # One check (output/result_validation) serves every reader: each reader is run
                # on the first case, `kfsim info` on the others.
                self.assert_refused(self.forged(f"{name}.h5", change), message,
                                    only_info=name != "nan")

    def test_declared_sizes_the_file_cannot_hold_are_refused(self):
        # 2^33 strings declared, none stored: reading them would ask for 64 GiB.
        def huge(f):
            f.create_dataset("huge_labels", shape=(2**33,), dtype=h5py.string_dtype(),
                             chunks=(1024,))

        path = self.forged("huge.h5", huge)
        self.assert_refused(path, ": variable 'huge_labels' declares 8589934592 values, more than "
                                  "the file's 0 stored bytes can hold; the file is damaged or not "
                                  "a result file")

    def test_info_shows_control_characters_escaped(self):
        def escape_in_value(f):
            f.attrs["kfsim_scenario_description"] = "clear \x1b[2J screen"

        path = self.forged("escape.h5", escape_in_value)
        result = run_kfsim("info", path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("\x1b", result.stdout)
        self.assertIn("clear \\x1B[2J screen", result.stdout)


if __name__ == "__main__":
    unittest.main()
