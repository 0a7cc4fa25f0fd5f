"""Bad inputs, one per case of tests/bad_inputs/cases.toml: scenario files (kfsim check) and
data tables (kfsim run on a copy of the baseline's tables with one changed). Each must end with
exit code 2 and one error line naming the file, the line, the key or column and what was
expected; none may crash, and none may leave a result file behind."""
import pathlib
import random
import shutil
import tomllib
import unittest

from kfsim_testing import SOURCE, run_kfsim, scratch_dir

CASES = SOURCE / "tests" / "bad_inputs" / "cases.toml"
SCENARIOS = SOURCE / "scenarios"


def load_cases():
    with open(CASES, "rb") as f:
        return tomllib.load(f)["case"]


def generated(kind):
    if kind == "binary":
        rng = random.Random(20240101)
        return bytes([0, 0xFF, 0xFE]) + bytes(rng.randrange(256) for _ in range(4096))
    if kind == "100MB":
        line = b"3101,female,0,127\n"
        return line * (100 * 1024 * 1024 // len(line) + 1)
    raise ValueError(f"unknown generated input '{kind}'")


def line_index(lines, start, last=False):
    """0-based index of the first (or last) line that starts with `start`."""
    found = [i for i, line in enumerate(lines) if line.startswith(start)]
    if not found:
        raise AssertionError(f"no line starts with {start!r}")
    return found[-1] if last else found[0]


def change_table(path, case):
    """Applies the case's change to path; returns the 1-based line it changed (0: whole file)."""
    if "generate" in case:
        path.write_bytes(generated(case["generate"]))
        return 0
    if "content" in case:
        path.write_text(case["content"], encoding="utf-8")
        return 0
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if "replace" in case:
        at = line_index(lines, case["replace"]["match"])
        lines[at] = case["replace"]["with"]
    elif "drop" in case:
        at = line_index(lines, case["drop"])
        del lines[at]
    elif "append" in case:
        at = len(lines)
        lines.extend(case["append"].rstrip("\n").split("\n"))
    else:
        raise ValueError(f"case '{case['name']}' does not say how to change {path}")
    # A table saved in another encoding or with other line ends, as editors do.
    text = case.get("line_ends", "\n").join(lines) + case.get("line_ends", "\n")
    path.write_bytes(text.encode(case.get("encoding", "utf-8")))
    return at + 1


def expected_line(spec, edited, path):
    """The line an error must name: a number, "edited", "edited+N" or "last PREFIX"."""
    if isinstance(spec, int):
        return spec
    if spec == "edited":
        return edited
    if spec.startswith("edited+"):
        return edited + int(spec[len("edited+"):])
    if spec.startswith("last "):
        lines = path.read_bytes().decode("latin-1").split("\n")
        return line_index(lines, spec[len("last "):], last=True) + 1
    raise ValueError(f"unknown line {spec!r}")


class BadInputs(unittest.TestCase):
    def test_there_are_at_least_40_cases_with_unique_names(self):
        cases = load_cases()
        self.assertGreaterEqual(len(cases), 40)
        names = [case["name"] for case in cases]
        self.assertEqual(len(names), len(set(names)))

    def test_every_bad_input_is_refused_with_its_exact_error(self):
        for case in load_cases():
            with self.subTest(case=case["name"]):
                self.check_case(case)

    def check_case(self, case):
        with scratch_dir() as tmp:
            folder = pathlib.Path(tmp)
            if case["command"] == "check":
                result, where, edited = self.run_check(case, folder)
            else:
                result, where, edited = self.run_run(case, folder)
            error = case["error"]
            message = result.stderr.strip()
            self.assertEqual(result.returncode, 2, f"exit code; stderr: {result.stderr}")
            self.assertNotIn("\n", message, "one error line")
            self.assertNotIn("Sanitizer", result.stderr)
            path = where / error["file"] if error["file"] != "command line" else error["file"]
            line = expected_line(error["line"], edited, path if isinstance(path, pathlib.Path)
                                 else None)
            prefix = f"kfsim: {path}"
            if "key" in error:  # a scenario error: FILE:LINE:COLUMN: key 'KEY': PROBLEM
                if line:
                    prefix += f":{line}:{error['column']}"
                if error["key"]:
                    prefix += f": key '{error['key']}'"
            else:  # a data error: FILE:LINE: column 'COLUMN': PROBLEM
                if line:
                    prefix += f":{line}"
                if error["column"]:
                    prefix += f": column '{error['column']}'"
            self.assertTrue(message.startswith(prefix + ": "),
                            f"\nexpected: {prefix}: ...\n     got: {message[:400]}")
            for part in error["message"]:
                self.assertIn(part, message)

    def run_check(self, case, folder):
        scenario = folder / "bad.toml"
        for name, text in case.get("files", {}).items():
            (folder / name).write_text(text, encoding="utf-8")
        if "generate" in case:
            scenario.write_bytes(generated(case["generate"]))
        else:
            text = case.get("scenario", "")
            text = text.replace("{baseline}", str(SCENARIOS / "baseline.toml"))
            text = text.replace("{data}", str(SCENARIOS / "data"))
            scenario.write_text(text, encoding="utf-8")
        args = case.get("args", [])
        if args and args[0].endswith(".toml"):
            target, args = args[0], args[1:]
        else:
            target = "bad.toml"
        result = run_kfsim("check", target, *args, cwd=folder, timeout=120)
        return result, pathlib.Path(""), 0

    def run_run(self, case, folder):
        copy = folder / "scenarios"
        copy.mkdir()
        shutil.copy(SCENARIOS / "baseline.toml", copy / "baseline.toml")
        shutil.copytree(SCENARIOS / "data", copy / "data",
                        ignore=shutil.ignore_patterns("derive", "__pycache__"))
        edited = change_table(copy / case["table"], case)
        out = folder / "out.h5"
        result = run_kfsim("run", copy / "baseline.toml", "--set", "end=2024-01", "-o", out,
                           "-q", timeout=300)
        self.assertFalse(out.exists(), "no result file after a refused input")
        leftovers = [p.name for p in folder.iterdir() if p.name not in ("scenarios",)]
        self.assertEqual(leftovers, [], "nothing left beside the inputs")
        return result, copy, edited


class QuotedFields(unittest.TestCase):
    def test_quoted_names_lose_their_quotes_and_keep_their_commas(self):
        """RFC 4180: a table may quote a field; the result file holds the name without quotes."""
        import h5py
        with scratch_dir() as tmp:
            folder = pathlib.Path(tmp)
            copy = folder / "scenarios"
            copy.mkdir()
            shutil.copy(SCENARIOS / "baseline.toml", copy / "baseline.toml")
            shutil.copytree(SCENARIOS / "data", copy / "data",
                            ignore=shutil.ignore_patterns("derive", "__pycache__"))
            table = copy / "data" / "municipalities.csv"
            text = table.read_text(encoding="utf-8")
            text = text.replace("3101,Halden\n", '3101,"Halden"\n')
            text = text.replace("3103,Moss\n", '3103,"Moss, by ""the fjord"""\n')
            table.write_text(text, encoding="utf-8")
            out = folder / "out.h5"
            result = run_kfsim("run", copy / "baseline.toml", "--set", "end=2024-01", "-o", out,
                               "-q", timeout=300)
            self.assertEqual(result.returncode, 0, result.stderr)
            with h5py.File(out, "r") as f:
                names = [n.decode() if isinstance(n, bytes) else str(n)
                         for n in f["municipality_name"][()]]
            self.assertEqual(names[0], "Halden")
            self.assertEqual(names[1], 'Moss, by "the fjord"')


if __name__ == "__main__":
    unittest.main()
