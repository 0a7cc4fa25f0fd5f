"""Reading kfsim result files for the briefing, with h5py alone, and the
statistics across replicates that `kfsim compare` uses (paired differences,
5th-95th percentiles by linear interpolation, majority rating)."""
import dataclasses
import os
import tomllib

import h5py
import numpy as np

FILE_FORMAT_VERSION = 1


class InputError(Exception):
    """A file that cannot be briefed: missing, not a kfsim result, of another
    format version, lacking a variable, or not comparable with the baseline.
    The message names the file."""


def _text(value):
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, np.ndarray) and value.shape == ():
        return _text(value[()])
    return str(value)


def _labels(dataset):
    return [_text(v) for v in dataset[:]]


def split_label(label):
    """"BA_NURS: Bachelor: nursing" -> ("BA_NURS", "Bachelor: nursing")."""
    code, sep, name = label.partition(": ")
    if not sep or not code:
        return label, label
    return code, name


@dataclasses.dataclass
class Result:
    path: str
    name: str
    seed: int
    replicates: int
    code_version: str
    started_utc: str
    scenario_text: str
    scenario: dict
    years: np.ndarray
    competence_codes: list
    competence_labels: list
    municipalities: list  # names
    work_areas: list  # names; the last is Oslo and Akershus
    work_area_codes: np.ndarray
    age_lower: np.ndarray  # lower bound of each age group
    gap: np.ndarray  # (replicate, year, competence)
    rating: np.ndarray  # (replicate, year, competence)
    demand: np.ndarray  # (replicate, year, competence), summed over places of work
    supply: np.ndarray  # (replicate, year, municipality, competence)
    population: np.ndarray  # (replicate, year, municipality, age_group), 31 December
    unfilled: np.ndarray  # (replicate, year, work_area), summed over occupations
    jobs: np.ndarray  # (replicate, year, work_area)
    unemployed: np.ndarray  # (replicate, year, competence)

    @property
    def description(self):
        return self.scenario.get("description", "")

    @property
    def policies(self):
        return self.scenario.get("policies", [])

    def year_index(self, year):
        return int(np.nonzero(self.years == year)[0][0])


# Variables the briefing reads and their dimensions after `replicate`.
_VARIABLES = {
    "competence_gap": 2,
    "competence_rating": 2,
    "competence_demand": 3,
    "competence_supply": 3,
    "population_end": 4,
    "unfilled_vacancies_mean": 3,
    "jobs": 3,
    "unemployed_by_competence": 3,
}


def _read(handle, path, name):
    if name not in handle:
        raise InputError(f"{path}: has no variable '{name}'")
    data = handle[name][()]
    expected = _VARIABLES[name]
    if data.ndim == expected:  # a file of one run without a replicate dimension
        data = data[np.newaxis, ...]
    if data.ndim != expected + 1:
        raise InputError(f"{path}: variable '{name}' has {data.ndim} dimensions, "
                         f"expected {expected + 1}")
    return np.asarray(data, dtype=float)


def check_kfsim_file(path):
    """Raises InputError unless `path` is a kfsim result of the format this
    briefing reads (the same rules as kfsim's own reader)."""
    if not os.path.exists(path):
        raise InputError(f"{path}: no such file")
    try:
        handle = h5py.File(path, "r")
    except OSError as error:
        raise InputError(f"{path}: cannot be read as an HDF5 file ({error})") from None
    with handle:
        version = handle.attrs.get("kfsim_file_format_version")
        if version is None:
            raise InputError(f"{path}: is not a kfsim result file "
                             "(it has no kfsim_file_format_version)")
        if int(np.asarray(version).ravel()[0]) != FILE_FORMAT_VERSION:
            raise InputError(f"{path}: has result file format version {_text(version)}; "
                             f"this briefing reads version {FILE_FORMAT_VERSION}")


