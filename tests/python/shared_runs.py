"""The ctest fixture that makes the shared result files (kfsim_testing.SHARED_RUNS) once, before
the tests that read them, into KFSIM_SHARED_RUNS; the long ones only outside the sanitizer
build."""
import pathlib
import sys

from kfsim_testing import LONG_SHARED_RUNS, SANITIZED, SHARED_RUNS, make_shared_run, shared_runs_dir

if __name__ == "__main__":
    folder = shared_runs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for name in SHARED_RUNS:
        if SANITIZED and name in LONG_SHARED_RUNS:
            continue
        path = make_shared_run(name, folder)
        print(f"made {path} ({path.stat().st_size} bytes)", file=sys.stderr)
    # A file another test left behind under a name that is not shared is no input of anyone's.
    for stray in pathlib.Path(folder).glob("*.h5"):
        if stray.stem not in SHARED_RUNS:
            stray.unlink()
