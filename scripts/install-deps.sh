#!/usr/bin/env bash
# Installs what kfsim needs from Debian 12 packages; does nothing when all is present.
# Usage: scripts/install-deps.sh [--python] [--all]
#   (no flag)  build dependencies only
#   --python   also what the output checks, notebooks and briefing use (Python, R, Chromium)
set -euo pipefail

build_pkgs=(
  build-essential cmake pkg-config
  libboost-random-dev libboost-program-options-dev
  libeigen3-dev libhdf5-dev libtbb-dev libgtest-dev libbenchmark-dev
  libtomlplusplus-dev
  libopenmpi-dev openmpi-bin
  time
  clang libclang-rt-14-dev  # scripts/fuzz.sh: libFuzzer with ASan and UBSan
)
# The result checks, the research notebooks (Jupyter, R's ncdf4), the briefing (matplotlib,
# WeasyPrint for its PDF) and the briefing's checks (headless Chromium, pdftotext).
python_pkgs=(python3-h5py python3-xarray python3-h5netcdf python3-numpy python3-pandas
  python3-matplotlib python3-pil jupyter-nbconvert python3-ipykernel r-base-core r-cran-ncdf4
  weasyprint chromium poppler-utils fonts-dejavu-core)

want=("${build_pkgs[@]}")
for arg in "$@"; do
  case "$arg" in
    --python) want+=("${python_pkgs[@]}") ;;
    *) echo "install-deps.sh: unknown option '$arg'" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
