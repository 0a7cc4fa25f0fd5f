#!/usr/bin/env bash
# Builds oneTBB's libtbb with ThreadSanitizer from Debian 12's own source package (the same
# version as libtbb-dev, fetched from the Debian mirror), so that TSan sees TBB's
# synchronisation: with Debian's uninstrumented libtbb every parallel loop reads as a race.
# Usage: scripts/build-tbb-tsan.sh DIR   -> DIR/lib/libtbb.so.12 (use with LD_LIBRARY_PATH)
set -euo pipefail
dir="$(mkdir -p "$1" && cd "$1" && pwd)"
[ -e "$dir/lib/libtbb.so.12" ] && exit 0
version="$(dpkg-query -W -f='${Version}' libtbb-dev)"
upstream="${version%%-*}"
work="$dir/src"
mkdir -p "$work/lists/partial"
cat >"$work/debian-src.sources" <<SOURCES
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
apt=(-o "Dir::Etc::SourceList=$work/debian-src.sources" -o Dir::Etc::SourceParts=/dev/null
     -o "Dir::State::Lists=$work/lists" -o APT::Sandbox::User=root)
apt-get "${apt[@]}" -qq update
(cd "$work" && apt-get "${apt[@]}" -qq source --download-only "onetbb=$version")
tar -C "$work" -xf "$work/onetbb_${upstream}.orig.tar.xz"
# TBB's own fences draw -Wtsan warnings from GCC: kept in the log, shown only on failure.
{
  cmake -S "$work/oneTBB-${upstream}" -B "$work/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DTBB_TEST=OFF -DTBB_EXAMPLES=OFF -DTBB_STRICT=OFF -DTBB_SANITIZE=thread &&
    cmake --build "$work/build" -j"$(nproc)" --target tbb
} >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; exit 1; }
mkdir -p "$dir/lib"
cp -P "$work"/build/*/libtbb.so* "$dir/lib/"
