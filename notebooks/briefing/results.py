"""Reading kfsim result files for the briefing, with h5py alone, and the
statistics across replicates that `kfsim compare` uses (paired differences,
5th-95th percentiles by linear interpolation, majority rating).

The competence gap comes in its parts: competence_gap = competence_shortage
+ competence_frictional - competence_surplus + competence_upgrading, exactly,
per replicate, year and group. The briefing sizes a shortage by the shortage
(positions vacant labour.shortage_months or more and unmet demand: people
employers fail to find), a surplus by the surplus (holders of the competence
registered unemployed or employed below it), and shows upgrading (filled jobs
that asked for less than their holders have) apart. A file whose gap is not
the sum of its parts is refused."""
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
    occupation_codes: np.ndarray
    occupation_labels: list
    gap: np.ndarray  # (replicate, year, competence)
    shortage: np.ndarray  # (replicate, year, competence): vacant >= shortage_months, unmet demand
    frictional: np.ndarray  # (replicate, year, competence): vacant a shorter time
    surplus: np.ndarray  # (replicate, year, competence): unemployed or employed below it
    upgrading: np.ndarray  # (replicate, year, competence): filled jobs asking for it, held by others
    rating: np.ndarray  # (replicate, year, competence), from shortage minus surplus
    demand: np.ndarray  # (replicate, year, competence), summed over places of work
    supply: np.ndarray  # (replicate, year, municipality, competence)
    population: np.ndarray  # (replicate, year, municipality, age_group), 31 December
    unfilled: np.ndarray  # (replicate, year, work_area), summed over occupations
    jobs: np.ndarray  # (replicate, year, work_area)
    unemployed: np.ndarray  # (replicate, year, competence)
    employed: np.ndarray  # (replicate, year, competence), residents, summed over municipalities
    occupation_shortage: np.ndarray  # (replicate, year, occupation), summed over places of work
    occupation_unmet: np.ndarray  # (replicate, year, occupation), summed over places of work
    # Whether each replicate drew the keys of an [uncertainty] table: the spread over the
    # replicates then holds parameter and random variation, otherwise random variation only.
    parameter_uncertainty: bool = False

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
    "competence_shortage": 2,
    "competence_frictional": 2,
    "competence_surplus": 2,
    "competence_upgrading": 2,
    "competence_rating": 2,
    "competence_demand": 3,
    "competence_supply": 3,
    "population_end": 4,
    "unfilled_vacancies_mean": 3,
    "jobs": 3,
    "unemployed_by_competence": 3,
    "employed_by_competence": 3,
    "shortage_by_occupation": 3,
    "unmet_demand": 3,
}
# The gap's parts with their signs: the gap is their sum.
GAP_PARTS = {"competence_shortage": 1, "competence_frictional": 1, "competence_surplus": -1,
             "competence_upgrading": 1}


def _read(handle, path, name):
    if name not in handle:
        hint = (" (a file from a kfsim before the gap was split into its parts: run the "
                "scenario again)" if name in GAP_PARTS else "")
        raise InputError(f"{path}: has no variable '{name}'{hint}")
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
                occupation_codes=np.asarray(f["occupation"][:], dtype=int),
                occupation_labels=_labels(f["occupation_name"]),
                gap=_read(f, path, "competence_gap"),
                shortage=_read(f, path, "competence_shortage"),
                frictional=_read(f, path, "competence_frictional"),
                surplus=_read(f, path, "competence_surplus"),
                upgrading=_read(f, path, "competence_upgrading"),
                rating=_read(f, path, "competence_rating"),
                demand=_read(f, path, "competence_demand").sum(axis=2),
                supply=_read(f, path, "competence_supply"),
                population=population,
                unfilled=_read(f, path, "unfilled_vacancies_mean").sum(axis=3),
                jobs=_read(f, path, "jobs").sum(axis=3),
                unemployed=_read(f, path, "unemployed_by_competence").sum(axis=2),
                employed=_read(f, path, "employed_by_competence").sum(axis=2),
                occupation_shortage=_read(f, path, "shortage_by_occupation").sum(axis=2),
                occupation_unmet=_read(f, path, "unmet_demand").sum(axis=2),
                parameter_uncertainty=bool(int(np.asarray(
                    attrs.get("kfsim_parameter_uncertainty", 0)).ravel()[0])),
            )
    except (OSError, KeyError) as error:
        raise InputError(f"{path}: cannot be read ({error})") from None
    result.replicates = result.gap.shape[0]
    by_competence = (result.replicates, len(result.years), len(codes))
    by_occupation = (result.replicates, len(result.years), len(result.occupation_codes))
    for name, data in (("competence_gap", result.gap), ("competence_shortage", result.shortage),
                       ("competence_frictional", result.frictional),
                       ("competence_surplus", result.surplus),
                       ("competence_upgrading", result.upgrading),
                       ("competence_rating", result.rating),
                       ("employed_by_competence", result.employed),
                       ("shortage_by_occupation", result.occupation_shortage),
                       ("unmet_demand", result.occupation_unmet)):
        expected = by_occupation if name in ("shortage_by_occupation", "unmet_demand") else by_competence
        if data.shape != expected:
            raise InputError(f"{path}: {name} does not match its coordinates")
    parts = (result.shortage + result.frictional - result.surplus + result.upgrading)
    worst = float(np.abs(parts - result.gap).max()) if parts.size else 0.0
    if not worst <= 1e-6 * max(1.0, float(np.abs(result.gap).max())):
        raise InputError(f"{path}: competence_gap is not the sum of its parts "
                         "(shortage + frictional - surplus + upgrading; off by up to "
                         f"{worst:g} persons)")
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
        if other.occupation_labels != base.occupation_labels:
            raise differ("occupations")
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


def majority_rating(ratings, mean_net):
    """The rating most replicates gave and the share that agree; ties go to
    balance when it is among the most frequent, otherwise to the sign of
    `mean_net`, the mean of what the rating is made from (shortage minus
    surplus)."""
    codes = np.clip(np.rint(np.asarray(ratings, dtype=float)), -1, 1).astype(int)
    counts = {c: int((codes == c).sum()) for c in (-1, 0, 1)}
    most = max(counts.values())
    rating = 0
    if counts[0] != most:
        if counts[-1] == most and counts[1] == most:
            rating = -1 if mean_net < 0 else 1
        else:
            rating = 1 if counts[1] == most else -1
    return rating, counts[rating] / len(codes)
