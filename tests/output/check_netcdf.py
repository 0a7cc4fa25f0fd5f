#!/usr/bin/python3
"""Checks that a kfsim result file is a netCDF-4 file that common readers understand.

Usage: check_netcdf.py FILE [--dim NAME=SIZE ...] [--label NAME=DIMENSION ...]

Checks, each reported on failure:
  * h5py: every dimension is a dimension scale with a _Netcdf4Dimid (0, 1, ... without gaps);
    every dimension of every other variable has a scale attached; link and attribute creation
    order are tracked and indexed on the root group and every variable; `units` and
    `long_name` are fixed-length strings (variable-length ones are NC_STRING to netCDF-C).
  * xarray with engine="h5netcdf" and no options: the named dimensions (no phony_dim_*), with
    the sizes given by --dim when any are given; the label coordinates given by --label, as
    text over their dimension; long_name on every variable and units on every numeric one;
    values equal to what h5py reads.
  * netCDF4 (netCDF-C), when the module is importable: the file opens as NETCDF4 with the same
    dimensions, variables and values, and xarray's netcdf4 engine gives an identical dataset.

Exit status: 0 when everything holds, 1 when a check fails, 2 for wrong usage.
"""

import argparse
import sys

import h5py
import numpy as np
import xarray as xr

TRACKED_AND_INDEXED = h5py.h5p.CRT_ORDER_TRACKED | h5py.h5p.CRT_ORDER_INDEXED


class Checks:
    def __init__(self):
        self.failures = []

    def expect(self, condition, message):
        if not condition:
            self.failures.append(message)
        return condition


def parse_pairs(parser, pairs, option):
    parsed = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name or not value:
            parser.error(f"{option} wants NAME=VALUE, got {pair!r}")
        parsed[name] = value
    return parsed


def text_of(value):
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def is_dimension_scale(dataset):
    return text_of(dataset.attrs.get("CLASS", b"")) == "DIMENSION_SCALE"


def check_hdf5(path, checks):
    """The HDF5 layout netCDF-C relies on. Returns {name: values} of every dataset."""
    values = {}
    with h5py.File(path, "r") as f:
        root = h5py.h5g.open(f.id, b"/").get_create_plist()
        checks.expect(root.get_link_creation_order() == TRACKED_AND_INDEXED,
                      "h5py: link creation order of the root group is not tracked and indexed")
        checks.expect(root.get_attr_creation_order() == TRACKED_AND_INDEXED,
                      "h5py: attribute creation order of the root group is not tracked and "
                      "indexed")
        dimids = []
        for name, dataset in f.items():
            if not isinstance(dataset, h5py.Dataset):
                continue
            values[name] = dataset[()]
            order = dataset.id.get_create_plist().get_attr_creation_order()
            checks.expect(order == TRACKED_AND_INDEXED,
                          f"h5py: attribute creation order of {name} is not tracked and indexed")
            for attribute in ("units", "long_name"):
                if attribute not in dataset.attrs:
                    continue
                info = h5py.check_string_dtype(dataset.attrs.get_id(attribute).dtype)
                checks.expect(info is not None and info.length is not None,
                              f"h5py: {name}.{attribute} is not a fixed-length string")
            if is_dimension_scale(dataset):
                checks.expect("_Netcdf4Dimid" in dataset.attrs,
                              f"h5py: dimension {name} has no _Netcdf4Dimid")
                dimids.append(int(dataset.attrs.get("_Netcdf4Dimid", -1)))
            else:
                for index, scales in enumerate(dataset.dims):
                    checks.expect(len(scales) >= 1,
                                  f"h5py: dimension {index} of {name} has no scale attached")
        checks.expect(sorted(dimids) == list(range(len(dimids))),
                      f"h5py: _Netcdf4Dimid values {sorted(dimids)} are not 0..n-1")
    return values


def same_values(a, b):
    a = np.asarray(a)
    b = np.asarray(b)
    if a.dtype.kind in "OSU" or b.dtype.kind in "OSU":
        return a.shape == b.shape and [text_of(x) for x in a.ravel()] == [
            text_of(x) for x in b.ravel()]
    return a.shape == b.shape and np.array_equal(a, b)


