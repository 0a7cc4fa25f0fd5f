"""The ctest fixture that makes the shared result files (kfsim_testing.SHARED_SCENARIOS) once,
before the tests that read them, into KFSIM_SHARED_RUNS."""
import pathlib
import sys

from kfsim_testing import SHARED_SCENARIOS, make_shared_run, shared_runs_dir

if __name__ == "__main__":
    folder = shared_runs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for name in SHARED_SCENARIOS:
        path = make_shared_run(name, folder)
        print(f"made {path} ({path.stat().st_size} bytes)", file=sys.stderr)
    # A file another test left behind under a name that is not shared is no input of anyone's.
    for stray in pathlib.Path(folder).glob("*.h5"):
        if stray.stem not in SHARED_SCENARIOS:
            stray.unlink()