def read_result(path):
    check_kfsim_file(path)
    try:
        with h5py.File(path, "r") as f:
            attrs = f.attrs
            for name in ("kfsim_scenario_name", "kfsim_scenario", "kfsim_seed",
                         "kfsim_code_version", "kfsim_started_utc"):
                if name not in attrs:
                    raise InputError(f"{path}: has no attribute '{name}'")
            scenario_text = _text(attrs["kfsim_scenario"])
            try:
                scenario = tomllib.loads(scenario_text)
            except tomllib.TOMLDecodeError as error:
                raise InputError(f"{path}: its scenario text is not valid TOML ({error})") from None
            labels = _labels(f["competence_name"])
            codes = [split_label(label)[0] for label in labels]
            age_lower = np.array([int(_text(a).split("-")[0].rstrip("+"))
                                  for a in f["age_group_name"][:]])
            population = _read(f, path, "population_end").sum(axis=3)  # over sex
            result = Result(
                path=str(path),
                name=_text(attrs["kfsim_scenario_name"]),
                seed=int(np.asarray(attrs["kfsim_seed"]).ravel()[0]),
                replicates=0,
                code_version=_text(attrs["kfsim_code_version"]),
                started_utc=_text(attrs["kfsim_started_utc"]),
                scenario_text=scenario_text,
                scenario=scenario,
                years=np.asarray(f["year"][:], dtype=int),
                competence_codes=codes,
                competence_labels=labels,
                municipalities=_labels(f["municipality_name"]),
                work_areas=_labels(f["work_area_name"]),
                work_area_codes=np.asarray(f["work_area"][:], dtype=int),
                age_lower=age_lower,
                gap=_read(f, path, "competence_gap"),
                rating=_read(f, path, "competence_rating"),
                demand=_read(f, path, "competence_demand").sum(axis=2),
                supply=_read(f, path, "competence_supply"),
                population=population,
                unfilled=_read(f, path, "unfilled_vacancies_mean").sum(axis=3),
                jobs=_read(f, path, "jobs").sum(axis=3),
                unemployed=_read(f, path, "unemployed_by_competence").sum(axis=2),
            )
    except (OSError, KeyError) as error:
        raise InputError(f"{path}: cannot be read ({error})") from None
    result.replicates = result.gap.shape[0]
    if result.gap.shape[1:] != (len(result.years), len(codes)):
        raise InputError(f"{path}: competence_gap does not match its coordinates")
    return result


def check_comparable(results):
    base = results[0]
    for other in results[1:]:
        def differ(what):
            return InputError(f"{other.path}: its {what} differ from those of the baseline "
                              f"{base.path}")
        if not np.array_equal(other.years, base.years):
            raise differ("years")
        if other.competence_labels != base.competence_labels:
            raise differ("competence groups")
        if other.municipalities != base.municipalities:
            raise differ("municipalities")
        if other.replicates != base.replicates:
            raise InputError(f"{other.path}: has {other.replicates} replicates, the baseline "
                             f"{base.path} has {base.replicates}")


@dataclasses.dataclass
class Spread:
    mean: float
    p5: float
    p95: float


def spread(values):
    values = np.asarray(values, dtype=float)
    p5, p95 = np.percentile(values, [5, 95])  # linear interpolation, numpy's default
    return Spread(float(values.mean()), float(p5), float(p95))


def majority_rating(ratings, mean_gap):
    """The rating most replicates gave and the share that agree; ties go to
    balance when it is among the most frequent, otherwise to the sign of the
    mean gap (as `kfsim compare`)."""
    codes = np.clip(np.rint(np.asarray(ratings, dtype=float)), -1, 1).astype(int)
    counts = {c: int((codes == c).sum()) for c in (-1, 0, 1)}
    most = max(counts.values())
    rating = 0
    if counts[0] != most:
        if counts[-1] == most and counts[1] == most:
            rating = -1 if mean_gap < 0 else 1
        else:
            rating = 1 if counts[1] == most else -1
    return rating, counts[rating] / len(codes)
