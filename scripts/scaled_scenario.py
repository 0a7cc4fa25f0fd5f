#!/usr/bin/env python3
"""Writes a copy of the baseline scenario whose world is K times the size of Østfold's, for
the population-scaling figure of scripts/benchmark.sh.

    python3 scripts/scaled_scenario.py K OUT_DIR

writes OUT_DIR/baseline_xK.toml, which extends scenarios/baseline.toml and points its [data]
keys at copies of the baseline's tables under OUT_DIR/data_xK/ in which every absolute count
that sets the size of the world is multiplied by K:

- population_2024.csv: persons (residents on 1 January 2024);
- migration.csv: in_count (expected in-movers a year; out_rate is a rate and stays);
- migration_events.csv: arrivals (refugee episodes; off in the baseline, scaled all the same);
- labour/employment_by_industry_2024.csv: employed_workplace (jobs);
- labour/commuting.csv: in_commuters, employed_residents, out_commuters, jobs_workplace
  (kfsim reads in_commuters; the others are scaled so the table stays consistent);
- labour/disability_nav_2024.csv: stock_2024_01, mean_2024 (persons with reduced work
  capacity, a stock the labour market's outside groups are set to);
- labour/labour_status_targets.csv: population_2024, employed_2024, unemployed_2024 (not read
  by kfsim, which takes the rates; scaled for consistency);
- education/programmes.csv: places (intake places a year; -1, unlimited, stays) and
  choice_weight (expected applicants a year; kfsim normalises it, so this changes nothing).

Everything else is a rate, a share, a code or a size class and stays as it is. Establishment
sizes (labour/establishment_size_distribution.csv) stay: a larger world has more employers,
not larger ones. K = 1 writes an unscaled copy whose run is the baseline's.
"""

import csv
import io
import sys
from pathlib import Path

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"

# [data] key -> (table under scenarios/data, columns holding absolute counts).
SCALED = {
    "population": ("population_2024.csv", ["persons"]),
    "migration": ("migration.csv", ["in_count"]),
    "migration_events": ("migration_events.csv", ["arrivals"]),
    "jobs_by_industry": ("labour/employment_by_industry_2024.csv", ["employed_workplace"]),
    "commuting": (
        "labour/commuting.csv",
        ["in_commuters", "employed_residents", "out_commuters", "jobs_workplace"],
    ),
    "disability_stock": ("labour/disability_nav_2024.csv", ["stock_2024_01", "mean_2024"]),
    "labour_status_targets": (
        "labour/labour_status_targets.csv",
        ["population_2024", "employed_2024", "unemployed_2024"],
    ),
    "programmes": ("education/programmes.csv", ["places", "choice_weight"]),
}


def scaled_value(text: str, k: int) -> str:
    """The count times k, written as an integer where it was one; -1 (unlimited) stays."""
    if text.strip() in ("", "-", "-1"):
        return text
    try:
        return str(int(text) * k)
    except ValueError:
        value = float(text) * k
        decimals = len(text.split(".")[1]) if "." in text else 0
        return f"{value:.{decimals}f}"


def scale_table(source: Path, target: Path, columns: list[str], k: int) -> None:
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    comments = [line for line in lines if line.startswith("#")]
    body = "".join(line for line in lines if not line.startswith("#"))
    rows = list(csv.reader(io.StringIO(body)))
    header = rows[0]
    missing = [c for c in columns if c not in header]
    if missing:
        sys.exit(f"{source}: no column {', '.join(missing)}")
    indices = [header.index(c) for c in columns]
    for row in rows[1:]:
        for i in indices:
            row[i] = scaled_value(row[i], k)
    out = io.StringIO()
    out.write(f"# Scaled x{k} by scripts/scaled_scenario.py (columns {' '.join(columns)}); "
              "a benchmark world, not data.\n")
    out.writelines(comments)
    csv.writer(out, lineterminator="\n").writerows(rows)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(out.getvalue(), encoding="utf-8")


def main() -> None:
    if len(sys.argv) != 3 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 1:
        sys.exit("usage: scaled_scenario.py K OUT_DIR   (K a whole number >= 1)")
    k = int(sys.argv[1])
    out_dir = Path(sys.argv[2]).resolve()
    data_dir = out_dir / f"data_x{k}"
    lines = [
        f"# The baseline with a world {k} times the size of Østfold's (scripts/scaled_scenario.py).",
        "schema_version = 1",
        f'name = "baseline_x{k}"',
        f'description = "Baseline, every count that sets the size of the world x {k}"',
        f'extends = "{SCENARIOS / "baseline.toml"}"',
        "",
        "[data]",
    ]
    for key, (table, columns) in SCALED.items():
        scale_table(SCENARIOS / "data" / table, data_dir / table, columns, k)
        lines.append(f'{key} = "{data_dir.name}/{table}"')
    scenario = out_dir / f"baseline_x{k}.toml"
    scenario.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(scenario)


if __name__ == "__main__":
    main()