def check_xarray(path, checks, dims, labels, hdf5_values):
    ds = xr.open_dataset(path, engine="h5netcdf")
    ds.load()
    phony = [d for d in ds.dims if str(d).startswith("phony_dim")]
    checks.expect(not phony, f"xarray: unnamed dimensions {phony}")
    if dims:
        found = {str(d): int(n) for d, n in ds.sizes.items()}
        wanted = {d: int(n) for d, n in dims.items()}
        checks.expect(found == wanted, f"xarray: dimensions {found}, expected {wanted}")
    for name, dim in labels.items():
        if not checks.expect(name in ds.coords, f"xarray: label {name} is not a coordinate"):
            continue
        label = ds.coords[name]
        checks.expect(label.dims == (dim,), f"xarray: {name} is over {label.dims}, not ({dim},)")
        checks.expect(all(isinstance(v, str) for v in label.values.ravel()),
                      f"xarray: {name} does not hold text")
    for name, variable in ds.variables.items():
        checks.expect("long_name" in variable.attrs, f"xarray: {name} has no long_name")
        if variable.dtype.kind in "iuf":
            checks.expect("units" in variable.attrs, f"xarray: {name} has no units")
        if name in hdf5_values:
            checks.expect(same_values(variable.values, hdf5_values[name]),
                          f"xarray: values of {name} differ from what h5py reads")
    return ds


def check_netcdf4(path, checks, reference):
    try:
        import netCDF4
    except ImportError:
        print("check_netcdf.py: netCDF4 is not installed; netCDF-C was not checked")
        return
    with netCDF4.Dataset(path, "r") as nc:
        checks.expect(nc.file_format == "NETCDF4", f"netCDF4: format is {nc.file_format}")
        found = {name: len(d) for name, d in nc.dimensions.items()}
        wanted = {str(d): int(n) for d, n in reference.sizes.items()}
        checks.expect(found == wanted, f"netCDF4: dimensions {found}, xarray has {wanted}")
        for name, variable in nc.variables.items():
            if not checks.expect(name in reference.variables,
                                 f"netCDF4: variable {name} is unknown to xarray"):
                continue
            checks.expect(variable.dimensions == reference[name].dims,
                          f"netCDF4: {name} is over {variable.dimensions}, xarray says "
                          f"{reference[name].dims}")
            checks.expect(isinstance(getattr(variable, "long_name", None), str),
                          f"netCDF4: {name}.long_name is not text")
            variable.set_auto_mask(False)
            checks.expect(same_values(variable[...], reference[name].values),
                          f"netCDF4: values of {name} differ")
        for name in nc.ncattrs():
            nc.getncattr(name)  # every global attribute must be readable
    with xr.open_dataset(path, engine="netcdf4") as via_netcdf_c:
        checks.expect(via_netcdf_c.identical(reference),
                      "xarray: the netcdf4 and h5netcdf engines give different datasets")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--dim", action="append", default=[], metavar="NAME=SIZE")
    parser.add_argument("--label", action="append", default=[], metavar="NAME=DIMENSION")
    args = parser.parse_args()
    dims = parse_pairs(parser, args.dim, "--dim")
    if not all(size.isdigit() for size in dims.values()):
        parser.error("--dim wants NAME=SIZE with a whole number SIZE")
    labels = parse_pairs(parser, args.label, "--label")

    checks = Checks()
    # A reader that raises is a failed check, reported with the others.
    hdf5_values, dataset = {}, None
    try:
        hdf5_values = check_hdf5(args.file, checks)
    except Exception as error:  # noqa: BLE001
        checks.expect(False, f"h5py cannot read the file: {error!r}")
    try:
        dataset = check_xarray(args.file, checks, dims, labels, hdf5_values)
    except Exception as error:  # noqa: BLE001
        checks.expect(False, f"xarray (h5netcdf) cannot read the file: {error!r}")
    if dataset is not None:
        try:
            check_netcdf4(args.file, checks, dataset)
        except Exception as error:  # noqa: BLE001
            checks.expect(False, f"netCDF4 (netCDF-C) cannot read the file: {error!r}")
    for failure in checks.failures:
        print(f"check_netcdf.py: {args.file}: {failure}", file=sys.stderr)
    if checks.failures:
        return 1
    print(f"check_netcdf.py: {args.file}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
