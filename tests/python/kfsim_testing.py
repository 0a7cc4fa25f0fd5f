"""Shared helpers for the end-to-end tests: where the binary and scenarios are,
and running kfsim as a user would."""
import os
import pathlib
import subprocess
import tempfile

KFSIM = os.environ.get("KFSIM_BIN", "kfsim")
SOURCE = pathlib.Path(os.environ.get("KFSIM_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
BASELINE = SOURCE / "scenarios" / "baseline.toml"


def run_kfsim(*args, timeout=600, **kwargs):
    """Runs kfsim with the given arguments; returns the CompletedProcess."""
    return subprocess.run([KFSIM, *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, **kwargs)


def scratch_dir():
    return tempfile.TemporaryDirectory(prefix="kfsim-test-")


def write_short_scenario(directory, end="2026-12", extra=""):
    """A scenario that extends the baseline and stops early, for quick runs."""
    path = pathlib.Path(directory) / "short.toml"
    path.write_text(
        f'schema_version = 1\nname = "short"\nextends = "{BASELINE}"\nend = "{end}"\n{extra}\n',
        encoding="utf-8")
    return path
